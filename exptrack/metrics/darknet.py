"""Darknet's training lines (pjreddie's and AlexeyAB's YOLO v2 to v4).

Darknet prints each iteration's summary with the values before their names (the
iteration, the batch's loss, its running average, the learning rate, the iteration's
seconds, the images seen so far, the hours left)::

     4: 285.326599, 289.835968 avg, 0.000100 rate, 838.663052 seconds, 256 images
     8001: 0.595442, 0.595442 avg loss, 0.001300 rate, 13.209250 seconds, 512064 images, ...

and before it one line per detection layer (``Region Avg IOU: ...`` in YOLOv2)::

    Region 82 Avg IOU: 0.798363, Class: 0.893232, Obj: 0.700808, No Obj: 0.004567, ...
    v3 (iou loss, Normalizer: (iou: 0.07, obj: 1.00, cls: 1.00) Region 139 Avg (IOU: ...

A layer's values are named as printed, after the layer's index (``Region_82_Avg_IOU``,
``Region_139_total_loss``): three layers print the same names each iteration. The
normaliser's weights are configuration, and ``count`` (the objects in the batch) is a
count; the images seen and the hours left are not measurements of the iteration either.
Nor are the network's table printed as the model loads (``0 conv 16 3 x 3/ 1 ... 0.008
BF``), AlexeyAB's count of the boxes loaded (``total_bbox = 109, rewritten_bbox = 1.83 %``),
and the status it writes before each iteration's line (``\x1b[H\x1b[J1/30: loss=47.2 hours
left=-1.0\x07``: that iteration's loss, rounded to a tenth).
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, STEP

# the texts between an iteration line's numbers
_ITERATION = (": ", ", ", {" avg, ": "avg", " avg loss, ": "avg_loss"}, " rate, ", " seconds, ")
_REGION = re.compile(r"(?:^|\s|\)\s)Region $")  # before a layer's index
_REGION_V2 = re.compile(r"(?:^|\s)(?=Region Avg IOU: $)")  # YOLOv2's one layer
# a value's name in a layer's line: "Avg IOU: ", ", Class: ", " (IOU: ", ", class_loss = "
_NAME = re.compile(r"(?:^|[\s,(])(?P<name>[A-Za-z.][\w.\-]{0,30}(?: [A-Za-z][\w\-]{0,30}){0,2})"
                   r"\s?[:=]\s?$")
_SKIPPED = frozenset({"count", "conf_thresh", "TP", "FP", "FN"})
# the evaluation's summary (``validate_detector_map``, and ``train`` with ``-map``)
_MAP = re.compile(r"^\s*mean[ _]average[ _]precision \((?P<name>mAP@[\d.]{1,6})\) = $")
_AT_THRESHOLD = " for conf_thresh = "  # "..., precision = 0.69, recall = 0.55, F1-score = 0.61"
_PER_CLASS = re.compile(r"^class_id = $")  # "class_id = 0, name = person, ap = 62.31%"
# a row of the network's table, printed as the model loads ("   0 conv     16       3 x 3/ 1
# 96 x  96 x   3 ->   96 x  96 x  16 0.008 BF"): filters, sizes and billions of flops
_LAYER = re.compile(r"\s{0,6}\d{1,4} (?:conv|max|avg|route|upsample|yolo|shortcut|region|reorg"
                    r"|dropout|connected|softmax|scale_channels|sam|local_avg)\b")


def plan(pieces: list[str], text: str) -> tuple[Action, ...] | None:
    """The actions of a Darknet line (``pieces``: its texts at even and numbers at odd
    indices), or None when the line is not one. (Run once per line shape, as ``rules``.)"""
    if (_LAYER.match(text) and "->" in text) or pieces[0] == " total_bbox = " \
            or (": loss=" in text and " hours left=" in text):
        return ()  # the network's table; the boxes loaded so far; the terminal's status
    if pieces[2] == _ITERATION[0]:
        return _iteration(pieces) if len(pieces) >= 13 and not pieces[0].strip() else None
    if "Region " not in text:
        return _evaluation(pieces)
    v2 = _REGION_V2.search(pieces[0])
    if v2 is not None:
        return _region(pieces, 1, "", v2.end())
    for index in range(1, len(pieces) - 2, 2):
        if pieces[index + 1].startswith(" Avg") and pieces[index].isdigit():
            before = _REGION.search(pieces[index - 1])
            if before is not None:
                at = sum(map(len, pieces[:index])) - len("Region ")
                return _region(pieces, index + 2, f"Region_{pieces[index]}_", at)
    return None


def _evaluation(pieces: list[str]) -> tuple[Action, ...] | None:
    found = _MAP.match(pieces[0])
    if found is not None:
        return (Action(METRIC, 1, found.group("name"), source=found.span("name")),)
    if pieces[0] == _AT_THRESHOLD:
        return _region(pieces, 1, "", len(pieces[0]) - len("conf_thresh = "))
    return () if _PER_CLASS.match(pieces[0]) else None


def _iteration(pieces: list[str]) -> tuple[Action, ...] | None:
    average = _ITERATION[2].get(pieces[6])
    if pieces[4] != _ITERATION[1] or average is None or pieces[8] != _ITERATION[3] \
            or pieces[10] != _ITERATION[4] or not pieces[12].startswith(" images"):
        return None
    return (Action(STEP, 1), Action(METRIC, 3, "loss"), Action(METRIC, 5, average),
            Action(METRIC, 7, "rate"), Action(METRIC, 9, "seconds"))


def _region(pieces: list[str], first: int, prefix: str, begin: int) -> tuple[Action, ...]:
    """The layer's values from the number at ``first`` on, named after ``prefix``. The
    first name's text runs from ``begin`` (the layer's word and index: lines of one shape
    for different layers keep their own names), each other's is its own (a span over the
    values between would key the plan on them)."""
    actions = []
    at = sum(map(len, pieces[:first - 1]))  # where the text before each number starts
    group = ""  # "Avg (IOU: 0.71, GIOU: 0.70)": the names inside take the group's word
    for index in range(first, len(pieces), 2):
        text = pieces[index - 1]
        close, opened = text.find(")"), text.rfind("(")
        if close >= 0:
            group = ""
        if opened > close:
            group = text[:opened].split()[-1] if text[:opened].split() else ""
        found = _NAME.search(text)
        if found is not None and found.group("name").rsplit(" ", 1)[-1] not in _SKIPPED:
            name = found.group("name").replace(" ", "_")
            start = begin if index == first else at + found.start("name")
            actions.append(Action(METRIC, index, prefix + (f"{group}_{name}" if group
                                                            else name),
                                  source=(start, at + found.end("name"))))
        at += len(text) + len(pieces[index])
    return tuple(actions)
