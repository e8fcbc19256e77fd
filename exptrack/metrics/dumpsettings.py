"""Values of printed configuration blocks kept by name (``dumps`` reads the blocks): what
such a block printed again and again turns out to be."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exptrack.metrics import names

if TYPE_CHECKING:
    from exptrack.metrics.observation import Observation


class Settings:
    """Values of configuration blocks, kept by name: a name such a block prints again and
    again (three times or more) with a new value is a metric after all (a report printed
    each iteration as a dump, like RLlib's results); its earlier values are then recorded,
    late. A configuration printed twice, or with the same values, stays settings, and so
    does a block of many names none of which names a measure, however its values change
    (Ultralytics' tuner prints each iteration's best hyperparameters as YAML), and so does a
    message's text format however often printed (Caffe's net definition, a train net's and a
    test net's: "param { lr_mult: 1 }" then "lr_mult: 2" in each convolution, "stride: 1"
    then "stride: 2")."""

    LIMIT = 4096  # names remembered
    KEEP = 16  # values remembered per name
    SETTINGS_BLOCK = 6  # names of a block that names no measure: a configuration's

    def __init__(self) -> None:
        self._seen: dict[str, list[Observation] | None] = {}  # None: a metric after all

    def keep(self, held: list[Observation], named: bool = True) -> list[Observation]:
        """Of a configuration block's values (in order), those to record now (``named``:
        a metric's name is one, and so is a name printed again and again with new values, unless
        the block is a message's fields)."""
        kept: list[Observation] = []
        reports = len({o.name for o in held}) < self.SETTINGS_BLOCK or any(
            _named_measure(o.name) and not names.denied(o.name) for o in held)
        for obs in held:
            seen = self._seen.get(obs.name, [])
            if seen is None or (named and _named_measure(obs.name)):
                kept.append(obs)
                continue
            if len(obs.name) == 1:
                continue  # nor is a one-letter key ever a measure there: LibKGE's "p" under
                # three sections of its configuration ("normalize: p: -1.0", "num_samples:
                # p: 0"), no quantity printed again with new values
            seen = [*seen[-(self.KEEP - 1):], obs]
            first = seen[0].value
            if reports and named and len(seen) >= 3 \
                    and any(o.value != first and o.value == o.value for o in seen):
                kept.extend(seen)
                self._seen[obs.name] = None
            elif obs.name in self._seen or len(self._seen) < self.LIMIT:
                self._seen[obs.name] = seen
        return kept


# a configuration key's last word that makes it a size (DreamerV3's config "mean_length": a
# setting of the length, not a measured one); "size" and "steps" are ``SETTING_HEADS``
# already, which ``metric_like`` denies everywhere
_SIZE_WORDS = frozenset({"len", "length", "dim"})


def _named_measure(name: str) -> bool:
    """Does a configuration's key name a measure? Not a single letter (LibKGE's
    ``num_samples: s: 3``: a subject's count, not seconds), nor a size (``mean_length``)."""
    return len(name) > 1 and name.replace("-", "_").rsplit("_", 1)[-1].lower() \
        not in _SIZE_WORDS and names.metric_like(name)
