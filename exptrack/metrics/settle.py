"""The last judgement of a line's actions, once each number has its kind and name
(``conclude``): a line of hyperparameters, a library's set-up line and a lone weak pair
report nothing (but the whole message of a metric's name and a fraction: ``lone_pair``),
timings alone wait for a step, a section's names take its phase; then
(``settle``) nested dicts name their values by their keys, a printed configuration keeps
only its metrics, a JSON record only its own keys' values, a line of many per-class values
none of them, and a bar alone places nothing."""

from __future__ import annotations

import re
from collections import Counter

from exptrack.metrics import barrenders, forms, names, netlabels
from exptrack.metrics.actions import (
    Action,
    judge_dict,
    only_timed,
    sections,
    top_level,
    without_per_class,
    without_per_item,
)
from exptrack.metrics.around import STOPWORDS
from exptrack.metrics.kinds import BAR_STEP, EPOCH, METRIC, PER_CLASS, RATIO, STEP, TIMED
from exptrack.metrics.naming import BRACKET_UNIT
from exptrack.metrics.nesting import name as nested_names
from exptrack.metrics.settings import HYPER_NAMES
from exptrack.metrics.unnamed import opening_trial

_STEPS_BAR = re.compile(r"(?i)^\s*(?:(?:global|train|training|optimi[sz]ation)\s)?steps?\s?:?\s*$")


def conclude(pieces: list[str], line: str, offsets: list[int], actions: list[Action],
             candidates: list[tuple[int, str, str, bool]], *, hyper: bool,
             sectioned: dict[int, str], phrased_steps: list[int], settings: bool,
             durations: set[int], measures: set[int], library: bool) -> tuple[Action, ...]:
    """The actions of a line once each number has been looked at on its own: what the line
    as a whole says of them (``candidates``: the named values, as (piece index, name, sep,
    phrased); the rest are the loop's findings, named as in ``rules.plan_numbers``)."""
    if hyper and not any(a.kind == METRIC and a.name.lower() not in HYPER_NAMES and names.
                         metric_like(a.name) for a in actions):  # timm's "Averaged stats: lr:
        return ()  # 0.003  loss: 2.20  weight_decay: 0.05" is a report
    if sectioned:  # "Train Loss: 11.2 | Token Acc: 0.05 | Val Loss: 10.9 | Token Acc: 0.07":
        actions = sections(actions, sectioned)  # a name twice: each phrase opens a section
    if opening_trial(pieces) and not any(a.kind in (STEP, EPOCH) for a in actions):
        phrased_steps.append(1)  # "Trial 14: MOTA=61.1%": the search's step
    if phrased_steps and any(a.kind == METRIC for a in actions):
        actions = sorted([*actions, *(Action(STEP, i) for i in phrased_steps)],
                         key=lambda a: a.token)
    if (settings or library) and not any(a.kind in (STEP, EPOCH) for a in actions):
        return ()  # a library's "[Info]" line counts only when it reports an iteration
    if (durations or measures) and not any(a.kind in (STEP, EPOCH) for a in actions):
        actions, candidates = only_timed(actions, candidates, durations, measures)
    weak_only = [c for c in candidates if not c[2].strip() and not c[3]]
    if weak_only and len(candidates) + sum(a.kind not in (METRIC, TIMED)
                                           for a in actions) < 2:
        # a lone "word 12" counts only as a table cell ("test_acc    0.88"), a phrase ("Test
        # set accuracy 0.94"), or a whole message of a metric's name and a fraction ("Time
        index, name, sep, _ = weak_only[0]  # 2.56", nnU-Net's "09:41:39.49: train_loss 0.70")
        whole = lone_pair(pieces, index, name) if "\t" not in sep and len(sep) < 2 \
            else name
        if whole is None:
            return tuple(a for a in actions if a.token != index)
        actions = [a._replace(name=whole) if a.token == index and a.kind == METRIC else a
                   for a in actions]
    return settle(line, offsets, pieces, actions)


