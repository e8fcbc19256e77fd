"""Max deGroot's ssd.pytorch (amdegroot/ssd.pytorch, no pip package, no release: master's
last commit 5b0b77faa955c1917b0c710d770739ba8fbff9b7, 2019-03-11), its ``train.py`` training
SSD300 (VGG16 base) on a VOC-layout data set, on PyPI's torch 1.4.0 and torchvision 0.5.0
(CPU, Python 3.7, with opencv-python-headless 4.5.5.64 and numpy 1.18.5), run as its README
runs it, ``python train.py`` with ``--dataset VOC --dataset_root VOCdevkit --batch_size 2
--cuda False --num_workers 0`` (``--basenet`` left at its default ``vgg16_reducedfc.pth``,
which train.py loads from ``--save_folder``, ``weights/``).
Files: ``train.py``, ``ssd.py``, ``layers/`` (``box_utils.py``, ``functions/``,
``modules/``), ``data/`` (``__init__.py``, ``config.py``, ``voc0712.py``, ``coco.py``,
which ``data/__init__.py`` imports) and ``utils/`` (``augmentations.py``) at that commit,
read from ``$ZOO_REPOS/ssd.pytorch`` (default ``~/.cache/exptrack-zoo/repos``; ``git
--git-dir=<mirror> archive 5b0b77fa -- train.py ssd.py layers data utils | tar -x -C
$ZOO_REPOS/ssd.pytorch``), each checked against its git blob id, copied into the cwd in the
repository's layout and run in-process (``runpy``, as ``__main__``).

Changes to the copy (``CHANGES``, each a text found once; nothing else differs):
- ``data/config.py``: ``voc['max_iter']`` 120000 -> ``MAX_ITER`` (11), to keep the run
  small (about 4 s of CPU an iteration of batch 2 on one thread here).
- ``train.py``: ``loss_l.data[0]``, ``loss_c.data[0]`` and ``loss.data[0]`` (the loss
  counters and the print) -> ``.item()``. Master was written for torch 0.3, where a loss
  was a 1-element tensor; from torch 0.5 on, indexing its 0-dim loss raises ``IndexError:
  invalid index of a 0-dim tensor`` (PyPI has no torch before 1.0 for Python 3.6/3.7).
  The printed text is the same.
- ``layers/modules/multibox_loss.py``: ``loss_c = loss_c.view(num, -1)`` moved above
  ``loss_c[pos] = 0`` (torch >= 0.4 rejects the [num, priors] mask on the [num*priors, 1]
  tensor: ``IndexError: The shape of the mask [2, 8732] at index 0 does not match the
  shape of the indexed tensor [17464, 1] at index 0``), the fix users give in the
  repository's issues; the loss computed is the one master means (the same elements
  zeroed, before the same reshape).
torch 1.4 still accepts the rest (``Variable(..., volatile=True)``, ``size_average=False``,
``init.xavier_uniform``) with deprecation warnings on stderr, printed as they come.

Data: ``VOCDetection``'s default ``image_sets`` are ``[('2007', 'trainval'), ('2012',
'trainval')]`` (train.py passes none), so the case writes both years under ``VOCdevkit/``:
``VOC2007`` and ``VOC2012`` each with ``JPEGImages/*.jpg`` (12 and 10 images, 96-160 px
noise with one to three filled rectangles, seeded), ``Annotations/*.xml`` (the rectangles
as VOC objects of VOC classes, ``difficult`` 0) and ``ImageSets/Main/trainval.txt``: 22
images, 11 batches of 2 an epoch. train.py takes ``next(batch_iterator)`` from one
iterator for all of ``range(start_iter, max_iter)`` and never restarts it, so ``max_iter``
must stay within one epoch (a 12th ``next`` raises ``StopIteration``): 11 iterations,
0-10, printed at 0 and 10. ``weights/vgg16_reducedfc.pth``: train.py loads it into
``ssd_net.vgg``; the case writes the VGG part of ``build_ssd('train', 300, 21)``'s own
random init (torch seed 0), nothing downloaded. train.py seeds nothing: the case seeds
``random``, numpy (``SSDAugmentation``'s photometric distortions, expand, crops, flips)
and torch (init, the loader's shuffle) before it runs; ``--num_workers 0`` keeps the
augmentation in the main process, so the values repeat.

What it prints: ``Loading base network...``, ``Initializing weights...``, ``Loading the
dataset...``, ``Training SSD on: VOC0712``, ``Using the specified args:``, the
``Namespace(...)``, then every 10th iteration two prints, the second with ``end=' '``, so
each ``iter`` line goes on with the next ``timer`` on the same line::

    timer: 16.4931 sec.
    iter 0 || Loss: 30.8991 || timer: 7.5427 sec.
    iter 10 || Loss: 19.9837 ||

(the last with no newline: the case prints one after train.py returns). ``timer`` is the
forward/backward/step wall time of that iteration (4 s of CPU here; more on a busy
machine). Before them, torch 1.4's deprecation warnings on stderr (``volatile was removed
and now has no effect``, ``nn.init.xavier_uniform is now deprecated``, ``size_average and
reduce args will be deprecated``).

Truth: train.py keeps no record (its only one, visdom's plot, is off by default and needs a
server), so the value it prints is the record: one line added to train.py right after the
``iter`` print (``RECORD_LINES``) appends ``(iteration, loss.item(), loss_l.item(),
loss_c.item())`` to a list the case passes in (``runpy``'s ``init_globals``); nothing is
parsed from stdout. Judgement calls:
- Name ``Loss``, as printed: the total ``loss_l + loss_c`` (MultiBoxLoss' localisation and
  confidence losses, each over the number of positive priors). The two parts are not
  printed: they are in ``notes`` at full precision, no metric.
- Axis ``step``: ``iter N``, train.py's ``iteration`` (0 and 10): 2 points.
- Tolerance: ``%.4f`` -> 5e-5.
- ``also_ok``: ``timer`` (seconds, no record).
"""
# zoo-venv: ssdpytorch

