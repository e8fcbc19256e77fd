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


# The R cases' data, R code that leaves the frame in ``df`` (the string's first newline cut).
# Two classes split by a curved boundary (rpart, e1071, kernlab), ``@N@`` rows:
CURVED_TWO_CLASS = r"""
# Two classes split by a curved boundary: x1^2 + x2 > 1 (with noise); x3 is noise
set.seed(1)
n <- @N@
x1 <- rnorm(n)
x2 <- rnorm(n)
x3 <- rnorm(n)
y <- factor(ifelse(x1^2 + x2 + 0.5 * rnorm(n) > 1, "yes", "no"))
df <- data.frame(y, x1, x2, x3)"""[1:]
# An iris-like frame, three species of 50 (nnet, mlr):
IRIS_LIKE = r"""
# An iris-like frame: 50 flowers a species, each measurement drawn around iris' own
set.seed(1)
n <- 50
Species <- factor(rep(c("setosa", "versicolor", "virginica"), each = n))
mu <- rbind(c(5.0, 3.4, 1.5, 0.25), c(5.9, 2.8, 4.3, 1.3), c(6.6, 3.0, 5.6, 2.0))
sdv <- rbind(c(0.35, 0.38, 0.17, 0.10), c(0.52, 0.31, 0.47, 0.20), c(0.64, 0.32, 0.55, 0.27))
k <- as.integer(Species)
df <- data.frame(
  Sepal.Length = round(rnorm(3 * n, mu[k, 1], sdv[k, 1]), 1),
  Sepal.Width = round(rnorm(3 * n, mu[k, 2], sdv[k, 2]), 1),
  Petal.Length = round(rnorm(3 * n, mu[k, 3], sdv[k, 3]), 1),
  Petal.Width = round(rnorm(3 * n, mu[k, 4], sdv[k, 4]), 1),
  Species = Species)"""[1:]


def curved_two_class(n: int) -> str:
    return CURVED_TWO_CLASS.replace("@N@", str(n))
