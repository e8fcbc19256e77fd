"""The `track` command line: each command parses its options, calls the core, renders.

``main`` is the one place that maps exceptions to a message and an exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from exptrack import __version__, render
from exptrack.errors import EXIT_BUG, EXIT_INTERRUPTED, ExptrackError

app = typer.Typer(
    name="track",
    help="Record, list, inspect and diff training runs. No code changes needed.\n\n"
         "Example:\n\n    track run -- python train.py --lr 0.01\n\n    track ls\n\n"
         "    track show",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

StoreOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional at runtime on 3.10
    typer.Option("--store", help="Store folder (default: $TRACK_HOME, or the nearest .track/).",
                 show_default=False),
]


def _version(value: bool) -> None:
    if value:
        print(f"track {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Record, list, inspect and diff training runs."""


def _open_store(store: Path | None) -> object:
    from exptrack.store import Store, find_store

    return Store(find_store(store))


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True,
                      "allow_interspersed_args": False},
)
def run(
    command: Annotated[list[str], typer.Argument(help="The command to run and record.",
                                                 show_default=False)],
    name: Annotated[Optional[str], typer.Option("--name", help="A name for the run.")] = None,  # noqa: UP045
    tag: Annotated[Optional[list[str]], typer.Option("--tag", help="A tag (repeatable).")] = None,  # noqa: UP045
    note: Annotated[Optional[str], typer.Option("--note", help="A free-text note.")] = None,  # noqa: UP045
    param: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--param", help="Record a parameter KEY=VALUE (repeatable).")] = None,
    store: StoreOption = None,
) -> None:
    """Run COMMAND and record it: params, git, environment, output, metrics, outcome.

    Everything after `--` is the command, exactly as you would type it.

    Example:

        track run --name baseline --tag cnn -- python train.py --lr 0.01 --epochs 5
    """
    from exptrack.capture.params import parse_param_option
    from exptrack.recorder import Recorder, RunRequest
    from exptrack.store import Store, find_store

    if not command:
        raise typer.BadParameter("give the command to run after --", param_hint="COMMAND")
    request = RunRequest(
        command=list(command),
        store=Store(find_store(store)),
        name=_clean_name(name),
        tags=list(tag or []),
        note=note,
        params=dict(parse_param_option(p) for p in (param or [])),
        cwd=Path.cwd(),
    )
    result = Recorder(request, render.warn).run()
    raise typer.Exit(result.outcome.exit_code)


def _clean_name(name: str | None) -> str | None:
    if name is None:
        return None
    cleaned = " ".join(name.split())
    if not cleaned:
        raise typer.BadParameter("the name is empty", param_hint="--name")
    return cleaned[:200]


@app.command("ls")
def ls_command(
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    store: StoreOption = None,
) -> None:
    """List runs, newest first.

    Example:

        track ls --json
    """
    from exptrack.store import Store, find_store

    runs = Store(find_store(store)).load_all()
    if json_out:
        render.print_json([render.run_summary(r) for r in runs])
    else:
        render.print_run_list(runs)


@app.command()
def show(
    ref: Annotated[str, typer.Argument(help="Run id prefix, name, or @N (N-th latest).")] = "@",
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    store: StoreOption = None,
) -> None:
    """Show one run (default: the latest).

    Example:

        track show a1b2 --json
    """
    from exptrack.store import Store, find_store

    run_view = Store(find_store(store)).resolve(ref)
    render.print_json(render.run_summary(run_view))
    del json_out


def main() -> None:
    """Entry point: run the app; map every error to one line and an exit code."""
    try:
        app(standalone_mode=True)
    except ExptrackError as exc:
        render.error(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        render.error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:
        render.error(f"internal error: {type(exc).__name__}: {exc} "
                     "(please report it with the command you ran)")
        sys.exit(EXIT_BUG)
