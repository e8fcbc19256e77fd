"""Raw output bytes -> the text lines a terminal would show, render by render.

ANSI escape sequences are dropped and backspaces replayed the way a terminal draws them;
the parser splits carriage-return renders of a progress bar itself, so it can keep each
render's distinct values.
"""

from __future__ import annotations

import re

ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_CONTROL = re.compile(rb"[\x00-\x07\x0b\x0c\x0e-\x1f\x7f]")


def apply_backspaces(text: str) -> str:
    """Replay ``\\b`` (cursor one column left, next characters overwrite)."""
    if "\b" not in text:
        return text
    screen: list[str] = []
    cursor = 0
    for char in text:
        if char == "\b":
            cursor = max(0, cursor - 1)
        elif cursor < len(screen):
            screen[cursor] = char
            cursor += 1
        else:
            screen.append(char)
            cursor += 1
    return "".join(screen)


def clean(raw: bytes) -> str:
    """Bytes of one render -> its text, without escape sequences, backspaces replayed."""
    if b"\x1b" in raw:
        raw = ANSI.sub(b"", raw)
    if b"\b" in raw:
        return apply_backspaces(_CONTROL.sub(b"", raw).decode("utf-8", "replace"))
    return raw.decode("utf-8", "replace")
