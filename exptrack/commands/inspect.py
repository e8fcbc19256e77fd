"""`track ls` and `track show`: list and inspect runs."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from exptrack.commands.options import JsonOption, StoreOption, open_store


def ls(
    artifact: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--artifact", metavar="SHA256-OR-PATH",
        help="Only runs that produced this artifact: a sha256 (prefix), or a file, "
             "matched by its content.")] = None,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """List runs, newest first.

    Example:

        track ls --json

        track ls --artifact checkpoints/best.pt
    """
    from exptrack import render

    runs = open_store(store).load_all()
    if artifact is not None:
        from exptrack.details import runs_with_artifact

        runs = runs_with_artifact(runs, artifact)
    if json_out:
        render.print_json([render.run_summary(r) for r in runs])
    else:
        render.print_run_list(runs)


def show(
    ref: Annotated[str, typer.Argument(help="Run id prefix, name, or @N (N-th latest).")] = "@",
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Show one run (default: the latest).

    Example:

        track show a1b2 --json
    """
    from exptrack import render
    from exptrack.details import run_details

    run_view = open_store(store).resolve(ref)
    render.print_json({**render.run_summary(run_view), **run_details(run_view)})
    del json_out
