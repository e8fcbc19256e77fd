"""LightAutoML 0.4.2 (``lightautoml``, Sber AI Lab's AutoML): ``TabularAutoML(task=Task('binary'),
timeout=60, cpu_limit=2, general_params={'use_algos': [['linear_l2', 'lgb']]})``
``.fit_predict(tr_data, roles={'target': 'y'}, verbose=1)`` on a tiny synthetic binary frame
(scikit-learn's ``make_classification``, 600 rows, 6 numeric features, split 80/20 stratified
into ``tr_data``/``te_data`` with ``random_state=42``), then ``automl.predict(te_data)`` and the
two ``roc_auc_score`` lines its Tutorial_1_basics notebook prints (``OOF score: ...``,
``HOLDOUT score: ...``). ``use_algos`` keeps two of the default preset's algorithms (an L2
linear model and LightGBM, one layer; the default would add tuned LightGBM and CatBoost, and
optuna); the reader's defaults (5-fold CV, ``random_state=42``) are kept. ``timeout=60`` is
far above the ~20 s the fit takes on 2 cores, so no fold or model is cut by the clock.
Nothing downloaded.

What it prints: on stderr, at import, three lines that the ``nlp`` extra is not installed and
three ``UserWarning: 'transformers' - package isn't installed`` warnings; then LightAutoML's
logger (``verbose=1``: INFO level, a ``[HH:MM:SS]`` stamp a line, the names and values in
ANSI bold ``\\x1b[1m...\\x1b[0m``, pipe and pty alike)::

    [02:45:12] Start automl preset with listed constraints:
    [02:45:12] - time: 60.00 seconds
    [02:45:12] - CPU: 2 cores
    [02:45:12] - memory: 16 GB
    [02:45:12] Train data shape: (480, 7)
    [02:45:17] Layer 1 train process start. Time left 54.64 secs
    [02:45:17] Start fitting Lvl_0_Pipe_0_Mod_0_LinearL2 ...
    [02:45:23] Fitting Lvl_0_Pipe_0_Mod_0_LinearL2 finished. score = 0.7220119452739774
    [02:45:23] Lvl_0_Pipe_0_Mod_0_LinearL2 fitting and predicting completed
    [02:45:23] Time left 48.93 secs
    [02:45:24] Selector_LightGBM fitting and predicting completed
    [02:45:24] Start fitting Lvl_0_Pipe_1_Mod_0_LightGBM ...
    [02:45:30] Fitting Lvl_0_Pipe_1_Mod_0_LightGBM finished. score = 0.9658483228001945
    ...
    [02:45:30] Blending: optimization starts with equal weights. Score = 0.9441802
    [02:45:30] Blending: iteration 0: score = 0.9658483, weights = [0. 1.]
    [02:45:30] Blending: no improvements for score. Terminated.
    [02:45:30] Blending: best score = 0.9658483, best weights = [0. 1.]
    [02:45:30] Automl preset training completed in 18.73 seconds
    [02:45:30] Model description:
    Final prediction for new objects (level 0) =
         1.00000 * (5 averaged models Lvl_0_Pipe_1_Mod_0_LightGBM)
    OOF score: 0.9658483228001945
    HOLDOUT score: 0.9613888888888888

(At ``verbose=1`` LightGBM's own ``[LightGBM] [Info]`` lines and the per-fold ``===== Start
working with fold n`` lines, ``logger.info2``/``debug``, are not printed.)

Truth: LightAutoML keeps no history of its scores (``TabularMLAlgo.fit_predict`` logs
``self.score(preds_ds)`` and drops it; the blender's trace is logged only; ``set_logfile``
would write the same text). What its objects do keep are each fitted algorithm (``self``,
with its ``task`` and metric) and the out-of-fold prediction dataset ``fit_predict`` returns;
but the blender prunes the zero-weight LinearL2 from ``automl.levels``. So the case wraps
``TabularMLAlgo.fit_predict`` (no print, no change to its result) to keep each algorithm and
its returned out-of-fold dataset, and after the fit scores them with the algorithm's own
``score`` method (the task's ``roc_auc`` dataset metric, the call the log line makes: equal
in float). Judgement calls:
- ``score``: the models' out-of-fold ROC AUC, the word LightAutoML prints before it. One
  series, a point per model in fitting order (key ``step``, 1-based), as mljar_automl pools
  its models' ``logloss``: ``Lvl_0_Pipe_0_Mod_0_LinearL2`` is the line's label, not part of
  the name. Only fits whose line prints a score (``len(train_valid_iterator) > 1``: the
  ``Selector_LightGBM`` importance fit on a holdout prints none) count. Printed by
  ``str(float)``, full precision: exact.
- ``OOF_score``, ``HOLDOUT_score``: what the tutorial's own two prints compute,
  ``roc_auc_score`` of the blended out-of-fold and of the test predictions (named as printed,
  the words joined; one point each, step = the number of models). Exact (``str(float)``).
- The blender's ``Score = ...``, ``iteration 0: score = ...`` and ``best score = ...`` (printed
  ``%.7f``): the weighted blender's optimisation trace, recorded nowhere; ``best score`` is a
  running best and equals ``OOF_score`` here. Not in the truth (``best_score`` in
  ``also_ok``). ``weights`` are model weights, not metrics.
- Timing (``also_ok``): ``Time left 54.64 secs`` (the timer's remaining budget) and
  ``completed in 18.73 seconds``. ``time: 60.00 seconds``, ``CPU: 2 cores``, ``memory: 16 GB``
  are the preset's limits (settings); ``Train data shape`` is the data's size; ``Layer 1`` and
  ``level 0`` are indices. Not metrics.
- Determinism: the data, split and CV folds are seeded and LightGBM/linear fits repeat
  exactly; the ``[HH:MM:SS]`` stamps and timings vary between runs.
"""
# zoo-venv: lama

