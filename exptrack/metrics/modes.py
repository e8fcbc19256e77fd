"""Blocks of lines that read on under a mode of their own (a mixin of ``SlowPath``,
sharing the parser's state): the best round's values printed again (``REPRINT``), W&B's run
summary (``SUMMARY``), a per-class breakdown's rows (``ROWS``), Detectron2's evaluation
results and their copypaste lines (``RESULTS``, ``COPYPASTE``), a Keras epoch's held render
(``PARTIAL``, see ``heldlines``), Flower's rounds and run summary (``FLOWER``).
"""

from __future__ import annotations

from exptrack.metrics import detectron, dumpheads, dumps, flower, names, reprints, rules
from exptrack.metrics import wandbsummary as wandb
from exptrack.metrics.heldlines import HeldLines, is_epoch
from exptrack.metrics.lineplan import (
    COPYPASTE,
    MAX_OBJECT_LINES,
    REPORT,
    REPRINT,
    RESULTS,
    ROWS,
    SUMMARY,
    Plan,
    text_of,
    untagged,
)
from exptrack.metrics.observation import Observation


class ModedBlocks(HeldLines):
    """The lines of a ``dumps.Block`` with a mode (see the module docstring)."""

    _reprints: reprints.Reprints
    _flower: flower.Reader

    def _table_line(self, text: str, out: list[Observation]) -> None:
        raise NotImplementedError

    def _name(self, name: str) -> str:
        raise NotImplementedError

    def _flower_line(self, raw: str | bytes, out: list[Observation]) -> bool:
        """A line of Flower's (its plan marked it) or one under its summary: True when it
        was read; False when it is none (the summary, if one was open, ended there)."""
        block = self._dump
        under = block is not None and block.mode == dumps.FLOWER
        found = self._flower.line(untagged(text_of(raw)))
        if found is None:
            if under:
                self._dump = None
            return False
        if self._flower.heading is None:
            if under:
                self._dump = None
        elif not under:
            if block is not None:
                self._close_dump(out)
            self._dump = dumps.Block(mode=dumps.FLOWER)
        out.extend(Observation(self._name(name), value, at, None) for name, value, at in found
                   if name.startswith("loss") or not names.denied(name))
        return True

    def _moded(self, block: dumps.Block, plan: Plan, raw: str | bytes,
               out: list[Observation]) -> bool | None:
        """A line under a ``Block`` that reads on (``dumps.REPRINT``, ``dumps.RESULTS``), or
        one that starts such a block: True when the line is done, None when it is read as
        if there were no block (which stays)."""
        if block.mode == dumps.PARTIAL:
            epoch = block.held[0].epoch if block.held else None
            if any(kind in (rules.STEP, rules.BATCH) or not is_epoch(raw[start:end], epoch)
                   for kind, start, end in plan.context):  # the next epoch, and no
                self._close_dump(out)  # finished bar: the last render was the epoch's
                return False
            return None  # "Epoch 6: ReduceLROnPlateau reducing ...": the same epoch
        if block.mode == dumps.BAR:
            return self._bar_reported(block, plan, raw, out)
        if block.mode == dumps.REPORT:  # (to its closing rule, a bounded number of lines)
            text = text_of(raw).strip()
            if (len(text) >= 20 and not text.strip("-")) \
                    or len(block.lines) >= MAX_OBJECT_LINES * 10:
                self._dump = None
            block.lines.append("")
            return True
        if block.mode == dumps.REPRINT:
            step = next((text_of(raw[start:end]) for kind, start, end in plan.context
                         if kind == rules.STEP), None)
            if plan.metrics and (not block.lines or step == block.lines[0]):
                if step is not None and not block.lines:  # the round's other lines after it
                    block.lines.append(step)  # (LightGBM's program prints a line a metric:
                elif step is None:  # "Iteration:20, valid_1 auc : 0.801629")
                    self._dump = None
                return True  # the best round's values again: no new observation
            self._dump = None
            if block.lines:
                return False  # the round is over: the line reads on its own
        if block.mode == dumps.SUMMARY:
            if not wandb.read(untagged(text_of(raw)), block, self._reprints):
                self._close_dump(out)  # the block's end: the line reads on its own
                return False
            return True
        if block.mode == dumps.ROWS:
            text = text_of(raw)
            if text.strip() and not plan.context and len(block.lines) < MAX_OBJECT_LINES \
                    and not (block.lines and dumpheads.is_rule(text)):
                block.lines.append("")  # one class's row ("  causal : F1=0.86 (P=0.81")
                return True
            self._dump = None  # the breakdown's end: the line reads on its own
            return False
        if plan.flags & (REPRINT | SUMMARY | ROWS | REPORT):
            self._dump = dumps.Block(mode=dumps.REPRINT if plan.flags & REPRINT
                                     else dumps.SUMMARY if plan.flags & SUMMARY
                                     else dumps.REPORT if plan.flags & REPORT else dumps.ROWS)
            return True
        if plan.flags & COPYPASTE:  # Detectron2's results in full: the tables' values go
            found = self._copypaste.line(text_of(raw))
            done = {name for name, _ in found}
            block.held = [o for o in block.held if o.name not in done]
            out.extend(Observation(self._name(name), value, self.step, self.epoch)
                       for name, value in found)
            return True
        if plan.flags & RESULTS:  # "Evaluation results for bbox:": its tables are held
            if self._dump is not block:
                self._dump = dumps.Block(mode=dumps.RESULTS)
            self._dump.phase = detectron.task(text_of(raw))
            return True
        text = text_of(raw)
        if block.mode == dumps.RESULTS and block.phase and text.lstrip().startswith("|"):
            rows: list[Observation] = []
            self._table_line(text, rows)
            block.held.extend(o._replace(name=f"{block.phase}/{o.name}") for o in rows)
            if len(block.held) > dumps.MAX_HELD:
                self._close_dump(out)
            return True
        if block.mode == dumps.RESULTS and not plan.context:
            return None  # a line between the tables and their copypaste lines
        self._close_dump(out)  # a step or an epoch: the tables were the record
        return False
