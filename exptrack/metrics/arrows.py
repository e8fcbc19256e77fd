"""A value's change printed as ``old -> new``: pytorch-CycleGAN-and-pix2pix's scheduler line
``learning rate 0.0002000 -> 0.0001000``, a before/after comparison ``accuracy: 0.4800 ->
0.7200``. The name is the new value's; the old value is no observation of its own.

``collapse`` folds each old value and its arrow into the text before it (the same offsets: the
text reads ``learning rate:`` and spaces, a key and its value), so the line is planned as if it
printed the new value only; ``restore`` maps the planned tokens back onto the line's pieces.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from exptrack.metrics.actions import Action

_ARROW = re.compile(r"^ ?(?:->|-->|=>|\u2192|\u27f6) ?$")  # "->", "=>", "→"
# ... but a new best's notice is an event ("Validation loss decreased (inf --> 3.27)", "Model
# is improving acc: -inf --> 69.1", "New lowest loss on validation set: -1.82 -> -1.83"):
# the best so far, no series (``names``)
_EVENT = re.compile(r"(?i)\b(?:best|improv\w*|decreas\w*|increas\w*|lowest|highest|updated|"
                    r"better|new)\b")


def planned(pieces: list[str],
            plan: Callable[[list[str]], tuple[Action, ...]]) -> tuple[Action, ...]:
    """``plan``'s actions for a line's ``pieces``, each old value and its arrow folded."""
    if any(">" in text or "\u2192" in text or "\u27f6" in text for text in pieces[2::2]):
        collapsed, folded = collapse(pieces)
        if folded:
            return restore(plan(collapsed), folded)
    return plan(pieces)


def collapse(pieces: list[str]) -> tuple[list[str], list[int]]:
    """``pieces`` (split by ``forms.TOKEN``) with each ``<text> <old> -> <new>`` folded to
    ``<text>: <new>``, and the indices of the old values folded (none: ``pieces`` itself)."""
    folded: list[int] = []
    index = len(pieces) - 3  # an arrow's text, between two numbers, after a name's text
    while index >= 2:
        if _ARROW.match(pieces[index]) and pieces[index - 2].strip() \
                and not _EVENT.search(pieces[index - 2][-80:]):
            folded.append(index - 1)
            index -= 2
        else:
            index -= 2
    if not folded:
        return pieces, folded
    pieces = list(pieces)
    for old in folded:  # right to left: the indices before each fold stay as they were
        text, gap = pieces[old - 1], len(pieces[old]) + len(pieces[old + 1])
        stripped = text.rstrip()
        if stripped[-1:] in (":", "="):
            text += " " * gap
        else:  # "learning rate " -> "learning rate:" (a key of the value after it)
            text = stripped + ":" + " " * (len(text) - len(stripped) - 1 + gap)
        pieces[old - 1:old + 2] = [text]
    return pieces, sorted(folded)


def restore(actions: tuple[Action, ...], folded: list[int]) -> tuple[Action, ...]:
    """The actions planned on ``collapse``'s pieces, their tokens on the line's own pieces."""
    def shift(token: int) -> int:
        for old in folded:  # ascending: each fold before a token moved it two pieces back
            if token >= old:
                token += 2
        return token
    return tuple(a._replace(token=shift(a.token),
                            denominator=shift(a.denominator) if a.denominator else 0)
                 for a in actions)
