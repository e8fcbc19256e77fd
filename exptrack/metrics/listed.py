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

_HEAD = 160
_ITEM = r"[A-Za-z][\w\-@/.]{0,30}"
_LISTED = re.compile(
    r"(?:^|(?<=[\s|;\]]))(?P<label>[A-Za-z][\w\-]{0,30}(?: [A-Za-z][\w\-]{0,30}){0,3})?"
    r" ?\((?P<names>" + _ITEM + r"(?:, ?" + _ITEM + r"){1,11})\) ?[:=] *$")
_BETWEEN = re.compile(r" *,? +| *, *")


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
