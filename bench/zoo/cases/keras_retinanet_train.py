"""fizyr's keras-retinanet 1.0.0 (PyPI's ``keras-retinanet``, its last release)
on TensorFlow 2.3.4 (``tensorflow-cpu``, ``tensorflow.keras``) with keras-resnet 0.2.0 over
Keras 2.4.3, Python 3.8: its training command line, run as its README's CSV example runs it,
from scratch and small::

    retinanet-train --no-weights --epochs 2 --steps 5 --batch-size 1 --image-min-side 128
        --image-max-side 160 --no-snapshots --compute-val-loss
        csv annotations.csv classes.csv --val-annotations val.csv

The backbone is the default ``resnet50`` (keras-resnet's ResNet50, 36,403,702 parameters with
the FPN and the two heads), ``--no-weights`` so ``download_imagenet()`` is never called; the
rest at their defaults (Adam ``lr`` 1e-5, ``clipnorm`` 0.001; flips of ``flip_x_chance`` 0.5;
the Evaluate callback; ``ReduceLROnPlateau(monitor='loss', patience=2)``; ``EarlyStopping(
monitor='mAP', patience=5)``). The console script is ``keras_retinanet.bin.train:main``; the
case calls that ``main()`` in-process with the same ``sys.argv`` (its return value is the
record, below). Data (written by the case, seeded): ``classes.csv`` (``circle,0``,
``square,1``), ``annotations.csv`` (8 training images) and ``val.csv`` (4) in its CSV format
``images/train00.png,x1,y1,x2,y2,circle``: 160x128 PNGs of dark noise, each with a filled red
circle and a filled green square (two boxes an image, one of each class). About a minute on
two busy cores (most of it building the model and tracing its graphs).

What it prints: ``Creating model, this may take a second...``, the model's summary followed
by ``None`` (``print(model.summary())``), TensorFlow's ``fit_generator`` deprecation warning,
then per epoch ``Epoch 1/2`` and the Keras 2 Progbar, redrawn with ``\\r`` and backspaces after
each step under a pty and under a pipe alike (TF 2.3's Progbar takes any POSIX process for a
dynamic display: ``'posix' in sys.modules``)::

    1/5 [=====>........................] - ETA: 0s - loss: 1866.2393 - regression_loss:
    262.0736 - classification_loss: 1604.1656

At the epoch's end the Evaluate callback runs the prediction model over ``val.csv``, with
progressbar2's bars on stderr (``Running network:  25% (1 of 4) |##       | Elapsed Time:
0:00:06 ETA:   0:00:18``, a line per update under a pipe, redrawn in colour under a pty; then
``Parsing annotations: 100% (4 of 4) ...``), and prints on stdout::

    4 instances of class circle with average precision: 0.0000
    4 instances of class square with average precision: 0.0000
    mAP: 0.0000

then the finished bar with the validation losses (``--compute-val-loss``)::

    5/5 [==============================] - 16s 3s/step - loss: 965.3133 - regression_loss:
    175.3964 - classification_loss: 789.9167 - val_loss: 1058.3156 - val_regression_loss:
    93.5194 - val_classification_loss: 964.7961

The console script ends with ``sys.exit(main())``: ``main()`` returns the ``History``, so
``retinanet-train`` prints ``<tensorflow.python.keras.callbacks.History object at 0x...>`` on
stderr and exits with status 1. The case prints that line as it does and exits 0 (run.py keeps
only a run that exits 0).

Truth: Keras' own record of the epochs. ``main()`` returns what ``fit_generator`` returns, the
``History``; its ``history`` is the truth, full precision. The command line keeps no metrics
file of its own (only ``--tensorboard-dir``'s event files, which hold the model's graph too:
``write_graph=True``), so the case appends a ``keras.callbacks.CSVLogger("training.log")``
to the callbacks retinanet-train makes (``create_callbacks`` wrapped: its callbacks
unchanged, the logger last, so it sees what Evaluate and ReduceLROnPlateau add to the epoch
logs): the same epoch logs as the History, kept in the fixture (``files/training.log``,
0-based ``epoch``). Judgement calls:
- Names as Keras keys them: ``loss``, ``regression_loss`` and ``classification_loss`` (the
  model's outputs ``regression`` and ``classification``, compiled with a loss each),
  ``val_loss``, ``val_regression_loss``, ``val_classification_loss``; and ``mAP``, the key the
  Evaluate callback writes into the epoch logs (``logs['mAP'] = self.mean_ap``) and prints.
- Axis ``epoch``, 1-based as the bar prints ``Epoch 1/2``; one value an epoch (the History
  keeps one; the bar's renders during the epoch are running means, superseded by its last).
- Tolerance 5e-5: the Progbar prints ``%.4f`` (``%.4e`` under 1e-3: no value here) and
  Evaluate ``{:.4f}``.
- ``lr``: ReduceLROnPlateau writes ``logs['lr']`` (1e-05, never reduced in 2 epochs), so the
  History and the CSVLogger keep it, but nothing prints it: TF 2.3 hands the Progbar the
  tensor logs and the other callbacks a numpy copy (``_supports_tf_logs``), and only the copy
  gets ``mAP`` and ``lr``, so the finished bar shows neither. It is in ``file_metrics``
  (expected where the file is read, never junk), not in ``metrics``.
- The per-class lines (``4 instances of class circle with average precision: 0.0000``) are
  per-class results: Evaluate keeps no record of them (a local dict; only the mean reaches the
  logs) and, by docs/metrics.md's rule for per-class rows, they are not the overall figure,
  which is ``mAP``. No truth metric and not in ``also_ok``: a series recorded from them is junk.
  ``4 instances`` is the class's count of boxes in ``val.csv``.
- progressbar2's ``Running network``/``Parsing annotations`` bars show progress (percent and
  ``(1 of 4)`` images), not metrics; their ``Elapsed Time``, ``ETA`` and ``Time`` are timing, in
  ``also_ok`` with the Progbar's ``ETA`` and ``s/step``/``ms/step``/``us/step``.
- Not metrics: the summary's parameter counts, ``Epoch 1/2``, the step counts ``5/5``.
- The values: ``mAP`` is 0 in both epochs (a RetinaNet from scratch after 10 steps of Adam at
  1e-5 scores no box above Evaluate's ``score_threshold`` 0.05: the classification head starts
  at its prior, 0.01), honestly so. The losses are in the hundreds: with ``--no-weights``
  keras-resnet's frozen BatchNormalization (``freeze_bn=True``) keeps its initial moving mean 0
  and variance 1, so nothing normalises the activations through ResNet50's 50 layers; that is
  what the tool trains from scratch.
- Determinism: the case seeds ``random`` (the generators' group shuffle), numpy (the flips) and
  TensorFlow (the initialisers); the losses still differ from run to run (the data generator
  runs in Keras' prefetching thread, which may draw flips ahead; TensorFlow's thread pool sums
  in varying order): each run's truth is that run's History.
"""
# zoo-venv: retinanet

