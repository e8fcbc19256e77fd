"""eriklindernoren's PyTorch-YOLOv3 (PyPI's ``pytorchyolo`` 1.8.0, its last release, the
repository's pyproject at commit 1d621c8489e22c76ceb93bb2397ac6c8dfb5ceb7, 2024-11-17, the
head of ``master``: ``pytorchyolo/train.py``, ``test.py``, ``models.py`` and
``utils/logger.py`` there are the wheel's byte for byte) training YOLOv3-tiny from its
config file, no pretrained weights, with its own ``yolo-train`` (``pytorchyolo.train.run``,
called in-process with ``sys.argv`` set, as the console script calls it): ``yolo-train
--model yolov3-tiny-shapes.cfg --data shapes.data --epochs 3 --verbose --n_cpu 0
--evaluation_interval 1 --seed 0``. torch 1.12.1 (PyPI's CUDA 10.2 wheel, run on the CPU)
with torchvision 0.13.1 on Python 3.9 (see requirements-pytorchyolo.txt).

Model: the repository's ``config/yolov3-tiny.cfg`` (held verbatim below, checked against its
git blob id) with what the README's "Train on Custom Dataset" has a user change for a data set
of 2 classes (``classes=80`` -> ``classes=2`` in both ``[yolo]`` sections, ``filters=255`` ->
``filters=21``, (classes + 5) * 3, in the convolution before each) and, for 2 CPU cores,
``width``/``height`` 416 -> 128 and ``batch`` 64 -> 8 (``subdivisions=2`` kept: mini-batches
of 4, an optimizer step every 2nd batch); every other line as shipped (Adam, the cfg's
``learning_rate=0.0001`` with ``burn_in=1000``: over these 18 batches the learning rate stays
in the burn-in ramp, 6e-7 to 2.2e-6, so the losses barely move). 8.67M parameters.
Data: the README's custom layout, written by the case: 24 training and 8 validation 96x96
JPEGs under ``data/shapes/images/`` (one or two filled red or green rectangles on grey noise,
``random.Random(0)``), a label file of the same stem under ``data/shapes/labels/`` (``class
x_center y_center width height``, relative), ``train.txt``/``valid.txt`` (the images' paths),
``classes.names`` (``red``, ``green``) and ``shapes.data`` (``classes``, ``train``, ``valid``,
``names``). 6 batches an epoch, 18 in all; each evaluation 2 batches. About 15 s a run here.
``--n_cpu 0``: the loaders run in the main process (train.py's default, 8 workers, on 2
cores); ``--seed 0``: train.py's ``provide_determinism`` seeds ``random``, numpy, torch and
imgaug, so the values repeat run to run (pipe and pty give the same truth); only the times
vary.

What it prints (stdout; tqdm's bars on stderr): ``Environment information:``, ``System:
Linux ...``, ``Not using the poetry package``, ``No git or repo found`` (it asks ``poetry
version`` and ``git rev-parse`` in the cwd), ``Command line arguments: Namespace(model=...,
iou_thres=0.5, conf_thres=0.1, nms_thres=0.5, logdir='logs', seed=0)``, then (``--verbose``)
torchsummary's layer table (``Conv2d-1  [-1, 16, 128, 128]  432``, ``Total params:
8,672,186``, ``Params size (MB): 33.08``, ...). Each epoch ``---- Training Model ----``, the
bar ``Training Epoch 1:  50%|█████     | 3/6 [00:01<00:01,  2.06it/s]``, and a terminaltables
``AsciiTable`` after every batch (``--verbose``)::

    +-------------+--------------------+
    | Type        | Value              |
    +-------------+--------------------+
    | IoU loss    | 0.0666409507393837 |
    | Object loss | 1.3135395050048828 |
    | Class loss  | 0.7138912677764893 |
    | Loss        | 2.094071865081787  |
    | Batch loss  | 2.094071865081787  |
    +-------------+--------------------+

(Python floats, ``str(float(...))``: full precision), then ``---- Saving checkpoint to:
'checkpoints/yolov3_ckpt_1.pth' ----``, ``---- Evaluating Model ----``, the ``Validating``
and ``Computing AP`` bars, and (``--verbose``) the AP table and the mean::

    +-------+-------+---------+
    | Index | Class | AP      |
    +-------+-------+---------+
    | 0     | red   | 0.00307 |
    | 1     | green | 0.00000 |
    +-------+-------+---------+
    ---- mAP 0.00154 ----

(``"%.5f"``; a model 18 batches from scratch: ``conf_thres`` 0.1 keeps many boxes, so
precision is tiny, recall 0.25 to 0.67 and mAP 0.0015 to 0.0032).
Under the pty the bar's frames are redrawn on stderr between the tables, so a table's first
line follows a frame on the same screen line (``... 0/6 [00:00<?,
?it/s]+-------------+---...``); under the pipe the two streams are apart.

Truth: the framework's own record, the ``Logger``'s TensorBoard ``SummaryWriter`` event file
under ``logs/<%Y_%m_%d__%H_%M_%S>/`` (``--logdir logs``, train.py's default; listed in
``files``), read with TensorBoard's own loader (``_records.tb_folder``): after every batch
``train/iou_loss``, ``train/obj_loss``, ``train/class_loss`` (``loss_components[0..2]``) and
``train/loss`` (``to_cpu(loss).item()``) at ``batches_done = len(dataloader) * epoch +
batch_i`` (6 .. 23: train.py counts epochs from 1), ``train/learning_rate`` at each optimizer
step (even ``batches_done``, 9 points), and after each evaluation ``validation/precision``,
``validation/recall``, ``validation/mAP`` and ``validation/f1`` (the class means) at the epoch
(1 .. 3). Nothing is parsed from stdout. Judgement calls:
- Names as printed, each row's phrase joined with ``_`` (docs/metrics.md, "Phrases"):
  ``IoU_loss``, ``Object_loss``, ``Class_loss``, ``Loss``, ``Batch_loss`` (18 points each),
  and ``mAP`` (3 points); the event file's tags, never printed, are ``file_metrics``.
  ``IoU_loss``/``Object_loss``/``Class_loss`` are ``train/iou_loss``/``obj_loss``/
  ``class_loss``. ``Loss`` (``loss_components[3]``) and ``Batch loss`` (``loss``) are the same
  number: ``compute_loss`` returns the batch's loss and ``torch.cat((lbox, lobj, lcls,
  loss))``; the event file keeps it once, ``train/loss``, the truth of both rows (two printed
  names, one record; neither is dropped).
- Axis: ``step`` (the event file's ``batches_done``; the table prints no step, the bar's
  ``3/6`` counts within the epoch) for the losses, ``epoch`` 1-based for ``mAP``.
- Tolerances: the tables print the float32 the event file keeps as a Python float's repr:
  1e-6 relative (float32); ``mAP`` ``%.5f`` -> 5e-6 absolute plus the same.
- ``also_ok``: tqdm's ``it/s`` and ``s/it`` (throughput; no record).
- Not metrics: the AP table's per-class rows (``Index``, ``Class``, per-class ``AP``: per
  class results, the overall figure is the ``mAP`` line; the event file keeps none of them),
  torchsummary's parameter counts and sizes in MB, the ``Namespace`` of arguments (settings),
  ``System: Linux 6.18...``. ``train/learning_rate`` is in the record but never printed: a
  ``file_metric`` only; so are precision, recall and f1.
"""
# zoo-venv: pytorchyolo

