"""Shared by the cases whose tool prints pycocotools' COCOeval summary (``pycocotools_summary``,
torchvision's detection reference, PaddleDetection, YOLOv6): its twelve box rows and the name
each is recorded under, as printed with its spaces taken out (``Average Precision (AP)
@[IoU=0.50:0.95|area=all|maxDets=100]``).

Not a case itself (its name starts with ``_``); imported as ``from _coco_rows import ...``.
"""

from __future__ import annotations

# (kind, IoU, area, maxDets) of each row of ``COCOeval.summarize()`` for boxes, in its order
BOX_ROWS = [("AP", "0.50:0.95", "all", 100), ("AP", "0.50", "all", 100),
            ("AP", "0.75", "all", 100), ("AP", "0.50:0.95", "small", 100),
            ("AP", "0.50:0.95", "medium", 100), ("AP", "0.50:0.95", "large", 100),
            ("AR", "0.50:0.95", "all", 1), ("AR", "0.50:0.95", "all", 10),
            ("AR", "0.50:0.95", "all", 100), ("AR", "0.50:0.95", "small", 100),
            ("AR", "0.50:0.95", "medium", 100), ("AR", "0.50:0.95", "large", 100)]
_WORDS = {"AP": "Average Precision", "AR": "Average Recall"}


def row_name(kind: str, iou: str, area: str, dets: int) -> str:
    """The row's printed label without its padding: its metric's name."""
    return f"{_WORDS[kind]} ({kind}) @[IoU={iou}|area={area}|maxDets={dets}]"
