"""A dict of results printed after the data set it was measured on (``labelled``).

``Dev set results: {'eval_loss': 1.63, ...}`` then ``Test set results: {'eval_loss': 1.79}``
(a Hugging Face script's two ``trainer.evaluate`` calls): the keys are the same in each dict,
and the label says which split they measure (``Dev_eval_loss``, ``Test_eval_loss``); without
it the two splits' figures make one series. Only a split's label counts: a model's name
("LightGBM metrics:") or a group's ("Aggregate metrics:") prefixed keys that the held-out
sets name bare as often as not; a validation's label over ``eval_`` keys adds nothing. The
regex runs on the 200 characters before the first brace, with bounded quantifiers: linear.
"""

from __future__ import annotations

import re
from itertools import accumulate

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, RATIO
from exptrack.metrics.phases import generic
from exptrack.metrics.phasewords import PHASES

# "Dev set results: {": one to five words, a colon, the brace
_LABEL = re.compile(r"(?:^|(?<=[\s|\]>]))(?P<label>[A-Za-z][\w\-]{0,30}(?: [A-Za-z][\w\-]{0,30})"
                    r"{0,4}) ?: ?\{$")
_GENERIC = frozenset({"metrics", "results", "scores", "score", "performance", "set"})
_RESULTS = frozenset({"metrics", "results", "scores", "score", "performance"})


def _prefix(label: str) -> str:
    """The split a label names ("Dev set results" -> "Dev"), when it says the dict holds
    results ("... metrics", "... results"); "" for any other label."""
    words = label.split()
    if len(words) > 1 and generic(" ".join(words[-2:]), 0):
        return ""  # "Evaluation metrics: {": the evaluation's metrics, no split's
    if not words or (words[-1].casefold() not in _RESULTS
                     and [w.casefold() for w in words[1:]] != ["set"]):  # "Dev set: {" too
        return ""
    while words and words[-1].casefold() in _GENERIC:  # "Test set performance"
        words.pop()
    if len(words) != 1 or words[0].casefold() not in PHASES:
        return ""
    return words[0]


# a validation's label over Hugging Face's "eval_" keys says what they say already
_VALIDATION = frozenset({"validation", "validate", "valid", "val", "eval", "evaluation"})


# a running best's label: "Best metrics: {", MambaTSAD's "最佳指标={" ("best metrics")
_BEST = re.compile(r"(?:^|(?<=[\s,;|\]]))(?:[Bb]est|BEST|最佳|最优|最好)[ _]?"
                   r"(?:[A-Za-z]{1,20}|[\u4e00-\u9fff]{1,8})? ?[:=] ?\{$")


def labelled(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """``actions`` with the values of a labelled dict named by its label; a running best's
    dict ("Best metrics: {'f1': 0.87}") repeats values recorded already: none of them."""
    line = "".join(pieces)
    brace = line.find("{")
    near = line[max(0, brace - 3):brace]
    if brace < 1 or (":" not in near and "=" not in near):
        return actions
    if _BEST.search(line, max(0, brace - 40), brace + 1) is not None:
        inside = _inside(pieces, line, brace)
        return tuple(a for a in actions if not (a.kind in (METRIC, RATIO) and a.token in inside))
    if ":" not in near:
        return actions
    found = _LABEL.search(line, max(0, brace - 200), brace + 1)
    prefix = _prefix(found.group("label")) if found is not None else ""
    if not prefix:
        return actions
    inside = _inside(pieces, line, brace)
    low = prefix.casefold()
    out: list[Action] = []
    for a in actions:
        if a.kind in (METRIC, RATIO) and a.token in inside \
                and not a.name.casefold().startswith(low) \
                and not (low in _VALIDATION and a.name.casefold().startswith(tuple(PHASES))):
            a = a._replace(name=f"{prefix}_{a.name}")
        out.append(a)
    return tuple(out)


def _inside(pieces: list[str], line: str, brace: int) -> set[int]:
    """The indices of the pieces that start inside the dict opening at ``brace`` (to its
    closing brace, or the line's end)."""
    depth, end = 0, len(line)
    for at in range(brace, len(line)):
        depth += {"{": 1, "}": -1}.get(line[at], 0)
        if depth == 0:
            end = at
            break
    starts = accumulate((len(piece) for piece in pieces[:-1]), initial=0)
    return {index for index, start in enumerate(starts) if brace < start < end}
