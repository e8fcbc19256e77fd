"""Tables of a search, a row per point tried: Ray Tune's trial table and the results table
of bayesian-optimization (``bayes_opt``). Their measured columns are metrics; the settings
each row tried (a trial's ``lr``, the optimiser's ``x``, ``y``) are not."""

from __future__ import annotations

from collections.abc import Callable

from exptrack.metrics import names, rules
from exptrack.metrics.tablecells import ROW_NUMBER, TIME_NAME, Row, number

_TRIAL_COLUMN = "trial_name"  # Ray Tune's trial table: a row per trial (``trial_row``)
_TRIAL_ID = "trial_id"  # Syne Tune's status table's (its rows' ids, then their status)
# bayes_opt's ``| iter | target | [allowed |] x | y |``: the iteration, the objective's value,
# whether the point met the constraints, then the point (a column a parameter)
_SEARCH_HEAD = ("iter", "target")


def search_table(header: list[str]) -> bool:
    """Is this a table of a search's points (Ray Tune's trials, bayes_opt's iterations)?"""
    first = header[0].lower() if header else ""  # (a row's quick test: the first name)
    return trial_table(header) or (first == _SEARCH_HEAD[0] and len(header) > 1
                                   and header[1].lower() == _SEARCH_HEAD[1])


def trial_table(header: list[str]) -> bool:
    """Is this a trial table (a row per trial, its first column the trial's name: Ray
    Tune's; or its id, then its status: Syne Tune's ``trial_id status iter width ...``)?"""
    first = header[0].lower() if header else ""
    return first == _TRIAL_COLUMN or (first == _TRIAL_ID and len(header) > 1
                                      and header[1].lower() == "status")


def search_row(header: list[str], cells: list[str], naming: Callable[[str], str]) -> Row | None:
    """A row of a ``search_table``: its measured values at its iteration."""
    if trial_table(header):
        return _trial_row(header, cells, naming)
    if not ROW_NUMBER.match(cells[0]) or not ROW_NUMBER.match(cells[1]) \
            or cells[1].endswith("%"):
        return None
    # "| 4 | -6.587708 | 2.7410995 | 1.2721786 |": the target at iteration 4; the point's
    # coordinates (every column after the target and "allowed") are what was tried
    return [(naming(header[1]), float(cells[1]))], number(cells[0]), None, ""


def _trial_row(header: list[str], cells: list[str], naming: Callable[[str], str]) -> Row | None:
    """A row of Ray Tune's trial table (``| Trial name | status | loc | lr | iter | reward
    |``): its measured columns (``reward``, ``eval_loss``) at its ``iter``/``epoch``; the
    trial's sampled settings (``lr``, ``w_decay``), status and running time are none."""
    values: list[tuple[str, float]] = []
    step = epoch = None
    for name, cell in zip(header[1:], cells[1:], strict=True):
        if not ROW_NUMBER.match(cell) or cell.endswith("%"):
            continue
        low = name.lower()
        if low in rules.EPOCH_KEYS:
            epoch = number(cell)
        elif low in rules.STEP_KEYS:
            step = number(cell)
        elif names.metric_like(name) and not rules.is_denied(name) \
                and not TIME_NAME.search(name):  # ("total time (s)": the trial's age)
            values.append((naming(name), float(cell)))
    return (values, step, epoch, "") if values else None
