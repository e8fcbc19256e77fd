"""Ultralytics' benchmark table (``yolo benchmark``, ``model.benchmark()``), read exactly.

After ``Benchmarks complete for best.pt on coco8.yaml at imgsz=640 (59.65s)`` Ultralytics
prints a pandas table of the export formats it tried, one row each::

          Format Status❔  Size (MB)  metrics/mAP50-95(B)  Inference time (ms/im)    FPS
    0    PyTorch       ✅        5.4               0.5101                  398.74   2.51
    3   OpenVINO       ❌        0.0                  NaN                     NaN    NaN

(8.0 has no ``FPS`` column; 8.3 prints ``-`` for a format that failed; the newest releases
draw the same table in a ``+---+`` box.) Each column after ``Size (MB)`` is one series over
the rows, in printed order: the metric as printed (``metrics/mAP50-95(B)``, ``(M)`` for
masks, ``metrics/accuracy_top1``), ``Inference_time_(ms/im)`` and ``FPS``. A row is an
export format, not a step, so the values carry none. Not recorded: the file's size, the
row's index, format and status, and a cell that failed (``NaN``, ``-``): no measurement
was made. A table printed again with no ``Benchmarks complete`` line before it (the
logger's copy, then ``print(results)``) repeats the rows it shares with the one before: those
are not new observations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exptrack.metrics.forms import DECIMAL
from exptrack.metrics.tables import header_name

# the header: its format and status columns, the size, then the metric columns; each
# repetition over a different character class or ended by a literal: linear
_HEADER = re.compile(r"[|\s]*Format\s+Status\S*\s+Size \(MB\)\s+(?P<metric>\S+)"
                     r"\s+(?P<time>Inference time \(ms/im\))(?P<fps>\s+FPS)?[\s|]*")
_BORDER = re.compile(r"\s*\+[-=+]*\+?\s*")  # a box's rule: "+-----+", "+=====+"
_NUMBER = re.compile(DECIMAL)
_FAILED = frozenset({"NaN", "nan", "-"})
MARKER = b"Inference time (ms/im)"  # what a chunk that holds a header shows
DONE = "Benchmarks complete for "  # the line before each new benchmark's table
DONE_MARKER = DONE.encode()


class BenchTable:
    """Reads one benchmark table after another: ``take`` a line, get what it reports."""

    def __init__(self) -> None:
        self._names: tuple[str, ...] = ()  # the open table's metric columns; () when none
        self._rows: list[list[str]] = []  # the numbers of each row of the table
        self._before: list[list[str]] = []  # the table before, when this one may repeat it

    @property
    def open(self) -> bool:
        return bool(self._names)

    def take(self, text: str) -> Sequence[tuple[str, float]] | None:
        """A header, a rule or a row of the table (what it reports: () for all but a row),
        or None: not the table's (a line that ends it)."""
        if text.startswith(DONE):
            self._names, self._rows = (), []  # a new benchmark: no table repeats before it
            return None
        header = _HEADER.fullmatch(text) if "(ms/im)" in text else None
        if header is not None:
            self._names = (header.group("metric"), header_name(header.group("time")),
                           *(("FPS",) if header.group("fps") else ()))
            self._before, self._rows = self._rows, []
            return ()
        if not self._names:
            return None
        if _BORDER.fullmatch(text):
            return ()
        cells = text.strip().strip("|").split()
        width = len(self._names) + 1  # the size, then the metrics
        if len(cells) <= width or _NUMBER.fullmatch(cells[-width]) is None \
                or not all(c in _FAILED or _NUMBER.fullmatch(c) for c in cells[1 - width:]):
            self._names = ()
            return None
        numbers = cells[1 - width:]
        self._rows.append(numbers)
        if len(self._rows) <= len(self._before) and self._before[len(self._rows) - 1] == numbers:
            return ()  # the row of the table before, printed again
        return [(name, float(cell)) for name, cell in zip(self._names, numbers, strict=True)
                if cell not in _FAILED]
