"""A bracketed group of values labelled by its first name's network letter (``labelled``).

Keras-GAN's ``99: [D loss: 0.32, acc: 0.97]  [A loss: 2.31, acc: 0.45]``: the letter before
the group's first name (the discriminator's ``D``, the adversarial model's ``A``) names every
value in the brackets, so the two ``acc`` are ``D_acc`` and ``A_acc``, not one series. The
regex runs over one line with bounded quantifiers and no nesting: linear.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC

# "[D loss: 0.32, acc: 0.97]": a capital letter (or two or three: "Dx", "GAN"), a name, a
# colon, then the group to its closing bracket
_GROUP = re.compile(r"\[(?P<label>[A-Z][A-Za-z]{0,2}) [a-z][\w.]{0,30}:\s?[^\[\]]{1,200}\]")


def labelled(line: str, offsets: list[int], actions: list[Action]) -> list[Action]:
    """``actions`` with each value inside a labelled group named with its label (``offsets``:
    where each of the line's pieces starts)."""
    if "[" not in line:
        return actions
    groups = [(m.start(), m.end(), m.group("label")) for m in _GROUP.finditer(line)]
    if not groups:
        return actions
    out: list[Action] = []
    for action in actions:
        at = offsets[action.token]
        label = next((g[2] for g in groups if g[0] < at < g[1]), None)
        if action.kind != METRIC or label is None or action.name.startswith(f"{label}_"):
            out.append(action)
            continue
        out.append(action._replace(name=f"{label}_{action.name}"))
    return out
