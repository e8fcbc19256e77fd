"""A table cell's primitives, shared by the table readers (``tables``, ``searchtables``,
``kvtables``): what reads as a row's number, its value, a column of times."""

from __future__ import annotations

import re

from exptrack.metrics import forms

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
