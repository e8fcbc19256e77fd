"""Weka's evaluation summary (its command line, the Explorer's output, ``Evaluation.
toSummaryString``)::

    Correctly Classified Instances         109               72.6667 %
    Incorrectly Classified Instances        41               27.3333 %

a count of instances, then its share in percent: the share is the metric (the accuracy, the
error rate: Weka's ``pctCorrect``/``pctIncorrect``), named by the label; the count is none.
The summary's other lines (``Kappa statistic  0.5864``) are aligned phrases, read as such.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC

MARKER = "lassified Instances "
_SHARE = re.compile(r"^\s{0,8}(?P<name>(?:Correctly |Incorrectly |Un)[Cc]lassified Instances)"
                    r"\s{2,}\d{1,12}\s{2,}\d{1,3}(?:\.\d{1,8})?\s{0,8}%\s*$")


def plan(pieces: list[str], text: str) -> tuple[Action, ...] | None:
    """The action of a summary's line of a count and its share (``pieces``: texts at even and
    numbers at odd indices, the share the second number), or None when it is not one."""
    share = _SHARE.match(text)
    if share is None or len(pieces) < 4:
        return None
    return (Action(METRIC, 3, share.group("name").replace(" ", "_")),)
