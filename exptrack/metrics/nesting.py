"""Values in nested dicts printed on one line, named by the keys they are under.

``{'train': {'loss': 0.3}, 'val': {'loss': 0.4}}`` holds two losses, ``train/loss`` and
``val/loss``: a name under several keys takes its key. A dict's ``results`` key holds what the
run measured, keyed by task or data set (lm-evaluation-harness 0.3's ``{'results':
{'hellaswag': {'acc': 0.5, 'acc_stderr': 0.01}}, 'versions': {...}}``): each value is named by
the keys under ``results`` (``hellaswag/acc``), an error bar (``*_stderr``) is not a metric,
and the dict's other keys (``versions``, ``config``) are no results. A key's running statistics
(``{"num": 32, "mean": 3.48, "std": 0.89}``) are its mean. A dict of one level keeps its names
as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from exptrack.metrics import forms, names
from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import METRIC, RATIO, STEP
from exptrack.metrics.phasewords import STEP_KEYS, WORD_PHASES

_RESULTS_KEYS = frozenset(forms.RESULTS_KEYS)
_ERROR_BARS = ("_stderr", "_std_err")
_DEPTH = 16
_KEY_STARTS = frozenset({"", ",", ";", "|", "{", "("})  # what a bare key comes after
_BARE_KEY = re.compile(r"(?<![\w.\-/])([A-Za-z_][\w.\-/]{0,59})\s?$")


def _key_paths(line: str) -> tuple[list[int], list[tuple[str, ...]]]:
    """Where the dicts and lists of ``line`` open and close, and the keys they are under
    there (a quoted key before ":"; "" for a container of no key). One pass, linear: the
    character before a container is remembered, not searched for, and a path keeps only its
    first ``_DEPTH`` keys (no printed record nests deeper; a line of 10,000 "{" would
    otherwise copy a path of thousands of keys at each one)."""
    positions: list[int] = [0]
    paths: list[tuple[str, ...]] = [()]
    stack: list[str] = []
    quote, escaped = "", False
    string_start = string_end = -1
    key = ""
    last = ""  # the last character that is not a space
    for at, char in enumerate(line):
        before, last = last, char if not char.isspace() else last
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote, string_end = "", at
            continue
        if char in "'\"":
            quote, string_start = char, at + 1
        elif char == ":":
            key = line[string_start:string_end] \
                if string_end >= 0 and not line[string_end + 1:at].strip() else ""
            if not key and (bare := _BARE_KEY.search(line, max(0, at - 60), at)) is not None \
                    and bare.group(1).lower() not in WORD_PHASES \
                    and line[:bare.start(1)].rstrip()[-1:] in _KEY_STARTS:  # "acc:{'test':
                key = bare.group(1)  # 0.97}, mf1:{...}" (a phase's "train: {...}" labels its
                # keys: ``phases``; "Eval results: [...]" is a phrase's word, no key)
        elif char == "=":  # a bare name's dict: "full={'acc4': 0.91}"
            bare = _BARE_KEY.search(line, max(0, at - 60), at)
            key = bare.group(1) if bare is not None else ""
        elif char in "{[" or char in "}]":
            if char in "{[":
                stack.append(key if before in ":=" else "")
            elif stack:
                stack.pop()
            key = ""
            positions.append(at)
            paths.append(tuple(stack[:_DEPTH]))
    return positions, paths


def name(line: str, offsets: Sequence[int],
         actions: list[Action]) -> tuple[list[Action], bool]:
    """The actions of a line with a nested dict, named by their keys (see the module
    docstring); True when a ``results`` key named them (they are a run's results)."""
    if "{" not in line or line.count("{") < 2:
        return actions, False
    positions, paths = _key_paths(line)
    keyed = {a.token: paths[bisect_right(positions, offsets[a.token]) - 1]
             for a in actions if a.kind in (METRIC, RATIO)}
    if forms.RAY_RESULT.search(line):  # Ray's result dict: every value under all its keys,
        # as Tune's progress.csv and TensorBoard flatten it ("learners/default_policy/vf_loss")
        return [a._replace(name="/".join([*(key for key in keyed[a.token] if key), a.name]))
                if a.token in keyed else a for a in actions], False
    under: dict[int, list[str]] = {}
    for token, path in keyed.items():
        found = next((i for i, key in enumerate(path) if key in _RESULTS_KEYS), -1)
        if found >= 0:
            under[token] = [key for key in path[found + 1:] if key]
    if under:
        return [a._replace(name="/".join([*under[a.token], a.name]))
                for a in actions if a.kind not in (METRIC, RATIO) or (
                    a.token in under and not a.name.endswith(_ERROR_BARS))], True
    actions, summed = _statistics(actions, keyed)
    if summed:  # a record of statistics: every key a metric's
        return actions, True
    under_keys = {token: tuple(key for key in path if key)  # (a dict in a list: no key)
                  for token, path in keyed.items() if path and path[-1]}
    keys: dict[str, set[tuple[str, ...]]] = {}  # each name's keys ("loss": {("train",),
    for a in actions:  # ("val",)})
        if under_keys.get(a.token):
            keys.setdefault(a.name, set()).add(under_keys[a.token])
    if "support" in line and {"precision", "recall"} <= keys.keys():
        # scikit-learn's classification report as JSON: each class's row is no aggregate,
        # the averages' rows ("macro avg") and the accuracy are
        return [a._replace(name=_keyed(under_keys[a.token][-1:], a.name))
                if under_keys.get(a.token) else a for a in actions
                if a.kind not in (METRIC, RATIO) or not under_keys.get(a.token)
                or "avg" in under_keys[a.token][-1].lower()], False
    if any(len({path[-1] for path in found}) > 1 for found in keys.values()):
        return [a._replace(name=_keyed(_distinct(under_keys[a.token], keys[a.name]), a.name))
                if a.name in keys and under_keys.get(a.token) else a for a in actions], False
    # {"train": {"loss": ..}, "val": null}: a name under a phase's key is still its phase's
    # and a phase's value under a name is that name's ({"acc": {"test": 0.97}}: acc/test)
    return [a._replace(name=_keyed(under_keys[a.token][-1:], a.name))
            if under_keys.get(a.token) and (under_keys[a.token][-1].lower() in WORD_PHASES
                                            or a.name.lower() in WORD_PHASES)
            else a for a in actions], False


def _keyed(path: tuple[str, ...], name: str) -> str:
    """``name`` under the keys of ``path``; a phase's key that already prefixes it is not
    said twice (scGLUE's "train={'g_nll': 0.45}, val={'g_nll': 0.44}": ``train_g_nll``)."""
    if path and path[-1].lower() in WORD_PHASES and name.lower().startswith(f"{path[-1].lower()}_"):
        path = path[:-1]
    return "/".join([*path, name])


def _distinct(path: tuple[str, ...], others: set[tuple[str, ...]]) -> tuple[str, ...]:
    """The fewest last keys of ``path`` that no other path of its name ends with: its parent
    key, or more where a parent repeats under several keys ({"dev": {"entity": {"f": ..}},
    "test": {"entity": {"f": ..}}}: ``dev/entity/f`` and ``test/entity/f``)."""
    for keep in range(1, len(path)):
        if sum(other[-keep:] == path[-keep:] for other in others) == 1:
            return path[-keep:]
    return path


_STATISTICS = frozenset({"num", "mean", "std"})
_SPANS = frozenset({"count", "max", "sum", "min"})


def _statistics(actions: list[Action],
                keyed: dict[int, tuple[str, ...]]) -> tuple[list[Action], bool]:
    """A record of each key's running statistics (StyleGAN2-ADA's stats.jsonl:
    ``"Loss/G/loss": {"num": 32, "mean": 3.48, "std": 0.89}``): the mean is the key's value,
    the rest no metric; a key whose last part is a step's (``Progress/tick``) is the step, one
    that is no metric's name (``Progress/kimg``) is left out. True when the line is one."""
    names_under: dict[tuple[str, ...], set[str]] = {}
    for a in actions:
        if a.token in keyed:
            names_under.setdefault(keyed[a.token], set()).add(a.name)
    summed = {path for path, found in names_under.items() if path and path[-1]
              and "mean" in found and len(found) > 1 and found <= _STATISTICS}
    spans = {path for path, found in names_under.items() if path and path[-1]
             and {"max", "sum", "min"} <= found and found <= _SPANS}
    if spans and not summed:  # SageMaker's "#metrics {"Metrics": {"Total Records Seen":
        return [a for a in actions if keyed.get(a.token) not in spans], True  # {"count":
        # 1, "max": 328, "sum": 328.0, "min": 328}}}": an interval's spread, no mean (its
        # "#quality_metric:" lines say the metrics)
    if len(summed) < 2:
        return actions, False
    out: list[Action] = []
    for a in actions:
        path = keyed.get(a.token)
        if path not in summed:
            out.append(a)
            continue
        leaf = path[-1].rpartition("/")[2]
        if a.name != "mean" or names.denied(leaf):
            continue
        out.append(Action(STEP, a.token) if leaf.lower() in STEP_KEYS
                   else a._replace(name=path[-1]))
    return out, True
