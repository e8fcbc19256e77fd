"""thtrieu's darkflow (no PyPI release: thtrieu/darkflow at its last commit,
eb7e830393f24233032b8578737141528be01d65, 2020-02-24, ``darkflow/version.py`` 1.0.0) on
TensorFlow 1.15.5 (PyPI's ``tensorflow`` wheel, run on the CPU) with Python 3.7: its
``flow`` command line training YOLOv2-tiny from its own ``cfg/tiny-yolo-voc.cfg`` with no
pre-trained weights, as its README's "Training new model" section runs it::

  flow --model cfg/tiny-yolo-voc.cfg --train --dataset data/images
       --annotation data/annotations --epoch 2 --batch 4 --gpu 0

(no ``--load``: every layer starts from darkflow's own initialiser, ``Init`` in its layer
table; ``--gpu 0``: "Running entirely on CPU"; the defaults ``--trainer rmsprop``, ``--lr
1e-5``, ``--save 2000``). The repository is unpacked under ``$ZOO_REPOS/darkflow`` (default
``~/.cache/exptrack-zoo/repos/darkflow``: ``git archive eb7e8303 darkflow cfg setup.py flow
labels.txt README.md LICENSE | tar -x``) and its Cython helpers built there with ``python
setup.py build_ext --inplace`` (its README's first way; see requirements-darkflow.txt).
The case checks ``flow``, ``darkflow/net/flow.py`` and ``cfg/tiny-yolo-voc.cfg`` against
their git blob ids, copies the cfg into the cwd's ``cfg/`` (``--model`` is a path; no line
changed), puts the repository first on ``sys.path``, runs ``darkflow.net.flow`` again with
its record line added (below) and runs ``flow`` in-process (``runpy``, as ``__main__``,
``sys.argv`` as above). About 35-75 s here, most of it TensorFlow's import and graph build.

Data (written by the case, ``random.Random(0)``): 12 JPEGs of 128x128 (OpenCV, quality 95)
in ``data/images/``, each a grey background with one or two filled rectangles of 24 to 64
pixels a side, coloured by class, and a PASCAL VOC XML beside each in ``data/annotations/``
(``filename``, ``size``, an ``object`` with ``name`` and ``bndbox`` each); ``labels.txt``
names the three classes used, ``car``, ``dog`` and ``person``, three of VOC's twenty.
darkflow reads ``labels.txt`` only for a cfg without a VOC or COCO model name: for
``tiny-yolo-voc`` it prints ``Model has a VOC model name, loading VOC labels.`` and trains
all 20 VOC classes (the 13x13x125 head as the cfg has it); objects of the three names are
kept. 12 images at batch 4: 3 steps an epoch, 6 in all.

What it prints (stdout; TensorFlow's deprecation warnings and its C++ ``I tensorflow/...``
lines on stderr): ``Parsing cfg/tiny-yolo-voc.cfg``, ``Loading None ...``, the layer table
(`` Init  |  Yep!  | conv 3x3p1_1  +bnorm  leaky      | (?, 416, 416, 16)``), ``Running
entirely on CPU``, the loss hyper-parameters (``H       = 13``, ``classes = 20``, ``scales
= [1.0, 5.0, 1.0, 1.0]``), ``Finished in 6.76...s``, ``Enter training ...``, the XML parse
bar (``[=>                  ]8%  002.xml``, redrawn with ``\\r``), ``Statistics:`` with a
count per class (``dog: 6``), ``Dataset size: 12``, then::

  Training statistics:
      Learning rate : 1e-05
      Batch size    : 4
      Epoch number  : 2
      Backup every  : 2000
  step 1 - loss 106.8690185546875 - moving ave loss 106.8690185546875
  step 2 - loss 107.13189697265625 - moving ave loss 106.89530639648439
  step 3 - loss 107.12684631347656 - moving ave loss 106.9184603881836
  Finish 1 epoch(es)
  ...
  Checkpoint at step 6

and, from ``cliHandler``'s ``exit('Training finished, exit.')``, that message on stderr
(``flow`` exits 1 after every training; the case prints the message as Python would and
exits 0 so that the run is kept). ``Training statistics: `` ends in a space and its four
settings lines open with a tab (shown as spaces here). The step line is ``flow.py``'s
``form = 'step {} - loss {} - moving ave loss {}'`` filled by ``str.format``: the loss is
the ``float32`` the session returns, printed through ``float`` at full precision
(``106.8690185546875``); the moving average (``loss_mva = .9 * loss_mva + .1 * loss``,
started at the first loss) is a ``float64``, printed as its ``repr``.

Truth: ``flow.py``'s ``train()`` computes ``loss`` and ``loss_mva`` and prints them; the
record is one line the case adds to the stock text right after that print (``RECORD_LINES``,
no line changed), appending ``(step_now, loss, loss_mva)`` to a list the case passes in as
the module's ``ZOO_RECORD``; nothing is parsed from stdout. darkflow's own record agrees:
``_save_ckpt`` pickles the same ``(loss, loss_mva)`` pairs, a list of every step, to
``ckpt/tiny-yolo-voc-6.profile`` beside the checkpoint, and the case asserts that the pickle
holds exactly the recorded values (it is not a fixture file: a pickle of numpy scalars, which
exptrack does not read). Judgement calls (docs/metrics.md):
- Names: darkflow keys neither value (the profile is a list of bare pairs), so each takes
  the name the documented rule gives the printed words: ``loss``, and ``moving ave loss`` ->
  ``moving_ave_loss`` (a phrase's words before a value are its name, spaces joined by
  ``_``, as ``Validation score`` -> ``validation_score``). The moving average is a series
  of its own, printed and kept every step as the loss is.
- Axis ``step``: ``step_now`` (``FLAGS.load + i + 1``, 1 to 6, no ``--load``); 6 points
  each; the epoch is only in ``Finish 1 epoch(es)``.
- Tolerances: none; both values print at full precision (``float``'s repr), so the printed
  text is the recorded number exactly.
- ``also_ok``: ``Learning_rate`` (``Learning rate : 1e-05``, the ``--lr`` flag printed in
  the training statistics; no record of it per step). ``Batch size``, ``Epoch number`` and
  ``Backup every`` are the run's settings and ``Finished in ...s`` a build time: not metrics.
- Determinism: darkflow seeds nothing; the case seeds ``random`` and numpy's global
  generator, from which darkflow draws its initial weights (``baseop``'s
  ``np.random.normal``), each epoch's shuffle (``numpy.random.permutation``) and its
  augmentation (``im_transform``'s scale, offset, flip and recolour). The values repeated
  to the last bit over four runs here (pipe and pty); the truth is each run's own anyway.
"""
# zoo-venv: darkflow

