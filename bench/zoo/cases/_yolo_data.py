"""Shared by the Ultralytics zoo cases: synthetic data, the training call, ``truth.yaml``.

Not a case itself (its name starts with ``_``). A case runs with the framework venv's
python in an empty temp cwd; Python puts the case's folder first on ``sys.path``, so
``import _yolo_data`` finds this file. Nothing is downloaded: the model comes from its
``.yaml``, the images are drawn here, ``YOLO_OFFLINE=1`` and ``plots=False`` (plots fetch a
font).
"""

from __future__ import annotations

import csv
import math
import os
import random
import shutil
from pathlib import Path
from typing import Any

os.environ.setdefault("YOLO_OFFLINE", "1")
# Ultralytics keeps a settings file; keep it inside the case's cwd, not the user's home
os.environ.setdefault("YOLO_CONFIG_DIR", str(Path.cwd() / "yolo-config"))

import numpy as np
import yaml
from PIL import Image, ImageDraw

CLASSES = ("red", "green")
COLOURS = ((220, 30, 30), (30, 200, 30))
SEED = 0
EPOCHS = 3
# printed formats: the epoch bar's losses "%11.4g", the validation "all" row "%11.3g";
# results.csv rounds to 5 decimals (FILE_ABS: a tiny mAP printed "0.000149" is "0.00015"
# there, the truth itself this far off)
LOSS_REL = 5.1e-4
METRIC_REL = 5.1e-3
FILE_REL = 5e-6
FILE_ABS = 5e-6

# results.csv / trainer.metrics keys -> the names exptrack records (the zoo contract)
_SUFFIX = {"(B)": "", "(M)": "mask_", "(P)": "pose_"}
# the Speed line's ms per image ("0.0ms loss": the loss's time, "speed_loss")
_ALSO_OK = ["it/s", "GPU_mem", "speed_preprocess", "speed_inference", "speed_loss",
            "speed_postprocess"]
_PRINTED = {"precision": "P", "recall": "R"}  # as the validation header prints them


def metric_name(key: str, grouped: bool = False) -> str | None:
    """A results.csv column or trainer.metrics key -> its contract name (None: not one).
    ``grouped``: the run has mask or keypoint columns, so its box ones are ``box_P``, ..."""
    if key in ("epoch", "time", "fitness"):
        return None
    if key.startswith("train/"):
        return key[len("train/"):]
    if key.startswith("val/"):
        return "val_" + key[len("val/"):]
    if key.startswith("lr/"):
        return key
    if key == "metrics/accuracy_top1":
        return "top1_acc"
    if key == "metrics/accuracy_top5":
        return "top5_acc"
    if key.startswith("metrics/") and key[-3:] in _SUFFIX:
        base = key[len("metrics/"):-3]
        prefix = "box_" if grouped and key[-3:] == "(B)" else _SUFFIX[key[-3:]]
        return prefix + _PRINTED.get(base, base)
    raise ValueError(f"unknown Ultralytics metric key {key!r}")


def _shapes(rng: random.Random, size: int) -> list[tuple[int, int, int, int, int]]:
    """One or two non-overlapping boxes (class, x0, y0, x1, y1) in a ``size`` image: big
    ones, so that a model trained from scratch for seconds finds some."""
    boxes: list[tuple[int, int, int, int, int]] = []
    for cls in rng.sample(range(len(CLASSES)), rng.choice((1, 1, 2))):
        for _ in range(20):
            low, high = size * 3 // 8, size * 3 // 4
            w, h = rng.randint(low, high), rng.randint(low, high)
            x0, y0 = rng.randint(0, size - w - 1), rng.randint(0, size - h - 1)
            box = (cls, x0, y0, x0 + w, y0 + h)
            if all(x0 >= b[3] or b[1] >= x0 + w or y0 >= b[4] or b[2] >= y0 + h
                   for b in boxes):
                boxes.append(box)
                break
    return boxes


