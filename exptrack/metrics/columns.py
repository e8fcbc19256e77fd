"""The columnar fast path: a run of consecutive lines of one shape, parsed at once.

Lines of one *shape* (see ``parser``) are byte-identical but for their digits, so they
have the same length and every number sits at the same offsets. A run of them is one
slice of the chunk; one regex built for the shape (``.{n}(.{w})...``) captures all their
numbers with a single ``findall``, and each metric becomes a column: ``float`` by ``map``,
the summary by ``min``/``max`` over the column, and the ``metrics.jsonl`` rows by one
%-template a line filled from the captured text (no float -> str round trip).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from typing import NamedTuple

from exptrack.metrics import rules

Number = int | float
_INT_TOKEN = re.compile(rb"[+-]?\x00+")  # a token's shape: digits only
# how a value token's text becomes JSON (known from the shape alone, but for leading zeros)
TEXT, WHOLE, CONVERT = 0, 1, 2  # as printed; as printed + ".0"; through float -> repr


class ColumnPlan(NamedTuple):
    """What a shape's lines hold: a capture regex and where each column goes."""

    regex_str: re.Pattern[str]
    regex_bytes: re.Pattern[bytes]
    tokens: int  # capture groups
    step: int | None  # column of the line's step (the last step token), if any
    step_int: bool  # that column is plain digits: ``int`` is exact
    epoch: int | None
    epoch_int: bool
    # (name, column (-1: a literal), JSON form (TEXT, WHOLE, CONVERT) or the literal's
    # JSON text, leading zeros possible)
    metrics: tuple[tuple[str, int, int | str, bool], ...]


class Block(NamedTuple):
    """``lines`` lines of one plan: captured text per column, values, steps and epochs.

    ``steps``/``epochs`` are a list (one per line) when the lines carry them, else the
    parser's context when the run started (one value for every line)."""

    plan: ColumnPlan
    lines: int
    texts: list[Sequence[str] | Sequence[bytes]]
    values: list[list[float]]  # one list per plan metric, in plan order
    steps: list[Number] | Number | None
    epochs: list[Number] | Number | None


def make_plan(shape: bytes, context: Sequence[tuple[int, int, int]],
              metrics: Sequence[tuple[str, int, int, int, int, float]]) -> ColumnPlan | None:
    """The column plan for a shape's line plan; None when the line path must do it
    (nothing to extract, ratios, a metric twice in one line)."""
    names = [m[0] for m in metrics]
    if not metrics or any(m[4] for m in metrics) or len(set(names)) != len(names):
        return None
    spans = sorted({(s, e) for _, s, e in context} | {(m[1], m[2]) for m in metrics})
    column = {span: index for index, span in enumerate(spans)}
    pattern, at = ["(?s)"], 0
    for start, end in spans:
        if start < at:
            return None  # overlapping tokens: not expected from ``rules``
        pattern.append(f".{{{start - at}}}(.{{{end - start}}})")
        at = end
    pattern.append(f".{{{len(shape) - at}}}\n")
    text = "".join(pattern)
    step = epoch = None
    step_int = epoch_int = False
    for kind, start, end in context:
        plain = _INT_TOKEN.fullmatch(shape[start:end]) is not None
        if kind == rules.EPOCH:
            epoch, epoch_int = column[(start, end)], plain
        else:
            step, step_int = column[(start, end)], plain
    planned: list[tuple[str, int, int | str, bool]] = []
    for name, start, end, _, _, _ in metrics:
        token = shape[start:end]
        if b"\x00" not in token:  # nan / inf
            low = token.lower()
            literal = '"nan"' if b"nan" in low else ('"-inf"' if low.startswith(b"-")
                                                     else '"inf"')
            planned.append((name, -1, literal, False))
            continue
        body = token.lstrip(b"-")
        form: int | str = TEXT
        if token.startswith(b"+") or body.startswith(b".") or len(body) - len(token) < -1:
            form = CONVERT
        elif b"." not in token and b"e" not in token.lower():
            form = WHOLE
        leading = len(body) - len(body.lstrip(b"\x00")) > 1
        planned.append((name, column[(start, end)], form, leading))
    return ColumnPlan(re.compile(text), re.compile(text.encode()), len(spans), step, step_int,
                      epoch, epoch_int, tuple(planned))


def _numbers(texts: Sequence[str] | Sequence[bytes], plain: bool) -> list[Number]:
    if plain:
        return list(map(int, texts))
    return [int(v) if v.is_integer() else v for v in map(float, texts)]


