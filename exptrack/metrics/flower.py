"""Flower's (``flwr``) federated rounds: the server's progress lines and its closing summary.

Each round's centralized evaluation (the server's own, ``evaluate_fn``) is one line::

    INFO :      initial parameters (loss, other metrics): 2.304, {'cen_accuracy': 0.097}
    INFO :      fit progress: (1, 2.304, {'cen_accuracy': 0.097}, 35.708)

and when the run ends the server prints its ``History``, each series under its heading (a
loss as ``round N: value`` lines, a dict of metrics as ``pprint`` prints it, over lines)::

    INFO :      [SUMMARY]
    INFO :      Run finished 20 round(s) in 17.01s
    INFO :          History (loss, distributed):
    INFO :                  round 1: 0.0326
    INFO :          History (metrics, distributed, evaluate):
    INFO :          {'accuracy': [(1, 0.985),
    INFO :                        (2, 0.99)]}

Flower 1.8 printed a loss history through ``pprint`` as a string (``('\\tround 1: 7.45\\n'``);
before it, one line a series (``app_fit: losses_centralized [(0, 0.0), (1, 0.0)]``).

The round is the step. A loss history is named by its heading (``loss_distributed``,
``loss_centralized``) or as the old line prints it (``losses_centralized``); a metric by its
key, and a key a summary printed under an earlier heading gets its heading's word after it
(``accuracy_evaluate`` after the fit metrics' ``accuracy``). The progress lines' loss and
time are unnamed there (a tuple's members): not recorded. A summary's value for a round a
progress line already gave is that value again, and not a second observation.
"""

from __future__ import annotations

import re

from exptrack.metrics.forms import DECIMAL
from exptrack.metrics.reprints import printed_alike

_NUMBER = rf"(?:{DECIMAL}|nan|inf|-inf)"
# a line of the parser's with this marker is Flower's (``lineplan``): these then read it
MARKERS = ("History (", "fit progress: (", "initial parameters (loss, other metrics): ",
           "app_fit: ")
HEADING = re.compile(r"History \((?P<kind>loss|metrics), (?P<where>distributed|centralized)"
                     r"(?:, (?P<stage>fit|evaluate))?\):\s*$")
_PROGRESS = re.compile(rf"\bfit progress: \((?P<round>\d{{1,9}}), (?:{_NUMBER}|None), "
                       rf"(?P<dict>\{{[^{{}}]{{0,4000}}\}}), {_NUMBER}\)\s*$")
_INITIAL = re.compile(rf"\binitial parameters \(loss, other metrics\): (?:{_NUMBER}|None), "
                      r"(?P<dict>\{[^{}]{0,4000}\})\s*$")
_ONE_LINE = re.compile(r"\bapp_fit: (?P<name>(?:losses|metrics)_(?:distributed|centralized)"
                       r"(?:_fit)?) (?=[\[{])")
# a loss history's line: "round 3: 0.0142", or the same in a printed string ("'\tround 3: ...")
_ROUND = re.compile(rf"(?:^|\s|\\t)round (?P<round>\d{{1,9}}): (?P<value>{_NUMBER})"
                    r"(?:\\n'\)?)?\s*$")
_VALUE = rf"(?:np\.float(?:16|32|64)\((?P<np>{_NUMBER})\)|(?P<value>{_NUMBER}))"
# a metrics history's pieces: a key opening its list, a (round, value) pair, what is between
_TOKEN = re.compile(rf"'(?P<key>[^'\\\n]{{1,120}})': \[|\((?P<round>\d{{1,9}}), {_VALUE}\)"
                    r"|[\s{}\[\]),]+")  # ("(" only opens a pair)
_START = re.compile(r"\{?'[^'\\\n]{1,120}': \[|\(\d{1,9}, ")
_ENTRY = re.compile(rf"'(?P<key>[^'\\\n]{{1,120}})': {_VALUE}(?=[,}}])")
MAX_REMEMBERED = 10_000  # progress values kept to tell the summary's repeats

Found = list[tuple[str, float, int]]  # (name, value, round)


