"""Printed configuration blocks and objects printed over lines, once they end (a mixin of
``SlowPath``, sharing the parser's state): what a block held back goes out, unless it was a
configuration (``dumps``); an object's lines are read as one line once its brackets close.
"""

from __future__ import annotations

from exptrack.metrics import dumps, dumpsettings
from exptrack.metrics.lineplan import MAX_OBJECT_LINES, depth, make_plan
from exptrack.metrics.modes import ModedBlocks
from exptrack.metrics.observation import Observation
from exptrack.metrics.phasename import with_phase
from exptrack.metrics.replay import MAX_LINE_BYTES


class DumpBlocks(ModedBlocks):
    """The end of a ``dumps.Block`` (see the module docstring)."""

    _settings: dumpsettings.Settings

    def _parse_lines(self, lines: list[str], out: list[Observation]) -> None:
        raise NotImplementedError

    def _recorded(self, found: list[Observation]) -> list[Observation]:
        raise NotImplementedError

    def _peek(self, name: str) -> str:
        raise NotImplementedError

    def _object_line(self, block: dumps.Block, text: str, out: list[Observation]) -> None:
        """A line of an object printed over lines (``pprint`` of a Trainer's logs, a JSON
        dump with an indent): once its brackets close, the object is read as one line, so
        a step or an epoch anywhere in it places all its values."""
        block.lines.append(text.strip())
        block.depth += depth(text)
        size = sum(len(line) + 1 for line in block.lines)
        if block.depth <= 0 and size <= MAX_LINE_BYTES // 4:
            self._dump = None
            self._parse_lines([" ".join(block.lines)], out)
        elif block.depth <= 0 or len(block.lines) >= MAX_OBJECT_LINES:
            self._close_dump(out)  # too long to be one line: its lines one by one

    def _close_dump(self, out: list[Observation]) -> None:
        """The block ended: what it held back, unless it was a printed configuration (then
        only the values a metric's name holds, or that the block keeps changing)."""
        block, self._dump = self._dump, None
        if block is not None and block.reprinted:  # a report's values that only repeated
            kept = [obs for obs, _, known in block.reprinted if known is None]  # the dict
            out.extend(self._recorded([o._replace(name=with_phase(o.name, block.phase))
                                       for o in kept]))  # before it (``_fresh_values``)
        if block is not None and block.mode == dumps.OBJECT:  # never closed: its lines one
            first = block.lines[0].encode("utf-8", "surrogateescape")  # by one
            if len(first) <= MAX_LINE_BYTES:
                self._apply(make_plan(first, self._name, self._peek, objects=False), first, out)
            self._parse_lines(block.lines[1:], out)
            return
        if block is None or not block.held:
            return
        if block.is_configuration():  # a Series's rows are a table's, however often printed
            if not block.series:
                out.extend(self._recorded(self._settings.keep(block.held, not block.message)))
        else:
            out.extend(self._recorded(block.held))

    def _release(self, out: list[Observation]) -> None:
        """The block became a stream of metrics: what it held back goes out."""
        if self._dump is not None and self._dump.held:
            out.extend(self._recorded(self._dump.held))
            self._dump.held = []
