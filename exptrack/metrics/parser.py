"""``MetricParser``: raw output chunks in, metric observations out.

It runs inside `track run`'s output loop, so the common path is cheap: chunks are split into
lines with ``str.split``; a line is split once by the number regex, and the plan for its shape
(``rules``) is cached. Terminal replay (``replay``: ``\\r``, ``\\b``, ANSI) and tables (a header
row of names, then rows of numbers) are handled off that path."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from exptrack.metrics import (
    columns,
    detectron,
    dumps,
    dumpsettings,
    finals,
    flower,
    heldlines,
    knownheaders,
    linebytes,
    lineplan,
    prerun,
    reports,
    reprints,
    rules,
    spelling,
    tables,
    transport,
    ultralytics,
)
from exptrack.metrics.byteorder import ByteOrder
from exptrack.metrics.htmltables import OPENS
from exptrack.metrics.lineplan import EMPTY as _EMPTY
from exptrack.metrics.lineplan import KEYED, SLOW, TIMING
from exptrack.metrics.lineplan import Plan as _Plan
from exptrack.metrics.longtables import DATASET_HEADS
from exptrack.metrics.observation import Carried, Observation
from exptrack.metrics.replay import MAX_LINE_BYTES, BarReplay
from exptrack.metrics.slowpath import SlowPath
from exptrack.metrics.tablelines import TableLines
from exptrack.metrics.userlines import UserLines
from exptrack.patterns import compile_user

MIN_RUN = 3  # consecutive same-shape lines worth a column block
_SLOW_BYTES = re.compile(rb"[\r\x1b\x08]")
# digits -> one placeholder byte; NUL -> \x01 so no other byte can pose as a digit
_SHAPE = bytes.maketrans(b"0123456789\x00", b"\x00" * 10 + b"\x01")


__all__ = ["MAX_LINE_BYTES", "MetricParser", "Observation", "Segment"]
Segment = list[Observation] | columns.Block


class MetricParser(TableLines, BarReplay, SlowPath, UserLines):
    """Incremental parser: bytes in (split anywhere), observations out, in output order."""

    def __init__(self, extra_patterns: Sequence[str] = (), use_defaults: bool = True,
                 ignore_patterns: Sequence[str] = (),
                 aliases: Mapping[str, str] | None = None) -> None:
        # The user's patterns run on RE2: linear time, whatever the pattern (``patterns``).
        self._extra = [compile_user(p) for p in extra_patterns]
        self._ignore = compile_user("|".join(f"(?:{p})" for p in ignore_patterns)) \
            if ignore_patterns else None
        self._use_defaults = use_defaults
        self._aliases = dict(aliases or {})
        self._pending = b""
        self._byte_order = ByteOrder()
        self._skip_rest, self._seen = False, 0  # inside a line longer than MAX_LINE_BYTES
        self._plans: dict[bytes, _Plan] = {}
        self._tags = transport.Tags()  # a launcher's or a collector's line tags
        self._variants: dict[tuple[bytes, str | bytes], _Plan] = {}  # KEYED plans by digits
        self._variant_counts: dict[bytes, int] = {}
        self._final_names: set[str] = set()  # names recorded as they are (``slowpath``)
        self._names = spelling.NameRegistry()
        self._dump: dumps.Block | None = None  # the configuration-like block being read
        self._copypaste, self._flower = detectron.Copypaste(), flower.Reader()
        self._reports = reports.Reports()  # sed_eval's, TrackEval's ... (``reports``)
        self._settings = dumpsettings.Settings()
        self._columns: dict[bytes, columns.ColumnPlan | None] = {}
        self.min_run = MIN_RUN
        self.step: int | float | None = None
        self.epoch: int | float | None = None
        self.batch = False  # the step is a batch of a progress line (``placing.place``)
        self._counted = False  # the last line that set the step printed metrics (``CLOSES``)
        self._trained = False  # a line said the training is over (``DONE``) after its steps
        self._rank: int | None = None  # the lowest rank a process tag named (``RANKED``)
        self._rank_names: set[str] = set()  # the names that rank's lines printed
        self._one_offs: list[Observation] = []  # timings before any step (``slowpath``)
        self._values_shape = b""  # the shape of the last line with values (``_reprinted``)
        self._bar_text: str | None = None  # progress bars: see ``replay``
        self._mean_bar: str | None = None
        self._running_loss: Observation | None = None
        self._warned = False  # a Python warning over a running-mean bar (``replay``)
        self._keras_last: tuple[int | float | None, int] | None = None  # (``heldlines``)
        self._said: str | bytes = b""  # the last report's step-to-metrics bytes, its shape
        self._said_shape = b""
        self._bar_seen: dict[str, float] = {}
        self._bar_epoch: int | float | None = None  # the epoch of a bar of no total
        self._bar_names: set[str] = set()
        self._in_render = self._keras3 = self._paddle_block = False  # (``replay``, ``heldlines``)
        self._keras_testing = False  # after Keras' evaluate() (``heldlines``)
        self._validating: int | None = None  # Distiller's validation section (``heldlines``)
        self._stat_head: str | None = None  # "Latency:" over its statistics (``slowpath``)
        self._init_tables()  # (``tablelines``)
        self._yolo: ultralytics.Recognizer | None = None  # once its banner showed
        self._reprints = reprints.Reprints()
        self._finals = finals.Finals()  # results printed after the last step (``finals``)
        self._prerun = prerun.PreRun(self._aliases.values())  # settings before the first

    # -- input -------------------------------------------------------------------------
    def feed(self, data: bytes) -> list[Observation]:
        complete = self._complete(data)
        out: list[Observation] = []
        if complete:
            self._detect(complete, len(complete))
            self._parse_complete(complete, out)
        return self._prerun.take(self._finals.take(out))

    def feed_segments(self, data: bytes) -> list[Segment]:
        """Like ``feed``, but runs of same-shape lines come back as column ``Block``s (see
        ``columns``): the recorder's fast path. Segments are in output order."""
        complete = self._complete(data)
        if not complete:
            return []
        plain = self._bar_text is None and self._use_defaults and not self._extra \
            and self._ignore is None and b"\r" not in complete and b"\x1b" not in complete \
            and b"\x08" not in complete
        runs = columns.runs(complete.translate(_SHAPE)) if plain else []
        # Lines of one shape differ only in their digits, which Ultralytics' markers do not
        # hold: the first line tells (measured: searching all cost 0.03 s a million lines).
        self._detect(complete[:len(runs[0][0]) + 1] if len(runs) == 1 else complete,
                     len(complete))
        if not plain or (self._yolo is not None and self._yolo.wants(complete)):
            out: list[Observation] = []
            self._parse_complete(complete, out)
            out = self._prerun.take(self._finals.take(out))
            return [out] if out else []
        segments: list[Segment] = []
        self._parse_runs(complete.decode("ascii") if complete.isascii() else complete, runs,
                         segments)
        return self._prerun.segments(self._finals.segments(segments))

    def _detect(self, text: bytes, size: int) -> None:
        """Whether Ultralytics' output begins in ``text`` (of the output's next ``size``
        bytes): its recognizer then takes the lines it claims."""
        early, self._seen = self._seen < ultralytics.EARLY_BYTES, self._seen + size
        if self._yolo is None and self._use_defaults and ultralytics.starts(text, early):
            self._yolo = ultralytics.Recognizer(self._aliases, self._ignore)

    def _complete(self, data: bytes) -> bytes:
        """The complete lines (or renders) of what was pending plus ``data``."""
        data = self._byte_order(data)
        buffer = self._pending + data if self._pending else data
        # cut after the last complete line or render; a final "\r" may be half of "\r\n"
        cut = max(buffer.rfind(b"\n"), buffer.rfind(b"\r", 0, len(buffer) - 1))
        if cut < 0:
            self._pending = buffer
            if len(buffer) > MAX_LINE_BYTES:
                self._pending, self._skip_rest = b"", True
            return b""
        # a render's text stays after its "\r": what the next read adds to it continues
        # the render (a line a logger glues to a bar's last frame: Optuna's "Trial 1
        # finished" after tqdm's frame, two writes), as it would read in one chunk
        self._pending = buffer[cut + 1:] if buffer[cut] == 10 else b"\r" + buffer[cut + 1:]
        complete = buffer[:cut + 1]
        if self._skip_rest:
            ends = [i for i in (complete.find(b"\n"), complete.find(b"\r")) if i >= 0]
            complete, self._skip_rest = complete[min(ends) + 1:], False
        if len(self._pending) > MAX_LINE_BYTES:
            self._pending, self._skip_rest = b"", True
        return self._tags(linebytes.normalise(complete))

    def _parse_complete(self, complete: bytes, out: list[Observation]) -> None:
        if self._bar_text is not None or self._mean_bar is not None \
                or _SLOW_BYTES.search(complete) \
                or (self._yolo is not None and self._yolo.wants(complete)):
            self._feed_terminal(complete, out)
        else:
            shapes = complete.translate(_SHAPE).split(b"\n")
            shapes.pop()
            if complete.isascii():  # float(str) is faster than float(bytes); same offsets
                text = complete.decode("ascii").split("\n")
                text.pop()
                self._parse_raw_lines(text, shapes, out)
            else:
                lines = complete.split(b"\n")
                lines.pop()
                self._parse_raw_lines(lines, shapes, out)

    def finish(self, end: bool = True) -> list[Observation]:
        """The rest; ``end`` False: a gap the recorder skips, then parsing goes on."""
        rest, self._pending = self._pending, b""
        out: list[Observation] = []
        rest = self._tags.close(rest.rstrip(b"\r") + b"\n" if rest and not self._skip_rest
                                else b"")
        if rest:
            self._feed_terminal(rest, out)
        elif self._bar_text is not None:
            self._feed_terminal(b"\n", out)
        self._flush_mean_bar(out)  # (a bar held over a warning when the output ended)
        self._skip_rest = False
        self._flush_running_loss(out)
        if self._yolo is not None:
            out.extend(Observation(n, v, None, e) for n, v, e in self._yolo.flush())
        if self._kv_rows:
            self._flush_kv(out)
        if self._dump is not None:
            self._close_dump(out)
        out.extend(self._one_off_results(self._finals.first == (None, None)) if end else ())
        out = self._finals.take(out)
        out = self._prerun.take(out + self._finals.finish(self.epoch) if end else out)
        return out + self._prerun.finish() if end else out

    # -- lines -------------------------------------------------------------------------
    def _parse_lines(self, lines: list[str], out: list[Observation]) -> None:
        """Decoded lines (the terminal-replay path) go through the byte path."""
        data = [line.encode("utf-8", "surrogateescape") for line in lines]
        self._values_shape = b""  # (a terminal's redrawn line: maybe a report again)
        self._parse_raw_lines(data, [line.translate(_SHAPE) for line in data], out)

    def _parse_raw_lines(self, lines: Sequence[str | bytes], shapes: list[bytes],
                         out: list[Observation]) -> None:
        """The hot loop. A line's *shape* is the line with every digit replaced by one
        placeholder byte: lines of one shape split into the same tokens at the same byte
        offsets, so the plan made for the first one (``rules``) serves them all. ``lines``
        are bytes, or str when the chunk is ASCII (offsets are then the same)."""
        plans = self._plans
        filtered = self._ignore is not None or bool(self._extra)
        use_defaults = self._use_defaults
        if not filtered and not use_defaults:
            return
        append = out.append
        new = tuple.__new__
        said_last, said_shape = self._said, self._said_shape  # (locals: the hot loop's)
        counted = self._counted
        reprints = self._reprints
        marked, read_report = self._reports.marked, self._reports.read
        # the last line's values in ``out``, remembered once a line of another shape comes
        # (a line of the same shape, the same format, reprints none of them)
        mark: tuple[int, int, str | bytes] | None = None
        mark_shape = self._values_shape  # (across chunks and column blocks alike)
        gated_shape = b""  # the shape of the line before, when a block took it
        for raw, shape in zip(lines, shapes, strict=True):
            after_block, gated_shape = gated_shape, b""
            taken: set[str] | None = None
            if filtered:
                text = lineplan.text_of(raw)
                if self._ignore is not None and self._ignore.search(text):
                    continue
                if self._extra:
                    taken = self._apply_extra(text, out)
                if not use_defaults:
                    continue
            if ((self._long is not None and self._long.models) or raw[:8] in DATASET_HEADS) \
                    and self._spaced_line(lineplan.text_of(raw), out):
                continue  # OpenCompass's summary (``longtables.spaced_header``)
            if (self._html is not None or OPENS in shape) \
                    and self._html_line(lineplan.text_of(raw), out):
                continue  # a notebook's HTML table (``htmltables``)
            if marked(shape) and (found := read_report(shape, lineplan.text_of(raw))) is not None:
                out.extend(Carried(self._name(n), v, self.step, self.epoch) for n, v in found)
                continue  # an evaluation tool's report: sed_eval, TrackEval, SacreBLEU ...
            if self._header is not None and raw[:3] in (b" | ", " | "):
                text = lineplan.text_of(raw)
                if tables.trial_line(text, self._header):
                    self._table_line(text, out)  # Ray Tune's boxed trial table's row, not
                    continue  # pairs of a status and a setting ("PENDING 0.003")
            if self._header is not None and (
                    self._header[0] == knownheaders.ROW_NAMES
                    or self._header_text[:9] == knownheaders.MLR_MEASURES) \
                    and self._table_row(lineplan.text_of(raw), out):
                continue  # R's result table's row, its name first ("min 0.031  20  0.85"),
                # mlr's fold's ("[Resample] iter 1:  0.0667  0.9333")
            if raw[:1] in (b"|", "|") and self._pipe_line(lineplan.text_of(raw), out):
                continue  # a long table's row whose item reads as a key ("|gpqa:diamond:0|"),
                # a table of cutoffs' ("| K | 1 | 5 |" over "| Recall@K | 74.29 | 93.33 |")
            plan = plans.get(shape)
            if plan is None:
                plan = self._new_plan(shape, raw)
            if self._paddle_block:  # (``heldlines``)
                plan = self._eval_block(plan, shape, raw)
            elif self._validating is not None:
                plan = self._validate_block(plan, shape, raw)
            low, high = plan.report
            if high:
                said = raw[low:high]
                if shape == said_shape and (said == said_last or (type(said) is not type(
                        said_last) and columns.same(said, said_last))):
                    continue  # a report printed again (a logger with two handlers)
                said_last, said_shape = said, shape
            elif said_shape:
                said_shape = b""
            if plan.context:  # (a closing line ends a step that a line of metrics set)
                counted = bool(plan.metrics)
            if plan.flags or self._dump is not None:
                self._said, self._said_shape = said_last, said_shape
                self._counted = counted
                if mark is not None:  # what the slow path compares its lines with
                    reprints.record(out, *mark)
                    mark = None
                gated = self._gate(plan, shape, raw, out)
                said_last, said_shape = self._said, self._said_shape
                if gated is None:
                    gated_shape = shape
                    continue
                plan = gated
            if self._kv_rows and (plan is not _EMPTY or b"|" not in shape):
                self._flush_kv(out)
            if self._kv_settings:
                self._kv_ends(plan, raw)
            if plan is _EMPTY:
                if raw[:13] in heldlines.EVAL_BEGIN:  # (under a table's header too)
                    self._paddle_block = True
                    continue
                if self._header is not None or (len(raw) > 8 and (
                        b"  " in shape or b"\t" in shape or b"|" in shape or shape.count(b",") > 1
                        or shape.count(b";") > 1 or tables.SPACED_START.match(shape))) \
                        or raw in (b"r,l,t", "r,l,t"):  # SB3's monitor.csv header (reward,
                    # length, time of each episode)
                    self._table_line(lineplan.text_of(raw), out)
                elif shape[:1] == b"+":  # a border with the next table's title in it
                    self._title_line(lineplan.text_of(raw))
                continue
            if self._header is not None and ((plan.context and not plan.metrics) or (
                    plan.metrics and self._header_text[:2] == "  ")) \
                    and self._indexed_row(lineplan.text_of(raw), out):
                continue  # pandas' "Iteration 0   1.56  1.01": a row, its index's label;
                # py-motmetrics' "OVERALL  76.8% 82.3% ...": the summary row
            for kind, start, end in plan.context:
                token = raw[start:end]
                if token.isdigit():
                    number: int | float = int(token)
                else:
                    value = float(token)
                    number = int(value) if value.is_integer() else value
                if kind == rules.EPOCH:
                    self.epoch = number
                elif kind == rules.STEP:
                    self.step, self.batch = number, False
                else:
                    self.place(kind, number, not plan.metrics)
            step, epoch = self._placed_step(plan), self.epoch
            first = len(out)
            made = Observation if plan.context else Carried  # (``finals``)
            for name, start, end, d_start, d_end, scale in plan.metrics:
                if taken and name in taken:
                    continue
                value = float(raw[start:end])
                if d_end:
                    total = float(raw[d_start:d_end])
                    value = value / total * scale if total else math.nan
                elif scale != 1.0:  # (a unit's: scikit-learn's "1.2min", in seconds)
                    value *= scale
                append(new(made, (name, value, step, epoch)))
            if first < len(out):
                if shape != mark_shape:
                    if mark is not None:
                        reprints.record(out, *mark)
                    if shape != after_block:  # ("acc: 1.0" twice: a block's, then the next)
                        reprints.check(out, first, raw)
                if first < len(out):
                    mark, mark_shape = (first, len(out), raw), shape
                else:
                    mark_shape = b""
        self._said, self._said_shape = said_last, said_shape
        self._counted, self._values_shape = counted, mark_shape
        if mark is not None:
            reprints.record(out, *mark)

    def _parse_runs(self, text: str | bytes, runs: list[tuple[bytes, int]],
                    segments: list[Segment]) -> None:
        """The fast path: consecutive lines of one shape (at least ``min_run``) whose plan
        has columns become one ``Block``; other lines go through the line path."""
        pending: list[Observation] = []
        newline: str | bytes = "\n" if isinstance(text, str) else b"\n"
        position = 0
        for shape, count in runs:
            width = len(shape) + 1
            end = position + width * count
            if count >= self.min_run and self._html is None and OPENS not in shape \
                    and not self._reports.marked(shape) \
                    and (self._long is None or not self._long.models):  # (tables of their own)
                plan = self._plans.get(shape) \
                    or self._new_plan(shape, text[position:position + width - 1])
                if shape in self._columns:
                    column = self._columns[shape]
                else:
                    column = None if plan.flags & (KEYED | SLOW | TIMING | lineplan.KERAS_BAR
                                                   | lineplan.RANKED | lineplan.TRIAL) \
                        else columns.make_plan(shape, plan.context, plan.metrics, plan.report)
                    self._columns[shape] = column
                # a listing line alone may be a setting (``dumps``); repeated, it is a metric
                self._epoch_lines(plan, column)  # (the epoch's lines after its batches)
                block = columns.extract(column, text[position:end], count,
                                        self._placed_step(plan), self.epoch,
                                        self._said_before(shape)) \
                    if column and (not plan.flags & dumps.LISTING or (count > 1 and all(
                        self._names.peek(m[0]) == m[0] for m in plan.metrics))) else None
                if block is not None and column is not None \
                        and self._reprinted(column, text[position:position + width], shape):
                    # the run's first line prints the line before it again (``reprints``): the
                    # line path drops its values, as it does; the block starts after it
                    self._parse_raw_lines([text[position:position + width - 1]], [shape], pending)
                    position, count = position + width, count - 1
                    if not count:
                        continue
                    block = columns.extract(column, text[position:end], count,
                                            self._placed_step(plan), self.epoch,
                                            self._said_before(shape))
                if block is not None:
                    if self._kv_rows:
                        self._flush_kv(pending)
                    if plan.flags & dumps.LISTING:  # one key again and again: metrics
                        self._release(pending)
                        self._dump = dumps.Block(stream=True)
                        for metric in plan.metrics:
                            self._name(metric[0])
                    elif self._dump is not None and self._dump.mode == dumps.BAR:
                        if self._bar_reported(self._dump, plan, text[
                                position:position + width - 1], pending) is None:
                            self._close_dump(pending)  # (judged on the block's first line)
                    elif self._dump is not None:
                        self._close_dump(pending)
                    if pending:
                        segments.append(pending)
                        pending = []
                    segments.append(block)
                    last_line = text[end - width:end - 1]
                    self._reprints.remember(block, last_line)
                    if plan.metrics:
                        self._values_shape = shape
                    self._said_after(last_line, plan.report, shape)
                    self.step = columns.last(block.steps)
                    if column is not None and column.step is not None:
                        self.batch = not plan.metrics and any(
                            c[0] == rules.BATCH for c in plan.context)
                    self.epoch = columns.last(block.epochs)
                    self._counted = self._counted or bool(plan.context)
                    position = end
                    continue
            lines = text[position:end - 1].split(newline)  # type: ignore[arg-type]
            self._parse_raw_lines(lines, [shape] * count, pending)
            position = end
        if pending:
            segments.append(pending)
