"""Two values printed as one pair ``a/b``, each named by its half of a pair of names:
under a ``MAE/RMSE:`` heading (coral-cnn's ``MAE/RMSE: | Current Valid: 2.93/4.14``), or
in one name whose first word is a pair (``Gen/Dis Loss: 3.57/-1.12``) or whose pair follows
it in parentheses (``Loss (train/val): 0.5/0.6``). The per-number rules (``rules``) name
the first value only; these split the pair.
"""

from __future__ import annotations

import re

from exptrack.metrics import names
from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC

# "MAE/RMSE: | Train: 0.09/0.50 | Valid: 2.93/4.14": the heading names each pair's values
_PAIR_HEADING = re.compile(r"^\s{0,8}(?P<first>[A-Za-z][\w\-]{0,20})"
                           r"/(?P<second>[A-Za-z][\w\-]{0,20})\s?:\s")


def slash_pairs(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """``actions`` with each ``label: a/b`` under a ``A/B:`` heading split into label_A and
    label_B (coral-cnn's ``MAE/RMSE: | Current Valid: 2.93/4.14 Ep. 199``); a ``Best ...``
    pair and its epoch are a running best, left out."""
    heading = _PAIR_HEADING.match(pieces[0])
    if heading is None or not (names.metric_like(heading["first"])
                               and names.metric_like(heading["second"])):
        return _named_pairs(pieces, actions)
    paired = {a.token for a in actions if a.kind == METRIC and a.token + 2 < len(pieces)
              and pieces[a.token + 1] == "/"}
    best: set[int] = set()  # the tokens of "| Best Valid : 2.79/3.94 Ep. 90", to its "|"
    inside = False
    for j in range(0, len(pieces), 2):
        if "|" in pieces[j]:
            inside = pieces[j].rpartition("|")[2].lstrip().lower().startswith("best")
        if inside and j + 1 < len(pieces):
            best.add(j + 1)
    out: list[Action] = []
    for action in actions:
        if action.token in best:
            continue
        if action.token not in paired:
            out.append(action)
            continue
        out += (action._replace(name=f"{action.name}_{heading['first']}"),
                action._replace(token=action.token + 2,
                                name=f"{action.name}_{heading['second']}"))
    return tuple(out)


# "Gen/Dis Loss: 3.57/-1.12", "train/val loss: 0.3/0.4": two quantities' names share their
# last word, and their values follow in the same order
_NAMED_PAIR = re.compile(r"^(?P<first>[A-Za-z]{1,12})/(?P<second>[A-Za-z]{1,12})"
                         r"_(?P<what>\w{1,40})$")


# "Loss (train/val): 0.5/0.6", BCNN's "Loss(Train/Valid):0.365/0.697": the pair of names
# in parentheses after the quantity's
_PAIR_AFTER = re.compile(r"^(?P<what>\w{1,40}?)_?\((?P<first>[A-Za-z]{1,12})"
                         r"/(?P<second>[A-Za-z]{1,12})\)$")


def _named_pairs(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    out: list[Action] = []
    for action in actions:
        pair = (_NAMED_PAIR.match(action.name) or _PAIR_AFTER.match(action.name)) \
            if action.kind == METRIC else None
        if pair is None or action.token + 2 >= len(pieces) or pieces[action.token + 1] != "/" \
                or not (names.metric_like(pair["what"]) or pair["what"].lower().endswith("cost")):
            out.append(action)
            continue
        out += (action._replace(name=f"{pair['first']}_{pair['what']}"),
                action._replace(token=action.token + 2, name=f"{pair['second']}_{pair['what']}"))
    return tuple(out)
