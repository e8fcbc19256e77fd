"""The user's own patterns (``--metric-pattern``, the config's ``metrics: patterns:``),
applied to a line before the built-in rules: a mixin of ``MetricParser``, which keeps
the state."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress

from exptrack.metrics import prerun, tablecells
from exptrack.metrics.observation import Observation
from exptrack.patterns import UserPattern


class UserLines:
    """Named groups ``name``/``value``, or one group per metric; ``step``/``epoch`` set them."""

    step: int | float | None
    epoch: int | float | None
    _extra: list[UserPattern]
    _aliases: Mapping[str, str]
    _prerun: prerun.PreRun

    def _apply_extra(self, line: str, out: list[Observation]) -> set[str]:
        taken: set[str] = set()
        for pattern in self._extra:
            for match in pattern.finditer(line):
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                for key in ("step", "epoch"):
                    if key in groups:  # (a step that is no number is dropped all the same)
                        with suppress(ValueError):
                            setattr(self, key, tablecells.number(groups.pop(key)))
                if "name" in groups and "value" in groups:
                    groups = {groups["name"]: groups["value"]}
                for name, text in groups.items():
                    try:
                        value = float(text)
                    except ValueError:
                        continue
                    name = self._aliases.get(name, name)
                    taken.add(name)
                    self._prerun.trust(name)  # the user's: never held as a setting
                    out.append(Observation(name, value, self.step, self.epoch))
        return taken
