r"""DeepCTR-Torch 0.2.9 (PyPI's ``deepctr-torch`` 0.2.9, the release before 0.3.0, which the
``deepctr_deepfm`` case runs; 0.2.9 still takes its ``History`` and ``CallbackList`` from
TensorFlow, ``tensorflow.python.keras.callbacks``, so its metadata requires ``tensorflow`` and
the venv holds TensorFlow 2.21.0 beside the CPU build of torch 2.13.0): ``DeepFM`` as its
README's quick start and its ``examples/run_classification_criteo.py`` train one, on a small
synthetic Criteo-like frame (``_criteo_frame``, the generator the other CTR cases share:
3,000 rows, four sparse categorical columns ``C1``..``C4`` of hashed-looking string ids, three
dense count columns ``I1``..``I3``, a binary ``label`` drawn from a logistic model of a few of
them; no Criteo download). As the example: ``LabelEncoder`` on each sparse column,
``MinMaxScaler(feature_range=(0, 1))`` on the dense ones, ``SparseFeat``/``DenseFeat``
columns for both the linear and the DNN part, ``train_test_split(data, test_size=0.2,
random_state=2020)``, ``DeepFM(linear_feature_columns, dnn_feature_columns, task='binary',
device='cpu')``, ``model.compile("adam", "binary_crossentropy", metrics=["binary_crossentropy",
"auc"])``, ``history = model.fit(train_model_input, train[target].values, batch_size=256,
epochs=4, verbose=2, validation_split=0.2)``, then ``pred_ans = model.predict(test_model_input,
256)`` and the example's closing prints, ``print("")``, ``print("test LogLoss",
round(log_loss(test[target].values, pred_ans), 4))`` and ``print("test AUC",
round(roc_auc_score(test[target].values, pred_ans), 4))``. About 30 s, most of it importing
TensorFlow.

What it prints: at import, TensorFlow's C++ start-up lines on stderr (``WARNING: All log
messages before absl::InitializeLog() is called are written to STDERR``, ``I0000
00:00:1796673372.325728   32011 port.cc:153] oneDNN custom operations are on. ...``,
``cudart_stub.cc:31] Could not find cuda drivers on your machine, GPU will not be used.``,
``cpu_feature_guard.cc:227] This TensorFlow binary is optimized ...``; the first two twice),
then deepctr-torch's version-check line (below); torch's ``UserWarning: The given NumPy array
is not writable`` (pandas 3's ``.values`` is a read-only view), then ``fit``'s ``cpu`` (the
device) and ``Train on 1920 samples, validate on 480 samples, 8 steps per epoch``, and each
epoch::

    Epoch 1/4
    3s - loss:  0.6599 - binary_crossentropy:  0.6590 - auc:  0.5436 - val_binary_crossentropy:
      0.6331 - val_auc:  0.5810

(one line, wrapped here; each value ``"{0: .4f}"``: a space for the sign, so two spaces
after the colon; the leading ``3s`` is the epoch's wall time, ``int`` seconds), then an empty
line, ``test LogLoss 0.5826`` and ``test AUC 0.6739`` (Python's ``print`` of a float rounded
to 4 decimals: trailing zeros dropped, ``0.58`` for 0.5800). With ``verbose=1`` the same
lines follow a tqdm bar an epoch on stderr, ``8it [00:01,  4.04it/s]``
(``tqdm(enumerate(train_loader))`` has no total, so a count and a rate, no percentage);
``verbose=2`` disables the bar.

Truth: deepctr-torch's own records. ``fit`` returns ``self.history``, a TensorFlow Keras
``History`` callback that ``CallbackList.on_epoch_end(epoch, epoch_logs)`` fills: its
``history`` dict (``loss``, ``binary_crossentropy``, ``auc``, ``val_binary_crossentropy``,
``val_auc``, one value an epoch, the very ``epoch_logs`` the line formats) and its ``epoch``
list. The test figures have no record in the framework (the example computes them with
scikit-learn and prints them): the values the case computes and prints, ``round(log_loss(...),
4)`` and ``round(roc_auc_score(...), 4)``, are kept unrounded before the print.
Judgement calls:
- Names: the history's keys, which are what the epoch line prints. The example's test lines
  by exptrack's naming rule (docs/metrics.md, "Phases": a phase word before a name prefixes it
  as printed): ``test LogLoss`` -> ``test_LogLoss``, ``test AUC`` -> ``test_AUC`` (as
  ``torch_rechub_deepfm``'s ``Test AUC``).
- Axis ``epoch``, 1-based as ``Epoch 1/4`` prints it: ``history.epoch`` keeps the 0-based
  indexes ``0..3`` and the case adds one, as ``deepctr_deepfm`` and the Keras cases key
  ``History``. The test figures are of the model after the last epoch (no callback, no early
  stop): epoch 4.
- Tolerances: 5e-5, half the 4th decimal, for every value (``: .4f`` on the epoch line,
  ``round(x, 4)`` on the test lines).
- What each value is, as kept: ``loss`` is the epoch's summed loss plus the regularisation
  terms over the 1,920 training samples; ``binary_crossentropy`` and ``auc`` are the sums of
  their per-batch values over ``steps_per_epoch`` (so ``loss`` and ``binary_crossentropy``
  differ); the ``val_`` values are ``evaluate`` on the last 20% of the training split (before
  shuffling). There is no ``val_loss``: neither the history nor the line has one.
- The ``3s`` epoch time is wall-clock in whole seconds that nothing keeps and no name labels:
  none is expected (as ``deepctr_deepfm``). ``cpu``, ``Train on ... samples`` and ``Epoch
  1/4`` are set-up counts and the axis. TensorFlow's start-up lines carry file names with line
  numbers (``port.cc:153``) and a timestamp: no metrics.
- Determinism: ``np.random.seed(0)`` and ``torch.manual_seed(0)`` before the model is built
  (initialisation and the DataLoader's shuffling), the frame from ``default_rng(0)``; values
  repeat on the CPU, only the epoch seconds and TensorFlow's timestamps vary.

Environment: ``import deepctr_torch`` starts a thread that asks PyPI for the newest version
(``utils.check_version``); offline it prints ``Please check the latest version manually on
https://pypi.org/project/deepctr-torch/#history``, online it logs a warning that 0.3.0 is out.
So that the capture is offline and the same every time, the case makes ``requests.get`` raise
``ConnectionError`` for that one check (as a machine without network does) and waits for the
thread before anything else, so the framework's own offline line is printed in a fixed place,
as ``deepctr_deepfm`` does. Nothing is downloaded."""

