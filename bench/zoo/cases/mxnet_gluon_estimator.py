"""Apache MXNet 1.9.1 (pip ``mxnet``, its last release: the ``py3-none-manylinux2014_x86_64``
wheel, CPU with OpenBLAS and oneDNN, on numpy 1.23.5), Gluon's high-level training loop
``mxnet.gluon.contrib.estimator.Estimator`` as MXNet's "Gluon Fit API" tutorial
(``docs/python_docs/python/tutorials/packages/gluon/training/fit_api_tutorial.md``) drives
it: ``est = Estimator(net=net, loss=loss_fn, trainer=trainer, context=mx.cpu())`` then
``est.fit(train_data=..., val_data=..., epochs=3, event_handlers=[...])``. The model is a
tiny MLP (``HybridSequential``: ``Dense(32, relu)``, ``Dense(4)``; Xavier init), trained
with ``gluon.loss.SoftmaxCrossEntropyLoss`` and SGD (learning rate 0.1) on a synthetic
four-class problem built with numpy (1,200 rows of 20 features, labels the argmax of a
noisy random linear map): 960 training rows in a shuffled ``DataLoader`` of
``ArrayDataset`` (batch 32: 30 batches an epoch) and 240 validation rows (8 batches).
Nothing is downloaded; seeds fixed (``mx.random.seed(0)``, ``np.random.seed(0)``: Gluon's
``RandomSampler`` shuffles with numpy's global generator). About 3 s.

Metrics: the tutorial passes ``metrics=train_acc``, an ``mx.metric.Accuracy()`` (1.9.1's
keyword is ``train_metrics``); the case passes none, so the Estimator picks its defaults
(``_add_default_training_metrics``) and the loss is logged too: the metric
``_suggest_metric_for_loss`` gives for a softmax cross-entropy loss, ``Accuracy``, and a
``Loss`` metric named after the loss block (``softmaxcrossentropyloss``, its trailing
instance number stripped); it names them ``training accuracy`` and ``training
softmaxcrossentropyloss`` and copies them for validation as ``validation accuracy`` and
``validation softmaxcrossentropyloss``. (The tutorial's printed output, ``[Epoch 0] finished
in 25.110s: train_accuracy : 0.7877 ...``, is of an older Estimator; 1.9.1 prints what
follows.)

Logging: fit adds a ``LoggingHandler(metrics=est.train_metrics)`` with its default
``log_interval='epoch'`` when the user gives none; the handler's documented way to see
batches too (its docstring: "log_interval=integer k: display metrics every interval of k
batches") is to give it one, which the case does, as the tutorial passes its built-in
handlers in ``event_handlers`` (``LoggingHandler(log_interval=10, metrics=est.train_metrics)``,
the stock class, nothing subclassed). It logs through the Estimator's
``logging.Logger('Estimator')`` with a ``StreamHandler(sys.stdout)`` (bare message, no level
or time) and prints::

 Training begin: using optimizer SGD with current learning rate 0.1000
 Train for 3 epochs.
 [Epoch 0] Begin, current learning rate: 0.1000
 [Epoch 0][Batch 0][Samples 32] time/interval: 0.148s training accuracy: 0.2812,
     training softmaxcrossentropyloss: 1.4386
 [Epoch 0][Batch 10][Samples 352] time/interval: 0.059s training accuracy: 0.3494,
     training softmaxcrossentropyloss: 1.3545
 [Epoch 0][Batch 20][Samples 672] time/interval: 0.081s training accuracy: 0.4107,
     training softmaxcrossentropyloss: 1.2569
 Validation Begin
 [Epoch 0] Finished in 0.038s, validation accuracy: 0.6333,
     validation softmaxcrossentropyloss: 0.9871
 [Epoch 0] Finished in 0.460s, training accuracy: 0.4594,
     training softmaxcrossentropyloss: 1.1968
 [Epoch 1] Begin, current learning rate: 0.1000
 ... (epochs 1 and 2 alike; each validation line again says [Epoch 0])
 [Epoch 2] Finished in 0.165s, training accuracy: 0.8396,
     training softmaxcrossentropyloss: 0.5551
 Train finished using total 0s with 3 epochs. training accuracy: 0.8396,
     training softmaxcrossentropyloss: 0.5551

(each entry one line of output, wrapped here after its comma; the first line ends with a
space, the format's own). The same text under a pipe and a terminal, times aside (no bar,
no colour; the pty ends its lines ``\\r\\n``).

A batch line every ``log_interval`` batches (``batch_index % 10 == 0``: batches 0, 10 and
20 of each epoch), the running values over the epoch's batches so far (the
``MetricHandler`` resets the metrics at each epoch's start). At each epoch's end the default
``ValidationHandler`` (priority -1000, so before the logging) calls ``est.evaluate``, which
builds a fresh validation ``LoggingHandler(metrics=est.val_metrics)`` every call: its
``Validation Begin`` and its ``[Epoch 0] Finished in ...`` line, always ``[Epoch 0]``
(that handler's own epoch counter, new each call), then the training handler's epoch line.
At the end ``train_end`` prints the training metrics once more.

Truth: the Estimator's own metric objects, ``est.train_metrics`` and ``est.val_metrics``,
read with their ``.get()`` (the call the LoggingHandler itself makes to print them) by a
small event handler the case adds, as the tutorial's own ``LossRecordHandler`` reads
``metric.get()`` at ``epoch_end`` (``Record``, ``BatchEnd`` and ``EpochEnd``, priority 0:
after the ``MetricHandler`` and ``ValidationHandler`` at -1000, before the
``LoggingHandler`` at ``np.inf``), at the batches the LoggingHandler logs (it reads that
handler's own ``batch_index`` and ``log_interval`` before the handler advances them) and
at each epoch's end (training and, just evaluated, validation). Full precision, nothing
parsed from stdout. Judgement calls:
- Names: MXNet keys its metrics ``training accuracy`` and so on, with a space (the
  ``EvalMetric.name`` it prints); the truth takes the name exptrack's documented naming
  rule gives those printed words (docs/metrics.md, "Phases": ``Training set accuracy`` ->
  ``training_accuracy``; README: a framework key with no name of its own form):
  ``training_accuracy``, ``training_softmaxcrossentropyloss``, ``validation_accuracy``,
  ``validation_softmaxcrossentropyloss``, the space made ``_``.
- Counts: training series 12 points each (per epoch the three batch lines' running values,
  then the epoch line's, as printed); validation series 3 points each (one evaluation an
  epoch). The closing ``Train finished ...`` line reprints the last epoch's training values
  (the metric objects are not updated in between; the case asserts they are equal): a
  reprint of the epoch's values (docs/metrics.md: "a line with no step that repeats its
  epoch's last batch's values ... is a reprint"), no new observation, not a 13th point.
- Axis ``epoch`` for every point (the batch lines' ``[Epoch N]``; the ``[Batch k]`` counts
  batches within the epoch, not a step). Validation points carry the training epoch whose
  end ran them (0, 1, 2), though their line always prints ``[Epoch 0]`` (see above).
- Tolerance 5e-5: ``%.4f``.
- ``also_ok``: ``time/interval`` (the summed seconds of the batches since the last logged
  one), ``Finished_in`` (``Finished in 0.460s``, the epoch's or the evaluation's seconds),
  ``total`` (``Train finished using total 0s``, whole seconds) and
  ``current_learning_rate`` (``current learning rate: 0.1000``, the trainer's setting):
  timing and a setting, kept by nothing, named as the naming rule names the printed words.
  ``[Samples 352]`` is a count of samples seen and ``with 3 epochs`` a count: no metrics.
"""
# zoo-venv: mxnet

