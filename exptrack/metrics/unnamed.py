"""A number with no name before it that is still a step or an epoch: XGBoost's "[10]",
CatBoost's "10:", a tqdm bar's count, a timm "Train: 3 [" label (``rules``)."""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import BAR_STEP, BATCH, EPOCH, STEP

_MESSAGE_BRACKET = re.compile(r"(?:\]|(?:^|\s)(?:INFO|DEBUG|Info|Debug):?)\s+\[$")
# InsightFace's verification "[lfw][2000]XNorm: 22.8": a data set's bracket, then the step's
_SET_BRACKETS = r"^\s*\[(?P<set>[A-Za-z][\w\-]{1,30})\]\["
SET_STEP = re.compile(_SET_BRACKETS + r"(?=\d{1,9}\][A-Za-z])")  # (the whole line)
_SET_OPEN = re.compile(_SET_BRACKETS + "$")  # (the text before the step)
LOOP_PHASES = "train|training|test|val|valid|validation|eval"  # a loop's label's words
PHASE_LABEL = re.compile(r"(?i)^\W*(?P<phase>" + LOOP_PHASES + r")\s*:\s*$")
# a loop's phase and its epoch of all in one bracket: "[ Train | 001/010 ]", "[ Valid | 001/010 ]"
# (``phases`` reads the whole bracket from the same opening)
PHASE_PIPE_OPEN = r"(?i)^\s{0,8}\[\s?(?P<phase>" + LOOP_PHASES + r")\s?\|\s?"
PHASE_PIPE = re.compile(PHASE_PIPE_OPEN + "$")
# a line that opens with the epoch/step it reports: "8epoch results:", "12 step done"
ORDINAL_KEY = re.compile(r"(?i)^\s?(?:epoch|step|iteration)\b(?!\s*[:=/]\s*\d|/s\b)")
# (not tqdm's rate of a bar counting epochs, "569.67epoch/s")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})  # "1st epoch", "130th epoch"


def ordinal_kind(left: str, right: str) -> int | None:
    """A number before its key, glued (ESPnet2's "INFO: 7epoch:train:1-375batch:") or as an
    ordinal (DFRscore's "130th epoch,"): the epoch or the step."""
    if left[-1:].isspace() or not left:
        if right.startswith("epoch") and ORDINAL_KEY.match(right):
            return EPOCH
        if right[:2] in _ORDINALS and ORDINAL_KEY.match(right[2:]):
            return EPOCH if right[2:].lstrip()[:1] in "eE" else STEP
    if _PHASE_ALONE.match(left) and ORDINAL_KEY.match(right):  # "Train 0 epoch, loss 0.8"
        return EPOCH if right.lstrip()[:1] in "eE" else STEP
    if left.endswith("[") and right.lower().startswith(("-epoch]", " epoch]", " epochs]")):
        return EPOCH  # CTRL's "[1-epoch] time:157.129 | knn acc: 33.152"; Snorkel's "[100
        # epochs]: TRAIN:[loss=0.009]"
    return None