import random
import sys
from importlib.metadata import version
from pathlib import Path

import torch
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id
from PIL import Image, ImageDraw

SOURCE_REPO = "eriklindernoren/PyTorch-YOLOv3"
SOURCE_COMMIT = "1d621c8489e22c76ceb93bb2397ac6c8dfb5ceb7"
CFG_BLOB = "fcb21e602680052a9a0fe727779960330b2e85ab"  # config/yolov3-tiny.cfg at SOURCE_COMMIT
EPOCHS, TRAIN_IMAGES, VALID_IMAGES, SIZE = 3, 24, 8, 96
CLASSES = ("red", "green")
COLOURS = ((220, 30, 30), (30, 200, 30))
FLOAT32 = 1e-6  # the event file's simple_value is a float32; the tables print its repr
MAP_ABS = 5e-6  # "---- mAP %.5f ----"
ALSO_OK = ["it/s", "s/it"]

# config/yolov3-tiny.cfg -> the case's model file: what the README's "Train on Custom
# Dataset" asks a user to change for a data set of 2 classes (``classes`` of both [yolo]
# layers, and the ``filters`` of the convolution before each, (classes + 5) * 3), and, for
# 2 CPU cores, the input size and the batch; every other line as the repository has it.
CFG_CHANGES = {
    "batch=64\n": (1, "batch=8\n"),
    "width=416\n": (1, "width=128\n"),
    "height=416\n": (1, "height=128\n"),
    "classes=80\n": (2, f"classes={len(CLASSES)}\n"),
    "filters=255\n": (2, f"filters={(len(CLASSES) + 5) * 3}\n"),
}


