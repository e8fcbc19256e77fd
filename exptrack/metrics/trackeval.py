"""TrackEval's tables (the multi-object tracking evaluator of the MOTChallenge, KITTI,
DanceTrack and BDD100K benchmarks; its ``_BaseMetric.print_table``)::

    HOTA: bytetrack-pedestrian         HOTA      DetA      AssA      ...   HOTALocA(0)
    MOT17-02-FRCNN                     49.423    52.537    46.825    ...   48.773
    COMBINED                           47.1      50.2      44.9      ...   46.0

A table per metric family and class: the header ``<family>: <tracker>-<class>`` padded to
35 characters (glued to the first field when longer), the family's summary fields padded to 10;
a row per sequence, then ``COMBINED``, the benchmark's values. A value is named
``<class>/<field>`` as TrackEval keys its result (``res['COMBINED_SEQ'][cls][family]``), from
the COMBINED row only: the sequences' rows are its parts. The integer fields (CLEAR's
``CLR_TP`` ... ``Frag``, Identity's ``IDTP``..., the Count family, VACE's ``VACE_IDs``) count
boxes and tracks: no metrics. The KITTI tracking devkit's summary (``Reader._kitti``) is
read here too. Regexes are anchored and bounded."""

from __future__ import annotations

import re

from exptrack.metrics.forms import DECIMAL

# the families TrackEval prints (``trackeval.metrics``) and the first summary field of each,
# which a label of 35 characters or more runs into
_FIRST_FIELDS = {"HOTA": "HOTA", "CLEAR": "MOTA", "Identity": "IDF1", "Count": "Dets",
                 "VACE": "SFDA", "JAndF": "J-Mean", "TrackMAP": "AP_all", "IDEucl": "IDEucl"}
_KITTI_HEADS = ("Evalu", "=====")  # the KITTI devkit's class and summary heading
# a header's first bytes (TrackEval's, the KITTI devkit's)
HEADS = frozenset({*(f"{family}:".encode()[:5] for family in _FIRST_FIELDS),
                   *(head.encode() for head in _KITTI_HEADS)})
# (the label greedy, the fields the rest: no backtracking)
_HEADER = re.compile(r"^(?P<family>" + "|".join(_FIRST_FIELDS)
                     + r"): (?P<label>\S+)(?P<fields>.*)$")
_INTEGER_FIELDS = frozenset({"CLR_TP", "CLR_FN", "CLR_FP", "IDSW", "MT", "PT", "ML", "Frag",
                             "CLR_Frames", "IDTP", "IDFN", "IDFP", "Dets", "GT_Dets", "IDs",
                             "GT_IDs", "VACE_IDs", "VACE_GT_IDs", "num_non_empty_timesteps",
                             "num_gt_tracks"})
# the count columns of the other MOT tables (py-motmetrics' ``render_summary`` with its
# MOTChallenge names, the MOTChallenge devkit's): ground-truth and tracked trajectories,
# false positives and misses, identity switches, fragmentations, transfers
_MOT_COUNTS = frozenset({"GT", "MT", "PT", "ML", "FP", "FN", "IDs", "FM", "IDt", "IDa", "IDm",
                         "Frag", "IDSW", "TP"})
MOTA = "MOTA"  # the column every MOT table has
_NUMBER = re.compile(rf"^{DECIMAL}$|^-?(?:nan|inf)$")
COMBINED = "COMBINED"
_LABEL_WIDTH = 35  # ("%-35s")


# the KITTI tracking devkit (evaluate_tracking.py): "Evaluate Object Class: CAR", then
# "=====tracking evaluation summary=====" over "Multiple Object Tracking Accuracy (MOTA)
# <pad> 0.729539" ... "Tracker Trajectories <pad> 890" and a rule
_KITTI_CLASS = re.compile(r"^Evaluate Object Class: ([A-Za-z][\w\-]{0,40})\s*$")
_KITTI_SUMMARY = re.compile(r"^={5,}tracking evaluation summary={5,}\s*$")
_KITTI_ROW = re.compile(r"^(?P<key>[A-Za-z][\w ()\-]{0,60}?)\s{2,}"
                        r"(?P<value>-?\d{1,12}(?:\.\d{1,12})?)\s*$")


class Reader:
    """The TrackEval table being read: its class and fields (None: none); or the KITTI
    devkit's summary (``summary``)."""

    def __init__(self) -> None:
        self.fields: list[str] | None = None
        self.summary = False
        self.open = False  # a table or a summary is being read (the parser's test)
        self._class = ""  # the table's class
        self._evaluated = ""  # the class the KITTI devkit evaluates

    def line(self, text: str) -> list[tuple[str, float]] | None:
        """The values of one line of a table (none for its header and the sequences' rows);
        None for a line of no table, which ends the one being read."""
        found = self._line(text)
        self.open = self.fields is not None or self.summary
        return found

    def _line(self, text: str) -> list[tuple[str, float]] | None:
        header = _HEADER.match(text)
        if header is not None:
            return self._header(header)
        if self.summary or text[:5] in _KITTI_HEADS:
            return self._kitti(text)
        fields = self.fields
        if fields is None:
            return None
        cells = text.split()
        glued = len(cells) == len(fields)  # a long label runs into the first value
        if not (glued or len(cells) == len(fields) + 1) \
                or not all(_NUMBER.match(cell) for cell in cells[1:]) \
                or (glued and not (cells[0][-1:].isdigit() or cells[0].endswith("nan"))):
            self.fields = None  # (the blank line after COMBINED too)
            return None
        if cells[0] != COMBINED or glued:
            return []  # a sequence's row
        self.fields = None
        return [(f"{self._class}/{field}", float(cell))
                for field, cell in zip(fields, cells[1:], strict=True)
                if field not in _INTEGER_FIELDS and cell.lstrip("-")[:1].isdigit()]

    def _kitti(self, text: str) -> list[tuple[str, float]] | None:
        """A line of the KITTI devkit's summary: a ratio named by its row and the class
        evaluated (``car/Recall``); its integers count boxes and tracks."""
        if not self.summary:
            named = _KITTI_CLASS.match(text)
            if named is not None:
                self._evaluated = named.group(1).lower()
                return []
            self.summary = _KITTI_SUMMARY.match(text) is not None
            return [] if self.summary else None
        if not text.strip():
            return []  # (between its groups)
        row = _KITTI_ROW.match(text)
        if row is None:
            self.summary = False
            return [] if not text.strip("= \t") else None  # (the rule under it)
        if "." not in row.group("value"):
            return []
        key = row.group("key").replace(" ", "_")
        return [(f"{self._evaluated}/{key}" if self._evaluated else key,
                 float(row.group("value")))]

    def _header(self, header: re.Match[str]) -> list[tuple[str, float]] | None:
        label, rest = header.group("label"), header.group("fields")
        fields, first = rest.split(), _FIRST_FIELDS[header.group("family")]
        if header.end("label") > _LABEL_WIDTH:  # a longer label: glued to the first field
            if not label.endswith(first) or len(label) == len(first):
                return None
            label, fields = label[:-len(first)], [first, *fields]
        if fields[:1] != [first]:
            return None  # no table ("Count: 5 images", "HOTA: 45.2  MOTA: 50.1")
        tracker, dash, cls = label.rpartition("-")
        if not dash or not tracker or not cls:
            return None
        self.fields, self._class = fields, cls
        return []


def mot_count(header: list[str], name: str) -> bool:
    """Is ``name`` a count column of a MOT metrics table (one with a ``MOTA`` column)?"""
    return name in _MOT_COUNTS and MOTA in header
