r"""DeepCTR-Torch (deepctr-torch 0.3.0): ``DeepFM`` as its quick start (and its
``run_classification_criteo.py`` example) trains one, on a small synthetic Criteo-like frame
the case draws itself (2,000 rows: four sparse categorical columns ``C1``..``C4`` of string
ids with a few to a few dozen levels, three dense columns ``I1``..``I3`` of counts, a binary
``label`` with a logistic dependence on some of both; no Criteo download). As the quick start:
``LabelEncoder`` on each sparse column, ``MinMaxScaler`` on the dense ones,
``SparseFeat``/``DenseFeat`` columns for the linear and the DNN part, ``DeepFM(linear_feature_
columns, dnn_feature_columns, task='binary', device='cpu')``, ``model.compile("adam",
"binary_crossentropy", metrics=["binary_crossentropy", "auc"])`` and ``history =
model.fit(x, y, batch_size=256, epochs=5, verbose=2, validation_split=0.2)`` on the model
input dict (name -> column).

Printed: deepctr-torch's import-time version check (see below), ``fit``'s ``cpu`` (the
device) and ``Train on 1600 samples, validate on 400 samples, 7 steps per epoch``, then for
each epoch (``verbose=2``: no tqdm bar) ``Epoch 1/5`` and a Keras-like line ``0s - loss:
0.6921 - binary_crossentropy:  0.6920 - auc:  0.5123 - val_binary_crossentropy:  0.6915 -
val_auc:  0.5300`` (each value as ``"{0: .4f}"``: a space for the sign, so two spaces after
the colon; the ``0s`` is the epoch's wall time, whole seconds).

Truth: ``history.history``, the dict of lists that ``fit``'s ``History`` callback keeps
(deepctr-torch's own record, one value an epoch for each of ``loss``,
``binary_crossentropy``, ``auc``, ``val_binary_crossentropy``, ``val_auc``), keyed by epoch.

Judgements: the names are the history's keys, which are what the line prints. The axis is
the epoch as printed (``Epoch 1/5``), 1-based: ``history.epoch`` keeps the 0-based indexes
``0..4``, the case adds one, as the Keras cases key ``History``. Tolerance 5e-5, half the
printed 4th decimal. ``loss`` is the epoch's summed loss (with the regularisation terms)
over the training samples, while ``binary_crossentropy`` and ``auc`` are the means of their
per-batch values: all three are the history's own, and printed as kept. There is no
``val_loss``: ``evaluate`` returns the compiled metrics only, and neither the history nor
the line has one. The ``0s`` epoch time is wall-clock (whole seconds) that no record keeps
and no name labels: none is expected (as torchtuples' ``[0s / 0s]`` in ``pycox_coxph``).
``cpu`` and the ``Train on ...`` line are no metrics (counts of the set-up). torch's
``UserWarning: The given NumPy array is not writable`` on stderr is what the quick start
gets under pandas 3 (``data[target].values`` is a read-only view there), kept as printed.

Environment: ``import deepctr_torch`` starts a thread that asks PyPI for the package's
newest version (``check_version``); offline it prints ``Please check the latest version
manually on https://pypi.org/project/deepctr-torch/#history``, online it prints nothing
while 0.3.0 is the newest. So that the capture is offline and the same every time, the case
makes ``requests.get`` raise ``ConnectionError`` for that one check (as a machine without
network does) and waits for the thread before anything else, so the framework's own offline
line is printed first, in a fixed place. Nothing is downloaded."""

# zoo-venv: deepctr

import threading

import requests

_real_get = requests.get


def _offline_get(url, *args, **kwargs):
    """The import-time version check is the only request made: fail it as offline does."""
    raise requests.exceptions.ConnectionError(f"offline (zoo capture): {url}")


requests.get = _offline_get
_threads_before = set(threading.enumerate())
import deepctr_torch  # noqa: E402  (starts the version-check thread)

for _thread in set(threading.enumerate()) - _threads_before:
    _thread.join()
requests.get = _real_get

import numpy as np  # noqa: E402
import torch  # noqa: E402
from _criteo_frame import LEVELS, criteo_frame  # noqa: E402
from _truth import series, write_truth  # noqa: E402
from deepctr_torch.inputs import DenseFeat, SparseFeat, get_feature_names  # noqa: E402
from deepctr_torch.models import DeepFM  # noqa: E402
from sklearn.preprocessing import LabelEncoder, MinMaxScaler  # noqa: E402

np.random.seed(0)
torch.manual_seed(0)
rng = np.random.default_rng(0)

# a small Criteo-like frame: hashed-looking categorical ids and skewed counts
data = criteo_frame(rng, 2000)
levels = LEVELS

sparse_features = list(levels)
dense_features = ["I1", "I2", "I3"]
target = ["label"]

for feat in sparse_features:
    lbe = LabelEncoder()
    data[feat] = lbe.fit_transform(data[feat])
mms = MinMaxScaler(feature_range=(0, 1))
data[dense_features] = mms.fit_transform(data[dense_features])

fixlen_feature_columns = ([SparseFeat(feat, data[feat].nunique()) for feat in sparse_features]
                          + [DenseFeat(feat, 1) for feat in dense_features])
dnn_feature_columns = fixlen_feature_columns
linear_feature_columns = fixlen_feature_columns
feature_names = get_feature_names(linear_feature_columns + dnn_feature_columns)
model_input = {name: data[name] for name in feature_names}

model = DeepFM(linear_feature_columns, dnn_feature_columns, task="binary", device="cpu")
model.compile("adam", "binary_crossentropy", metrics=["binary_crossentropy", "auc"])
history = model.fit(model_input, data[target].values, batch_size=256, epochs=5, verbose=2,
                    validation_split=0.2)

# History.on_epoch_end appends the 0-based epoch index; the line prints "Epoch {index + 1}/5"
assert history.epoch == list(range(len(history.epoch))), history.epoch
metrics = {name: series(((epoch + 1, value) for epoch, value in
                         zip(history.epoch, values, strict=True)), "epoch", tolerance=5e-5)
           for name, values in history.history.items()}
write_truth("deepctr-torch", deepctr_torch.__version__,
            "history.history (the History callback fit returns)", metrics)
