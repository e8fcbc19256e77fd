"""One quantity, one name: ``Train Loss`` and ``train_loss`` are one series in a run."""

from __future__ import annotations


def key(name: str) -> str:
    """The spelling-insensitive key of a name: case, ``_``, ``-`` and spaces ignored
    (``Train Loss`` and ``train_loss`` are one quantity; ``val/loss`` stays apart)."""
    return name.lower().replace("_", "").replace("-", "").replace(" ", "")


class NameRegistry:
    """One quantity, one name: the first spelling seen in a run wins for every later
    spelling with the same ``key``."""

    LIMIT = 10_000  # past this many names, new ones are kept as they are

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def peek(self, name: str) -> str:
        """The spelling ``name`` would get, without making it the first of its quantity."""
        return self._first.get(key(name), name)

    def seen(self, name: str) -> bool:
        """Has a line of the run named this quantity (in any spelling)?"""
        return key(name) in self._first

    def __call__(self, name: str) -> str:
        found = self._first.get(key(name))
        if found is not None:
            return found
        if len(self._first) < self.LIMIT:
            self._first[key(name)] = name
        return name
