"""Terminal replay: output that carries ``\\r``, ``\\b`` or ANSI codes, read the way a
terminal draws it, render by render (``terminal``), and progress bars: a render replaces
the line it is drawn over; a bar re-rendered with values it already showed repeats them; a
running-mean bar (Keras) counts its last render only, and so does the running ``loss`` of
a Lightning 1.x bar, once an epoch; a line drawn over a bar that is no
bar is a line of its own. A mixin of ``MetricParser``, which keeps the state.
"""

from __future__ import annotations

import re

from exptrack.metrics import barrenders, reprints, ultralytics
from exptrack.metrics.observation import Observation
from exptrack.metrics.terminal import clean

# the progress package's Bar, drawn at each ``next()``: "Processing |####    | (3/8) Data:"
_BATCH_BAR = re.compile(r"\| \(\d{1,9}/\d{1,9}\) [A-Z]")
# a Python warning's line ("/site-packages/torch/amp/autocast_mode.py:54: UserWarning: ..."),
# its file's path where it starts (printed into a bar's render: "| 1/3 [00:02/x/engine.py:")
_WARNING = re.compile(r"\.py:\d{1,7}: [A-Z]\w{0,40}Warning: ")
_WARNING_AT = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s:]{0,300}\.py:\d{1,7}: [A-Z]\w{0,40}Warning: ")

MAX_LINE_BYTES = 64 * 1024  # longer lines are not parsed (still recorded in output.log)


