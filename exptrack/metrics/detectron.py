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
"""

from __future__ import annotations

import re

# "copypaste: ..." after a logging prefix; the markdown table's heading
COPYPASTE = re.compile(r"\bcopypaste: (?P<body>.{1,400})$")
RESULTS = re.compile(r"\bEvaluation results for (?P<task>[\w\-]{1,40}):\s*$")
_NAME = re.compile(r"^[A-Za-z][\w\-/.@]{0,40}$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?i:nan|inf)$")
MAX_COLUMNS = 64


class Copypaste:
    """The task and header of the ``copypaste:`` lines read so far."""

    __slots__ = ("header", "task")

    def __init__(self) -> None:
        self.task: str | None = None
        self.header: list[str] | None = None

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
