"""Sample Factory's reports (APPO, versions 1 and 2), every few seconds::

    Fps is (10 sec: 3212.9, 60 sec: 2732.4, 300 sec: 2443.7). Total num frames: 19988480.
        Throughput: 0: 2423.2. Samples: 19994624. Policy #0 lag: (min: 7.0, avg: 10.0, ...)
    Avg episode reward: [(0, '655.460')]
    Avg episode rewards: #0: 3.370, true rewards: #0: 3.370

(the first on one line). The environment frames are the step. The frame rate over each
window is a metric (``fps_10_sec``), and so is each policy's throughput (``throughput``;
``throughput_1`` for policy 1); the samples (a count) and the policy lag (how stale the
policy is, no measure of the model) are neither. A policy's average episode reward is
``avg_episode_reward`` (``avg_episode_reward_1`` for policy 1), its true reward
``avg_true_reward``.
"""

from __future__ import annotations

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, STEP

_FPS = "Fps is ("
_WINDOW = " sec: "
_FRAMES = "Total num frames: "
_THROUGHPUT = "Throughput: "
_REWARD = "Avg episode reward: [("  # version 2: a list of (policy, 'value')
_REWARDS = "Avg episode rewards: #"  # version 1: "#0: 3.370, true rewards: #0: 3.370"


def plan(pieces: list[str], text: str) -> tuple[Action, ...] | None:
    """The actions of a Sample Factory report (``pieces``: texts at even and numbers at
    odd indices), or None when the line is not one."""
    if _FPS in text:
        return _fps(pieces)
    if _REWARD in text or _REWARDS in text:
        return _rewards(pieces)
    return None


def _policy(name: str, policy: str) -> str:
    return name if policy == "0" else f"{name}_{policy}"


def _fps(pieces: list[str]) -> tuple[Action, ...] | None:
    at = next((i for i in range(0, len(pieces) - 3, 2) if pieces[i].endswith(_FPS)), -1)
    if at < 0 or pieces[at + 2] != _WINDOW:
        return None
    actions = []
    index = at + 1  # a window's seconds, its text, its rate, the text after
    while index + 2 < len(pieces) and pieces[index + 1] == _WINDOW:
        actions.append(Action(METRIC, index + 2, f"fps_{pieces[index]}_sec"))
        index += 4
        if pieces[index - 1] != ", ":
            break
    throughput = False
    for at in range(index - 1, len(pieces) - 3, 2):
        text = pieces[at]
        if text.endswith(_FRAMES):
            actions.append(Action(STEP, at + 1))
        elif (text.endswith(_THROUGHPUT) or (throughput and text == ", ")) \
                and pieces[at + 2] == ": ":
            actions.append(Action(METRIC, at + 3, _policy("throughput", pieces[at + 1])))
            throughput = True
        elif text != ": ":
            throughput = False
    return tuple(actions)


def _rewards(pieces: list[str]) -> tuple[Action, ...] | None:
    actions = []
    for index in range(0, len(pieces) - 3, 2):
        text, policy, between = pieces[index], pieces[index + 1], pieces[index + 2]
        if between == ", '" and (text.endswith(_REWARD) or text == "'), ("):
            actions.append(Action(METRIC, index + 3, _policy("avg_episode_reward", policy)))
        elif between == ": " and text.endswith(("rewards: #", ", #")):
            true = "true rewards: #" in text or (
                text == ", #" and bool(actions) and actions[-1].name.startswith("avg_true"))
            actions.append(Action(METRIC, index + 3, _policy(
                "avg_true_reward" if true else "avg_episode_reward", policy)))
    return tuple(actions) or None
