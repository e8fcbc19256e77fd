"""Detectron2 ``DefaultTrainer`` as in its Colab tutorial ("Train on a custom dataset"): the
model zoo config ``COCO-Detection/faster_rcnn_R_50_FPN_1x.yaml`` with ``MODEL.WEIGHTS=""``
(random init, nothing downloaded; trunk overridden to a from-scratch ResNet-18 with
GroupNorm, see the config below), ``MODEL.DEVICE="cpu"``, a tiny synthetic COCO-format
dataset (coloured rectangles on noise, 2 categories, small/medium/large boxes) registered
with ``register_coco_instances``, ``SOLVER.MAX_ITER=40``, ``TEST.EVAL_PERIOD=20``, a
``COCOEvaluator`` from ``build_evaluator`` (as tools/train_net.py), ``setup_logger()`` as
the tutorial calls it. Small inputs (``INPUT.MIN_SIZE_*``=160) and
``DATALOADER.NUM_WORKERS=0`` only to run in seconds on 2 CPU cores; printing untouched.

detectron2 is not on PyPI: installed from github:facebookresearch/detectron2 at commit
02b5c4e295e990042a714712c21dc79b731e8833 (``pip install --no-build-isolation -e``, CPU
build; reports version 0.6).

What it prints (default ``PeriodicWriter(period=20)`` with ``CommonMetricPrinter``) at
iterations 19 and 39: ``[12/05 03:09:22 d2.utils.events]:  eta: 0:00:27  iter: 19
total_loss: 1.774  loss_cls: 0.5925  loss_box_reg: 0.4113  loss_rpn_cls: 0.6883
loss_rpn_loc: 0.01282    time: 1.3792  last_time: 1.3552  data_time: 0.0054
last_data_time: 0.0046   lr: 0.00011888``; at each evaluation (after iteration 20 and after
training) the pycocotools summary (`` Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all
| maxDets=100 ] = 0.004``, a fraction, and 6 ``Average Recall`` lines detectron2 does not
record), ``Evaluation results for bbox:`` as a pipe table of AP, AP50, AP75, APs, APm, APl
(percent, ``%.3f``), a ``Per-category bbox AP:`` table (``| red | 0.757 | blue | 0.000 |``)
and ``copypaste:`` lines (``copypaste: 0.3787,2.1040,0.0000,...``, ``%.4f``).

Truth: ``output/metrics.json`` (the ``JSONWriter`` of ``DefaultTrainer.build_writers``),
one JSON object per write, keyed by ``iteration``. Judgments:
- Losses (``total_loss``, ``loss_cls``, ``loss_box_reg``, ``loss_rpn_cls``,
  ``loss_rpn_loc``): the printer and the JSONWriter both write the median over the last 20
  iterations (``latest_with_smoothing_hint``), printed with ``{:.4g}``: rel_tolerance 5e-4.
  Key "step" (metrics.json ``iteration``: 19, 39).
- Evaluation (``bbox/AP``, ``bbox/AP50``, ``bbox/AP75``, ``bbox/APs``, ``bbox/APm``,
  ``bbox/APl`` and per category ``bbox/AP-<name>``): the keys ``EvalHook`` puts in the
  storage (``flattened_results``), in percent; printed in the tables with ``%.3f`` and
  in ``copypaste`` with ``%.4f``: tolerance 5e-4. Key "step" (iteration 19 for the
  periodic evaluation, 40 for the one after training: storage.iter is max_iter in
  ``after_train``). NaN (metrics pycocotools cannot compute) is kept as "nan".
- ``lr``, ``time``, ``data_time``, ``rank_data_time``, ``eta_seconds`` (in metrics.json)
  and ``last_time``, ``last_data_time``, ``eta`` (printed only), ``max_mem`` (printed only
  with CUDA) are learning-rate and timing values: ``also_ok``.
- ``fast_rcnn/*``, ``roi_head/*``, ``rpn/*`` are in metrics.json but never printed
  (the printer shows names with "loss" or "[metric]" only): ``file_metrics``.
"""

import json
import os

import detectron2
import numpy as np
from _truth import series, write_truth
from detectron2.config import get_cfg
from detectron2.data.datasets import register_coco_instances
from detectron2.engine import DefaultTrainer
from detectron2.evaluation import COCOEvaluator
from detectron2.utils.env import seed_all_rng
from detectron2.utils.logger import setup_logger
from PIL import Image

CATEGORIES = ["red", "blue"]
COLOURS = [(220, 40, 40), (40, 40, 220)]


