"""Numbers the rules pass over (``rules.plan_numbers``): no value at all (``no_value``: an
argument inside a call, a mean loss printed again, a progress bar's percentage), or a value
whose name is denied (``denied_value``) and none of the exceptions: a duration, a count's
mean, a compiled metric, a confusion matrix's count."""

from __future__ import annotations

import re

from exptrack.metrics import names
from exptrack.metrics.around import TIME_UNITS

# a confusion matrix's false positives and negatives on one line: its "tp" counts too
_FALSE = (re.compile(r"\bfp['\"]?\s?[:=]"), re.compile(r"\bfn['\"]?\s?[:=]"))


# what follows a tensor's name, "output_bias:0"
_SHAPED = (", shape", "\", shape", "', shape", " shape=")


def no_value(pieces: list[str], index: int, line: str, offsets: list[int],
             calls: list[tuple[int, int]]) -> bool:
    """Is the number at ``index`` of a line (split by ``TOKEN``; ``offsets``: where each
    piece starts, ``calls``: the spans of the calls printed in it) no value at all?"""
    left, right = pieces[index - 1], pieces[index + 1]
    if calls and any(a < offsets[index] < b for a, b in calls) and right[:3] != "): ":
        return True  # inside "SGD(lr=0.01, momentum=0.9)": an object's configuration
    if left.endswith(" training_loss=") and "TrainOutput(" in line \
            and "'train_loss'" in line:  # (Hugging Face's "TrainOutput(global_step=9,
        # training_loss=2.2, metrics={'train_loss': 2.2, ...})")
        return True  # the run's mean loss, printed again as its metrics' 'train_loss'
    if left[-1:] == ":" and left[-2:-1].isalnum() and pieces[index].isdigit() \
            and right.startswith(_SHAPED):
        return True  # a TensorFlow tensor's output index: BERT's "name = output_bias:0, shape
        # = (2,)", "Tensor("dense/BiasAdd:0", shape=(?, 10))"
    if right == "% (" and index + 5 < len(pieces) and pieces[index + 3] == " of " \
            and pieces[index + 5].startswith(") |"):
        return True  # progressbar2's "Running network:  25% (1 of 4) |##    | Elapsed Time:"
    if " instances of class " in left:
        return True  # keras-retinanet's "4 instances of class circle with average precision:
        # 0.0000": one class's row, before its "mAP: 0.0000"
    return right.startswith("%|") or (right == "% " and index + 5 < len(pieces)
                                      and pieces[index + 3] == "/"
                                      and pieces[index + 5].startswith(" ["))  # a progress
    # bar's percentage ("45%|###", a bar drawn without glyphs "100% 350/350 [04:06<00:00]")


def denied_value(name: str, phase: str | None, low: str, unit: re.Match[str] | None,
                 times: float, number: str, line: str) -> bool:
    """Is the value named ``name`` (under ``phase``; ``low`` its key lowercased, ``unit`` the
    unit after it, ``times`` its scale, ``number`` as printed) of a name denied
    (``names.denied``), and none of the exceptions?"""
    return names.denied(name, phase) and not (unit is not None and (
            low == "total" or low.startswith("time/")) and unit.group().strip() in TIME_UNITS) \
        and not ((low == "total" or low.startswith("time/")) and "." in number) \
        and not (times == 1 and names.mean_count(name, number)) \
        and f" val_{name}: " not in line \
        and not (low == "tp" and all(f.search(line) for f in _FALSE))  # (Keras'
    # "tp: 3.0000 ... val_tp: 1.0000": a compiled metric, as its validation twin
    # says; a confusion matrix's count beside "fp" and "fn", not tensor parallelism's
    # degree); "Total=0.2206": a loss; "consumed_tokens: 1.54K" counts, a decimal of
    # thousands; "time/batch: 365" counts batches, "time/batch = 0.17s" and "Time/step:
    # 1.18" are durations; so is CatBoost's "total: 45.4s" (a "total" is a count)