# "[2,  4000] loss: 1.31", the PyTorch tutorial's epoch and batch, at a line's or a record's
# start; pytracking's "[train: 19, 50 / 1875] FPS: 26.2" names its loop's phase and counts
_PAIR_OPEN = re.compile(r"\]\s+(?:[A-Z]{2,10}\s+)?\[$")  # after a record's prefix
_PHASE_OPEN = re.compile(r"(?i)^\s*\[(?:" + LOOP_PHASES + r")\s?:\s?$")
_PAIR_CLOSE = re.compile(r"\]\s+[A-Za-z]")
_OF_TOTAL = re.compile(r"^\s?/\s?$")
# timm's train.py: "Train: 2 [   3/4 (100%)]  Loss: 0.453 (0.579)": its loop's phase, the
# epoch, then the batch of its total in brackets
_PHASE_EPOCH = re.compile(r"(?i)^\s{0,8}(?:" + LOOP_PHASES + r")\s?:\s$")
_BATCH_OPEN = re.compile(r"^\s\[\s{0,8}$")
# a logging record's level closing its prefix, right before the message
_RECORD_LEVEL = re.compile(r"\b(?:INFO|DEBUG|WARNING)\]?:?\s{1,4}$")
# a phase's word alone before a line's count: BrainPy's "Train 0 epoch, use 7.4 s, loss 0.83"
_PHASE_ALONE = re.compile(r"(?i)^(?:train|training|test|testing|val|valid|validation|eval)\s$")
_DONE_FIELD = re.compile(r"\s(?:updates|iterations|iters)\s*(?:[|,;]|$)")
_COUNTED_BATCHES = re.compile(r"\s?(?:batches|iters|iterations|steps)\s*(?:[|,;]|$)")
# a line's bare count, then its named values: TensorFlow notebooks' "0 loss: 2.35377
# Prediction: ...", "12, train_loss: 2.65, val_loss: 1.68", TimeGAN's "1,000 | d_loss: 0.58"
# (the step, or the epoch it counts); Keras-GAN's "800 [D loss: 0.69, acc.: 50.00%] [G loss:
# 0.72]": a bracket's named field
_COUNT_THEN_NAME = re.compile(r"(?:,|\s\|)?\s[A-Za-z_][A-Za-z_]{0,30}\s?[:=]\s?$"
                              r"|\s\[[A-Za-z][A-Za-z .]{0,30}:\s?$")


# a zero-padded index's closing parenthesis, then a name and its separator
_PADDED_INDEX_NEXT = re.compile(r"\)\s[A-Za-z_]\w{0,40}\s?(?:\s-\s|[:=])")
_TIMER_NEXT = re.compile(r":\s{1,8}\[$")
_NAMED_FIELD = re.compile(r",\s?[A-Za-z][\w\-]{0,30}\s?[=:]")


