"""Optuna: a study of 8 trials (``TPESampler(seed=0)``, ``direction="maximize"``) tuning a
small scikit-learn ``RandomForestClassifier`` scored by 3-fold ``cross_val_score`` on
synthetic data (the sklearn objective of Optuna's README examples), with Optuna's default
logging (INFO to stderr through colorlog's ``TTYColoredFormatter``: colored under a pty):
``[I 2026-01-01 00:00:00,000] Trial 3 finished with value: 0.87 and parameters: {...}.
Best is trial 1 with value: 0.9.``. Truth: ``study.trials`` (``FrozenTrial.value`` at
``FrozenTrial.number``).

Judged: the objective value is the metric, named ``value`` as ``FrozenTrial.value`` (the
study has no ``metric_names``, so the log says "value"), keyed by the trial number as
``step`` (0-based, as printed). The "Best is trial N with value: V" tail repeats an earlier
trial's value (``study.best_value`` so far), not a new record; the sampled parameters are
inputs, not metrics. Values are printed with ``str(float)`` (repr, exact), so no tolerance.
"""

import optuna
from _truth import series, write_truth
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import cross_val_score

X, y = make_classification(n_samples=300, n_features=10, n_informative=4, random_state=0)


def objective(trial: optuna.Trial) -> float:
    n_estimators = trial.suggest_int("n_estimators", 5, 40)
    max_depth = trial.suggest_int("max_depth", 2, 16, log=True)
    clf = RandomForestClassifier(n_estimators=n_estimators, max_depth=max_depth, random_state=0)
    return cross_val_score(clf, X, y, cv=3).mean()


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
study.optimize(objective, n_trials=8)

metrics = {"value": series([(t.number, t.value) for t in study.trials
                            if t.state == optuna.trial.TrialState.COMPLETE], "step")}
write_truth("optuna", optuna.__version__, "study.trials (FrozenTrial.number, FrozenTrial.value)",
            metrics)
