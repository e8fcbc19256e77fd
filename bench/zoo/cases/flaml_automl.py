"""FLAML 2.8.0 (``flaml[automl]``, LightGBM 4.7.0): ``AutoML().fit(X_train, y_train,
task="classification", time_budget=120, max_iter=15, estimator_list=["lgbm"],
metric="accuracy", log_file_name="flaml.log", seed=0)`` on generated data (scikit-learn's
``make_classification``, 1000 rows, 750 train / 250 test), then the prints of FLAML's
``automl_classification`` notebook: ``print('Best ML leaner:', ...)`` (sic), ``print('Best
hyperparmeter config:', ...)`` (sic), ``Best accuracy on validation data: {0:.4g}``,
``Training duration of best run: {0:.4g} s`` and the test scores through FLAML's own
``sklearn_metric_loss_score``: ``print('accuracy', '=', 1 - ...)``, ``roc_auc``,
``log_loss``. ``max_iter=15`` ends the search (the budget is never reached), so runs repeat:
the same 15 trials, the same log file, under a pipe and under a pty.

What it prints (stdout, FLAML's logger ``flaml.automl.logger`` with its own handler at the
default ``verbose=3``, INFO): ``[flaml.automl.logger: 12-05 08:28:02] {2484} INFO - task =
classification``, ``Evaluation method: cv`` (5-fold, the default for this size), per
iteration ``... INFO - iteration 3, current learner lgbm`` then ``... INFO -  at 4.6s,
\\testimator lgbm's best error=7.8667e-02,\\tbest estimator lgbm's best error=7.8667e-02``
(tab-separated), an ``Estimated sufficient time budget=3418s. Estimated necessary time
budget=3s.`` line (from the first trial's time: it varies), ``retrain lgbm for 0.1s``, the
retrained model's repr over several lines, ``fit succeeded``, ``Time taken to find the best
model: 4.795018196105957`` (the best record's ``wall_clock_time``); then the notebook's
lines (``Best accuracy on validation data: 0.932``, ``accuracy = 0.908``, ``roc_auc =
0.9755457397093655``, ``log_loss = 0.5151313553109873``).

Truth: FLAML's own log file ``flaml.log`` (listed in files), read with FLAML's
``training_log_reader`` (and checked against ``flaml.automl.data.get_output_from_log``, the
notebook's reader); the test scores as the script computed them. Judgement calls:
- The console's two ``best error`` values are running bests (``search_state.best_loss``, the
  learner's best so far, and ``self._state.best_loss``, the best over learners: one learner
  here, so both the same), printed at every iteration whether or not the trial improved;
  no trial's own loss is ever printed. A running best is no series of its own (README
  rule): ``best_error`` is in ``also_ok``, not in the truth. Likewise ``Best accuracy on
  validation data`` is ``1 - automl.best_loss``, the final running best again:
  ``also_ok`` (as ``best_accuracy_on_validation_data``).
- ``flaml.log``: with the default ``log_type="better"`` FLAML writes a JSON line only for a
  trial that improves the best loss (7 of the 15 here), then a checkpoint line
  ``{"curr_best_record_id": 6}`` (an index). Every measured field of its records goes in
  ``file_metrics`` under its key, at the record's ``iter_per_learner`` (the file's own
  iteration counter, 1-based: console ``iteration N`` is ``N + 1``) as ``step``:
  ``validation_loss`` (the trial's 5-fold CV ``1 - accuracy``), ``trial_time`` and
  ``wall_clock_time`` (timing, but the framework records them), and the nested
  ``logged_metric`` dict's ``pred_time`` as ``logged_metric/pred_time`` (nested keys joined
  with "/", as the rllib_ppo case). ``record_id``/``iter_per_learner`` (counters),
  ``sample_size`` (a row count), ``config`` (the trial's hyperparameters: settings) and
  ``learner`` (a name) are no metrics. Never printed as such: ``file_metrics``.
- Truth metrics: the notebook's test scores, named as printed (``accuracy``, ``roc_auc``,
  ``log_loss``; no phase word is printed, so no ``test_`` prefix), one point each at step 15
  (after the 15th and last iteration, on the file's 1-based scale). ``print`` writes
  ``str(float)`` (repr digits, exact): no tolerance.
- Timing (``also_ok``): the ``at 4.6s`` elapsed time, ``Estimated sufficient/necessary time
  budget``, ``retrain lgbm for 0.1s``, ``Time taken to find the best model``, ``Training
  duration of best run``. The config dict, the model repr (``learning_rate=np.float64(...)``,
  ``n_estimators=4``), ``iteration N`` and the learner names are settings and counters.
"""
# zoo-venv: misc2

