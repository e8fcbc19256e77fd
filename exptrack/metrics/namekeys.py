"""Metric names as keys that one quantity's spellings share (``name_key``), and which of
a framework file's names a printed name answers to (``file_keys``, ``shared_lasts``,
``phase_candidates``): ``merge`` joins the printed series to the files' by them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

_SEPARATORS = re.compile(r"[^0-9a-z]+")


# one quantity printed under several spellings: YOLOv5 before v7.0 printed "mAP@.5" and
# "mAP@.5:.95" where its results.csv (named as today's header, "mAP50", "mAP50-95") keeps them
_SPELLINGS = {"map_5": "map50", "map_0_5": "map50", "map_5_95": "map50_95",
              "map_0_5_0_95": "map50_95",
              # flair prints its dev F1 as the classification report's "f1-score (micro
              # avg)" (its default main metric), loss.tsv keeps it as DEV_F1
              "dev_f1_score_micro_avg": "dev_f1",
              # timm's validate.py prints " * Acc@1 75.3 (24.7) Acc@5 ..." where its results
              # file keeps top1, top5
              "accuracy_1": "top1", "accuracy_5": "top5"}
# words written short, as their whole word
_WHOLE = {"acc": "accuracy", "ppl": "perplexity",
          "acc1": "top1", "acc5": "top5"}  # (DeiT's log.txt "test_acc1", printed "Acc@1")
# the held-out evaluation's phase, however a file or a print spells it
_EVAL_WORDS = frozenset({"val", "valid", "validation", "evaluation"})
# a training's phase word after a name (DeePMD-kit's "rmse_trn")
_TRAIN_LAST = frozenset({"train", "training", "trn"})
# a phase word after a one-word name: the same quantity as the phase before it
_PHASE_LAST = frozenset({"train", "training", "val", "valid", "validation", "test", "eval",
                         "dev"})


def name_key(name: str) -> str:
    """A metric name with case and separators ignored: ``Train Loss`` ~ ``train_loss`` ~
    ``training.loss``, ``mAP@.5`` ~ ``mAP50``, ``validation/top1`` ~ ``eval_top1``, ``loss_val`` ~
    ``val_loss``, a word written short as written whole (``acc`` ~ ``accuracy``)."""
    key = _SEPARATORS.sub("_", name.casefold()).strip("_") or name
    if "acc" in key or "ppl" in key:  # OpenNMT-py prints "acc: 16.0; ppl: 18.6" and its
        key = "_".join(_WHOLE.get(w, w) for w in key.split("_"))  # TensorBoard keeps
        # "progress/accuracy", its validation's "Validation perplexity" as "valid/ppl"
    head, sep, last = key.rpartition("_")
    if sep and last in _PHASE_LAST and "_" not in head:  # litgpt's printed "loss train:
        key = f"{last}_{head}"  # 11.0, val: 11.2" ~ its metrics.csv's val_loss
    first, sep, rest = key.partition("_")
    if sep and first in _EVAL_WORDS:  # timm's "--result" dump's validation/top1 and its
        key = "eval_" + rest  # summary.csv's eval_top1: one evaluation, two spellings
    elif sep and first == "training":  # Tacotron 2's TensorBoard "training.loss", printed
        key = "train_" + rest  # "Train loss 0 31.634853"
    return _SPELLINGS.get(key, key)


def file_keys(names: Iterable[str]) -> dict[str, str]:
    """The name keys a file's metrics answer to, each to its name: the name's own key, and a
    grouped tag's last part when no other name ends so and the group is no phase (CleanRL's
    TensorBoard ``charts/episodic_return``, printed ``episodic_return=[15.]``; ``val/acc``
    stays the validation's, however the run prints its training ``acc``); a name of no
    phase answers to the training's printed name, and a training's name to the printed name
    of no phase (the training's, as a run prints it: ``loss`` for ``train.loss``)."""
    names = list(dict.fromkeys(names))
    keys = {name_key(name): name for name in names}
    grouped = [(name, name_key(name.rpartition("/")[2])) for name in names if "/" in name
               and name_key(name.partition("/")[0]) not in _PHASE_LAST | _EVAL_WORDS]
    lasts = Counter(key for _, key in grouped)
    for name, key in grouped:
        if lasts[key] == 1:
            keys.setdefault(key, name)
    for name in names:  # an evaluation's tag whose last part names its phase itself
        head, sep, last = name.rpartition("/")  # (open_clip's "val/clip_val_loss", printed
        if sep and name_key(head) in _EVAL_WORDS | {"eval"} \
                and not _EVAL_WORDS.isdisjoint(name_key(last).split("_")):  # clip_val_loss)
            keys.setdefault(name_key(last), name)
    for name in names:  # a name of no phase is the training's (litgpt's metrics.csv "loss",
        key = name_key(name)  # printed "loss train: 11.015"), unless the file has that too
        if key.partition("_")[0] not in _PHASE_LAST | _EVAL_WORDS:
            keys.setdefault(f"train_{key}", name)
    for name in names:  # a phase written last, after a name of any words (DeePMD-kit's
        head, sep, last = name_key(name).rpartition("_")  # lcurve.out "rmse_e_trn" and
        if sep and last in _TRAIN_LAST:  # "rmse_e_val", printed "trn: rmse_e
            keys.setdefault(head, name)  # = ..." and "val: rmse_e = ...")
            keys.setdefault(f"train_{head}", name)
        elif sep and last in _EVAL_WORDS:
            keys.setdefault(name_key(f"val_{head}"), name)
    for name in names:  # and the other way: a training's name answers to the printed name of
        phase, _, rest = name_key(name).partition("_")  # no phase (Sacred's "train.loss",
        if phase in ("train", "training") and rest:  # TensorBoard's "Loss/train", "loss 0.8")
            keys.setdefault(rest, name)
    return keys


# groups sharing a last part that the printed values are compared with, at most (each a pass
# over its series: a file of thousands of runs' "*/loss" is no group of one run's parts)
_SHARED_MOST = 8


def shared_lasts(names: Iterable[str], keys: Mapping[str, str]) -> dict[str, list[str]]:
    """The grouped tags whose last part several groups share (Coqui's TensorBoard
    ``TrainEpochStats/avg_loss`` and ``EvalStats/avg_loss``), by that part's key, where no
    name of the file answers to it already (``keys``: the names' ``file_keys``): the printed
    name tells no one of them apart, its values may (``merge_sources``)."""
    names = list(dict.fromkeys(names))
    shared: dict[str, list[str]] = {}
    for name in names:
        head, sep, last = name.rpartition("/")
        if sep and name_key(head.partition("/")[0]) not in _PHASE_LAST | _EVAL_WORDS:
            shared.setdefault(name_key(last), []).append(name)
    return {key: group for key, group in shared.items()
            if 1 < len(group) <= _SHARED_MOST and key not in keys}


def phase_candidates(names: Iterable[str], keys: Mapping[str, str]) -> dict[str, list[str]]:
    """An evaluation's names (``test_acc1``, ``eval_loss``) by the key of their name without
    the phase, where no name of the file answers to it already: a printed name of no phase
    whose values are one of them is that one (DeiT's ``* Acc@1 50.000 Acc@5 75.000``, its
    log.txt's ``test_acc1``), its values tell (``merge_sources``)."""
    found: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        phase, sep, rest = name_key(name).partition("_")
        rest = _SPELLINGS.get(rest, rest)  # (YOLOv6's "val/mAP@0.5", printed "mAP@0.5")
        if sep and phase in _EVAL_PHASES and rest not in keys:
            found.setdefault(rest, []).append(name)
    return {key: group for key, group in found.items() if len(group) <= _SHARED_MOST}


_EVAL_PHASES = frozenset({"test", "eval", "dev"})  # (name_key spells val/valid/validation eval)
