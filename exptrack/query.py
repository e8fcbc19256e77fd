"""Questions asked of a list of runs: filters (``--where``), sorting, best-by-metric, which
parameters vary, and the diff of two or more runs. Pure functions over ``RunView``s and
plain dicts: no I/O, no printing.
"""

from __future__ import annotations

import fnmatch
import math
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from exptrack.directions import metric_direction
from exptrack.errors import UsageError
from exptrack.indexinsights import insight_kinds
from exptrack.store import RunView

FIELDS = ("id", "name", "status", "tags", "tag", "exit_code", "started", "started_at",
          "ended_at", "duration", "duration_s", "host", "commit", "branch", "dirty", "cwd",
          "command", "note", "insight", "insights")
METRIC_STATS = ("last", "best", "min", "max", "count")
FIELD_ALIASES = {"took": "duration"}  # the `ls` header names a field by
KNOWN_SHOWN = 20  # names listed in an unknown-key error before "and N more"
_WHERE = re.compile(r"^\s*([^<>=!]+?)\s*(<=|>=|==|!=|=|<|>)\s*(.*?)\s*$")
_MISSING = object()
MISSING = _MISSING  # what a run without the key has


# ---------------------------------------------------------------- keys and their values

@dataclass(frozen=True)
class Key:
    """What ``--sort``/``--where``/``--columns`` name: a field, a param, or a metric stat."""

    kind: str  # "field", "param" or "metric"
    name: str
    stat: str = "last"

    @property
    def label(self) -> str:
        if self.kind == "metric" and self.stat != "last":
            return f"{self.name}.{self.stat}"
        return self.name


@runtime_checkable
class Names(Protocol):
    """The parameter and metric names of a set of runs (what keys are resolved against):
    from views (``RunNames``) or from the index."""

    def empty(self) -> bool: ...

    def has_param(self, name: str) -> bool: ...

    def has_metric(self, name: str) -> bool: ...

    def param_names(self) -> set[str]: ...

    def metric_names(self) -> set[str]: ...


class RunNames:
    def __init__(self, runs: Sequence[RunView]) -> None:
        self.runs = runs
        self.params = {k for r in runs for k in r.params}
        self.metrics = {k for r in runs for k in r.metric_names()}

    def empty(self) -> bool:
        return not self.runs

    def has_param(self, name: str) -> bool:
        return name in self.params

    def has_metric(self, name: str) -> bool:
        return name in self.metrics

    def param_names(self) -> set[str]:
        return self.params

    def metric_names(self) -> set[str]:
        return self.metrics


def resolve_key(text: str, runs: Sequence[RunView] | Names) -> Key:
    """Fields first, then params, then metrics (``val_acc``, ``val_acc.best``);
    ``params.X`` / ``metrics.X`` force the kind. Unknown keys are a usage error."""
    key = text.strip()
    if not key:
        raise UsageError("empty key: name a field, a parameter or a metric")
    for prefix, kind in (("params.", "param"), ("param.", "param"),
                         ("metrics.", "metric"), ("metric.", "metric")):
        if key.startswith(prefix):
            rest = key[len(prefix):]
            return _metric_key(rest) if kind == "metric" else Key("param", rest)
    if key in FIELDS or key in FIELD_ALIASES:
        return Key("field", FIELD_ALIASES.get(key, key))
    names = runs if isinstance(runs, Names) else RunNames(runs)
    if names.has_param(key):
        return Key("param", key)
    if names.has_metric(key):
        return Key("metric", key)
    stat_key = _metric_key(key)
    if stat_key.name != key and names.has_metric(stat_key.name):
        return stat_key
    if names.empty():
        return Key("param", key)
    params, metrics = names.param_names(), names.metric_names()
    same = _same_spelling(key, params, metrics)
    if same is not None:
        return same
    raise UsageError(f"no field, parameter or metric named {key!r}"
                     + unknown_hint(key, sorted(params | metrics), FIELDS))


def _same_spelling(key: str, params: set[str], metrics: set[str]) -> Key | None:
    """The param or metric ``key`` names when written with ``-`` for ``_`` or the other
    way round (``--eval-every`` is recorded as ``eval-every``; ``eval_every`` finds it)."""
    wanted = normal_name(key)
    for names, kind in ((params, "param"), (metrics, "metric")):
        found = sorted(n for n in names if normal_name(n) == wanted)
        if found:
            return Key(kind, found[0])
    stat_key = _metric_key(key)
    if stat_key.name != key:
        found = sorted(n for n in metrics if normal_name(n) == normal_name(stat_key.name))
        if found:
            return Key("metric", found[0], stat_key.stat)
    return None


def normal_name(name: str) -> str:
    """A key's spelling that ``-`` versus ``_`` and case do not change."""
    return name.replace("-", "_").lower()


