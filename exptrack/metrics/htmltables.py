"""HTML tables printed one tag a line, as a notebook stores a ``text/html`` output: the
Hugging Face Trainer's progress table (and pandas' ``DataFrame.to_html``)::

    <table border="1" class="dataframe">
      <thead>
     <tr style="text-align: left;">
          <th>Epoch</th>
          <th>Training Loss</th>
          <th>Validation Loss</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>1</td>
          <td>0.186900</td>
          <td>0.171960</td>
        </tr>

Its header cells name the columns (``tables.header_name``, once a table) and each ``<tr>``
of ``<td>`` cells is a row, read as a table's row (``tables.parse_row``) once it closes;
the Trainer's "No log" (a loss not logged yet) is an empty cell. The tag's attributes
(``border="1"``) are no values. Pure functions over one line; the parser keeps the table
(``HtmlTable``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exptrack.metrics.tables import header_name

# a cell on a line of its own: "<td>0.186900</td>", "<th>Training Loss</th>"
_CELL = re.compile(r"^\s{0,40}<t([hd])(?:\s[^<>]{0,200})?>([^<>]{0,200})</t[hd]>\s{0,40}$")
# a tag of the table's structure, alone on its line ("</table><p>": the progress note after)
_TAG = re.compile(r"^\s{0,40}<(/?)(table|thead|tbody|tr|div|progress)\b[^<>]{0,400}>"
                  r"(?:</progress>|<p>)?\s{0,40}$")
_NO_VALUE = frozenset({"no log", "nan", "none", ""})
OPENS = b"<table"  # how a line that opens a table holds it (a cheap first test)


@dataclass
class HtmlTable:
    header: list[str] = field(default_factory=list)  # its columns' names (``header_name``)
    row: list[str] | None = None  # the cells of the row open now
    heading: bool = False  # the open row's cells are <th> cells: the header


def line(text: str, table: HtmlTable | None) -> tuple[HtmlTable | None, list[str] | None, bool]:
    """Read one line -> (the table after it, the cells of a row of values it closed, taken?)."""
    tag = _TAG.match(text)
    if table is None:
        if tag is not None and tag.group(2) == "table" and not tag.group(1):
            return HtmlTable(), None, True
        return None, None, False
    if tag is not None:
        closing, name = tag.group(1), tag.group(2)
        if name == "table" and closing:
            return None, None, True
        if name == "tr" and not closing:
            table.row, table.heading = [], False
        elif name == "tr" and table.row is not None:
            cells, table.row = table.row, None
            if table.heading:
                table.header = [header_name(cell) for cell in cells]
            elif table.header and len(cells) == len(table.header):
                return table, cells, True
        return table, None, True
    cell = _CELL.match(text)
    if cell is None or table.row is None:
        return None, None, False  # the table is over (a line of another kind)
    value = cell.group(2).strip()
    table.heading = table.heading or cell.group(1) == "h"
    table.row.append("" if value.lower() in _NO_VALUE and not table.heading else value)
    return table, None, True
