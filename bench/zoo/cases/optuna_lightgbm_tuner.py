"""Optuna's LightGBM tuner (optuna-integration 5.0.0 under Optuna 5.1.0, LightGBM 4.7.0):
``import optuna.integration.lightgbm as lgb`` (Optuna's own examples' import; Optuna 5 warns
it is deprecated for ``optuna_integration.lightgbm``, a ``FutureWarning`` on stderr),
``lgb.LightGBMTuner(params, dtrain, valid_sets=[dtrain, dval], num_boost_round=50,
callbacks=[lgb.early_stopping(5), lgb.log_evaluation(10)], optuna_seed=0)`` on generated
binary data (scikit-learn's ``make_classification``, 600 rows, 450 train / 150 valid),
``params`` those of Optuna's ``lightgbm_tuner_simple.py`` example (``objective="binary"``,
``metric="binary_logloss"``, ``verbosity=-1``, ``boosting_type="gbdt"``) plus ``seed=0``,
``deterministic=True``, ``num_threads=1``; then ``tuner.run()`` and the prints of Optuna's
``lightgbm_tuner_cv.py`` example: ``print("Best score:", tuner.best_score)``, ``print("Best
params:", best_params)`` and ``    key: value`` a parameter. ``tuner.run()`` tunes stepwise:
feature_fraction (7 grid trials), num_leaves (20 TPE), bagging (10 TPE),
feature_fraction_stage2 (the grid around the best, values over 1.0 dropped: 3 here),
regularization_factors (20 TPE), min_child_samples (5 grid): 65 trials, one study.

What it prints: on stdout LightGBM's callbacks, a trial each: ``Training until validation
scores don't improve for 5 rounds``, ``[10]\\tvalid_0's binary_logloss: 0.335638\\tvalid_1's
binary_logloss: 0.374235`` every tenth round (``%g``), then ``Early stopping, best iteration
is:`` or ``Did not meet early stopping. Best iteration is:`` and the best round's line again.
On stderr Optuna's INFO log (``[I 2026-...] A new study created in memory``, ``Trial 3
finished with value: 0.2717027470454554 and parameters: {'feature_fraction': 0.7}. Best is
trial 0 with value: 0.2660668998910518.``) between the frames of a tqdm bar a step
(``tqdm(total=n_trials, ascii=True)``: ``feature_fraction, val_score: 0.266067:  43%|####2
| 3/7 [00:00<00:00, 16.00it/s]``, redrawn with ``\\r``).

Truth: Optuna's study (``tuner.study.trials``: ``FrozenTrial.value`` at ``FrozenTrial.number``)
and LightGBM's own record of every trial's evaluations, ``lgb.record_evaluation`` added to
the callbacks (it prints nothing; the tuner passes the same callbacks to each trial's
``lgb.train``, and the callback empties its dict when a training starts), copied after each
trial by an Optuna callback (``optuna_callbacks=``, which prints nothing either).
Judgement calls:
- ``value``: the objective's value, named and keyed as the optuna_study case does (the study
  has no ``metric_names``, so the log says "value"): ``step`` = the trial number (0-based, as
  printed), 65 points, exact (``str(float)``). It is ``booster.best_score["valid_1"]
  ["binary_logloss"]``, the record's value at the best round (checked). The line's "Best is
  trial N with value: V" tail is the study's best so far: not a new record.
- LightGBM names the data sets: the tuner hands ``lgb.train`` copies of the train and valid
  Datasets, so the train set is no longer the booster's own train set and LightGBM names it
  ``valid_0`` (not ``training``, as lightgbm_train.py's record has it); the valid set is
  ``valid_1``. Names ``<set>_<metric>`` as lightgbm_train.py names ``record_evaluation``:
  ``valid_0_binary_logloss``, ``valid_1_binary_logloss``.
- The search's trials are pooled, as keras_tuner_search.py pools its trials' epochs (and as
  docs/metrics.md pools a search's trial keys): one series per key, every trial in trial
  order, keyed ``step`` by LightGBM's printed round (1-based), which restarts at 10 with each
  trial. Only the rounds ``log_evaluation(10)`` prints are in it (every tenth round a trial
  trained, as xgboost_sklearn.py keeps ``evals_result()`` at the printed rounds); the other
  rounds are in no file. A trial that stops before round 10 prints no round and adds none.
  ``%g``: ``rel_tolerance=5e-6``.
- ``Early stopping, best iteration is:`` / ``Did not meet early stopping. Best iteration
  is:`` and the line after it re-print a round already trained (lightgbm_early_stop.py): no
  new point, the record keeps each round once. When the last round is the best (round 50,
  no early stop), the same line is printed twice in a row.
- The bar's ``val_score: 0.266067`` (``"{}, val_score: {:.6f}"`` of the step name and the
  tuner's best score so far, ``inf`` before the first trial) is the study's running best, and
  ``Best score:`` (``tuner.best_score`` = ``study.best_value``) the last one: running bests,
  no series of their own (README rule), ``also_ok`` as ``val_score`` and ``Best_score``.
  tqdm's ``it/s``/``s/it`` rate: throughput, ``also_ok``.
- ``Best params`` and the ``    lambda_l1: 2.87e-06`` / ``num_leaves: 31`` lines are the
  tuned settings (the search's inputs), not metrics; so are the trials' ``parameters``.
- The tuner also keeps each trial's ``lightgbm_tuner:elapsed_secs`` and
  ``lightgbm_tuner:average_iteration_time`` in ``system_attrs`` (timing, never printed, in no
  file: the study is in memory): not expected.
"""
# zoo-venv: lgbtuner

