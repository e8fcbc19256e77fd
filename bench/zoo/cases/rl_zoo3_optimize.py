"""RL Baselines3 Zoo 2.9.2 (``rl_zoo3``, the training framework around Stable-Baselines3)
tuning hyperparameters with Optuna 5.1.0: ``python -m rl_zoo3.train --algo ppo --env
CartPole-v1 -n 2048 -optimize --n-trials 3 --n-jobs 1 --sampler tpe --pruner median
--eval-episodes 3 --n-evaluations 2 --seed 0`` (``--verbose 1``, the default), the README's
"Hyperparameter Tuning" command (``python train.py --algo ppo --env MountainCar-v0 -n 50000
-optimize --n-trials 1000 --n-jobs 2 --sampler tpe --pruner median``) made small, run
in-process as the README's "Passing arguments in an interactive session" does it
(``sys.argv`` set, then the module run as ``__main__`` with ``runpy``, the same code
``python -m rl_zoo3.train`` runs), as rl_zoo3_ppo.py runs it. The zoo's study: Optuna's
``TPESampler(n_startup_trials=10, seed=0, multivariate=True)`` (so the 3 trials are its
random start-up draws) and ``MedianPruner(n_startup_trials=10, n_warmup_steps=0)`` (it
prunes nothing before 10 trials), ``direction="maximize"``, in memory. Each trial trains PPO
on the 8 CartPole environments of the zoo's ``hyperparams/ppo.yml`` with the hyperparameters
``sample_ppo_params`` draws over its defaults (batch size, n_steps, gamma, GAE lambda,
learning rate, entropy coefficient, clip range, epochs, max grad norm, net arch,
activation) for 2048 timesteps (at least one rollout of 8 x n_steps), with SB3 at
``verbose=0`` (the zoo silences the trials' SB3 logger unless ``--verbose 2``), and a
``TrialEvalCallback`` evaluates it every 1024 steps (128 calls of the 8 environments) on 3
deterministic episodes of one test environment, reporting the mean reward to the trial;
the trial's value is the last evaluation's mean reward. Nothing downloaded (CartPole is
built into gymnasium). Optuna needs pandas for the zoo's closing report
(``study.trials_dataframe()``); plotly is absent, so the zoo's optimisation plots are
skipped silently (it catches the ImportError).

What it prints: on stdout the zoo's header (``========== CartPole-v1 ==========``,
``Seed: 0``, ``Loading hyperparameters from: <site-packages>/rl_zoo3/hyperparams/ppo.yml``,
``Default hyperparameters for environment (ones being tuned will be overridden):`` and the
``pprint`` of an ``OrderedDict``, one pair a line), ``Using 8 environments``, ``Overwriting
n_timesteps with n=2048``, ``Optimizing hyperparameters``, ``Sampler: tpe - Pruner: median``;
on stderr Optuna's INFO log (colorlog; colored under a pty): ``[I <date>] A new study created
in memory with name: no-name-<uuid>`` and a line a trial, ``Trial 0 finished with value: 38.0
and parameters: {'batch_size_pow': 6, ...}. Best is trial 0 with value: 38.0.``; then on
stdout the zoo's report: ``Number of finished trials:  3``, ``Best trial:``, ``Value:  38.0``,
``Params: `` with ``    batch_size_pow: 6`` ... a line a sampled parameter, ``User
Attributes: `` with ``    gamma: 0.99688...``, ``    n_steps: 1024``, ``    batch_size: 64``
(the values the sampler derived), and ``Writing report to
logs/ppo/report_CartPole-v1_3-trials-2048-tpe-median_<unix time>``. About 40 lines.

Truth: Optuna's study as the zoo saves it, the ``<report>.pkl`` pickle of the ``Study``
(``study.trials``: ``FrozenTrial.value`` at ``FrozenTrial.number``, the trials that
completed), checked against the ``<report>.csv`` it writes beside it
(``study.trials_dataframe()``: ``number``, ``value``, ``state``, the ``params_*`` and
``user_attrs_*``), which is the fixture's framework file.
Judgement calls:
- ``value``: the objective's value, named and keyed as optuna_study.py does (the study has no
  ``metric_names``, so the log says "value"): ``step`` = the trial number (0-based, as
  printed), exact (``str(float)``, e.g. ``9.333333333333334``). A pruned trial (``Trial 1
  pruned.``) would have no value and add no point (none is pruned here: the median pruner
  waits for 10 trials).
- The trial line's ``Best is trial N with value: V`` tail is the study's best so far, and the
  report's ``Best trial:`` / ``Value:  38.0`` (``study.best_trial.value``) the last one:
  running bests, no series of their own (README rule), in ``also_ok`` as ``Value`` (the
  report's word) and ``best_value``.
- ``Number of finished trials:  3`` is a count of trials, no metric. ``Params`` and ``User
  Attributes`` (and the trials' ``parameters``) are the searched settings, ``Seed: 0``,
  ``Using 8 environments`` and the hyperparameter dump settings: no metrics.
- The evaluations' means the ``TrialEvalCallback`` reports to each trial
  (``trial.report(mean_reward, eval_idx)``, the trial's ``intermediate_values``) are never
  printed, and neither the CSV (``trials_dataframe`` leaves them out by default) nor a
  ``evaluations.npz`` (``--optimization-log-path`` unset) keeps them: not expected.
- Determinism: ``--seed 0`` seeds the sampler, the global torch/numpy RNGs (the zoo builds
  the trials' models with ``seed=None``, drawing from them in order) and every trial's
  environments; with ``OMP_NUM_THREADS=1`` and ``--n-jobs 1`` the trials repeat, pipe and pty
  alike (the log's dates, the study's uuid and the report's unix time differ).
"""
# zoo-venv: rlzoooptuna

import csv
import glob
import math
import pickle
import runpy
import sys

import optuna
import rl_zoo3
from _truth import series, write_truth

sys.argv = ["rl_zoo3.train", "--algo", "ppo", "--env", "CartPole-v1", "-n", "2048", "-optimize",
            "--n-trials", "3", "--n-jobs", "1", "--sampler", "tpe", "--pruner", "median",
            "--eval-episodes", "3", "--n-evaluations", "2", "--seed", "0"]
runpy.run_module("rl_zoo3.train", run_name="__main__", alter_sys=True)

(PKL,) = glob.glob("logs/ppo/report_CartPole-v1_3-trials-2048-tpe-median_*.pkl")
CSV = PKL[: -len(".pkl")] + ".csv"
with open(PKL, "rb") as handle:
    study = pickle.load(handle)
assert len(study.trials) == 3, study.trials
completed = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
with open(CSV, newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
assert [int(row["number"]) for row in rows] == [t.number for t in study.trials], rows
for row, trial in zip(rows, study.trials, strict=True):
    if trial.value is None:
        assert row["value"] == "", row
    else:
        assert math.isclose(float(row["value"]), trial.value, rel_tol=1e-12), (row, trial)

metrics = {"value": series([(t.number, t.value) for t in completed], "step")}
write_truth(
    "rl_zoo3", rl_zoo3.__version__,
    f"Optuna study pickled by the zoo ({PKL}): study.trials (FrozenTrial.number, "
    f"FrozenTrial.value of the completed trials), checked against its {CSV}",
    metrics, files=[CSV], also_ok=["Value", "best_value"],
    notes=f"optuna {optuna.__version__}; TPESampler(n_startup_trials=10, seed=0, "
          "multivariate=True), MedianPruner(n_startup_trials=10), 3 trials of PPO on 8 "
          "CartPole-v1 envs, 2048 steps, 2 evaluations of 3 episodes, seed 0")