import random
import sys
from importlib.metadata import version
from pathlib import Path

import cv2
import numpy as np
import tensorflow as tf
from _truth import series, write_truth
from keras_retinanet.bin import train
from tensorflow import keras

CLASSES = ["circle", "square"]
TRAIN_IMAGES, VAL_IMAGES = 8, 4
HEIGHT, WIDTH = 128, 160
CSV_LOG = "training.log"
ARGV = ["--no-weights", "--epochs", "2", "--steps", "5", "--batch-size", "1",
        "--image-min-side", "128", "--image-max-side", "160", "--no-snapshots",
        "--compute-val-loss", "csv", "annotations.csv", "classes.csv",
        "--val-annotations", "val.csv"]


def write_dataset(seed: int = 0) -> None:
    """keras-retinanet's CSV data set: ``classes.csv`` (``class_name,id``), and
    ``annotations.csv`` / ``val.csv`` (``path,x1,y1,x2,y2,class_name``, one box a row):
    dark noisy 160x128 PNGs, each with two filled shapes (a red circle or a green square)."""
    rng = np.random.default_rng(seed)
    Path("images").mkdir()
    Path("classes.csv").write_text("".join(f"{name},{i}\n" for i, name in enumerate(CLASSES)))
    for split, count, csv_name in (("train", TRAIN_IMAGES, "annotations.csv"),
                                   ("val", VAL_IMAGES, "val.csv")):
        rows = []
        for index in range(count):
            image = rng.integers(0, 60, (HEIGHT, WIDTH, 3), dtype=np.uint8)
            path = f"images/{split}{index:02d}.png"
            for shape in range(2):
                label = (index + shape) % 2  # every image holds one of each class
                side = int(rng.integers(24, 48))
                x1 = int(rng.integers(0, WIDTH - side))
                y1 = int(rng.integers(0, HEIGHT - side))
                if label == 0:
                    cv2.circle(image, (x1 + side // 2, y1 + side // 2), side // 2,
                               (60, 60, 220), -1)
                else:
                    cv2.rectangle(image, (x1, y1), (x1 + side, y1 + side), (60, 220, 60), -1)
                rows.append(f"{path},{x1},{y1},{x1 + side},{y1 + side},{CLASSES[label]}\n")
            cv2.imwrite(path, image)
        Path(csv_name).write_text("".join(rows))


write_dataset()
random.seed(0)  # the generators' group shuffle
np.random.seed(0)  # the random flips (flip_x_chance=0.5)
tf.random.set_seed(0)  # the layers' initialisers

# the record: a CSVLogger appended to the callbacks retinanet-train makes (after its Evaluate,
# ReduceLROnPlateau and EarlyStopping), so it sees the epoch logs they add (mAP, lr)
stock_create_callbacks = train.create_callbacks


def create_callbacks(*args, **kwargs):
    callbacks = stock_create_callbacks(*args, **kwargs)
    callbacks.append(keras.callbacks.CSVLogger(CSV_LOG))
    return callbacks


train.create_callbacks = create_callbacks
sys.argv = ["retinanet-train", *ARGV]
history = train.main()  # the console script's entry point: keras_retinanet.bin.train:main

PRINTED = ("loss", "regression_loss", "classification_loss", "val_loss", "val_regression_loss",
           "val_classification_loss", "mAP")
assert history.epoch == [0, 1], history.epoch  # printed "Epoch 1/2", "Epoch 2/2"
assert sorted(history.history) == sorted((*PRINTED, "lr")), sorted(history.history)
metrics = {name: series(enumerate(history.history[name], 1), "epoch", tolerance=5e-5)
           for name in PRINTED}
write_truth(
    "keras-retinanet", version("keras-retinanet"),
    "retinanet-train's History (keras_retinanet.bin.train.main() returns what fit_generator "
    f"returns), the same epoch logs as the CSVLogger the case attaches ({CSV_LOG})",
    metrics, files=[CSV_LOG],
    file_metrics={"lr": series(enumerate(history.history["lr"], 1), "epoch")},
    also_ok=["ETA", "ms/step", "s/step", "us/step", "Elapsed Time", "Time"],
    notes=f"TensorFlow {tf.__version__} (tensorflow-cpu), keras-resnet "
          f"{version('keras-resnet')}, Keras {version('keras')}; ResNet50 backbone from "
          "scratch (--no-weights). retinanet-train ends with sys.exit(main()): the History's "
          "repr on stderr (printed below as it does) and exit status 1; the case exits 0",
)
# the console script's `sys.exit(main())` prints the returned History on stderr
print(history, file=sys.stderr)