import copy
import importlib.metadata

import optuna
import optuna.integration.lightgbm as lgb
from _truth import series, write_truth
from sklearn.datasets import make_classification

X, y = make_classification(n_samples=600, n_features=10, n_informative=4, flip_y=0.1,
                           random_state=0)
dtrain = lgb.Dataset(X[:450], label=y[:450])
dval = lgb.Dataset(X[450:], label=y[450:], reference=dtrain)

params = {"objective": "binary", "metric": "binary_logloss", "verbosity": -1,
          "boosting_type": "gbdt", "seed": 0, "deterministic": True, "num_threads": 1}

record: dict = {}  # LightGBM's record of the trial running now (emptied at each start)
per_trial: dict[int, dict] = {}  # trial number -> that trial's record


def keep_record(study: optuna.Study, trial: optuna.trial.FrozenTrial) -> None:
    per_trial[trial.number] = copy.deepcopy(record)


tuner = lgb.LightGBMTuner(params, dtrain, valid_sets=[dtrain, dval], num_boost_round=50,
                          callbacks=[lgb.early_stopping(5), lgb.log_evaluation(10),
                                     lgb.record_evaluation(record)],
                          optuna_seed=0, optuna_callbacks=[keep_record])
tuner.run()

# Optuna's lightgbm_tuner_cv.py example's prints
print("Best score:", tuner.best_score)
best_params = tuner.best_params
print("Best params:", best_params)
print("  Params: ")
for key, value in best_params.items():
    print("    {}: {}".format(key, value))  # noqa: UP032  (the example, verbatim)

trials = sorted(tuner.study.trials, key=lambda t: t.number)
assert all(t.state == optuna.trial.TrialState.COMPLETE for t in trials)
assert sorted(per_trial) == [t.number for t in trials], (sorted(per_trial), len(trials))

pooled: dict[str, list[tuple[int, float]]] = {}
steps = []
for trial in trials:
    evals = per_trial[trial.number]
    assert set(evals) == {"valid_0", "valid_1"}, evals.keys()
    # the objective's value is the valid set's logloss at the booster's best round
    assert trial.value in evals["valid_1"]["binary_logloss"], trial.number
    step_name = trial.system_attrs["lightgbm_tuner:step_name"]
    if not steps or steps[-1][0] != step_name:
        steps.append([step_name, 0])
    steps[-1][1] += 1
    for data_name, by_metric in evals.items():
        for metric_name, values in by_metric.items():
            # log_evaluation(10) prints round i (1-based) when i % 10 == 0
            pooled.setdefault(f"{data_name}_{metric_name}", []).extend(
                (i, v) for i, v in enumerate(values, 1) if i % 10 == 0)

metrics = {"value": series([(t.number, t.value) for t in trials], "step")}
for name, pairs in pooled.items():
    metrics[name] = series(pairs, "step", rel_tolerance=5e-6)

write_truth(
    "optuna-integration (LightGBMTuner)",
    f"{importlib.metadata.version('optuna-integration')} (optuna {optuna.__version__}, "
    f"lightgbm {importlib.metadata.version('lightgbm')})",
    "tuner.study.trials (FrozenTrial.number, FrozenTrial.value) + each trial's "
    "lgb.record_evaluation at the rounds log_evaluation(10) prints, trials pooled in order",
    metrics,
    also_ok=["val_score", "Best_score", "it/s", "s/it"],
    notes=f"{len(trials)} trials; best {tuner.best_score} at trial {tuner.study.best_trial.number}"
          f"; trials a step: {', '.join(f'{name} {count}' for name, count in steps)}")
