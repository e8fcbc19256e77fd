"""A progress bar's renders as the parser meets them on a line: whether a render is a bar's
at all (``is_bar_render``), one of running means (``is_mean_bar``: Keras', YOLOv5's), the text
printed after a tqdm bar (``bar_tail``, ``bar_tail_in``), a tqdm bar of no known total
(``unsized_bar``), a Keras bar's line (``KERAS_BAR``, ``KERAS_KEYS``). Regexes anchored or
bounded, substring searches first: linear."""

from __future__ import annotations

import re

from exptrack.metrics.forms import LOG_STAMP

_BAR_COUNTER = re.compile(r"\s*\d{1,12}/\d{1,12}\s")
# YOLOv3/YOLOv5's epoch bar: "  289/299   0G   0.79  0.0774 ...  416:   3%|▎  | 1/33": the
# epoch, the GPU memory, then the epoch's mean losses so far; YOLOv6's, the learning rate
# (or nothing) before them: "       0/2      0.005     1.747         0     1.374: 100%|"
_YOLO_BAR = re.compile(r"\s*\d{1,12}/\d{1,12}(?:\s+\d{1,9}(?:\.\d{1,9})?[GM]\s"
                       r"|(?:\s+\d{1,9}(?:\.\d{1,9})?(?:e[-+]?\d{1,3})?){3,12}:\s{0,3}\d{1,3}%\|)")


def is_mean_bar(render: str) -> bool:
    """A progress bar whose values are the epoch's running means (Keras' ``fit``:
    ``3/8 ━━━━ 0s 4ms/step - accuracy: 0.56 - loss: 0.87``): each render replaces the
    previous mean, so only the last render of the line is the epoch's value (what
    ``History`` keeps). A tqdm postfix (``loss=0.3``) is a per-step value instead, and every
    render of it counts. YOLOv3/YOLOv5's epoch bar shows means too. Linear: anchored
    matches and substring searches."""
    return _BAR_COUNTER.match(render) is not None and (
        "/step - " in render or "/sample - " in render
        or (_YOLO_BAR.match(render) is not None and "%|" in render))


# What every progress bar draws: a count "3/8", a percentage "45%", a rate "it/s"/"s/it",
# or bar glyphs. Linear: the lookbehind starts a count only at the start of a digit run.
_BAR_MARK = re.compile(r"(?<!\d)\d+/\d|\d%|it/s|s/it|\d+it\b|[━█▉▊▋▌▍▎▏#=]{3}")
# a logging record's date and time (``forms.LOG_STAMP``): no bar draws one first
_LOG_STAMP = re.compile(LOG_STAMP)


def is_bar_render(render: str) -> bool:
    """Whether a render drawn over a progress bar's line is the bar itself, not a line
    printed over it (Hugging Face prints its ``{'eval_loss': ...}`` records after a ``\\r``
    on the bar's line: a record's values count even when they repeat the bar's; a logging
    record's ``Epoch [002/30] ... 54.79%`` has a bar's count and percentage)."""
    return _BAR_MARK.search(render) is not None and _LOG_STAMP.match(render) is None


# the end of a tqdm bar's bracket ("[00:23<00:58, 11.69s/it, loss=1.8, v_num=5]"): what a
# program prints right after the bar, with no newline of its own, follows it. Linear: the
# bracket's inside is one bounded run of a class without "[" or "]". Any unit: "?batch/s]".
_BAR_END = re.compile(r"(?:/s|s/[A-Za-z]{1,12})(?:,[^\[\]]{0,1000})?\]")


def bar_tail(render: str) -> int:
    """Where the text printed after a tqdm bar on its line begins (``...v_num=5]train_loss
    tensor(1.67)``): the offset after the bar's closing bracket when text follows it, else
    -1."""
    if "/s" not in render and "s/" not in render:  # no tqdm rate: a quick no
        return -1
    end = _BAR_END.search(render)
    if end is None and "task/s" in render:
        end = _MMCV_END.search(render)
    if end is None or not render[end.end():].strip():
        return -1
    return end.end()


# MMCV 1.x's evaluation ProgressBar, its last frame left without a newline: the log record
# after it is glued to its "ETA:" ("...] 30/30, 186.0 task/s, elapsed: 0s, ETA:     0s2026-12-07
# 18:04:55,254 - mmcls - INFO - Epoch(val) [3][4]\taccuracy_top-1: 70.0000, ...")
_MMCV_END = re.compile(r" task/s, elapsed: \d{1,9}s, ETA: {0,8}\d{1,9}s(?=\S)")


# a tqdm bar of no known total, its count glued to "it" ("Epoch 0: : 392it [00:01, 225.99it/s,
# loss=14.3]": Lightning 1.x over an iterable dataset), which ``TOKEN`` reads as no number
_UNSIZED_BAR = re.compile(r"(?<![\w.])(\d{1,12})it \[\d")


def unsized_bar(raw: str | bytes) -> int:
    """The count of a render of a tqdm bar of no known total; -1 when it is none."""
    if isinstance(raw, bytes):
        if b"it [" not in raw:
            return -1
        raw = raw.decode("utf-8", "surrogateescape")
    found = _UNSIZED_BAR.search(raw) if "it [" in raw else None
    return -1 if found is None else int(found.group(1))


def bar_tail_in(raw: str | bytes) -> int:
    """``bar_tail`` of a line as an offset in ``raw`` (its bytes, when bytes)."""
    if isinstance(raw, str):
        return bar_tail(raw)
    if b"/s" not in raw and b"s/" not in raw:  # no tqdm rate: no decoding either
        return -1
    text = raw.decode("utf-8", "surrogateescape")
    tail = bar_tail(text)
    return tail if tail < 0 else len(text[:tail].encode("utf-8", "surrogateescape"))


# a Keras bar's line ("235/285 [====>...] - ETA: 0s - loss: 0.11", Keras 3's "━━━"; Paddle's
# hapi, a Keras clone: "step 10/16 [====>...] - loss: 0.75 - acc: 0.37 - ETA: 0s"): its keys
# are the compiled model's metrics, all of them (``lineplan``, ``settle``)
KERAS_BAR = re.compile(r"^\s*(?:step )?(\d+)/(\d+) (?:\[[=>.]*\]|[━─]+)\s")
# ... as ``settle`` sees it, its rule blanked (``unrule``: "[          ]")
KERAS_KEYS = re.compile(r"^\s*(?:step )?\d+/\d+ (?:\[[=>. ]*\]|[━─]+)\s")
