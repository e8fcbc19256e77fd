"""Observations -> the lines of ``metrics.jsonl``, format 2 (docs/format.md).

Every line is one JSON value. An array is an observation, ``[id, value]`` or
``[id, value, step]``; an object sets what the arrays after it share: ``names`` (appended
to the file's name table: an array's ``id`` is a position in it), ``time``, ``epoch`` and
``src`` (each holds until set again; ``null`` clears it). The first line is
``{"format":2}``. A name, a time or an epoch is so written once, not on every row: a
million lines of three metrics take about the bytes of the output they came from
(format 1 repeated them on every row: 3.8x; ``bench/recorder.py``).

``RowWriter`` is one file's writer: it remembers what it declared. Its ``block`` runs in
the recorder's hot loop: a column block's rows are the captured text interleaved with
constant pieces in one ``str.join`` (no float -> str round trip; forms JSON lacks, such as
``+1``, ``.5`` or ``007``, go through ``float``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby

from exptrack.metrics.columns import (
    CONVERT,
    WHOLE,
    Block,
    Context,
    ContextValue,
    LazyNumbers,
    json_number,
    values,
)
from exptrack.metrics.observation import Observation

FORMAT = 2
HEADER = '{"format":2}\n'
Number = int | float
_UNSET = object()


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class RowWriter:
    """The lines of one ``metrics.jsonl``, in the order they are asked for."""

    def __init__(self) -> None:
        self._prefixes: dict[str, str] = {}  # name -> "[<id>,"
        self._time: object = None
        self._epoch: object = None  # the JSON text in force ("1", "0.5"), or None
        self._src: object = None
        self._started = False

    # -- state lines -------------------------------------------------------------------
    def _state(self, out: list[str], names: Iterable[str] = (), time: object = _UNSET,
               epoch: object = _UNSET, src: object = _UNSET) -> None:
        """Append the object line that declares ``names`` and sets what changed."""
        state: dict[str, object] = {}
        if not self._started:
            out.append(HEADER)
            self._started = True
        new = [name for name in dict.fromkeys(names) if name not in self._prefixes]
        if new:
            state["names"] = new
            for name in new:
                self._prefixes[name] = f"[{len(self._prefixes)},"
        if time is not _UNSET and time != self._time:
            state["time"] = self._time = time
        if epoch is not _UNSET and epoch != self._epoch:
            self._epoch = epoch
            state["epoch"] = None if epoch is None else _Raw(str(epoch))
        if src is not _UNSET and src != self._src:
            state["src"] = self._src = src
        if state:
            out.append(_dump(state))

    # -- observations, one at a time ---------------------------------------------------
    def rows(self, observations: Iterable[Observation], time: float | None,
             src: str | None = None) -> str:
        """The lines of ``observations`` that arrived at ``time`` (from file ``src``)."""
        out: list[str] = []
        observations = list(observations)
        if not observations:
            return ""
        self._state(out, (obs.name for obs in observations), time, src=src)
        prefixes = self._prefixes
        append = out.append
        last_epoch: object = _UNSET
        for name, value, step, epoch in observations:
            if epoch is not last_epoch:
                last_epoch = epoch
                text = None if epoch is None else json_number(epoch)
                if text != self._epoch:
                    self._state(out, epoch=text)
            number = repr(value) if value - value == 0 else json_number(value)
            if step is None:
                append(f"{prefixes[name]}{number}]\n")
            else:
                append(f"{prefixes[name]}{number},{json_number(step)}]\n")
        return "".join(out)

    # -- a column block ----------------------------------------------------------------
    def block(self, block: Block, time: float | None) -> str:
        """The lines of ``block`` (``columns``), line by line (output order)."""
        plan = block.plan
        out: list[str] = []
        self._state(out, (metric.name for metric in plan.metrics), time)
        step = _context_json(block, plan.step, block.steps)
        epoch = _context_json(block, plan.epoch, block.epochs)
        parts: list[str | Sequence[str]] = []  # constant pieces and columns, in line order
        text = ""

        def variable(column: Sequence[str]) -> None:
            nonlocal text
            if text:
                parts.append(text)
            parts.append(column)
            text = ""

        for metric in plan.metrics:
            text += self._prefixes[metric.name]
            column = metric.column
            if column < 0:
                text += str(metric.form)
            elif metric.form == CONVERT or (metric.leading and block.zeros[column]):
                converted = list(map(json_number, values(block, metric)))
                if block.constant[column]:
                    text += converted[0]
                else:
                    variable(converted)
            else:
                whole = ".0" if metric.form == WHOLE else ""
                if block.constant[column]:
                    text += _as_str(block.texts[column][:1])[0] + whole
                else:
                    variable(_as_str(block.texts[column]))
                    text = whole
            if isinstance(step, str):
                text += f",{step}"
            elif step is not None:
                text += ","
                variable(step)
            text += "]\n"
        parts.append(text)
        if epoch is None or isinstance(epoch, str):
            self._state(out, epoch=epoch)
            out.append(_join(parts, 0, block.lines))
            return "".join(out)
        # An epoch column: the lines in runs of one epoch, each after its epoch's line
        # (``groupby`` finds the runs in C: a Python loop over the lines cost ~50 ms a
        # million lines).
        start = 0
        for value, run in groupby(epoch):
            end = start + len(list(run))
            self._state(out, epoch=value)
            out.append(_join(parts, start, end))
            start = end
        return "".join(out)


class _Raw(str):
    """A number's JSON text, written as it is (``_dump``)."""


def _dump(state: Mapping[str, object]) -> str:
    """An object line; ``_Raw`` values go in as their own JSON text (an epoch as printed)."""
    return "{" + ",".join(
        f"{_json(key)}:{value if isinstance(value, _Raw) else _json(value)}"
        for key, value in state.items()) + "}\n"


def _join(parts: Sequence[str | Sequence[str]], start: int, end: int) -> str:
    """Lines ``start``..``end`` of ``parts``: constant pieces and columns, interleaved
    line by line. The pieces are laid out with one extended-slice assignment each, then
    joined once (measured: twice as fast as joining ``chain(zip(...))``)."""
    lines = end - start
    if len(parts) == 1:  # nothing varies: every line the same
        return str(parts[0]) * lines
    width = len(parts)
    flat = [""] * (lines * width)
    for index, part in enumerate(parts):
        flat[index::width] = [part] * lines if isinstance(part, str) else part[start:end]
    return "".join(flat)


def _as_str(texts: Sequence[str] | Sequence[bytes]) -> Sequence[str]:
    if not texts or isinstance(texts[0], str):
        return texts  # type: ignore[return-value]
    return b"\n".join(texts).decode("ascii", "replace").split("\n")  # type: ignore[arg-type]


def _context_json(block: Block, context: Context | None, lazy: ContextValue,
                  ) -> Sequence[str] | str | None:
    """The JSON text of a step/epoch: a column, one text for every line, or None."""
    if isinstance(lazy, LazyNumbers):
        assert context is not None
        valid = context.json and not (context.leading and block.zeros[context.column])
        if block.constant[context.column]:
            return _as_str(lazy.texts[:1])[0] if valid else json_number(lazy[0])
        return _as_str(lazy.texts) if valid else list(map(json_number, lazy))
    return None if lazy is None else json_number(lazy)
