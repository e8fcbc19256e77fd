"""Ultralytics YOLO OBB: yolo11n-obb.yaml (the ``yolo11-obb.yaml`` Ultralytics ships, scale
n), synthetic rotated rectangles with their four corners as OBB labels
(``class x1 y1 x2 y2 x3 y3 x4 y4``, normalised), 3 epochs on CPU (lr0=0.1, as yolo_segment:
at lr0=0.05 every box metric stays 0 for three epochs; at 0.1 they move off zero). The same
training call and truth as the other YOLO cases (``_yolo_data``: results.csv + the closing
validation of best.pt); only the data set is OBB-specific, drawn here."""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import _yolo_data
from PIL import ImageDraw


def _rotated_boxes(rng: random.Random, size: int) -> list[tuple[int, list[tuple[float, float]]]]:
    """One or two non-overlapping rotated rectangles (class, four corners) inside a
    ``size`` image: big ones, at any angle, so that seconds of training find some."""
    boxes: list[tuple[int, list[tuple[float, float]]]] = []
    centres: list[tuple[float, float, float]] = []
    for cls in rng.sample(range(len(_yolo_data.CLASSES)), rng.choice((1, 1, 2))):
        for _ in range(40):
            w, h = rng.uniform(size * 0.3, size * 0.6), rng.uniform(size * 0.15, size * 0.35)
            angle = rng.uniform(0, math.pi)
            radius = math.hypot(w, h) / 2
            if radius >= size / 2 - 1:
                continue
            cx, cy = rng.uniform(radius, size - radius), rng.uniform(radius, size - radius)
            if any(math.hypot(cx - x, cy - y) < radius + r for x, y, r in centres):
                continue
            cos, sin = math.cos(angle), math.sin(angle)
            corners = [(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos)
                       for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2),
                                      (-w / 2, h / 2))]
            boxes.append((cls, corners))
            centres.append((cx, cy, radius))
            break
    return boxes


def make_obb_dataset(size: int = 64, train: int = 32, val: int = 8) -> str:
    rng = random.Random(_yolo_data.SEED)
    root = Path.cwd() / "shapes"
    for split, count in (("train", train), ("val", val)):
        (root / "images" / split).mkdir(parents=True, exist_ok=True)
        (root / "labels" / split).mkdir(parents=True, exist_ok=True)
        for i in range(count):
            boxes = _rotated_boxes(rng, size)
            image = _yolo_data._draw([], size, False, rng)  # the noise background
            draw = ImageDraw.Draw(image)
            rows = []
            for cls, corners in boxes:
                draw.polygon(corners, fill=_yolo_data.COLOURS[cls])
                values = [v / size for point in corners for v in point]
                rows.append(" ".join([str(cls), *(f"{v:.6f}" for v in values)]))
            image.save(root / "images" / split / f"{i}.png")
            (root / "labels" / split / f"{i}.txt").write_text("\n".join(rows) + "\n")
    lines = [f"path: {root}", "train: images/train", "val: images/val", "names:",
             *(f"  {i}: {name}" for i, name in enumerate(_yolo_data.CLASSES))]
    data = Path.cwd() / "shapes.yaml"
    data.write_text("\n".join(lines) + "\n")
    return str(data)


def train(model_yaml: str, imgsz: int = 64, **settings: Any) -> None:
    """As ``_yolo_data.train`` (same options), on the OBB data set."""
    from ultralytics import YOLO, __version__

    data = make_obb_dataset(size=imgsz)
    model = YOLO(model_yaml, task="obb")
    options: dict[str, Any] = dict(
        data=data, epochs=_yolo_data.EPOCHS, imgsz=imgsz, batch=4, nbs=4, workers=0,
        device="cpu", seed=_yolo_data.SEED, deterministic=True, plots=False, amp=False,
        exist_ok=True, optimizer="SGD", lr0=0.05, warmup_epochs=0,
        project=str(Path.cwd() / "runs" / "obb"), name="train")
    options.update(settings)
    model.train(**options)
    trainer = model.trainer
    assert trainer is not None
    _yolo_data.write_truth(Path(trainer.csv), [dict(trainer.metrics)], __version__)


if __name__ == "__main__":
    train("yolo11n-obb.yaml", lr0=0.1)
