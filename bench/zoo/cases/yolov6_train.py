"""YOLOv6 (Meituan's ``meituan/YOLOv6`` repository, its own ``tools/train.py``; repository
commit e86a483f3f6bded25d45970b56831345a99744a4, 2024-03-05, the head of ``main``, ``git
describe`` 0.4.0-44-ge86a483; no pip package carries ``tools/`` or ``yolov6.core``) run as its
README's "Finetune on custom data" section runs it (``python tools/train.py --batch 32 --conf
configs/yolov6s_finetune.py --data data/dataset.yaml --device 0``), on the CPU and from
scratch: ``tools/train.py --device cpu --data-path shapes-v6.yaml --conf-file yolov6n_zoo.py
--img-size 256 --batch-size 8 --epochs 3 --eval-interval 1 --workers 0``. The repository is
unpacked under ``$ZOO_REPOS/YOLOv6`` (default ``~/.cache/exptrack-zoo/repos/YOLOv6``) with
``git archive e86a483f -- yolov6 tools configs data requirements.txt README.md docs | tar -x
-C ...``; ``tools/train.py`` runs in-process (``runpy``, as ``__main__``), with the repository
first on ``sys.path`` (train.py itself appends the cwd, the README's repository root).

The config: ``yolov6n_zoo.py``, a copy of the stock ``configs/yolov6n.py`` (YOLOv6-N:
EfficientRep, RepBiFPANNeck, EffiDeHead; its ``pretrained=None`` already: nothing loaded or
downloaded; checked against its git blob id) with one block appended, as the repository's own
``configs/experiment/yolov6n_with_eval_params.py`` adds it: ``eval_params =
dict(conf_thres=0.001)``. Without it the evaluation during training keeps detections above
0.03 only; a model trained from scratch for seconds (all steps inside YOLOv6's 1000-step
warm-up, its class scores near the head's 0.01 prior) has none, and ``Evaler.eval_model``
then returns ``(0.0, 0.0)`` without running pycocotools at all (no summary printed). With
``eval_params`` the trainer takes ``Evaler``'s settings from it (``shrink_size`` the image
size, ``infer_on_rect=False``, ``verbose=False``: the defaults ``get_cfg_value`` gives).
``--img-size 256``: ``check_img_size(..., floor=256)`` raises anything smaller to 256.

Data: ``_yolo_data.make_dataset("detect", size=64, train=24, val=4)``: 24 training and 4
validation 64x64 PNGs with one or two filled red/green rectangles (YOLO layout:
``shapes/images/{train,val}``, ``shapes/labels/{train,val}``), and a data yaml in YOLOv6's
form (``train:``/``val:`` image folders, ``is_coco: False``, ``nc: 2``, ``names: ['red',
'green']``, as its ``data/dataset.yaml``). YOLOv6 writes its own COCO json of the validation
labels (``shapes/annotations/instances_val.json``) and ``shapes/images/.{train,val}_cache.json``
beside the image folders. 3 steps an epoch (batch 8), an evaluation of the 4 validation images
(one batch) after each; about 15 s of CPU (27-45 s of wall time on a loaded 2-core machine). Small
validation images keep the event file small: ``write_tbimg`` adds each evaluation's first
(up to 8) validation images, drawn with their detections, to it (64 kB here).

What it prints (its ``LOGGER``: ``logging`` on stderr, the message alone): ``Using CPU for
training...``, ``training args are: Namespace(...)``, ``Model: Model(...)`` (the module tree,
about 40 kB), the data checks (``img record infomation path is:...``, ``Train: Checking
formats of images with 2 process(es):`` and tqdm bars), ``Training start...``, then an
epoch: the header ``'%10s' * 5`` ``Epoch lr iou_loss dfl_loss cls_loss`` and a tqdm bar
whose description is ``('%10s' + ' %10.4g' + '%10.4g' * 3)``: ``0/2``, the scheduler's
``get_last_lr()[0]`` and the epoch's running means of the three losses
(``bar_format='{l_bar}{bar:10}{r_bar}{bar:-10b}'``, ``ncols=min(100, terminal columns)``;
the last redraw of the last epoch under the pty, wrapped here)::

         Epoch        lr  iou_loss  dfl_loss  cls_loss
           2/2   0.003763     1.634         0     1.452: 100%|##########| 3/3
           [00:04<00:00,  1.31s/it]

Each training step also prints torch's ``FutureWarning``/``UserWarning`` about
``torch.cuda.amp.autocast`` on the CPU (from the repository's ``amp.autocast(enabled=...)``
lines), on stderr between the bar's redraws: each step's redraw ends up on a line of its own,
after the warnings of the step before. Then the evaluation: the bar ``Inferencing model in
train datasets.``, ``Evaluating speed.``, ``Evaluating mAP by pycocotools.``, ``Saving
runs/train/exp/predictions.json...``, pycocotools' ``loading annotations into memory...``
blocks and its twelve summary rows on stdout (``Average Precision  (AP) @[ IoU=0.50      |
area=   all | maxDets=100 ] = 0.002``), and ``Epoch: 2 | mAP@0.5: 0.002027645714367257 |
mAP@0.50:0.95: 0.0004223082649365105`` (the two numbers as Python prints numpy floats: full
precision; ``0.0`` at the first epochs). At the end ``Training completed in 0.005 hours.``.
Pipe and pty differ only in the bars (tqdm redraws with ``\\r``; 80 columns on a pipe, where
tqdm cuts the bar after ``3/3 [00:09``, 100 under the 120-column pty).

Truth: YOLOv6's own record, its TensorBoard event file in ``runs/train/exp``
(``SummaryWriter(save_dir)``; ``write_tblog`` after every epoch, at step ``epoch + 1``,
float32): ``train/iou_loss``, ``train/dist_focalloss``, ``train/cls_loss`` (the trainer's
``mean_loss``: the means the bar prints last), ``val/mAP@0.5``, ``val/mAP@0.50:0.95`` (the
evaluation's ``(stats[1], stats[0])``, the line ``Epoch: k | ...`` prints) and ``x/lr0..2``
(the three param groups' lr of the epoch, never printed: during the warm-up the groups' lr is
set by hand, while the bar prints the scheduler's). The event file keeps two of the twelve
COCO rows: for the other ten the evaluator's in-memory ``COCOeval.stats`` is the record, one
line the case adds to ``yolov6/core/evaler.py`` as it is loaded (text checked against its git
blob id at the commit, compiled into the module in place of the stock one, no stock line
changed, the file on disk as it was), right after ``cocoEval.summarize()``: the twelve numbers
just printed. Nothing is parsed from stdout. The record's ``stats[0]``/``stats[1]`` are
checked to agree with the event file's ``val/mAP@0.50:0.95``/``val/mAP@0.5``.

Judgement calls:
- Names as printed: the bar's header ``iou_loss``, ``dfl_loss`` (the event file's
  ``train/dist_focalloss``: the same value; 0 throughout, as YOLOv6-N trains without DFL,
  ``use_dfl=False``: printed ``0`` and recorded, so a series), ``cls_loss``; the evaluation
  line's ``mAP@0.5`` and ``mAP@0.50:0.95``; the COCO rows as docs/metrics.md and the
  ``pycocotools_summary`` case name them (the printed query without its padding: ``Average
  Precision (AP) @[IoU=0.50:0.95|area=all|maxDets=100]``), ``-1.000`` (no object of that
  area in the set) a value, as pycocotools keeps it.
- Axis ``epoch``, 0-based as printed (``0/2``, ``Epoch: 0``): the event file's step minus
  one. 3 points a name (one an epoch: the bar's last redraw, the epoch's means).
- Tolerances: the bar ``%10.4g`` -> ``rel_tolerance`` 5.5e-4 (half a unit of the 4th
  significant digit, with float32); ``mAP@...`` printed in full, recorded as float32 ->
  ``rel_tolerance`` 1e-6; the COCO rows ``%0.3f`` -> 5e-4.
- ``also_ok``: ``lr`` (printed by the bar, the scheduler's value, in no record: the event
  file's ``x/lr0`` is the param group's warm-up lr), tqdm's ``it/s``/``s/it``.
- ``file_metrics``: every scalar tag of the event file under its tag at its own step
  (``epoch + 1``), ``rel_tolerance`` 1e-6.
- Not metrics: the ``Namespace`` of options, ``Training completed in 0.005 hours.``
  (the run's duration), the ``3/3`` counters, pycocotools' ``DONE (t=0.00s)``.
Environment: torch 2.14.1's ``torch.load`` defaults to ``weights_only=True``, under which
the closing ``strip_optimizer`` fails to load its own ``last_ckpt.pt`` (a pickled model), so
the case sets PyTorch's documented switch ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1``, as the
``yolov7_train`` case does; ``yolov6/utils/general.py`` imports ``pkg_resources``
(setuptools < 81). Seeded by train.py itself (``set_random_seed(1 + rank,
deterministic=True)``: random, numpy, torch), data loading in the main process
(``--workers 0``): the values repeat run to run, only the timings vary.
"""
# zoo-venv: yolov6

