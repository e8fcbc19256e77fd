"""The `track` command line: each command parses its options, calls the core, renders.

``main`` is the one place that maps exceptions to a message and an exit code.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from exptrack import __version__
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


from exptrack.commands import (  # noqa: E402 - registered below
    diff,
    inspect,
    manage,
    parse,
    plot,
    report,
    rerun,
    run,
    series,
    watch,
)

app.command(context_settings=run.RUN_CONTEXT)(run.run)
app.command("ls")(inspect.ls)
app.command("show")(inspect.show)
app.command("diff")(diff.diff)
app.command()(parse.parse)
app.command()(parse.reparse)
app.command("metrics")(series.metrics)
app.command("plot")(plot.plot)
app.command("report")(report.report)
app.command("watch")(watch.watch)
app.command("rm")(manage.rm)
app.command("restore")(manage.restore)
app.command("gc")(manage.gc)
app.command("tag", context_settings=manage.TAG_CONTEXT)(manage.tag)
app.command("note")(manage.note)
app.command("rename")(manage.rename)
app.command("rerun", context_settings=rerun.RERUN_CONTEXT)(rerun.rerun)
app.command("checkout")(rerun.checkout)


def main() -> None:
    """Entry point: run the app; map every error to one line and an exit code."""
    _run()


def _run() -> None:
    try:
        app()
    except ExptrackError as exc:
        from exptrack import render  # imported on demand: start-up stays fast

        render.error(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        from exptrack import render

        render.error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:
        from exptrack import render

        render.error(f"internal error: {type(exc).__name__}: {exc} "
                     "(please report it with the command you ran)")
        sys.exit(EXIT_BUG)
