"""A line that prints the learning rate it sets (``wholeline``'s one-value lines): "Updating
learning rate to 5e-05", "Decaying learning rate to 9e-05 after having stalled 1 time(s)",
"Learning rate [1e-05]". The regexes are anchored or bounded: linear.
"""

from __future__ import annotations

import re

from exptrack.metrics.naming import normalize_name

# what may follow the value: nothing, a unit, a full stop ("... to 0.005.")
UNIT_AFTER = re.compile(r"^\s?(?:%|[A-Za-z]{1,8})?\.?\s*$")

_LR_UPDATE = re.compile(r"^(?:\s*|.{0,80}?(?:[:\]|]|\bINFO|\bDEBUG)\s+)"  # (a record's prefix)
                        r"(?:Updating|Update|Updated|Setting|Set|Adjusting|Decaying)\s(?:the\s)?"
                        r"(?P<name>learning rate|lr|LR)\sto\s?$")
# FuxiCTR's "Reduce learning rate on plateau: 0.000100": the rate it set, its only print of
# it, named as printed
_LR_PLATEAU = re.compile(r"^(?:\s*|.{0,80}?(?:[:\]|]|\bINFO|\bDEBUG)\s+)"
                         r"(?P<name>Reduce learning rate on plateau):\s?$")
# why it was set, after the value: Marian's "Decaying learning rate to 9e-05 after having
# stalled 1 time(s)"
_LR_WHY = re.compile(r"^ after having stalled $")
# the learning rate of an optimizer's one parameter group, printed as its list: "Learning
# rate [1e-05]", VPoser's "[V02_05] -- lr is [0.001]"
_LR_LISTED = re.compile(r"(?:^|(?<=\s))(?P<name>[Ll]earning rate|lr|LR)(?: is)? \[$")


def lr_update(pieces: list[str]) -> tuple[str, tuple[int, int], int] | None:
    """(name, source, the value's token) of a line that sets the learning rate to its value,
    each epoch ("Updating learning rate to 5e-05", the Time-Series-Library's;
    NeuralHydrology's "2022-01-05 21:49:49,872: Setting learning rate to 0.005"; OpenNMT-py's
    "Decaying learning rate to 0.015625") or prints it as its group's list ("Learning rate
    [1e-05]"); ReduceLROnPlateau's "reducing learning rate to" is an event, not a series."""
    if len(pieces) >= 5 and _LR_WHY.match(pieces[-3]) and pieces[-1] == " time(s)":
        pieces = [*pieces[:-3], ""]
    found = _LR_UPDATE.match(pieces[-3]) or _LR_PLATEAU.match(pieces[-3])
    if found is None and pieces[-1].rstrip() == "]":  # its one group's rate in a list:
        found = _LR_LISTED.search(pieces[-3], max(0, len(pieces[-3]) - 40))  # "lr is [0.001]"
    elif found is not None and not UNIT_AFTER.match(pieces[-1]):
        found = None
    if found is None:
        return None
    at = sum(len(piece) for piece in pieces[:-3])
    return normalize_name(found.group("name").replace(" ", "_")), (
        at + found.start("name"), at + found.end("name")), len(pieces) - 2
