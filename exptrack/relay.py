"""What a command leaves running in the background keeps its output after `track` ends.

The command's output goes through `track` (a pipe or a pseudo-terminal), so a background
process it started (a server, a watcher, a ``nohup`` job) writes to something `track`
holds. Without `track` it would write to the terminal or pipe directly and go on after
the command ended; were `track` to close its end when it exits, the process would be
killed (SIGPIPE) or hung up. So when the command has ended and something still holds its
output open, `track` hands its ends to this relay: a small process of its own (its own
session: no terminal signal or job control reaches it) that copies to `track`'s stdout and
stderr until every writer is gone. It records nothing: the run ended with the command.
When the relay's own reader goes away, it closes that source, so the writer learns it on
its next write, as it would have without `track`.

    python -m exptrack.relay SOURCE_FD:TARGET_FD ...
"""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import sys
from collections.abc import Mapping, Sequence

READ_SIZE = 64 * 1024


def hand_off(sources: Mapping[int, int]) -> bool:
    """Start the relay for ``sources`` (our fd -> our fd 1 or 2). False when it could not
    be started; the caller then closes the sources as before."""
    if not sources:
        return True
    try:
        subprocess.Popen(
            [sys.executable, "-m", "exptrack.relay",
             *(f"{source}:{target}" for source, target in sources.items())],
            pass_fds=list(sources), stdin=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return False
    return True


def write_all(fd: int, data: bytes) -> bool:
    """Write everything to ``fd``; False when the reader is gone (EPIPE) or fd is bad."""
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            select.select([], [fd], [], 1.0)
            continue
        except OSError:  # EPIPE, EBADF ... (EINTR is retried by Python, PEP 475)
            return False
        view = view[written:]
    return True


def relay(streams: dict[int, int]) -> None:
    """Copy each source to its target until every source ends."""
    while streams:
        try:
            ready, _, _ = select.select(list(streams), [], [])
        except InterruptedError:  # pragma: no cover - PEP 475 retries
            continue
        for fd in ready:
            try:
                data = os.read(fd, READ_SIZE)
            except OSError:  # EIO: the terminal's last writer closed it
                data = b""
            if not data or not write_all(streams[fd], data):
                del streams[fd]
                with contextlib.suppress(OSError):
                    os.close(fd)


def main(argv: Sequence[str]) -> int:
    streams: dict[int, int] = {}
    for pair in argv:
        source, _, target = pair.partition(":")
        if source.isdigit() and target.isdigit():
            streams[int(source)] = int(target)
    relay(streams)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
