"""Ray Tune's trial table, a row per trial with its latest result::

    | Trial name               | status     | loc   |          lr |   iter |   reward |
    |--------------------------+------------+-------+-------------+--------+----------|
    | PPO_CartPole-v0_816b8e8a | TERMINATED |       | 7.00671e-05 |     25 |   136.79 |

A row gives its measured columns (``names.metric_like``: ``reward``, ``eval_loss``) at its
``iter``/``epoch``; the trial's sampled settings (``lr``, ``w_decay``), its status and its
running time (``total time (s)``: how long the trial has run) are none. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Callable

from exptrack.metrics import names, rules

COLUMN = "trial_name"  # the table's first column, as a header's cell is named
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:nan|inf)$",
                     re.IGNORECASE)
_TIME = re.compile(r"(?i)(?:^|[_\-./ ])time(?:$|[_\-./ (])")

Values = tuple[list[tuple[str, float]], int | float | None, int | float | None]


def row(header: list[str], cells: list[str], naming: Callable[[str], str]) -> Values | None:
    """A row under ``header`` (its first column ``COLUMN``) -> (the measured columns'
    values, named through ``naming``, its step, its epoch), else None."""
    values: list[tuple[str, float]] = []
    step = epoch = None
    for name, cell in zip(header[1:], cells[1:], strict=True):
        if _NUMBER.match(cell) is None:
            continue
        low = name.lower()
        if low in rules.EPOCH_KEYS:
            epoch = _whole(cell)
        elif low in rules.STEP_KEYS:
            step = _whole(cell)
        elif names.metric_like(name) and not rules.is_denied(name) and not _TIME.search(name):
            values.append((naming(name), float(cell)))
    return (values, step, epoch) if values else None


def _whole(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value