import os
import runpy
import sys
from pathlib import Path

from _coco_rows import BOX_ROWS, row_name
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id, load_with_lines
from _yolo_data import CLASSES, make_dataset

SOURCE = "meituan/YOLOv6"
REPO_COMMIT = "e86a483f3f6bded25d45970b56831345a99744a4"
DESCRIBE = "0.4.0-44-ge86a483"
REPO = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos")) \
    .expanduser() / "YOLOv6"
TRAIN_PY = REPO / "tools" / "train.py"
CONFIG = ("configs/yolov6n.py", "74f9386d791f9b62786125c761f6b1cd31c73ac5")
# the record of the COCO rows the event file does not keep: one line right after the line
# that prints them (anchor -> the added line); no stock line changed
EVALER = ("yolov6/core/evaler.py", "e79f51bea7b5bbba05276fd248e857c708feef93", {
    "            cocoEval.summarize()\n":
        "            ZOO_RECORD.append([float(x) for x in cocoEval.stats])"
        "  # zoo: the twelve numbers just printed\n",
})
EPOCHS = 3

if not TRAIN_PY.is_file():
    sys.exit(f"no YOLOv6 repository at {REPO} (git archive {REPO_COMMIT} of {SOURCE})")

make_dataset("detect", size=64, train=24, val=4)
root = Path.cwd() / "shapes"
data = Path("shapes-v6.yaml")
data.write_text(f"train: {root / 'images' / 'train'}\nval: {root / 'images' / 'val'}\n"
                f"is_coco: False\nnc: {len(CLASSES)}\nnames: {list(CLASSES)}\n")
