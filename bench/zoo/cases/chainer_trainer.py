"""Chainer 7.8.1 (the last release; numpy 1.26): ``training.Trainer`` as Chainer's MNIST example
(``examples/mnist/train_mnist.py``, v7: ``L.Classifier(MLP(unit, 10))``, Adam,
``SerialIterator``s, ``StandardUpdater``, ``Trainer(updater, (20, 'epoch'), out='result')``
with ``extensions.Evaluator(test_iter, model, device=device)``, ``extensions.LogReport()``,
``extensions.PrintReport(['epoch', 'main/loss', 'validation/main/loss', 'main/accuracy',
'validation/main/accuracy', 'elapsed_time'])`` and ``extensions.ProgressBar()``), its ``MLP``
and its opening prints (``super()`` and f-strings for the linter). Differences, to stay small
and offline: synthetic "digits" (8x8 = 64 features, 10 classes, class centres plus Gaussian
noise, 1200 train / 400 test, as ``TupleDataset``s) instead of ``get_mnist()``; ``--unit``
100 (the example's default is 1000); the example's defaults otherwise (batch size 100, 20
epochs, ``--device -1``, NumPy on the CPU); argparse replaced by constants; ``DumpGraph``,
``snapshot`` and ``PlotReport`` left out (they print nothing: a ``cg.dot``, a snapshot file,
PNGs that need matplotlib). Seeded with ``numpy.random.seed(0)`` (Chainer's initialisers and
the iterator's shuffles draw from it): the run repeats to the digit, pipe and pty alike,
apart from the timings.

What it prints (stdout only; nothing on stderr): the example's ``Device: @numpy``, ``# unit:
100``, ``# Minibatch-size: 100``, ``# epoch: 20`` and a blank line, then PrintReport's header
and one row an epoch, each row after ``ESC[J`` (PrintReport erases below the cursor, tty or
not), every value as ``'{:<10g}'`` (six significant digits)::

 epoch       main/loss   validation/main/loss  main/accuracy  validation/main/accuracy  elapsed_time
 1           2.11306     1.68498               0.273333       0.49                      0.0526104
 ...
 20          0.00544964  0.0649957             1              0.9775                    1.26125

and every 100 iterations (12 an epoch: at iterations 100 and 200, in epochs 9 and 17) the
ProgressBar's four lines, written after ``ESC[J`` and followed by ``ESC[4A`` (cursor up, so
the next row overwrites them on a terminal; under a pipe they stay in the log)::

         total [####################..............................] 41.67%
    this epoch [################..................................] 33.33%
           100 iter, 8 epoch / 20 epochs
           inf iters/sec. Estimated time to finish: 0:00:00.

(the first frame's rate is ``inf``: ``update_speed`` has one timing only; the second reads
like ``    186.28 iters/sec. Estimated time to finish: 0:00:00.214735.``). The trainer closes
with the bar's ``ESC[J``.

Truth: the LogReport's own record, the JSON file ``result/log`` it rewrites each epoch (a list
of one dict an epoch: the reporter's means of ``main/loss``, ``main/accuracy``,
``validation/main/loss``, ``validation/main/accuracy``, plus ``epoch``, ``iteration`` and
``elapsed_time``), listed in ``files``; the case asserts it equals ``LogReport.log``, the list
PrintReport prints from. Judgement calls:
- Names are Chainer's reporter keys as the log keeps them and PrintReport's header prints
  them: ``main/`` is the optimizer's target link (the ``Classifier`` reports ``loss`` and
  ``accuracy``), ``validation/`` the Evaluator's default name. Key ``epoch``: the log's
  ``epoch``, 1-based, PrintReport's first column (20 points each).
- Tolerance: ``g`` keeps six significant digits (rel 5e-6); the accuracies are means of
  float32 batch accuracies (``0.27333332784473896`` prints ``0.273333``, ``1.0`` prints ``1``).
- ``elapsed_time`` (``Trainer.elapsed_time``, seconds) is timing: ``also_ok``, no truth
  metric. The log's ``iteration`` (12 an epoch) is a counter, not printed in the table.
- The ProgressBar's lines: ``total`` and ``this epoch`` percentages are progress, ``100
  iter, 8 epoch / 20 epochs`` counters (``8`` is ``updater.epoch``, the epochs completed, while
  iteration 100 runs in epoch 9), ``iters/sec`` throughput (``also_ok``), the estimated time
  left no metric.
- The opening prints are settings (``# epoch: 20`` is the training length, not an epoch).
"""
# zoo-venv: chainer