import importlib
import os
import pickle
import random
import runpy
import sys
from pathlib import Path

import cv2
import numpy as np
import tensorflow as tf
from _truth import series, write_truth
from _verbatim import git_blob_id, load_with_lines

SOURCE_REPO = "thtrieu/darkflow"
SOURCE_COMMIT = "eb7e830393f24233032b8578737141528be01d65"
REPOS = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
DARKFLOW = REPOS / "darkflow"
# git blob ids at SOURCE_COMMIT of the files the case takes from the unpacked repository
FLOW_PY_BLOB = "1f25fda216ed87ab3156f1721cccb0d2b5d2a6a9"  # darkflow/net/flow.py
FLOW_BLOB = "e0239897dbfd79a44e6a4c4f3d012cb7a9c2b1ce"  # flow, the command-line script
CFG_BLOB = "032b7476b13827e8028f5dc9e6ae5b8e0b6e48f5"  # cfg/tiny-yolo-voc.cfg
CFG = "tiny-yolo-voc.cfg"
IMAGES, BATCH, EPOCHS = 12, 4, 2  # 3 steps an epoch, 6 in all
SIZE = 128  # the JPEGs' side; darkflow resizes each to the cfg's 416x416
CLASSES = ["car", "dog", "person"]  # three of VOC's twenty names (labels.txt)

# the record: a line added to flow.py's train() right after the line that prints the step
# (``self.say(form.format(step_now, loss, loss_mva))``); no line of the stock text changed
RECORD_LINES = {
    "        self.say(form.format(step_now, loss, loss_mva))\n":
        "        ZOO_RECORD.append((step_now, loss, loss_mva))  # zoo: the values just printed\n",
}