def settle(line: str, offsets: list[int], pieces: list[str],
           actions: list[Action]) -> tuple[Action, ...]:
    """The actions of ``line`` (split into ``pieces`` at ``offsets``) as they are recorded."""
    actions, results = nested_names(line, offsets, actions)  # (a run's results: no dump)
    if "{" in line and not results and not any(a.kind in (STEP, EPOCH) for a in actions):
        actions = judge_dict(line, actions)
    elif forms.STEPPED_RECORD.match(line):  # (a JSON record's nested and quoted numbers)
        kept = top_level(line, offsets, actions)  # its own values, or where it has none but
        if any(a.kind in (METRIC, RATIO) for a in kept):  # its step, the dicts under it
            actions = kept
    if len(actions) > PER_CLASS:
        actions = without_per_class(actions)
        if not barrenders.KERAS_KEYS.match(line):  # (Keras' outputs "dense_2_loss_1" ... "_10": the
            actions = without_per_item(actions)  # model's heads, each compiled with its loss)
    actions = netlabels.labelled(line, offsets, actions)  # Keras-GAN's "[D loss: 0.3,
    # acc: 0.9]  [A loss: 2.3, acc: 0.4]": each group's "acc" its network's
    named = Counter(a.name for a in actions if a.kind in (METRIC, RATIO))
    if len(named) < named.total() and 1 in named.values() \
            and sum(a.kind in (STEP, EPOCH, BAR_STEP) for a in actions) <= 1:
        # a name twice in one report: its last value (lambeq's running "train/loss", then
        # the epoch's); not reports glued on one line (each at its step, its names again)
        last = {a.name: a.token for a in actions if a.kind in (METRIC, RATIO)}
        for a in actions:  # ... but a name printed as it is wins over a label's phase and a
            if a.kind in (METRIC, RATIO) and named[a.name] == 2 \
                    and line[a.source[0]:a.source[1]] == a.name:  # word (ESPnet's "[train]
                last[a.name] = a.token  # ... train_time=0.025, time=0.26 seconds")
        actions = [a for a in actions if a.kind not in (METRIC, RATIO) or last[a.name] == a.token]
    if not any(a.kind in (METRIC, RATIO) for a in actions):
        actions = [a for a in actions if a.kind != BAR_STEP]  # a bar alone: nothing to place
    elif _STEPS_BAR.match(pieces[0]):  # diffusers' and kohya's "Steps:  10%|#| 41/3280 [...,
        actions = [a._replace(kind=STEP) if a.kind == BAR_STEP else a for a in actions]
        # avr_loss=0.1]": a bar of the run's steps counts the step
    return tuple(actions)


_LAST_FIELD = re.compile(r"[:|] |\s{2,}")
_UNIT_AFTER = re.compile(BRACKET_UNIT + r"\s$")  # "RMSE ATE [m] 1.0073": the name's unit


def lone_pair(pieces: list[str], index: int, name: str) -> str | None:
    """The name of a lone weak pair (``name`` and the value at ``index``) when the pair is
    the whole message of its line: a metric's name and a fraction ("Time 2.56", nnU-Net's
    "09:41:39.49: train_loss 0.70", rlpyt's tabular "2022-03-28 02:51:48.688 |
    Diagnostics/StepsPerSecond 0.847", after a bullet: PyTorch's ImageNet example's " *
    Acc@1 84.369", Flair's "- F-score (micro) 0.9962"; up to three words are the name,
    "Average object IoU 64.4309", after a label's phase too: OpenGS-SLAM's "Eval: RMSE ATE
    [m] 1.0073" is eval_RMSE_ATE)? Its value a fraction, or ``nan``/``inf`` (nnU-Net's
    "train_loss nan" once a run diverged); None when it is no such pair."""
    value = pieces[index]
    if not (index == len(pieces) - 2 and not pieces[-1].strip()
            and ("." in value or value.lstrip("+-").lower() in ("nan", "inf"))):
        return None
    field = _UNIT_AFTER.sub("", _LAST_FIELD.split(pieces[index - 1])[-1]).strip(" *•>-")
    field = field.replace(" (", "_(")
    words = "_".join(field.split(" "))  # (RMSIN's "Average object IoU 64.4309": its words,
    if field.count(" ") > 2 or (" " in field and index > 1):  # when they open the line's
        return None  # values; not SyncNet's "Content loss 1.0 Identity loss 1.0")
    if words.lower() == name.lower():
        return name if names.metric_like(name) else None
    if words.endswith("_" + name) and words.islower() and words.replace("_", "").isalpha() \
            and not any(w in STOPWORDS for w in words.split("_")) \
            and names.metric_like(words) and not names.denied(words):
        return words  # pointnet.pytorch's "final accuracy 0.0625": its words, lowercase
    phase, _, rest = name.partition("_")
    if phase.lower() not in names.PHASE_WORDS or not rest \
            or not words.lower().endswith(rest.lower()):
        return None
    whole = f"{phase}_{words}"
    return whole if names.metric_like(whole) else None


# a long-format record: one value per line, named by a field ('{"group": "test", "iter": 0,
