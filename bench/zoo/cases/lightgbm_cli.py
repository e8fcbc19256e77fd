"""LightGBM's command-line program (``lightgbm config=train.conf``, the CLI of the docs'
Quick Start and of ``examples/binary_classification``) on a synthetic binary task: the case
writes ``binary.train`` and ``binary.test`` (tab-separated, label first, as the example's
files: 2000 and 500 rows of 10 features, the label drawn from a logistic model with noise)
and a ``train.conf`` with the example's keys and comments (``task = train``, ``boosting_type
= gbdt``, ``objective = binary``, ``metric = binary_logloss,auc``, ``metric_freq = 1``,
``is_training_metric = true``, ``max_bin = 255``, ``data``/``valid_data``,
``feature_fraction = 0.8``, ``bagging_freq = 5``, ``bagging_fraction = 0.8``,
``min_data_in_leaf = 50``, ``min_sum_hessian_in_leaf = 5.0``, ``output_model``) with
``num_trees = 30``, ``learning_rate = 0.1``, ``num_leaves = 15`` and ``early_stopping_round =
5`` (the CLI's own early stopping on the valid set), then runs the binary in the temp cwd as
the Quick Start does. The case prints nothing of its own. Seconds, single-threaded
(``OMP_NUM_THREADS=1``); nothing downloaded.

The binary: LightGBM 4.7.0 built from PyPI's sdist (``pip download lightgbm==4.7.0
--no-binary lightgbm --no-deps``, ``lightgbm-4.7.0.tar.gz``, sha256
f8e20f682c9aabd000bcf4a7ed8aa6f473c1adfecccae34ec24e823d156f4af0, which
carries the C++ sources, CMakeLists.txt and the vendored Eigen/fmt/fast_double_parser/
nanoarrow), unpacked under ``$ZOO_REPOS/lightgbm`` (default
``~/.cache/exptrack-zoo/repos/lightgbm/lightgbm-4.7.0``). Its CMakeLists wants CMake >= 3.28
(Debian bookworm has 3.25), so the build uses PyPI's ``cmake`` wheel (4.4.5) in a tool venv
``$ZOO_REPOS/lightgbm/cmake-venv``; the executable is written into the source root as
``lightgbm``, where the sdist keeps the Python package's ``lightgbm/`` folder, so that folder is
renamed first::

    cd $ZOO_REPOS/lightgbm && tar xzf lightgbm-4.7.0.tar.gz && cd lightgbm-4.7.0
    mv lightgbm python-package-lightgbm
    ../cmake-venv/bin/cmake -B build -S . && ../cmake-venv/bin/cmake --build build -j2

(gcc 12, default options: OpenMP on, ``-O3``; ~9 minutes on 2 cores). The case runs
``$ZOO_REPOS/lightgbm/lightgbm-4.7.0/lightgbm``.

What it prints (stdout, ``[LightGBM] [Info] ...`` lines from ``Log::Info``, flushed each
line): ``Finished loading parameters``, ``Construct bin mappers from text data time 0.00
seconds``, ``Finished loading data in 0.054401 seconds``, ``Number of positive: 964, number
of negative: 1036``, ``Auto-choosing col-wise multi-threading, the overhead of testing was
0.000231 seconds.`` (its second line, ``You can set `force_col_wise=true` to remove the
overhead.``, bare), ``Total Bins 2550``, ``Number of data points in the train set: 2000,
number of used features: 10``, ``Finished initializing training``, ``Started training...``,
``[binary:BoostFromScore]: pavg=0.482000 -> initscore=-0.072031``, ``Start training from
score -0.072031``, then per iteration ``Iteration:1, training binary_logloss : 0.673769``,
``Iteration:1, training auc : 0.752671``, ``Iteration:1, valid_1 binary_logloss :
0.679579``, ``Iteration:1, valid_1 auc : 0.680905`` (a ``std::stringstream``'s default 6
significant digits) and ``0.001042 seconds elapsed, finished iteration 1``. The valid AUC
stops improving after iteration 20, so at 25 it prints ``Early stopping at iteration 25, the
best iteration round is 20`` and ``Output of best iteration round:`` followed by iteration
20's four ``Iteration:20, ...`` lines again (bare lines, no ``[LightGBM]`` prefix: the
``msg_buf`` it kept, joined into one ``Log::Info``) and an empty line, then iteration 25's
``seconds elapsed`` line and ``Finished training``; it saves the 20 trees of the best round
in ``LightGBM_model.txt``.

Truth: the CLI keeps no record of its metrics (only the model file), so the case trains the
SAME LightGBM version's Python package (``lightgbm==4.7.0``, the same C++ library: the
``lib_lightgbm`` the wheel ships runs the same ``GBDT`` code the CLI does) on the same files
(``lgb.Dataset("binary.train", ...)`` loads the text file with the same parser, ``reference``
for the valid set as the CLI bins it) with the same parameters (the conf's, plus
``verbose=-1`` so it prints nothing, ``num_boost_round=30``), ``valid_sets=[train, valid]``,
``valid_names=["training", "valid_1"]`` and ``lgb.record_evaluation``: the library's own
record of the same computation (``evals_result``). It shows it is the same run: the Python
booster's best-iteration model (``model_to_string()``; ``early_stopping_round`` in params
adds LightGBM's ``early_stopping`` callback, which stops at the same iteration by the same
rule, and saves ``best_iteration`` trees as the CLI keeps) must have the same trees, text for
text, as the CLI's ``LightGBM_model.txt``, and its predictions on ``binary.test`` must match the
CLI model's (asserted; the case fails otherwise).

Judgement calls:
- Names as the CLI prints them under the naming rule (docs/metrics.md "Phases": a numbered
  data set keeps its number; ``training auc : 1.0`` -> ``training_auc``, ``valid_1 auc`` ->
  ``valid_1_auc``): ``training_binary_logloss``, ``training_auc``,
  ``valid_1_binary_logloss``, ``valid_1_auc``. These equal ``lightgbm_train``'s
  ``<data>_<metric>`` from ``record_evaluation`` keys (``training``, ``valid_1``: the names
  the Python side is given so that its record keys read as the CLI's).
- Step: ``Iteration:N`` (1-based), key ``step``, one point an iteration up to and including
  the iteration that stops (the CLI prints it, ``record_evaluation`` records it, before the
  rollback to the best round). The ``Output of best iteration round:`` lines reprint an
  earlier round: no points of their own (docs/metrics.md: a running best printed again is no
  series), so they are not in the truth.
- ``rel_tolerance`` 5e-6 (6 significant digits).
- ``N seconds elapsed, finished iteration N`` is timing (wall time since training started),
  not recorded by LightGBM: ``elapsed`` in ``also_ok``. ``Finished loading data in N
  seconds`` is a one-off timing with no step (not a metric). ``Total Bins``, ``Number of data
  points`` and ``Start training from score`` (the initial log-odds) are set-up facts.
"""
# zoo-venv: lightgbmcli

