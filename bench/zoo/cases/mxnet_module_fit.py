"""Apache MXNet 1.9.1 (pip ``mxnet``, its last release: the ``py3-none-manylinux2014_x86_64``
wheel, CPU with OpenBLAS and oneDNN, on numpy 1.23.5), the symbolic Module API's training
loop, ``mx.mod.Module(symbol=..., context=mx.cpu()).fit(...)``, as MXNet's
``example/image-classification/common/fit.py`` drives it: ``batch_end_callback`` a
``mx.callback.Speedometer(batch_size, frequent)``, ``epoch_end_callback``
``mx.callback.do_checkpoint(prefix)``, ``eval_data`` given, SGD, ``mx.init.Xavier()``, and
``logging.basicConfig(level=logging.INFO)`` (Module logs through the root logger, so
nothing prints without it; the default format ``INFO:root:``, on stderr). The model is a
tiny MLP symbol (``FullyConnected(32)``, ``relu``, ``FullyConnected(4)``,
``SoftmaxOutput``) on a synthetic four-class problem built with numpy (1,600 rows of 20
features, labels the argmax of a noisy random linear map): 1,280 training rows in a
shuffled ``mx.io.NDArrayIter`` (batch 32: 40 batches an epoch) and 320 validation rows (10
batches), 3 epochs, ``Speedometer(32, 10)``. Two fits, one after the other, each a fresh
Module: first with ``eval_metric`` a ``CompositeEvalMetric`` of ``mx.metric.Accuracy()``
and ``mx.metric.CrossEntropy()`` (checkpoints ``mlp-symbol.json``, ``mlp-000N.params``),
then with ``mx.metric.Accuracy()`` alone (``mlp_acc-...``). Nothing is downloaded; seeds
fixed (``mx.random.seed(0)`` for the Xavier draws, ``np.random.seed(0)``: NDArrayIter
shuffles with numpy's global generator); the values repeat run to run. About 5 s.

What it prints (stderr; the same under a pipe and a terminal, times aside: no bar, no
colour), per epoch, the first fit::

 INFO:root:Epoch[0] Batch [0-10]\\tSpeed: 12942.51 samples/sec\\taccuracy=0.306818\\t
     cross-entropy=1.408234
 INFO:root:Epoch[0] Batch [10-20]\\tSpeed: 23532.52 samples/sec\\taccuracy=0.484375\\t
     cross-entropy=1.189844
 INFO:root:Epoch[0] Batch [20-30]\\tSpeed: 12382.62 samples/sec\\taccuracy=0.590625\\t
     cross-entropy=1.060882
 INFO:root:Epoch[0] Train-accuracy=0.507812
 INFO:root:Epoch[0] Train-cross-entropy=1.154204
 INFO:root:Epoch[0] Time cost=0.155
 INFO:root:Saved checkpoint to "mlp-0001.params"
 INFO:root:Epoch[0] Validation-accuracy=0.746875
 INFO:root:Epoch[0] Validation-cross-entropy=0.843236

(a batch line is one line, wrapped here after a tab), and the second fit the same lines
with ``accuracy`` alone (``...samples/sec\\taccuracy=0.264205``, ``Epoch[0]
Train-accuracy=0.428906``, ``Epoch[0] Validation-accuracy=0.603125``), its epochs counted
from 0 again. Each fit's first executor also prints, from C++ on stderr, ``[14:19:37]
../src/executor/graph_executor.cc:1991: Subgraph backend MKLDNN is activated.``

Where the values come from (``module/base_module.py``'s ``fit``, ``callback.py``):
- The Speedometer's lines: at batch ``nbatch`` = 10, 20, 30 of each epoch (0-based;
  ``count % frequent == 0`` once its first call of the epoch, at batch 0, has set it up;
  the epoch's 40th batch is 39, so no line at 40), ``param.eval_metric.get_name_value()``,
  the metric's *local* values, which it then resets (``auto_reset=True``, its default,
  ``reset_local()``): a window, ``[0-10]`` over batches 0..10 (11 batches), ``[10-20]`` over
  11..20, ``[20-30]`` over 21..30, each printed ``%f``. Batches 31..39 are in no batch line.
- ``Epoch[N] Train-<name>=%f``: ``eval_metric.get_global_name_value()`` at the epoch's last
  batch, the whole epoch's values (the global part, which ``reset_local`` leaves alone),
  taken by fit before the batch callbacks run.
- ``Epoch[N] Validation-<name>=%f``: ``self.score(eval_data, validation_metric, ...)``'s
  return, ``eval_metric.get_name_value()`` after a reset and the 10 validation batches
  (``validation_metric`` defaults to ``eval_metric``, the same object, reset first).

Truth: the framework's own metric objects, never stdout. A batch-end callback the case puts
*before* the Speedometer in ``batch_end_callback`` (fit calls them in list order) reads
``param.eval_metric.get_name_value()`` at the batches the Speedometer prints (before it
resets them), and at the epoch's last batch (``param.locals['end_of_batch']``)
``param.eval_metric.get_global_name_value()``, asserted equal to the ``eval_name_vals``
fit prints (``param.locals``); an ``eval_end_callback`` (fit passes it to ``score`` as
``score_end_callback``) reads the validation metric's ``get_name_value()``. Full precision.
Judgement calls:
- Names as printed, which are MXNet's own: the metrics' ``EvalMetric.name`` (``accuracy``,
  ``cross-entropy``, the hyphen MXNet's) on the batch lines, and the ``Train-`` and
  ``Validation-`` names fit composes itself (``'Epoch[%d] Train-%s=%f'``): ``Train-accuracy``,
  ``Train-cross-entropy``, ``Validation-accuracy``, ``Validation-cross-entropy``. The batch
  lines' ``accuracy`` (a window of 10-11 batches) and the epoch's ``Train-accuracy`` (all 40)
  are different quantities under different printed names: two series, not one.
- The second fit prints the same names again (``accuracy``, ``Train-accuracy``,
  ``Validation-accuracy``), its epochs from 0: by the naming rule one series per name, in
  print order, so ``accuracy`` holds 18 points (9 of each fit), ``Train-accuracy`` and
  ``Validation-accuracy`` 6 (3 of each); the ``cross-entropy`` series only the first fit's
  (9, 3, 3).
- Axes: the batch series by ``step``, the batch index the Speedometer read them at
  (``nbatch``: 10, 20, 30, printed as the *end* of ``Batch [0-10]``; within the epoch,
  restarting each epoch); the ``Train-`` and ``Validation-`` series by ``epoch`` (``Epoch[N]``,
  from 0, again from 0 in the second fit).
- Tolerance 5e-7: ``%f`` prints six decimals.
- ``also_ok``: ``Speed`` (``Speed: 12942.51 samples/sec``, the Speedometer's throughput over
  the last ``frequent`` batches) and ``Time_cost`` (``Time cost=0.155``, the epoch's
  seconds), as the naming rule names the printed words: timing, kept by nothing.
- Not metrics: ``Saved checkpoint to "mlp-0001.params"`` (the checkpoint's epoch number),
  the ``Batch [0-10]`` range and ``Epoch[N]``.
"""
# zoo-venv: mxnet

