"""Values listed after the names they fill in, a line of its own:

``Reward Stats (min, max, median, mean):  -1.0 5.0 0.0 0.27`` (a DQN's report in
*Fundamentals of Deep Learning*), ``Loss (D, G): 0.51, 0.32``. Each value is the name at
its place in the parenthesised list, under the label before it (``Reward_Stats_min``); the
per-number rules see one name and four numbers after it, and record none.

A line is read so only when it holds exactly as many numbers as names, separated by spaces
or commas and nothing after them: the names then say what each value is. A list of what
the values count ("(samples, classes): 50000 10") is a count, not a metric, as it is
anywhere else. The pattern is anchored at the end of a line's text before its first number
(at most ``_HEAD`` characters): linear.
"""

from __future__ import annotations

import re

from exptrack.metrics import names
from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC
from exptrack.metrics.naming import normalize_name
from exptrack.metrics.phasename import with_phase
from exptrack.metrics.phases import phase_at, phases_of

_HEAD = 160
_ITEM = r"[A-Za-z][\w\-@/.]{0,30}"
_LISTED = re.compile(
    r"(?:^|(?<=[\s|;\]]))(?P<label>[A-Za-z][\w\-]{0,30}(?: [A-Za-z][\w\-]{0,30}){0,3})?"
    r" ?\((?P<names>" + _ITEM + r"(?:, ?" + _ITEM + r"){1,11})\) ?[:=] *$")
_BETWEEN = re.compile(r" *,? +| *, *")
_SEQUENCE = 6  # integers in a row that end a line, one space apart: a sequence's items


def listed(pieces: list[str]) -> tuple[Action, ...] | None:
    """The values of a line that lists its names first, or None for another line."""
    if len(pieces) < 5 or "(" not in pieces[0] or pieces[-1].strip():
        return None
    found = _LISTED.search(pieces[0][-_HEAD:])
    if found is None:
        return None
    items = [item.strip() for item in found.group("names").split(",")]
    if len(items) * 2 + 1 != len(pieces) \
            or not all(_BETWEEN.fullmatch(pieces[i]) for i in range(2, len(pieces) - 1, 2)):
        return None
    label = normalize_name(found.group("label") or "")
    named = [f"{label}_{item}" if label else item for item in items]
    if any(names.denied(item) for item in items) and not any(
            names.metric_like(name) for name in named):
        return None  # "(samples, classes): 50000 10", a shape's numbers
    at = len(pieces[0]) - min(len(pieces[0]), _HEAD) + found.start("names")
    actions = []
    for index, (item, name) in enumerate(zip(items, named, strict=True)):
        begin = pieces[0].find(item, at)  # (where the name's text is: "top1, top5")
        at = begin + len(item)
        actions.append(Action(METRIC, 2 * index + 1, name, source=(begin, at)))
    return tuple(actions)


# a name, then values each after its own indexed label in parentheses: T2M's evaluator
# (text-to-motion: MDM, T2M-GPT, MoMask) "---> [gt] R_precision: (top 1): 0.41 (top 2): 0.61"
_INDEXED_HEAD = re.compile(r"(?:^|(?<=[\s|\]>]))(?:\[(?P<tag>[A-Za-z][\w\- ]{0,19})\] )?"
                           r"(?P<name>[A-Za-z][\w\-]{0,40}): \((?P<word>[A-Za-z]{1,12}) $")
_NEXT_LABEL = re.compile(r" \((?P<word>[A-Za-z]{1,12}) ")


def indexed_values(pieces: list[str]) -> tuple[Action, ...] | None:
    """The values of ``NAME: (top 1): v1 (top 2): v2 ...`` (``NAME_top_1``, ...), named
    under the line's phase label (``[gt]``); None for another line. Every label's word is
    the same and every index an integer; the line ends after the last value."""
    if len(pieces) < 9 or (len(pieces) - 1) % 4 or "(" not in pieces[0] or pieces[-1].strip():
        return None
    head = _INDEXED_HEAD.search(pieces[0][-_HEAD:])
    if head is None:
        return None
    word, name = head.group("word"), head.group("name")
    tag = head.group("tag")  # "[ground truth]": ground_truth_R_precision_top_1
    phase = tag.replace(" ", "_") if tag else phase_at(phases_of("".join(pieces)), len(pieces[0]))
    actions = []
    offset = len(pieces[0])
    for index in range(1, len(pieces) - 1, 4):
        after = _NEXT_LABEL.fullmatch(pieces[index + 3]) if index + 4 < len(pieces) else None
        if not pieces[index].isdigit() or pieces[index + 1] != "): " or (
                index + 4 < len(pieces) and (after is None or after.group("word") != word)):
            return None
        actions.append(Action(METRIC, index + 2,
                              with_phase(f"{name}_{word}_{pieces[index]}", phase),
                              source=(offset - len(word) - 1, offset + len(pieces[index]))))
        offset += sum(len(piece) for piece in pieces[index:index + 4])
    return tuple(actions)


def without_sequence(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """``actions`` less a value that opens a sequence: a line that ends with ``_SEQUENCE``
    or more integers one space apart (BERT's example dumps, ``input_ids: 101 2054 2003
    1037 ...``, a histogram's counts) lists items; its first number is no value of the name
    before it."""
    if pieces[-1].strip() or len(pieces) < 2 * _SEQUENCE + 1:
        return actions
    start = len(pieces)
    for index in range(len(pieces) - 2, 0, -2):
        if not pieces[index].isdigit():
            break
        start = index
        if pieces[index - 1] != " ":
            break
    if (len(pieces) - start) // 2 < _SEQUENCE:
        return actions
    return tuple(a for a in actions if a.kind != METRIC or a.token != start)


# llama-cookbook's closing results, a line each: "Key: avg_train_prep, Value: 22.606"
_KEY_THEN_VALUE = re.compile(r"(?:^|\s)Key: (?P<name>[A-Za-z_][\w./\-]{0,60}), Value: $")


def key_value(pieces: list[str]) -> tuple[Action, ...] | None:
    """The value of a line that names it in a key field before it (``Key: name, Value:
    v``), or None for another line."""
    if len(pieces) != 3 or pieces[2].strip() or ", Value: " not in pieces[0]:
        return None
    head = pieces[0][-_HEAD:]
    found = _KEY_THEN_VALUE.search(head)
    if found is None or names.denied(name := found.group("name")):
        return None
    start = len(pieces[0]) - len(head) + found.start("name")
    return (Action(METRIC, 1, name, source=(start, start + len(name))),)
