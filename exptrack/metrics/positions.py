"""Numbers that say where a run is: the epoch, step or batch a number is by the text before it.

``Epoch [3/10]``, ``Iter(val) [500]``, ``[E03] train_loss=1.5``, ``2nd epoch``, LightGBM's
``finished 998 iteration``. The regexes run on the 120 characters before a number and have
no nested quantifiers: linear in that bound.
"""

from __future__ import annotations

import re
from bisect import insort

from exptrack.metrics import forms
from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import BATCH, EPOCH, STEP
from exptrack.metrics.phasewords import EPOCH_KEYS, before_key
from exptrack.metrics.unnamed import ordinal_kind

# a key, then "[N" or "#N" ("Epoch: [3/10]", "Iter(val) [500]", "step #12"); a log prefix's
# "]" or level before "[N]" is not one ("...py:48] [100] loss=", "INFO [15]\ttrain-")
_STEP_BRACKET = re.compile(
    r"(?i)\b(?P<key>epoch|[ée]poca|epoche|[ée]poque|iter|iteration|step|batch)"
    r"\s*(?:\((?P<mode>\w+)\))?\s*(?:[:#=]?\s*[\[(]|#)\s*$")  # (and "Epoch (16/16)")
# DGCNN's "Train 40, loss: 1.56, train acc: 0.92" and "Test 40, loss: 1.55, test acc: 0.91"
# (copied by CurveNet, learning3d): the phase, its epoch, then the phase's values
_PHASE_EPOCH = re.compile(r"(?i)^\s{0,8}(?P<phase>train|training|test|testing|val|valid"
                          r"|validation|eval)\s$")
_VALUES_AFTER = re.compile(r"^,\s[A-Za-z][\w ]{0,30}:\s?$")
# Catalyst's "valid (1/3) accuracy01: 0.61 | loss: 1.02": the loader, its epoch of all, its
# summary (``phases._LOADER_EPOCH`` the loader's phase)
_LOADER_OPEN = re.compile(r"(?i)^\s{0,8}(?:train|training|test|testing|val|valid"
                          r"|validation|eval)\s\($")
_LOADER_AFTER = re.compile(r"^\)\s[A-Za-z][\w\-/]{0,40}:\s")
# "finished 998 iteration", "completed 3 epochs": the step or epoch a line reports as done
_DONE_BEFORE = re.compile(r"(?i)(?:^|\s)(?:finished|completed)\s$")
_EPOCH_LETTER = re.compile(r"(?:^|[\s\]])E=$")  # Sockeye's "E=1 B=50": the epoch's key
# a boosting round's tree of all, opening a line ("Train tree 3/20 train-loss:1.12 ...")
_TREE_OF = re.compile(r"(?i)^\s{0,8}(?:train(?:ing)?\s)?tree\s$")
_DONE_UNIT = re.compile(r"(?i)\s(?:(epoch)s?|iterations?|iters?|steps?)\b(?!\s*[:=])")


def position(pieces: list[str], index: int, counter: bool,
             phases: list[tuple[int, str | None]],
             offsets: list[int]) -> tuple[Action, ...] | None:
    """The actions of the number at ``index`` when the text before it makes it a position
    (empty: a position that is not the run's, MMEngine's ``Iter(val) [1902/1902]``); None
    when it is not one. A phase labelling the key (``Test Epoch: [5/10] Acc:``) is added to
    ``phases``."""
    left, right = pieces[index - 1], pieces[index + 1]
    tail = left[-120:]
    bracket = _STEP_BRACKET.search(tail)
    if bracket is not None:
        key = bracket.group("key").lower()
        kind = EPOCH if key in EPOCH_KEYS else BATCH if key == "batch" else STEP
        labelled = before_key(tail, bracket.start())  # "Test Epoch: [5/10] Acc:": the
        if labelled is not None:  # phase labels the values (test_Acc)
            insort(phases, (offsets[index], labelled))
        if not counter or (bracket.group("mode") or "").lower() not in ("val", "test"):
            return (Action(kind, index),)  # mmcv's "Iter(val) [500]": the run's step
        return ()  # MMEngine's "Iter(val) [1902/1902]", "Epoch(test) [13/13]": the eval
        # loop's batch, not the run's step or epoch ("Epoch(val) [1][625/625]" has both)
    if index == 1 and not counter and pieces[index].isdigit() and _VALUES_AFTER.match(right) \
            and (phased := _PHASE_EPOCH.match(left)) is not None:
        insort(phases, (offsets[index], phased.group("phase").lower()))
        return (Action(EPOCH, index),)
    if index == 1 and counter and pieces[index].isdigit() and _LOADER_OPEN.match(left) \
            and _LOADER_AFTER.match(pieces[index + 3]):
        return (Action(EPOCH, index),)
    glued = forms.GLUED_COUNTER.search(tail) if tail[-1:].isalpha() else None
    if glued is not None and pieces[index].isdigit():  # "[E03] train_loss=1.5492"
        return (Action(EPOCH if glued.group(1)[:1] in "Ee" else STEP, index),)
    ordinal = ordinal_kind(left, right)
    if ordinal is not None:
        return (Action(ordinal, index),)
    if left == " B=" and index >= 3 and pieces[index].isdigit() and pieces[index - 2].isdigit() \
            and _EPOCH_LETTER.search(pieces[index - 3]):
        return (Action(STEP, index),)  # Sockeye's "E=1 B=50": the epoch, the batches so far
    if counter and index == 1 and pieces[index].isdigit() and _TREE_OF.match(left):
        return (Action(STEP, index),)  # YDF's "Train tree 3/20 train-loss:1.12": the round
    done = _DONE_UNIT.match(right) if _DONE_BEFORE.search(tail) else None
    if done is not None and not counter:  # LightGBM "finished 998 iteration"
        return (Action(EPOCH if done.group(1) else STEP, index),)
    return None
