"""Tables of a measure at cutoffs, one column a cutoff, as visual place recognition prints
them (gsv-cities, MixVPR, BoQ, SALAD: ``prettytable`` under a title)::

    |                   Performance on CrossSeason                   |
    +----------+--------+--------+--------+
    |    K     |   1    |   5    |   10   |
    +----------+--------+--------+--------+
    | Recall@K | 100.00 | 100.00 | 100.00 |

A header row of a ``K`` cell and integers, then rows whose label holds ``@K``: each value
is the label at its column's cutoff (``Recall@1``), under the data set the title names
(``CrossSeason_Recall@1``). Pure functions; the parser keeps the table's state.
"""

from __future__ import annotations

import re

from exptrack.metrics.forms import DECIMAL
from exptrack.metrics.longtables import pipe_cells

_TITLE = re.compile(r"^\|\s{0,80}(?:[A-Za-z]{2,20} ){1,3}(?:on|for) (?P<set>[A-Za-z][\w\-.]{0,40})"
                    r"\s{0,80}\|$")
_NUMBER = re.compile(rf"^{DECIMAL}%?$")
# a header's first cell, the cutoff's key: "| K |", "| @K |", "| Top-K |" (checked before
# the line is split into cells: most "|" lines of a log are other tables')
_KEY_CELL = re.compile(r"(?i)^\s*\|\s*(?:@?k|top[- ]?k)\s*\|")


def _cells(line: str) -> list[str] | None:
    found = pipe_cells(line)
    return [cell.strip() for cell in found] if found is not None else None


def title(line: str) -> str | None:
    """The data set a table's title row names ("| Performance on Essex |"), else None."""
    found = _TITLE.match(line.strip())
    return found.group("set") if found else None


def header(line: str) -> list[str] | None:
    """The cutoffs of a ``| K | 1 | 5 | 10 |`` header row, else None."""
    cells = _cells(line) if _KEY_CELL.match(line) else None
    if cells is None or len(cells) < 3 or not all(cell.isdigit() for cell in cells[1:]):
        return None
    return cells[1:]


def row(line: str, cutoffs: list[str]) -> list[tuple[str, float]] | None:
    """A ``| Recall@K | 74.29 | 93.33 |`` row's values at the header's cutoffs, else None."""
    cells = _cells(line)
    if cells is None or len(cells) != len(cutoffs) + 1 or "@K" not in cells[0].replace("@k", "@K") \
            or not all(_NUMBER.match(cell) for cell in cells[1:]):
        return None
    label = cells[0].replace("@k", "@K").replace(" ", "_")
    return [(label.replace("@K", f"@{k}"), float(cell.rstrip("%")))
            for k, cell in zip(cutoffs, cells[1:], strict=True)]