import math

import mxnet as mx
import numpy as np
from _truth import series, write_truth
from mxnet import gluon, nd
from mxnet.gluon.contrib.estimator import Estimator, LoggingHandler
from mxnet.gluon.contrib.estimator.event_handler import BatchEnd, EpochEnd

mx.random.seed(0)
np.random.seed(0)
rng = np.random.RandomState(0)
features = rng.randn(1200, 20).astype("float32")
weights = rng.randn(20, 4).astype("float32")
labels = (features @ weights + 0.5 * rng.randn(1200, 4)).argmax(axis=1).astype("float32")
train_data = gluon.data.DataLoader(
    gluon.data.ArrayDataset(nd.array(features[:960]), nd.array(labels[:960])),
    batch_size=32, shuffle=True)
val_data = gluon.data.DataLoader(
    gluon.data.ArrayDataset(nd.array(features[960:]), nd.array(labels[960:])), batch_size=32)

net = gluon.nn.HybridSequential()
net.add(gluon.nn.Dense(32, activation="relu"), gluon.nn.Dense(4))
net.initialize(mx.init.Xavier())
loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.1})
est = Estimator(net=net, loss=loss_fn, trainer=trainer, context=mx.cpu())
logging_handler = LoggingHandler(log_interval=10, metrics=est.train_metrics)

points: dict[str, list[tuple[int, float]]] = {}


def keep(metrics, epoch: int) -> None:
    for metric in metrics:
        name, value = metric.get()
        points.setdefault(name, []).append((epoch, value))


class Record(BatchEnd, EpochEnd):
    """The truth: the Estimator's metric objects, read as the LoggingHandler reads them."""

    priority = 0  # after MetricHandler/ValidationHandler (-1000), before LoggingHandler (inf)

    def __init__(self) -> None:
        self.epoch = 0

    def batch_end(self, estimator, *args, **kwargs):
        if logging_handler.batch_index % logging_handler.log_interval == 0:
            keep(estimator.train_metrics, self.epoch)

    def epoch_end(self, estimator, *args, **kwargs):
        keep(estimator.train_metrics, self.epoch)
        keep(estimator.val_metrics, self.epoch)
        self.epoch += 1


est.fit(train_data=train_data, val_data=val_data, epochs=3,
        event_handlers=[logging_handler, Record()])

# the closing "Train finished" line reprints the last epoch's training values
for metric in est.train_metrics:
    name, value = metric.get()
    assert math.isclose(value, points[name][-1][1]), (name, value, points[name][-1])

metrics = {name.replace(" ", "_"): series(pairs, "epoch", tolerance=5e-5)
           for name, pairs in points.items()}
assert [len(metrics[n]["values"]) for n in sorted(metrics)] == [12, 12, 3, 3], metrics.keys()
write_truth(
    "mxnet", mx.__version__,
    "mxnet.gluon.contrib.estimator.Estimator's own metric objects (est.train_metrics, "
    "est.val_metrics), EvalMetric.get() read by an event handler the case adds at each "
    "batch the LoggingHandler logs and at each epoch end (after the ValidationHandler)",
    metrics,
    also_ok=["time/interval", "Finished_in", "total", "current_learning_rate"],
    notes="names: MXNet's EvalMetric names ('training accuracy', ...) with the space made "
          "'_'; training series: per epoch batches 0, 10, 20 (running values) then the "
          "epoch's end; validation: one evaluation at each epoch's end, printed '[Epoch 0]' "
          "every time by the fresh LoggingHandler est.evaluate builds; the closing 'Train "
          "finished' line reprints the last epoch's training values (not counted)",
)
