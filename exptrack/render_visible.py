"""Control characters of user data made visible, in the one console every view prints
through (``render.console``) and in ``render.warn``/``render.error``.

A note, a name, a param, a path or a metric name may hold escape sequences (``ESC ] 0;``
sets the window title, ``ESC [ 2J`` clears the screen, ``ESC ] 52;`` writes the
clipboard). Rich strips only BEL, BS, VT, FF and CR from text; everything else it sends
as is. Here each remaining control character (C0 but tab and newline, DEL, C1) is shown
as ``\\xNN``, in every Text and string the console renders (table cells included, and
string cells are also measured that way); rich's own styles are added afterwards, so
colours stay.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls. Linear: one character class.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape_control(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def visible(text: str) -> str:
    """``text`` safe for a terminal: each control character (ESC, BEL, CR, DEL, C1 ...)
    shown as ``\\xNN``; tabs and newlines kept."""
    return _CONTROL.sub(_escape_control, text) if _CONTROL.search(text) else text


def _visible_text(text: Text) -> Text:
    """A rich Text with its control characters made visible, its styles kept on the same
    characters."""
    plain = text.plain
    if not _CONTROL.search(plain):
        return text
    from rich.text import Span

    starts = []  # where each old character starts in the new text
    pieces = []
    position = 0
    for char in plain:
        starts.append(position)
        piece = visible(char)
        pieces.append(piece)
        position += len(piece)
    starts.append(position)
    shown = text.copy()
    shown.plain = "".join(pieces)
    shown.spans = [Span(starts[span.start], starts[min(span.end, len(plain))], span.style)
                   for span in text.spans]
    return shown


_console_class: type[Console] | None = None


def visible_console() -> type[Console]:
    """A rich Console that makes control characters visible in every Text and string it
    renders (tables render their cells through it too): the one place user data is made
    safe for the terminal. Made on first use (rich is imported lazily)."""
    global _console_class
    if _console_class is None:
        from rich.console import Console
        from rich.text import Text

        class VisibleConsole(Console):
            def __init__(self, **options: Any) -> None:
                # User data stays as written: a param value ":fire:" is not an emoji
                # (and rich's table of emoji codes, 3 ms of `track ls`, is not loaded).
                super().__init__(**{"emoji": False, **options})

            def render(self, renderable: Any, options: Any = None) -> Any:
                if isinstance(renderable, Text):
                    renderable = _visible_text(renderable)
                elif isinstance(renderable, str):
                    renderable = visible(renderable)
                return super().render(renderable, options)

            def render_str(self, text: str, **options: Any) -> Any:
                # (also what tables measure string cells with: widths stay right)
                return super().render_str(visible(text), **options)

            def on_broken_pipe(self) -> None:
                # rich exits with status 1 here; `track ls | head -1` is no error: the
                # entry point (cli.main) decides, as for any BrokenPipeError
                self.quiet = True
                raise BrokenPipeError(32, "the reader of stdout went away")

        _console_class = VisibleConsole
    return _console_class