# zoo-venv: deepctrtorch

import threading

import requests

_real_get = requests.get


def _offline_get(url, *args, **kwargs):
    """The import-time version check is the only request made: fail it as offline does."""
    raise requests.exceptions.ConnectionError(f"offline (zoo capture): {url}")


requests.get = _offline_get
_threads_before = set(threading.enumerate())
import deepctr_torch  # noqa: E402  (imports TensorFlow, starts the version-check thread)

for _thread in set(threading.enumerate()) - _threads_before:
    _thread.join()
requests.get = _real_get

from importlib.metadata import version  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
from _criteo_frame import LEVELS, criteo_frame  # noqa: E402
from _truth import series, write_truth  # noqa: E402
from deepctr_torch.inputs import DenseFeat, SparseFeat, get_feature_names  # noqa: E402
from deepctr_torch.models import DeepFM  # noqa: E402
from sklearn.metrics import log_loss, roc_auc_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.preprocessing import LabelEncoder, MinMaxScaler  # noqa: E402

np.random.seed(0)
torch.manual_seed(0)
data = criteo_frame(np.random.default_rng(0), 3000)

sparse_features = list(LEVELS)
dense_features = ["I1", "I2", "I3"]
target = ["label"]

# 1. Label encoding for sparse features, and a simple transformation for dense features
for feat in sparse_features:
    lbe = LabelEncoder()
    data[feat] = lbe.fit_transform(data[feat])
mms = MinMaxScaler(feature_range=(0, 1))
data[dense_features] = mms.fit_transform(data[dense_features])

# 2. count #unique features for each sparse field, and record dense feature field name
fixlen_feature_columns = ([SparseFeat(feat, data[feat].nunique()) for feat in sparse_features]
                          + [DenseFeat(feat, 1) for feat in dense_features])
dnn_feature_columns = fixlen_feature_columns
linear_feature_columns = fixlen_feature_columns
feature_names = get_feature_names(linear_feature_columns + dnn_feature_columns)

# 3. generate input data for model
train, test = train_test_split(data, test_size=0.2, random_state=2020)
train_model_input = {name: train[name] for name in feature_names}
test_model_input = {name: test[name] for name in feature_names}

# 4. Define Model, train, predict and evaluate
model = DeepFM(linear_feature_columns, dnn_feature_columns, task="binary", device="cpu")
model.compile("adam", "binary_crossentropy", metrics=["binary_crossentropy", "auc"])
history = model.fit(train_model_input, train[target].values, batch_size=256, epochs=4,
                    verbose=2, validation_split=0.2)
pred_ans = model.predict(test_model_input, 256)
test_logloss = log_loss(test[target].values, pred_ans)  # recorded: the value printed next
test_auc = roc_auc_score(test[target].values, pred_ans)
print("")
print("test LogLoss", round(test_logloss, 4))
print("test AUC", round(test_auc, 4))

# truth: History.on_epoch_end appends the 0-based index; the line prints "Epoch {index + 1}/4"
assert history.epoch == [0, 1, 2, 3], history.epoch
metrics = {name: series(((epoch + 1, value) for epoch, value in
                         zip(history.epoch, values, strict=True)), "epoch", tolerance=5e-5)
           for name, values in history.history.items()}
last_epoch = history.epoch[-1] + 1
metrics["test_LogLoss"] = series([(last_epoch, test_logloss)], "epoch", tolerance=5e-5)
metrics["test_AUC"] = series([(last_epoch, test_auc)], "epoch", tolerance=5e-5)
write_truth(
    "deepctr-torch", deepctr_torch.__version__,
    f"history.history and history.epoch (the tensorflow.python.keras History callback fit "
    f"returns; tensorflow {version('tensorflow')}); test_LogLoss and test_AUC: the example's "
    "sklearn log_loss/roc_auc_score of model.predict on the test split, unrounded, as the "
    "case computes them before printing round(x, 4)",
    metrics,
    notes="the epoch line's leading '<n>s' is the epoch's wall time in whole seconds: no name, "
          "no record, nothing expected")