def make_dataset(name: str, count: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    folder = f"data/{name}"
    os.makedirs(folder, exist_ok=True)
    images, annotations = [], []
    for index in range(count):
        pixels = rng.integers(90, 160, size=(160, 160, 3), dtype=np.uint8)
        for _ in range(int(rng.integers(1, 4))):
            category = int(rng.integers(0, 2))
            side = int(rng.choice([20, 48, 110]))  # small / medium / large (COCO areas)
            width, height = side + int(rng.integers(0, 8)), side + int(rng.integers(0, 8))
            x0 = int(rng.integers(0, 160 - width))
            y0 = int(rng.integers(0, 160 - height))
            pixels[y0:y0 + height, x0:x0 + width] = COLOURS[category]
            annotations.append({"id": len(annotations) + 1, "image_id": index + 1,
                                "category_id": category + 1, "bbox": [x0, y0, width, height],
                                "area": width * height, "iscrowd": 0})
        file_name = f"{index:03d}.png"
        Image.fromarray(pixels).save(f"{folder}/{file_name}")
        images.append({"id": index + 1, "file_name": file_name, "width": 160, "height": 160})
    with open(f"data/{name}.json", "w", encoding="utf-8") as handle:
        json.dump({"images": images, "annotations": annotations,
                   "categories": [{"id": i + 1, "name": n} for i, n in enumerate(CATEGORIES)]},
                  handle)
    register_coco_instances(name, {}, f"data/{name}.json", folder)


class Trainer(DefaultTrainer):
    @classmethod
    def build_evaluator(cls, cfg, dataset_name):  # type: ignore[override]
        return COCOEvaluator(dataset_name, output_dir=os.path.join(cfg.OUTPUT_DIR, "inference"))


setup_logger()
seed_all_rng(0)
make_dataset("shapes_train", 16, 0)
make_dataset("shapes_val", 6, 1)

cfg = get_cfg()
# model_zoo.get_config_file() imports pkg_resources, gone from setuptools>=81 (the venv has
# 84): the same file, found where get_config_file looks (detectron2/model_zoo/configs)
CONFIGS = os.path.join(os.path.dirname(detectron2.__file__), "model_zoo", "configs")
cfg.merge_from_file(os.path.join(CONFIGS, "COCO-Detection", "faster_rcnn_R_50_FPN_1x.yaml"))
cfg.MODEL.WEIGHTS = ""
cfg.MODEL.DEVICE = "cpu"
# from scratch as the Misc/scratch_* configs do (GroupNorm, nothing frozen: FrozenBN with
# random weights diverges), on a ResNet-18 trunk to run on 2 CPU cores
cfg.MODEL.RESNETS.DEPTH = 18
cfg.MODEL.RESNETS.RES2_OUT_CHANNELS = 64
cfg.MODEL.RESNETS.NORM = "GN"
cfg.MODEL.BACKBONE.FREEZE_AT = 0
cfg.MODEL.ROI_HEADS.NUM_CLASSES = len(CATEGORIES)
cfg.MODEL.ROI_HEADS.BATCH_SIZE_PER_IMAGE = 128
cfg.DATASETS.TRAIN = ("shapes_train",)
cfg.DATASETS.TEST = ("shapes_val",)
cfg.DATALOADER.NUM_WORKERS = 0
cfg.INPUT.MIN_SIZE_TRAIN = (160,)
cfg.INPUT.MAX_SIZE_TRAIN = 256
cfg.INPUT.MIN_SIZE_TEST = 160
cfg.INPUT.MAX_SIZE_TEST = 256
cfg.SOLVER.IMS_PER_BATCH = 2
cfg.SOLVER.BASE_LR = 0.00025
cfg.SOLVER.MAX_ITER = 40
cfg.SOLVER.STEPS = []
cfg.TEST.EVAL_PERIOD = 20
cfg.SEED = 0
os.makedirs(cfg.OUTPUT_DIR, exist_ok=True)

trainer = Trainer(cfg)
trainer.resume_or_load(resume=False)
trainer.train()

path = os.path.normpath(os.path.join(cfg.OUTPUT_DIR, "metrics.json"))
with open(path, encoding="utf-8") as handle:
    records = [json.loads(line) for line in handle if line.strip()]
TIMING = {"lr", "time", "data_time", "rank_data_time", "eta_seconds", "iteration"}
names: list = []
for record in records:
    names += [k for k in record if k not in TIMING and k not in names]
metrics, file_metrics = {}, {}
for name in names:
    pairs = [(r["iteration"], r[name]) for r in records if name in r]
    if "loss" in name:
        metrics[name] = series(pairs, "step", rel_tolerance=5e-4)
    elif name.startswith("bbox/"):
        metrics[name] = series(pairs, "step", tolerance=5e-4)
    else:
        file_metrics[name] = series(pairs, "step")
write_truth("detectron2", detectron2.__version__, f"JSONWriter {path}", metrics, files=[path],
            also_ok=["lr", "time", "data_time", "rank_data_time", "eta_seconds", "eta",
                     "last_time", "last_data_time", "max_mem"],
            notes="detectron2 from github:facebookresearch/detectron2 at commit "
                  "02b5c4e295e990042a714712c21dc79b731e8833 (pip install -e, CPU build)",
            file_metrics=file_metrics)