import os
import random
import runpy
import shutil
import sys
from pathlib import Path

import cv2
import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "amdegroot/ssd.pytorch"
SOURCE_COMMIT = "5b0b77faa955c1917b0c710d770739ba8fbff9b7"
MAX_ITER = 11  # of voc's 120000: iterations 0..10, one epoch of 22 images
IMAGES = {"2007": 12, "2012": 10}
CLASSES = ["aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair",
           "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant",
           "sheep", "sofa", "train", "tvmonitor"]

# the files at SOURCE_COMMIT train.py needs, each with its git blob id
BLOBS = {
    "train.py": "427dd92442772b080671a88f8f047568f9d09977",
    "ssd.py": "80a23d638f047419e0ddec15cfe17b570f00159b",
    "data/config.py": "8999622cc5a645302c0076321b0d541d7dcf2495",
    "data/voc0712.py": "a3e80d037d39f4a3570fa6b29d02abd2a94c3e82",
    "layers/modules/multibox_loss.py": "fb49cf439ad9052cd0c6a35df4326ec0f147be07",
}
COPIED = ["data/__init__.py", "data/coco.py", "data/coco_labels.txt", "layers/__init__.py",
          "layers/box_utils.py", "layers/functions/__init__.py",
          "layers/functions/detection.py", "layers/functions/prior_box.py",
          "layers/modules/__init__.py", "layers/modules/l2norm.py",
          "layers/modules/multibox_loss.py", "utils/__init__.py", "utils/augmentations.py"]

# the case's changes to its copy (file -> old text -> new text, each old text found once)
CHANGES = {
    "data/config.py": {"    'max_iter': 120000,\n": f"    'max_iter': {MAX_ITER},\n"},
    "train.py": {
        "        loc_loss += loss_l.data[0]\n        conf_loss += loss_c.data[0]\n":
            "        loc_loss += loss_l.item()\n        conf_loss += loss_c.item()\n",
        "' || Loss: %.4f ||' % (loss.data[0]), end=' ')\n":
            "' || Loss: %.4f ||' % (loss.item()), end=' ')\n",
    },
    "layers/modules/multibox_loss.py": {
        "        loss_c[pos] = 0  # filter out pos boxes for now\n"
        "        loss_c = loss_c.view(num, -1)\n":
            "        loss_c = loss_c.view(num, -1)\n"
            "        loss_c[pos] = 0  # filter out pos boxes for now\n",
    },
}
# the record: a line added right after the print of each 10th iteration (no line changed)
RECORD_LINES = {"train.py": {
    "' || Loss: %.4f ||' % (loss.item()), end=' ')\n":
        "            ZOO_RECORD.append((iteration, loss.item(), loss_l.item(), loss_c.item()))"
        "  # zoo: the value just printed\n",
}}