def write_data(root: Path) -> None:
    """The README's custom-data layout: ``images/*.jpg``, a label file of the same stem under
    ``labels/`` (one ``class x_center y_center width height`` line a box, relative), the
    ``train.txt``/``valid.txt`` image lists and ``classes.names``. One or two filled
    rectangles on grey noise an image, seeded."""
    rng = random.Random(0)
    for folder in ("images", "labels"):
        (root / folder).mkdir(parents=True)
    lists = {"train": [], "valid": []}
    for index in range(TRAIN_IMAGES + VALID_IMAGES):
        split = "train" if index < TRAIN_IMAGES else "valid"
        image = Image.new("RGB", (SIZE, SIZE))
        image.putdata([(v, v, v) for v in (rng.randint(90, 140) for _ in range(SIZE * SIZE))])
        draw = ImageDraw.Draw(image)
        rows = []
        for _ in range(rng.randint(1, 2)):
            category = rng.randrange(len(CLASSES))
            w, h = rng.randint(20, 48), rng.randint(20, 48)
            x, y = rng.randint(0, SIZE - w), rng.randint(0, SIZE - h)
            draw.rectangle((x, y, x + w - 1, y + h - 1), fill=COLOURS[category])
            rows.append(f"{category} {(x + w / 2) / SIZE:.6f} {(y + h / 2) / SIZE:.6f} "
                        f"{w / SIZE:.6f} {h / SIZE:.6f}\n")
        name = f"{split}_{index:03d}"
        image.save(root / "images" / f"{name}.jpg", quality=95)
        (root / "labels" / f"{name}.txt").write_text("".join(rows), encoding="utf-8")
        lists[split].append(str((root / "images" / f"{name}.jpg").resolve()))
    for split, paths in lists.items():
        (root / f"{split}.txt").write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
    (root / "classes.names").write_text("".join(f"{c}\n" for c in CLASSES), encoding="utf-8")