import logging

import mxnet as mx
import numpy as np
from _truth import series, write_truth

BATCH, FREQUENT, EPOCHS = 32, 10, 3
TRAIN_ROWS, VAL_ROWS = 1280, 320  # 40 training batches an epoch, 10 validation batches

logging.basicConfig(level=logging.INFO)
mx.random.seed(0)
np.random.seed(0)
rng = np.random.RandomState(0)
features = rng.randn(TRAIN_ROWS + VAL_ROWS, 20).astype("float32")
weights = rng.randn(20, 4).astype("float32")
labels = (features @ weights + 0.5 * rng.randn(TRAIN_ROWS + VAL_ROWS, 4)).argmax(axis=1)
labels = labels.astype("float32")


def mlp() -> mx.sym.Symbol:
    data = mx.sym.var("data")
    net = mx.sym.FullyConnected(data, num_hidden=32, name="fc1")
    net = mx.sym.Activation(net, act_type="relu", name="relu1")
    net = mx.sym.FullyConnected(net, num_hidden=4, name="fc2")
    return mx.sym.SoftmaxOutput(net, name="softmax")


# name -> [(axis, value)], the axis the batch index (batch series) or the epoch
points: dict[str, list[tuple[int, float]]] = {}


def keep(name: str, axis: int, value: float) -> None:
    points.setdefault(name, []).append((axis, value))


