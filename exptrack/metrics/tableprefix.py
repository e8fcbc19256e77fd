"""What stands before a table's cells on a line, and around them: a log record's prefix or
a tag before a header or a row (``message``), a log record's prefix before a pipe table's
first ``|`` and the table's outer edges (``unprefixed``, ``edges``), a progress bar's render
a pasted row was glued to (``glued_row``). Used by ``tables`` and the table readers."""

from __future__ import annotations

import re

from exptrack.metrics import forms, logrecord

# a tag before a table's header and rows (xLearn's "[------------] Epoch  Train log_loss",
# "[    1%      ]     1   0.615"): no cell
_LEAD_TAG = re.compile(r"^\s*(?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d{1,6})?\s{1,4})?"
                       r"\[[^\[\]]{1,20}\]:?\s(?:-\s)?"  # (after a timestamp: JDE's "... [INFO]:";
                       # the fast adversarial training logger's "[2020/04/26 20:14:33] - ")
                       r"|^\s*## ")  # R knitr's output lines ("## Iter   TrainDeviance")
# a log record's prefix before a table's line: a timestamp, then (within 60 characters) a
# level ("2025-11-30 16:31:56,017 - __main__ - INFO - ", "2024-05-01 12:00:00.123 | INFO
# | train:main:42 - ", "[2024-05-01 12:00:00,123][train][INFO] - ", "2025-11-03 20:52:13,669
# [INFO] __main__: ")
_RECORD = re.compile(r"^" + forms.LOG_STAMP + r".{0,60}?\b(?:INFO|DEBUG|WARNING)\b"
                     r"\s*(?:\]:?|[|:\-])\s?(?:[\w.:<>]{1,80}\s-\s"
                     # "%(asctime)s [%(levelname)s] %(name)s: ": a module's name
                     r"|" + logrecord.MODULE + r":\s)?(?:-\s)?")
# a log record's prefix before a pipe table's line (WeSpeaker's "[ INFO : 2023-01-28
# 11:13:46,474 ] - |  1|  100|", "2023-01-28 11:13:46 - INFO - | 1 | 100 |")
_LOG_PREFIX = re.compile(r"^[^|]{0,80}?(?:\s-|\]|INFO:?|:)\s*(?=\|)")


def message(line: str) -> str:
    """A table's line without a log record's prefix or a tag before it (``_RECORD``,
    ``_LEAD_TAG``, Python logging's usual formats: ``logrecord.python_prefix``)."""
    found = _record_prefix(line) if line[:1] in "[0123456789IDWEC" else None
    if found is not None:
        line = line[found.end():]
    return _LEAD_TAG.sub("", _RECORD.sub("", line, count=1), count=1)


def _record_prefix(line: str) -> re.Match[str] | None:
    """A log record's prefix before a table's line: Python logging's usual formats, or one
    the line path plans in place (loguru's "... | INFO     | m:f:42 - "); each of the
    latter has a space in its first 40 characters, a CSV row none (asked of every row)."""
    return logrecord.python_prefix(line) or (
        logrecord.prefix(line) if " " in line[:40] else None)


# a bar's render a notebook's stream cut inside its bracket ("| 29/29 [00:05<"), then the row
_CUT_BAR = re.compile(r"\|\s?\d+/\d+ \[\d\d:\d\d(?::\d\d)?(?:<[\d:?]{0,8})?(?=\s\s)")


def glued_row(line: str) -> str | None:
    """The row a pasted log glued to a header's finished bar, padded by its spaces
    (``... 4/4 [00:03<00:00,  1.13it/s]                   all  223  241  0.00193``), or to
    a bar's render cut inside its bracket (``... 29/29 [00:05<             all  457 ...``)."""
    end = max(line.rfind("it/s]"), line.rfind("s/it]"))
    if end >= 0:
        rest = line[end + 5:]
    else:
        cut = _CUT_BAR.search(line)
        rest = line[cut.end():] if cut else ""
    return rest if rest.startswith("  ") and rest.strip() else None


def unprefixed(text: str) -> str:
    """A pipe table's line without a log record's prefix before its first ``|``."""
    if text.endswith("|") and not text.startswith("|"):
        prefix = _record_prefix(text) or _LOG_PREFIX.match(text)
        if prefix is not None and text[prefix.end():].lstrip()[:1] == "|":
            return text[prefix.end():].lstrip()
    return text


def edges(text: str) -> str:
    """A pipe table's line without its outer ``|`` (when it has them)."""
    start = 1 if text.startswith("|") else 0
    return text[start:len(text) - 1] if text.endswith("|") else text[start:]
