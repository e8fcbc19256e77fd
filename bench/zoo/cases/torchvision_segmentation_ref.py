"""torchvision's semantic segmentation reference script (``references/segmentation/train.py``
with its ``utils.py``, ``coco_utils.py``, ``presets.py``, ``transforms.py``; torchvision
0.29.1, torch 2.14.1, pycocotools 2.0.11), run as its README shows (``train.py --dataset coco
-b 4 --model lraspp_mobilenet_v3_large ...``), on the CPU and small: ``python train.py
--data-path . --dataset coco --model lraspp_mobilenet_v3_large --epochs 2 --batch-size 2
--workers 0 --device cpu --print-freq 2 --output-dir out`` (every other option default: SGD
lr 0.01, momentum 0.9, weight decay 1e-4, ``PolynomialLR`` power 0.9 over the 10 steps, no
warm-up, no ``--aux-loss`` (LR-ASPP has no auxiliary head), the training preset's random
resize to 260-1040 px, horizontal flip and 480 px crop, the evaluation preset's resize to 520;
no ``--weights`` or ``--weights-backbone``, so ``get_model(..., weights=None,
weights_backbone=None, num_classes=21)`` builds the model from its config and nothing is
downloaded). ``--print-freq 2`` (default 10: with 5 batches an epoch only the first would
print) is the script's own flag. The script has no seed flag: the case seeds torch and
``random`` with 0 and runs ``train.py`` in-process (``runpy``, ``sys.argv`` as above, the
reference folder first on ``sys.path`` as when it runs as a script), which prints exactly what
the script prints.

The scripts are no pip package. They are pytorch/vision's files at upstream commit
428a54c96e82226c0d2d8522e9cbfdca64283da0 (2025-06-03, the commit the classification and
detection cases pin; ``references/segmentation`` last changed upstream at
a9a726a5bde11fc2f1dc2067399e36755b809cb3, 2024-12-09), unmodified, taken from the snapshot of
the fork ``amd-fuweiy/vision`` (it carries upstream's history; a ``fetch`` of pytorch/vision
was refused, over the size limit) with ``git archive 428a54c9 references/segmentation``. The
case finds them under ``$ZOO_REPOS/vision/references/segmentation`` (default
``~/.cache/exptrack-zoo/repos``).

Data, made here, in the COCO layout ``get_coco`` reads: ``train2017/`` (10 images) and
``val2017/`` (3) of 96x96 PNGs on grey noise, each a 3x3 grid of cells holding one filled
rectangle (sides 20-30 px) of one of the 20 COCO categories the script keeps (``CAT_LIST``:
ids 5, 2, 16, ... 72, remapped to classes 1-20; a colour each), and
``annotations/instances_{train,val}2017.json`` (the rectangles as polygons with ``area``,
``iscrowd`` 0). The three val images hold each of the 20 classes at least once, so no row of
the 21-class confusion matrix is empty (an absent class prints ``nan`` in the per-class lists
and makes ``mean IoU: nan``). 10 images / batch 2: 5 steps an epoch (1.5 s of CPU each at
480x480, about 20 s in all).

Default printing (``MetricLogger.log_every``, plain ``print``; no GPU, so no ``max mem``
column): ``Epoch: [0]  [2/5]  eta: 0:00:05  lr: 0.007254178469372199  loss: 3.0390 (3.1004)
time: 1.6852  data: 0.0286`` at batches 0, 2, 4 (``i % 2 == 0``), ``Epoch: [0] Total time:
0:00:07``; after each epoch ``evaluate``'s ``Test:  [0/3]  eta: 0:00:00    time: 0.1600  data:
0.0103`` (its logger has no meters: only timings; ``print_freq`` 100, so the first batch
only), ``Test: Total time: 0:00:00`` and ``print(confmat)``: ``global correct: 39.0``,
``average row correct: ['97.3', '0.0', ...]`` (21 items), ``IoU: ['51.7', '0.0', ...]`` (21),
``mean IoU: 2.7`` (after 10 steps from random weights the model finds little beyond the
background: the figures are low, as recorded); at the start ``Not using distributed mode``,
``print(args)`` (a ``Namespace``), pycocotools' ``loading annotations into memory...``,
``Done (t=0.00s)``, ``creating index...``, ``index created!`` (twice), at the end ``Training
time 0:00:15``; on stderr torch's ``torch.cuda.amp.autocast`` deprecation warning and, at the
first evaluation, its ``To copy construct from a tensor`` warning
(``utils.reduce_across_processes``).

Truth. The reference keeps no record of its figures: ``MetricLogger`` is in memory only, the
``ConfusionMatrix`` that ``evaluate`` returns is printed and dropped, and the checkpoints
``--output-dir`` writes (``model_0.pth``, ``model_1.pth``, ``checkpoint.pth``: weights,
optimizer, scheduler, args, epoch) hold no metric. So the case wraps (never changes) the
reference's own classes: ``MetricLogger.__str__`` (called only by ``log_every``'s print) keeps,
for each meter, the ``median``, ``global_avg``, ``value`` and ``count`` the line formats, and
``ConfusionMatrix.__str__`` (called only by ``print(confmat)``) keeps what its ``compute()``
gives (``acc_global``, ``iu`` and ``iu.mean()``, the figures ``__str__`` prints) and the
matrix; the wrappers print nothing. The case checks ``acc_global`` against the matrix (trace /
sum) and that every class has pixels in the val masks. Judgements:
- ``loss``: a meter printed ``{median:.4f} ({global_avg:.4f})``: the window's median (window
  20 > 5 batches: the median of the epoch's batches so far; torch's median, the lower middle
  value) and, in parentheses, the epoch's running mean. The truth is the first number, the
  median, at each printed line (6 lines: 2 epochs x batches 0, 2, 4), keyed ``step`` =
  optimizer steps done when the line prints (epoch * 5 + i + 1: 1, 3, 5, 6, 8, 10); the
  running means in parentheses have no name of their own and are left out (a parenthesised
  value, as a spread is); tolerance 5.1e-5 (``.4f``);
- ``lr``: a meter of window 1 printed ``fmt="{value}"`` (the float's repr, exact), the
  optimizer's lr after that step's ``lr_scheduler.step()``, at the same steps;
- the confusion matrix's summary, one an epoch, keyed ``epoch`` (0-based, as ``Epoch: [0]``):
  ``global correct`` and ``mean IoU`` have no key in the script (``__str__`` prints
  ``acc_global * 100`` and ``iu.mean() * 100``), so they take the printed words as
  docs/metrics.md names a phrase, ``global_correct`` and ``mean_IoU``, in percent as printed
  (the scale ``__str__`` gives them), tolerance 5.1e-2 (``.1f``). ``average row correct: [...]``
  and ``IoU: [...]`` are per-class lists (21 items, one a class: docs/metrics.md's "Per-class
  rows", as nnU-Net's ``Pseudo dice [...]``): no metric, not in the truth;
- not metrics: the ``Test:`` line's ``time``/``data`` and the train lines' (seconds an
  iteration), ``eta``, ``Total time``, ``Training time``, pycocotools' ``Done (t=...)``
  (timings): ``also_ok``, with their ``test_`` forms; ``print(args)``'s settings, the
  ``[i/5]`` counters, ``Epoch: [n]``: none.
"""
# zoo-venv: tvseg

