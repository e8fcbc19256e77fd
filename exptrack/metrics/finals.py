"""Results printed once after the run's last step belong to no step.

A run prints its per-epoch values, then, once training is over, a test evaluation, a
summary, the total time: values of names it never printed before, on lines that show no
step of their own. Such a value carries the last epoch only because nothing printed since
set another; people read it as the run's result (``Test accuracy: 0.91`` after
``Epoch 10/10``), not as epoch 10's. Printed once, it looks exactly like the first
validation of a run whose next epoch has not begun, so it is told only later:

- a value of a new name, on a line with no step (a ``Carried`` observation), right after
  values the run had printed before at the same step, is *held*;
- it goes out with its step when the run goes on (a value at another step, or the same
  name again: it was the epoch's);
- at the end of the output it goes out with no step: it came after the last step.

Held values reach ``metrics.jsonl`` late (a live view shows them once the next epoch
starts); a run that trains for one epoch only never holds anything (no name repeats).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from exptrack.metrics import columns
from exptrack.metrics.observation import Carried, Observation

MAX_HELD = 2000  # a dump of new names this long is no closing summary: let it go

Context = tuple[int | float | None, int | float | None]
_NONE: Context = (None, None)


class Finals:
    """The parser's filter of what it gives out (``take``, ``segments``, ``finish``)."""

    def __init__(self) -> None:
        self.known: set[str] = set()  # names given out
        self.held: list[Observation] = []
        self.held_names: set[str] = set()
        self.repeated: Context = _NONE  # where a name given out before was last given out
        self.first: Context = _NONE  # the first step and epoch given out
        self.moved = [False, False]  # a later step, a later epoch was given out
        self.closing: set[str] = set()  # names given out after a run's last step
        self.back_to: int | float | None = None  # the first epoch, once a later one came

    def take(self, found: Iterable[Observation]) -> list[Observation]:
        """``found``, less what is held now, plus what was held and is decided."""
        out: list[Observation] = []
        known = self.known
        for obs in found:
            context = (obs[2], obs[3])
            if self.held and (context == _NONE or self._behind(context)):  # "Training
                out.extend(self.finish(None))  # finished" reset the step, or the next run
                # began: what was held came after the last step
            elif self.held and (context != self._held_at() or obs[0] in self.held_names):
                self._release(out)
            if self.back_to is not None and obs[3] is not None and obs[3] <= self.back_to:
                self._restart()  # (``_restarts``, inline: it is asked of every value)
            name = obs[0]
            if type(obs) is Carried:
                obs = tuple.__new__(Observation, obs)
                if name not in known and context == self.repeated and self._trained(context) \
                        and len(self.held) < MAX_HELD:
                    self.held.append(obs)
                    self.held_names.add(name)
                    continue
            if name in known:
                self.repeated = context
            else:
                known.add(name)
            self._seen(context)
            out.append(obs)
        return out

    def _seen(self, context: Context) -> None:
        for axis in (0, 1):
            if context[axis] is not None and not self.moved[axis]:
                if self.first[axis] is None:
                    self.first = (context[0], self.first[1]) if axis == 0 \
                        else (self.first[0], context[1])
                elif context[axis] != self.first[axis]:
                    self.moved[axis] = True
                    if axis == 1:
                        self.back_to = self.first[1]

    def _restarts(self, context: Context) -> bool:
        """``context`` is back at the run's first epoch after the run went past it: another
        run begins (a log file each run appends to, a fold of a cross-validation, the next
        model of a comparison). Steps are not asked: an inner loop's counter (a solver's, an
        episode's) starts again inside one run (the tuning half: +12 series more with steps,
        and 10 fewer in one log of an inner solver's steps)."""
        return self.back_to is not None and context[1] is not None \
            and context[1] <= self.back_to

    def _restart(self) -> None:
        """A new run: its results after its last step are new names again (the names the
        runs before printed at their steps stay known)."""
        self.known -= self.closing
        self.repeated, self.first = _NONE, _NONE
        self.moved, self.back_to = [False, False], None

    def _trained(self, context: Context) -> bool:
        """The run went past its first epoch (or step, when it counts no epochs)."""
        if context[1] is not None:
            return self.moved[1]
        return context[0] is not None and self.moved[0]

    def segments(self, segments: Sequence[list[Observation] | columns.Block]
                 ) -> list[list[Observation] | columns.Block]:
        """The recorder's segments (``feed_segments``), as ``take`` decides."""
        settled: list[list[Observation] | columns.Block] = []
        for segment in segments:
            if isinstance(segment, list):
                settled.append(self.take(segment))
            elif segment.plan.step is None and segment.plan.epoch is None and (
                    self.held or not all(m[0] in self.known for m in segment.plan.metrics)):
                # lines of no step with new names, or while values are held: the lines one
                # by one, as ``feed`` has them
                settled.append(self.take([Carried(*o) for o in columns.observations(segment)]))
            else:
                steps, epochs = segment.steps, segment.epochs
                settled.append(self.names([m[0] for m in segment.plan.metrics], segment.lines,
                                          (columns.first(steps), columns.first(epochs)),
                                          (columns.last(steps), columns.last(epochs))))
                settled.append(segment)
        return [segment for segment in settled if not isinstance(segment, list) or segment]

    def names(self, names: list[str], lines: int, first: Context, last: Context
              ) -> list[Observation]:
        """A block of ``lines`` lines (``columns``) was given out, from step and epoch
        ``first`` to ``last``: the run went on. Its names were given out again at ``last``,
        as ``take`` counts it, when it has two lines or more or a name was known."""
        out: list[Observation] = []
        if self.held and self._behind(first):  # the block starts a new run
            out.extend(self.finish(None))
        elif self.held:
            self._release(out)
        if self._restarts(first):
            self._restart()
        if lines > 1 or any(name in self.known for name in names):
            self.repeated = last
        self.known.update(names)
        self._seen(first)
        self._seen(last)
        return out

    def finish(self, epoch: int | float | None) -> list[Observation]:
        """The output ended, in ``epoch``: what is held came after the last step, unless a
        later epoch began after it (its values were that epoch's)."""
        held_epoch = self._held_at()[1]
        out: list[Observation] = []
        self._release(out)
        if epoch is not None and held_epoch is not None and epoch > held_epoch:
            return out
        self.closing.update(obs[0] for obs in out)
        return [obs._replace(step=None, epoch=None) for obs in out]

    def _behind(self, context: Context) -> bool:
        """``context`` is before the held values' epoch (or step, where no epoch is
        counted): a new run, or a recap of earlier epochs, began after them."""
        (held_step, held_epoch), (step, epoch) = self._held_at(), context
        if held_epoch is not None and epoch is not None:
            return epoch < held_epoch
        return held_epoch is None and epoch is None and held_step is not None \
            and step is not None and step < held_step

    def _held_at(self) -> Context:
        """The held values' step and epoch (they share them: another releases them)."""
        return (self.held[0][2], self.held[0][3]) if self.held else _NONE

    def _release(self, out: list[Observation]) -> None:
        out.extend(self.held)
        self.known.update(self.held_names)
        self.held, self.held_names = [], set()
