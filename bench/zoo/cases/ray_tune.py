"""Ray Tune: ``tune.Tuner`` over a function trainable (a tiny numpy logistic regression on
synthetic data, 5 iterations of 20 gradient steps, each iteration reporting the held-out
``loss`` and ``accuracy`` with ``tune.report``), a grid of 4 learning rates (4 trials),
``ray.init(num_cpus=2, include_dashboard=False)``, ``RunConfig(storage_path=<cwd>/ray_results)``
and Tune's default console output (``verbose`` unset: ``AirVerbosity.DEFAULT``): an
experiment box, ``Trial status`` tables, per trial a ``Trial <name> started with
configuration`` box and a ``Trial <name> completed after 5 iterations`` box of its LAST result
(``time_this_iter_s``, ``time_total_s``, ``training_iteration``, ``accuracy``, ``loss``), and a
final table ``Trial name | status | lr | iter | total time (s) | loss | accuracy`` with one
row per trial. Intermediate results (``finished iteration N``) print only at VERBOSE, so the
console shows each trial's final values only (twice: its result box and the final table).
Truth: each trial's ``result.json`` (one JSON line per ``tune.report``, written by Tune).

Judged: a trial is a separate run, so exptrack should keep per-trial series, named
``<trial name>/<key>``: the trial name as Tune prints it (``train_logreg_857ff_00000``,
``f"{trainable}_{trial_id}"``; the 5-hex prefix of ``trial_id`` is random per run, so the pipe
and pty fixtures name different trials) and the framework's own key (``loss``,
``accuracy``), each with its 5 values keyed by ``training_iteration`` (1-based) as ``step``.
Only the last of the 5 is printed; the rest exist only in the trial's ``result.json`` /
``progress.csv`` (and its TensorBoard file, ``ray/tune/<key>`` tags), all listed in ``files``
(as the Lightning case's per-step values exist only in its ``metrics.csv``). The printed
value is ``f"{v:.5f}".rstrip("0")`` in the result box (``ray/tune/experimental/output.py``)
and tabulate's ``%g`` (6 significant digits) in the trial table: tolerance 5e-6 absolute plus
5e-6 relative. ``time_this_iter_s``/``time_total_s``/``total time (s)``/``Total running time``
are timing and ``lr`` the sampled setting (``also_ok``, bare and per trial);
``training_iteration``/``iter`` are the axis, not metrics.
"""

import glob
import json
import os

import numpy as np
import ray
from _truth import series, write_truth
from ray import tune

rng = np.random.default_rng(0)
X = rng.normal(size=(400, 5))
y = (X @ np.array([1.5, -2.0, 0.5, 0.0, 1.0]) + rng.normal(scale=2.0, size=400) > 0)
X_train, y_train, X_val, y_val = X[:300], y[:300], X[300:], y[300:]


def train_logreg(config: dict) -> None:
    w = np.zeros(X_train.shape[1])
    for _ in range(5):
        for _ in range(20):
            p = 1.0 / (1.0 + np.exp(-X_train @ w))
            w -= config["lr"] * X_train.T @ (p - y_train) / len(y_train)
        p_val = 1.0 / (1.0 + np.exp(-X_val @ w))
        loss = float(-np.mean(y_val * np.log(p_val) + (1 - y_val) * np.log(1 - p_val)))
        accuracy = float(np.mean((p_val > 0.5) == y_val))
        tune.report({"loss": loss, "accuracy": accuracy})


ray.init(num_cpus=2, include_dashboard=False)
tuner = tune.Tuner(train_logreg,
                   param_space={"lr": tune.grid_search([0.003, 0.01, 0.03, 0.1])},
                   tune_config=tune.TuneConfig(metric="loss", mode="min"),
                   run_config=tune.RunConfig(name="logreg",
                                             storage_path=os.path.abspath("ray_results")))
results = tuner.fit()
print("Best config:", results.get_best_result().config)

metrics, files, also_ok = {}, [], ["time_this_iter_s", "time_total_s", "lr"]
for trial_dir in sorted(glob.glob("ray_results/logreg/train_logreg_*")):
    with open(f"{trial_dir}/result.json", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    trial = f"train_logreg_{rows[0]['trial_id']}"
    for key in ("loss", "accuracy"):
        metrics[f"{trial}/{key}"] = series([(row["training_iteration"], row[key]) for row in rows],
                                           "step", tolerance=5e-6, rel_tolerance=5e-6)
    also_ok += [f"{trial}/time_this_iter_s", f"{trial}/time_total_s", f"{trial}/lr"]
    files += [f"{trial_dir}/result.json", f"{trial_dir}/progress.csv",
              *sorted(glob.glob(f"{trial_dir}/events.out.tfevents.*"))]
write_truth("ray[tune]", ray.__version__,
            "each trial's result.json under RunConfig.storage_path (ray_results/logreg/)",
            metrics, files=files, also_ok=[*also_ok, "total_time_s", "Total_running_time"])
