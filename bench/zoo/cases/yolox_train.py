"""YOLOX (Megvii's ``Megvii-BaseDetection/YOLOX``, ``yolox.__version__`` 0.3.0; repository
commit 6ddff4824372906469a7fae2dc3206c7aa4bbaee, 2025-06-08, the head of ``main``, ``git
describe`` 0.3.0-38-g6ddff48) training YOLOX-Nano for 2 epochs on the CPU with its own
``yolox.tools.train``, as its README trains (``python -m yolox.tools.train -f
exps/default/yolox_s.py -d 8 -b 64 --fp16 -o``): ``python -m yolox.tools.train -f
yolox_nano_shapes.py -d 0 -b 4 --logger tensorboard`` (run in-process: ``runpy.run_module``
as ``__main__``). ``-d 0``: no GPU (``launch`` calls ``main`` directly when the world size is
not over 1); no ``--fp16`` and no ``-o`` (which fills the GPU's memory first). PyPI's
``yolox`` 0.3.0 (2022-04) is a source distribution whose ``setup.py`` imports torch (it fails
under pip's build isolation) and lacks the repository's 38 later commits, so the repository
is fetched and unpacked under ``$ZOO_REPOS/YOLOX`` (default ``~/.cache/exptrack-zoo/repos/
YOLOX``; ``git archive 6ddff482 | tar -x -C ...``) and installed into the venv with ``pip
install --no-deps --no-build-isolation $ZOO_REPOS/YOLOX``: that builds its C++ COCO evaluator
(``yolox/layers/fast_cocoeval*.so``, ``COCOeval_opt``) with the machine's g++ as the README's
``pip3 install -v -e .`` does, and installs ``tools/`` as ``yolox.tools`` and ``exps/default``
as ``yolox.exp.default`` (see requirements-yolox.txt). Without that prebuilt op YOLOX would
compile it with ninja at the first evaluation of every fresh machine.

The Exp: ``yolox_nano_shapes.py``, written into the cwd as docs/train_custom_data.md asks for
a custom data set: a subclass of YOLOX-Nano's Exp (``exps/default/yolox_nano.py``: depth
0.33, width 0.25, depthwise convolutions, ``mosaic_prob`` 0.5, no mixup; 0.90M parameters)
with ``num_classes = 3``, ``data_dir = "shapes"``, ``input_size``/``test_size`` (128, 128),
``max_epoch = 2``, ``warmup_epochs = 1``, ``no_aug_epochs = 0``, ``eval_interval = 1``,
``print_interval = 2``, ``data_num_workers = 0``, ``seed = 0`` and ``test_conf = 1e-5``.
- ``no_aug_epochs = 0``: YOLOX turns mosaic off and the L1 loss on when ``epoch + 1 ==
  max_epoch - no_aug_epochs``, i.e. for the last ``no_aug_epochs + 1`` epochs (the last 16 of
  its default 300): with 0 the first epoch trains with mosaic and without L1 (``l1_loss:
  0.0``), the second prints ``--->No mosaic aug now!``, ``--->Add additional L1 loss now!``.
- ``test_conf = 1e-5`` (default 0.01): a model trained 8 steps from scratch scores every box
  near its initial prior, 0.01 x 0.01 = 1e-4; with no box over the threshold
  ``COCOEvaluator.evaluate_prediction`` returns (0, 0) without running COCOeval, so no
  summary would be printed. At 1e-5 the boxes pass and COCOeval runs; nothing is localised
  yet (its boxes keep their initial ~10 px; the best IoU with a ground-truth box is about
  0.5), so AP and AR print ``0.000``, and ``-1.000`` for ``area= large`` (no box over 96x96
  in the 64x64 images).
Data: ``_coco_images.write_coco``: 16 training and 8 validation 64x64 JPEGs in COCO's layout
(``shapes/train2017``, ``shapes/val2017``, ``shapes/annotations/instances_*2017.json``), one or
two coloured rectangles each, three categories; YOLOX's ``COCODataset`` reads it as COCO.
Batch 4: 4 iterations an epoch, 8 in all, a line every 2; the evaluation of 2 batches after
each epoch. About 10-15 s a run here. Fewer than 10 iterations, so ``random_resize``
(multi-scale training, every 10th iteration) never runs: its ``torch.LongTensor(2).cuda()``
would need CUDA.

Changed for the CPU (YOLOX moves everything to ``cuda``). The case changes lines of two
installed modules as they are imported (a ``sys.meta_path`` finder: the installed file's text
is checked against its git blob id at the commit, the lines are replaced, the result compiled
in place of the stock module; the files on disk stay as installed, every other module runs
unchanged):
- ``yolox/core/trainer.py``: ``self.device = "cuda:{}".format(self.local_rank)`` ->
  ``self.device = "cpu"``; ``torch.cuda.set_device(self.local_rank)`` -> ``pass``;
  ``self.prefetcher = DataPrefetcher(self.train_loader)`` -> ``iter(self.train_loader)`` and
  ``inps, targets = self.prefetcher.next()`` -> ``inps, targets, _, _ =
  next(self.prefetcher)`` (``DataPrefetcher`` copies the next batch to the GPU on a CUDA
  stream; on the CPU the loader's batches are used as they come, so the first batch of the
  second epoch is drawn after mosaic is turned off, where the prefetcher would have drawn it,
  with mosaic, before).
- ``yolox/evaluators/coco_evaluator.py``: ``tensor_type = torch.cuda.HalfTensor if half else
  torch.cuda.FloatTensor`` -> ``torch.HalfTensor``/``torch.FloatTensor``; ``statistics =
  torch.cuda.FloatTensor([...])`` -> ``torch.FloatTensor([...])``; and the record line below.
Left as they are: ``torch.cuda.amp.GradScaler(enabled=False)`` and ``autocast(enabled=False)``
(torch's ``FutureWarning``s about them are printed), ``gpu_mem_usage()``
(``torch.cuda.max_memory_allocated()`` is 0 with CUDA never initialised: ``gpu mem: 0Mb``),
``get_num_devices()`` (runs ``nvidia-smi -L``: ``/bin/sh: 1: nvidia-smi: not found``),
DataLoader's ``pin_memory`` warning. torch 2.14.1 with torchvision 0.29.1 (PyPI's CUDA build,
run on the CPU).

What it prints: ``setup_logger`` sends loguru to stderr (``{time} | {level: <8} |
{name}:{line} - {message}``, coloured under the pty) and to ``train_log.txt``, and replaces
``sys.stdout``/``sys.stderr`` with ``StreamToLoguru``: pycocotools' prints become loguru
lines, everything else (tqdm, warnings, ``COCOeval_opt``'s ``Running per image
evaluation...``) goes to the real stdout. First the ``args: Namespace(...)``, the Exp's values
as a ``fancy_grid`` table, ``Model Summary: Params: 0.90M, Gflops: 0.10``, the model's module
tree (about 40 kB), ``Training start...``; then every 2 iterations::

    2026-12-07 14:45:19 | INFO     | yolox.core.trainer:270 - epoch: 1/2, iter: 4/4, gpu mem:
    0Mb, mem: 4.0Gb, iter_time: 0.149s, data_time: 0.003s, total_loss: 11.5, iou_loss: 4.5,
    l1_loss: 0.0, conf_loss: 5.9, cls_loss: 1.0, lr: 6.250e-04, size: 128, ETA: 0:00:00

(one line, wrapped here: the losses ``{:.1f}`` of the iteration's value, ``MeterBuffer``'s
``latest``; times ``{:.3f}s`` means over the interval; ``lr`` ``{:.3e}``). After each epoch
``Save weights to ./YOLOX_outputs/yolox_nano_shapes``, the evaluation's tqdm bar, pycocotools'
``Loading and preparing results...``, and one loguru message of several lines::

    2026-12-07 14:45:19 | INFO     | yolox.core.trainer:381 -
    Average forward time: 11.14 ms, Average NMS time: 0.57 ms, Average inference time: 11.71 ms
     Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.000
     ... (the twelve rows of COCOeval.summarize())
    per class AP:
    | class   | AP    | class   | AP    | class   | AP    |
    |:--------|:------|:--------|:------|:--------|:------|
    | red     | 0.000 | green   | 0.000 | blue    | 0.000 |
    per class AR:
    ...

and at the end ``Training of experiment is done and the best AP is 0.00``. Pipe and pty differ
in the colours, tqdm's width and the order in which loguru's queue thread and direct stdout
writes interleave.

Truth: YOLOX's own record, the ``SummaryWriter`` event file of ``--logger tensorboard`` under
``YOLOX_outputs/yolox_nano_shapes/tensorboard/`` (listed in ``files``): at each printed line
``train/lr`` and ``train/<name>`` of each loss the line prints (``meter.get_filtered_meter
("loss")``, the very ``latest`` values), at step ``progress_in_iter`` (the 0-based iteration
over both epochs: 1, 3, 5, 7), and after each evaluation ``val/COCOAP50`` and
``val/COCOAP50_95`` (``cocoEval.stats[1]`` and ``[0]``) at step ``epoch + 1``. The event file
keeps two of the twelve COCO rows, under names never printed: for the printed rows the
evaluator's in-memory ``COCOeval.stats`` is the record, one line the case adds to
``coco_evaluator.py`` right after the summary is taken (``ZOO_RECORD.append([float(x) for x in
cocoEval.stats])``, no stock line changed for it); ``stats[0]``/``stats[1]`` are checked to
agree with the event file. Nothing is parsed from stdout.

Judgement calls:
- Names as printed: ``total_loss``, ``iou_loss``, ``l1_loss``, ``conf_loss``, ``cls_loss``,
  ``lr`` (the tags' last part), and the COCO rows as ``_coco_rows`` names them (the printed
  query without its padding, ``Average Precision (AP) @[IoU=0.50:0.95|area=all|maxDets=100]``),
  ``-1.000`` a value as pycocotools keeps it. ``lr`` is a metric here: YOLOX records it.
  ``l1_loss`` 0 in the first epoch is printed and recorded: a value.
- Axis: ``step`` for the training values (the event file's ``progress_in_iter``; the line
  prints ``iter: 2/4`` within its epoch), ``epoch`` 1-based for the evaluations (as printed,
  ``epoch: 1/2``; the event file's step).
- Tolerances: losses ``{:.1f}`` -> 0.05 absolute (plus 1e-6 relative, float32); ``lr``
  ``{:.3e}`` -> ``rel_tolerance`` 5e-4; the COCO rows ``%0.3f`` -> 5e-4; ``file_metrics``
  (every scalar tag of the event file under its tag at its own step) 1e-6 relative.
- ``also_ok``: ``iter_time``, ``data_time``, ``ETA`` and tqdm's ``it/s`` (timing), ``gpu_mem``
  and ``mem`` (memory use): printed, kept in no record.
- Not metrics: ``size: 128`` (the input size, a setting that multi-scale training changes),
  the ``Average forward/NMS/inference time`` line (timing), the per-class AP/AR tables
  (per-class results under ``per class AP:``; the overall figures are the summary rows), the
  closing ``best AP is 0.00`` (a running best printed again), the model summary's parameter
  and FLOP counts, pycocotools' ``DONE (t=0.02s)`` and ``COCOeval_opt``'s timings.
- Determinism: ``exp.seed`` makes train.py seed ``random`` and torch (with its ``You have
  chosen to seed training`` warning); the case seeds numpy, which the HSV jitter uses; data
  loads in the main process. The values repeat run to run; the times do not.
"""
# zoo-venv: yolox