def unknown_hint(key: str, known: Sequence[str], fields: Sequence[str] = ()) -> str:
    """``; did you mean 'lr'? known: a, b, ...`` for an error about an unknown ``key``:
    the close matches first, then the known names (the first ``KNOWN_SHOWN``, and how
    many more)."""
    import difflib

    close = difflib.get_close_matches(key, [*known, *fields, *FIELD_ALIASES], n=3)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    if known:
        more = len(known) - KNOWN_SHOWN
        hint += (" known: " if close else "; known: ") + ", ".join(known[:KNOWN_SHOWN]) \
            + (f" and {more} more" if more > 0 else "")
    return hint


def _metric_key(text: str) -> Key:
    name, _, stat = text.rpartition(".")
    if name and stat in METRIC_STATS:
        return Key("metric", name, stat)
    return Key("metric", text)


def value_of(run: RunView, key: Key) -> Any:
    """The value ``key`` names in ``run``; ``_MISSING`` when the run does not have it."""
    if key.kind == "param":
        return run.params.get(key.name, _MISSING)
    if key.kind == "metric":
        summary = run.metric(key.name)
        if summary is None:
            return _MISSING
        value = getattr(summary, key.stat)
        return _MISSING if value is None else value
    return _field(run, key.name)


def _field(run: RunView, name: str) -> Any:
    record = run.record
    table: dict[str, Callable[[], Any]] = {
        "id": lambda: run.id,
        "name": lambda: record.name,
        "status": lambda: record.status,
        "tags": lambda: record.tags,
        "tag": lambda: record.tags,
        "exit_code": lambda: record.exit_code,
        "started": lambda: record.started_at,
        "started_at": lambda: record.started_at,
        "ended_at": lambda: record.ended_at,
        "duration": lambda: record.duration_s,
        "duration_s": lambda: record.duration_s,
        "host": lambda: record.host,
        "commit": lambda: run.git.commit,
        "branch": lambda: run.git.branch,
        "dirty": lambda: run.git.dirty if run.git.repo else None,
        "cwd": lambda: record.cwd,
        "command": lambda: shlex.join(record.command),  # pastes back into a shell
        "note": lambda: record.note,
        "insight": lambda: insight_kinds(run.path), "insights": lambda: insight_kinds(run.path),
    }
    value = table[name]()
    return _MISSING if value is None else value


def is_missing(value: Any) -> bool:
    return value is _MISSING or value is None or (isinstance(value, float) and math.isnan(value))


# ---------------------------------------------------------------- --where

@dataclass(frozen=True)
class Condition:
    key: Key
    op: str
    raw: str

    def matches(self, run: RunView) -> bool:
        return self.matches_value(value_of(run, self.key))

    def matches_value(self, value: Any) -> bool:
        """Whether a run whose value for the key is ``value`` (``MISSING``: none) matches."""
        if isinstance(value, list):  # tags: any element matching
            hits = [_compare(item, self.op if self.op != "!=" else "=", self.raw)
                    for item in value]
            return not any(hits) if self.op == "!=" else any(hits)
        if is_missing(value):
            return self.op == "!=" or (self.op in ("=", "==") and
                                       self.raw.lower() in ("", "none", "null", "nan"))
        return _compare(value, self.op, self.raw)


def parse_where(expr: str, runs: Sequence[RunView] | Names) -> Condition:
    """``lr<0.01``, ``status=completed``, ``model=resnet*``, ``tag=baseline``,
    ``val_acc.best>=0.9``. A malformed expression is a usage error."""
    match = _WHERE.match(expr)
    if not match:
        raise UsageError(f"cannot read --where {expr!r}: write KEY OP VALUE with OP one of "
                         "= != < <= > >= (e.g. lr<0.01, status=completed, model=resnet*)")
    key_text, op, raw = match.groups()
    if raw[:1] in ("<", ">", "=", "!"):
        raise UsageError(f"cannot read --where {expr!r}: {op + raw[:1]!r} is not an operator "
                         "(use = != < <= > >=)")
    return Condition(resolve_key(key_text, runs), op, raw)


def _compare(value: Any, op: str, raw: str) -> bool:
    if isinstance(value, bool) or raw.lower() in ("true", "false"):
        left: Any = str(value).lower()
        right: Any = raw.lower()
    else:
        number = _to_number(raw)
        if isinstance(value, (int, float)) and number is not None:
            left, right = value, number
        elif op in ("<", "<=", ">", ">=") and (number is not None or
                                               isinstance(value, (int, float))):
            return False  # a number and a word have no order
        else:
            left, right = str(value), raw
    if op in ("=", "=="):
        if isinstance(left, str) and any(c in right for c in "*?["):
            return fnmatch.fnmatchcase(left, right)
        return bool(left == right)
    if op == "!=":
        if isinstance(left, str) and any(c in right for c in "*?["):
            return not fnmatch.fnmatchcase(left, right)
        return bool(left != right)
    return bool({"<": left < right, "<=": left <= right,
                 ">": left > right, ">=": left >= right}[op])


