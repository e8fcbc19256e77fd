"""Shared by the OpenAI Baselines cases (``baselines_ppo2``, ``baselines_a2c``; Python 3.7,
``venv-baselines``): the installed package checked against openai/baselines at
``REPO_COMMIT``, ``python -m baselines.run`` with the logger's ``stdout`` and ``csv``
formats into ``openai_log/``, and the truth from that ``progress.csv``."""

from __future__ import annotations

import csv
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from _truth import series, write_truth
from _verbatim import git_blob_id
from importlib_metadata import version  # Python 3.7 has no importlib.metadata

REPO_COMMIT = "ea25b9e8b234e6ee1bca43083f8f3cf974143998"
# the installed modules every run goes through, as git names them at REPO_COMMIT
COMMON_BLOBS = {
    "run.py": "33bb15fba8ee14ea1ad2cc1d6b40a0f46b9be8cd",
    "logger.py": "59cf8c7fdbfa03d41db426456e91df0a367e4d83",
    "common/cmd_util.py": "bd6ef9b2901e7587544b2adf077d7d93d6807b36",
    "bench/monitor.py": "7a9bd48d7aed749d429d0b9d700fc4327251533c",
}
LOGDIR = "openai_log"
PROGRESS = LOGDIR + "/progress.csv"


def check_install(blobs: dict[str, str]) -> None:
    """Exit unless the installed ``baselines`` package holds these files (and the common
    ones) as openai/baselines has them at ``REPO_COMMIT``."""
    spec = importlib.util.find_spec("baselines")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("needs openai/baselines installed into the venv "
                 "(bench/zoo/requirements-baselines.txt)")
    package = Path(next(iter(spec.submodule_search_locations)))
    for rel, blob in {**COMMON_BLOBS, **blobs}.items():
        path = package / rel
        if not path.is_file() or git_blob_id(path.read_text(encoding="utf-8")) != blob:
            sys.exit(f"{path} is not openai/baselines' at {REPO_COMMIT[:8]}")


def run(args: list[str]) -> list[dict[str, str]]:
    """``python -m baselines.run ARGS`` (this venv's python, output inherited) with
    ``OPENAI_LOG_FORMAT=stdout,csv`` and ``OPENAI_LOGDIR`` the cwd's ``openai_log``; the
    rows of the logger's ``progress.csv``, one a ``dumpkvs()``."""
    env = dict(os.environ, OPENAI_LOG_FORMAT="stdout,csv",
               OPENAI_LOGDIR=str(Path(LOGDIR).resolve()))
    subprocess.run([sys.executable, "-m", "baselines.run", *args], env=env, check=True)
    with open(PROGRESS, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_progress_truth(alg: str, rows: list[dict[str, str]], step: str,
                         counters: set[str]) -> None:
    """``truth.yaml`` from the rows: every column but ``counters`` a metric keyed by the
    ``step`` column (``key: step``), printed ``'%-8.3g'``: ``rel_tolerance`` 5e-3; a ``nan``
    the logger recorded (``safemean`` of no episode yet) stays in its series."""
    metrics: dict[str, Any] = {}
    for name in rows[0]:
        if name not in counters:
            metrics[name] = series([(row[step], row[name]) for row in rows], "step",
                                   rel_tolerance=5e-3)
    write_truth(
        f"OpenAI Baselines (baselines, {alg})", version("baselines"),
        f"{PROGRESS} (OPENAI_LOG_FORMAT=stdout,csv: the logger's CSVOutputFormat), one row a "
        f"logged update, keyed by {step}",
        metrics, files=[PROGRESS],
        notes=f"openai/baselines at {REPO_COMMIT}, installed from its source; tensorflow "
              f"{version('tensorflow')}, gym {version('gym')}, numpy {version('numpy')}, "
              f"Python {sys.version.split()[0]}. Counters, no metrics: "
              f"{', '.join(sorted(counters))}",
    )
