"""The last judgement of a line's actions, once each number has its kind and name: nested
dicts name their values by their keys, a printed configuration keeps only its metrics, a
JSON record only its own keys' values, a line of many per-class values none of them, and a
bar alone places nothing."""

from __future__ import annotations

import re

from exptrack.metrics import forms
from exptrack.metrics.actions import (
    Action,
    judge_dict,
    top_level,
    without_per_class,
    without_per_item,
)
from exptrack.metrics.kinds import BAR_STEP, EPOCH, METRIC, PER_CLASS, RATIO, STEP
from exptrack.metrics.nesting import name as nested_names

_STEPS_BAR = re.compile(r"(?i)^\s*(?:(?:global|train|training|optimi[sz]ation)\s)?steps?\s?:?\s*$")


def settle(line: str, offsets: list[int], pieces: list[str],
           actions: list[Action]) -> tuple[Action, ...]:
    """The actions of ``line`` (split into ``pieces`` at ``offsets``) as they are recorded."""
    actions, results = nested_names(line, offsets, actions)  # (a run's results: no dump)
    if "{" in line and not results and not any(a.kind in (STEP, EPOCH) for a in actions):
        actions = judge_dict(line, actions)
    elif forms.STEPPED_RECORD.match(line):  # (a JSON record's nested and quoted numbers)
        actions = top_level(line, offsets, actions)
    if len(actions) > PER_CLASS:
        actions = without_per_item(without_per_class(actions))
    if not any(a.kind in (METRIC, RATIO) for a in actions):
        actions = [a for a in actions if a.kind != BAR_STEP]  # a bar alone: nothing to place
    elif _STEPS_BAR.match(pieces[0]):  # diffusers' and kohya's "Steps:  10%|#| 41/3280 [...,
        actions = [a._replace(kind=STEP) if a.kind == BAR_STEP else a for a in actions]
        # avr_loss=0.1]": a bar of the run's steps counts the step
    return tuple(actions)
