"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

StoreOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer evaluates this at runtime on 3.10
    typer.Option("--store", help="Store folder (default: $TRACK_HOME, or the nearest .track/).",
                 show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


if TYPE_CHECKING:
    from exptrack.store import Store

def rebuild_progress() -> Callable[[int, int], None]:
    """A progress bar for a long index rebuild: on stderr, only on a terminal, and only
    once the rebuild has taken a second."""
    import sys
    import time

    began = time.monotonic()
    bar: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if not sys.stderr.isatty() or (not bar and time.monotonic() - began < 1.0):
            return
        if not bar:
            from rich.console import Console
            from rich.progress import Progress

            bar["progress"] = progress = Progress(console=Console(stderr=True),
                                                  transient=True)
            bar["task"] = progress.add_task("indexing runs", total=total)
            progress.start()
        bar["progress"].update(bar["task"], completed=done, total=total)
        if done >= total:
            bar["progress"].stop()

    return update


def open_store(store: Path | None) -> Store:
    """The store named by --store, else found by the documented precedence."""
    from exptrack.store import Store, find_store

    return Store(find_store(store))


def complete_run(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a RUN argument: ids (name, status and age as help), then names.

    Never raises: a broken store simply completes nothing."""
    try:
        from exptrack import render
        from exptrack.selection import all_runs

        runs = all_runs(open_store(ctx.params.get("store")))
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
        from exptrack.selection import all_runs

        runs = all_runs(open_store(ctx.params.get("store")))
        names = {name for run in runs for name in run.metrics}
        return sorted(n for n in names if n.startswith(incomplete))
    except Exception:
        return []


def complete_key(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of --sort: fields, then param and metric names in the store."""
    from exptrack.query import FIELDS

    try:
        from exptrack.selection import all_runs

        runs = all_runs(open_store(ctx.params.get("store")))
        keys = {name for run in runs for name in (*run.params, *run.metrics)}
    except Exception:
        keys = set()
    return [k for k in (*FIELDS, "took", *sorted(keys)) if k.startswith(incomplete)]


RunArgument = Annotated[
    str,
    typer.Argument(help="Run id prefix, exact name, or @ (latest), @1 (the one before), @N.",
                   autocompletion=complete_run, show_default=False, metavar="RUN"),
]


def project_insights() -> tuple[dict[str, Any], dict[str, str]]:
    """The ``insights:`` thresholds and the metric directions of the project
    configuration; an invalid file costs a warning and the defaults."""
    from exptrack import render
    from exptrack.config import load_config
    from exptrack.errors import ConfigError

    try:
        config = load_config()
    except ConfigError as exc:
        render.warn(f"{exc}; insights use their default thresholds")
        return {}, {}
    return config.insights, config.directions


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
