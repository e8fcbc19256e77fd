"""MLPerf's result logs (the ``mlperf-logging`` package), one event a line::

    :::MLLOG {"namespace": "", "time_ms": 1745047891507, "event_type": "POINT_IN_TIME",
      "key": "eval_accuracy", "value": 0.7898, "metadata": {"file": "callbacks.py",
      "lineno": 97, "epoch_num": 0.05}}
    :::MLLOG {..., "key": "tracked_stats", "value": {"train_loss": 1.68}, "metadata": {...,
      "lr": 0.000185, "step": 10}}
    :::MLPv0.5.0 ssd 1541712262.57 (train.py:333) eval_accuracy: {"epoch": 43, "value": 0.15}

An event's number is a metric when its key names a measured quantity (``eval_accuracy``,
``throughput``), not a setting (``opt_base_learning_rate``, ``global_batch_size``,
``target_accuracy``) nor a marker (``epoch_start``); ``tracked_stats`` holds several, each
under its own name, and its metadata's ``lr`` is the rate they were measured at. The
metadata's ``step`` (or, without one, ``samples_count``) is the step, ``epoch_num`` the
epoch; v0.5's ``{"epoch": N, "value": X}`` carries its epoch and ``train_epoch: N`` marks
one. Times, line numbers and the rest of the metadata are bookkeeping.
"""

from __future__ import annotations

import re

from exptrack.metrics import names
from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import EPOCH, METRIC, STEP

MARKERS = (":::MLLOG {", ":::MLPv0.5.0 ")
_QUOTED_KEY = re.compile(r'"([A-Za-z_][\w@/\-]{0,80})":\s?$')
_V05_KEY = re.compile(r"\) ([A-Za-z_]\w{0,80}): (?:\{\"[a-z_]+\": )?$")
_EVENT_KEY = re.compile(r'"key": "([A-Za-z_][\w@/\-]{0,80})"')
_SETTING_PREFIXES = ("opt_", "target_", "submission_", "model_hp_", "eval_hp_", "train_hp_",
                     "input_", "preproc_", "run_", "init_")
_BOOKKEEPING = frozenset({"time_ms", "lineno", "first_epoch_num", "epoch_count"})
_BRACES = re.compile(r"(\"value\": \{|\"metadata\": \{|[{}])")  # where a dict opens or closes


def measured(key: str) -> bool:
    """Does an event's key name a measured quantity (not a setting, a size or a marker)?"""
    return not key.startswith(_SETTING_PREFIXES) and not key.endswith(("_start", "_stop")) \
        and not names.denied(key) and names.metric_like(key)


def plan(pieces: list[str], text: str) -> tuple[Action, ...] | None:
    """The actions of an MLPerf log line (``pieces``: texts at even, numbers at odd
    indices), or None when ``text`` is not one."""
    start = text.find(MARKERS[0])
    v05 = start < 0
    if v05:
        start = text.find(MARKERS[1])
        if start < 0:
            return None
    event = _EVENT_KEY.search(text, start)
    metadata = text[text.find('"metadata": {', start):] if not v05 else ""
    # the samples seen stand for the step only where the metadata has no step nor epoch
    samples_step = '"step": ' not in metadata and '"epoch_num": ' not in metadata
    actions: list[Action] = []
    where: str | None = None  # the dict the number is in: "value", "metadata" or the event
    depth = 0
    position = 0
    outer = ""  # v0.5's event key, for the numbers of its dict
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            if position + len(piece) > start:
                for part in _BRACES.split(piece[max(start - position, 0):]):
                    if part in ('"value": {', '"metadata": {'):
                        depth, where = depth + 1, part[1:-4]
                    elif part == "{":
                        depth += 1
                    elif part == "}":
                        depth -= 1
                        where = None if depth <= 1 else where
            position += len(piece)
            continue
        position += len(piece)
        if position <= start:
            continue
        before = pieces[index - 1]
        if v05:
            key = _V05_KEY.search(before)
            inner = _QUOTED_KEY.search(before)
            if key is not None and inner is None:  # "train_epoch: 0", "eval_size: 4952"
                if key.group(1) == "train_epoch":
                    actions.append(Action(EPOCH, index))
                continue
            if key is not None:
                outer = key.group(1)  # "eval_accuracy: {"epoch": 43, ..."
            if inner is None:
                continue
            if inner.group(1) == "epoch":
                actions.append(Action(EPOCH, index))
            elif inner.group(1) == "value" and outer and measured(outer):
                actions.append(Action(METRIC, index, outer))
            continue
        quoted = _QUOTED_KEY.search(before)
        if quoted is None or quoted.group(1) in _BOOKKEEPING:
            continue
        name = quoted.group(1)
        if where == "metadata":
            if name == "step" or (name == "samples_count" and samples_step):
                actions.append(Action(STEP, index))
            elif name == "epoch_num":
                actions.append(Action(EPOCH, index))
            elif name == "lr" and any(a.kind == METRIC for a in actions):
                actions.append(Action(METRIC, index, "lr"))
        elif where == "value":
            if not names.denied(name):
                actions.append(Action(METRIC, index, name))
        elif name == "value" and event is not None and measured(event.group(1)):
            actions.append(Action(METRIC, index, event.group(1)))
    return tuple(actions) if any(a.kind == METRIC for a in actions) else ()
