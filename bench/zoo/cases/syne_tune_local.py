"""Syne Tune 0.16.0 (AWS's hyperparameter optimisation library): the README's "Getting started"
quick start, a ``Tuner`` with ``LocalBackend(entry_point='train_height_simple.py')`` (each
trial a subprocess of the training script, its stdout and stderr going to the trial's own
``std.out``/``std.err``, never to the terminal) and ``n_workers=2``. The training script is
the README's ``train_height_simple.py`` verbatim (the case writes it into the cwd): per epoch
``time.sleep(0.1)``, ``dummy_score = 1.0 / (0.1 + args.width * step / 100) + args.height *
0.1`` (a decaying loss, pure Python) and ``report(epoch=step + 1, mean_loss=dummy_score)``
through ``syne_tune.Reporter``. The launcher is the README's ``launch_height_simple.py``
(config space ``width``/``height`` ``randint(1, 20)``, ``epochs`` fixed) with these changes:
``epochs`` 10, not 100 (time); the README's ``ASHA(config_space, metric='mean_loss',
time_attr='epoch')`` no longer runs on 0.16 (``max_t`` is required), and ASHA's stopping
decisions depend on the order results arrive in, so the scheduler is 0.16's
``RandomSearch(config_space, metrics=['mean_loss'], random_seed=0)`` (minimises by default):
every trial runs its 10 epochs; ``StoppingCriterion(max_num_trials_started=7)`` ("stop once
MORE than this number of trials have been started": 8 trials) instead of 30 s of wall clock,
with the Tuner's documented ``wait_trial_completion_when_stopping=True`` so the last two
trials run to the end rather than being killed mid-way (same 8 trials, same values, pipe and
pty); ``print_update_interval=10`` (default 30 s, longer than this ~22 s run: with it the
status table prints mid-run, as it does in any real run). ``SYNETUNE_FOLDER`` (Syne Tune's
documented override of ``~/syne-tune/``) is set to ``<cwd>/syne-tune`` so the results stay in
the run's folder, as ``ray_tune`` sets ``storage_path``. Nothing downloaded; ~22 s (the
Tuner polls its trials every 5 s).

What it prints (stdout; ``TunerLogger`` with ANSI colours and emojis, pipe and pty alike): a
header box (``🚀 Syne Tune - Hyperparameter Optimization``, ``├─ Name:
train-height-simple-<date>``, Backend, ``├─ Workers: 2``, Scheduler, Results/Log Path), ``🏁
Starting hyperparameter optimization...``, per trial ``[07:13:34] 🚀 Trial 0 started -
config: width=13, height=16, epochs=10`` and ``[07:13:39] ✅ Trial 0 completed!``; every 10+ s
a ``📊 Tuning Status (last metric is reported)`` table (pandas ``to_string``: ``trial_id
status iter width height epochs epoch mean_loss worker-time``, one row a trial started so
far with its LAST reported ``epoch``/``mean_loss`` and its ``st_worker_time`` as
``worker-time``; a trial with no result yet shows ``-``; ``epoch`` then prints as
``10.0``) and ``2 trials running, 4 finished (4 until the end), 15.18s wallclock-time``;
then ``🎉🎉🎉 HYPERPARAMETER OPTIMIZATION COMPLETE!``, ``Resource summary (last result is
reported):`` with the same table over all 8 trials and its ``wallclock-time`` line, ``mean_loss:
best 1.0524861878453038 for trial-id 4`` (each trial's minimum, the least of them), ``🛑
Stopping trials ...``, ``✅ Tuning finished, results of trials can be found at <path>``,
``💾 Results saved to: <path>`` and ``✨ Happy training ...``. On stderr, once, the root
logger's ``WARNING:syne_tune.backend.local_backend:num_gpus_per_trial = 1 is too large,
reducing to 0`` (no GPU).

Truth: Syne Tune's own record of every report, the experiment's results dataframe
``load_experiment(tuner.name).results`` (read from the ``results.csv.zip`` the Tuner's
``StoreResultsCallback`` writes under ``syne-tune/<tuner name>/``, listed in ``files``, with
each trial's ``std.out``: the Reporter's ``[tune-metric]: {...}`` JSON lines the backend parses
the results from). Judgement calls, after the zoo's tuning cases (``ray_tune``: a trial is a
separate run; ``optuna_study``/``ax_service_loop``: the search's inputs are no metrics):
- Per-trial series named ``<trial>/<key>``, the trial as the status table names it: its
  ``trial_id`` column, ``0`` to ``7`` (Syne Tune's own id, also the trial's folder name and
  the ``Trial 3 started``/``trial-id 4`` of its lines), and the key the training script
  reports: ``0/mean_loss`` ... ``7/mean_loss``, each 10 values keyed by the script's own
  ``epoch`` (1-based, as reported). Only each trial's last value is printed (in every table
  after the trial has results); the other 9 exist only in the results file and ``std.out``
  (as ``ray_tune``'s truth keeps all 5 iterations of ``result.json``). Pandas prints 6
  decimals (``display.precision``): tolerance 5e-7 absolute.
- ``epoch`` (the table's column, the reported axis) and ``iter`` (a count of results) are
  axes; ``width``, ``height``, ``epochs`` are the sampled/fixed configuration (inputs, not
  metrics; not in ``also_ok``); ``trial_id``/``status`` are labels.
- Timing (``also_ok``): ``worker-time`` (bare and per trial; ``st_worker_time``, the
  Reporter's seconds since it was made), the ``wallclock-time`` of the summary lines, and
  the log lines' ``[HH:MM:SS]``. The results file's ``st_worker_timestamp``,
  ``st_tuner_time``, ``st_worker_iter``, ``st_decision``, ``st_status`` are Syne Tune's
  bookkeeping, never printed, not metrics.
- ``mean_loss: best 1.0524861878453038 for trial-id 4`` is the best of the trials' minima,
  a best-so-far printed again (trial 4's last ``mean_loss``), no series of its own (README
  rule): in ``also_ok`` as ``best_mean_loss``; a bare ``mean_loss`` (no trial) is no truth
  series either, so recording it is junk.
- Determinism: Syne Tune 0.16's ``RandomSearcher`` keeps ``random_seed`` but samples with
  ``Domain.sample()`` on numpy's global generator (``sample_random_config``), so the case
  also calls ``np.random.seed(0)`` before the Tuner: the same 8 configurations each run
  (the script's values depend on them alone); only times, the tuner name's date and how
  many mid-run tables print (the 10 s timer against the 5 s polling) change between runs.
"""
# zoo-venv: synetune

