"""Parentheses and brackets around a value: a remark, a query, or a group.

``loss 6.95 (6.96)`` and ``(took 2500 ms)`` are remarks, not recorded; COCO's
``@[ IoU=0.50:0.95 | area= all ]`` is a query; ``Train: (loss = 0.03, acc = 98.9)`` is a
group of metrics after a label.
"""

from __future__ import annotations

import re

from exptrack.metrics import forms, groups, names

# a bracketed remark of settings right after a value: "dev chrf: 0.46 [beam size = 5]"
AFTER_VALUE = re.compile(r"(?<=\d) \[[A-Za-z][^\[\]=]{0,200} = [^\[\]]{0,200}\]")
# a group opened right after a label or at the start: "Train: (loss = ...)", "(a=1, b=2)"
_GROUP_OPENER = re.compile(r"(?:^\W*|[:=]\s*|\]\s+)$")  # "[Rank 0] (epoch: 3, ...": after a tag


# a file's name, its numbers no report: Lightning's checkpoint
# "checkpoints/epoch=7-step=8-val_loss=0.1032-v1.ckpt" (a token that ends in a weights
# file's extension; one start per token, a bounded scan: linear)
_FILE_NAME = re.compile(
    r"(?<![^\s'\"(\[,])[^\s'\"()\[\],]{1,300}?\.(?:ckpt|pth?|h5|hdf5|keras|pkl|safetensors"
    r"|onnx|tflite|weights)(?!\w)")


# a dict or call printed under a configuration's label, to the line's end: "Trial - Score:
# -0.07, Params: {'n_estimators': 1379, ...}", "Best params: {...}", "kwargs = dict(lr=0.1)"
_SETTINGS = re.compile(
    r"(?i)\b(?:hyper-?parameters?|h?params|parameters|config(?:uration)?|args|kwargs|options|"
    r"settings)\s?[:=]\s?(?:\{|[A-Za-z]\w{0,20}\()"
    r"|\bexperiment_tag: ")  # Ray Tune's "experiment_tag: 2_batch_size=5120,lr=6.7787e-05"


# a tqdm meter's bracket, "[00:01<00:02, 250.3it/s, loss=0.9]", opened by its times
_METER = re.compile(r"\[\d{1,4}:\d{2}(?::\d{2})?<")


def cut_at_width(line: str, offsets: list[int]) -> bool:
    """Whether the line's last number is a tqdm postfix's value cut at the terminal's width:
    the meter's bracket never closes and the number ends the line (tqdm trims its line to
    the terminal: "... 251.27it/s, accuracy05=0.906, loss=0" shows a loss of 0.990)."""
    opened = line.rfind("[")
    return (opened >= 0 and len(offsets) > 3 and offsets[-2] == len(line)
            and offsets[-3] > opened and "]" not in line[opened:]
            and _METER.match(line, opened) is not None
            and ("it/s" in line[opened:] or "s/it" in line[opened:]))


def not_reported(line: str, offsets: list[int]) -> set[int]:
    """The numbers (piece indices) inside a file's name on ``line``, or in the settings
    printed after a configuration's label, and a bar's value cut at the terminal's width."""
    inside: set[int] = {len(offsets) - 3} if "<" in line and cut_at_width(line, offsets) \
        else set()
    for found in _FILE_NAME.finditer(line):
        inside.update(i for i in range(1, len(offsets) - 1, 2)
                      if found.start() <= offsets[i] < found.end())
    settings = _SETTINGS.search(line) if "{" in line or "(" in line or "_tag: " in line \
        else None
    if settings is not None:
        inside.update(i for i in range(1, len(offsets) - 1, 2) if settings.start() <= offsets[i])
    return inside


def inside_at_bracket(left: str, start: int) -> bool:
    """A name inside COCO's "@[ IoU=0.50:0.95 | area= all | maxDets=100 ]": a query."""
    at = left.rfind("@[")
    return at >= 0 and left.find("]", at) < 0


# the learning rate in parentheses: "Epoch 1/160 (LR 0.09999) => ..." (PyCIL's PODNet)
# (not a remark: "(took 2500 ms)", "(6.96)", a best's "(val_acc=0.7784)")
_LEARNING_RATE = re.compile(r"\((?i:\s?(?:lr|learning_rate)(?::|=)?\s?)[+-]?\.?\d[\d.]{0,20}"
                            r"(?:[eE][+-]?\d{1,3})?\)")


# a time's breakdown into named parts: rsl_rl's "Computation: 159372 steps/s (collection:
# 0.544s, learning 1.101s)": each part a word, a number and a unit of time, two at least,
# the first named with a colon (a remark's "(Eval 552.68s, Train 141.17s)" is not)
_TIMES = re.compile(r"\([A-Za-z][a-z_ ]{0,30}: ?\d{1,9}(?:\.\d{1,9})? ?m?s"
                    r"(?:, [A-Za-z][a-z_ ]{0,30}:? ?\d{1,9}(?:\.\d{1,9})? ?m?s){1,8}\)")