def record_batch(param) -> None:
    """The truth at a batch's end, before the Speedometer (which resets the local values
    after printing them): the values it prints, and the epoch's that fit prints."""
    if param.nbatch > 0 and param.nbatch % FREQUENT == 0:  # the Speedometer prints here
        for name, value in param.eval_metric.get_name_value():
            keep(name, param.nbatch, value)
    if param.locals["end_of_batch"]:  # fit prints Epoch[N] Train-<name>= after this batch
        values = param.eval_metric.get_global_name_value()
        assert values == param.locals["eval_name_vals"], values
        for name, value in values:
            keep(f"Train-{name}", param.epoch, value)


def record_eval(param) -> None:
    """The validation metric after score's last batch: what fit prints as Validation-."""
    for name, value in param.eval_metric.get_name_value():
        keep(f"Validation-{name}", param.epoch, value)


def fit(eval_metric: mx.metric.EvalMetric, prefix: str) -> None:
    train_iter = mx.io.NDArrayIter(features[:TRAIN_ROWS], labels[:TRAIN_ROWS], BATCH,
                                   shuffle=True, label_name="softmax_label")
    val_iter = mx.io.NDArrayIter(features[TRAIN_ROWS:], labels[TRAIN_ROWS:], BATCH,
                                 label_name="softmax_label")
    mod = mx.mod.Module(symbol=mlp(), context=mx.cpu())
    mod.fit(train_iter, eval_data=val_iter, eval_metric=eval_metric,
            optimizer="sgd", optimizer_params={"learning_rate": 0.1},
            initializer=mx.init.Xavier(),
            batch_end_callback=[record_batch, mx.callback.Speedometer(BATCH, FREQUENT)],
            epoch_end_callback=mx.callback.do_checkpoint(prefix),
            eval_end_callback=record_eval, num_epoch=EPOCHS)


composite = mx.metric.CompositeEvalMetric()
composite.add(mx.metric.Accuracy())
composite.add(mx.metric.CrossEntropy())
fit(composite, "mlp")
fit(mx.metric.Accuracy(), "mlp_acc")

BATCH_SERIES = ("accuracy", "cross-entropy")
metrics = {name: series(pairs, "step" if name in BATCH_SERIES else "epoch", tolerance=5e-7)
           for name, pairs in points.items()}
counts = {name: len(spec["values"]) for name, spec in metrics.items()}
assert counts == {"accuracy": 18, "cross-entropy": 9, "Train-accuracy": 6,
                  "Train-cross-entropy": 3, "Validation-accuracy": 6,
                  "Validation-cross-entropy": 3}, counts
write_truth(
    "mxnet", mx.__version__,
    "mxnet.mod.Module.fit's own metric objects: a batch_end_callback before the Speedometer "
    "reads param.eval_metric.get_name_value() at the batches it prints and "
    "get_global_name_value() at each epoch's last batch (the Train- values fit prints); an "
    "eval_end_callback reads the validation metric's get_name_value() (Validation-)",
    metrics,
    also_ok=["Speed", "Time_cost"],
    notes="two fits of a fresh Module, one after the other: 'mlp' (eval_metric "
          "CompositeEvalMetric of Accuracy and CrossEntropy) then 'mlp_acc' (Accuracy "
          "alone), each 3 epochs from Epoch[0]; same names pooled in print order. Batch "
          "series: step = the batch index the Speedometer read them at (the end of "
          "'Batch [0-10]'), local values over its window; Train-: the epoch's global "
          "values; Validation-: score()'s. Order of points: each fit, epochs 0, 1, 2; in "
          "each epoch the batch series at batches 10, 20, 30",
)
