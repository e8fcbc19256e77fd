"""Detectron2's evaluation results.

After an evaluation Detectron2 prints each task's results twice: a markdown table under
``Evaluation results for bbox:`` (rounded to three places, followed by a per-category
table) and then, for every task, its ``copypaste:`` lines::

    ... d2.evaluation.testing INFO: copypaste: Task: bbox
    ... d2.evaluation.testing INFO: copypaste: AP,AP50,AP75,APs,APm,APl
    ... d2.evaluation.testing INFO: copypaste: 25.1930,42.7338,26.5965,1.7945,10.7670,30.0910

Both name the values as Detectron2's own ``metrics.json`` does: by task (``bbox/AP``,
``segm/AP50``). The ``copypaste:`` lines are the record, at full precision: the parser holds
a table's values until then, and records them only when no copypaste line comes before the
next step (cvpods and other forks print the tables alone). Pure: the parser keeps one
``Copypaste`` and feeds it the lines the plans flag (``lineplan``).

Before them pycocotools' own summary (``COCOeval.summarize``) is printed, twelve rows::

     Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.026

It is the only record of PaddleDetection, DETR, YOLOX, torchvision's references: each row is
a metric named as printed without its spaces (``AP@[IoU=0.50:0.95|area=all|maxDets=100]``),
after the annotation type when it is not boxes (``segm_``, ``keypoints_``: pycocotools'
``Evaluate annotation type *segm*``, DETR's ``IoU metric: segm``). The parser holds the rows
until the next line: when that is Detectron2's tables or copypaste, or MMDetection's
``bbox_mAP_copypaste:`` followed by its ``coco/bbox_mAP: ...`` keys, the framework records
the same values under its own names and the rows are dropped (each quantity once).
"""

from __future__ import annotations

import re

from exptrack.metrics.forms import DECIMAL

# "copypaste: ..." after a logging prefix; the markdown table's heading
COPYPASTE = re.compile(r"\bcopypaste: (?P<body>.{1,400})$")
RESULTS = re.compile(r"\bEvaluation results for (?P<task>[\w\-]{1,40}):\s*$")
_NAME = re.compile(r"^[A-Za-z][\w\-/.@]{0,40}$")
_NUMBER = re.compile(rf"^{DECIMAL}$|^[+-]?(?i:nan|inf)$")
MAX_COLUMNS = 64
# a pycocotools summary row, after an optional log prefix; its query is its name
SUMMARY_ROW = re.compile(
    r"^.{0,200}?Average (?:Precision|Recall)\s{1,8}\((?P<kind>AP|AR)\) @\[ "
    r"(?P<query>IoU=[\d.:]{1,12}\s{0,12}\| area=\s{0,12}[a-z]{1,12} \| maxDets=\s{0,8}\d{1,6})"
    r" \] = -?\d{1,3}\.\d{1,12}\s*$")
_SUMMARY_WORDS = {"AP": "Average Precision", "AR": "Average Recall"}
_SUMMARY_NAMES = tuple(f"{words} ({kind}) @[" for kind, words in _SUMMARY_WORDS.items())
# "Evaluate annotation type *segm*" (pycocotools), "IoU metric: segm" (DETR)
SUMMARY_TYPE = re.compile(
    r"(?:\bEvaluate annotation type \*|^IoU metric: )(?P<type>[a-z]{1,20})\*?\s*$")
# MMDetection's "bbox_mAP_copypaste: 0.165 0.301 ...": its values unnamed; the summary is
# recorded by its own keys on a line after it ("coco/bbox_mAP: 0.1650", mmdet 2's
# "bbox_mAP: 0.2130"), when that line comes (a log cut after the copypaste has the rows alone)
MMDET_COPYPASTE = re.compile(r"\b[a-z]{1,20}_mAP_copypaste(?:: |', ')")
MMDET_KEY = re.compile(r"(?:^|/)[a-z]{1,20}_mAP(?:_\w{1,4})?$")


class Copypaste:
    """The task and header of the ``copypaste:`` lines read so far."""

    __slots__ = ("header", "summary", "task")

    def __init__(self) -> None:
        self.task: str | None = None
        self.header: list[str] | None = None
        self.summary: str | None = None  # the annotation type of pycocotools' summary

    def line(self, text: str) -> list[tuple[str, float]]:
        """The (name, value) pairs of one ``copypaste:`` line (a row of values), else []."""
        found = COPYPASTE.search(text.rstrip("\r\n"))
        if found is None:
            return []
        body = found.group("body").strip()
        if body.startswith("Task:"):
            self.task, self.header = body[5:].strip() or None, None
            return []
        cells = [cell.strip() for cell in body.split(",")]
        if len(cells) > MAX_COLUMNS:
            return []
        if all(_NAME.match(cell) for cell in cells):
            self.header = cells
            return []
        if self.header is None or len(cells) != len(self.header) \
                or not all(_NUMBER.match(cell) for cell in cells):
            return []
        prefix = f"{self.task}/" if self.task else ""
        return [(prefix + name, float(cell)) for name, cell in zip(self.header, cells,
                                                                    strict=True)]


def task(line: str) -> str | None:
    """The task of an ``Evaluation results for bbox:`` heading."""
    found = RESULTS.search(line.rstrip("\r\n")[-80:])
    return found.group("task") if found else None


def summary_row(text: str) -> tuple[str, tuple[int, int]] | None:
    """(name, where the query is) of a pycocotools summary row, else None."""
    found = SUMMARY_ROW.match(text) if "@[ IoU=" in text else None
    if found is None:
        return None
    query = "".join(found.group("query").split())
    kind = found.group("kind")
    return f"{_SUMMARY_WORDS[kind]} ({kind}) @[{query}]", found.span("query")


def is_summary(name: str) -> bool:
    """Is ``name`` a pycocotools summary row's (as ``summary_row`` names it)?"""
    return name.startswith(_SUMMARY_NAMES)


def summary_type(text: str) -> str | None:
    """The annotation type a pycocotools summary that follows is of ("bbox", "segm")."""
    found = SUMMARY_TYPE.search(text.rstrip("\r\n")) if "*" in text or "IoU" in text else None
    return found.group("type") if found else None


def typed(name: str, kind: str | None) -> str:
    """A summary row's name for its annotation type: boxes' unprefixed."""
    return name if kind in (None, "bbox") else f"{kind}_{name}"