import json
import os

import chainer
import chainer.functions as F
import chainer.links as L
import numpy
from _truth import series, write_truth
from chainer import training
from chainer.training import extensions

numpy.random.seed(0)  # Linear's initialisers and SerialIterator's shuffles draw from it

N_FEATURES, N_CLASSES = 64, 10  # 8x8 "digits"
N_TRAIN, N_TEST = 1200, 400
UNIT, BATCHSIZE, EPOCH = 100, 100, 20
OUT = "result"


def make_digits(n: int, rng: numpy.random.RandomState, centers: numpy.ndarray):
    labels = rng.randint(0, N_CLASSES, size=n).astype(numpy.int32)
    images = centers[labels] + rng.normal(scale=1.5, size=(n, N_FEATURES))
    return chainer.datasets.TupleDataset(images.astype(numpy.float32), labels)


data_rng = numpy.random.RandomState(1)
class_centers = data_rng.normal(size=(N_CLASSES, N_FEATURES))
train, test = make_digits(N_TRAIN, data_rng, class_centers), make_digits(N_TEST, data_rng,
                                                                          class_centers)


# Network definition (the example's)
class MLP(chainer.Chain):

    def __init__(self, n_units, n_out):
        super().__init__()
        with self.init_scope():
            # the size of the inputs to each layer will be inferred
            self.l1 = L.Linear(None, n_units)  # n_in -> n_units
            self.l2 = L.Linear(None, n_units)  # n_units -> n_units
            self.l3 = L.Linear(None, n_out)  # n_units -> n_out

    def forward(self, x):
        h1 = F.relu(self.l1(x))
        h2 = F.relu(self.l2(h1))
        return self.l3(h2)


device = chainer.get_device('-1')  # the example's default --device: NumPy on the CPU

print(f'Device: {device}')
print(f'# unit: {UNIT}')
print(f'# Minibatch-size: {BATCHSIZE}')
print(f'# epoch: {EPOCH}')
print('')

model = L.Classifier(MLP(UNIT, N_CLASSES))
model.to_device(device)
device.use()

optimizer = chainer.optimizers.Adam()
optimizer.setup(model)

train_iter = chainer.iterators.SerialIterator(train, BATCHSIZE)
test_iter = chainer.iterators.SerialIterator(test, BATCHSIZE, repeat=False, shuffle=False)

updater = training.updaters.StandardUpdater(train_iter, optimizer, device=device)
trainer = training.Trainer(updater, (EPOCH, 'epoch'), out=OUT)

trainer.extend(extensions.Evaluator(test_iter, model, device=device))
trainer.extend(extensions.LogReport())
trainer.extend(extensions.PrintReport(
    ['epoch', 'main/loss', 'validation/main/loss',
     'main/accuracy', 'validation/main/accuracy', 'elapsed_time']))
trainer.extend(extensions.ProgressBar())

trainer.run()

# Truth: the LogReport's own file, result/log (a JSON list, one entry an epoch)
LOG = os.path.join(OUT, "log")
with open(LOG, encoding="utf-8") as handle:
    log = json.load(handle)
assert [entry["epoch"] for entry in log] == list(range(1, EPOCH + 1))
assert log == trainer.get_extension("LogReport").log  # the file is what PrintReport printed
KEYS = ["main/loss", "validation/main/loss", "main/accuracy", "validation/main/accuracy"]
# PrintReport prints each value with '{:<10g}': six significant digits
metrics = {key: series(((entry["epoch"], entry[key]) for entry in log), "epoch",
                       rel_tolerance=5e-6)
           for key in KEYS}
write_truth("chainer", chainer.__version__,
            f"LogReport file {LOG} (JSON list, one entry an epoch)", metrics, files=[LOG],
            also_ok=["elapsed_time", "iters/sec"],
            notes=f"{N_TRAIN // BATCHSIZE} iterations an epoch, {EPOCH} epochs; "
                  f"numpy {numpy.__version__}")
