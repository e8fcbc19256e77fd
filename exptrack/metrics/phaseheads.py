"""Values named only by their phase under one measure's heading (``headed``).

``Hits@10: Valid 30.67% | Test 9.06%`` (an OGB link-prediction script) and ``SDF Portfolio
Sharpe Ratio (Evaluated on Sharpe): Train 2.920  Valid 1.013  Test 0.481``: the heading names
the measure, each phase word the split it was measured on, so the values are
``valid_Hits@10`` and ``test_Hits@10`` (not a series called ``Valid`` that every such
heading would share). The regex is anchored at the end of at most 160 characters and has no
nested quantifiers: linear.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC

_PHASES = frozenset({"train", "training", "valid", "validation", "val", "test", "testing", "dev",
                     "eval"})
# the heading, then the first phase word right before its value: "Hits@10: Valid ", a
# remark in parentheses after the heading's words dropped
_HEADING = re.compile(r"(?:^|(?<=[\s\]>|\-]))(?P<head>[A-Za-z][\w@.\-/]{0,30}"
                      r"(?: [A-Za-z][\w@.\-/]{0,30}){0,4})(?:\s\([^()]{1,40}\))?\s?:\s{1,4}"
                      r"(?P<phase>[A-Za-z]{3,10})\s{1,4}$")
_COUNTERS = frozenset({"epoch", "step", "iter", "iteration", "batch", "round"})


def headed(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """``actions`` with values named by a bare phase word under a measure's heading named
    ``<phase>_<heading>``."""
    phased = [a for a in actions if a.kind == METRIC and a.name.lower() in _PHASES]
    if len(phased) < 2:
        return actions
    whole = "".join(pieces[:phased[0].token])
    before = whole[-160:]
    found = _HEADING.search(before)
    if found is None or found["phase"].lower() != phased[0].name.lower() \
            or found["head"].split()[-1].lower() in _COUNTERS:
        return actions
    head = found["head"].replace(" ", "_")
    start = len(whole) - len(before) + found.start("head")  # the first name's text spans
    # the heading, so a heading's digits ("Hits@10", "Hits@20") key the line's plans
    return tuple(a._replace(name=f"{a.name.lower()}_{head}",
                            source=(start, a.source[1]) if a is phased[0] else a.source)
                 if a in phased else a for a in actions)