def _to_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def filter_runs(runs: Sequence[RunView], conditions: Sequence[Condition]) -> list[RunView]:
    return [r for r in runs if all(c.matches(r) for c in conditions)]


# ---------------------------------------------------------------- sorting and best

def sort_runs(runs: Sequence[RunView], key: Key, descending: bool) -> list[RunView]:
    """Stable sort; missing and NaN values always last, whatever the direction; numbers
    before strings before anything else, so mixed types never raise."""
    present = [(r, value_of(r, key)) for r in runs]
    keep = [(r, v) for r, v in present if not is_missing(v)]
    missing = [r for r, v in present if is_missing(v)]
    keep.sort(key=lambda pair: _order(pair[1]), reverse=descending)
    return [r for r, _ in keep] + missing


def _order(value: Any) -> tuple[int, Any]:
    if isinstance(value, bool):
        return (0, float(value))
    if isinstance(value, (int, float)):
        return (0, float(value))
    if isinstance(value, str):
        return (1, value)
    return (2, str(value))


def default_descending(key: Key, configured: dict[str, str] | None = None) -> bool:
    """Best first for metrics whose direction is known, newest first for times, else
    ascending."""
    if key.kind == "metric" and key.stat in ("last", "best", "min", "max"):
        return metric_direction(key.name, configured) == "max"
    return key.kind == "field" and key.name in ("started", "started_at", "ended_at")


@dataclass(frozen=True)
class BestValue:
    value: float | None
    step: int | float | None


def best_direction(metric: str, descending: bool | None,
                   configured: dict[str, str] | None = None,
                   runs: Sequence[RunView] = (),
                   recorded: Callable[[], str | None] | None = None) -> str:
    """``min``/``max`` for ``--best``: ``--asc``/``--desc`` win, then config and names, then
    the direction the runs recorded (from the config in force when they ran; the first
    run's that has one, or what ``recorded`` says it is)."""
    if descending is not None:
        return "max" if descending else "min"
    direction = metric_direction(metric, configured) or (recorded() if recorded else next(
        (summary.direction for summary in (r.metric(metric) for r in runs)
         if summary is not None and summary.direction), None))
    if direction is None:
        raise UsageError(f"cannot tell whether a higher or lower {metric!r} is better: "
                         "add --desc (higher is better) or --asc (lower is better)")
    return direction


def best_of(run: RunView, metric: str, direction: str) -> BestValue:
    summary = run.metric(metric)
    if summary is None:
        return BestValue(None, None)
    if summary.direction == direction and summary.best is not None:
        return BestValue(summary.best, summary.best_step)
    return BestValue(summary.min if direction == "min" else summary.max, None)


def rank_by_best(runs: Sequence[RunView], metric: str,
                 direction: str) -> list[tuple[RunView, BestValue]]:
    """Runs ranked by their best ``metric``; runs without it (or NaN) last."""
    scored = [(r, best_of(r, metric, direction)) for r in runs]
    keep = [(r, b) for r, b in scored if b.value is not None and not math.isnan(b.value)]
    missing = [(r, b) for r, b in scored if b.value is None or math.isnan(b.value)]
    keep.sort(key=lambda pair: pair[1].value or 0.0, reverse=direction == "max")
    return keep + missing


# ---------------------------------------------------------------- params that vary

def split_params(runs: Sequence[RunView]) -> tuple[list[str], dict[str, Any]]:
    """(names of params whose value differs between runs, {name: value} of the constant
    ones). A param missing from some runs varies."""
    names: list[str] = []
    for run in runs:
        for name in run.params:
            if name not in names:
                names.append(name)
    varying: list[str] = []
    constant: dict[str, Any] = {}
    for name in names:
        values = [run.params.get(name, _MISSING) for run in runs]
        first = values[0]
        if len(runs) > 1 and any(not same_value(v, first) for v in values[1:]):
            varying.append(name)
        elif len(runs) > 1:
            constant[name] = first
        else:
            varying.append(name)
    return varying, constant


def same_value(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b) and not (isinstance(a, (int, float)) and
                                       isinstance(b, (int, float)) and
                                       not isinstance(a, bool) and not isinstance(b, bool)):
        return False
    return bool(a == b)


def headline_metrics(runs: Sequence[RunView], limit: int = 2,
                     configured: dict[str, str] | None = None) -> list[str]:
    """The metrics worth a column: validation/test ones with a known direction first."""
    seen: dict[str, int] = {}
    for run in runs:
        for position, name in enumerate(run.metrics):
            seen.setdefault(name, position)

    def rank(name: str) -> tuple[int, int, int]:
        lower = name.lower()
        held_out = any(lower.startswith(p) for p in ("val", "valid", "test", "eval", "dev"))
        known = metric_direction(name, configured) is not None
        return (0 if held_out else 1, 0 if known else 1, seen[name])

    return sorted(seen, key=rank)[:limit]
