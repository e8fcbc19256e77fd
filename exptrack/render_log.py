"""`track show --log`: a run's output as the terminal showed it.

``output.log`` keeps the exact bytes, progress bars included: each redraw is a ``\\r`` (or
``ESC [ K``, or a cursor move up for nested bars) followed by the new render. Printed as
is, a pager shows a wall of ``^M``. ``replay`` draws the bytes on a small model of a
terminal instead: carriage returns, backspaces, tabs, erase in line (``ESC [ K``), erase
below (``ESC [ J``) and cursor moves (up, down, to a column) are applied; every other
escape sequence (colours, titles, the clipboard) and control character is dropped, so
nothing the command wrote reaches the terminal raw. Lines are given back once they are
more than ``WINDOW`` lines above the cursor (nothing redraws that far up), so a large log
is replayed in bounded memory.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

WINDOW = 64  # lines above the cursor that a redraw may still reach
TAB = 8
SEQUENCE_MAX = 4096  # an escape sequence longer than this is not waited for across chunks
_MAX_MOVE = 10_000  # a cursor move of more columns is not a redraw: clamped
# One token at a time: a CSI sequence (its parameters, final byte), an OSC string (to BEL
# or ST), another escape, a control character, or a run of text. Linear: each alternative
# starts with a distinct character and its repeats cannot match what ends it.
_TOKEN = re.compile(
    r"\x1b\[([0-?]*)[ -/]*([@-~])"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|([\x00-\x1f\x7f-\x9f])"
    r"|[^\x00-\x1f\x7f-\x9f]+")


class _Screen:
    """The lines near the cursor, and the cursor."""

    def __init__(self) -> None:
        self.lines: list[list[str]] = [[]]
        self.row = 0
        self.col = 0

    def write(self, text: str) -> None:
        line = self.lines[self.row]
        if self.col > len(line):
            line.extend(" " * (self.col - len(line)))
        end = self.col + len(text)
        line[self.col:end] = text
        self.col = end

    def control(self, char: str) -> None:
        if char == "\n":
            self.down(1)
            self.col = 0
        elif char == "\r":
            self.col = 0
        elif char == "\b":
            self.col = max(0, self.col - 1)
        elif char == "\t":
            self.col = (self.col // TAB + 1) * TAB

    def down(self, count: int) -> None:
        self.row += count
        while self.row >= len(self.lines):
            self.lines.append([])

    def csi(self, params: str, final: str) -> None:
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")]
        first = min(numbers[0], _MAX_MOVE) if numbers else 0
        line = self.lines[self.row]
        if final == "K":  # erase in line: to the end, to the start, all
            if first == 0:
                del line[self.col:]
            elif first == 1:
                line[:min(self.col + 1, len(line))] = " " * min(self.col + 1, len(line))
            elif first == 2:
                line.clear()
        elif final == "J" and first == 0:  # erase below
            del line[self.col:]
            del self.lines[self.row + 1:]
        elif final == "A":
            self.row = max(0, self.row - max(first, 1))
        elif final in "BE":
            self.down(max(first, 1))
            if final == "E":
                self.col = 0
        elif final == "F":
            self.row = max(0, self.row - max(first, 1))
            self.col = 0
        elif final == "C":
            self.col += max(first, 1)
        elif final == "D":
            self.col = max(0, self.col - max(first, 1))
        elif final == "G":
            self.col = max(first, 1) - 1

    def scrolled_off(self, keep: int) -> list[str]:
        """The lines more than ``keep`` above the cursor, no longer redrawn: given back."""
        cut = self.row - keep
        if cut <= 0:
            return []
        done = self.lines[:cut]
        del self.lines[:cut]
        self.row -= cut
        return ["".join(line).rstrip() for line in done]

    def rest(self) -> list[str]:
        lines = ["".join(line).rstrip() for line in self.lines]
        if lines and not lines[-1] and self.col == 0:
            lines.pop()  # the cursor on a fresh line after the final newline
        return lines


def replay(chunks: Iterable[bytes]) -> Iterator[str]:
    """The lines of output ``chunks`` as a terminal would show them (UTF-8; undecodable
    bytes as U+FFFD)."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    screen = _Screen()
    pending = ""  # a sequence cut by the end of a chunk waits for the next
    for chunk in chunks:
        text = pending + decoder.decode(chunk)
        pending = _apply(screen, text, final=False)
        yield from screen.scrolled_off(WINDOW)
    _apply(screen, pending + decoder.decode(b"", final=True), final=True)
    yield from screen.rest()


def _apply(screen: _Screen, text: str, final: bool) -> str:
    """Draw ``text``. Unless ``final``, what follows its last escape character (a
    sequence the end of the chunk may have cut) is not drawn yet but returned."""
    tail = ""
    if not final:
        cut = text.rfind("\x1b", max(0, len(text) - SEQUENCE_MAX))
        if cut >= 0:
            text, tail = text[:cut], text[cut:]
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0] == "\x1b":
            if match.group(2):
                screen.csi(match.group(1), match.group(2))
        elif match.group(3) is not None:
            screen.control(token)
        else:
            screen.write(token)
    return tail


READ_SIZE = 1024 * 1024


def _chunks(path: Path) -> Iterator[bytes]:
    from exptrack.errors import ExptrackError

    try:
        with path.open("rb") as handle:
            while chunk := handle.read(READ_SIZE):
                yield chunk
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExptrackError(f"cannot read {path}: {exc.strerror}") from exc


def print_log(path: Path, raw: bool) -> None:
    """A run's output: replayed (``replay``), or with ``raw`` its exact bytes (on a
    terminal with control characters shown as ``\\xNN``); through the pager on a
    terminal."""
    from exptrack.render import page, visible

    tty = sys.stdout.isatty()
    if raw and not tty:
        out = sys.stdout.buffer
        wrote = False
        for chunk in _chunks(path):
            out.write(chunk)
            wrote = True
        out.flush()
        if not wrote:
            page(b"", "no output")
        return
    if raw:
        page(visible(b"".join(_chunks(path)).decode("utf-8", "replace")).encode(), "no output")
        return
    lines = replay(_chunks(path))
    if tty:
        page("".join(line + "\n" for line in lines).encode(), "no output")
        return
    wrote = False
    for line in lines:
        sys.stdout.write(line + "\n")
        wrote = True
    sys.stdout.flush()
    if not wrote:
        page(b"", "no output")