def of(line: str, offsets: list[int]) -> set[int]:
    """The numbers (piece indices) inside parentheses that are a remark ("(took 2500 ms)",
    "(6.96)"), not a group after a label ("Train: (loss = 0.03, acc = 98.9)"): one pass
    over the line with a stack of the open parentheses; and inside a bracketed remark
    after a value ("0.46 [beam size = 5]")."""
    inside: set[int] = set()
    if " [" in line:
        for remark in AFTER_VALUE.finditer(line):
            inside.update(i for i in range(1, len(offsets) - 1, 2)
                          if remark.start() <= offsets[i] < remark.end())
    if "(" not in line:
        return inside
    opened: list[bool] = []  # per open parenthesis: is it a remark's
    index = 1
    for position, char in enumerate(line):
        while index < len(offsets) - 1 and offsets[index] <= position:
            if opened and opened[-1]:
                inside.add(index)
            index += 2
        if char == "(":
            opened.append(_GROUP_OPENER.search(line[max(0, position - 60):position]) is None
                          and _LEARNING_RATE.match(line, position) is None
                          and _TIMES.match(line, position) is None
                          and not _parts_of(line, position)
                          and not _named_metric(line, position)
                          and not _loss_parts(line, position)
                          and not (line.endswith("Output", 0, position)  # TrainOutput(...,
                                   and "metrics={" in line[position:position + 400]))  # metrics=
        elif char == ")" and opened:
            opened.pop()
    return inside


# a parenthesis that opens with a metric's name, a colon and its value: "Epoch 3 done (loss:
# 0.52, acc: 0.81)", "Train Loss: 6.49 (PPL: 655.79)"; not a best's ("Loading best model
# from checkpoint-128 (score: 0.87).", "restored from epoch 87 (val_acc=0.7784)")
_KEY_VALUE = re.compile(r"\(\s?([A-Za-z][\w@./\-]{0,40}): ?[+-]?\.?\d")


# ... or, right after a step's or an epoch's count, with a space: a bar's description
# "epoch 6 (loss -1.366E+03): 100%|" (a functional autoencoder's trainer)
_COUNTED = re.compile(r"(?i)(?:^|[^\w])(?:epoch|step|iter|iteration|batch)\s?\d{1,9}\s$")
_KEY_SPACE_VALUE = re.compile(r"\(\s?([A-Za-z][\w@./\-]{0,40}) [+-]?\.?\d")


def _named_metric(line: str, position: int) -> bool:
    key = _KEY_VALUE.match(line, position)
    if key is None and _COUNTED.search(line, max(0, position - 40), position):
        key = _KEY_SPACE_VALUE.match(line, position)
    if key is None or "/" in key.group(1) or not names.metric_like(key.group(1)):
        return False  # (a ratio's "(reduction/loss: 0.99)")
    before = line[:position].lower()
    return "best" not in before and "worst" not in before  # a best checkpoint's: a repeat


# a loss's parts after its value: "Loss: 0.012424 (Chamfer=0.002179, Repulse=0.102372,
# Smooth=0.000156)", "loss=0.52 (bce=0.41, nce=0.09, l1=0.02)": two named values or more
_LOSS_BEFORE = re.compile(r"(?i)loss\w{0,20}\s?[:=]\s?[+-]?\d[\d.eE+\-]{0,20}\s$")
_PARTS = re.compile(r"\((?:[A-Za-z][\w\-]{0,30}=[+-]?\.?\d[\d.eE+\-]{0,20}, ?){1,10}"
                    r"[A-Za-z][\w\-]{0,30}=[+-]?\.?\d[\d.eE+\-]{0,20}\)")


def _loss_parts(line: str, position: int) -> bool:
    return _PARTS.match(line, position) is not None \
        and _LOSS_BEFORE.search(line, max(0, position - 60), position) is not None


_NAME_OPENS = re.compile(r"(?<![\w.\-/])([A-Za-z][A-Za-z0-9_]{0,40})$")
_KEY_FIRST = re.compile(r"\([A-Za-z]\w{0,30}:\s")


def _parts_of(line: str, position: int) -> bool:
    """Does the "(" at ``position`` open a quantity's parts (OpenSpiel's "Losses(total:
    3.257, policy: 2.470)", ``groups.results_call``), not a remark?"""
    if _KEY_FIRST.match(line, position) is None:
        return False
    name = _NAME_OPENS.search(line, max(0, position - 41), position)
    return name is not None and groups.has_parts(name.group(1))


# which way is better, said between a name and its value: DeepSpeed-Chat's
# "chosen_last_scores (higher is better) : 0.04" (a remark, blanked to keep positions)
_DIRECTION = re.compile(r"\s?\((?:higher|lower|larger|smaller|bigger) is better\)")


def blank_direction(pieces: list[str]) -> list[str]:
    """``pieces`` with every "(higher is better)" remark replaced by as many spaces."""
    return [_DIRECTION.sub(lambda found: " " * len(found.group()), piece) if i % 2 == 0
            else piece for i, piece in enumerate(pieces)]