import importlib.machinery
import runpy
import sys
from pathlib import Path

import numpy as np
import torch
from _coco_images import write_coco
from _coco_rows import BOX_ROWS, row_name
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id

SOURCE = "Megvii-BaseDetection/YOLOX"
COMMIT = "6ddff4824372906469a7fae2dc3206c7aa4bbaee"
DESCRIBE = "0.3.0-38-g6ddff48"
EPOCHS, BATCH, TRAIN_IMAGES, VAL_IMAGES = 2, 4, 16, 8
EXP_NAME = "yolox_nano_shapes"
PRINT_INTERVAL = 2
LOSS_ABS, LR_REL, COCO_ABS, FLOAT32 = 0.05, 5e-4, 5e-4, 1e-6
ALSO_OK = ["iter_time", "data_time", "gpu_mem", "mem", "ETA", "it/s"]

# the installed package's modules the case changes as they are imported: module -> (its git
# blob id at COMMIT, {stock line: what runs in its place}); every other module runs as
# installed. Each stock line is found exactly once.
CHANGES = {
    "yolox.core.trainer": ("8f8016e578bf070335d5158cf9b51e176d66300b", {
        # CPU: the model stays on the CPU, no CUDA device to select
        '        self.device = "cuda:{}".format(self.local_rank)\n':
            '        self.device = "cpu"  # zoo: CPU (was "cuda:{}".format(self.local_rank))\n',
        "        torch.cuda.set_device(self.local_rank)\n":
            "        pass  # zoo: CPU (was torch.cuda.set_device(self.local_rank))\n",
        # DataPrefetcher copies each batch to the GPU on a CUDA stream: on the CPU the
        # loader's batches are used as they come
        "        self.prefetcher = DataPrefetcher(self.train_loader)\n":
            "        self.prefetcher = iter(self.train_loader)  # zoo: CPU (was"
            " DataPrefetcher(self.train_loader))\n",
        "        inps, targets = self.prefetcher.next()\n":
            "        inps, targets, _, _ = next(self.prefetcher)  # zoo: CPU (was"
            " self.prefetcher.next())\n",
    }),
    "yolox.evaluators.coco_evaluator": ("e218c745624e5330dbae37dcac60f83052bf2f31", {
        "        tensor_type = torch.cuda.HalfTensor if half else torch.cuda.FloatTensor\n":
            "        tensor_type = torch.HalfTensor if half else torch.FloatTensor"
            "  # zoo: CPU (was torch.cuda.*)\n",
        "        statistics = torch.cuda.FloatTensor([inference_time, nms_time, n_samples])\n":
            "        statistics = torch.FloatTensor([inference_time, nms_time, n_samples])"
            "  # zoo: CPU (was torch.cuda.FloatTensor)\n",
        # the record: the twelve numbers summarize() just printed (a line added, none changed)
        "            info += redirect_string.getvalue()\n":
            "            info += redirect_string.getvalue()\n"
            "            ZOO_RECORD.append([float(x) for x in cocoEval.stats])"
            "  # zoo: the record\n",
    }),
}
TRAIN_PY_BLOB = "aa98bba305e5c2b87206a1a01cff44aede11daa0"  # tools/train.py = yolox.tools.train

