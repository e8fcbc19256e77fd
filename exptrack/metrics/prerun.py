"""Values printed before the run's first step: settings, unless their names say measure.

A training script prints its configuration before it trains: ``Radial cutoff: 6.0 A``,
``Using Exponential Moving Average with decay: 0.99``, ``warmup_proportion = 0.1``,
``Max training steps per epoch: 500``. Printed once and read line by line, each looks like
a report. What tells them apart is where they come: before any value of the run has a step
or an epoch, a value whose name is no measure's (``names.metric_like``: not a loss, an
accuracy, a time...) is held. A name printed again was a series' first value (a learning
rate printed as the first epoch begins): it goes out, just before its next value.
One the run never prints again was a setting, dropped at the end. An output that never
counts a step or an epoch ran no training (a benchmark, an evaluation script): at its end
what was held goes out after all.

Held values reach ``metrics.jsonl`` late (with their name's next value, or at the end of
an output with no run). A measure printed before training (an initial evaluation's
``loss``, ``accuracy``) goes out at once, as does anything after the first step.
"""

from __future__ import annotations

from collections.abc import Sequence

from exptrack.metrics import columns, names
from exptrack.metrics.observation import Observation

MAX_HELD = 2000  # a flood this long before any step is no configuration: let it go


class PreRun:
    """The parser's last filter of what it gives out (``take``, ``segments``, ``finish``)."""

    __slots__ = ("held", "series", "started")

    def __init__(self) -> None:
        self.started = False  # a value of the run had a step or an epoch
        self.held: dict[str, list[Observation]] = {}  # by name
        self.series: set[str] = set()  # names printed again before the run: never held

    def take(self, found: list[Observation]) -> list[Observation]:
        """``found``, less the settings held now, plus the held values of names it prints
        again (a series' first value, printed before the run's first step)."""
        held = self.held
        if self.started and not held:
            return found
        out: list[Observation] = []
        for obs in found:
            if held and obs.name in held:  # printed again: a series, no setting
                out.extend(held.pop(obs.name))
                self.series.add(obs.name)
            if not self.started and (obs.step is not None or obs.epoch is not None):
                self.started = True
            if self.started or obs.name in self.series or len(held) >= MAX_HELD \
                    or names.metric_like(obs.name):
                out.append(obs)
            else:
                held[obs.name] = [obs]
        return out

    def segments(self, segments: Sequence[list[Observation] | columns.Block]
                 ) -> list[list[Observation] | columns.Block]:
        """The recorder's segments (``feed_segments``), as ``take`` decides."""
        if self.started and not self.held:
            return list(segments)
        settled: list[list[Observation] | columns.Block] = []
        for segment in segments:
            if isinstance(segment, list):
                kept = self.take(segment)
            elif self.started or segment.plan.step is not None \
                    or segment.plan.epoch is not None:
                self.started = True
                kept = [o for m in segment.plan.metrics for o in self.held.pop(m[0], ())]
                if kept:
                    settled.append(kept)
                settled.append(segment)
                continue
            else:
                kept = self.take([Observation(*o) for o in columns.observations(segment)])
            if kept:
                settled.append(kept)
        return settled

    def finish(self) -> list[Observation]:
        """The output ended: what is held, when no value of it ever had a step (else those
        values, printed once before the run, were its settings)."""
        held, self.held = self.held, {}
        return [] if self.started else [o for values in held.values() for o in values]
