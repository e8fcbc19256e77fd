"""The columnar fast path: a run of consecutive lines of one shape, parsed at once.

Lines of one *shape* (see ``parser``) are byte-identical but for their digits, so they
have the same length and every number sits at the same offsets. A run of them is one
slice of the chunk: each number becomes a column of text with one C-level ``map`` of a
slice; a metric's summary comes from ``min``/``max`` over its column (over the text itself
when the shape is a plain unsigned decimal, where text order is number order), and the
``metrics.jsonl`` rows are the captured text interleaved with constant JSON pieces
(``encode``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple, overload

from exptrack.metrics.kinds import EPOCH, EPOCH_ALONE

Number = int | float
Texts = Sequence[str] | Sequence[bytes]
_INT_SHAPE = re.compile(rb"[+-]?\x00+")  # digits only: ``int`` is exact
_DECIMAL_SHAPE = re.compile(rb"\x00+(?:\.\x00+)?")  # text order is number order
# how a value's text becomes JSON: as printed; as printed + ".0" (stays a float); via float
TEXT, WHOLE, CONVERT = 0, 1, 2


class Metric(NamedTuple):
    name: str
    column: int  # -1: a nan/inf literal, the same on every line
    form: int | str  # TEXT, WHOLE, CONVERT, or the literal's JSON text
    leading: bool  # more than one integer digit: a leading zero is possible
    ordered: bool  # plain unsigned decimal: min/max over the text are min/max of values


class Context(NamedTuple):
    column: int
    plain: bool  # digits only (``int``)
    json: bool  # unsigned decimal: valid JSON as printed, but for leading zeros
    leading: bool


class ColumnPlan(NamedTuple):
    """Where a shape's numbers are, and what each one is."""

    slices: tuple[slice, ...]  # one a column
    step: Context | None  # the line's step (the last step token), if any
    epoch: Context | None
    metrics: tuple[Metric, ...]
    report: tuple[int, int] = (0, 0)  # the line plan's ``report`` span (``lineplan.Plan``)


class LazyNumbers(Sequence[Number]):
    """A step or epoch column: converted only where read (a summary reads two)."""

    def __init__(self, texts: Texts, plain: bool) -> None:
        self.texts = texts
        self.plain = plain

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Number: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Number]: ...
    def __getitem__(self, index: int | slice) -> Number | Sequence[Number]:
        if isinstance(index, slice):
            return LazyNumbers(self.texts[index], self.plain)
        text = self.texts[index]
        if self.plain:
            return int(text)
        value = float(text)
        return int(value) if value.is_integer() else value

    def __iter__(self) -> Iterator[Number]:
        if self.plain:
            return iter(map(int, self.texts))
        return (int(v) if v.is_integer() else v for v in map(float, self.texts))


ContextValue = LazyNumbers | Number | None


class Block(NamedTuple):
    """``lines`` lines of one plan: the text of each column, and the step and epoch of
    each line (a ``LazyNumbers`` when the lines carry them, else the parser's context when
    the run started, one value for every line)."""

    plan: ColumnPlan
    lines: int
    texts: list[Texts]
    steps: ContextValue
    epochs: ContextValue
    constant: tuple[bool, ...]  # a column's text is the same on every line
    zeros: tuple[bool, ...]  # some line's column starts with a zero digit


def runs(shaped: bytes) -> list[tuple[bytes, int]]:
    """(shape, number of lines) of each run of consecutive lines of one shape in ``shaped``
    (whole lines, digits translated). A chunk all of one shape (a flood of metric lines)
    is told by one comparison instead of a split of every line (measured: the split and
    ``groupby`` were ~70 ns a line, a sixth of the recorder's parsing)."""
    first = shaped[:shaped.find(b"\n") + 1]
    lines, rest = divmod(len(shaped), len(first))
    if not rest and first * lines == shaped:
        return [(first[:-1], lines)]
    shapes = shaped.split(b"\n")
    shapes.pop()
    return [(shape, len(list(group))) for shape, group in groupby(shapes)]