def write_voc(root: Path, seed: int = 0) -> None:
    """``images/NNN.jpg`` (SIZE x SIZE, OpenCV, quality 95) with one or two filled
    rectangles on a grey background, and ``annotations/NNN.xml`` in PASCAL VOC's layout
    (``filename``, ``size``, an ``object`` with ``name`` and ``bndbox`` each), seeded."""
    rng = random.Random(seed)
    (root / "images").mkdir(parents=True, exist_ok=True)
    (root / "annotations").mkdir(parents=True, exist_ok=True)
    colours = {"car": (0, 0, 200), "dog": (0, 160, 0), "person": (200, 0, 0)}  # BGR
    for index in range(IMAGES):
        name = f"{index:03d}"
        image = np.full((SIZE, SIZE, 3), 128, np.uint8)
        objects = []
        for _ in range(rng.randint(1, 2)):
            label = rng.choice(CLASSES)
            w, h = rng.randint(24, 64), rng.randint(24, 64)
            x, y = rng.randint(0, SIZE - w - 1), rng.randint(0, SIZE - h - 1)
            cv2.rectangle(image, (x, y), (x + w, y + h), colours[label], -1)
            objects.append(
                f"\t<object>\n\t\t<name>{label}</name>\n\t\t<pose>Unspecified</pose>\n"
                f"\t\t<truncated>0</truncated>\n\t\t<difficult>0</difficult>\n"
                f"\t\t<bndbox>\n\t\t\t<xmin>{x}</xmin>\n\t\t\t<ymin>{y}</ymin>\n"
                f"\t\t\t<xmax>{x + w}</xmax>\n\t\t\t<ymax>{y + h}</ymax>\n\t\t</bndbox>\n"
                f"\t</object>\n")
        cv2.imwrite(str(root / "images" / f"{name}.jpg"), image,
                    [cv2.IMWRITE_JPEG_QUALITY, 95])
        (root / "annotations" / f"{name}.xml").write_text(
            f"<annotation>\n\t<folder>images</folder>\n\t<filename>{name}.jpg</filename>\n"
            f"\t<size>\n\t\t<width>{SIZE}</width>\n\t\t<height>{SIZE}</height>\n"
            f"\t\t<depth>3</depth>\n\t</size>\n\t<segmented>0</segmented>\n"
            + "".join(objects) + "</annotation>\n", encoding="utf-8")


def main() -> None:
    flow_script = (DARKFLOW / "flow").read_text(encoding="utf-8")
    cfg = (DARKFLOW / "cfg" / CFG).read_text(encoding="utf-8")
    for name, text, blob in (("flow", flow_script, FLOW_BLOB), (f"cfg/{CFG}", cfg, CFG_BLOB)):
        if git_blob_id(text) != blob:
            sys.exit(f"{DARKFLOW / name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    Path("cfg").mkdir(exist_ok=True)
    Path("cfg", CFG).write_text(cfg, encoding="utf-8")
    Path("labels.txt").write_text("".join(f"{label}\n" for label in CLASSES), encoding="utf-8")
    write_voc(Path("data"))

    sys.path.insert(0, str(DARKFLOW))  # the repository, built in place (setup.py build_ext)
    record: list[tuple[int, float, float]] = []
    flow = importlib.import_module("darkflow.net.flow")
    load_with_lines(flow, DARKFLOW / "darkflow" / "net" / "flow.py", FLOW_PY_BLOB,
                    RECORD_LINES, record, f"{SOURCE_REPO} at {SOURCE_COMMIT}")
    random.seed(0)  # darkflow seeds nothing: its weights (baseop's np.random.normal), the
    np.random.seed(0)  # shuffle and the augmentation draw from numpy's global generator
    sys.argv = ["flow", "--model", f"cfg/{CFG}", "--train", "--dataset", "data/images",
                "--annotation", "data/annotations", "--epoch", str(EPOCHS),
                "--batch", str(BATCH), "--gpu", "0"]
    try:
        runpy.run_path(str(DARKFLOW / "flow"), run_name="__main__")
    except SystemExit as stop:
        # cliHandler ends a training with exit('Training finished, exit.'): the message on
        # stderr, as Python prints it, and the status 1 it gives; the case goes on to the
        # truth and exits 0 so that the run is kept
        if stop.code != "Training finished, exit.":
            raise
        print(stop.code, file=sys.stderr)

    profile_path = Path("ckpt", f"{Path(CFG).stem}-{len(record)}.profile")
    with profile_path.open("rb") as handle:
        profile = pickle.load(handle)
    assert [(float(a), float(b)) for a, b in profile] == \
        [(float(loss), float(mva)) for _, loss, mva in record], (profile, record)
    assert len(record) == EPOCHS * (IMAGES // BATCH), record
    write_truth("darkflow", "1.0.0", f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (tensorflow "
                f"{tf.__version__})",
                {"loss": series([(step, loss) for step, loss, _ in record], "step"),
                 "moving_ave_loss": series([(step, mva) for step, _, mva in record], "step")},
                also_ok=["Learning_rate"])


if __name__ == "__main__":
    main()
