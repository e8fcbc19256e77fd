"""The `track` command line: each command parses its options, calls the core, renders.

``main`` is the one place that maps exceptions to a message and an exit code.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, NoReturn, ParamSpec, TypeVar

import typer

from exptrack import __version__
from exptrack.errors import EXIT_BUG, EXIT_INTERRUPTED, ExptrackError

P = ParamSpec("P")
R = TypeVar("R")

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


class ReaderGone(Exception):
    """stdout's reader went away (`track ls | head -1`): not an error, the output is done.
    (Raised in place of BrokenPipeError, which typer would turn into exit status 1.)"""


def _pipe_safe(command: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except BrokenPipeError as exc:
            raise ReaderGone() from exc

    return run


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
    share,
    watch,
)

app.command(context_settings=run.RUN_CONTEXT)(run.run)
app.command("ls")(_pipe_safe(inspect.ls))
app.command("show")(_pipe_safe(inspect.show))
app.command("diff")(_pipe_safe(diff.diff))
app.command()(_pipe_safe(parse.parse))
app.command()(_pipe_safe(parse.reparse))
app.command("metrics")(_pipe_safe(series.metrics))
app.command("plot")(_pipe_safe(plot.plot))
app.command("report")(_pipe_safe(report.report))
app.command("watch")(watch.watch)
app.command("rm")(manage.rm)
app.command("restore")(manage.restore)
app.command("gc")(manage.gc)
app.command("tag", context_settings=manage.TAG_CONTEXT)(manage.tag)
app.command("note")(manage.note)
app.command("rename")(manage.rename)
app.command("rerun", context_settings=rerun.RERUN_CONTEXT)(rerun.rerun)
app.command("checkout")(rerun.checkout)
app.command("push")(share.push)
app.command("export")(_pipe_safe(share.export))


def main() -> None:
    """Entry point: run the app; map every error to one line and an exit code."""
    try:
        _run()
    finally:
        try:
            sys.stdout.flush()  # what is still buffered: here, not at exit, where a closed
        except BrokenPipeError:  # pipe would cost a traceback and status 120
            _reader_gone()


def _reader_gone() -> NoReturn:
    """Exit 0, as `cat` does under `| head`; stdout now leads nowhere, so what is still
    buffered cannot fail again at exit."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
    sys.exit(0)


def _completion(args: list[str]) -> bool:
    """`track --install-completion zsh` / `--show-completion=fish`: the shell named wins
    (typer's options install for the shell `track` runs under). False for anything else."""
    from exptrack import completion

    found = completion.requested(args)
    if found is None:
        return False
    option, shell = found
    if option == "--install-completion":
        path = completion.install(shell)
        print(f"{shell} completion installed in {path}")
        print("Completion will take effect once you restart the terminal")
    else:
        print(completion.script(shell), end="")
    return True


def _run() -> None:
    try:
        if _completion(sys.argv[1:]):
            return
        app()
    except ExptrackError as exc:
        from exptrack import render  # imported on demand: start-up stays fast

        render.error(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        from exptrack import render

        render.error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except (BrokenPipeError, ReaderGone):
        _reader_gone()
    except SystemExit:
        raise
    except Exception as exc:
        from exptrack import render

        render.error(f"internal error: {type(exc).__name__}: {exc} "
                     "(please report it with the command you ran)")
        sys.exit(EXIT_BUG)
