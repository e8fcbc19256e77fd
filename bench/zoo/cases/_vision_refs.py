"""Shared by the zoo cases that run torchvision's reference scripts: where they are.

The scripts are in no pip package: ``git archive <UPSTREAM_COMMIT> references/<part>`` of
pytorch/vision, unpacked under ``$ZOO_REPOS/vision`` (see bench/zoo/README.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

UPSTREAM_COMMIT = "428a54c96e82226c0d2d8522e9cbfdca64283da0"


def references(part: str) -> Path:
    """``references/<part>`` of the unpacked checkout (exits when it is not there)."""
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    refs = repos.expanduser() / "vision" / "references" / part
    if not (refs / "train.py").is_file():
        sys.exit(f"no torchvision references at {refs} (git archive {UPSTREAM_COMMIT} "
                 f"references/{part} of pytorch/vision)")
    return refs