def main() -> None:
    if git_blob_id(YOLOV3_TINY_CFG) != CFG_BLOB:
        sys.exit(f"the held yolov3-tiny.cfg is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    cfg = YOLOV3_TINY_CFG
    for stock, (count, replacement) in CFG_CHANGES.items():
        assert cfg.count(stock) == count, stock
        cfg = cfg.replace(stock, replacement)
    Path("yolov3-tiny-shapes.cfg").write_text(cfg, encoding="utf-8")
    data = Path("data/shapes")
    write_data(data)
    Path("shapes.data").write_text(
        f"classes={len(CLASSES)}\ntrain={data}/train.txt\nvalid={data}/valid.txt\n"
        f"names={data}/classes.names\n", encoding="utf-8")

    from pytorchyolo import train
    sys.argv = ["yolo-train", "--model", "yolov3-tiny-shapes.cfg", "--data", "shapes.data",
                "--epochs", str(EPOCHS), "--verbose", "--n_cpu", "0",
                "--evaluation_interval", "1", "--seed", "0"]
    train.run()
    sys.stdout.flush()

    # --- the truth: the Logger's SummaryWriter event file under logs/<date>/ ---
    folders = sorted(Path("logs").iterdir())
    assert len(folders) == 1, folders
    event_files, scalars = tb_folder(str(folders[0]))
    metrics = {}
    # the verbose table's rows: "IoU loss", "Object loss", "Class loss" are loss_components
    # 0-2 (train/iou_loss, obj_loss, class_loss); "Loss" (loss_components[3]) and "Batch
    # loss" are both the batch's loss, the one tensor compute_loss returns twice: train/loss
    for printed, tag in (("IoU_loss", "train/iou_loss"), ("Object_loss", "train/obj_loss"),
                         ("Class_loss", "train/class_loss"), ("Loss", "train/loss"),
                         ("Batch_loss", "train/loss")):
        metrics[printed] = series(scalars[tag], "step", rel_tolerance=FLOAT32)
    if "validation/mAP" in scalars:
        metrics["mAP"] = series(scalars["validation/mAP"], "epoch", tolerance=MAP_ABS,
                                rel_tolerance=FLOAT32)
    file_metrics = {tag: series(pairs, "epoch" if tag.startswith("validation/") else "step",
                                rel_tolerance=FLOAT32) for tag, pairs in scalars.items()}
    write_truth(
        "pytorchyolo", version("pytorchyolo"),
        f"the Logger's TensorBoard event file in {folders[0]} (train/iou_loss, obj_loss, "
        "class_loss, loss a batch, train/learning_rate an optimizer step, validation/precision, "
        "recall, mAP, f1 an evaluation)",
        metrics, files=[str(p) for p in event_files], file_metrics=file_metrics,
        also_ok=ALSO_OK,
        notes=f"model: {SOURCE_REPO}'s config/yolov3-tiny.cfg at {SOURCE_COMMIT[:12]} with "
              "classes, filters, width, height and batch changed (the case's CFG_CHANGES); "
              f"torch {torch.__version__}")


YOLOV3_TINY_CFG = """[net]
# Testing
#batch=1
#subdivisions=1
# Training
batch=64
subdivisions=2
width=416
height=416
channels=3
momentum=0.9
decay=0.0005
angle=0
saturation = 1.5
exposure = 1.5
hue=.1

learning_rate=0.0001
burn_in=1000
max_batches = 500200
policy=steps
steps=400000,450000
scales=.1,.1

# 0
[convolutional]
batch_normalize=1
filters=16
size=3
stride=1
pad=1
activation=leaky

# 1
[maxpool]
size=2
stride=2

# 2
[convolutional]
batch_normalize=1
filters=32
size=3
stride=1
pad=1
activation=leaky

# 3
[maxpool]
size=2
stride=2

# 4
[convolutional]
batch_normalize=1
filters=64
size=3
stride=1
pad=1
activation=leaky

# 5
[maxpool]
size=2
stride=2

# 6
[convolutional]
batch_normalize=1
filters=128
size=3
stride=1
pad=1
activation=leaky

# 7
[maxpool]
size=2
stride=2

# 8
[convolutional]
batch_normalize=1
filters=256
size=3
stride=1
pad=1
activation=leaky

# 9
[maxpool]
size=2
stride=2

# 10
[convolutional]
batch_normalize=1
filters=512
size=3
stride=1
pad=1
activation=leaky

# 11
[maxpool]
size=2
stride=1

# 12
[convolutional]
batch_normalize=1
filters=1024
size=3
stride=1
pad=1
activation=leaky

###########

# 13
[convolutional]
batch_normalize=1
filters=256
size=1
stride=1
pad=1
activation=leaky

# 14
[convolutional]
batch_normalize=1
filters=512
size=3
stride=1
pad=1
activation=leaky

# 15
[convolutional]
size=1
stride=1
pad=1
filters=255
activation=linear



# 16
[yolo]
mask = 3,4,5
anchors = 10,14,  23,27,  37,58,  81,82,  135,169,  344,319
classes=80
num=6
jitter=.3
ignore_thresh = .7
truth_thresh = 1
random=1

# 17
[route]
layers = -4

# 18
[convolutional]
batch_normalize=1
filters=128
size=1
stride=1
pad=1
activation=leaky

# 19
[upsample]
stride=2

# 20
[route]
layers = -1, 8

# 21
[convolutional]
batch_normalize=1
filters=256
size=3
stride=1
pad=1
activation=leaky

# 22
[convolutional]
size=1
stride=1
pad=1
filters=255
activation=linear

# 23
[yolo]
mask = 1,2,3
anchors = 10,14,  23,27,  37,58,  81,82,  135,169,  344,319
classes=80
num=6
jitter=.3
ignore_thresh = .7
truth_thresh = 1
random=1
"""

if __name__ == "__main__":
    main()
