"""Statistics printed under the quantity they describe (``stat_heads``).

TensorRT's ``Latency: min = 0.157 ms, max = 1.13 ms, mean = 0.184 ms``, a cross-validation's
``LOSO summary: mean=0.678  std=0.052``, a DQN score logger's ``Scores: (min: 15, avg: 197.3,
max: 500)``: a bare ``min``/``mean``/``std`` says nothing on its own; the head before the
colon is what it is a statistic of (``latency_mean``, ``loso_summary_std``, ``scores_avg``).
The regexes run on a text piece's last 120 characters, with bounded quantifiers: linear.
"""

from __future__ import annotations

import re

from exptrack.metrics import names
from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, TIMED

_STAT = r"(?P<stat>min|max|mean|avg|average|std|stdev|median|minimum|maximum)"
# "Latency: min = ", " | Stats: min: ", "Scores: (min: ": a head of one to three words, its
# colon, maybe an opening bracket, then the first statistic's key
_HEAD = re.compile(
    r"(?:^|(?<=[\s|,;\](]))(?P<head>[A-Za-z][\w\-./]{0,30}(?: [A-Za-z][\w\-./]{0,30}){0,2})"
    rf"\s{{0,8}}:\s{{0,4}}[(\[{{]?\s{{0,4}}{_STAT}\s{{0,4}}[:=]\s{{0,4}}$", re.IGNORECASE)
# the next statistic of the same head: ", max = " after the last one's value (and unit)
_MORE = re.compile(rf"^\s{{0,4}}(?:[A-Za-z%]{{1,3}}\s{{0,4}})?[,;|]?\s{{0,4}}{_STAT}"
                   r"\s{0,4}[:=]\s{0,4}$", re.IGNORECASE)
# CHGNet's "MAEs:  e 0.053 (0.053)  f 0.004 (0.004)": one-letter keys under a group's head
# (energy, force, stress, magmom), each value then its running average in parentheses
_LETTER_HEAD = re.compile(
    r"(?:^|(?<=[\s|,;\](]))(?P<head>[A-Za-z][\w\-./]{0,30}(?: [A-Za-z][\w\-./]{0,30}){0,2})"
    r"\s{0,8}:\s{1,4}(?P<stat>[A-Za-z])\s{1,4}$")
_LETTER_MORE = re.compile(r"^\)?\s{1,8}(?P<stat>[A-Za-z])\s{1,4}$")
_AVERAGE_OPEN = re.compile(r"^\s{0,4}\($")  # the running average's " (" after a value
# TensorRT's "..., percentile(90%) = 0.15 ms": the percentile's number a token of its own
_PERCENTILE = re.compile(r"(?:^|(?<=[\s,;|]))percentile\($", re.IGNORECASE)
_PERCENTILE_CLOSE = re.compile(r"^%\)\s{0,4}[:=]\s{0,4}$")
_STATS = frozenset({"min", "max", "mean", "avg", "average", "std", "stdev", "median",
                    "minimum", "maximum"})


_SUMMARY = frozenset({"summary", "overall", "results", "result", "stats", "statistics"})


def _quantity(head: str) -> bool:
    """Is ``head`` a quantity ("Latency", "Scores") or a summary ("LOSO summary"), not one
    item of many ("openimage_o: mean=2.44, std=0.60", a row per dataset)?"""
    low = head.casefold()
    return low not in _STATS and (
        low.rsplit(" ", 1)[-1] in _SUMMARY or names.metric_like(head)
        or (low.endswith("s") and names.metric_like(head[:-1])))  # "Scores", "Rewards"


def stat_heads(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """``actions`` with each bare statistic named by its head (``latency_min``)."""
    heads: dict[int, str] = {}
    cuts: dict[int, tuple[int, int]] = {}  # a percentile's text, its number inside
    head = ""
    letters = False  # the head's keys are letters
    at = 0  # where pieces[index - 1] starts in the line
    for index in range(1, len(pieces), 2):
        text = pieces[index - 1][-120:]
        opened = _PERCENTILE.search(pieces[index - 3][-40:]) \
            if head and index >= 3 and _PERCENTILE_CLOSE.match(text) else None
        at += len(pieces[index - 1]) + (len(pieces[index - 2]) if index >= 3 else 0)
        if opened is not None and pieces[index - 2].isdigit():
            heads[index] = f"{head}_percentile_{pieces[index - 2]}"  # TensorRT's
            start = at - len(pieces[index - 1]) - len(pieces[index - 2]) - len(opened.group())
            cuts[index] = (start, at)  # "percentile(90%) = 0.15 ms": its number is in the name
            continue
        if head and _PERCENTILE.search(text):
            continue  # (the percentile's number: the head goes on after it)
        more = ((_LETTER_MORE if letters else _MORE).match(text) if head else None)
        if more is not None:
            heads[index] = f"{head}_{more.group('stat')}"
            continue
        if head and letters and _AVERAGE_OPEN.match(text):
            continue
        found, letters = _HEAD.search(text), False
        if found is None:
            found = _LETTER_HEAD.search(text)
            letters = found is not None
        head = ""
        if found is not None and _quantity(found.group("head")):
            head = found.group("head").replace(" ", "_")
            heads[index] = f"{head}_{found.group('stat')}"
    if not heads:
        return actions
    out: list[Action] = []
    had = {a.token for a in actions}
    actions = tuple(sorted([*actions, *(Action(METRIC, index, heads[index], source=cut)
                                        for index, cut in cuts.items() if index not in had)],
                           key=lambda a: a.token))
    for a in actions:
        if a.kind in (METRIC, TIMED) and a.token in heads and (a.name.casefold() in _STATS or (
                len(a.name) == 1 and heads[a.token].endswith("_" + a.name))):
            a = a._replace(name=heads[a.token], kind=METRIC)  # (a timing's statistics are a
            # benchmark's results, TensorRT's "GPU Compute Time: min = 0.15 ms, ...": kept
            # without a step, where a lone timing is kept only in a run)
        out.append(a)
    return tuple(out)


# a heading of one to three words over indented statistics of the quantity it names
# (OpenVINO's benchmark_app: "[ INFO ] Latency:", then "[ INFO ]    Median:   4.13 ms", ...)
_BLOCK_HEAD = re.compile(r"(?P<head>[A-Za-z][\w\-/]{0,30}(?: [A-Za-z][\w\-/]{0,30}){0,2})"
                         r"(?: \([^()]{1,12}\))?\s{0,4}:$")
_UNDER = frozenset({*_STATS, "p50", "p90", "p95", "p99", "p999"})
_LEVEL_TAG = re.compile(r"^\[ ?(?:INFO|WARNING|DEBUG) ?\] ")  # OpenVINO's "[ INFO ] "


def block_head(message: str) -> str | None:
    """The quantity a heading line names for the statistics under it ("Latency:" ->
    "Latency"), when it is a quantity's (``_quantity``); else None."""
    found = _BLOCK_HEAD.fullmatch(_LEVEL_TAG.sub("", message, count=1))
    if found is None or not _quantity(found.group("head")):
        return None
    return found.group("head").replace(" ", "_")


def under_head(name: str, head: str) -> str | None:
    """A bare statistic's name under ``head`` ("Median" -> "Latency_Median"), else None."""
    return f"{head}_{name}" if name.casefold() in _UNDER else None
