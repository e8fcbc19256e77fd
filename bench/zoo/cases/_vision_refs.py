"""Shared by the zoo cases that run torchvision's reference scripts: where they are, and
what their ``utils.MetricLogger`` printed.

The scripts are in no pip package: ``git archive <UPSTREAM_COMMIT> references/<part>`` of
pytorch/vision, unpacked under ``$ZOO_REPOS/vision`` (see bench/zoo/README.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

UPSTREAM_COMMIT = "428a54c96e82226c0d2d8522e9cbfdca64283da0"


def references(part: str) -> Path:
    """``references/<part>`` of the unpacked checkout (exits when it is not there)."""
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    refs = repos.expanduser() / "vision" / "references" / part
    if not (refs / "train.py").is_file():
        sys.exit(f"no torchvision references at {refs} (git archive {UPSTREAM_COMMIT} "
                 f"references/{part} of pytorch/vision)")
    return refs


# a printed line's header ("Epoch: [0]", "Test:") and its meters: name -> (median, global
# average, last value, count)
Line = tuple[str, dict[str, tuple[float, float, float, int]]]


def recorded_lines(utils: Any) -> list[Line]:
    """Hooks on the reference's ``utils.MetricLogger`` (its ``log_every`` keeps the header,
    its ``__str__``, which each printed line calls, the meters): the list they fill, in
    output order. Nothing printed changes."""
    lines: list[Line] = []
    original_str = utils.MetricLogger.__str__
    original_log_every = utils.MetricLogger.log_every

    def log_every(self: Any, iterable: Any, print_freq: int, header: str | None = None) -> Any:
        self.__dict__["zoo_header"] = header
        return original_log_every(self, iterable, print_freq, header)

    def logger_str(self: Any) -> str:
        lines.append((self.__dict__.get("zoo_header") or "",
                      {name: (meter.median, meter.global_avg, meter.value, meter.count)
                       for name, meter in self.meters.items()}))
        return str(original_str(self))

    utils.MetricLogger.log_every = log_every
    utils.MetricLogger.__str__ = logger_str
    return lines