class BarReplay:
    """Renders and progress bars (see the module docstring)."""

    # the bar's line as drawn so far, a running-mean bar's latest render, and the values
    # the bar already showed
    _bar_text: str | None
    _mean_bar: str | None
    _bar_seen: dict[str, float]
    _in_render: bool
    _yolo: ultralytics.Recognizer | None
    _reprints: reprints.Reprints
    _running_loss: Observation | None
    _warned: bool  # a Python warning was the last line over a running-mean bar

    def _parse_lines(self, lines: list[str], out: list[Observation]) -> None:
        raise NotImplementedError

    def _feed_terminal(self, data: bytes, out: list[Observation]) -> None:
        """Replay renders the way a terminal draws them; see ``terminal``."""
        parts = data.split(b"\n")
        last = len(parts) - 1  # parts[last] is what follows the final "\n" (maybe b"")
        for position, physical in enumerate(parts):
            renders = physical.split(b"\r")
            is_bar = len(renders) > 1 or self._bar_text is not None
            if not physical and position < last and self._bar_text is None:
                self._parse_lines([""], out)  # a blank line ends a block, as on the byte path
            for raw in renders:
                if not raw or len(raw) > MAX_LINE_BYTES:
                    continue
                text = clean(raw)
                found = self._yolo.take(text) if self._yolo is not None else None
                if found is not None:  # Ultralytics' own line
                    seen = [Observation(n, v, None, e) for n, v, e in found]
                    self._reprints.note(seen)  # (what W&B's run summary may repeat)
                    out.extend(seen)
                    continue
                if is_bar and not barrenders.is_bar_render(text):
                    if text == self._bar_text:  # the same text drawn again over itself
                        continue  # (a bar's description redrawn, the bar cut off at the
                        # terminal's width: TorchRL's tutorial loop under a terminal)
                    self._bar_text = text  # a line printed over the bar: a line of its own
                    if self._mean_bar is None or not self._warned_over(text):
                        self._flush_mean_bar(out)
                    self._parse_lines([text], out)
                elif is_bar and (tail := barrenders.bar_tail(text)) > 0:
                    # a line printed right after the bar, glued to it: the bar's render, then
                    # a line of its own
                    self._bar_text = text[:tail]
                    if barrenders.is_mean_bar(text[:tail]) and _WARNING.search(text[tail:]):
                        self._mean_bar, self._warned = text[:tail], True  # (a warning: the
                        self._parse_lines([text[tail:]], out)  # bar goes on after it)
                        continue
                    self._flush_mean_bar(out)
                    self._parse_bar_render(text[:tail], out)
                    self._parse_lines([text[tail:]], out)
                elif is_bar:
                    # a render replaces the whole line: programs that redraw pad or erase
                    # what is left of the previous one, and a stale tail would corrupt numbers
                    self._bar_text, self._warned = text, False
                    if barrenders.is_mean_bar(text):
                        self._mean_bar = text  # only its last render counts, see is_mean_bar
                        if (warned := _WARNING_AT.search(text)) is not None:
                            self._mean_bar = text[:warned.start()]  # (the render before it)
                            self._warned = True
                        continue
                    self._flush_mean_bar(out)
                    self._parse_bar_render(text, out)
                else:
                    if self._mean_bar is None or not self._warned_over(text):
                        self._flush_mean_bar(out)
                    self._parse_lines([text], out)
            if position < last:
                self._warned = self._mean_bar is not None and self._warned
                if not self._warned:  # (a warning printed into the bar's render: the bar
                    self._flush_mean_bar(out)  # goes on after it, YOLOv6's under a pipe)
                self._bar_text = None

    def _warned_over(self, text: str) -> bool:
        """Is ``text`` a Python warning printed while a running-mean bar is still drawing,
        or the source line it quotes under it (PyTorch's CPU ``autocast`` warnings between
        YOLOv6's renders)? The bar goes on after it."""
        if self._mean_bar is None:
            return False
        self._warned = _WARNING.search(text) is not None or (
            self._warned and text.startswith("  ") and not text[2:3].isspace())
        return self._warned

    def _flush_mean_bar(self, out: list[Observation]) -> None:
        """The epoch's running-mean bar is done: its last render holds the epoch's values."""
        if self._mean_bar is not None:
            text, self._mean_bar = self._mean_bar, None
            self._bar_seen.clear()  # each epoch's mean is a value, even when it repeats
            self._parse_bar_render(text, out)

    def _parse_bar_render(self, text: str, out: list[Observation]) -> None:
        """A progress bar's render: only the values that changed since the bar last showed
        them (a bar re-rendered after a validation bar, or a new epoch's bar showing the
        last validation values, repeats them)."""
        found: list[Observation] = []
        running = "v_num=" in text  # a Lightning bar: its "loss" is a running mean
        self._in_render = True  # the line path leaves the filtering to this render
        try:
            self._parse_lines([text], found)
        finally:
            self._in_render = False
        if running:
            found = self._hold_running_loss(found, out)
        if _BATCH_BAR.search(text[:400]):  # each render of the progress package's Bar is
            self._bar_seen.clear()  # a batch's own values (its suffix is set each batch)
        self._changed_on_bar(found, out)

    def _hold_running_loss(self, found: list[Observation],
                           out: list[Observation]) -> list[Observation]:
        """Lightning 1.x shows ``loss=`` on its bar: the mean of the last 20 steps, drawn
        at every step. Only the epoch's last render is the epoch's value (its redraws are
        one quantity, not a series of steps); it is held until the epoch changes."""
        rest: list[Observation] = []
        for obs in found:
            if obs.name != "loss":
                rest.append(obs)
                continue
            held = self._running_loss
            if held is not None and held.epoch != obs.epoch:
                out.append(held)
            self._running_loss = obs
        return rest

    def _flush_running_loss(self, out: list[Observation]) -> None:
        if self._running_loss is not None:
            out.append(self._running_loss)
            self._running_loss = None

    def _changed_on_bar(self, found: list[Observation], out: list[Observation]) -> None:
        """The values of a bar's render that changed since the bar last showed them."""
        seen = self._bar_seen
        if len(seen) > 10_000:
            seen.clear()
        for obs in found:
            previous = seen.get(obs.name)
            if previous is None or not (previous == obs.value
                                        or (previous != previous and obs.value != obs.value)):
                out.append(obs)
                seen[obs.name] = obs.value
