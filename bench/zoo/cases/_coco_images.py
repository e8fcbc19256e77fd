"""Shared by the zoo's detection cases (``torchvision_detection_ref``, ``detr_train``): a
tiny synthetic data set in COCO's layout, coloured rectangles on grey noise, one category a
colour, made the same way from a seeded generator."""

from __future__ import annotations

import json
import random
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 64
CATEGORIES = [(1, "red", (220, 30, 30)), (2, "green", (30, 200, 30)), (3, "blue", (40, 40, 220))]


def write_coco(root: Path, counts: dict[str, int], suffix: str, polygons: bool) -> None:
    """``<root>/<split>2017/<id:012d><suffix>`` images and
    ``<root>/annotations/instances_<split>2017.json`` for each split's count of images,
    each holding one or two boxes (with their rectangles as polygons when ``polygons``:
    Mask R-CNN's targets); JPEG at quality 95."""
    rng = random.Random(0)
    for split, count in counts.items():
        folder = root / f"{split}2017"
        folder.mkdir(parents=True)
        images, annotations = [], []
        for image_id in range(1, count + 1):
            image = Image.new("RGB", (SIZE, SIZE))
            image.putdata([(v, v, v) for v in (rng.randint(90, 140) for _ in range(SIZE * SIZE))])
            draw = ImageDraw.Draw(image)
            for _ in range(rng.randint(1, 2)):
                category, _, colour = rng.choice(CATEGORIES)
                w, h = rng.randint(18, 40), rng.randint(18, 40)
                x, y = rng.randint(0, SIZE - w), rng.randint(0, SIZE - h)
                draw.rectangle((x, y, x + w - 1, y + h - 1), fill=colour)
                annotation = {"id": len(annotations) + 1, "image_id": image_id,
                              "category_id": category, "bbox": [x, y, w, h],
                              "area": w * h, "iscrowd": 0}
                if polygons:
                    annotation["segmentation"] = [[x, y, x + w, y, x + w, y + h, x, y + h]]
                annotations.append(annotation)
            name = f"{image_id:012d}{suffix}"
            image.save(folder / name, **({"quality": 95} if suffix == ".jpg" else {}))
            images.append({"id": image_id, "file_name": name, "width": SIZE, "height": SIZE})
        (root / "annotations").mkdir(exist_ok=True)
        (root / "annotations" / f"instances_{split}2017.json").write_text(json.dumps(
            {"images": images, "annotations": annotations,
             "categories": [{"id": i, "name": n, "supercategory": "shape"}
                            for i, n, _ in CATEGORIES]}))
