"""How a phase joins a metric's name: ``train_loss`` from ``loss`` under ``Train:``, a
logger's key path left as printed (``train/acc``), a name that says its phase already
(``RF_Test_accuracy``) left alone, MMEngine's ``Epoch(val)`` loop prefixing its own timings
and losses only. Pure; ``phases`` finds the phase, this names what it labels."""

from __future__ import annotations

import re

from exptrack.metrics.phasewords import PHASES, WORD_PHASES

ANY_WORD = "|".join(WORD_PHASES)  # (the phase words, as ``phases`` alternates them)
# what a runner's loop prints on every progress line, train or val: under "Epoch(val)"
# the val loop's are prefixed, apart from the train loop's ("val_time")
_RUNNER_TIMING = frozenset({"time", "data_time", "memory", "eta"})


# a phase word inside a name ("RF_Test_accuracy" under "Random Forest Training...."): the
# name says its phase already
_PHASE_INSIDE = re.compile(r"(?i)[_\s.](?<!std_)(?:" + ANY_WORD
                           + r")(?:$|[_\s./])")  # not "reward_std_dev"


# a rate of things done, not a logger's key path: DiT's "Train Steps/Sec: 2.80"
# (train_Steps/Sec; a time per step, "ms/iter", stays as printed)
_RATE = re.compile(r"(?i)^(?!(?:ms|s|sec|secs|min|time)/)[a-z]{1,20}/(?:s|sec|second|min)$")


def with_phase(name: str, phase: str | None) -> str:
    if phase is not None and phase.startswith("|"):  # a record's tag or a model's name:
        return f"{phase[1:-1]}_{name}"  # every key (fairseq's "train_train_wall", as its JSON
        # log names it; PyCIL's student "snet_train_accy")
    if phase is not None and name.lower() in PHASES and phase.lower() not in PHASES \
            and phase.replace("_", "").isalpha():  # a section's phases ("Speed: train: 18.4,
        return f"{phase.lower()}_{name}"  # act: 175.3": speed_train)
    if phase is None or name.split("/", 1)[0].lower() in PHASES or _PHASE_INSIDE.search(name):
        return name
    tagged = phase.startswith("[")  # a loader's tag prefixes key paths too ("[train: 19, 50 /
    if tagged:  # 1875] Loss/total: 0.82": train_Loss/total)
        phase = phase[1:-1]
    low = name.lower()
    if phase.startswith("("):  # "Epoch(val) [1][625/625]  coco/bbox_mAP: 0.29  time: 0.2"
        if low not in _RUNNER_TIMING and not (low == "loss" or low.startswith("loss_")):
            return name  # the evaluator's metrics, as the runner's own logs name them
        phase = phase[1:-1]  # the val loop's timing and losses (mmcv's "Epoch(val) [96][192]
        # top1_acc: 0.02, loss_cls: 4.20, loss: 4.20"): apart from the train loop's
    if name.startswith("_"):  # Catalyst's "Epoch 1 (train): _base/lr=0.005": train_base/lr
        return f"{phase}{name}"
    if "/" in name and not _RATE.match(name) and (
            (phase in ("train", "training") and not tagged)
            or any(part.lower() in PHASES for part in name.split("/"))):
        return name  # a logger's key path (Composer "Train metrics/train/acc"): as printed
    if low.startswith(("val", "test", "eval", "dev", "train",  # (a letter's: "T_", not "t")
                       phase.lower() + ("_" if len(phase) == 1 else ""))) \
            and not low.startswith("value"):  # "Value loss" under "TRAINER -" is prefixed
        return name
    if name[:1].isupper() and name[1:] == name[1:].lower():
        name = low
    return f"{phase}_{name}"


# a statistic's word before a phase's: "Avg. Training Loss: 0.79, mIoU: 0.36" (DeepLabv2's)
_STAT_PHASE = re.compile(r"(?i)^(?:avg|average|mean)_(train|training|val|valid|validation|test"
                         r"|testing|eval|dev)_[a-z]")


def stat_phase(name: str) -> str | None:
    """The phase inside a statistic's name (``Avg_Training_Loss``), which the names after it
    in its section share (``training_mIoU``); None when it has none."""
    match = _STAT_PHASE.match(name)
    return match.group(1).lower() if match else None