def copy_repository(repo: Path) -> None:
    """The repository's files into the cwd, checked, with CHANGES and RECORD_LINES."""
    for rel in sorted(set(BLOBS) | set(COPIED)):
        text = (repo / rel).read_text(encoding="utf-8")
        if rel in BLOBS and git_blob_id(text) != BLOBS[rel]:
            sys.exit(f"{repo / rel} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        for old, new in CHANGES.get(rel, {}).items():
            assert text.count(old) == 1, (rel, old)
            text = text.replace(old, new)
        text = with_lines(text, RECORD_LINES.get(rel, {}))
        Path(rel).parent.mkdir(parents=True, exist_ok=True)
        Path(rel).write_text(text, encoding="utf-8")


def write_voc(root: Path, seed: int = 0) -> None:
    """VOCdevkit/VOC<year>/{JPEGImages,Annotations,ImageSets/Main/trainval.txt}: noise images
    with one to three filled rectangles, each a VOC object of a random class."""
    rng = np.random.default_rng(seed)
    for year, count in IMAGES.items():
        base = root / f"VOC{year}"
        for sub in ("JPEGImages", "Annotations", "ImageSets/Main"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        ids = []
        for index in range(count):
            name = f"{year}_{index:06d}"
            height, width = (int(v) for v in rng.integers(96, 161, 2))
            image = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
            objects = []
            for _ in range(int(rng.integers(1, 4))):
                w, h = int(rng.integers(20, width // 2)), int(rng.integers(20, height // 2))
                x, y = int(rng.integers(1, width - w)), int(rng.integers(1, height - h))
                image[y:y + h, x:x + w] = rng.integers(0, 256, 3, dtype=np.uint8)
                objects.append((CLASSES[int(rng.integers(0, len(CLASSES)))], x, y, x + w, y + h))
            cv2.imwrite(str(base / "JPEGImages" / f"{name}.jpg"), image)
            xml = "".join(
                f"<object><name>{cls}</name><pose>Unspecified</pose><truncated>0</truncated>"
                f"<difficult>0</difficult><bndbox><xmin>{x1}</xmin><ymin>{y1}</ymin>"
                f"<xmax>{x2}</xmax><ymax>{y2}</ymax></bndbox></object>"
                for cls, x1, y1, x2, y2 in objects)
            (base / "Annotations" / f"{name}.xml").write_text(
                f"<annotation><folder>VOC{year}</folder><filename>{name}.jpg</filename>"
                f"<size><width>{width}</width><height>{height}</height><depth>3</depth></size>"
                f"<segmented>0</segmented>{xml}</annotation>\n", encoding="utf-8")
            ids.append(name)
        (base / "ImageSets" / "Main" / "trainval.txt").write_text(
            "".join(f"{i}\n" for i in ids), encoding="utf-8")


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    copy_repository(repos / "ssd.pytorch")
    write_voc(Path("VOCdevkit"))
    # data/coco.py opens ~/data/coco/coco_labels.txt at import (a default argument), where
    # the repository's COCO2014.sh puts COCO: a home of the run's own holds that file
    home = Path("home").resolve()
    (home / "data" / "coco").mkdir(parents=True)
    shutil.copy("data/coco_labels.txt", home / "data" / "coco" / "coco_labels.txt")
    os.environ["HOME"] = str(home)
    sys.path.insert(0, str(Path.cwd()))  # train.py's `from data import *`, as in its repo
    torch.manual_seed(0)
    from ssd import build_ssd  # the copy's: the base net's weights from its own init
    Path("weights").mkdir()
    torch.save(build_ssd("train", 300, 21).vgg.state_dict(), "weights/vgg16_reducedfc.pth")

    random.seed(0)  # train.py seeds nothing: the case does, for a run that repeats
    np.random.seed(0)
    torch.manual_seed(0)
    record: list = []
    sys.argv = ["train.py", "--dataset", "VOC", "--dataset_root", "VOCdevkit",
                "--batch_size", "2", "--cuda", "False", "--num_workers", "0"]
    runpy.run_path("train.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")
    print()  # train.py's last `iter` print ends with a space, no newline
    shutil.rmtree("VOCdevkit")
    shutil.rmtree("weights")
    shutil.rmtree("home")

    assert [row[0] for row in record] == list(range(0, MAX_ITER, 10)), record
    write_truth("ssd.pytorch", f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} (no release; torch "
                f"{torch.__version__}, the case's changes in its docstring)",
                "train.py's loss.item() at each printed iteration (a line the case adds "
                "after the `iter` print)",
                {"Loss": series([(it, loss) for it, loss, _, _ in record], "step",
                                tolerance=5e-5)},
                also_ok=["timer"],
                notes="loss_l, loss_c (MultiBoxLoss' localisation and confidence parts, not "
                      "printed) at each printed iteration: " + "; ".join(
                          f"iter {it}: {loc!r}, {conf!r}" for it, _, loc, conf in record))


if __name__ == "__main__":
    main()