coco_stats: list[list[float]] = []


def changed(text: str, lines: dict[str, str]) -> str:
    for stock, replacement in lines.items():
        assert text.count(stock) == 1, stock
        text = text.replace(stock, replacement)
    return text


class ChangedLoader(importlib.machinery.SourceFileLoader):
    """Compiles the installed file with the case's lines (never its cached bytecode)."""

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        text = Path(path).read_text(encoding="utf-8")
        blob, lines = CHANGES[fullname]
        if git_blob_id(text) != blob:
            sys.exit(f"{path} is not {SOURCE}'s at {COMMIT}")
        return compile(changed(text, lines), path, "exec", dont_inherit=True)

    def exec_module(self, module):
        module.ZOO_RECORD = coco_stats
        super().exec_module(module)


class ChangedFinder:
    def find_spec(self, fullname, path, target=None):
        if fullname not in CHANGES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        spec.loader = ChangedLoader(fullname, spec.origin)
        return spec


def main() -> None:
    import yolox

    train_py = Path(yolox.__file__).parent / "tools" / "train.py"
    if git_blob_id(train_py.read_text(encoding="utf-8")) != TRAIN_PY_BLOB:
        sys.exit(f"{train_py} is not {SOURCE}'s tools/train.py at {COMMIT}")
    sys.meta_path.insert(0, ChangedFinder())

    write_coco(Path("shapes"), {"train": TRAIN_IMAGES, "val": VAL_IMAGES}, ".jpg", polygons=False)
    Path(f"{EXP_NAME}.py").write_text(EXP_FILE.format(print_interval=PRINT_INTERVAL),
                                      encoding="utf-8")

    np.random.seed(0)  # train.py seeds random and torch (exp.seed); its HSV jitter uses numpy
    sys.argv = ["train.py", "-f", f"{EXP_NAME}.py", "-d", "0", "-b", str(BATCH),
                "--logger", "tensorboard"]
    runpy.run_module("yolox.tools.train", run_name="__main__", alter_sys=True)
    sys.stdout = sys.__stdout__  # setup_logger sent both streams through loguru
    sys.stderr = sys.__stderr__
    from loguru import logger
    logger.complete()
    sys.stdout.flush()
    sys.stderr.flush()

    # --- the truth: the trainer's SummaryWriter event file, and COCOeval.stats ---
    event_files, scalars = tb_folder(f"YOLOX_outputs/{EXP_NAME}/tensorboard")
    iters = TRAIN_IMAGES // BATCH
    logged = [epoch * iters + i for epoch in range(EPOCHS) for i in range(iters)
              if (i + 1) % PRINT_INTERVAL == 0]  # progress_in_iter of each printed line
    metrics = {}
    for name in ("total_loss", "iou_loss", "l1_loss", "conf_loss", "cls_loss", "lr"):
        pairs = scalars[f"train/{name}"]
        assert [step for step, _ in pairs] == logged, (name, pairs)
        metrics[name] = series(pairs, "step", **(
            {"rel_tolerance": LR_REL} if name == "lr" else
            {"tolerance": LOSS_ABS, "rel_tolerance": FLOAT32}))
    assert len(coco_stats) == EPOCHS, coco_stats
    for tag, index in (("val/COCOAP50_95", 0), ("val/COCOAP50", 1)):
        assert [step for step, _ in scalars[tag]] == list(range(1, EPOCHS + 1)), scalars[tag]
        for (_, value), stats in zip(scalars[tag], coco_stats, strict=True):
            assert abs(value - stats[index]) <= FLOAT32 * abs(stats[index]) + 1e-12, (tag, value)
    for index, (kind, iou, area, dets) in enumerate(BOX_ROWS):
        metrics[row_name(kind, iou, area, dets)] = series(
            [(epoch + 1, stats[index]) for epoch, stats in enumerate(coco_stats)], "epoch",
            tolerance=COCO_ABS)
    file_metrics = {tag: series(pairs, "step" if tag.startswith("train/") else "epoch",
                                rel_tolerance=FLOAT32) for tag, pairs in scalars.items()}
    write_truth(
        "yolox", f"{yolox.__version__} (repo {COMMIT[:12]}, {DESCRIBE})",
        f"the Trainer's TensorBoard event file in YOLOX_outputs/{EXP_NAME}/tensorboard "
        "(train/<loss> and train/lr at each printed line, val/COCOAP50 and val/COCOAP50_95 "
        "an evaluation) and, for the COCO rows, COCOeval.stats recorded by a line added to "
        "yolox/evaluators/coco_evaluator.py after the summary is taken",
        metrics, files=event_files, file_metrics=file_metrics, also_ok=ALSO_OK,
        notes=f"{SOURCE} at {COMMIT}, installed from the repository (pip install "
              f"--no-deps --no-build-isolation, torch {torch.__version__}); lines changed "
              "for the CPU as the case's docstring lists; val/COCOAP50_95 and val/COCOAP50 "
              "are COCOeval.stats[0] and [1], never printed under those names")


EXP_FILE = '''import os

from yolox.exp.default.yolox_nano import Exp as YoloxNanoExp


class Exp(YoloxNanoExp):
    def __init__(self):
        super().__init__()
        self.num_classes = 3
        self.data_dir = "shapes"
        self.input_size = (128, 128)
        self.test_size = (128, 128)
        self.max_epoch = 2
        self.warmup_epochs = 1
        self.no_aug_epochs = 0
        self.eval_interval = 1
        self.print_interval = {print_interval}
        self.data_num_workers = 0
        self.seed = 0
        self.test_conf = 1e-5
        self.exp_name = os.path.split(os.path.realpath(__file__))[1].split(".")[0]
'''

if __name__ == "__main__":
    main()