def _draw(boxes: list[tuple[int, int, int, int, int]], size: int, ellipse: bool,
          rng: random.Random) -> Image.Image:
    noise = np.asarray([[rng.randint(90, 140) for _ in range(size)] for _ in range(size)],
                       dtype=np.uint8)
    image = Image.fromarray(np.stack([noise] * 3, axis=-1))
    draw = ImageDraw.Draw(image)
    for cls, x0, y0, x1, y1 in boxes:
        (draw.ellipse if ellipse else draw.rectangle)((x0, y0, x1, y1), fill=COLOURS[cls])
    return image


def _ellipse(x0: int, y0: int, x1: int, y1: int, points: int = 16) -> list[tuple[float, float]]:
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    return [(cx + rx * math.cos(2 * math.pi * i / points),
             cy + ry * math.sin(2 * math.pi * i / points)) for i in range(points)]


def yolov5_font() -> None:
    """YOLOv5 (its repository's scripts) fetches Arial.ttf into its config folder at run
    time, which nothing here may download: a config folder in the cwd holding matplotlib's
    bundled DejaVuSans as that file (``YOLOV5_CONFIG_DIR``), set for the run's children."""
    import matplotlib  # (only for its bundled font file)

    config = Path.cwd() / "yolov5-config"
    config.mkdir(exist_ok=True)
    shutil.copy(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf",
                config / "Arial.ttf")
    os.environ["YOLOV5_CONFIG_DIR"] = str(config)


def make_dataset(task: str, size: int = 64, train: int = 16, val: int = 8) -> str:
    """Write the synthetic data set for ``task``; returns what ``train(data=...)`` takes."""
    rng = random.Random(SEED)
    root = Path.cwd() / "shapes"
    if task == "classify":
        for split, count in (("train", train), ("val", val)):
            for i in range(count):
                cls = i % len(CLASSES)
                folder = root / split / CLASSES[cls]
                folder.mkdir(parents=True, exist_ok=True)
                boxes = [(cls, *_shapes(rng, size)[0][1:])]
                _draw(boxes, size, ellipse=bool(i % 3 == 0), rng=rng).save(folder / f"{i}.png")
        return str(root)
    for split, count in (("train", train), ("val", val)):
        (root / "images" / split).mkdir(parents=True, exist_ok=True)
        (root / "labels" / split).mkdir(parents=True, exist_ok=True)
        for i in range(count):
            boxes = _shapes(rng, size)
            ellipse = task == "segment"
            _draw(boxes, size, ellipse, rng).save(root / "images" / split / f"{i}.png")
            rows = []
            for cls, x0, y0, x1, y1 in boxes:
                box = ((x0 + x1) / 2 / size, (y0 + y1) / 2 / size,
                       (x1 - x0) / size, (y1 - y0) / size)
                if task == "segment":
                    values = [v / size for point in _ellipse(x0, y0, x1, y1) for v in point]
                elif task == "pose":  # the four corners, visible
                    corners = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
                    values = [*box, *(v for x, y in corners for v in (x / size, y / size, 2))]
                else:
                    values = list(box)
                rows.append(" ".join([str(cls), *(f"{v:.6f}" for v in values)]))
            (root / "labels" / split / f"{i}.txt").write_text("\n".join(rows) + "\n")
    lines = [f"path: {root}", "train: images/train", "val: images/val", "names:",
             *(f"  {i}: {name}" for i, name in enumerate(CLASSES))]
    if task == "pose":
        lines += ["kpt_shape: [4, 3]", "flip_idx: [1, 0, 3, 2]"]
    data = Path.cwd() / "shapes.yaml"
    data.write_text("\n".join(lines) + "\n")
    return str(data)


