"""Comet's offline archive -> observations: ``.cometml-runs/<experiment key>.zip``, what
``comet_ml.start(online=False)`` (or an ``OfflineExperiment``) writes when the experiment
ends, for ``comet upload`` to send later. Its ``messages.json`` holds one JSON message a
line in the order they were logged; a ``metric_msg`` is one ``log_metric`` call
(``{"metric": {"metricName": "loss", "metricValue": 0.69, "step": 0, "epoch": null}}``),
exactly as logged. Comet's own ``process duration`` and its system metrics (``sys.*``) are
no metrics of the run's training. Comet's summary prints only the count, min and max of a
metric logged more than once, so the archive is where its series are.

The archive is found in Comet's default offline folder in the working folder only (a folder
set with ``COMET_OFFLINE_DIRECTORY`` elsewhere is not searched); a zip being written, a
damaged one or one of anything else gives nothing.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

from exptrack.metrics.jsonfiles import MAX_ROWS, axis, document, number
from exptrack.metrics.observation import Observation

FOLDER = ".cometml-runs"
HEADER = b"PK\x03\x04"  # a zip's first local file header
MESSAGES = "messages.json"
MAX_MESSAGES_BYTES = 256 * 1024 * 1024  # inflated: a larger one is not read (a zip bomb)
MAX_LINE_BYTES = 1024 * 1024  # a longer message (an uploaded text, a figure) is skipped
_MARK = b'"metric_msg"'
_COMETS_OWN = ("process duration",)


def is_archive(name: str, head: bytes, folder: str) -> bool:
    """Is the file ``name`` in ``folder``, its first bytes ``head``, a Comet offline
    archive?"""
    return folder == FOLDER and name.endswith(".zip") and head.startswith(HEADER)


def read_archive(data: bytes) -> list[Observation]:
    """Every metric value the archive's messages hold, in the order they were logged."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(MESSAGES)
            if info.file_size > MAX_MESSAGES_BYTES:
                return []
            with archive.open(info) as handle:
                return _metrics(handle)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, RuntimeError):
        return []  # (RuntimeError: an encrypted entry; zlib's error is an OSError's kin)


def _metrics(handle: IO[bytes]) -> list[Observation]:
    found: list[Observation] = []
    while len(found) < MAX_ROWS:
        line = handle.readline(MAX_LINE_BYTES + 1)
        if not line:
            break
        if len(line) > MAX_LINE_BYTES:
            while line and not line.endswith(b"\n"):  # the rest of an overlong line
                line = handle.readline(MAX_LINE_BYTES)
            continue
        if _MARK not in line:
            continue
        observation = _observation(line)
        if observation is not None:
            found.append(observation)
    return found


def _observation(line: bytes) -> Observation | None:
    message = document(line)  # (a line nested past the parser's depth: that line alone)
    metric = (message.get("payload") or {}).get("metric") if isinstance(message, dict) \
        and message.get("type") == "metric_msg" else None
    if not isinstance(metric, dict):
        return None
    name, value = metric.get("metricName"), number(metric.get("metricValue"))
    if not isinstance(name, str) or not name or value is None or name in _COMETS_OWN \
            or name.startswith("sys."):
        return None
    step, epoch = number(metric.get("step")), number(metric.get("epoch"))
    return Observation(name, value, axis(step), axis(epoch))
