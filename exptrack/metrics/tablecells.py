"""A table cell's primitives, shared by the table readers (``tables``, ``searchtables``,
``kvtables``): what reads as a row's number, its value, a column of times."""

from __future__ import annotations

import re

from exptrack.metrics import forms

# pandas' wrap marker after a wide frame's header slice ("    clen  clip  ctpb  loss  lr  \\",
# ParlAI's reports): the columns go on in the next slice, its header over its own values.
# Tokens hold no space and no backslash, two spaces or more apart: linear
_WRAPPED_HEADER = re.compile(r"^\s{0,40}[^\s\d\\][^\s\\]{0,60}(?: {2,}[^\s\\]{1,60}){0,200} {2}\\$")
ROW_NUMBER = re.compile(rf"^{forms.DECIMAL}%?$|^[+-]?(?:nan|inf)$", re.IGNORECASE)
# a column of times ("Time", "epoch_time"), not of time left ("remaining time")
TIME_NAME = re.compile(r"(?i)^(?!.{0,40}(?:remain|estimat|left))(?:.{0,40}[_\-./ ])?time$")

# a row's metric values, its step, its epoch, and its data set (``tables``: a first column
# naming the data set a row was measured on, else "")
Row = tuple[list[tuple[str, float]], int | float | None, int | float | None, str]


def number(text: str) -> int | float:
    """A cell's number: an int when it is whole (a step, an epoch)."""
    value = float(text)
    return int(value) if value.is_integer() else value


def unwrapped(text: str) -> str:
    """A header slice of a wide pandas frame without its wrap marker (``_WRAPPED_HEADER``):
    a table of its own over the next line's values; any other line as it is (a shell
    command continued: "python train.py --lr 0.1 \\")."""
    return text[:-1].rstrip() if _WRAPPED_HEADER.match(text) else text


# a phase's label alone after a log record's level column, over the table below it
# (ParlAI's "2026-12-07 17:52:28,159 REPORT   | valid:" over its report's wrapped frame,
# "17:52:41 | valid:" under a terminal); not a line's own words before a bar ("Epoch 3 |
# test:" over its key-value lines, whose heading names their phase)
_PHASE_LABEL = re.compile(r"(?:\b[A-Z]{4,8}\s{1,8}|^\d\d:\d\d:\d\d\s)\|\s{1,8}"
                          r"(valid|validation|val|test|eval|dev)\s?:$")


def phase_label(text: str) -> str | None:
    """The phase a label line gives the table under it (``_PHASE_LABEL``), else None."""
    found = _PHASE_LABEL.search(text, max(0, len(text) - 40))
    return found.group(1).lower() if found is not None else None
