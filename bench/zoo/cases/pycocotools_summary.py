"""pycocotools' ``COCOeval`` (the COCO evaluator every detection code base calls: DETR's and
torchvision's detection references, YOLOX, PaddleDetection, MMDetection and Detectron2
before their own records) on a synthetic val set of 12 images with boxes, masks and
keypoints of small, medium and large objects, and detections near them (some missed, some
spurious), evaluated as DETR's and torchvision's ``CocoEvaluator`` does after an epoch: for
each IoU type, ``IoU metric: bbox`` (their heading), then ``evaluate()``, ``accumulate()``,
``summarize()``: twelve ``Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all |
maxDets=100 ] = 0.352`` rows for boxes and masks, ten for keypoints (maxDets=20, no small
area; the keypoints' OKS sigmas set as a user of custom keypoints sets them). Three
epochs' evaluations, the detections drawn closer each time.

Truth: ``COCOeval.stats`` of each evaluation (the twelve or ten numbers the rows print, to
three decimals), named as docs/metrics.md names the rows: the printed query without its
padding (``Average Precision (AP) @[IoU=0.50:0.95|area=all|maxDets=100]``), after the IoU
type when it is not boxes (``segm_``, ``keypoints_``), at the epoch the script printed
before it (``Epoch 2: evaluating``). (``-1.000``: no object of that area in the set, as
pycocotools prints it: a value.)

# zoo-venv: coco
"""

import contextlib
import io
import sys
from importlib.metadata import version

import numpy as np
from _coco_rows import BOX_ROWS, row_name
from _truth import write_truth
from pycocotools import mask as mask_utils
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

rng = np.random.default_rng(0)
SIZE, KEYPOINTS = 128, 5


def box_mask(box: list[float]) -> dict:
    grid = np.zeros((SIZE, SIZE), dtype=np.uint8, order="F")
    x, y, w, h = (max(0, round(v)) for v in box)  # (a detection drawn past the edge)
    grid[y:y + h, x:x + w] = 1
    rle = mask_utils.encode(grid)
    rle["counts"] = rle["counts"].decode("ascii")
    return rle


def points(box: list[float], jitter: float) -> list[float]:
    x, y, w, h = box
    out = []
    for k in range(KEYPOINTS):
        px = x + w * (k + 1) / (KEYPOINTS + 1) + rng.normal(0, jitter)
        py = y + h / 2 + rng.normal(0, jitter)
        out += [float(px), float(py), 2]
    return out


images, annotations = [], []
for image_id in range(1, 13):
    images.append({"id": image_id, "width": SIZE, "height": SIZE, "file_name": f"{image_id}.png"})
    for _ in range(int(rng.integers(1, 4))):
        low, high = ((12, 30), (36, 90), (100, 124))[int(rng.integers(3))]  # COCO's areas
        w, h = (float(v) for v in rng.uniform(low, high, 2))
        x, y = float(rng.uniform(0, SIZE - w)), float(rng.uniform(0, SIZE - h))
        box = [x, y, w, h]
        annotations.append({"id": len(annotations) + 1, "image_id": image_id, "category_id": 1,
                            "bbox": box, "area": w * h, "iscrowd": 0,
                            "segmentation": box_mask(box), "keypoints": points(box, 0.0),
                            "num_keypoints": KEYPOINTS})
dataset = {"images": images, "annotations": annotations,
           "categories": [{"id": 1, "name": "thing", "keypoints": [f"p{k}" for k in range(
               KEYPOINTS)], "skeleton": []}]}
with contextlib.redirect_stdout(io.StringIO()):  # (COCO() prints its own loading lines)
    gt = COCO()
    gt.dataset = dataset
    gt.createIndex()

stats: dict[str, list[np.ndarray]] = {"bbox": [], "segm": [], "keypoints": []}
for epoch, noise in enumerate((9.0, 5.0, 2.0)):
    print(f"Epoch {epoch}: evaluating", flush=True)
    detections = []
    for ann in annotations:
        if rng.random() < 0.15:
            continue  # missed
        box = [float(v + rng.normal(0, noise)) for v in ann["bbox"]]
        box[2], box[3] = max(box[2], 4.0), max(box[3], 4.0)
        detections.append({"image_id": ann["image_id"], "category_id": 1, "bbox": box,
                           "score": float(rng.uniform(0.5, 1.0)),
                           "segmentation": box_mask(box), "keypoints": points(box, noise)})
    for _ in range(4):  # spurious
        box = [float(v) for v in rng.uniform(0, SIZE - 30, 2)] + [25.0, 25.0]
        detections.append({"image_id": int(rng.integers(1, 13)), "category_id": 1, "bbox": box,
                           "score": float(rng.uniform(0.0, 0.6)), "segmentation": box_mask(box),
                           "keypoints": points(box, 20.0)})
    with contextlib.redirect_stdout(io.StringIO()):
        dt = gt.loadRes(detections)
    for iou_type in ("bbox", "segm", "keypoints"):
        print(f"IoU metric: {iou_type}", flush=True)
        evaluator = COCOeval(gt, dt, iou_type)
        evaluator.params.kpt_oks_sigmas = np.full(KEYPOINTS, 0.05)  # (not COCO's 17 people's)
        evaluator.evaluate()
        evaluator.accumulate()
        evaluator.summarize()
        sys.stdout.flush()
        stats[iou_type].append(evaluator.stats.copy())

AREA = {"all": "all", "small": "small", "medium": "medium", "large": "large"}
KEYPOINT_ROWS = [("AP", "0.50:0.95", "all", 20), ("AP", "0.50", "all", 20),
                 ("AP", "0.75", "all", 20), ("AP", "0.50:0.95", "medium", 20),
                 ("AP", "0.50:0.95", "large", 20), ("AR", "0.50:0.95", "all", 20),
                 ("AR", "0.50", "all", 20), ("AR", "0.75", "all", 20),
                 ("AR", "0.50:0.95", "medium", 20), ("AR", "0.50:0.95", "large", 20)]
metrics = {}
for iou_type, rows in (("bbox", BOX_ROWS), ("segm", BOX_ROWS), ("keypoints", KEYPOINT_ROWS)):
    for index, (kind, iou, area, dets) in enumerate(rows):
        name = row_name(kind, iou, area, dets)
        if iou_type != "bbox":
            name = f"{iou_type}_{name}"
        metrics[name] = {"key": "epoch", "values": [[epoch, float(run[index])]
                                                    for epoch, run in enumerate(stats[iou_type])],
                         "tolerance": 0.0005}
write_truth("pycocotools", version("pycocotools"),
            "COCOeval.stats after summarize(), each IoU type of each evaluation", metrics)
