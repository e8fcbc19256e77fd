"""Typed records of a run and their conversion to and from the plain dicts on disk.

``from_dict`` functions are tolerant: a hand-edited or half-written file yields the
fields it has, never an exception, so listing a damaged store still works.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

FORMAT_VERSION = 2

STATUSES = ("running", "completed", "failed", "interrupted", "crashed")

ParamValue = Any  # int | float | bool | str | None | list


@dataclass
class MetricSummary:
    """What a run's observations of one metric add up to."""

    last: float
    min: float
    max: float
    count: int
    best: float | None = None
    best_step: int | float | None = None
    last_step: int | float | None = None
    direction: str | None = None  # "min", "max" or None when unknown

    def to_dict(self) -> dict[str, Any]:
        # Flat fields: no asdict() (it deep-copies each value; `ls --json` calls this
        # for every metric of every run).
        return {k: finite_or_text(getattr(self, k)) for k in SUMMARY_FIELDS}

    @classmethod
    def from_dict(cls, data: Any) -> MetricSummary | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                last=_float(data.get("last")),
                min=_float(data.get("min")),
                max=_float(data.get("max")),
                count=int(data.get("count") or 0),
                best=_float_or_none(data.get("best")),
                best_step=_step(data.get("best_step")),
                last_step=_step(data.get("last_step")),
                direction=_direction(data.get("direction")),
            )
        except (TypeError, ValueError, OverflowError):
            return None


SUMMARY_FIELDS = tuple(f.name for f in fields(MetricSummary))  # in declaration order


@dataclass
class GitState:
    """The code a run ran: captured before the command starts."""

    repo: bool = False
    root: str | None = None
    commit: str | None = None
    branch: str | None = None  # None when detached or no repo
    detached: bool = False
    remote: str | None = None
    dirty: bool = False
    untracked: list[str] = field(default_factory=list)
    untracked_total: int = 0
    untracked_not_inlined: list[str] = field(default_factory=list)
    untracked_artifacts: list[str] = field(default_factory=list)  # earlier runs' files
    patch_bytes: int = 0
    patch_truncated: bool = False
    error: str | None = None
    # Credential files, files holding a private key and config files that could not be
    # parsed: changed, but never copied into git.patch.
    left_out_of_patch: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> GitState:
        if not isinstance(data, dict):
            return cls()

        def strings(key: str) -> list[str]:
            value = data.get(key)
            return [str(v) for v in value] if isinstance(value, list) else []

        return cls(
            repo=data.get("repo") is True,
            root=_str_or_none(data.get("root")),
            commit=_str_or_none(data.get("commit")),
            branch=_str_or_none(data.get("branch")),
            detached=data.get("detached") is True,
            remote=_str_or_none(data.get("remote")),
            dirty=data.get("dirty") is True,
            untracked=strings("untracked"),
            untracked_total=_int_or_none(data.get("untracked_total")) or 0,
            untracked_not_inlined=strings("untracked_not_inlined"),
            untracked_artifacts=strings("untracked_artifacts"),
            patch_bytes=_int_or_none(data.get("patch_bytes")) or 0,
            patch_truncated=data.get("patch_truncated") is True,
            error=_str_or_none(data.get("error")),
            left_out_of_patch=strings("left_out_of_patch"),
        )


CUT_MARK = " cut at byte "


def cut_warning(name: str, size: int, why: str) -> str:
    """The ``warnings`` entry of a run whose ``name`` (output.log, metrics.jsonl) stopped
    growing at byte ``size`` before the run ended (a full disk, a file size limit)."""
    return f"{name}{CUT_MARK}{size}: {why}"


@dataclass
class RunRecord:
    """Identity and outcome of a run: the content of ``run.yaml``."""

    id: str
    command: list[str]
    cwd: str
    started_at: str
    status: str = "running"
    name: str | None = None
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    exit_code: int | None = None
    signal: str | None = None
    ended_at: str | None = None
    duration_s: float | None = None
    host: str | None = None
    user: str | None = None
    pid: int | None = None
    child_pid: int | None = None
    pty: bool = False
    track_version: str | None = None
    format: int = FORMAT_VERSION
    warnings: list[str] = field(default_factory=list)
    origin: str | None = None  # the run this one re-ran (`track rerun`)

    def cuts(self) -> list[str]:
        """The ``warnings`` that say where output.log or metrics.jsonl were cut."""
        return [warning for warning in self.warnings if CUT_MARK in warning]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        # Keep the file readable: identity first, then outcome.
        order = ["format", "id", "name", "tags", "note", "origin", "status", "exit_code",
                 "signal", "command", "cwd", "started_at", "ended_at", "duration_s", "host", "user",
                 "pid", "child_pid", "pty", "track_version", "warnings"]
        return {k: data[k] for k in order if k != "origin" or data[k] is not None}

    @classmethod
    def from_dict(cls, data: Any, fallback_id: str) -> RunRecord:
        if not isinstance(data, dict):
            data = {}
        command = data.get("command")
        tags = data.get("tags")
        warnings = data.get("warnings")
        record = cls(
            id=str(data.get("id") or fallback_id),
            command=[str(c) for c in command] if isinstance(command, list) else [],
            cwd=str(data.get("cwd") or ""),
            started_at=str(data.get("started_at") or ""),
            status=str(data.get("status") or "crashed"),
            name=_str_or_none(data.get("name")),
            tags=[str(t) for t in tags] if isinstance(tags, list) else [],
            note=_str_or_none(data.get("note")),
            exit_code=_int_or_none(data.get("exit_code")),
            signal=_str_or_none(data.get("signal")),
            ended_at=_str_or_none(data.get("ended_at")),
            duration_s=_float_or_none(data.get("duration_s")),
            host=_str_or_none(data.get("host")),
            user=_str_or_none(data.get("user")),
            pid=_int_or_none(data.get("pid")),
            child_pid=_int_or_none(data.get("child_pid")),
            pty=data.get("pty") is True,
            track_version=_str_or_none(data.get("track_version")),
            format=_int_or_none(data.get("format")) or 0,
            warnings=[str(w) for w in warnings] if isinstance(warnings, list) else [],
            origin=_str_or_none(data.get("origin")),
        )
        if record.status not in STATUSES:
            record.status = "crashed"
        return record


def _step(value: Any) -> int | float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def _direction(value: Any) -> str | None:
    return value if value in ("min", "max") else None


def finite_or_text(value: Any) -> Any:
    """NaN and infinities as the strings "nan", "inf", "-inf" (JSON has no such numbers,
    and every reader of the run folder understands these); anything else unchanged."""
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            return "nan"
        return "inf" if value > 0 else "-inf"
    return value


def _float(value: Any) -> float:
    if value is None:
        return math.nan
    return float(value)


def _float_or_none(value: Any) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _int_or_none(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
