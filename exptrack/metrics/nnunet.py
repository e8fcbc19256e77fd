"""nnU-Net v2's pseudo Dice, printed after each epoch's validation, a value a foreground
class::

    2026-12-05 05:20:48.339333: Pseudo dice [np.float32(0.8465)]
    2024-07-04 12:07:30.776057: Pseudo dice [0.9537, 0.9039, 0.9019, 0.654]

A model of one foreground class prints one value: the epoch's pseudo Dice, which its
checkpoint's log keeps as ``Pseudo_dice``. Several values are per-class results, no
aggregate (nnU-Net prints their running mean on its own line, ``EMA pseudo Dice``): left
out, as a per-class row is.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC

MARKER = "Pseudo dice ["
NAME = "Pseudo_dice"
_OPEN = re.compile(r"Pseudo dice \[(?:np\.float(?:16|32|64)\()?$")
_CLOSE = re.compile(r"\)?\]\s*$")


def plan(pieces: list[str]) -> tuple[Action, ...] | None:
    """The action of a one-class pseudo Dice line, else None (``pieces``: split by
    ``forms.TOKEN``; the record's time before it, two pieces, or none)."""
    if len(pieces) not in (3, 5) or not _CLOSE.match(pieces[-1]):
        return None
    found = _OPEN.search(pieces[-3])
    if found is None:
        return None
    at = sum(map(len, pieces[:-3])) + found.start()
    return (Action(METRIC, len(pieces) - 2, NAME, source=(at, at + len("Pseudo dice"))),)
