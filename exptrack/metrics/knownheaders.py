"""Table headers of tools whose names a header's cells do not spell out: gplearn's grouped
columns, R randomForest's ``do.trace`` table over its numbered classes. Pure functions."""

from __future__ import annotations

import re

# gplearn's table, its names under two groups ("|   Population Average    |   Best Individual
# |"): the names it keeps (``run_details_``); a program's length counts its nodes (no name)
_GPLEARN = ["Gen", "", "average_fitness", "", "best_fitness", "best_oob_fitness", "Time Left"]
_KNOWN_HEADERS = {"Gen Length Fitness Length Fitness OOB Fitness Time Left": _GPLEARN,
                  "Gen Length Fitness Length Fitness Time Left": _GPLEARN[:5] + _GPLEARN[6:]}
# R randomForest's do.trace table, "ntree      OOB      1      2      3" over rows "   20:
# 4.67%  0.00%  6.00%  8.00%": the trees so far (the step), the out-of-bag error, then each
# class's (numbered: per-class values, no aggregate's)
FOREST_TRACE = r"ntree\s+OOB(?:\s+\d{1,3}){1,64}"  # (no values: ``actions._NO_MEASURE``)
_FOREST_TRACE = re.compile(FOREST_TRACE)
_FOREST = ["ntree", "OOB"]


def known_header(text: str) -> list[str] | None:
    """The column names of a known tool's header line (stripped), "" for a column of no
    metric; None for another line."""
    if text[:4] == "Gen ":
        known = _KNOWN_HEADERS.get(" ".join(text.split()))
        return list(known) if known is not None else None
    if text[:6] == "ntree " and _FOREST_TRACE.fullmatch(text):
        return _FOREST + [""] * (len(text.split()) - 2)
    return None


def row_cells(header: list[str], cells: list[str]) -> list[str]:
    """A row's cells as its header's columns read them: the forest's "   20:" is its trees
    so far."""
    if header[:2] == _FOREST and cells[:1] and cells[0][-1:] == ":":
        return [cells[0][:-1], *cells[1:]]
    return cells
