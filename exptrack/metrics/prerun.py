"""Values printed before the run's first step: settings, unless their names say measure.

A training script prints its configuration before it trains: ``Radial cutoff: 6.0 A``,
``Using Exponential Moving Average with decay: 0.99``, ``warmup_proportion = 0.1``, ``Max
training steps per epoch: 500``. Printed once and read line by line, each looks like a
report. What tells them apart is where they come. Once a value whose name is no measure's
(``names.metric_like``: not a loss, an accuracy, a time...) comes before any value with a
step or an epoch, everything is held, in order. When a value with a step or an epoch comes,
the held measures go out, and so do names printed twice (a table's columns, unless no
such name ever changed value: then each is a setting said twice); the rest were
the set-up's, unless the run prints one of them again (a learning rate printed as the first
epoch begins: the series' first value goes out just before its next). At the end those never
printed again were settings, dropped. An output that never counts a step or an epoch ran no
training (a benchmark, an evaluation script): at its end everything held goes out, in the
order printed.

A name the user asked for (``--metric-pattern``, an alias) is a measure, whatever its words.

Held values reach ``metrics.jsonl`` late (at the run's first step, with their name's next
value, or at the end of an output with no run). Before anything is held, a measure goes
out at once (an initial evaluation's ``loss`` before the set-up's prose is done).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from exptrack.metrics import columns, names
from exptrack.metrics.observation import Observation

MAX_HELD = 2000  # a flood this long before any step is no configuration: let it go


class PreRun:
    """The parser's last filter of what it gives out (``take``, ``segments``, ``finish``)."""

    __slots__ = ("held", "queue", "started", "trusted")

    def __init__(self, trusted: Iterable[str] = ()) -> None:
        self.trusted = set(trusted)  # names the user asked for (patterns, aliases): measures
        self.started = False  # a value of the run had a step or an epoch
        self.queue: list[Observation] = []  # before it: all since the first setting-like
        self.held: dict[str, Observation] = {}  # after it: settings, unless printed again

    def take(self, found: list[Observation]) -> list[Observation]:
        """``found``, less what is held now, plus what was held and is decided."""
        if self.started and not self.held:
            return found
        out: list[Observation] = []
        for obs in found:
            if not self.started:
                if obs.step is not None or obs.epoch is not None:
                    self._start(out)
                elif self.queue or not self._measure(obs.name):
                    self.queue.append(obs)
                    if len(self.queue) >= MAX_HELD:
                        self._flood(out)
                    continue
            if self.held and obs.name in self.held:  # printed again: a series
                out.append(self.held.pop(obs.name))
            out.append(obs)
        return out

    def _start(self, out: list[Observation]) -> None:
        """The run began: the held measures and twice-printed names go out, in order; the
        set-up's values wait for their name to come again."""
        self.started = True
        queue, self.queue = self.queue, []
        printed = Counter(obs.name for obs in queue)
        # names printed again: a table's columns, unless none of them ever changed value
        # (then each is a setting said twice: rl_games' "build mlp: 4" for its actor and its
        # critic; a configuration printed again)
        values: dict[str, set[float]] = {}
        for obs in queue:
            if printed[obs.name] > 1:
                values.setdefault(obs.name, set()).add(obs.value)
        series = any(len(seen) > 1 for seen in values.values())
        for obs in queue:
            if self._measure(obs.name) or (series and obs.name in values):
                out.append(obs)
            elif obs.name not in self.held:
                self.held[obs.name] = obs

    def trust(self, name: str) -> None:
        """``name`` is one the user's own pattern found: a measure, whatever its words."""
        if len(self.trusted) < MAX_HELD:
            self.trusted.add(name)

    def _measure(self, name: str) -> bool:
        return name in self.trusted or names.metric_like(name)

    def _flood(self, out: list[Observation]) -> None:
        """So many values before any step are no set-up: they go out, and nothing is held."""
        out.extend(self.queue)
        self.queue, self.started = [], True

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
                kept = []
                if not self.started:
                    self._start(kept)
                kept.extend(self.held.pop(metric[0]) for metric in segment.plan.metrics
                            if metric[0] in self.held)
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
        """The output ended: all it printed, in order, when no value of it had a step; else
        nothing (what is still held was printed once, before the run: its settings)."""
        queue, self.queue, self.held = self.queue, [], {}
        return queue
