"""Ultralytics YOLO output, read exactly.

Once a chunk shows the Ultralytics banner (``Ultralytics 8.4.190 🚀 Python-3.11 ...``), or
one of its table headers (output that starts after the banner: an excerpt, a resumed log;
YOLOv5 7.0 prints the same tables), the parser hands every line and progress-bar render
to a ``Recognizer`` first; what it does not claim goes to the default rules. It claims:

- the epoch header ``Epoch GPU_mem box_loss cls_loss dfl_loss Instances Size``: the names
  of the train losses;
- the epoch bar (``1/3  0G  3.978  4.102  0.1181  7  64: 100% ━━━━ 4/4 17.7it/s 0.2s``):
  its ``GPU_mem`` (the number as printed) and the losses of its *final* render, once the
  epoch is over (each render shows the running mean so far; the last one is the epoch's,
  the value ``results.csv`` keeps);
- the validation table: its header (``Class Images Instances Box(P R mAP50 mAP50-95)``,
  ``classes top1_acc top5_acc``) and its ``all`` row; the per-class rows under it are
  claimed and dropped;
- the ``Speed:`` line of a validation or prediction: ``speed_preprocess``,
  ``speed_inference``, ``speed_loss`` and ``speed_postprocess`` per image, in ms (the
  ``speed`` dict Ultralytics keeps them in; ``loss`` alone would join a classifier's train
  loss); YOLOv5's and YOLOv9's words ``pre-process`` and ``NMS`` likewise;
- its own lines whose numbers are not metrics but that the default rules would take for
  some: data-set scans (``... 8 images, 0 backgrounds, 0 corrupt``), ``Overriding
  model.yaml nc=80 with nc=2``, ``Using 16 train, 8 val images for fraction=1.0``. (The
  printed configuration and the model summary are left to the default rules, which
  already skip them.)

Every cell is printed at a fixed width (``%22s`` for a table's label, ``%11s`` for the
rest), which is how a row cut by a terminal's width (``… 0 …``) keeps only its whole cells.
Names: ``box_loss``, ... as in the header; ``P``, ``R``, ``mAP50``, ``mAP50-95`` for boxes
(as the header prints them), ``mask_``/``pose_`` before them for masks and keypoints, and
then ``box_`` before the box ones (``box_P`` beside ``mask_P``, as the header's ``Box(``),
``top1_acc``, ``top5_acc`` for classification. Values carry the epoch as printed (1-based);
the closing validation of ``best.pt`` is one more value at no epoch (it evaluates the best
epoch's weights, not the last epoch's), as is its ``Speed:`` line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from exptrack.metrics import ultrabench
from exptrack.metrics.forms import DECIMAL
from exptrack.metrics.headings import DONE_LINE
from exptrack.metrics.tableprefix import glued_row

if TYPE_CHECKING:
    from exptrack.patterns import UserPattern

_TRIGGER = b"Ultralytics "
_BANNER = re.compile(rb"Ultralytics (?:YOLOv)?\d+\.\d+\.\d+ \S{1,4} Python-\d")
# Ultralytics' (and YOLOv5 7.0's) own table headers: output that starts after the banner
# (an excerpt, a resumed log) is recognised by them
_HEADER = re.compile(
    rb"Epoch +GPU_mem +(?:\w+_)?loss |Class +Images +Instances +(?:\w+\()?P +R |classes +top1_acc ")
# an epoch bar of Ultralytics 8.3+ ("  120/120  1.24G  1.104 ... 256: 81% ━━━━╸── 53"):
# its epoch counter, memory cell, and "━" glyphs after the percentage; anchored at a line
# start, each repetition over a different character class: linear
_GLYPH = "━".encode()
_GLYPH_ROW = re.compile(rb"(?m)^ *\d+/\d+ +\d+(?:\.\d+)?G +[^\n:]{1,200}: *\d{1,3}% " + _GLYPH)
EARLY_BYTES = 1 << 20  # searched for that bar (measured: the search cost 10% of a flood)
_CELL = 11  # "%11s" / "%11.4g" / "%11.3g"
_LABEL = 22  # a validation row's "%22s" label
_ALL_LABEL = f"{'all':>{_LABEL}} "

# the start of every line ``take`` claims: a quick "no" for all others
_FIRST = re.compile(
    r"\s*(?:\d|Epoch\s|Class\s|classes\s|Overriding\s|Using\s|Speed:\s|AutoAnchor:\s"
    r"|\w+:\s+Scanning\s|all\s)")
# "Speed: 0.2ms preprocess, 1.5ms inference, 0.0ms loss, 0.6ms postprocess per image": the
# per-image timings of a validation or prediction, in ms, each named "speed_" and the word
# after its unit ("speed_inference"; "speed_loss" is the loss's time, never the loss)
_SPEED = re.compile(r"(\d+(?:\.\d+)?)ms (preprocess|pre-process|inference|loss|postprocess|NMS)\b")
_TRAIN_ROW = re.compile(r"\s*(?P<epoch>\d+)/\d+\s+\S*G\s")
_ROW_START = re.compile(r"(?<=\S)\s{2,}\d+/\d+\s+\S*G\s")  # renders joined on one line
_NUMBER = re.compile(rf"{DECIMAL}|[+-]?(?i:nan|inf)")
# the validation table's header, or one of Ultralytics' own lines whose numbers the
# default rules would take for metrics ("Overriding model.yaml nc=80 with nc=2", "Using 16
# train, 8 val images for fraction=1.0", a prediction's classes and scores, YOLOv5's
# anchor check)
_OWN_LINE = re.compile(r"\s*(?:(?P<table>Class\s+Images\b|classes\s+top1_acc\b)"
                       r"|Overriding model\.yaml\s|Using \d+ train, \d+ val images\b"
                       r"|\d+: \d+x\d+ "  # a prediction: "0: 64x64 cat 0.34, dog 0.33, 7.0ms"
                       r"|AutoAnchor: )")  # "AutoAnchor: n=9, img_size=320, metric_all=0.508/.."
# What marks a chunk that holds a line the recognizer must see (bars and the validation
# header carry "\r" or ANSI codes, or else their bar's box-drawing glyphs, "━" "─")
_MARKERS = (b"GPU_mem", b"\xe2\x94", b"Overriding model.yaml", b" val images ", b"Scanning ",
            b"Speed: ", b"AutoAnchor: ", b"   all   ", b" epochs completed in ", b"Validating ",
            ultrabench.MARKER, ultrabench.DONE_MARKER)

_GROUPS = {"box": "", "mask": "mask_", "pose": "pose_", "obb": ""}
_BOX_METRICS: tuple[str, ...] = ("P", "R", "mAP50", "mAP50-95")
_COUNTS = frozenset({"images", "instances", "pixels"})
_BOX_COUNTS = 2  # Images, Instances
# the group a task adds after the box columns, told by its train losses
_TASK_GROUP = {"seg_loss": "mask_", "pose_loss": "pose_"}

Found = tuple[str, float, int | None]  # name, value, epoch


def starts(chunk: bytes, early: bool = False) -> bool:
    """Whether ``chunk`` shows the Ultralytics banner, one of its table headers, or, in the
    output's first ``EARLY_BYTES`` (``early``), an epoch bar drawn with its own glyphs (an
    excerpt that starts inside an epoch; later, a header would have shown first)."""
    if _TRIGGER in chunk and _BANNER.search(chunk) is not None:
        return True
    if early and _GLYPH in chunk and _GLYPH_ROW.search(chunk) is not None:
        return True
    if ultrabench.DONE_MARKER in chunk or (ultrabench.MARKER in chunk
                                           and b"Size (MB)" in chunk):
        return True  # its benchmark table (``ultrabench``)
    return (b" Instances " in chunk or b" top1_acc " in chunk) \
        and _HEADER.search(chunk) is not None  # its headers


class _Table(NamedTuple):
    counts: int  # count columns after the label (Images, Instances)
    names: tuple[str, ...]  # metric columns, in order
    cut: bool  # the header was cut by the terminal's width: more columns may follow


class Recognizer:
    """Claims Ultralytics' lines (see the module docstring); returns what they report."""

    def __init__(self, aliases: Mapping[str, str] | None = None,
                 ignore: UserPattern | None = None) -> None:
        self._aliases = aliases or {}
        self._ignore = ignore  # lines the user's configuration ignores
        self._losses: tuple[str, ...] = ()
        self._memory = "GPU_mem"
        self._task_group = ""
        self.epoch: int | None = None
        self.bar: list[Found] = []  # the epoch bar's latest render, sent when the epoch ends
        self._table: _Table | None = None
        self._all_seen = False
        self._bench = ultrabench.BenchTable()

    def take(self, text: str) -> Sequence[Found] | None:
        """A line or a render (no ANSI codes): what it reports, or None when it is not
        Ultralytics' own."""
        if self._ignore is not None and self._ignore.search(text):
            return None
        bench = self._bench.take(text)  # (its own quick "no" for every other line)
        if bench is not None:  # the benchmark table: its rows are formats, not epochs
            return [(self._aliases.get(name, name), value, None) for name, value in bench]
        if text.startswith(_ALL_LABEL) and "box_loss" in self._losses \
                and (self._table is None or not self._table.names):
            # an "all" row whose header went elsewhere (the bars to stderr, stdout kept):
            # a box table's row, its layout known from the train losses
            self._table, self._all_seen = _Table(_BOX_COUNTS, (), True), False
            return [*self.flush(), *(self._row(text) or ())]
        if self._table is not None:
            header = _OWN_LINE.match(text)  # the header's next render, its row glued to it
            found = self._row(text) if header is None or not header.group("table") else None
            if found is not None:  # (the 8.1 fork YOLOv10 under a pipe: "...19.50it/s]
                return found  # all  8  10  0.502 ...", the table's first render before it)
            self._table = None
        if ("alidating " in text or " completed in " in text) \
                and DONE_LINE.search(text[:200]) is not None:  # the two Ultralytics prints:
            # "3 epochs completed in 0.001 hours.", "Validating .../best.pt...": the closing
            # validation evaluates the best epoch's weights, at no epoch (the default rules
            # see the line too); the substrings first: bar renders come here by the thousand
            self.epoch = None
            return None
        if _FIRST.match(text) is None:
            return None
        if text.lstrip().startswith("Speed: "):
            return [(self._aliases.get(name, name), float(value), self.epoch)
                    for value, name in ((v, f"speed_{n}") for v, n in _SPEED.findall(text))
                    ] or None
        if _TRAIN_ROW.match(text) and (self._losses or ": " in text):
            return self._train_row(text)  # before any header: its epoch and memory only
        if "GPU_mem" in text:
            words = text.split()
            if words[:2] == ["Epoch", "GPU_mem"] and words[-2:] == ["Instances", "Size"]:
                self._memory, self._losses = words[1], tuple(words[2:-2])
                self._task_group = next((_TASK_GROUP[n] for n in self._losses
                                         if n in _TASK_GROUP), "")
                return self.flush()
        own = _OWN_LINE.match(text)
        if own is not None:
            if own.group("table"):
                self._table, self._all_seen = self._val_header(text), False
                glued = glued_row(text)  # a pasted log's "... 1.13it/s]     all  223 ..."
                return [*self.flush(), *(self._row(glued) or ())] if glued else self.flush()
            return ()
        return () if "Scanning " in text and " corrupt" in text else None

    def wants(self, chunk: bytes) -> bool:
        """Whether ``chunk`` (complete lines without "\\r" or ANSI codes) may hold a line of
        Ultralytics' own: only those go the slow way, through ``take``."""
        return self._table is not None or bool(self.bar) or self._bench.open \
            or any(marker in chunk for marker in _MARKERS)

    def flush(self) -> Sequence[Found]:
        """The epoch bar's last render: the epoch's losses. Sent when the epoch is over (its
        validation, the next epoch, the end of the output), not at the end of the bar's
        line: a line printed while the bar runs ends it early."""
        found, self.bar = self.bar, []
        return found

    # -- the epoch bar -------------------------------------------------------------------
    def _train_row(self, text: str) -> Sequence[Found]:
        starts = [m.start() for m in _ROW_START.finditer(text)]
        if starts:  # renders joined without "\r" (a log that lost them): the last one
            text = text[starts[-1]:]
        epoch = _TRAIN_ROW.match(text)
        assert epoch is not None
        self.epoch = int(epoch.group("epoch"))
        done = self.flush() if self.bar and self.bar[0][2] != self.epoch else ()
        found: list[Found] = []
        cells, _ = _cells(text, 0)
        memory = cells[1][:-1] if len(cells) > 1 else ""  # "8.03G": its number, as printed
        if _NUMBER.fullmatch(memory):
            found.append((self._aliases.get(self._memory, self._memory), float(memory),
                          self.epoch))
        for name, cell in zip(self._losses, cells[2:], strict=False):
            if _NUMBER.fullmatch(cell) is None:
                break
            found.append((self._aliases.get(name, name), float(cell), self.epoch))
        self.bar = found  # the latest render wins, even when the terminal cut more of it
        return done

    # -- the validation table ------------------------------------------------------------
    def _val_header(self, text: str) -> _Table:
        cells, cut = _cells(text, _LABEL)
        cells = cells[1:]  # "Class", "classes"
        counts = 0
        while counts < len(cells) and cells[counts].lower() in _COUNTS:
            counts += 1
        names: list[str] = []
        group = ""
        grouped = sum("(" in cell for cell in cells[counts:]) > 1 or bool(self._task_group)
        for cell in cells[counts:]:
            if "(" in cell:
                head, _, cell = cell.partition("(")
                group = _GROUPS.get(head.lower(), head.lower() + "_")
                group = "box_" if grouped and head.lower() == "box" else group
            names.append(group + cell.rstrip(")"))
        box = self._box_metrics()
        if counts == _BOX_COUNTS and 0 < len(names) <= len(box) \
                and names[:-1] == list(box[:len(names) - 1]) \
                and names[-1] != box[len(names) - 1] and box[len(names) - 1].startswith(names[-1]):
            # a box header cut at the terminal's width with no "…" ("mAP50  mAP50-"): its
            # last name completed, more columns may follow
            names[-1], cut = box[len(names) - 1], True
        elif counts == _BOX_COUNTS and 0 < len(names) < len(box) \
                and tuple(names) == box[:len(names)]:
            cut = True  # a box header cut after a whole name ("P  R  mAP50"): never printed so
        return _Table(counts, tuple(names), cut)

    def _row(self, text: str) -> Sequence[Found] | None:
        """A row under the validation header: the ``all`` row's metrics; a class row is
        claimed and dropped. None: not a row."""
        table = self._table
        assert table is not None
        cells = text.split()
        numbers = 0  # the row's trailing numbers
        while numbers < len(cells) and _NUMBER.fullmatch(cells[-1 - numbers]):
            numbers += 1
        width = table.counts + len(table.names)
        if numbers < width or numbers == len(cells):
            return None
        if cells[0] != "all" or numbers != len(cells) - 1 or self._all_seen \
                or (numbers != width and not table.cut):
            return ()  # a class row
        self._all_seen = True
        counts, names = self._columns(table, numbers)
        return [(self._aliases.get(name, name), float(value), self.epoch)
                for name, value in zip(names, cells[1 + counts:], strict=False)]

    def _box_metrics(self) -> tuple[str, ...]:
        """The box columns' names: ``box_P``, ... beside a task's masks or keypoints (as
        those are ``mask_P``, ``pose_P``), ``P``, ... in a detection run."""
        return tuple("box_" + m for m in _BOX_METRICS) if self._task_group else _BOX_METRICS

    def _columns(self, table: _Table, count: int) -> tuple[int, tuple[str, ...]]:
        """The count columns and metric names of a row of ``count`` numbers. A header the
        terminal cut is completed only where the layout is known: a box table (Images,
        Instances, then P, R, mAP50, mAP50-95 for boxes, then for the task's masks or
        keypoints); otherwise no name is given to a column the header did not show."""
        if not table.cut:
            return table.counts, table.names
        full = self._box_metrics() + tuple(self._task_group + m for m in _BOX_METRICS
                                           if self._task_group)
        if table.names:
            box = table.counts == _BOX_COUNTS and full[:len(table.names)] == table.names
        else:  # cut before its first metric: a box table if the losses are a box model's
            box = "box_loss" in self._losses and table.counts <= _BOX_COUNTS
        if box:
            return _BOX_COUNTS, full[:count - _BOX_COUNTS]
        return table.counts, table.names


def _cells(text: str, label: int) -> tuple[list[str], bool]:
    """The cells of a row or header before its bar (``: 100% ━━━ 1/1``), and whether the
    terminal cut it (``…``): then only its whole fixed-width cells (the label ``label``
    wide, then 11 each) are kept."""
    desc = text.partition(": ")[0]
    cut = desc.find("…")
    if cut < 0:
        return desc.split(), False
    desc = desc[:cut]
    first = label if len(desc) >= label else len(desc) + 1
    cells = [desc[:first]] if label else []
    cells += [desc[i:i + _CELL] for i in range(first, len(desc) - _CELL + 1, _CELL)]
    return [c.strip() for c in cells], True
