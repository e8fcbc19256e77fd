"""MindSpore's high-level ``Model`` API on CPU (``mindspore.set_device('CPU')``, what
MindSpore 2.10 documents; ``set_context(device_target=...)`` prints a deprecation warning):
a small ``nn.Cell`` MLP on synthetic 2-class data fed by ``mindspore.dataset.GeneratorDataset``
(256 train samples, batch 32: 8 steps an epoch; 64 eval samples), ``Model(net, loss_fn,
optimizer, metrics={'accuracy', 'loss'})``, 4 epochs with the callbacks the docs and
tutorials show, ``LossMonitor()`` (every step: ``epoch: 1 step: 8, loss is 0.6354565620422363``) and
``TimeMonitor()`` (``Train epoch time: 12.345 ms, per step time: 1.543 ms``).

Judgment (API): the brief says ``Model.train`` then ``Model.eval`` per epoch or at the end.
Evaluating once at the end gives one value a metric; evaluating each epoch by hand needs a
print format of our own. ``Model.fit(epochs, train, valid_dataset)`` is MindSpore's own
``train`` + ``eval`` each epoch (``valid_frequency=1``), and the ``LossMonitor`` prints the
eval dict itself: ``Eval result: epoch 1, metrics: {'loss': np.float32(0.624912), 'accuracy':
np.float64(0.796875)}``. So the
case calls ``fit``; what it prints is the framework's, nothing of ours. Each label is a 0-d
array: this GeneratorDataset converts a row's items with ``np.array(item, copy=False)``,
which NumPy 2 (2.4 in the venv) refuses for a scalar (``np.int32`` or ``int``). The
metrics are a set, as the docs write them, so the eval dict's key order follows the string
hash seed and differs from run to run (``loss`` first in one mode, ``accuracy`` in the other).

Truth: a ``Callback`` of ours reading what the framework hands its callbacks:
- ``on_train_step_end``: ``cb_params.net_outputs`` (the train step's loss tensor), reduced as
  ``LossMonitor`` does (``float(np.mean(t.asnumpy()))``) -> ``loss``. Key "step": the
  printed step is the step within the epoch (``(cur_step_num - 1) % batch_num + 1``, so
  1..8 again each epoch); the truth keys it as printed (as paddle_hapi_v2 does).
- ``on_train_epoch_end``: ``cb_params.metrics`` (what ``Model.eval`` returns, and the dict
  ``LossMonitor`` prints) -> ``eval_accuracy``, ``eval_loss``, key "epoch" (1-based as
  printed). Judgment (names): MindSpore keys them ``accuracy``/``loss``, the eval ``loss``
  clashing with the train loss; the line says ``Eval result``, so the truth names them with
  their phase (the "Phases" rule; MindSpore itself calls the eval loss ``eval_loss`` in
  ``cb_params.eval_results``).
Tolerance: the train loss prints as ``%s`` of a Python float (full ``repr``, exact): 1e-9
absolute. In the eval dict ``accuracy`` is an ``np.float64`` (exact repr) and ``loss`` an
``np.float32``, printed ``np.float32(0.624912)`` (float32's shortest repr, off the float64
value by up to half a float32 ulp): ``rel_tolerance`` 1e-7 on ``eval_loss``.
``also_ok``: the TimeMonitor timings, printed after each train epoch (``Train epoch time:
...``) and, within ``fit``, after each evaluation (``Eval epoch time: 19.916 ms, per step
time: 9.958 ms``).
"""

import mindspore
import mindspore.dataset as ds
import numpy as np
from _truth import series, write_truth
from mindspore import nn
from mindspore.train import Callback, LossMonitor, Model, TimeMonitor

mindspore.set_device("CPU")
mindspore.set_seed(0)
ds.config.set_seed(0)

EPOCHS, BATCH = 4, 32


def make_data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 8)).astype(np.float32)
    y = ((x[:, 0] + 0.5 * x[:, 1] - 0.3 * x[:, 2]) > 0).astype(np.int32)
    return x, y


def dataset(n: int, seed: int, shuffle: bool) -> ds.Dataset:
    x, y = make_data(n, seed)
    # each label a 0-d array: this MindSpore's GeneratorDataset converts rows with
    # np.array(item, copy=False), which NumPy 2 refuses for a scalar (np.int32)
    labels = [np.asarray(label) for label in y]
    data = ds.GeneratorDataset(lambda: zip(x, labels, strict=True), column_names=["data", "label"],
                               shuffle=False)
    if shuffle:
        data = data.shuffle(buffer_size=n)
    return data.batch(BATCH)


class Net(nn.Cell):
    def __init__(self) -> None:
        super().__init__()
        self.body = nn.SequentialCell(nn.Dense(8, 16), nn.ReLU(), nn.Dense(16, 2))

    def construct(self, x):
        return self.body(x)


class Record(Callback):
    """What the framework hands its callbacks (see the docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.loss: list[tuple[int, float]] = []
        self.eval: list[tuple[int, dict]] = []

    def on_train_step_end(self, run_context) -> None:
        cb = run_context.original_args()
        step = (cb.cur_step_num - 1) % cb.batch_num + 1
        self.loss.append((step, float(np.mean(cb.net_outputs.asnumpy()))))

    def on_train_epoch_end(self, run_context) -> None:
        cb = run_context.original_args()
        if cb.get("metrics"):
            self.eval.append((cb.cur_epoch_num, dict(cb.metrics)))


net = Net()
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.05, momentum=0.9)
model = Model(net, loss_fn, optimizer, metrics={"accuracy", "loss"})
record = Record()
model.fit(EPOCHS, dataset(256, 0, True), dataset(64, 1, False),
          callbacks=[LossMonitor(), TimeMonitor(), record])

metrics = {"loss": series(record.loss, "step", tolerance=1e-9)}
metrics["eval_accuracy"] = series([(epoch, values["accuracy"]) for epoch, values in record.eval],
                                  "epoch", tolerance=1e-9)
metrics["eval_loss"] = series([(epoch, values["loss"]) for epoch, values in record.eval],
                              "epoch", rel_tolerance=1e-7)
write_truth("mindspore", mindspore.__version__,
            "Callback: cb_params.net_outputs (on_train_step_end), "
            "cb_params.metrics (on_train_epoch_end)",
            metrics, also_ok=["epoch_time", "per_step_time", "train_epoch_time", "eval_epoch_time",
                              "train_per_step_time", "eval_per_step_time"])