def unnamed_kind(first: bool, left: str, right: str, counter: bool, after: str,
                 token: str = "", percent_next: bool = False) -> int | None:
    """A number (``token``, as printed) with no name before it can still be a step or an
    epoch (``percent_next``: a counter whose next number is a percentage)."""
    stripped = left.strip()
    whole = token.replace(",", "").isdigit()
    if first and not stripped and not counter and len(token) >= 4 and token[:1] == "0" \
            and token.isdigit() and _PADDED_INDEX_NEXT.match(right):
        return EPOCH  # First Order Motion Model's log.txt "00000105) perceptual - 76.09;"
    if ((first and (stripped == "[" or _SET_OPEN.match(left))) or _MESSAGE_BRACKET.search(left)) \
            and right.startswith("]") and (whole or not token) \
            and not (stripped == "[" and right[1:2].isalpha()):
        return STEP  # XGBoost/LightGBM "[10]\t...", clu "...py:48] [100] loss=..." (not a
        # value's one-item list after another list: DeepXDE's "...]    [9.02e-01]"; not
        # a process's rank opening the line, glued to its message, DGL-KE's "[0]Valid
        # average MRR: 0.07"; insightface's "[lfw][2000]XNorm:" keeps its step)
    if first and not stripped and right.startswith(":") and not counter:
        if _TIMER_NEXT.match(right):
            return EPOCH  # torchtuples' (pycox's) "12:\t[0s / 3s],\t\ttrain_loss: 0.55": the
            # epoch, then its time and the run's so far
        return STEP  # CatBoost "10:\tlearn: ..."
    if first and whole and not stripped and not counter and _COUNT_THEN_NAME.match(right):
        return STEP  # "0 loss: 2.35377 Prediction: ..." (see _COUNT_THEN_NAME)
    if first and whole and stripped == "[" and _NAMED_FIELD.match(right):
        return STEP  # a RAFT fork's "[   200, lr= 0.0000313]  epe=48.96": the step, named fields
    if first and stripped == "[" and right == " | " and not counter:
        return STEP  # gpt-2's train.py "[1 | 5.01] loss=3.20 avg=3.20": the step, its time
    if first and stripped == "#" and re.match(r"\s?[-|:,]\s", after if counter else right):
        return STEP  # NNTrainer's "#320/1500 - Training Loss: 0.29"
    if ORDINAL_KEY.match(right) and ((first and not stripped) or _RECORD_LEVEL.search(left[-24:])):
        return EPOCH if right.lstrip()[:1] in "eE" else STEP  # ESPnet "8epoch results:";
        # TorchSSL's "[2021-12-05 06:50:26,826 INFO] 1048000 iteration, USE_EMA: True, {...}"
    if first and not stripped and counter and (re.match(r"\s?[(,]", after) or (
            percent_next and after.strip() == "=")):
        return STEP  # char-rnn "228/9500 (epoch 1.200), train_loss = 2.47": the iteration;
        # ELECTRA's "1450/2680 = 54.1%, SPS: 0.1, ELAP: 4:32:14 ... - loss: 18.16"
    if counter and (stripped.endswith(("[", "](")) or stripped in ("] (",)) \
            and re.match(r"\s*[\])(]", after):
        return STEP  # "[640/60000 (1%)]", "Epoch [1][50/7330]", MiniMind's "Epoch:[1/2](300/9000)",
        # DGL-KE's "[proc 0][Train](100/400) average loss: 0.87"
    if counter and stripped.endswith(("|", "%")) and after.startswith(" ["):
        return BAR_STEP  # tqdm "45%|####5     | 45/100 [00:01<00:02, loss=0.3]"
    if counter and stripped.endswith("| (") and after.startswith(")"):
        return BAR_STEP  # the progress package's Bar: "Processing |####     | (3/8) Data:"
    if first and PHASE_LABEL.match(left) and re.match(r"\s*\[", after):
        return EPOCH  # timm "Train: 3 [ 50/1251 ...]"
    if first and counter and PHASE_PIPE.match(left) and after.lstrip()[:1] == "]":
        return EPOCH  # the ML 2022 course's "[ Train | 001/010 ] loss = 1.97, acc = 0.33"
    if counter and stripped[-1:] in ("|", ",", "") and _COUNTED_BATCHES.match(after):
        return BATCH  # PyTorch's word_language_model "| epoch 4 | 200/ 2983 batches | lr"
    if not counter and stripped[-1:] in ("|", ",", "") and _DONE_FIELD.match(right):
        return STEP  # fairseq's "| epoch 019 | 0161656 updates | words/s 14482"
    return None


# torchtune's bar description "1|25|Loss: 1.26": the epoch, the global step, then the name
_PIPE_NAME = re.compile(r"\|[A-Za-z][A-Za-z_ ]{0,30}:")


def pipe_pair(pieces: list[str], index: int) -> bool:
    """Does the number at ``index`` open torchtune's ``{epoch}|{step}|Loss: {loss}`` (its
    recipes' bar description, at a line's start or after a ``[trainer0|0]:`` prefix; the
    bar's own count is the step within the epoch, and it redraws a step)?"""
    return index + 3 < len(pieces) and pieces[index + 1] == "|" \
        and pieces[index].isdigit() and pieces[index + 2].isdigit() \
        and _PIPE_NAME.match(pieces[index + 3]) is not None \
        and (pieces[index - 1] == "" or pieces[index - 1][-1:] in ":] \r")