import os
import subprocess
from pathlib import Path

import lightgbm as lgb
import numpy as np
from _truth import series, write_truth

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
binary = repos / "lightgbm" / "lightgbm-4.7.0" / "lightgbm"

rng = np.random.default_rng(0)
X = rng.normal(size=(2500, 10))
logit = 1.2 * X[:, 0] - 0.9 * X[:, 1] + 0.6 * X[:, 2] * X[:, 3] + 0.5 * np.abs(X[:, 4]) - 0.4
y = (rng.random(2500) < 1 / (1 + np.exp(-logit))).astype(int)
for name, rows in (("binary.train", slice(0, 2000)), ("binary.test", slice(2000, 2500))):
    Path(name).write_text("".join(
        f"{label}\t" + "\t".join(f"{value:.6f}" for value in row) + "\n"
        for label, row in zip(y[rows], X[rows], strict=True)))

conf = {"task": "train", "boosting_type": "gbdt", "objective": "binary",
        "metric": "binary_logloss,auc", "metric_freq": 1, "is_training_metric": "true",
        "max_bin": 255, "data": "binary.train", "valid_data": "binary.test",
        "num_trees": 30, "learning_rate": 0.1, "num_leaves": 15, "tree_learner": "serial",
        "feature_fraction": 0.8, "bagging_freq": 5, "bagging_fraction": 0.8,
        "min_data_in_leaf": 50, "min_sum_hessian_in_leaf": 5.0, "early_stopping_round": 5,
        "is_enable_sparse": "true", "use_two_round_loading": "false",
        "is_save_binary_file": "false", "output_model": "LightGBM_model.txt"}
comments = {"task": "task type, support train and predict",
            "objective": "application type: binary classification",
            "metric": "eval metrics, support multi metric, delimited by ','",
            "metric_freq": "frequency for metric output",
            "is_training_metric": "true if need output metric for training data",
            "data": "training data", "valid_data": "validation data",
            "num_trees": "number of trees(iterations)", "output_model": "output model file"}
Path("train.conf").write_text("".join(
    (f"# {comments[key]}\n" if key in comments else "") + f"{key} = {value}\n\n"
    for key, value in conf.items()))
subprocess.run([str(binary), "config=train.conf"], check=True)

# The truth: the same training by the same LightGBM version's Python package.
params = {key: value for key, value in conf.items()
          if key not in ("task", "data", "valid_data", "output_model", "num_trees",
                         "is_save_binary_file", "use_two_round_loading")}
params.update({"is_training_metric": True, "is_enable_sparse": True, "verbose": -1})
train = lgb.Dataset("binary.train", params=params)
valid = lgb.Dataset("binary.test", reference=train, params=params)
record: dict = {}
booster = lgb.train(params, train, num_boost_round=conf["num_trees"],
                    valid_sets=[train, valid], valid_names=["training", "valid_1"],
                    callbacks=[lgb.record_evaluation(record)])


def trees(model_text: str) -> str:
    """The model file's trees, from ``Tree=0`` to ``end of trees``."""
    return model_text[model_text.index("Tree=0"):model_text.index("end of trees")]


cli_model = Path("LightGBM_model.txt").read_text()
assert trees(booster.model_to_string()) == trees(cli_model), "Python and CLI trees differ"
X_test = np.loadtxt("binary.test", delimiter="\t")[:, 1:]
cli_pred = lgb.Booster(model_file="LightGBM_model.txt").predict(X_test)
assert np.array_equal(booster.predict(X_test), cli_pred), "predictions differ"
best = sum(1 for line in cli_model.splitlines() if line.startswith("Tree="))
assert best == (booster.best_iteration or conf["num_trees"]), (best, booster.best_iteration)

metrics = {}
for data_name, by_metric in record.items():
    for metric_name, values in by_metric.items():
        metrics[f"{data_name}_{metric_name}"] = series(enumerate(values, 1), "step",
                                                       rel_tolerance=5e-6)
write_truth("lightgbm", lgb.__version__,
            "lgb.record_evaluation of the same training by the same version's Python package"
            " (same files, same parameters); its best-iteration trees equal the CLI's"
            " LightGBM_model.txt", metrics, also_ok=["elapsed"],
            notes=f"{len(record['training']['auc'])} iterations run of {conf['num_trees']};"
                  f" best_iteration {booster.best_iteration}, CLI model trees {best}")