def marked(text: str) -> bool:
    """Is the line one that ``Reader.line`` reads on its own (not a summary's row)?"""
    return HEADING.search(text, max(0, len(text) - 80)) is not None \
        or _PROGRESS.search(text) is not None or _INITIAL.search(text) is not None \
        or _ONE_LINE.search(text) is not None


_WORDS = {"metrics_distributed_fit": "fit", "metrics_distributed": "evaluate",
          "metrics_centralized": "centralized"}  # the old line's series, as headings say


class Reader:
    """One run's Flower lines: the progress values so far, and the summary being read."""

    __slots__ = ("heading", "keys", "last", "name", "progress")

    def __init__(self) -> None:
        self.progress: dict[tuple[str, int], float] = {}
        self.heading: str | None = None  # under a summary's heading: its series or word
        self.name: str | None = None  # the series whose (round, value) pairs come next
        self.keys: set[str] = set()  # the metrics the summary printed so far
        self.last = ""  # the last line's text from its marker: a second handler prints it again

    def line(self, text: str) -> Found | None:
        """The values of a line of Flower's, None when it is none (a summary then ended)."""
        head = HEADING.search(text, max(0, len(text) - 80))
        if head is not None:
            if head.group("kind") == "loss":
                self.heading = f"loss_{head.group('where')}"
            else:
                self.heading = head.group("stage") or head.group("where")
            self.name = None
            return []
        if self.heading is not None:
            found = self._summary(text)
            if found is not None:
                return found
            self.heading = self.name = None
            self.keys = set()
        return self._one_liner(text)

    def _again(self, text: str, at: int) -> bool:
        """Is the line from ``at`` the last line again (a second handler's print)?"""
        body = text[at:]
        again, self.last = body == self.last, body
        return again

    def _summary(self, text: str) -> Found | None:
        heading = self.heading or ""
        if heading.startswith("loss_"):
            row = _ROUND.search(text)
            if row is None:
                return None
            if self._again(text, row.start()):
                return []
            return self._new([(heading, float(row.group("value")), int(row.group("round")))])
        start = _START.search(text)
        if start is None:
            return None
        if self._again(text, start.start()):
            return []
        return self._pairs(text, start.start(), heading)

    def _pairs(self, text: str, at: int, word: str) -> Found | None:
        """The (round, value) pairs of a history's text from ``at`` (each key's under its
        name: its heading's ``word`` after it when an earlier heading printed the key);
        None unless the text is only such pairs."""
        found: Found = []
        end = len(text)
        while at < end:
            token = _TOKEN.match(text, at)
            if token is None:
                return None
            at = token.end()
            key = token.group("key")
            if key is not None:
                self.name = f"{key}_{word}" if key in self.keys else key
                self.keys.add(key)
            elif token.group("round") is not None:
                if self.name is None:
                    return None
                value = token.group("np") or token.group("value")
                found.append((self.name, float(value), int(token.group("round"))))
        return self._new(found)

    def _new(self, found: Found) -> Found:
        """The summary's values that no progress line gave for their round."""
        progress = self.progress
        return [(name, value, at) for name, value, at in found
                if not ((before := progress.get((name, at))) is not None
                        and printed_alike(before, value))]

    def _one_liner(self, text: str) -> Found | None:
        progress = _PROGRESS.search(text) or _INITIAL.search(text)
        if progress is not None:
            if self._again(text, progress.start()):
                return []
            at = int(progress.group("round")) if "round" in progress.groupdict() else 0
            found = [(entry.group("key"), float(entry.group("np") or entry.group("value")), at)
                     for entry in _ENTRY.finditer(progress.group("dict"))]
            if len(self.progress) < MAX_REMEMBERED:
                self.progress.update(((name, at), value) for name, value, at in found)
            return found
        series = _ONE_LINE.search(text)
        if series is None or self._again(text, series.start()):
            return None if series is None else []
        name = series.group("name")
        self.name = name if name.startswith("losses_") else None
        return self._pairs(text, series.end(), _WORDS.get(name, ""))
