"""NGBoost 0.6.0: ``NGBRegressor(n_estimators=200, verbose_eval=20, random_state=0)`` (Normal
distribution, LogScore, depth-3 ``DecisionTreeRegressor`` base: the defaults;
``verbose=True`` is the default too) fit with a validation set, ``fit(X_train, Y_train,
X_val=X_val, Y_val=Y_val)``, on generated heteroscedastic regression data (numpy, 800 rows:
560 train, 120 validation, 120 test), then the README's test prints: ``print('Test MSE',
test_MSE)`` (scikit-learn's ``mean_squared_error`` of ``ngb.predict``) and ``print('Test
NLL', test_NLL)`` (``-Y_dists.logpdf(Y_test).mean()`` of ``ngb.pred_dist``).

What it prints (stdout, plain ``print``): every ``verbose_eval``-th boosting iteration,
``[iter 0] loss=2.2722 val_loss=2.2841 scale=1.0000 norm=1.9846`` (``itr`` 0-based, so
iterations 0, 20, ..., 180: 10 lines), then ``Test MSE 0.976294420677552`` and
``Test NLL 1.3398827841141163``. Under the pty the same lines end in ``\\r\\n``; nothing
else differs.

Truth: what NGBoost keeps, ``ngb.evals_result`` (``{"train": {"LOGSCORE": [...]},
"val": {"LOGSCORE": [...]}}``, one value per iteration, 200 each), at the printed iterations;
the test values are the ones the script computed and printed. Judgement calls:
- Names as printed: ``loss`` (``evals_result["train"]["LOGSCORE"]``) and ``val_loss``
  (``evals_result["val"]["LOGSCORE"]``); NGBoost's own key (the Score's name in capitals)
  never appears in the output. Key ``step``: the printed ``iter`` (0-based), 10 points each.
  The 190 iterations in between are kept in ``evals_result`` but never printed and written
  to no file: not in the truth.
- Tolerance ``5e-5``: the line formats ``{:.4f}``.
- ``scale`` (the line search's step multiplier) and ``norm`` (the mean gradient norm times
  that scale) are per-iteration diagnostics NGBoost computes for the line and keeps
  nowhere: no record to back a truth, so ``also_ok``.
- ``Test MSE`` and ``Test NLL``: the README's names, a phase word before a name, hence
  ``test_MSE`` and ``test_NLL`` (the phase word lower-cased, the name's capitals kept as
  printed: the helper's ``test_mse`` spelt so in session 82's review); one point each at
  step 199, the last boosting iteration (the evaluation of the finished model). ``print``
  writes ``str()`` of a Python float / ``np.float64`` (repr digits, exact): no tolerance.
"""
# zoo-venv: misc2

import importlib.metadata

import numpy as np
from _truth import series, write_truth
from ngboost import NGBRegressor
from sklearn.metrics import mean_squared_error

rng = np.random.default_rng(0)
X = rng.normal(size=(800, 6))
noise = rng.normal(size=800) * (0.3 + 0.5 * np.abs(X[:, 2]))
Y = 2.0 * X[:, 0] - X[:, 1] + 0.5 * X[:, 0] * X[:, 3] + noise
X_train, Y_train = X[:560], Y[:560]
X_val, Y_val = X[560:680], Y[560:680]
X_test, Y_test = X[680:], Y[680:]

N_ESTIMATORS, VERBOSE_EVAL = 200, 20
ngb = NGBRegressor(n_estimators=N_ESTIMATORS, verbose_eval=VERBOSE_EVAL, random_state=0)
ngb.fit(X_train, Y_train, X_val=X_val, Y_val=Y_val)
Y_preds = ngb.predict(X_test)
Y_dists = ngb.pred_dist(X_test)

# test Mean Squared Error
test_MSE = mean_squared_error(Y_preds, Y_test)
print('Test MSE', test_MSE)

# test Negative Log Likelihood
test_NLL = -Y_dists.logpdf(Y_test).mean()
print('Test NLL', test_NLL)

train = ngb.evals_result["train"]["LOGSCORE"]
val = ngb.evals_result["val"]["LOGSCORE"]
assert len(train) == len(val) == N_ESTIMATORS
printed = range(0, N_ESTIMATORS, VERBOSE_EVAL)
last = N_ESTIMATORS - 1
write_truth(
    "ngboost", importlib.metadata.version("ngboost"),
    "ngb.evals_result (train/val LOGSCORE per iteration) at the printed iterations; the "
    "README's test MSE and NLL as the script computed them",
    {
        "loss": series([(itr, train[itr]) for itr in printed], "step", tolerance=5e-5),
        "val_loss": series([(itr, val[itr]) for itr in printed], "step", tolerance=5e-5),
        "test_MSE": series([(last, test_MSE)], "step"),
        "test_NLL": series([(last, test_NLL)], "step"),
    },
    also_ok=["scale", "norm"],
    notes=f"evals_result keys: {sorted(ngb.evals_result)}, "
          f"{ {k: sorted(v) for k, v in ngb.evals_result.items()} }; "
          f"best_val_loss_itr {ngb.best_val_loss_itr}",
)
