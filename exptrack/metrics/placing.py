"""Placing a line's values (a mixin of ``SlowPath``, sharing the parser's state): the
step and the epoch its context shows, the step a run of the epoch's lines ends, and the
values of any plan with them (number forms, a bar's count as the step); the hot loop in
``parser`` does the same work inline for plain lines."""

from __future__ import annotations

import math
import re

from exptrack.metrics import barrenders, forms, rules
from exptrack.metrics.columns import ColumnPlan
from exptrack.metrics.lineplan import EPOCH_REPORT, Plan, bar_finished
from exptrack.metrics.observation import Carried, Observation

MAX_BAR_NAMES = 4096  # the names remembered as a bar's (a bound on memory)
# a bar that counts the epochs (scvi-tools' "Epoch 10/2000:   0%|   | 9/2000 [..., recon=738]"):
# each render is a new epoch's values, a value equal to the last render's one too
_EPOCH_BAR = re.compile(rb"Epoch (\d{1,7})/(\d{1,7}):\s{1,4}\d{1,3}%\|[^|]{0,60}\|"
                        rb"\s{0,2}(\d{1,7})/(\d{1,7})\s")


class Placing:
    """The step, the epoch and the values of a line (see the module docstring)."""

    step: int | float | None
    epoch: int | float | None
    batch: bool
    _bar_seen: dict[str, float]  # a bar's values as it last showed them (``replay``)
    _bar_epoch: int | float | None  # the epoch a bar of no total showed them in
    _bar_names: set[str]  # names a bar placed at its count (``_apply``)
    _in_render: bool  # replaying a terminal's render, which filters its own repeats

    def _changed_on_bar(self, found: list[Observation], out: list[Observation]) -> None:
        raise NotImplementedError  # ``replay.BarReplay``

    def _epoch_lines(self, plan: Plan, column: ColumnPlan | None) -> None:
        """Lines whose values are the epoch's end the step of its batches: a run of lines
        with an epoch and no step (``column``), an epoch's own report (``EPOCH_REPORT``),
        on the line path and the column path alike."""
        if (column and column.step is None and column.epoch) \
                or (plan.flags & EPOCH_REPORT and self.epoch is not None):
            self.step = None

    def _placed_step(self, plan: Plan) -> int | float | None:
        """The step of a line's values: none for a line of no step or epoch of its own after
        a progress line's batch counted within its epoch ("Average training loss: 0.50"
        after "Batch 240 of 241."): the epoch's; on the line path and the column path."""
        return None if self.batch and not plan.context and self.epoch is not None \
            else self.step

    def place(self, kind: int, number: int | float, progress: bool = False) -> None:
        """Take a step or an epoch a line shows (``rules``' context kinds); ``progress``: the
        line reports no value (only how far its epoch is)."""
        if kind == rules.EPOCH:
            self.epoch = number
        elif kind == rules.EPOCH_ALONE:
            self.epoch = number
            self.step, self.batch = None, False  # "Epoch[4] Validation-accuracy=...": the
            # epoch's values, not its last batch's or an earlier line's step
        else:
            self.step, self.batch = number, progress and kind == rules.BATCH

    def _apply(self, plan: Plan, raw: str | bytes, out: list[Observation]) -> None:
        """The hot loop's work for one line, for any plan (number forms, a bar's step)."""
        bar = None
        bar_end = 0
        finished = False  # the bar's count reached its total ("| 7673/7673 ["): it is done
        for kind, start, end in plan.context:
            token = raw[start:end]
            if token.isdigit():
                number: int | float = int(token)
            else:
                value = forms.to_float(token)
                number = int(value) if value.is_integer() else value
            if kind == rules.BAR_STEP:
                bar, bar_end = number, end
                finished = bar_finished(raw if isinstance(raw, bytes) else raw.encode(), start, end)
            else:
                self.place(kind, number, not plan.metrics)
        if bar is not None and any(c[0] == rules.EPOCH for c in plan.context) and not any(
                c[0] in (rules.STEP, rules.BATCH) for c in plan.context):
            self.step = None  # "Epoch 96: 80% 966/1200 [...]": an earlier line's step is over
        step, epoch = self._placed_step(plan), self.epoch
        unsized = barrenders.unsized_bar(raw) if bar is None and plan.context else -1
        if bar is not None and step is None and epoch is None:
            tail = barrenders.bar_tail_in(raw) \
                if finished and plan.metrics and plan.metrics[-1][1] > bar_end else -1
            after = tuple(m for m in plan.metrics if m[1] >= tail) if tail >= 0 else ()
            if after and not any(m[0] in self._bar_names for m in after):  # a print glued
                # after a finished bar's bracket ("100%|...| 299/299 [01:42<00:00]Acc: 0.86"):
                # an evaluation's results, not values at its batch count (as on a line of
                # their own); names a bar under way showed at its steps ("49/90000 [...]G:
                # 2.06 | D: 0.05") go on at its last
                self._apply_values(plan._replace(metrics=tuple(
                    m for m in plan.metrics if m[1] < tail)), raw, bar, None, out)
                self._apply_values(plan._replace(metrics=after), raw, None, None, out)
                return
            if len(self._bar_names) > MAX_BAR_NAMES:
                self._bar_names.clear()
            self._bar_names.update(m[0] for m in plan.metrics)
            step = bar  # a tqdm postfix, with nothing else to place it
        elif (bar is not None or unsized >= 0) and not self._in_render and all(
                c[0] in (rules.EPOCH, rules.BAR_STEP, rules.EPOCH_ALONE) for c in plan.context):
            # a bar redrawn line by line ("Epoch 0: 92%|...| 932/1016 [..., loss=0.223]"),
            # which no step of the line places: like a terminal's redraw, it repeats the
            # values it already showed; a line printed right after the bar's bracket, glued
            # to it ("...?it/s][Epoch 2/100] Loss: 2.18  LR: 0.001"), is a line of its own
            tail = barrenders.bar_tail_in(raw)
            shown, glued = plan, None
            if tail >= 0:
                shown = plan._replace(metrics=tuple(m for m in plan.metrics if m[1] < tail))
                glued = plan._replace(metrics=tuple(m for m in plan.metrics if m[1] >= tail))
            if epoch != self._bar_epoch and (bar is None or self._counts_epochs(raw)):
                self._bar_seen.clear()  # a bar of no total ("392it [") never ends: it
                self._bar_epoch = epoch  # repeats values within its epoch (GluonTS'
                # "avg_epoch_loss=-199, epoch=5"); nor does one that counts the epochs
            if bar is None and unsized == 0:  # "Epoch 1: : 0it [...]": the values of the
                shown = shown._replace(metrics=())  # epoch before, again
            found: list[Observation] = []
            self._apply_values(shown, raw, step, epoch, found)
            self._changed_on_bar(found, out)
            if glued is not None:
                self._apply_values(glued, raw, step, epoch, out)
            if finished:  # the next bar ("Evaluate", the next epoch's) shows its own values
                self._bar_seen.clear()
            return
        self._apply_values(plan, raw, step, epoch, out)

    @staticmethod
    def _counts_epochs(raw: str | bytes) -> bool:
        """Is the line a render of a bar whose count is the epoch (``_EPOCH_BAR``)?"""
        found = _EPOCH_BAR.search(raw if isinstance(raw, bytes) else raw.encode())
        return found is not None and found[2] == found[4] \
            and int(found[1]) - 1 <= int(found[3]) <= int(found[1])

    def _apply_values(self, plan: Plan, raw: str | bytes, step: int | float | None,
                      epoch: int | float | None, out: list[Observation]) -> None:
        made = Observation if plan.context else Carried  # (``finals``)
        for name, start, end, d_start, d_end, scale in plan.metrics:
            text = raw[start:end]
            try:
                value = float(text)
            except ValueError:
                value = forms.to_float(text)
            if d_end:
                total = forms.to_float(raw[d_start:d_end])
                value = value / total * scale if total else math.nan
            elif scale != 1.0:
                value *= scale
            out.append(made(name, value, step, epoch))
