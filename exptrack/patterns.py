"""User-supplied regular expressions (``--metric-pattern``, ``--ignore``, the configuration's
``metrics.patterns`` and ``metrics.ignore``), compiled by RE2.

Python's ``re`` backtracks: a pattern such as ``(?P<x>(a+)+b)`` takes exponential time on
a line of ``a``s, and it holds the interpreter lock while it matches, so no thread could
keep the output or the signal handling going meanwhile. RE2 (the ``google-re2`` package)
matches in time linear in the line, whatever the pattern; the price is that it has no
backreferences or lookarounds, which such a pattern is refused for, with a one-line reason.
Its ``\\d``, ``\\w`` and ``\\b`` are ASCII-only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re2

SYNTAX_HINT = ("RE2 syntax: no backreferences or lookarounds, \\z for the end; "
               "see https://github.com/google/re2/wiki/Syntax")


class PatternError(ValueError):
    """A pattern RE2 cannot compile; the message is one line."""


class UserPattern:
    """A compiled user pattern, matched against the text of one line."""

    __slots__ = ("_names", "_regex", "pattern")

    def __init__(self, pattern: str) -> None:
        import re2

        options = re2.Options()
        options.log_errors = False  # RE2 would print its own message to stderr
        self.pattern = pattern
        try:
            self._regex: re2._Regexp[bytes] = re2.compile(pattern.encode("utf-8"), options)
        except re2.error as exc:
            raise PatternError(f"{_reason(exc)} ({SYNTAX_HINT})") from None
        self._names = [(name.decode("utf-8"), index)
                       for name, index in self._regex.groupindex.items()]

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self._names)

    def search(self, text: str) -> bool:
        """Whether the pattern matches somewhere in ``text``."""
        return self._regex.search(text.encode("utf-8", "surrogateescape")) is not None

    def finditer(self, text: str) -> Iterator[UserMatch]:
        """Each non-overlapping match in ``text``, in order."""
        data = text.encode("utf-8", "surrogateescape")
        for match in self._regex.finditer(data):
            found: dict[str, str | None] = {}
            for name, index in self._names:
                start, end = match.span(index)
                found[name] = None if start < 0 else data[start:end].decode("utf-8", "replace")
            yield UserMatch(found)


class UserMatch:
    """One match: its named groups, as ``re.Match.groupdict`` gives them."""

    __slots__ = ("_groups",)

    def __init__(self, groups: dict[str, str | None]) -> None:
        self._groups = groups

    def groupdict(self) -> dict[str, str | None]:
        return dict(self._groups)


def compile_user(pattern: str) -> UserPattern:
    """``pattern`` compiled by RE2; ``PatternError`` when RE2 cannot compile it."""
    return UserPattern(pattern)


def _reason(exc: Exception) -> str:
    reason = exc.args[0] if exc.args else str(exc)
    if isinstance(reason, bytes):
        reason = reason.decode("utf-8", "replace")
    return " ".join(str(reason).split())
