"""How the parser names what it records: ``RunNames``, a mixin of ``SlowPath`` (so of
``MetricParser``, whose state it shares): an alias the user gave, else the run's first
spelling of the quantity (``spelling.NameRegistry``), the names values are recorded under,
and the one-off timings held back until the output's end (``_one_off_results``)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from exptrack.metrics import names, spelling
from exptrack.metrics.observation import Observation

# a reading of the machine, not of the run: its memory, disk or cache, what is free of them
_MACHINE = re.compile(r"(?i)(?:^|[\W_])(?:mem|memory|ram|vram|swap|disk|space|cache|avail|"
                      r"available|free|usage)(?:$|[\W_])|(?:free|total|system|max)Memory")
# ... but for a peak: the run's own high-water mark (Unsloth's "Peak reserved memory = 38.6 GB.")
_PEAK = re.compile(r"(?i)(?:^|[\W_])peak(?:$|[\W_])")


class RunNames:
    """The run's names (see the module docstring)."""

    step: int | float | None
    epoch: int | float | None
    _aliases: Mapping[str, str]
    _names: spelling.NameRegistry
    _final_names: set[str]
    _one_offs: list[Observation]

    def _name(self, name: str) -> str:
        """An alias the user gave, else the run's first spelling of the quantity."""
        alias = self._aliases.get(name)
        return alias if alias is not None else self._names(name)

    def _peek(self, name: str) -> str:
        """``_name`` for a value that may be a setting: it names no quantity yet."""
        alias = self._aliases.get(name)
        return alias if alias is not None else self._names.peek(name)

    def _final(self, name: str) -> bool:
        """Is ``name`` the name its quantity is recorded under (registering it if new)?"""
        if name in self._final_names:
            return True
        if self._name(name) != name:
            return False
        if len(self._final_names) > 100_000:
            self._final_names.clear()
        self._final_names.add(name)
        return True

    def _one_off_results(self, ran_nothing: bool) -> list[Observation]:
        """At the end of the output, the timings held back because no step or epoch had
        come (``TIMING``): an output that never counted a step or an epoch ran no training,
        and its timings are its results (whisper.cpp's bench: "load time = 240.82 ms");
        the machine's readings stay out ("Memory Avail: 12.3 GB" at start-up)."""
        held, self._one_offs = self._one_offs, []
        if not ran_nothing or self.step is not None or self.epoch is not None:
            return []
        return self._recorded([o for o in held if names.metric_like(o.name)
                               and (not _MACHINE.search(o.name) or _PEAK.search(o.name))])

    def _recorded(self, found: list[Observation]) -> list[Observation]:
        """Values of a listing line, recorded after all: their names now count."""
        return [o if self._final(o.name) else o._replace(name=self._name(o.name))
                for o in found]
