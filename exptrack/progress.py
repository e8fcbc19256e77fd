"""How far a running run is, and when it will end (pure), from the last lines of its
output: ``Epoch 3/10``, ``step 120/1000``, and a progress bar's own count (tqdm's
``45/100 [00:10<00:12``, Keras's ``45/100 ━━━``).

An epoch counter is the outer loop: a bar or step count printed after it is the progress
inside that epoch (``Epoch 3/10`` then ``45/100``: 2.45 of 10 epochs). Without an epoch
counter, the last step or bar count is the whole run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Linear: each pattern is a sequence of single character classes and bounded literals.
_EPOCH = re.compile(r"\bepoch\b[\s:\[]{0,3}(\d{1,9})\s{0,2}/\s{0,2}(\d{1,9})\b", re.I)
_EPOCH_ALONE = re.compile(r"\bepoch\b[\s:\[]{0,3}(\d{1,9})\b(?!\s{0,2}/)", re.I)
_STEP = re.compile(r"\b(?:step|iter|iteration|it|batch)\b[\s:\[]{0,3}(\d{1,12})\s{0,2}/"
                   r"\s{0,2}(\d{1,12})\b", re.I)
_BAR = re.compile(r"(?<![\d/.])(\d{1,12})/(\d{1,12})(?:\s{0,2}\[|\s{1,2}[━=\.>#\u2588|-])")

MIN_FRACTION = 0.01  # below this, an ETA would be a guess


@dataclass(frozen=True)
class Progress:
    """How far a run is: ``fraction`` of the whole (0..1; None when only a part is known:
    a bar inside ``Epoch 2`` of an unknown number), and what it was read from."""

    fraction: float | None
    label: str  # "epoch 3/10", "step 120/1000", "45/100"

    def eta_s(self, elapsed_s: float | None) -> float | None:
        """Seconds left at the pace so far; None when too early to tell."""
        if elapsed_s is None or elapsed_s <= 0 or self.fraction is None \
                or self.fraction < MIN_FRACTION:
            return None
        return max(0.0, elapsed_s * (1 - self.fraction) / self.fraction)


def _count(match: re.Match[str]) -> tuple[int, int] | None:
    done, total = int(match.group(1)), int(match.group(2))
    if total <= 0 or done > total:
        return None
    return done, total


def _last(pattern: re.Pattern[str], line: str) -> tuple[int, int] | None:
    found = None
    for match in pattern.finditer(line):
        found = _count(match) or found
    return found


def estimate(lines: Sequence[str]) -> Progress | None:
    """The progress the last ``lines`` of output show (as a terminal left them: escapes
    removed, a redrawn bar's last state); None when they show no counter."""
    inner: tuple[int, int] | None = None
    inner_label = ""
    for line in reversed(lines):
        epoch = _last(_EPOCH, line)
        if epoch is not None:
            done, total = epoch
            part = inner[0] / inner[1] if inner is not None else 0.0
            # "Epoch 3/10" starts (or reports) the third epoch: two are done before it.
            # An epoch line with a count of its own ("Epoch 3/10 45/100") counts that too.
            own = _last(_STEP, line) or _last(_BAR, line.split("/", 1)[1])
            if own is not None and inner is None:
                part = own[0] / own[1]
            fraction = (max(done - 1, 0) + part) / total
            return Progress(min(fraction, 1.0), f"epoch {done}/{total}")
        alone = _EPOCH_ALONE.search(line)
        if alone is not None:  # "Epoch 2: 45/100": a bar of an epoch, of how many unknown
            own = inner or _last(_STEP, line) or _last(_BAR, line)
            count = f" {own[0]}/{own[1]}" if own is not None else ""
            return Progress(None, f"epoch {alone.group(1)}{count}")
        if inner is None:
            step = _last(_STEP, line)
            bar = step or _last(_BAR, line)
            if bar is not None:
                inner = bar
                inner_label = f"step {bar[0]}/{bar[1]}" if step else f"{bar[0]}/{bar[1]}"
    if inner is None:
        return None
    return Progress(inner[0] / inner[1], inner_label)
