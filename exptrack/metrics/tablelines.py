"""Tables in the output, read line by line: a header row of names, then rows of numbers
(``tables``); a "Training | Validation" header of phase columns; a key-value box table
(Stable-Baselines3), whose rows are emitted together once it ends, at the step one of them
holds. A mixin of ``MetricParser``, which keeps the state.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from exptrack.metrics import (
    aligned,
    cutoffs,
    htmltables,
    kvtables,
    lineplan,
    longtables,
    names,
    rules,
    tablecells,
    tableprefix,
    tables,
)
from exptrack.metrics.lineplan import Plan
from exptrack.metrics.observation import Observation
from exptrack.metrics.phasewords import COUNTER_KEYS
from exptrack.metrics.reprints import Reprints

# YOLOv5's and YOLOv7's evaluation header
_YOLO_EVALUATION = ("Class", "Images", "Labels", "P", "R", "mAP@.5", "mAP@.5:.95")


class TableLines:
    """Table headers, rows and key-value boxes (see the module docstring)."""

    step: int | float | None
    epoch: int | float | None
    _name: Callable[[str], str]
    _header: list[str] | None
    _header_open: bool  # the header was the table's last line: it may go on
    _split_header: list[str] | None
    _row_said: str  # the table's last row, as printed
    _prior: tuple[list[str], str, list[str] | None, str] | None  # the header before it
    _header_text: str  # the header's line without a record's prefix (``tableprefix.message``)
    _layout: str
    _phases: list[str] | None
    _markdown: bool
    _first_set: str  # the data set of the header's first row (``tables.parse_row``)
    _titled: str  # the phase of a titled border (``tables.border_phase``), and the header's
    _header_phase: str  # under it
    _kv_section: str
    _kv_rows: list[tuple[str, float]]
    _kv_settings: bool  # the key-value table is a configuration (until it ends)
    _cutoffs: list[str] | None  # a table of cutoffs' header (``cutoffs``), and its title's
    _cutoff_set: str  # data set
    _reprints: Reprints
    _long: longtables.LongTable | None  # a long table's header (``longtables``)
    _long_row: longtables.Row | None  # its row before
    _long_said: dict[str, tuple[float, int | float | None]]  # its values, at their steps
    _html: htmltables.HtmlTable | None  # an HTML table printed a tag a line (``htmltables``)

    def _init_tables(self) -> None:
        """The tables' state (``MetricParser.__init__``)."""
        self._header = None  # a table's header cells
        self._split_header = None  # the same, a cell each word
        self._prior = None
        self._header_text = ""  # the header's line, its message (``tables``)
        self._header_open = False  # the header was the last line: it may go on
        self._row_said = ""  # the table's last row, as printed
        self._layout = tables.SPACES  # how the header's cells were set apart
        self._phases = None  # a table of phase columns (``tables``)
        self._markdown = False  # under a markdown table's rule: rows are labels
        self._first_set = ""  # a results table's first data set
        self._titled = self._header_phase = ""  # a titled table's phase
        self._long = None  # a long table
        self._cutoffs = None  # a table of cutoffs'
        self._cutoff_set = self._kv_section = ""
        self._long_row = None
        self._long_said = {}
        self._html = None
        # key-value box table (Stable-Baselines): its section (above) and the rows seen so
        # far, emitted together once the table ends (its step is in one of its rows)
        self._kv_rows = []  # (its section: ``_kv_section``)
        self._kv_settings = False  # ... it printed a setting ("| seed | None |")

    def _pipe_line(self, text: str, out: list[Observation]) -> bool:
        """A ``|`` line a long table or a table of cutoffs takes, before its own plan."""
        return (self._long is not None and self._long_line(text, out)) \
            or self._cutoff_line(text, out)

    def _cutoff_line(self, text: str, out: list[Observation]) -> bool:
        """A line of a table of cutoffs (``cutoffs``): its title, header or a row; taken?"""
        if self._cutoffs is not None:
            values = cutoffs.row(text, self._cutoffs)
            if values is not None:
                for name, value in values:
                    name = f"{self._cutoff_set}_{name}" if self._cutoff_set else name
                    out.append(Observation(self._name(name), value, self.step, self.epoch))
                return True
        self._cutoffs = cutoffs.header(text)
        if self._cutoffs is not None:
            return True  # (its title's data set stays for its rows)
        self._cutoff_set = cutoffs.title(text) or ""  # the title right over the header
        return False

    def _title_line(self, text: str) -> bool:
        """A border with the next table's title in it (``tables.border_phase``): taken?"""
        phase = tables.border_phase(text) if text[:1] == "+" else None
        if phase is not None:
            self._titled = phase
        return phase is not None

    def _table_line(self, text: str, out: list[Observation]) -> None:
        text = tableprefix.unprefixed(text)  # a box table's line a logger printed ("... - INFO -
        # | rollout/ |  |")
        cut = tablecells.unwrapped(text) if text.endswith("\\") else text  # a wide frame's
        wrapped, text = cut is not text, cut  # header slice ("loss  lr  ltpb  \\")
        labelled = tablecells.phase_label(text) if text.endswith(":") else None
        if labelled is not None:  # "... REPORT   | valid:" over its table
            self._titled = labelled
            return
        if self._title_line(text):
            return
        if text == self._row_said and self._header is not None \
                and any(cell.lower() in COUNTER_KEYS for cell in self._header):
            return  # the row of the same epoch again (fastai's table in a notebook, drawn
            # twice); rows of no index are each a report, however alike (spaCy 2's bug)
        if "|" in text:
            if self._long_line(text, out):
                return
        elif self._long is not None:
            self._long = None
        if self._phases is not None:  # under a "Training | Validation" header
            row = kvtables.parse_phase_row(text, self._phases)
            if row is not None:
                first = len(out)
                out.extend(Observation(self._name(n), v, self.step, self.epoch) for n, v in row)
                self._reprints.record(out, first, len(out), text)  # (AllenNLP's closing
                return  # "Metrics: {...}" restates the last epoch's rows in full)
            if kvtables.phase_rule(text):
                return  # a rule between a box's rows
            self._phases = None
        if self._header is not None and self._layout == tables.SPACES \
                and aligned.RULE.match(text):
            ruled = aligned.ruled_header(self._header_text, text)  # "gen evals  avg" over
            if ruled is not None and len(ruled) > len(self._header):  # "---- ----- ---"
                self._header, self._split_header = ruled, None
            return
        if kvtables.MARKDOWN_RULE.match(text):
            self._markdown = True  # a results table's rule: its rows' labels are no metrics
            return
        if kvtables.kv_setting(text):  # a printed configuration's table: its rows are settings
            self._kv_settings, self._kv_rows = True, []
            return
        kv = kvtables.parse_kv(text)
        if kv is not None and self._markdown and not names.metric_like(kv[0]):
            return  # a row label under a markdown rule ("| balloon | 255 |"), not a metric
        self._markdown = False
        if kv is not None:
            key, value = kv
            if value is None:
                self._kv_settings = False  # Stable-Baselines' section ("| rollout/ | |")
                if not self._kv_rows:
                    self._kv_section = ""
                self._kv_section = key
            elif self._kv_section or not rules.is_denied(key) \
                    or tables.kv_step_key(key):  # SB3 logs its own keys; the step, in a
                # flat group too (OpenAI Baselines' PPO2: "| misc/total_timesteps | 1.28e+03 |")
                if not self._kv_rows and not self._kv_section.endswith("/"):
                    self._kv_section = ""
                self._kv_rows.append((self._kv_section + key, value))
            return
        if self._kv_rows:
            self._flush_kv(out)
        self._kv_section = ""
        if kvtables.counts_header(text):  # "| Modules | Parameters |": its rows count, no
            self._kv_section = kvtables.COUNTED  # metric (dropped once the table ends)
            return
        if self._header is not None and self._header_open and self._layout == tables.PIPES:
            self._header_open = False
            joined = tables.continued_header(text, self._header)
            if joined is not None:  # a header's second line ("| Accuracy |")
                self._header = joined
                return
        elif self._header is not None and self._header_open and self._layout == tables.SPACES:
            self._header_open = False
            joined = aligned.stacked_header(self._header_text, text)
            if joined is not None:  # "average  since" over "loss     last": its second line
                self._header, self._split_header = joined, None
                return
        if self._header is not None and self._table_row(text, out):
            self._row_said = text
        elif not self._prior_row(text, out) \
                and ("  " in text or "\t" in text or " | " in text or text.count(",") > 1
                     or text.count(";") > 1 or tables.spaced_header(text.strip())):
            self._phases = kvtables.parse_phase_header(text) if "|" in text else None
            self._maybe_header(text, out)
            if wrapped and self._header is not None:
                self._titled = self._header_phase  # the frame's next slice: the same phase

    def _long_line(self, text: str, out: list[Observation]) -> bool:
        """A long table's header, rule or row (``longtables``): taken?"""
        if self._long is None:
            self._long, self._long_row = longtables.header(text), None
            return self._long is not None
        if kvtables.MARKDOWN_RULE.match(text) and self._long_row is None:
            return True
        row = longtables.row(text, self._long, self._long_row)
        if row is None:
            self._long = None
            return False
        self._long_row = row
        said = (row.value, self.step)
        if not row.breakdown and self._long_said.get(row.name) != said:
            if len(self._long_said) >= longtables.MAX_NAMES:
                self._long_said.clear()  # (bounded: a log of ever new rows)
            self._long_said[row.name] = said  # (a "Groups" table repeats the "Tasks" one)
            out.append(Observation(self._name(row.name), row.value, self.step, self.epoch))
        return True

    def _spaced_line(self, text: str, out: list[Observation]) -> bool:
        """A line of a long table aligned by spaces (``longtables.spaced_header``, the
        header, its rule, a row): taken?"""
        table = self._long
        if table is None or not table.models:
            self._long, self._long_row = longtables.spaced_header(text), None
            return self._long is not None
        if self._long_row is None and aligned.RULE.match(text):
            return True
        rows = longtables.spaced_row(text, table)
        if rows is None:
            self._long = None
            return False
        self._long_row = longtables.Row("", False, "", math.nan)  # (a row came: no rule now)
        out.extend(Observation(self._name(row.name), row.value, self.step, self.epoch)
                   for row in rows)
        return True

    def _html_line(self, text: str, out: list[Observation]) -> bool:
        """A line of an HTML table printed a tag a line (``htmltables``): taken?"""
        table, cells, taken = htmltables.line(text, self._html)
        self._html = table
        if cells is not None and table is not None:
            row = tables.parse_row("| " + " | ".join(cells) + " |", table.header,
                                   tables.PIPES, self._name)
            if row is not None:
                self._record_row(row, out)
        return taken

    def _kv_ends(self, plan: Plan, raw: str | bytes) -> None:
        """A configuration's key-value table ends at its bottom border or at a line of
        metrics or counters after it."""
        if plan.metrics or plan.context or lineplan.text_of(raw[:12]).lstrip() \
                .startswith(kvtables.BOX_BOTTOM):
            self._kv_settings = False

    def _flush_kv(self, out: list[Observation]) -> None:
        """A key-value box table ended: its rows, at the step one of them holds."""
        rows, self._kv_rows, self._kv_section = self._kv_rows, [], ""
        if self._kv_settings:
            return  # a configuration's rows (``kvtables.kv_setting``), until the table ends
        rows = [row for row in rows if not row[0].startswith(kvtables.COUNTED)]
        steps = [row for row in rows if tables.kv_step_key(row[0])
                 or row[0].lower() == "epoch"]  # Spinning Up's EpochLogger: "| Epoch | 2 |"
        if not steps:  # imitation's BC: "bc/batch", "bc/epoch" (a group's batch, not a size)
            steps = [row for row in rows if row[0].lower().endswith(("/batch", "/epoch"))]
        for name, value in steps:
            if not math.isfinite(value):
                continue
            if name.lower().endswith("/epoch") or name.lower() == "epoch":
                self.epoch = tablecells.number(str(value))
            else:
                self.step = tablecells.number(str(value))
        first = len(out)
        for name, value in rows:  # "time/iterations", "train/n_updates": counters; the step
            if not rules.is_denied(name) and (name, value) not in steps:
                out.append(Observation(self._name(name), value, self.step, self.epoch))
        self._reprints.record(out, first, len(out), "")  # (what W&B's summary repeats)

    def _maybe_header(self, line: str, out: list[Observation]) -> None:
        found = tables.parse_header(line)
        if found is not None:
            if self._header is not None and found[0] != self._header:
                self._prior = (self._header, self._layout, self._split_header,
                               self._header_text)
            self._header, self._layout = found
            self._first_set, self._row_said = "", ""
            self._header_phase, self._titled = self._titled, ""
            self._header_text = tableprefix.message(line).rstrip()
            self._header_open = True
            words = tables.parse_header(line, split=True) if self._layout == tables.SPACES \
                and " " in line.strip() else None
            self._split_header = words[0] if words and words[0] != self._header else None
            glued = tableprefix.glued_row(line)  # a pasted log's "...1.13it/s]     all  223 ..."
            if glued is not None:
                self._table_row(glued, out)

    def _prior_row(self, text: str, out: list[Observation]) -> bool:
        """YOLOv5's and YOLOv7's "all" row printed under the next epoch's header (stderr's
        evaluation bar and stdout's rows kept apart by a file's buffering): read with the
        header before it; taken?"""
        prior = self._prior
        if prior is None and self._header and self._header[:2] == ["Epoch", "gpu_mem"]:
            prior = (list(_YOLO_EVALUATION), tables.SPACES, None, "  ".join(_YOLO_EVALUATION))
            # (no evaluation's header yet: its layout is known)
        if prior is None or not text.lstrip().startswith("all "):
            return False
        now = (self._header, self._layout, self._split_header, self._header_text)
        self._header, self._layout, self._split_header, self._header_text = prior
        try:
            return self._table_row(text, out)
        finally:
            self._header, self._layout, self._split_header, self._header_text = now

    def _indexed_row(self, text: str, out: list[Observation], named: bool = False) -> bool:
        """A row of a table pandas printed whose index label reads as a step or an epoch
        ("Iteration 0   1.566  1.013", ``_indexed``), or names the whole, a measure or an
        item (``named``: only those): taken?"""
        found = _indexed(self._header_text, text) if self._layout == tables.SPACES else None
        if found is None:
            return False
        label, rest = found
        assert self._header is not None
        low = label.lower()
        phase = label if low in tables.PHASE_LABELS else ""
        row = tables.parse_row(rest, self._header, self._layout, self._name, "", phase)
        if row is None:  # names set apart by one space: the columns where they sit
            names_of = aligned.aligned_header(self._header_text, rest)
            row = tables.parse_row(rest, names_of, self._layout, self._name, "", phase) \
                if names_of is not None else None
        if row is None:
            return False
        if low in tables.AGGREGATE_LABELS:
            if self._header[-2:] == ["Error", "Rate"]:  # H2O's confusion matrix: its Total
                error = self._name("Error")  # row's columns of classes count predictions
                row = ([(n, v) for n, v in row[0] if n == error], *row[1:])
            return self._record_row(row, out)
        if low in tables.PHASE_LABELS or low.split()[0] in COUNTER_KEYS \
                or tablecells.ROW_NUMBER.match(label):  # (a data frame's "0", "1": its rows)
            return not named and self._record_row(row, out)
        whole = next((name for name in self._header if name.lower() in tables.AGGREGATE_LABELS),
                     None)
        value = dict(row[0]).get(self._name(whole)) if whole is not None else None
        if value is not None and not rules.is_denied(label):  # a measure's row over a
            # breakdown and its whole (Spider's "exact match  0.802 ... 0.469" under "easy
            # medium hard extra all"): the whole's value, named by the row
            out.append(Observation(self._name(tables.header_name(label)), value, self.step,
                                   self.epoch))
        return True  # else an item's row (py-motmetrics' "MOT17-02-SDP"): a part of the
        # summary row, no value of the run's

    def _table_row(self, line: str, out: list[Observation]) -> bool:
        assert self._header is not None
        row = tables.parse_row(line, self._header, self._layout, self._name, self._first_set,
                               self._header_phase)
        if row is None and self._layout == tables.SPACES:  # names of words set apart by one
            names_of = aligned.aligned_header(tables.ungrouped(self._header_text),  # space:
                                              tables.ungrouped(line))  # the columns
            if names_of is not None:  # (before a split into words: "F1 (micro)" is one)
                row = tables.parse_row(line, names_of, self._layout, self._name)
                if row is not None:
                    self._header, self._split_header = names_of, None
        if row is None and self._layout == tables.SPACES \
                and (filled := aligned.short_row(self._header_text, line, self._header)):
            row = tables.parse_row(line, filled, self._layout, self._name)  # its last
            # columns left blank (LIBFFM's auto-stop row: no time printed)
        if row is None and self._split_header is not None:  # a row of one cell a word
            row = tables.parse_row(line, self._split_header, self._layout, self._name)
            if row is not None:
                self._header, self._split_header = self._split_header, None
        if row is None:  # a row labelled by a name the header leaves unnamed
            return self._layout == tables.SPACES and self._indexed_row(line, out, named=True)
        return self._record_row(row, out)

    def _record_row(self, row: tablecells.Row, out: list[Observation]) -> bool:
        """A table's row read: its values recorded at its step and epoch (True)."""
        values, step, epoch, data_set = row
        self._first_set = self._first_set or data_set
        self.epoch = epoch if epoch is not None else self.epoch
        if step is not None:
            self.step = step
        elif epoch is not None:
            self.step = None  # a row of its own epoch, no step column: a step seen before
        step = step if step is not None else self.step  # ("batch=256") is not its step
        for name, value in values:
            out.append(Observation(name, value, step, self.epoch))
        return True


def _indexed(header: str, line: str) -> tuple[str, str] | None:
    """A row of a table that pandas printed (``print(df)``): its header is indented by the
    width of the index column, which has no name, and each row's index label ("Iteration
    0", "3", "val") fills that width -> (the label, the row without it); else None."""
    indent = len(header) - len(header.lstrip())
    text = tableprefix.message(line).rstrip()
    if indent < 2 or len(text) <= indent:
        return None
    if text[indent - 1] == " " and text[:indent].strip():
        return text[:indent].strip(), " " * indent + text[indent:]
    # columns aligned to the right (pandas' numbers): the first value ends where its
    # column's name does ("OVERALL      76.8%" under "              IDF1")
    end = indent + len(tables.GAP.split(header[indent:], maxsplit=1)[0])
    head = text[:end].rsplit(None, 1)
    if len(head) != 2 or text[end:end + 1] not in ("", " ") or not head[0].strip():
        return None
    return head[0].strip(), " " * len(head[0]) + text[len(head[0]):]