def epoch_batch_pair(pieces: list[str], index: int) -> tuple[int, ...]:
    """The pieces a ``[epoch, batch] name: value`` line's opening pair (the PyTorch CIFAR-10
    tutorial's ``[2,  4000] loss: 1.312``, pytracking's ``[train: 19, 50 / 1875]``,
    pointnet.pytorch's ``[16: 0/18] train loss:``, with its total; timm's ``Train: 2 [
    3/4 (100%)]``) holds
    after the epoch at ``index``: the batch's, and its total's; empty if it is no such pair."""
    if index == 1 and index + 5 < len(pieces) and pieces[index].isdigit() \
            and _BATCH_OPEN.match(pieces[index + 1]) and pieces[index + 2].isdigit() \
            and _OF_TOTAL.match(pieces[index + 3]) and pieces[index + 4].isdigit() \
            and _PHASE_EPOCH.match(pieces[0]):
        return index + 2, index + 4  # timm's "Train: 2 [   3/4 (100%)]"
    if not (index + 3 < len(pieces) and pieces[index + 1].strip() in (",", ":")
            and pieces[index].isdigit() and pieces[index + 2].isdigit()):
        return ()
    opened = (index == 1 and pieces[0].strip() == "[") \
        or _PAIR_OPEN.search(pieces[index - 1][-40:]) is not None
    colon = pieces[index + 1].strip() == ":"  # pointnet.pytorch's "[16: 0/18] train loss:"
    if colon and not (index == 1 and pieces[0].strip() == "["):
        return ()  # opens its line, and names the batch's total
    if opened and not colon and _PAIR_CLOSE.match(pieces[index + 3]) is not None:
        return (index + 2,)
    if (opened or (index == 1 and _PHASE_OPEN.match(pieces[0]) is not None)) \
            and _OF_TOTAL.match(pieces[index + 3]) and index + 5 < len(pieces) \
            and pieces[index + 4].isdigit() and _PAIR_CLOSE.match(pieces[index + 5]):
        return index + 2, index + 4
    return ()


# a search's trial opening the line it reports ("  ⭐ Trial 14: MOTA=61.1%, Re=79%"): no step
# or epoch of its own, the trial's number indexes the search's series
_TRIAL_OPENS = re.compile(r"^\W{0,8}(?:\[[^\]]{0,40}\]\s?){0,3}Trial $")


def opening_trial(pieces: list[str]) -> bool:
    """Does the line open with its trial's number ("Trial 14: MOTA=61.1%")?"""
    return len(pieces) > 4 and pieces[2][:1] in ":," and _TRIAL_OPENS.match(pieces[0]) is not None


_EVAL_MODE = re.compile(r"Epoch\((?:val|test)\)\s?\[$")  # MMEngine's and mmcv's mode


def unnamed_actions(pieces: list[str], index: int, first: bool, counter: bool, after: str,
                    actions: list[Action]) -> tuple[Action, ...]:
    """The actions for the number at ``index`` when no name is found before it (``rules``,
    ``actions`` the line's so far): the step or the batch after the line's epoch, an epoch
    and a step of a pipe pair, or what ``unnamed_kind`` makes of it; none for an evaluation
    loop's batches."""
    left, right = pieces[index - 1], pieces[index + 1]
    if counter and actions and actions[-1][:2] == (EPOCH, index - 2) \
            and left == "][" and _EVAL_MODE.search(pieces[index - 3]):
        return ()  # "Epoch(val) [1][625/625]": the val loop's batches, not the step
    if not counter and actions and actions[-1][:2] == (EPOCH, index - 2) \
            and left == "][" and right[:1] == "]":
        if not _EVAL_MODE.search(pieces[index - 3]):  # not mmdet's "Epoch(val) [1][625]"
            return (Action(STEP, index),)  # SwAV's "Epoch: [386][50]": the iteration
        return ()
    if counter and actions and actions[-1][:2] == (EPOCH, index - 2) \
            and left.strip() in ("", ","):
        return (Action(BATCH, index),)  # "Epoch  1, 12900/37527;": the batch
    if pipe_pair(pieces, index):  # torchtune's "1|25|Loss: 1.26"
        return Action(EPOCH, index), Action(STEP, index + 2)
    percent_next = counter and index + 5 < len(pieces) and pieces[index + 5][:1] == "%"
    unnamed = unnamed_kind(first, left, right, counter, after, pieces[index],
                           percent_next)
    return () if unnamed is None else (Action(unnamed, index),)
