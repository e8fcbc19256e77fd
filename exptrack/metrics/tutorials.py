"""Sean Robertson's progress lines (PyTorch's "NLP From Scratch" tutorials, copied into many
a project, and his char-rnn.pytorch): a loss printed with no name after the iteration's
count and its percentage::

    5000 5% (0m 3s) 2.1234 Nguyen / Chinese ✗ (Vietnamese)      classifying names
    0m 10s (- 1m 30s) (5000 6%) 2.8736                           translation (seq2seq)
    [0m 4s (50 25%) 1.8436]                                      char-rnn.pytorch

The count is the step, the percentage progress, the times elapsed and left; the value is
the loss (the tutorials' ``loss`` and ``print_loss_avg``). The regexes are bounded and run on
a line's last 160 characters at most: linear.
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, STEP

# the name classifier's "iter percent% (time) loss name / guess ✓"
_CLASSIFYING = re.compile(r"(?P<step>\d{1,9}) \d{1,3}% \(\d{1,6}m \d{1,2}s\) "
                          r"(?P<loss>\d{1,6}\.\d{1,12}) \S{1,60} / \S")
# "time (- left) (iter percent%) loss", in brackets in char-rnn.pytorch (after tqdm's last
# frame there, on the same line)
_PROGRESS = re.compile(r"(?:^|[\]\s])\[?\d{1,6}m \d{1,2}s(?: \(- -?\d{1,6}m -?\d{1,2}s\))? "
                       r"\((?P<step>\d{1,9}) \d{1,3}%\) (?P<loss>\d{1,6}\.\d{1,12})\]?\s*$")


def marked(text: str) -> bool:
    """A quick test: may ``text`` be such a line?"""
    return "% (" in text or "%) " in text


def plan(pieces: list[str], text: str) -> tuple[Action, ...] | None:
    """The step and the loss of such a line (``pieces``: texts at even and numbers at odd
    indices), or None when the line is not one."""
    found = _CLASSIFYING.match(text) if text[:1].isdigit() else None
    if found is None:
        start = max(0, len(text) - 160)
        found = _PROGRESS.search(text, start)
    if found is None:
        return None
    step, loss = _index(pieces, found.start("step")), _index(pieces, found.start("loss"))
    if step is None or loss is None:
        return None
    return (Action(STEP, step), Action(METRIC, loss, "loss"))


def _index(pieces: list[str], at: int) -> int | None:
    """The index of the number piece that starts at the character ``at``."""
    position = 0
    for index, piece in enumerate(pieces):
        if position == at and index % 2:
            return index
        position += len(piece)
        if position > at:
            return None
    return None
