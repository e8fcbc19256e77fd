"""Ultralytics' and YOLOv5's ``results.csv`` (read by ``files``): its columns' names as
the training output prints them, the epochs it did not validate, and YOLOv5's closing row.
Pure functions."""

from __future__ import annotations

import re

from exptrack.metrics.jsonfiles import number

# Ultralytics: results.csv's "metrics/<name>(<B|M|P>)" -> the stdout name's prefix.
_YOLO_PART = {"B": "", "M": "mask_", "P": "pose_"}
# YOLOv5's "metrics/mAP_0.5" and "metrics/mAP_0.5:0.95": as its validation header prints them
# since v7.0 ("mAP50 mAP50-95"; Ultralytics' own results.csv says "mAP50(B)")
_YOLO_RENAME = {"accuracy_top1": "top1_acc", "accuracy_top5": "top5_acc", "precision": "P",
                "recall": "R", "mAP_0.5": "mAP50", "mAP_0.5:0.95": "mAP50-95"}
_YOLO_METRIC = re.compile(r"^metrics/([\w.:\-]+?)(?:\(([BMP])\))?$")


def ultralytics_name(column: str, grouped: bool = False) -> str | None:
    """A results.csv column's metric name, as the training output names it (see
    docs/format.md); None for the columns that are not metrics (``epoch``, ``time``).
    ``grouped``: the file has mask or keypoint columns too, so the box columns are named
    ``box_`` as the others are ``mask_``/``pose_`` (a detection run's are bare)."""
    if column.startswith("train/"):
        return column[len("train/"):] or None
    if column.startswith("val/"):
        return "val_" + column[len("val/"):] if column != "val/" else None
    if column.startswith("lr/"):
        return column
    match = _YOLO_METRIC.match(column)
    if match is None:
        return None
    base, part = match.group(1), match.group(2)
    prefix = "box_" if part == "B" and grouped else _YOLO_PART[part] if part else ""
    return prefix + _YOLO_RENAME.get(base, base)


# YOLOv5's segment/train.py closes with "logger.log_metrics(dict(zip(KEYS[4:16], results)),
# epochs)": its CSV logger appends the epoch and those twelve values alone (the box and mask
# metrics, then the validation losses) to a file whose header has all the columns
_YOLOV5_CLOSING = slice(5, 17)
_YOLOV5_COMMAS = 19  # (its header: the epoch, 4 losses, 8 metrics, 4 validation losses, 3 lrs)


def closing_row_placed(data: bytes, commas: int) -> bytes:
    """YOLOv5's closing row (its validation of ``best.pt``) in the columns it holds, blank
    under the others: read by position, its values sat under the losses'. ``commas``: the
    header's; another file's rows are left as they are."""
    if commas != _YOLOV5_COMMAS:
        return data
    width = _YOLOV5_CLOSING.stop - _YOLOV5_CLOSING.start
    lines = data.split(b"\n")
    for index, line in enumerate(lines[1:], 1):
        if line.count(b",") == width:  # (the epoch and the twelve values)
            cells = line.split(b",")
            row = [cells[0]] + [b""] * commas  # (at the epoch it writes: "epochs", one
            row[_YOLOV5_CLOSING] = cells[1:]  # past the last trained)
            lines[index] = b",".join(row)
    return b"\n".join(lines)


def unvalidated(row: dict[str, str]) -> tuple[str, ...]:
    """The validation columns (``val/``, ``metrics/``) of results.csv's ``row`` when it is
    an epoch Ultralytics did not validate (``val=False``: only the last one is): they hold
    zeros then, the losses too, which no validation gives, so no observations."""
    losses = [number(text) for column, text in row.items()
              if column.startswith("val/") and column.endswith("loss")]
    return ("val/", "metrics/") if losses and all(value == 0 for value in losses) else ()
