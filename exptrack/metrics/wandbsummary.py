"""W&B's closing ``wandb: Run summary:`` block (``lineplan`` spots its heading): each
logged key's last value, printed again.

::

    wandb: Run summary:
    wandb:       train/box_loss 0.01713
    wandb:         best/mAP_0.5 0.55877
    wandb:                x/lr0 0.00929
    wandb:

An entry is a metric observed once, unless it repeats what the run already recorded: its
value is a recorded metric's last value (to the digits either shows: ``train/box_loss
0.01713`` is the table's ``box_loss``, ``metrics/precision 0.5686`` its ``P`` 0.569), or it
is a running best (``best/mAP_0.5``) or W&B's own bookkeeping (``_runtime``, ``_step``).
A value equal to another quantity's last value by chance is told apart by its digits: a
repeat under another name needs three significant digits, under the same name none.

The block is where the run ended, not a step of it: its entries carry the step and epoch
of its own counter rows above them (``epoch 9``, ``trainer/global_step 500``; W&B sorts
its keys), and neither when none is, however far the printed lines before it had counted.
"""

from __future__ import annotations

import re

from exptrack.metrics import names, spelling
from exptrack.metrics.dumps import Block
from exptrack.metrics.observation import Observation
from exptrack.metrics.phasewords import COUNTER_KEYS, EPOCH_KEYS
from exptrack.metrics.reprints import Reprints, printed_alike

# a line of the block: "wandb:   train/box_loss 0.01713" (a bare "wandb:" ends it); a key
# may hold single spaces between its words ("wandb:   learning rate 1e-05", "wandb: validation
# Dice 0.81286"; not a class's "eval/Judgment (J1)_f1", a seqeval report's row)
_ENTRY = re.compile(r"^wandb:\s+(?P<name>[^\s\d]\S{0,120}|[A-Za-z][\w\-]{0,40}"
                    r"(?: [A-Za-z][\w\-]{0,40}){1,4}) "
                    r"(?P<value>[+-]?(?:\d[\d.]*(?:e[+-]?\d+)?|nan|inf))\s*$|^wandb:\s+\S")
_SIGNIFICANT = 3


def read(text: str, block: Block, seen: Reprints) -> bool:
    """Read one line of the block into ``block.held`` (its new values) and its counters
    (``block.step``, ``block.epoch``); False when the line ends the block."""
    found = _ENTRY.match(text)
    if found is None:
        return False
    name = found.group("name")
    if name is None:
        return True  # a text's value
    name = name.replace(" ", "_")  # ("learning rate": learning_rate, as printed names are)
    value = float(found.group("value"))
    counter = name.rpartition("/")[2].lower()
    if counter in COUNTER_KEYS and not _aside(name):  # (not "best/epoch 188")
        if counter in EPOCH_KEYS:
            block.epoch = value
        else:
            block.step = value
        return True
    if counter not in COUNTER_KEYS and not names.denied(name):
        block.held.extend(kept([Observation(name, value, block.step, block.epoch)], seen))
    return True


def kept(found: list[Observation], seen: Reprints) -> list[Observation]:
    """The entries of one summary line that are new: not a repeat of a recorded value, not
    a running best, not W&B's bookkeeping."""
    return [o for o in found if not _aside(o.name) and not _repeats(o, seen)]


def _aside(name: str) -> bool:
    """W&B's bookkeeping (``_runtime``, ``_step``) or a running best (``best/mAP_0.5``)."""
    return name.startswith("_") or names.running_best(name) or name.lower().startswith("best/")


def _repeats(obs: Observation, seen: Reprints) -> bool:
    own = spelling.key(obs.name.rpartition("/")[2])
    digits = len(repr(abs(obs.value)).replace(".", "").lstrip("0").partition("e")[0])
    for name, before in seen.last_values():
        same = spelling.key(name.rpartition("/")[2]) == own
        if (same or digits >= _SIGNIFICANT) and (_rounds_to(obs.value, before)
                                                 or printed_alike(before, obs.value)):
            return True
    return False


def _rounds_to(value: float, printed: float) -> bool:
    """Is ``printed`` ``value`` as a table prints it: to its own decimals, at least three
    (``0.6104`` is the ``0.61`` of a ``%.3g`` cell: ``0.610``)?"""
    text = repr(printed)
    if value == printed:
        return True
    if "e" in text or "n" in text or "." not in text:
        return False
    return round(value, max(len(text) - text.index(".") - 1, _SIGNIFICANT)) == printed
