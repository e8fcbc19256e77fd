"""The `track` command line: each command parses its options, calls the core, renders.

``main`` is the one place that maps exceptions to a message and an exit code.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable, Iterator, MutableMapping
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
import typer.main
from typer.core import TyperGroup

from exptrack import __version__
from exptrack.errors import EXIT_BUG, EXIT_INTERRUPTED, ExptrackError

P = ParamSpec("P")
R = TypeVar("R")

# Each command: (its module in exptrack.commands, whether a reader of stdout that goes
# away ends it quietly, the name of its module's context settings for it). The function
# is named as the command. Order: as `track --help` lists them.
COMMANDS: dict[str, tuple[str, bool, str | None]] = {
    "run": ("run", False, "RUN_CONTEXT"), "ls": ("inspect", True, None),
    "show": ("inspect", True, None), "diff": ("diff", True, None),
    "parse": ("parse", True, None), "reparse": ("parse", True, None),
    "metrics": ("series", True, None), "plot": ("plot", True, None),
    "report": ("report", True, None), "watch": ("watch", False, None),
    "rm": ("manage", False, None), "restore": ("manage", False, None),
    "gc": ("manage", False, None), "tag": ("manage", False, "TAG_CONTEXT"),
    "note": ("manage", False, None), "rename": ("manage", False, None),
    "rerun": ("rerun", False, "RERUN_CONTEXT"), "checkout": ("rerun", False, None),
    "push": ("share", False, None), "export": ("share", True, None),
}


class LazyCommands(MutableMapping[str, Any]):
    """The group's commands by name (click commands, as typer makes them), each made when
    it is first looked up: `track ls` imports and converts ls alone, not all twenty
    (typer's conversion of every command's options: 17 ms of a 175 ms `ls`). Click's
    "lazily loading subcommands" pattern, through typer's public ``get_command``."""

    def __init__(self, markup: Any) -> None:
        self._markup = markup
        self._made: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._made:
            if name not in COMMANDS:
                raise KeyError(name)
            self._made[name] = _make(name, self._markup)
        return self._made[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._made[name] = command

    def __delitem__(self, name: str) -> None:
        raise TypeError("track's commands are fixed")

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


def _make(name: str, markup: Any) -> Any:
    """The click command of ``name``: its function on a Typer of its own."""
    module_name, pipe_safe, context = COMMANDS[name]
    module = importlib.import_module(f"exptrack.commands.{module_name}")
    function = getattr(module, name)
    one = typer.Typer(add_completion=False, pretty_exceptions_enable=False,
                      pretty_exceptions_show_locals=False, rich_markup_mode=markup)
    one.command(name, context_settings=getattr(module, context) if context else None)(
        _pipe_safe(function) if pipe_safe else function)
    return typer.main.get_command(one)


class LazyGroup(TyperGroup):
    """`track`: a typer group whose commands are ``LazyCommands``."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(self.rich_markup_mode)


app = typer.Typer(
    name="track",
    cls=LazyGroup,
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