import importlib.metadata
import json

import numpy as np
from _truth import series, write_truth
from flaml import AutoML
from flaml.automl.data import get_output_from_log
from flaml.automl.ml import sklearn_metric_loss_score
from flaml.automl.training_log import training_log_reader
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split

X, y = make_classification(n_samples=1000, n_features=12, n_informative=5, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

MAX_ITER = 15
automl = AutoML()
automl.fit(X_train, y_train, task="classification", time_budget=120, max_iter=MAX_ITER,
           estimator_list=["lgbm"], metric="accuracy", log_file_name="flaml.log", seed=0)

# the notebook's prints (FLAML's notebook/automl_classification.ipynb), its spelling kept;
# its str.format calls as f-strings (the same text)
print('Best ML leaner:', automl.best_estimator)
print('Best hyperparmeter config:', automl.best_config)
print(f'Best accuracy on validation data: {1 - automl.best_loss:.4g}')
print(f'Training duration of best run: {automl.best_config_train_time:.4g} s')

y_pred = automl.predict(X_test)
y_pred_proba = automl.predict_proba(X_test)[:, 1]
test_accuracy = 1 - sklearn_metric_loss_score('accuracy', y_pred, y_test)
test_roc_auc = 1 - sklearn_metric_loss_score('roc_auc', y_pred_proba, y_test)
test_log_loss = sklearn_metric_loss_score('log_loss', y_pred_proba, y_test)
print('accuracy', '=', test_accuracy)
print('roc_auc', '=', test_roc_auc)
print('log_loss', '=', test_log_loss)

with training_log_reader("flaml.log") as reader:
    records = list(reader.records())
with open("flaml.log", encoding="utf-8") as handle:
    lines = [json.loads(line) for line in handle if line.strip()]
assert len(lines) == len(records) + 1 and set(lines[-1]) == {"curr_best_record_id"}
_, _, error_list, _, logged_metric_list = get_output_from_log("flaml.log", time_budget=np.inf)
assert error_list == [record.validation_loss for record in records]

FIELDS = ("validation_loss", "trial_time", "wall_clock_time")
file_metrics = {name: series([(r.iter_per_learner, getattr(r, name)) for r in records], "step")
                for name in FIELDS}
file_metrics["logged_metric/pred_time"] = series(
    [(r.iter_per_learner, r.logged_metric["pred_time"]) for r in records], "step")
assert all(set(metric) == {"pred_time"} for metric in logged_metric_list)

write_truth(
    "flaml", importlib.metadata.version("flaml"),
    "the notebook's test scores as the script computed them; flaml.log (FLAML's training log, "
    "log_type='better') for file_metrics",
    {
        "accuracy": series([(MAX_ITER, test_accuracy)], "step"),
        "roc_auc": series([(MAX_ITER, test_roc_auc)], "step"),
        "log_loss": series([(MAX_ITER, test_log_loss)], "step"),
    },
    files=["flaml.log"],
    file_metrics=file_metrics,
    also_ok=["best_error", "best_accuracy_on_validation_data", "at",
             "Estimated_sufficient_time_budget", "Estimated_necessary_time_budget",
             "time_taken_to_find_the_best_model", "training_duration_of_best_run"],
    notes=f"lightgbm {importlib.metadata.version('lightgbm')}; best_loss {automl.best_loss} "
          f"(validation 1-accuracy, 5-fold cv); best_iteration {automl.best_iteration}; "
          f"{len(records)} records in flaml.log of {MAX_ITER} iterations",
)