# a remark of three words or more between a name and its separator: "MSE Score Men (Outcome
# Prediction Error): 0.46", "Mean entropy (minimum expected loss): 0.772", "Average CV
# RMSLE (excluding fold 4): 0.06" (a short qualifier stays in the name: "F1 (macro avg)")
_LONG_REMARK = re.compile(  # (two spaces inside, each after a run of other characters)
    r"(?<=[\w%)]) \((?=[^()\s]{0,80}\s[^()\s]{0,80}\s)[^()]{5,120}\)(?=\s?[:=]\s*$)")
_PREPOSITIONS = frozenset({"on", "of", "for", "in", "at", "with", "by", "over", "per"})
_HEAD = re.compile(r"(?:[A-Za-z][\w\-/@.]* ){0,3}[A-Za-z][\w\-/@.]*$")  # (words: no spaces)


def blank_long_remark(pieces: list[str]) -> list[str]:
    """``pieces`` with a long remark before a metric's separator replaced by as many spaces
    (the name then the value, positions kept); a remark after no metric's name stays."""
    out = list(pieces)
    for i in range(0, len(pieces) - 1, 2):
        found = _LONG_REMARK.search(pieces[i][-220:])
        if found is None:
            continue
        start = len(pieces[i]) - len(pieces[i][-220:]) + found.start()
        head = _HEAD.search(pieces[i][max(0, start - 80):start])
        if head is None or head.group().rpartition(" ")[2].lower() in _PREPOSITIONS \
                or not names.metric_like(head.group().replace(" ", "_")):
            continue  # ("mean MAE on (region, city): 191.85": what it is over, no remark)
        out[i] = pieces[i][:start] + " " * (found.end() - found.start()) \
            + pieces[i][start + found.end() - found.start():]
    return out


def tidied(pieces: list[str], texts: str) -> list[str]:
    """A line's pieces (``texts``: its texts joined) with what only frames its keys blanked,
    the offsets kept: a banner's rules ("-----Iteration: 1000-----"), Markdown's bold round a
    key, Python 2's printed tuple ("('Test loss:', 0.03)"), a step's report in parentheses,
    a direction's remark ("(higher is better)") and a long remark before a separator."""
    if "----" in texts or "====" in texts:
        pieces = forms.unrule(pieces)
    if "**" in texts:
        pieces = forms.unbold(pieces)
    if "('" in texts:
        pieces = forms.untuple(pieces)
    if "... (" in texts:
        pieces = forms.unellipsis(pieces)
    if " is better)" in texts:
        pieces = blank_direction(pieces)
    if ") = " in texts:
        pieces = unshown(pieces)
    if ")" in texts:  # "MSE Score (Outcome Prediction Error): 0.46"
        pieces = blank_long_remark(pieces)
    if "$" in texts:
        pieces = uncurrency(pieces)
    return pieces


# a measure's value in dollars: "RMSE: $6.36", "Naive RMSE:  $4.31" (a price, "Buy: $193.53",
# is no measure: its name says none)
_CURRENCY = re.compile(r"(?:^|(?<=[\s|,;]))(?P<key>[A-Za-z][\w\-]{0,30}(?: [A-Za-z][\w\-]{0,30})"
                       r"{0,2})\s?[:=]\s{0,8}\$$")


def uncurrency(pieces: list[str]) -> list[str]:
    """``pieces`` with a dollar sign before a measure's value blanked, the offsets kept."""
    out = pieces
    for j in range(0, len(pieces) - 1, 2):
        found = _CURRENCY.search(pieces[j], max(0, len(pieces[j]) - 100))
        if found is not None and names.metric_like(found.group("key")):
            out = out if out is not pieces else list(pieces)
            out[j] = out[j][:-1] + " "
    return out


# Julia's "@show loss(x, y)" prints "loss(x, y) = 0.0096" (Flux's Tracker wraps the value:
# "= param(0.0096)"): the function is the measure's name, its arguments only frame it
_SHOWN = re.compile(r"(?:^|(?<=[\s;]))[A-Za-z_]\w{0,30}(?P<args>\((?!(?i:train|training|val|valid"
                    r"|validation|test|testing|eval|dev|avg|mean|max|min)\))"  # (a qualifier:
                    r"[\w ,.:'\[\]]{0,40}\))"  # "accuracy(test) = 97.7 %")
                    r" = (?P<wrap>param\()?$")


def unshown(pieces: list[str]) -> list[str]:
    """``pieces`` with a shown call's arguments (and Flux's ``param(`` round its value)
    blanked, the offsets kept."""
    out = pieces
    for j in range(0, len(pieces) - 1, 2):
        found = _SHOWN.search(pieces[j])
        if found is None:
            continue
        out = out if out is not pieces else list(pieces)
        text = out[j]
        a, b = found.span("args")
        text = text[:a] + " " * (b - a) + text[b:]
        if found["wrap"]:
            text = text[:found.start("wrap")] + " " * len(found["wrap"])
            if out[j + 2].startswith(")"):
                out[j + 2] = " " + out[j + 2][1:]
        out[j] = text
    return out