def train(model_yaml: str, task: str, imgsz: int = 64, train_images: int = 32,
          model_class: str = "YOLO", validate: bool = False, **settings: Any) -> None:
    """Train ``model_yaml`` on the synthetic set for ``task`` and write ``truth.yaml``.

    A big learning rate with no warm-up and an optimizer step every batch (``nbs`` =
    ``batch``), so that three short epochs move the validation metrics off zero.
    ``validate``: then ``model.val()``, as Ultralytics' quickstart does after training (one
    more validation of the best weights, its ``results_dict`` one more observation)."""
    import ultralytics

    data = make_dataset(task, size=imgsz, train=train_images)
    # YOLO or RTDETR (RT-DETR takes no task: it only detects)
    model_type = getattr(ultralytics, model_class)
    model = model_type(model_yaml, task=task) if model_class == "YOLO" else model_type(model_yaml)
    options: dict[str, Any] = dict(
        data=data, epochs=EPOCHS, imgsz=imgsz, batch=4, nbs=4, workers=0, device="cpu",
        seed=SEED, deterministic=True, plots=False, amp=False, exist_ok=True,
        optimizer="SGD", lr0=0.05, warmup_epochs=0,
        project=str(Path.cwd() / "runs" / task), name="train")
    options.update(settings)
    model.train(**options)
    trainer = model.trainer
    assert trainer is not None
    finals = [dict(trainer.metrics)]
    if validate:
        checked = model.val(data=data, imgsz=imgsz, batch=4, workers=0, device="cpu",
                            plots=False, project=str(Path.cwd() / "runs" / task), name="val")
        finals.append(dict(checked.results_dict))
    write_truth(Path(trainer.csv), finals, ultralytics.__version__)


def write_truth(results_csv: Path, finals: list[dict[str, Any]], version: str) -> None:
    """``truth.yaml`` from results.csv (one row an epoch) and the closing validation of
    best.pt (``trainer.metrics``), and any validation after it (``model.val()``): one more
    observation each of each validation metric, at no epoch (it evaluates the best epoch's
    weights). ``metrics`` holds what stdout prints;
    ``file_metrics`` what only results.csv keeps (validation losses, learning rates), for
    readers of the file."""
    with open(results_csv, newline="") as handle:
        rows = [{k.strip(): v for k, v in row.items()} for row in csv.DictReader(handle)]
    metrics: dict[str, dict[str, Any]] = {}
    file_metrics: dict[str, dict[str, Any]] = {}
    grouped = any(key.endswith(("(M)", "(P)")) for key in (rows[0] if rows else {}))
    for row in rows:
        epoch = int(float(row["epoch"]))
        # an epoch not validated (val=False: only the last one is) has zeros in every
        # validation column, its losses too: placeholders, no measurement
        losses = [float(v) for k, v in row.items() if k.startswith("val/") and k.endswith("loss")]
        validated = not losses or any(losses)
        for key, text in row.items():
            name = metric_name(key, grouped)
            if name is None or (not validated and key.startswith(("val/", "metrics/"))):
                continue
            printed = key.startswith(("train/", "metrics/"))
            group = metrics if printed else file_metrics
            entry = group.setdefault(name, {"key": "epoch", "values": [],
                                            "rel_tolerance": _tolerance(key),
                                            "tolerance": FILE_ABS})
            entry["values"].append([epoch, float(text)])
    for final in finals:
        for key, value in final.items():
            name = metric_name(key, grouped)
            if name is not None:
                metrics[name]["values"].append([None, float(value)])
    cwd = Path.cwd()
    truth = {
        "framework": "ultralytics",
        "version": version,
        "source": "results.csv + model.trainer.metrics (the closing validation of best.pt)"
                  + (" + model.val()'s results_dict" if len(finals) > 1 else ""),
        "files": [str(results_csv.relative_to(cwd))],
        "metrics": metrics,
        "file_metrics": file_metrics,
        "also_ok": [name for name in _ALSO_OK if name not in metrics],
    }
    with open(cwd / "truth.yaml", "w", encoding="utf-8") as handle:
        yaml.safe_dump(truth, handle, sort_keys=False, default_flow_style=None, width=100)


def _tolerance(key: str) -> float:
    if key.startswith("train/"):
        return LOSS_REL  # the epoch bar's "%11.4g"
    if key.startswith("metrics/"):
        return METRIC_REL  # the validation table's "%11.3g"
    return FILE_REL  # results.csv's own "%.6g"
