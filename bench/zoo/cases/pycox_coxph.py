r"""pycox (torchtuples): ``CoxPH`` (DeepSurv) around ``tt.practical.MLPVanilla(10, [16, 16], 1,
batch_norm=True, dropout=0.1)`` on synthetic survival data the case draws itself (ten
covariates, exponential event times whose hazard follows a linear risk, uniform censoring
times; no ``pycox.datasets`` download), ``model.fit(..., batch_size=64, epochs=8,
callbacks=[tt.callbacks.EarlyStopping()], verbose=True, val_data=val)`` as pycox's
tutorials run it, then ``compute_baseline_hazards()``, ``predict_surv_df`` on a test split
and ``EvalSurv(...).concordance_td()``, printed as a user does (``print("C-index:", c)``).

Printed: torchtuples' ``TrainingLogger`` line an epoch, tab-separated (``0:\t[0s / 0s],\t\t
train_loss: 4.9317,\tval_loss: 4.8012``: the epoch index, 0-based, the epoch's and the
total wall time, then each monitored score with ``%.4f``), and the closing ``C-index:
0.7...`` line. Truth: the log ``fit`` returns, ``log.to_pandas()`` (torchtuples' own record,
indexed by the same 0-based epoch the line prints), and the value ``concordance_td()``
returned for the C-index.

Judgements: the names are torchtuples' columns as printed (``train_loss``, ``val_loss``),
keyed by epoch: docs/metrics.md reads torchtuples' ``12:\t[0s / 3s],`` as opening an epoch
(CatBoost's ``10:\tlearn:`` stays a step), 0-based as printed; tolerance half the printed
4th decimal. The ``[0s / 0s]`` times are wall-clock (whole seconds) that torchtuples keeps
in no record and no metric name; none is expected. ``C-index`` is named as printed (a
hyphened word keeps its hyphen, as ``Top-1``), one value after the last epoch (the axis is
a note, not scored), tolerance 5e-7 (print shows the float in full; the allowance is for
rounding only)."""

# zoo-venv: pycox

import numpy as np
import pycox
import torch
import torchtuples as tt
from _truth import series, write_truth
from pycox.evaluation import EvalSurv
from pycox.models import CoxPH

np.random.seed(0)
torch.manual_seed(0)
rng = np.random.default_rng(0)
n, n_features = 1000, 10
x = rng.normal(size=(n, n_features)).astype("float32")
beta = rng.normal(scale=0.6, size=n_features)
risk = x @ beta + 0.5 * np.sin(2 * x[:, 0])
event_time = rng.exponential(scale=np.exp(-risk))
censor_time = rng.uniform(0, 3, size=n)
durations = np.minimum(event_time, censor_time).astype("float32")
events = (event_time <= censor_time).astype("float32")

train, val, test = slice(0, 600), slice(600, 800), slice(800, n)
x_train, y_train = x[train], (durations[train], events[train])
val = (x[val], (durations[val], events[val]))
x_test, durations_test, events_test = x[test], durations[test], events[test]

net = tt.practical.MLPVanilla(n_features, [16, 16], 1, batch_norm=True, dropout=0.1)
model = CoxPH(net, tt.optim.Adam)
model.optimizer.set_lr(0.01)
log = model.fit(x_train, y_train, batch_size=64, epochs=8,
                callbacks=[tt.callbacks.EarlyStopping()], verbose=True, val_data=val)

model.compute_baseline_hazards()
surv = model.predict_surv_df(x_test)
c_index = EvalSurv(surv, durations_test, events_test, censor_surv="km").concordance_td()
print("C-index:", c_index)

frame = log.to_pandas()
# the epochs the log kept are the indexes the lines print (0, 1, ...)
assert list(frame.index) == list(range(len(frame))), frame.index
# TrainingLogger.get_measures: "\t%s: %.4f," for each column
metrics = {name: series(zip(frame.index, frame[name], strict=True), "epoch", tolerance=5e-5)
           for name in frame.columns}
metrics["C-index"] = series([(frame.index[-1], c_index)], "epoch", tolerance=5e-7)
write_truth("pycox", f"{pycox.__version__} (torchtuples {tt.__version__})",
            "log.to_pandas() (the TrainingLogger fit returns) + EvalSurv.concordance_td()",
            metrics)