import importlib.metadata

import numpy as np
import pandas as pd
from _truth import series, write_truth
from lightautoml.automl.presets.tabular_presets import TabularAutoML
from lightautoml.ml_algo.base import TabularMLAlgo
from lightautoml.tasks import Task
from sklearn.datasets import make_classification
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

FITS = []  # (algorithm, out-of-fold dataset) for each fit that logs a score
_fit_predict = TabularMLAlgo.fit_predict


def _keep_fit(self, train_valid_iterator):
    scored = len(train_valid_iterator) > 1  # as fit_predict decides to log the score
    preds = _fit_predict(self, train_valid_iterator)
    if scored:
        FITS.append((self, preds))
    return preds


TabularMLAlgo.fit_predict = _keep_fit

N_THREADS = 2
RANDOM_STATE = 42
TARGET_NAME = "y"
np.random.seed(RANDOM_STATE)

X, y = make_classification(n_samples=600, n_features=6, n_informative=3, random_state=0)
data = pd.DataFrame(X, columns=[f"f{i}" for i in range(6)])
data[TARGET_NAME] = y
tr_data, te_data = train_test_split(data, test_size=0.2, stratify=data[TARGET_NAME],
                                    random_state=RANDOM_STATE)

automl = TabularAutoML(task=Task("binary"), timeout=60, cpu_limit=N_THREADS,
                       general_params={"use_algos": [["linear_l2", "lgb"]]})
oof_pred = automl.fit_predict(tr_data, roles={"target": TARGET_NAME}, verbose=1)
te_pred = automl.predict(te_data)

oof_score = roc_auc_score(tr_data[TARGET_NAME].values, oof_pred.data[:, 0])
holdout_score = roc_auc_score(te_data[TARGET_NAME].values, te_pred.data[:, 0])
print(f"OOF score: {oof_score}")
print(f"HOLDOUT score: {holdout_score}")

scores = [(step, algo.score(preds)) for step, (algo, preds) in enumerate(FITS, start=1)]
names = [algo.name for algo, _ in FITS]
kept = [algo.name for level in automl.levels for pipe in level for algo in pipe.ml_algos]
assert set(kept) <= set(names), (kept, names)

write_truth(
    "lightautoml", importlib.metadata.version("lightautoml"),
    "each fitted TabularMLAlgo's own score() of the out-of-fold dataset its fit_predict "
    "returned (fitting order, 1-based); roc_auc_score of automl.fit_predict's and "
    "automl.predict's outputs (the tutorial's OOF/HOLDOUT prints)",
    {"score": series(scores, "step"),
     "OOF_score": series([(len(scores), oof_score)], "step"),
     "HOLDOUT_score": series([(len(scores), holdout_score)], "step")},
    also_ok=["Time_left", "time_left", "completed_in", "training_completed_in", "best_score"],
    notes="models " + ", ".join(names) + "; kept after blending: " + ", ".join(kept)
          + f"; blender weights {list(map(float, automl.blender.wts))}",
)
