"""Table headers of tools whose names a header's cells do not spell out: gplearn's grouped
columns, R randomForest's ``do.trace`` table over its numbered classes, and R's result
tables printed with their row names first, a column the header does not name (rpart's
``printcp``, e1071's ``tune`` summary, glmnet's ``cv.glmnet``) and mlr's resampling table,
its folds' rows under "Measures:". Pure functions."""

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
# R's result tables, each row's name first (a number, glmnet's "min"/"1se"): a cell more
# than the header names. rpart's printcp, "CP nsplit rel error xerror xstd", a row per
# subtree: the complexity setting and the splits name it, the errors measure it; e1071's
# tune summary, "gamma cost error dispersion", a row per candidate: its settings first;
# cv.glmnet's print, "Lambda Index Measure SE Nonzero", a row per chosen penalty (its
# index and its count of variables no measures)
ROW_NAMES = "\x00row names"  # (the header's first name: the rows' names, no metric)
_RPART_CP = ["CP", "nsplit", "rel", "error", "xerror", "xstd"]  # (its "rel error": 2 words)
_GLMNET_CV = ["Lambda", "Index", "Measure", "SE", "Nonzero"]
R_TAILS = ("xstd", "Nonzero", "dispersion")  # (how those headers end: a quick no)
# R's mlr (version 2) resampling: "Measures:             mmce      acc" over a row a fold,
# "[Resample] iter 1:    0.0000000 1.0000000"
MLR_MEASURES = "Measures:"
_E1071_TUNE = re.compile(r"(?:[A-Za-z.][\w.]{0,40} {1,8}){1,8}error dispersion")


def known_header(text: str) -> list[str] | None:
    """The column names of a known tool's header line (stripped), "" for a column of no
    metric; None for another line."""
    if text[:4] == "Gen ":
        known = _KNOWN_HEADERS.get(" ".join(text.split()))
        return list(known) if known is not None else None
    if text[:6] == "ntree " and _FOREST_TRACE.fullmatch(text):
        return _FOREST + [""] * (len(text.split()) - 2)
    if text[:9] == MLR_MEASURES:  # mlr's resampling table: "Measures:   mmce   acc"
        names = text[9:].split()
        return ["iter", *names] if names else None
    if not text.endswith(R_TAILS):
        return None
    words = text.split()
    if words == _RPART_CP:
        return [ROW_NAMES, "", "", "rel_error", "xerror", "xstd"]
    if words == _GLMNET_CV:
        return [ROW_NAMES, "", "", "Measure", "SE", ""]
    if words[-2:] == ["error", "dispersion"] and _E1071_TUNE.fullmatch(" ".join(words)):
        return [ROW_NAMES, *[""] * (len(words) - 2), "error", "dispersion"]
    return None


def row_cells(header: list[str], cells: list[str]) -> list[str]:
    """A row's cells as its header's columns read them: the forest's "   20:" is its trees
    so far."""
    if header[:2] == _FOREST and cells[:1] and cells[0][-1:] == ":":
        return [cells[0][:-1], *cells[1:]]
    if header[:1] == ["iter"] and cells[:1] == ["iter"] and cells[1:2] \
            and cells[1][-1:] == ":":  # mlr's "[Resample] iter 3:  0.03  0.97" (its tag
        return [cells[1][:-1], *cells[2:]]  # read as the record's)
    return cells