def make_plan(shape: bytes, context: Sequence[tuple[int, int, int]],
              metrics: Sequence[tuple[str, int, int, int, int, float]],
              report: tuple[int, int] = (0, 0)) -> ColumnPlan | None:
    """The column plan for a shape's line plan; None when the line path must do it
    (nothing to extract, ratios or values in a unit to convert, a metric twice in one line)."""
    names = [m[0] for m in metrics]
    if not metrics or any(m[4] or m[5] != 1.0 for m in metrics) or len(set(names)) != len(names):
        return None
    spans = sorted({(s, e) for _, s, e in context} | {(m[1], m[2]) for m in metrics})
    column = {span: index for index, span in enumerate(spans)}
    step = epoch = None
    for kind, start, end in context:
        token = shape[start:end]
        found = Context(column[(start, end)], _INT_SHAPE.fullmatch(token) is not None,
                        _DECIMAL_SHAPE.fullmatch(token) is not None, _int_digits(token) > 1)
        if kind in (EPOCH, EPOCH_ALONE):
            epoch = found
        else:
            step = found
    planned: list[Metric] = []
    for name, start, end, _, _, _ in metrics:
        token = shape[start:end]
        if b"\x00" not in token:  # nan / inf
            low = token.lower()
            literal = '"nan"' if b"nan" in low else ('"-inf"' if low.startswith(b"-")
                                                     else '"inf"')
            planned.append(Metric(name, -1, literal, False, False))
            continue
        body = token[1:] if token.startswith(b"-") else token
        form: int | str = TEXT
        if not body.startswith(b"\x00"):  # "+1", ".5", "-.5"
            form = CONVERT
        elif b"." not in token and b"e" not in token.lower():
            form = WHOLE
        planned.append(Metric(name, column[(start, end)], form, _int_digits(token) > 1,
                              _DECIMAL_SHAPE.fullmatch(token) is not None))
    return ColumnPlan(tuple(slice(s, e) for s, e in spans), step, epoch, tuple(planned),
                      report)


def _int_digits(token: bytes) -> int:
    body = token.lstrip(b"+-")
    return len(body) - len(body.lstrip(b"\x00"))


def extract(plan: ColumnPlan, region: str | bytes, count: int,
            step: Number | None, epoch: Number | None, said: str | bytes = b"") -> Block | None:
    """``count`` lines (``region``, each newline-terminated) of ``plan``'s shape; ``said``:
    the ``report`` bytes of the line before them when it had their shape."""
    lines: list[str] | list[bytes] = region.split("\n") if isinstance(region, str) \
        else region.split(b"\n")
    lines.pop()
    if len(lines) != count:
        return None
    width = len(lines[0]) + 1 if lines else 1
    constant = tuple(_constant(region, cut, width) for cut in plan.slices)
    texts: list[Texts] = [[lines[0][cut]] * count if same  # type: ignore[misc]
                          else list(map(itemgetter(cut), lines))
                          for cut, same in zip(plan.slices, constant, strict=True)]
    keep = _reports(plan, region, lines, said)
    if keep is not None:  # a report printed twice in a row (a logger with two handlers)
        if not keep:
            return None
        texts = [[t[i] for i in keep] for t in texts]  # type: ignore[misc]
        count = len(keep)
    zeros = tuple(_zero_first(region, lines[0], cut, width) for cut in plan.slices)
    steps: ContextValue = step
    epochs: ContextValue = epoch
    if plan.step is not None:
        steps = LazyNumbers(texts[plan.step.column], plan.step.plain)
    if plan.epoch is not None:
        epochs = LazyNumbers(texts[plan.epoch.column], plan.epoch.plain)
    return Block(plan, count, texts, steps, epochs, constant, zeros)


def _reports(plan: ColumnPlan, region: str | bytes, lines: Sequence[str | bytes],
             said: str | bytes) -> list[int] | None:
    """The lines to keep when some line repeats the ``report`` bytes of the line before it
    (the same report printed again: see ``lineplan.Plan``); None: keep all. A line equal
    to the one before is equal in every column: the step's first, then the values', are
    compared for all lines at once (``_differ``), until no line can be a repeat; only the
    lines left are compared whole."""
    low, high = plan.report
    if not high:
        return None
    first = same(lines[0][low:high], said)
    width = len(lines[0]) + 1
    differ, flags = 0, bytes(len(lines) - 1)  # no column compared yet: any line may repeat
    columns = [c.column for c in (plan.step, plan.epoch) if c is not None]
    for column in columns + [m.column for m in plan.metrics if m.column >= 0]:
        differ |= _differ(region, plan.slices[column], width)
        flags = differ.to_bytes(len(lines) - 1, "big")
        if 0 not in flags:
            break
    repeats = [p + 1 for p, flag in enumerate(flags) if not flag
               and lines[p + 1][low:high] == lines[p][low:high]] if 0 in flags else []
    if not first and not repeats:
        return None
    dropped = set(repeats) | ({0} if first else set())
    return [i for i in range(len(lines)) if i not in dropped]