stock = (REPO / CONFIG[0]).read_text(encoding="utf-8")
if git_blob_id(stock) != CONFIG[1]:
    sys.exit(f"{REPO / CONFIG[0]} is not {SOURCE}'s at {REPO_COMMIT}")
config = Path("yolov6n_zoo.py")
config.write_text(stock + "\n# as configs/experiment/yolov6n_with_eval_params.py adds it\n"
                  "eval_params = dict(conf_thres=0.001)\n", encoding="utf-8")

os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] = "1"
sys.path.insert(0, str(REPO))
import yolov6.core.evaler as evaler  # noqa: E402

coco_stats: list[list[float]] = []
load_with_lines(evaler, REPO / EVALER[0], EVALER[1], EVALER[2], coco_stats,
                f"{SOURCE} at {REPO_COMMIT}")

sys.argv = [str(TRAIN_PY), "--device", "cpu", "--data-path", str(data),
            "--conf-file", str(config), "--img-size", "256", "--batch-size", "8",
            "--epochs", str(EPOCHS), "--eval-interval", "1", "--workers", "0"]
runpy.run_path(str(TRAIN_PY), run_name="__main__")
sys.stdout.flush()
sys.stderr.flush()

save_dir = Path("runs/train/exp")
event_files, scalars = tb_folder(str(save_dir))
assert len(coco_stats) == EPOCHS, coco_stats

LOSS_REL, FILE_REL, COCO_ABS = 5.5e-4, 1e-6, 5e-4
metrics = {}
for tag, name, rel in (("train/iou_loss", "iou_loss", LOSS_REL),
                       ("train/dist_focalloss", "dfl_loss", LOSS_REL),
                       ("train/cls_loss", "cls_loss", LOSS_REL),
                       ("val/mAP@0.5", "mAP@0.5", FILE_REL),
                       ("val/mAP@0.50:0.95", "mAP@0.50:0.95", FILE_REL)):
    pairs = scalars[tag]
    assert [step for step, _ in pairs] == list(range(1, EPOCHS + 1)), (tag, pairs)
    metrics[name] = series([(step - 1, value) for step, value in pairs], "epoch",
                           rel_tolerance=rel)
# the evaluator's stats[:2] are what the event file keeps (float32)
for (_, ap50), (_, ap), stats in zip(scalars["val/mAP@0.5"], scalars["val/mAP@0.50:0.95"],
                                     coco_stats, strict=True):
    assert abs(ap50 - stats[1]) <= 1e-6 * abs(stats[1]) + 1e-12, (ap50, stats)
    assert abs(ap - stats[0]) <= 1e-6 * abs(stats[0]) + 1e-12, (ap, stats)

# pycocotools' summarize() rows for boxes, in the order of COCOeval.stats
for index, (kind, iou, area, dets) in enumerate(BOX_ROWS):
    name = row_name(kind, iou, area, dets)
    metrics[name] = series([(epoch, stats[index]) for epoch, stats in enumerate(coco_stats)],
                           "epoch", tolerance=COCO_ABS)

file_metrics = {tag: series(pairs, "epoch", rel_tolerance=FILE_REL)
                for tag, pairs in scalars.items()}
write_truth("yolov6", f"repo {REPO_COMMIT[:12]} ({DESCRIBE})",
            f"tools/train.py's TensorBoard event file in {save_dir} (write_tblog an epoch, "
            "at epoch + 1) and, for the COCO rows it does not keep, COCOeval.stats recorded "
            "by a line added to yolov6/core/evaler.py after cocoEval.summarize()",
            metrics, files=event_files, also_ok=["lr", "it/s", "s/it"],
            file_metrics=file_metrics,
            notes=f"{SOURCE} tools/train.py at commit {REPO_COMMIT}; configs/yolov6n.py with "
                  "eval_params = dict(conf_thres=0.001) appended; x/lr0..2 are in the event "
                  "file only (the bar prints the scheduler's lr); "
                  "TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1 for torch 2.14's torch.load in "
                  "strip_optimizer")
