"""Long tables: one row a value, a ``Metric`` column naming it and a column before it naming
the item it is of, as lm-evaluation-harness prints its results::

    |    Tasks    |Version|Filter|n-shot| Metric |   |Value |   |Stderr|
    |-------------|------:|------|-----:|--------|---|-----:|---|-----:|
    |arc_challenge|      1|none  |     0|acc     |↑  |0.3960|±  |0.0155|
    |             |       |none  |     0|acc_norm|↑  |0.3950|±  |0.0155|
    |mmlu         |      2|none  |      |acc     |↑  |0.4965|±  |0.0041|
    | - humanities|      2|none  |      |acc     |↑  |0.4435|±  |0.0073|
    |  - formal_logic|    1|none  |     0|acc     |↑  |0.3016|±  |0.0410|

A *tidy* CSV (``tidy``) is long too: a step column, a column naming the metric and a
``Value`` column (disentangling-vae's ``train_losses.log``: ``Epoch,Loss,Value`` over
``0,recon_loss,156.25``), one row a value.

Each row of lm-eval's table is ``item/metric`` (``arc_challenge/acc``, lm-eval's own W&B
names); a row with an empty item cell is of the item above; a filter other than ``none``
is part of the name (``gsm8k/exact_match,strict-match``, lm-eval's own key). A group's
members are drawn as a tree (`` - humanities``); a member of a member (``  - formal_logic``,
one of MMLU's 57 subjects) is a breakdown, like a per-class row, and no metric. lighteval
prints the same table with an ``all`` row over every task first: its values are named by
the metric alone (``pass@k_with_k``), its tasks' rows ``lighteval:aime24:0/pass@k_with_k``.
The error bar (``Stderr``) is not read.

OpenCompass prints its summary as a long table too, aligned by spaces (tabulate's "simple"
format, ``spaced_header``): ``dataset  version  metric  mode`` and a column of values per
model, each row ``ceval-physics  6e277d  accuracy  gen  42.11``, named ``dataset/metric``
(a model's name after it when the table has several). A row of no value (``-``: a section's
title, a data set that failed) is no metric; the table goes on. Pure functions; the parser
keeps the table's state.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from exptrack.metrics.forms import DECIMAL
from exptrack.metrics.phasewords import COUNTER_KEYS, EPOCH_KEYS

# a tree's marker before a member's name: its depth is the spaces before the dash
_MEMBER = re.compile(r"^( *)- ")
_NUMBER = re.compile(rf"^{DECIMAL}$")
_NO_FILTER = frozenset({"", "none"})
_AGGREGATES = frozenset({"all"})  # lighteval's row over every task: the metric's own name
MAX_NAMES = 4096  # the rows' last values remembered (to tell a repeat)


class LongTable(NamedTuple):
    cells: int  # the number of cells a row has
    item: int  # the column naming what a row's value is of
    metric: int
    value: int
    filter: int  # -1: none
    models: tuple[str, ...] = ()  # a spaced table's value columns (``spaced_header``)


class Row(NamedTuple):
    item: str
    breakdown: bool  # a member of a member: no metric (nor the rows under it of no item)
    name: str
    value: float


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a ``| a | b |`` row as printed (spaces kept), else None."""
    text = line.strip()
    if len(text) < 5 or not text.startswith("|") or not text.endswith("|"):
        return None
    return text[1:-1].split("|")


def header(line: str) -> LongTable | None:
    """A header with a ``Metric`` and a ``Value`` column after a first column of items."""
    if "etric" not in line or "alue" not in line:
        return None
    cells = pipe_cells(line)
    if cells is None:
        return None
    names = [cell.strip().lower() for cell in cells]
    if "metric" not in names or "value" not in names:
        return None
    metric, value = names.index("metric"), names.index("value")
    if not 0 < metric < value or not names[0]:
        return None
    return LongTable(len(cells), 0, metric, value,
                     names.index("filter") if "filter" in names else -1)


def row(line: str, table: LongTable, above: Row | None) -> Row | None:
    """A row of ``table`` (``above``: the row before), else None."""
    cells = pipe_cells(line)
    if cells is None or len(cells) != table.cells:
        return None
    value = cells[table.value].strip()
    metric = cells[table.metric].strip()
    if not metric or _NUMBER.match(value) is None:
        return None
    item_cell = cells[table.item].rstrip()
    member = _MEMBER.match(item_cell)
    item = item_cell[member.end():].strip() if member is not None else item_cell.strip()
    breakdown = member is not None and len(member.group(1)) > 1
    if not item:
        if above is None:
            return None
        item, breakdown = above.item, above.breakdown
    name = metric if item.lower() in _AGGREGATES else f"{item}/{metric}"
    if table.filter >= 0 and cells[table.filter].strip().lower() not in _NO_FILTER:
        name += "," + cells[table.filter].strip()
    return Row(item, breakdown, name, float(value))


# OpenCompass's summary: its first columns, then one column of values per model
_SPACED_COLUMNS = ("dataset", "version", "metric", "mode")
_GAP = re.compile(r"\s{2,}")
_NO_VALUE = "-"
DATASET_HEADS = ("dataset ", b"dataset ")  # how such a header starts (a cheap first test)


def spaced_header(line: str) -> LongTable | None:
    """OpenCompass's summary header (``dataset  version  metric  mode  <model>...``)."""
    names = _GAP.split(line.strip())
    if len(names) <= len(_SPACED_COLUMNS) or len(names) > 64 \
            or tuple(name.lower() for name in names[:4]) != _SPACED_COLUMNS:
        return None
    return LongTable(len(names), 0, 2, 4, -1, tuple(names[4:]))


def spaced_row(line: str, table: LongTable) -> list[Row] | None:
    """The values of a row of a spaced table (none for a row of ``-``), else None: the
    table is over."""
    cells = _GAP.split(line.strip())
    if len(cells) != table.cells or not cells[0] or line[:1].isspace():
        return None
    item, metric = cells[table.item], cells[table.metric]
    found = []
    for model, value in zip(table.models, cells[table.value:], strict=True):
        if value == _NO_VALUE or metric == _NO_VALUE:
            continue
        if _NUMBER.match(value) is None:
            return None
        name = f"{item}/{metric}" if len(table.models) == 1 else f"{item}/{metric}/{model}"
        found.append(Row(item, False, name, float(value)))
    return found


_NAME_CELL = re.compile(r"^[A-Za-z][\w./@\-]{0,80}$")
_VALUE_COLUMNS = frozenset({"value", "values"})


def tidy(header: list[str],
         cells: list[str]) -> tuple[str, float, int | None, int | None] | None:
    """A row of a tidy table (three columns: a step or an epoch, the metric's name, its
    value) -> (name, value, step, epoch), else None."""
    if len(header) != 3 or len(cells) != 3:
        return None
    header = [name.lower() for name in header]
    if not _VALUE_COLUMNS.intersection(header):
        return None
    value = next(i for i, name in enumerate(header) if name in _VALUE_COLUMNS)
    counted = [i for i, name in enumerate(header) if name in COUNTER_KEYS]
    if len(counted) != 1 or _NUMBER.match(cells[value]) is None \
            or not cells[counted[0]].isdigit():
        return None
    named = 3 - value - counted[0]
    if _NAME_CELL.match(cells[named]) is None:
        return None
    count = int(cells[counted[0]])
    is_epoch = header[counted[0]] in EPOCH_KEYS
    return (cells[named], float(cells[value]), None if is_epoch else count,
            count if is_epoch else None)
