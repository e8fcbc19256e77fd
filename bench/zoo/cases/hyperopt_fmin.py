"""hyperopt 0.3.0: ``fmin(objective, space, algo=tpe.suggest, max_evals=30, trials=Trials(),
rstate=np.random.default_rng(0))`` tuning a small LightGBM classifier (``LGBMClassifier(
num_leaves, learning_rate, n_estimators, verbose=-1)``; LightGBM 4.7.0) on generated data
(scikit-learn's ``make_classification``, 600 rows, a fixed 70/30 split), then the README's
``print(best)`` and ``print(space_eval(space, best))``. The objective is the one widely copied
hyperopt tutorials use (Kaggle notebooks tuning a gradient-boosting classifier with hyperopt):
fit, ``accuracy = accuracy_score(y_test, pred > 0.5)``, ``print("SCORE:", accuracy)``,
``return {"loss": -accuracy, "status": STATUS_OK}``.

What it prints (stdout): hyperopt's default progress bar, tqdm with ``unit="trial"`` and a
postfix, redrawn on ``\\r``: ``  0%|          | 0/30 [00:00<?, ?trial/s, best loss=?]``,
last ``100%|██████████| 30/30 [00:05<00:00,  5.53trial/s, best loss: -0.9166666666666666]``
(under a pipe tqdm draws a 10-cell bar, under the 120-column pty a wide one).
While ``fmin`` runs, hyperopt swaps ``sys.stdout``/``sys.stderr`` for its
``DummyTqdmFile``, which hands every non-blank ``write()`` to ``tqdm.write`` (clear the bar,
write the text and a newline, redraw the bar): ``print("SCORE:", accuracy)`` makes two
writes, so each trial prints ``SCORE:`` and the value on two lines of their own (under a pipe
too, each between bar frames). Then ``{'learning_rate': np.float64(0.2209...), ...}`` (the
best point, numpy reprs) and the ``space_eval`` dict.

Truth: hyperopt's own record, ``trials.results`` / ``trials.losses()`` (the dicts the
objective returned), at each trial's ``tid``. Judgement calls:
- ``SCORE``: the printed value is ``accuracy``, the trial's ``loss`` is ``-accuracy``, so the
  truth is ``-loss`` (exact). Named by the printed word, as printed (capitals kept): hyperopt
  has no key of its own for it. Key ``step``: the trial id ``tid``, 0-based (30 points); no
  trial number is printed. No tolerance: ``print`` writes ``str(float)`` (repr, exact).
- The bar's ``best loss`` is ``min(trials.losses())`` so far (``fmin`` sets
  ``progress_ctx.postfix = "best loss: " + str(best_loss)`` after each trial): a running best
  of the losses (the negated SCORE values), no series of its own (README rule); in
  ``also_ok`` as ``best_loss``. tqdm redraws it only when 0.1 s have passed, so how many
  frames show it depends on the machine's speed anyway. The first frame's ``best loss=?`` is
  tqdm's dict postfix before any trial.
- ``trial/s`` and ``s/trial`` (tqdm's rate with ``unit="trial"``): throughput, ``also_ok``.
- The printed ``best`` and ``space_eval`` dicts are hyperparameters (the search's inputs),
  not metrics; the trial count on the bar is a counter.
"""
# zoo-venv: misc2

import importlib.metadata

import lightgbm as lgb
import numpy as np
from _truth import series, write_truth
from hyperopt import STATUS_OK, Trials, fmin, hp, space_eval, tpe
from sklearn.datasets import make_classification
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

X, y = make_classification(n_samples=600, n_features=12, n_informative=5, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)

space = {
    "num_leaves": hp.quniform("num_leaves", 4, 32, 1),
    "learning_rate": hp.loguniform("learning_rate", np.log(0.01), np.log(0.3)),
    "n_estimators": hp.quniform("n_estimators", 10, 60, 10),
}


def objective(space: dict) -> dict:
    clf = lgb.LGBMClassifier(num_leaves=int(space["num_leaves"]),
                             learning_rate=space["learning_rate"],
                             n_estimators=int(space["n_estimators"]), random_state=0, verbose=-1)
    clf.fit(X_train, y_train)
    pred = clf.predict(X_test)
    accuracy = accuracy_score(y_test, pred > 0.5)
    print("SCORE:", accuracy)
    return {"loss": -accuracy, "status": STATUS_OK}


trials = Trials()
best = fmin(objective, space, algo=tpe.suggest, max_evals=30, trials=trials,
            rstate=np.random.default_rng(0))
print(best)
print(space_eval(space, best))

scores = [(trial["tid"], -trial["result"]["loss"]) for trial in trials.trials]
assert [-value for _, value in scores] == trials.losses()
write_truth("hyperopt", importlib.metadata.version("hyperopt"),
            "trials.trials (tid, result['loss']): the objective's returned loss, -accuracy",
            {"SCORE": series(scores, "step")},
            also_ok=["best_loss", "trial/s", "s/trial"],
            notes=f"lightgbm {lgb.__version__}; best {space_eval(space, best)}; "
                  f"best loss {min(trials.losses())}")