def extract(plan: ColumnPlan, region: str | bytes, count: int,
            step: Number | None, epoch: Number | None) -> Block | None:
    """``count`` lines (``region``, each newline-terminated) of ``plan``'s shape."""
    if isinstance(region, str):
        found: list[object] = plan.regex_str.findall(region)
    else:
        found = plan.regex_bytes.findall(region)
    if len(found) != count:
        return None
    texts: list[Sequence[str] | Sequence[bytes]] = \
        list(zip(*found, strict=True)) if plan.tokens > 1 else [found]  # type: ignore[list-item]
    steps: list[Number] | Number | None = step
    epochs: list[Number] | Number | None = epoch
    if plan.step is not None:
        steps = _numbers(texts[plan.step], plan.step_int)
    if plan.epoch is not None:
        epochs = _numbers(texts[plan.epoch], plan.epoch_int)
    values = [list(map(float, texts[index])) if index >= 0
              else [float(form.strip('"'))] * count  # type: ignore[union-attr]
              for _, index, form, _ in plan.metrics]
    return Block(plan, count, texts, values, steps, epochs)


def last(context: list[Number] | Number | None) -> Number | None:
    return context[-1] if isinstance(context, list) else context


def summary_steps(block: Block) -> list[Number | None]:
    """Per line, the step a summary's best/last refers to: the step, else the epoch."""
    for context in (block.steps, block.epochs):
        if isinstance(context, list):
            return context  # type: ignore[return-value]
        if context is not None:
            return [context] * block.lines
    return [None] * block.lines


def json_number(value: Number) -> str:
    if isinstance(value, int) or math.isfinite(value):
        return repr(value)
    return '"nan"' if math.isnan(value) else ('"inf"' if value > 0 else '"-inf"')


def _as_str(texts: Sequence[str] | Sequence[bytes]) -> Sequence[str]:
    if not texts or isinstance(texts[0], str):
        return texts  # type: ignore[return-value]
    return b"\n".join(texts).decode("ascii", "replace").split("\n")  # type: ignore[arg-type]


def _context_texts(context: list[Number], plain: bool) -> list[str]:
    return list(map(str, context)) if plain else list(map(json_number, context))


def encode_block(block: Block, time: float | None) -> str:
    """The ``metrics.jsonl`` rows of ``block``, in output order (line by line)."""
    plan = block.plan
    end = f', "time": {time!r}}}\n' if time is not None else "}\n"
    constants: list[str] = []
    args: list[Sequence[str]] = []
    text = ""

    def context_part(key: str, context: list[Number] | Number | None,
                     column: list[str] | None) -> None:
        nonlocal text
        if column is not None:
            constants.append(text + f', "{key}": ')
            args.append(column)
            text = ""
        elif context is not None and not isinstance(context, list):
            text += f', "{key}": {json_number(context)}'

    step_col = _context_texts(block.steps, plan.step_int) \
        if isinstance(block.steps, list) else None
    epoch_col = _context_texts(block.epochs, plan.epoch_int) \
        if isinstance(block.epochs, list) else None
    for position, (name, index, form, leading) in enumerate(plan.metrics):
        text += f'{{"name": {json.dumps(name, ensure_ascii=False)}, "value": '
        if index < 0:
            text += form  # type: ignore[operator]
        else:
            texts = _as_str(block.texts[index])
            if form != CONVERT and leading and _leading_zero(texts):
                form = CONVERT
            constants.append(text)
            text = ".0" if form == WHOLE else ""
            args.append(texts if form != CONVERT
                        else list(map(json_number, block.values[position])))
        context_part("step", block.steps, step_col)
        context_part("epoch", block.epochs, epoch_col)
        text += end
    constants.append(text)
    template = "%s".join(c.replace("%", "%%") for c in constants)
    if not args:
        return (template % ()) * block.lines
    return "".join(map(template.__mod__, zip(*args, strict=True)))


def _leading_zero(texts: Sequence[str]) -> bool:
    joined = "\n" + "\n".join(texts)
    return "\n0" in joined or "\n-0" in joined


def observations(block: Block) -> list[tuple[str, float, Number | None, Number | None]]:
    """``block`` as (name, value, step, epoch) tuples in output order (for tests and
    ``track parse``-style consumers)."""
    out: list[tuple[str, float, Number | None, Number | None]] = []
    steps, epochs = block.steps, block.epochs
    for line in range(block.lines):
        step = steps[line] if isinstance(steps, list) else steps
        epoch = epochs[line] if isinstance(epochs, list) else epochs
        for position, (name, _, _, _) in enumerate(block.plan.metrics):
            out.append((name, block.values[position][line], step, epoch))
    return out
