"""Options shared by several commands."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, ParamSpec, TypeVar

import typer

StoreOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer evaluates this at runtime on 3.10
    typer.Option("--store", help="Store folder (default: $TRACK_HOME, or the nearest .track/).",
                 show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


if TYPE_CHECKING:
    from exptrack.store import Store

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def without_gc(command: Callable[P, R]) -> Callable[P, R]:
    """Run a reading command with the cyclic garbage collector off.

    Listing 10,000 runs makes hundreds of thousands of small acyclic objects (decoded
    index entries, metric summaries): each collection would walk them all again, a third
    of `track ls --where` on 10,000 runs. A command is short-lived; nothing it makes needs
    the cycle collector. Afterwards what it made is frozen (never walked again: the
    process ends) and the collector is back as it was."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return command(*args, **kwargs)
        finally:
            gc.freeze()
            if was_enabled:
                gc.enable()

    return run


_KEPT: list[Any] = []


def keep_until_exit(value: T) -> T:
    """``value``, never freed before the process ends. A reading command's runs (10,000
    views and their fields) would otherwise be freed object by object as it returns:
    20-50 ms just before the process exits, which gives the memory back at once. Frozen
    by ``without_gc``, they are not freed one by one at interpreter exit either."""
    _KEPT.append(value)
    return value


def open_store(store: Path | None) -> Store:
    """The store named by --store, else found by the documented precedence."""
    from exptrack.store import Store, find_store

    return Store(find_store(store))


def complete_run(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a RUN argument: ids (name, status and age as help), then names.

    Never raises: a broken store simply completes nothing."""
    try:
        from exptrack import render

        runs = open_store(ctx.params.get("store")).load_all()
        found: list[tuple[str, str]] = []
        for run in runs:
            if run.id.startswith(incomplete):
                about = " ".join(p for p in (run.record.name, run.record.status,
                                             render.fmt_ago(run.record.started_at)) if p)
                found.append((run.id, about))
        names = {r.record.name for r in runs if r.record.name}
        found += [(name, "name") for name in sorted(names) if name.startswith(incomplete)]
        return found
    except Exception:  # completion must never print a traceback into the shell
        return []


def complete_metric(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of --best: the metric names in the store."""
    try:
        runs = open_store(ctx.params.get("store")).load_all()
        names = {name for run in runs for name in run.metrics}
        return sorted(n for n in names if n.startswith(incomplete))
    except Exception:
        return []


def complete_key(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of --sort: fields, then param and metric names in the store."""
    from exptrack.query import FIELDS

    try:
        runs = open_store(ctx.params.get("store")).load_all()
        keys = {name for run in runs for name in (*run.params, *run.metrics)}
    except Exception:
        keys = set()
    return [k for k in (*FIELDS, "took", *sorted(keys)) if k.startswith(incomplete)]


RunArgument = Annotated[
    str,
    typer.Argument(help="Run id prefix, exact name, or @ (latest), @1 (the one before), @N.",
                   autocompletion=complete_run, show_default=False, metavar="RUN"),
]


def project_directions() -> dict[str, str]:
    """Metric directions from the project configuration; an invalid file costs a warning
    here (inspecting must keep working), not the listing."""
    from exptrack import render
    from exptrack.config import load_config
    from exptrack.errors import ConfigError

    try:
        return load_config().directions
    except ConfigError as exc:
        render.warn(f"{exc}; metric directions fall back to metric names")
        return {}