def _differ(region: str | bytes, cut: slice, width: int) -> int:
    """A byte a line (but the first): zero where the line's column ``cut`` is the same
    text as the line before's. Each of its characters is one strided slice of every
    line's, XORed with itself shifted by a line (C-level work: a comparison a line cost a
    fifth of the column path's time)."""
    differ = 0
    for offset in range(cut.start, cut.stop):
        chars = region[offset::width]
        data = chars.encode("ascii") if isinstance(chars, str) else chars
        differ |= int.from_bytes(data[1:], "big") ^ int.from_bytes(data[:-1], "big")
    return differ


def same(report: str | bytes, said: str | bytes) -> bool:
    """Whether two ``report`` spans (text or bytes, as the chunk was read) are equal."""
    if isinstance(report, str) != isinstance(said, str):
        report = report.encode("utf-8", "surrogateescape") if isinstance(report, str) \
            else report.decode("utf-8", "surrogateescape")
    return report == said


def _constant(region: str | bytes, cut: slice, width: int) -> bool:
    """Whether the column ``cut`` of every line of ``region`` (lines of ``width``,
    newline included) is the same text: each of its characters, taken from every line
    with one strided slice, is one character repeated. A constant column (a learning
    rate, an epoch) then costs no per-line work (measured, ``bench/recorder.py``: an
    ``itemgetter`` a line and column was the recorder's largest cost)."""
    for offset in range(cut.stop - 1, cut.start - 1, -1):  # the last digit varies most
        chars = region[offset::width]
        if chars.count(chars[:1]) != len(chars):  # type: ignore[arg-type]
            return False
    return True


def _zero_first(region: str | bytes, line: str | bytes, cut: slice, width: int) -> bool:
    """Whether some line's token in column ``cut`` starts with the digit 0 (after its sign,
    the same on every line of a shape): one strided slice."""
    start = cut.start + (line[cut.start:cut.start + 1] in ("-", "+", b"-", b"+"))
    return ("0" if isinstance(region, str) else b"0") in region[start::width]  # type: ignore[operator]


def last(context: ContextValue) -> Number | None:
    return context[-1] if isinstance(context, LazyNumbers) else context


def first(context: ContextValue) -> Number | None:
    return context[0] if isinstance(context, LazyNumbers) else context


def summary_steps(block: Block) -> Sequence[Number | None]:
    """Per line, the step a summary's best/last refers to: the step, else the epoch."""
    for context in (block.steps, block.epochs):
        if isinstance(context, LazyNumbers):
            return context
        if context is not None:
            return [context] * block.lines
    return [None] * block.lines


def values(block: Block, metric: Metric) -> list[float]:
    if metric.column < 0:
        return [float(str(metric.form).strip('"'))] * block.lines
    texts = block.texts[metric.column]
    if block.constant[metric.column]:
        return [float(texts[0])] * len(texts)
    return list(map(float, texts))


def json_number(value: Number) -> str:
    if isinstance(value, int) or math.isfinite(value):
        return repr(value)
    return '"nan"' if math.isnan(value) else ('"inf"' if value > 0 else '"-inf"')


def observations(block: Block) -> list[tuple[str, float, Number | None, Number | None]]:
    """``block`` as (name, value, step, epoch) tuples in output order."""
    out: list[tuple[str, float, Number | None, Number | None]] = []
    columns = [values(block, metric) for metric in block.plan.metrics]
    steps, epochs = block.steps, block.epochs
    for line in range(block.lines):
        step = steps[line] if isinstance(steps, LazyNumbers) else steps
        epoch = epochs[line] if isinstance(epochs, LazyNumbers) else epochs
        for metric, column in zip(block.plan.metrics, columns, strict=True):
            out.append((metric.name, column[line], step, epoch))
    return out
