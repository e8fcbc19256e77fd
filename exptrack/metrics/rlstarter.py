"""The update lines of rl-starter-files (torch-ac's PPO and A2C on MiniGrid and BabyAI)::

    U 40 | F 081920 | FPS 1335 | D 66 | rR:μσmM 0.93 0.02 0.86 0.97 | F:μσmM 19.5 6.4 7.0 38.0
    | H 1.369 | V 0.828 | pL -0.006 | vL 0.001 | ∇ 0.024  (one line)

U is the update (the step) and F the frames so far (a counter, zero-padded); then KEY VALUE
fields, where a ``KEY:μσmM`` field holds four values: the mean, deviation, least and most
over the episodes of the update, of their return (rR) or their length in frames (F), read
as rR_mean, rR_std, rR_min, rR_max. ∇ is the gradient norm. A Windows console prints each
line as Python bytes (``b'U 1 | ...'``, μσ spelled "uo", ∇ as its escaped UTF-8 bytes).
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, STEP

MARKERS = (" | F ", "mM ")
_HEAD = re.compile(r"^(?:b')?U $")
_KEY = re.compile(r"^ \| (?P<key>[A-Za-z]{1,8}|∇|\\xe2\\x88\\x87)(?::(?P<stats>[μσuomM]{2,4}))? $")
_STATS = {"μ": "mean", "u": "mean", "σ": "std", "o": "std", "m": "min", "M": "max"}


def plan(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of an rl-starter update line (``pieces``: texts at even and numbers at
    odd indices), or None when the line is not one."""
    if len(pieces) < 7 or _HEAD.match(pieces[0]) is None or pieces[2] != " | F ":
        return None
    actions = [Action(STEP, 1)]
    at = 4
    while at < len(pieces) - 1:
        key = _KEY.match(pieces[at])
        if key is None:
            return None
        name = "∇" if key["key"].startswith("\\") else key["key"]
        stats = key["stats"] or ""
        if len(set(stats)) < len(stats) or at + 2 * len(stats) >= len(pieces):
            return None
        for n, letter in enumerate(stats):
            if n and pieces[at + 2 * n] != " ":
                return None
            actions.append(Action(METRIC, at + 1 + 2 * n, f"{name}_{_STATS[letter]}"))
        if not stats:
            actions.append(Action(METRIC, at + 1, name))
        at += 2 * max(len(stats), 1)
    return tuple(actions)
