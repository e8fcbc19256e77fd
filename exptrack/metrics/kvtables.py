"""Key-value box tables and phase tables, read a line at a time: Stable-Baselines'
``| rollout/ |  |`` sections and ``| ep_rew_mean | -213 |`` rows, a printed
configuration's ``| seed | None |`` rows, counts and per-class tables (no metrics), and
AllenNLP's ``Training |  Validation`` columns. Pure functions; ``tablelines`` keeps the
table's state."""

from __future__ import annotations

import re

from exptrack.metrics import forms, names, naming, rules
from exptrack.metrics.tablecells import ROW_NUMBER

_PHASE_ROW_NAME = re.compile(r"^[A-Za-z][\w.\-/@]{0,80}$")

# Key-value box tables (Stable-Baselines): "| rollout/ |  |" names a section, then
# "|    ep_rew_mean     | -213      |" rows (Stable Baselines 2: "| % time spent exploring |
# 41 |", its step in "| steps | 615557 |"); "-----" borders close the table.
# (TextAttack's "| Original accuracy:  | 100.0% |": a key's colon, a percentage)
_KV_ROW = re.compile(
    r"^\s*\|\s*(?P<key>(?:%\s)?[A-Za-z][\w.\-/@ ]{0,80}?(?: %)?):?\s*\|\s*"
    rf"(?P<value>{forms.DECIMAL}|[+-]?(?i:nan|inf))%?\s*\|\s*$")
# a markdown table's rule ("|:----:|:-----|"): the rows under it are a table's, labelled
# (detectron2's "| balloon | 255 |" counts instances per category); "| accuracy | 0.9 |"
# still names a metric
MARKDOWN_RULE = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
# ... a row of a setting instead ("| seed | None |", "| output_dir | './YOLOX_outputs' |"):
# the table is a printed configuration (YOLOX's Exp, drawn by tabulate), its numbers settings
# (not Stable Baselines 2's "| episode_reward | [-632.99996714] |", a value in a list)
_KV_SETTING = re.compile(
    r"^\s*\|\s*[A-Za-z][\w.\-/@ ]{0,80}?:?\s*\|\s*(?:None|True|False|['\"({][^|]{0,200}"
    r"|[\w.\-]{0,80}/[\w.\-/]{0,200}|[A-Za-z][\w.\-]{0,40}:\d{1,3})\s*\|\s*$")
# a box's bottom border ("╘═══╧═══╛", "└───┴───┘", "╰───╯"): the table ends
BOX_BOTTOM = ("\u2558", "\u2514", "\u2570", "\u2517")
_KV_SECTION = re.compile(r"^\s*\|\s*(?P<section>[A-Za-z][\w.\-]*/)\s*\|\s*\|\s*$")


# a box's rule between its rows (tabulate's fancy_grid: "├────┼────┤", "╞════╪════╡"; "+---+")
_BOX_RULE = re.compile(r"^\s*[\u251c\u255e+|][\u2500\u2550\u253c\u256a\-=+|:]{2,}"
                       r"[\u2524\u2561+|]\s*$")


def _boxed(line: str) -> str:
    """A box-drawn row's cells without the box's outer edges (``| accuracy | 0.37 |``)."""
    text = line.strip()
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] == "|" else line


def parse_phase_header(line: str) -> list[str] | None:
    """A table whose columns are phases (AllenNLP's ``Training |  Validation``, after its
    log prefix; Ludwig's box-drawn ``│        │   train │   validation │   test │`` over its
    metrics' rows, the label column's head empty) -> the phases as printed, lowercased;
    else None."""
    boxed = _boxed(line)
    cells = boxed.split("|")
    if boxed is not line and 3 <= len(cells) <= 5:
        phases = [c.strip() for c in cells[1:]]  # (the label column's head: "" or a word)
    elif len(cells) < 2 or len(cells) > 4:
        return None
    else:
        words = cells[0].split()
        phases = [words[-1] if words else ""] + [c.strip() for c in cells[1:]]
    if not all(p.lower() in rules.PHASES or p.lower() == "testing" for p in phases):
        return None
    return [p.lower() for p in phases]


def phase_rule(line: str) -> bool:
    """A rule between the rows of a phase table's box (its rows go on after it)."""
    return _BOX_RULE.match(line) is not None


def parse_phase_row(line: str, phases: list[str]) -> list[tuple[str, float]] | None:
    """A row under a phase header (``accuracy  |  0.711  |  0.836``, ``N/A`` for none;
    ``│ accuracy │ 0.3714 │ 0.3667 │ 0.4667 │`` in a box) -> each phase's value of the row's
    metric (``training_accuracy``); else None."""
    cells = _boxed(line).split("|")
    if len(cells) != len(phases) + 1:
        return None
    words = cells[0].split()
    name = words[-1] if words else ""
    if not _PHASE_ROW_NAME.match(name):
        return None
    found: list[tuple[str, float]] = []
    for phase, cell in zip(phases, cells[1:], strict=True):
        text = cell.strip()
        if ROW_NUMBER.match(text) and not text.endswith("%"):
            found.append((f"{phase}_{name}", float(text)))
        elif text != "N/A":
            return None
    return found


# a key-value table's header whose value column counts ("| Modules | Parameters |", the
# parameter counts of a model's layers): its rows are no metrics
_COUNTS_HEADER = re.compile(r"^\s*\|\s*[A-Za-z][\w .]{0,30}?\s*\|"
                            r"\s*(?P<head>[#A-Za-z][\w .#]{0,30}?)\s*\|\s*$")


COUNTED = "(counted)/"  # the section of a counts table's rows, which are dropped


# a two-column table of one value per class ("| class name | average precision (in %) |",
# NVIDIA TAO's): its rows are a breakdown, no metrics
_CLASS_HEADER = re.compile(r"(?i)^\s*\|\s*(?:class(?:[ _]?name)?|classes|category|label)\s*\|")
# a data set's description: Chemprop's "┃ Statistic ┃ Value (logp) ┃" over the target's
# "Num. smiles", "Mean", "Std. dev.", "% within 1 s.d." of each split
_STATISTIC_HEADER = re.compile(r"(?i)^\s*\|\s*statistics?\s*\|\s*values?(?:\s\([^()|]{1,60}\))?"
                               r"\s*\|\s*$")


def counts_header(line: str) -> bool:
    """The header of a table whose rows are no metrics: counts ("| Modules | Parameters |"),
    one value per class, or a data set's statistics ("| Statistic | Value (logp) |")."""
    if (_CLASS_HEADER.match(line) is not None and line.count("|") == 3) \
            or _STATISTIC_HEADER.match(line) is not None:
        return True
    head = _COUNTS_HEADER.match(line)
    return head is not None and names.counts_things(head.group("head"))


def kv_setting(line: str) -> bool:
    """A key-value table's row of a setting ("| seed | None |"): see ``_KV_SETTING``."""
    return "|" in line and _KV_SETTING.match(line) is not None


def parse_kv(line: str) -> tuple[str, float | None] | None:
    """A key-value box table line -> (key, value) for a row, (section, None) for a section
    header ("rollout/"), else None."""
    if "|" not in line:
        return None
    row = _KV_ROW.match(line)
    if row is not None:
        return naming.normalize_name(row.group("key")), float(row.group("value"))
    section = _KV_SECTION.match(line)
    if section is not None:
        return section.group("section"), None
    return None
