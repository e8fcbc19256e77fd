"""A key printed alone on its line, its value alone on the next::

    SCORE:
    0.8388888888888889

hyperopt's ``fmin`` hands each ``write()`` of the objective's ``print("SCORE:", accuracy)``
to ``tqdm.write``, a line each (its progress bar drawn again between them); scripts print a
metric's label, then its value (``print("AUC Macro:")``, ``print(roc_auc_score(...))``).
The key line opens a block (``dumps.CONTINUES``); ``name`` says which value name it gives the
bare number after it. Regexes run on one bounded line, anchored, no nested quantifiers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from exptrack.metrics import forms, linepasses
from exptrack.metrics.kinds import METRIC

if TYPE_CHECKING:
    from exptrack.metrics.dumps import Block

MAX_KEY = 80  # a longer line is a sentence, not a key
MAX_WAIT = 4  # lines of no value (a progress bar redrawn, its erasure) between key and value
# "SCORE:", "AUC Macro: ", "Balanced accuracy score:" (not "Epoch 3:", a counter's heading)
_KEY = re.compile(r"^\s{0,8}[A-Za-z][A-Za-z _\-./()@%]{0,70}:\s{0,4}$")
# PyTorch 0.3's repr of a Variable ("Variable containing:", its numbers, "[torch.FloatTensor
# of size 1]"): no key
_REPR = re.compile(r"(?i)\bcontaining:\s*$")
# a number alone on its line: the value ("0.8388888888888889", "  0.443", "-2.0")
BARE = re.compile(r"^\s{0,8}[-+]?\d{1,20}(?:\.\d{1,40})?(?:[eE][-+]?\d{1,3})?\s{0,4}$")


def name(text: str) -> str | None:
    """The name a line that is only a key gives the number alone on the next line, as the
    line's rules would name it followed by a value; None for any other line."""
    if len(text) > MAX_KEY or not _KEY.match(text) or _REPR.search(text):
        return None
    pieces = forms.TOKEN.split(text.rstrip() + " 0.5")
    actions = linepasses.plan_line(pieces)
    if len(actions) != 1 or actions[0].kind != METRIC or actions[0].token != len(pieces) - 2:
        return None
    return actions[0].name


def waits(block: Block, text: str) -> bool:
    """Whether a key alone (``block.lone``) still waits for its value past ``text``: a few
    of tqdm's bars drawn again after ``tqdm.write`` and the blanks that erased them."""
    if block.lone is None or block.waited >= MAX_WAIT or (text.strip() and "%|" not in text):
        return False
    block.waited += 1
    return True
