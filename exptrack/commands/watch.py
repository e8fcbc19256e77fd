"""`track watch`: a live, full-screen view of running runs; `track show --follow`: one
run's output as it is written. Both only read the run folders."""

from __future__ import annotations

import contextlib
import os
import select
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from exptrack.commands.options import StoreOption, complete_run

if TYPE_CHECKING:
    from rich.console import Console

    from exptrack.render_watch import Watched
    from exptrack.store import RunView

POLL_S = 0.5  # how often the files are looked at (a stat each when nothing changed)
RELIST_S = 3.0  # how often the store is listed again for runs that started
STATUS_S = 1.0  # how often a watched run's run.yaml is read again
FOLLOW_LINES = 20


def watch(
    refs: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar="RUN...", show_default=False, autocompletion=complete_run,
        help="Runs to watch (id prefix, name, @, @N). Default: every running run, and "
             "those that start while watching.")] = None,
    interval: Annotated[float, typer.Option(
        "--interval", metavar="S", min=0.1, help="Seconds between refreshes.")] = 1.0,
    store: StoreOption = None,
) -> None:
    """Watch running runs live, full screen: status, progress and ETA, latest and best
    values of the headline metrics, a curve of the main one, CPU/GPU/memory now. Never
    writes to the runs. q or Ctrl-C quits. Not on a terminal: prints the view once.

    Example:

        track watch             # every running run

        track watch a1b2 @1
    """
    from exptrack import render_watch
    from exptrack.commands.selection import running_runs, select_runs

    directions = _directions()
    fixed = select_runs(store, refs, [], None, 0) if refs else None
    watched: dict[str, Watched] = {}

    def refresh_list() -> None:
        for run in fixed if fixed is not None else running_runs(store):
            if run.id not in watched:
                watched[run.id] = _watched(run, directions)

    refresh_list()
    for item in watched.values():
        item.follower.poll()
    if not sys.stdout.isatty():
        _console().print(render_watch.screen(list(watched.values()), _footer(watched)))
        return
    from rich.live import Live

    console = _console()
    last_list = last_status = time.monotonic()
    with _keys() as keys, Live(console=console, screen=True, auto_refresh=False,
                               transient=True) as live:
        while True:
            live.update(render_watch.screen(list(watched.values()), _footer(watched)),
                        refresh=True)
            if keys(interval):
                return
            now = time.monotonic()
            if fixed is None and now - last_list >= RELIST_S:
                refresh_list()
                last_list = now
            if now - last_status >= STATUS_S:
                for item in watched.values():
                    if item.view.record.status == "running":
                        item.view = _reload(item.view)
                last_status = now
            for item in watched.values():
                item.follower.poll()


def _watched(run: RunView, directions: dict[str, str | None]) -> Watched:
    from exptrack.live import RunFollower
    from exptrack.render_watch import Watched

    return Watched(run, RunFollower(run.path, dict(directions)))


def _reload(run: RunView) -> RunView:
    from exptrack.store import load_run

    return load_run(run.path)


def _directions() -> dict[str, str | None]:
    from exptrack.commands.options import project_directions

    return dict(project_directions())


def _footer(watched: dict[str, Watched]) -> str:
    running = sum(item.view.record.status == "running" for item in watched.values())
    return (f"{running} running · {len(watched)} shown · updated "
            f"{time.strftime('%H:%M:%S')} · q quits")


def _console() -> Console:
    from exptrack.render_visible import visible_console

    return visible_console()(highlight=False)


@contextlib.contextmanager
def _keys() -> Iterator[Callable[[float], bool]]:
    """A function that waits up to its argument (seconds) for a key and says whether it
    was ``q``; the terminal in cbreak mode meanwhile (Ctrl-C still interrupts), restored
    afterwards. Ctrl-C ends the wait as ``q`` does."""
    import termios
    import tty

    fd = sys.stdin.fileno() if sys.stdin.isatty() else None
    saved = termios.tcgetattr(fd) if fd is not None else None
    if fd is not None:
        tty.setcbreak(fd)

    def wait(timeout: float) -> bool:
        try:
            if fd is None:
                time.sleep(timeout)
                return False
            ready, _, _ = select.select([fd], [], [], timeout)
            return bool(ready) and os.read(fd, 64).lower().startswith(b"q")
        except KeyboardInterrupt:
            return True

    try:
        yield wait
    except KeyboardInterrupt:
        pass
    finally:
        if fd is not None and saved is not None:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def follow(run: RunView) -> None:
    """Print the run's last output lines, then its output as it is written (colours kept,
    other escapes shown), until it ends; then a line with its outcome. Ctrl-C stops."""
    from exptrack.live import FileTail, RunFollower, terminal_safe, utf8_decoder
    from exptrack.render_watch import follow_summary

    log = run.path / "output.log"
    output = FileTail(log, _tail_start(log))
    follower = RunFollower(run.path, _directions())
    decoder = utf8_decoder()
    last_status = time.monotonic()
    try:
        while True:
            data = output.read()
            if data:
                sys.stdout.write(terminal_safe(decoder.decode(data)))
                sys.stdout.flush()
            follower.poll()
            if run.record.status != "running" and not data:
                break
            if not data:
                time.sleep(POLL_S)
            if time.monotonic() - last_status >= STATUS_S:
                run = _reload(run)
                last_status = time.monotonic()
    except KeyboardInterrupt:
        sys.stdout.write("\n")
        return
    from exptrack import render

    render.console().print(follow_summary(run, follower), style="dim")


def _tail_start(path: Path) -> int:
    """The offset of the last FOLLOW_LINES lines of ``path``."""
    from exptrack.live import read_tail

    tail = read_tail(path)
    try:
        start = path.stat().st_size - len(tail)
    except OSError:
        return 0
    cut = len(tail)
    for _ in range(FOLLOW_LINES + 1):  # (+1: the newline ending the last line)
        found = tail.rfind(b"\n", 0, cut)
        if found < 0:
            return max(start, 0)
        cut = found
    return start + cut + 1
