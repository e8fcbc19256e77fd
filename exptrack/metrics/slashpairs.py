"""Two values printed as one pair ``a/b``, each named by its half of a pair of names:
under a ``MAE/RMSE:`` heading (coral-cnn's ``MAE/RMSE: | Current Valid: 2.93/4.14``), or
in one name whose first word is a pair (``Gen/Dis Loss: 3.57/-1.12``) or whose pair follows
it in parentheses (``Loss (train/val): 0.5/0.6``; CRFsuite's ``Acc(item/seq)=0.977 0.840``,
its values a space apart), or one name ending in the pair (``Test
macro ROC / PR : 0.76 / 0.25``). The per-number rules (``rules``) name the first value only;
these split the pair.
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
        own = action.name == f"{heading['first']}/{heading['second']}"  # "MAE/RMSE: 0.5/0.7"
        label = "" if own else f"{action.name}_"
        out += (action._replace(name=f"{label}{heading['first']}"),
                action._replace(token=action.token + 2, name=f"{label}{heading['second']}"))
    return tuple(out)


# "Gen/Dis Loss: 3.57/-1.12", "train/val loss: 0.3/0.4": two quantities' names share their
# last word, and their values follow in the same order
_NAMED_PAIR = re.compile(r"^(?P<first>[A-Za-z]{1,12})/(?P<second>[A-Za-z]{1,12})"
                         r"_(?P<what>\w{1,40})$")


# "Loss (train/val): 0.5/0.6", BCNN's "Loss(Train/Valid):0.365/0.697": the pair of names
# in parentheses after the quantity's
_PAIR_AFTER = re.compile(r"^(?P<what>\w{1,40}?)_?\((?P<first>[A-Za-z]{1,12})"
                         r"/(?P<second>[A-Za-z]{1,12})\)$")


# "Test macro ROC/PR: 0.76/0.25": a name whose last word is the pair, its words before
# naming both halves (a pair of counters, "epoch/iter: 19/5159", is a step's, not here)
_PAIR_LAST = re.compile(r"^(?P<what>(?:[A-Za-z]\w{0,20}_){0,3})"
                        r"(?P<first>[A-Za-z][A-Za-z0-9\-]{0,12})/(?P<second>[A-Za-z][\w\-]{0,12})$")
# a pair spaced out around its slash, "ROC / PR : 0.76 / 0.25" (written closed up by
# ``closed``, to the same length, for the per-number rules to name it as one name), maybe
# with its quantity after it ("Train / Val loss: 0.5 / 0.6": closed up when its halves are
# phases or the quantity is a measured one)
_SPACED = re.compile(r"(?<![\w/])(?<!/ )(?P<first>[A-Za-z][\w\-]{0,12}) / "
                     r"(?P<second>[A-Za-z][\w\-]{0,12})(?P<what> [A-Za-z][\w\-]{0,30})?"
                     r"(?P<sep>\s?[:=]\s*)$")
# halves that are a tensor's statistics ("Min/max: 0.0 / 0.99"), not two quantities
_STATS = frozenset(("min", "max", "mean", "std", "avg", "median", "sum"))


def closed(pieces: list[str]) -> list[str]:
    """``pieces`` with each name's spaced pair before a spaced pair of values closed up
    (``ROC / PR : 0.76 / 0.25`` read as ``ROC/PR   : 0.76 / 0.25``)."""
    out = pieces
    for j in range(0, len(pieces) - 3, 2):
        found = _SPACED.search(pieces[j]) if pieces[j + 2].strip() == "/" else None
        if found is not None and found["what"] and not (
                names.metric_like(found["what"][1:]) or (
                    found["first"].lower() in names.PHASE_WORDS
                    and found["second"].lower() in names.PHASE_WORDS)):
            found = None  # "Join ratio / total clients: 1.0 / 4": two names
        if found is not None:
            out = out if out is not pieces else list(pieces)
            pair = f"{found['first']}/{found['second']}{found['what'] or ''}"
            out[j] = pieces[j][:found.start()] + pair + "  " + found["sep"]
    return out


def _split_last(name: str, pieces: list[str], token: int) -> tuple[str, str] | None:
    pair = _PAIR_LAST.match(name)
    if pair is None or pieces[token + 1].strip() != "/" \
            or {pair["first"].lower(), pair["second"].lower()} & _STATS:
        return None
    what = pair["what"]
    if what and pair["first"].lower() in names.PHASE_WORDS \
            and pair["second"].lower() in names.PHASE_WORDS:  # "Loss train/val: 0.5/0.4":
        return f"{pair['first']}_{what[:-1]}", f"{pair['second']}_{what[:-1]}"  # each phase's
    if not (names.metric_like(pair["first"]) or names.metric_like(pair["second"])
            or any(w in names.PHASE_WORDS for w in names.words(what))):
        return None
    return f"{what}{pair['first']}", f"{what}{pair['second']}"


def _spaced_pair(pieces: list[str], action: Action) -> tuple[str, str] | None:
    """The names of CRFsuite's ``Acc(item/seq)=0.977 0.840``: a pair in parentheses after
    the quantity's name, its two values after it with one space between (``Acc_item``,
    ``Acc_seq``; a pair of phases before it, ``train_Loss``)."""
    pair = _PAIR_AFTER.match(action.name)
    if pair is None or action.token + 2 >= len(pieces) or pieces[action.token + 1] != " " \
            or pieces[action.token + 3][:1] not in ("", " ", "\t") \
            or not names.metric_like(pair["what"]):
        return None
    if pair["first"].lower() in names.PHASE_WORDS and pair["second"].lower() in names.PHASE_WORDS:
        return f"{pair['first']}_{pair['what']}", f"{pair['second']}_{pair['what']}"
    return f"{pair['what']}_{pair['first']}", f"{pair['what']}_{pair['second']}"


def _named_pairs(pieces: list[str], actions: tuple[Action, ...]) -> tuple[Action, ...]:
    out: list[Action] = []
    for action in actions:
        spaced = _spaced_pair(pieces, action) if action.kind == METRIC else None
        if spaced is not None:
            out += (action._replace(name=spaced[0]),
                    action._replace(token=action.token + 2, name=spaced[1]))
            continue
        pair = (_NAMED_PAIR.match(action.name) or _PAIR_AFTER.match(action.name)) \
            if action.kind == METRIC else None
        if pair is None or action.token + 2 >= len(pieces) \
                or pieces[action.token + 1].strip() != "/" \
                or not (names.metric_like(pair["what"]) or pair["what"].lower().endswith("cost")):
            last = _split_last(action.name, pieces, action.token) \
                if action.kind == METRIC and action.token + 2 < len(pieces) else None
            if last is None:
                out.append(action)
                continue
            out += (action._replace(name=last[0]),
                    action._replace(token=action.token + 2, name=last[1]))
            continue
        out += (action._replace(name=f"{pair['first']}_{pair['what']}"),
                action._replace(token=action.token + 2, name=f"{pair['second']}_{pair['what']}"))
    return tuple(out)


# "train/valid/test loss: 0.0000/0.0007/0.0018": three phases' values of one quantity (or
# spaced, "source / target / global accuracy: 1.0 / 0.97 / 0.98")
_PHASE_TRIPLE = re.compile(r"(?:^|(?<=\s))(?P<a>[A-Za-z]{2,10})(?P<gap> ?)/(?P=gap)"
                           r"(?P<b>[A-Za-z]{2,10})(?P=gap)/(?P=gap)(?P<c>[A-Za-z]{2,10}) "
                           r"(?P<what>[A-Za-z][\w\-]{0,30}(?: \([A-Za-z][\w\-]{0,20}\))?)"
                           r"\s?:\s{0,4}$")


def phase_triple(pieces: list[str], index: int, at: int) -> tuple[Action, ...]:
    """The three values of ``a/b/c`` at ``index`` when a triple of phases names them
    (``train/valid/test loss: 0.0000/0.0007/0.0018``: ``train_loss``, ``valid_loss``,
    ``test_loss``), else (); ``at``: where ``pieces[index - 1]`` starts in the line. A
    triple of integers is a shape (``bsz: 1024/1024/32``), no values."""
    if index + 4 >= len(pieces) or pieces[index + 1].strip() != "/" \
            or pieces[index + 3] != pieces[index + 1] \
            or not all("." in pieces[j] for j in (index, index + 2, index + 4)):
        return ()
    left = pieces[index - 1]
    found = _PHASE_TRIPLE.search(left, max(0, len(left) - 80))
    if found is None or not (all(found[g].lower() in names.PHASE_WORDS for g in "abc") or (
            names.metric_like(found["what"]) and not any(
                found[g].lower() in _STATS for g in "abc"))):
        return ()  # (MUSE's "Discriminator source / target / global accuracy: 1.00000 /
        # 0.97667 / 0.98833": three quantities of one measure)
    source = (at + found.start(), at + found.end("what"))
    what = found["what"].replace(" ", "_")
    return tuple(Action(METRIC, index + 2 * i, f"{found[g]}_{what}", source=source)
                 for i, g in enumerate("abc"))


# "mean/median reward 16.0/16.0, min/max reward 9.0/24.0" (ikostrikov's a2c-ppo-acktr): a
# pair of names, its quantity after it, then a pair of values, with or without a colon
_PAIR_BEFORE = re.compile(r"(?:^|(?<=\s))(?P<first>[A-Za-z]{2,12})/(?P<second>[A-Za-z]{2,12}) "
                          r"(?P<what>[A-Za-z][\w\-]{0,30})(?:\s?[:=])?\s{1,2}$")


def pair_before(pieces: list[str], index: int, at: int) -> tuple[Action, ...]:
    """The two values of ``a/b`` at ``index`` when a pair of names and their quantity come
    right before it (``min/max reward 9.0/24.0``: ``min_reward``, ``max_reward``), else ();
    ``at``: where ``pieces[index - 1]`` starts in the line."""
    left = pieces[index - 1]
    found = _PAIR_BEFORE.search(left, max(0, len(left) - 80))
    if found is None or not (names.metric_like(found["what"]) or all(
            found[g].lower() in names.PHASE_WORDS for g in ("first", "second"))):
        return ()
    source = (at + found.start(), at + found.end("what"))
    return tuple(Action(METRIC, index + 2 * i, f"{found[g]}_{found['what']}", source=source)
                 for i, g in enumerate(("first", "second")))