import glob
import os
from importlib.metadata import version

import numpy as np
import pandas as pd
from _truth import series, write_truth

# the README's training script, verbatim
TRAIN_SCRIPT = """\
# train_height_simple.py
import logging
import time

from syne_tune import Reporter
from argparse import ArgumentParser

if __name__ == '__main__':
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    parser = ArgumentParser()
    parser.add_argument('--epochs', type=int)
    parser.add_argument('--width', type=float)
    parser.add_argument('--height', type=float)
    args, _ = parser.parse_known_args()
    report = Reporter()
    for step in range(args.epochs):
        time.sleep(0.1)
        dummy_score = 1.0 / (0.1 + args.width * step / 100) + args.height * 0.1
        # Feed the score back to Syne Tune.
        report(epoch=step + 1, mean_loss=dummy_score)
"""
with open("train_height_simple.py", "w", encoding="utf-8") as handle:
    handle.write(TRAIN_SCRIPT)

os.environ["SYNETUNE_FOLDER"] = os.path.abspath("syne-tune")

# launch_height_simple.py
from syne_tune import StoppingCriterion, Tuner  # noqa: E402
from syne_tune.backend import LocalBackend  # noqa: E402
from syne_tune.config_space import randint  # noqa: E402
from syne_tune.experiments import load_experiment  # noqa: E402
from syne_tune.optimizer.baselines import RandomSearch  # noqa: E402

# Syne Tune 0.16's RandomSearcher draws from numpy's global generator (``Domain.sample`` with
# no ``random_state``), not from its ``random_seed``: seed that generator for repeatable trials
np.random.seed(0)

# hyperparameter search space to consider
config_space = {
    'width': randint(1, 20),
    'height': randint(1, 20),
    'epochs': 10,
}

tuner = Tuner(
    trial_backend=LocalBackend(entry_point='train_height_simple.py'),
    scheduler=RandomSearch(
        config_space,
        metrics=['mean_loss'],
        random_seed=0,
    ),
    stop_criterion=StoppingCriterion(max_num_trials_started=7),
    n_workers=2,  # how many trials are evaluated in parallel
    wait_trial_completion_when_stopping=True,
    print_update_interval=10,
)
tuner.run()

# the truth: Syne Tune's results dataframe, checked against the file it was read from
results = load_experiment(tuner.name).results
folder = os.path.join("syne-tune", tuner.name)
stored = pd.read_csv(os.path.join(folder, "results.csv.zip"))
assert len(stored) == len(results) == 80, (len(stored), len(results))
assert list(stored["mean_loss"]) == list(results["mean_loss"])
assert sorted(set(results["trial_id"])) == list(range(8)), set(results["trial_id"])
assert tuner.tuning_status.num_trials_completed == 8, tuner.tuning_status.last_trial_status_seen

metrics, also_ok, files = {}, ["worker-time", "wallclock-time", "best_mean_loss"], []
for trial_id, rows in results.groupby("trial_id", sort=True):
    rows = rows.sort_values("st_worker_iter")
    assert list(rows["epoch"]) == list(range(1, 11)), list(rows["epoch"])
    metrics[f"{trial_id}/mean_loss"] = series(zip(rows["epoch"], rows["mean_loss"], strict=True),
                                              "epoch", tolerance=5e-7)
    also_ok.append(f"{trial_id}/worker-time")
files = [os.path.join(folder, "results.csv.zip"),
         *sorted(glob.glob(os.path.join(folder, "*", "std.out")),
                 key=lambda path: int(path.split(os.sep)[-2]))]
best = results.groupby("trial_id")["mean_loss"].min()
write_truth("syne-tune", version("syne-tune"),
            "load_experiment(tuner.name).results: the results.csv.zip the Tuner writes under "
            "syne-tune/<tuner name>/ (a row per Reporter call: trial_id, epoch, mean_loss)",
            metrics, files=files, also_ok=also_ok,
            notes=f"best mean_loss {best.min()} at trial {int(best.idxmin())}; configs "
                  + "; ".join(f"{t}: width={int(r['config_width'].iloc[0])}, "
                              f"height={int(r['config_height'].iloc[0])}"
                              for t, r in results.groupby("trial_id", sort=True)))
