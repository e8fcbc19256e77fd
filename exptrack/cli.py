"""The `track` command line: each command parses its options, calls the core, renders.

``main`` is the one place that maps exceptions to a message and an exit code.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable
from typing import Annotated, NoReturn, ParamSpec, TypeVar

import typer

from exptrack import __version__
from exptrack.errors import EXIT_BUG, EXIT_INTERRUPTED, ExptrackError, UsageError

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


from exptrack.commands import diff, inspect, parse, run  # noqa: E402 - registered below
from exptrack.commands.options import without_gc  # noqa: E402

app.command(context_settings=run.RUN_CONTEXT)(run.run)
app.command("ls")(_pipe_safe(without_gc(inspect.ls)))
app.command("show")(_pipe_safe(without_gc(inspect.show)))
app.command("diff")(_pipe_safe(without_gc(diff.diff)))
app.command()(_pipe_safe(parse.parse))
app.command()(_pipe_safe(parse.reparse))


def main() -> None:
    """Entry point: run the app; map every error to one line and an exit code."""
    try:
        _run()
        try:
            sys.stdout.flush()  # what is still buffered: here, not at exit, where a closed
        except BrokenPipeError:  # pipe would cost a traceback and status 120
            _reader_gone()
    finally:
        # The process ends here: the interpreter's last garbage collection would walk every
        # object of a 10,000-run listing (70 ms for `track diff`) only to see them freed.
        # Frozen objects are still freed (and finalized) at exit, without that walk.
        gc.freeze()


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


COMPLETION_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
COMPLETION_OPTIONS = ("--install-completion", "--show-completion")


def _completion_for(args: list[str]) -> bool:
    """`track --install-completion zsh` (or ``=zsh``, or ``--show-completion``): typer's
    options take no value where it can detect the shell, and would install for the shell
    `track` runs under, ignoring the one named. The shell named wins. False when ``args``
    are not that."""
    if len(args) == 2 and args[0] in COMPLETION_OPTIONS:
        option, shell = args
    elif len(args) == 1 and args[0].partition("=")[0] in COMPLETION_OPTIONS:
        option, _, shell = args[0].partition("=")
    else:
        return False
    if shell not in COMPLETION_SHELLS:
        raise UsageError(f"{option}: no completion for {shell!r}; "
                         f"choose one of {', '.join(COMPLETION_SHELLS)}")
    from typer._completion_shared import get_completion_script, install

    if option == "--install-completion":
        shell, path = install(shell=shell, prog_name="track")
        print(f"{shell} completion installed in {path}")
        print("Completion will take effect once you restart the terminal")
    else:
        print(get_completion_script(prog_name="track", complete_var="_TRACK_COMPLETE",
                                    shell=shell))
    return True


def _run() -> None:
    from exptrack.commands.coercion import fast_command

    try:
        if _completion_for(sys.argv[1:]):
            return
        fast_command(app)(standalone_mode=True)
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
