"""Shared by the zoo cases that run R (``r_caret_train``, ``r_ranger_forest``,
``r_gbm_verbose``, ``r_randomforest_trace``; session 102's ``r_nnet_trace``,
``r_mlr_resample``, ``r_glmnet_cv``, ``r_e1071_tune``, ``r_kernlab_ksvm``,
``r_rpart_printcp``, ``r_earth_summary``): the case's R script written into its cwd, run
by ``Rscript``, and the record it wrote through jsonlite read back."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from typing import Any


def run_r(case: str, script: str, stem: str, record: str, packages: str,
          env: dict[str, str] | None = None) -> Any:
    """Write ``script`` to ``<stem>.R``, run it with ``Rscript`` (``env`` over the
    environment) and return the JSON it wrote to ``record``; without R, exit naming the apt
    ``packages`` to install."""
    rscript = shutil.which("Rscript")
    if rscript is None:
        sys.exit(f"{case}: Rscript not found (apt-get install -y {packages})")
    with open(f"{stem}.R", "w", encoding="utf-8") as handle:
        handle.write(script.lstrip())
    subprocess.run([rscript, f"{stem}.R"], check=True,
                   env={**os.environ, **env} if env else None)
    with open(record, encoding="utf-8") as handle:
        return json.load(handle)


def half_unit(value: float, digits: int) -> float:
    """Half a unit of ``value``'s ``digits``-th significant digit: the tolerance of a value R
    prints to ``digits`` significant digits (``format``, ``print``, ``cat`` of a double)."""
    if value == 0:
        return 0.5 * 10 ** -digits
    return 0.5 * 10 ** (math.floor(math.log10(abs(value))) - digits + 1)