import json
import random
import re
import runpy
import sys
from pathlib import Path

import torch
import torchvision
from _truth import series, write_truth
from _vision_refs import UPSTREAM_COMMIT, recorded_lines, references
from PIL import Image, ImageDraw

refs = references("segmentation")

SIZE, CELL = 96, 32
CAT_IDS = [5, 2, 16, 9, 44, 6, 3, 17, 62, 21, 67, 18, 19, 4, 1, 64, 20, 63, 7, 72]  # CAT_LIST[1:]
NAMES = ["airplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
         "dining table", "dog", "horse", "motorcycle", "person", "potted plant", "sheep",
         "couch", "train", "tv"]
COLOURS = [(230, 25, 75), (60, 180, 75), (255, 225, 25), (0, 130, 200), (245, 130, 48),
           (145, 30, 180), (70, 240, 240), (240, 50, 230), (210, 245, 60), (250, 190, 212),
           (0, 128, 128), (220, 190, 255), (170, 110, 40), (255, 250, 200), (128, 0, 0),
           (170, 255, 195), (128, 128, 0), (255, 215, 180), (0, 0, 128), (255, 255, 255)]
rng = random.Random(0)
for split, count in (("train", 10), ("val", 3)):
    folder = Path(f"{split}2017")
    folder.mkdir()
    cells = count * 9
    classes = list(range(20)) + [rng.randrange(20) for _ in range(cells - 20)]
    rng.shuffle(classes)
    images, annotations = [], []
    for image_id in range(1, count + 1):
        image = Image.new("RGB", (SIZE, SIZE))
        image.putdata([(v, v, v) for v in (rng.randint(90, 140) for _ in range(SIZE * SIZE))])
        draw = ImageDraw.Draw(image)
        for cell in range(9):
            cls = classes[(image_id - 1) * 9 + cell]
            w, h = rng.randint(20, 30), rng.randint(20, 30)
            x = (cell % 3) * CELL + rng.randint(0, CELL - w)
            y = (cell // 3) * CELL + rng.randint(0, CELL - h)
            draw.rectangle((x, y, x + w - 1, y + h - 1), fill=COLOURS[cls])
            annotations.append({"id": len(annotations) + 1, "image_id": image_id,
                                "category_id": CAT_IDS[cls], "bbox": [x, y, w, h],
                                "area": w * h, "iscrowd": 0,
                                "segmentation": [[x, y, x + w, y, x + w, y + h, x, y + h]]})
        name = f"{image_id:012d}.png"
        image.save(folder / name)
        images.append({"id": image_id, "file_name": name, "width": SIZE, "height": SIZE})
    Path("annotations").mkdir(exist_ok=True)
    Path(f"annotations/instances_{split}2017.json").write_text(json.dumps(
        {"images": images, "annotations": annotations,
         "categories": [{"id": i, "name": n, "supercategory": "object"}
                        for i, n in zip(CAT_IDS, NAMES, strict=True)]}))

BATCH = 2
STEPS_PER_EPOCH = 10 // BATCH

sys.path.insert(0, str(refs))
import utils  # noqa: E402  (the reference's utils.py, the one train.py imports)

lines = recorded_lines(utils)
matrices: list[tuple[float, float, list[float], torch.Tensor]] = []
original_confmat_str = utils.ConfusionMatrix.__str__


def confmat_str(self):
    acc_global, _, iu = self.compute()
    matrices.append((acc_global.item(), iu.mean().item(), iu.tolist(), self.mat.clone()))
    return original_confmat_str(self)


utils.ConfusionMatrix.__str__ = confmat_str

random.seed(0)
torch.manual_seed(0)
sys.argv = [str(refs / "train.py"), "--data-path", ".", "--dataset", "coco",
            "--model", "lraspp_mobilenet_v3_large", "--epochs", "2",
            "--batch-size", str(BATCH), "--workers", "0", "--device", "cpu",
            "--print-freq", "2", "--output-dir", "out"]
runpy.run_path(str(refs / "train.py"), run_name="__main__")

train: dict[str, list[tuple[int, float]]] = {"loss": [], "lr": []}
for header, meters in lines:
    found = re.match(r"Epoch: \[(\d+)\]", header)
    if not found:  # the Test: lines (no meters: time, data)
        continue
    step = int(found.group(1)) * STEPS_PER_EPOCH + meters["loss"][3]
    train["loss"].append((step, meters["loss"][0]))  # the median, printed first
    train["lr"].append((step, meters["lr"][2]))  # window 1, fmt "{value}"

assert len(matrices) == 2
for acc_global, _, _, mat in matrices:
    assert abs(acc_global - (mat.diag().sum() / mat.sum()).item()) < 1e-6
    assert all(row > 0 for row in mat.sum(1).tolist())  # every class in the val masks

metrics = {"loss": series(train["loss"], "step", tolerance=5.1e-5),
           "lr": series(train["lr"], "step", rel_tolerance=1e-9),
           "global_correct": series(((epoch, m[0] * 100) for epoch, m in enumerate(matrices)),
                                    "epoch", tolerance=5.1e-2),
           "mean_IoU": series(((epoch, m[1] * 100) for epoch, m in enumerate(matrices)),
                              "epoch", tolerance=5.1e-2)}
write_truth("torchvision", torchvision.__version__,
            "the reference script's utils.MetricLogger meters at each printed training line "
            "(median, the first number) and evaluate()'s utils.ConfusionMatrix compute() "
            "(acc_global, iu.mean(), times 100 as its __str__ prints them) at each print",
            metrics,
            also_ok=["time", "data", "eta", "total_time", "training_time", "test_time",
                     "test_data", "test_eta", "test_total_time"],
            notes=f"pytorch/vision references/segmentation at {UPSTREAM_COMMIT} (from the "
                  "amd-fuweiy/vision snapshot's upstream history; a pytorch/vision fetch was "
                  f"refused, over the size limit); torch {torch.__version__}; pycocotools 2.0.11")
