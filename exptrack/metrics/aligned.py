"""Headers whose names hold spaces (``Train Recall Val Loss``, ``Epoch Train loss   std
Test loss``): the names are found where the first row's values sit under them. Pure
functions; ``tables`` reads the rows."""

from __future__ import annotations

import re
from itertools import pairwise

from exptrack.metrics.tableprefix import message
from exptrack.metrics.tables import CELL, GAP, HEADER_CELL, header_name

# a rule of dashes under a header, one run a column ("---- ----- -------- --------")
RULE = re.compile(r"^\s*-{2,}(?: {1,4}-{2,}){2,60}\s*$")
_DASHES = re.compile(r"-+")


def ruled_header(head: str, rule: str) -> list[str] | None:
    """The names of a header (``head``, its ``message``) over a rule of dashes: each name
    over its column's run of dashes (sklearn-genetic-opt's ``gen evals  avg  best`` over
    ``---- ----- -------- ----``, names set apart by one space); None when a name crosses
    a gap of the rule or a run has no name."""
    spans = [m.span() for m in _DASHES.finditer(rule)]
    if len(head.rstrip()) > spans[-1][1] or any(
            head[end:end + 1].strip() and head[end - 1:end].strip() for _, end in spans[:-1]):
        return None  # a name crossing a gap: the rule is no column's
    cells = [head[start:end].strip() for start, end in spans]
    if not all(cells) or not all(HEADER_CELL.match(c) for c in cells):
        return None
    return [header_name(c) for c in cells]


def aligned_header(head: str, line: str) -> list[str] | None:
    """The names of a header (``head``: its ``message``, right-stripped) whose cells are set
    apart by one space somewhere (``Train Recall Val Loss``), split where the row's numbers
    start, each under the start of its name (left-aligned columns), or where they end,
    under its end (right-aligned); None when the row's cells do not line up with the
    header's words."""
    row = message(line).rstrip()
    spans = [(m.start(), m.end()) for m in CELL.finditer(row)]
    if not 3 <= len(spans) <= 60 or len(head) <= spans[-1][0]:
        return None
    first = len(head) - len(head.lstrip())
    if spans[0][0] == first and all(
            head[start] != " " and head[start - 1] == " " for start, _ in spans[1:]):
        cuts, side = [start for start, _ in spans] + [len(head)], 0
    elif spans[-1][1] == len(head) and all(
            head[end - 1] != " " and head[end] == " " for _, end in spans[:-1]):
        cuts, side = [first] + [end for _, end in spans], -1
    else:
        return _overlapped(head, spans)
    # a gap of two spaces in a cell is a column the row left blank (skorch's "cp" without
    # its "+"): the value is under the name on its own side
    cells = [GAP.split(head[a:b].strip())[side] for a, b in pairwise(cuts)]
    if not all(HEADER_CELL.match(c) for c in cells):
        return None
    return [header_name(c) for c in cells]


def _overlapped(head: str, spans: list[tuple[int, int]]) -> list[str] | None:
    """A header's words, each under the value its span overlaps, a word over none with the
    word next to it ("P (macro) P std" over "0.6709  0.0805": "P (macro)", "P std")."""
    words = [(m.start(), m.end(), m.group()) for m in CELL.finditer(head[:2000])]
    if len(words) > 4 * len(spans):  # (bounded: a row's words are matched against its values)
        return None
    under = [next((i for i, (a, b) in enumerate(spans) if a < end and start < b), -1)
             for start, end, _ in words]
    for k in [*range(len(words) - 2, -1, -1), *range(1, len(words))]:  # (the next word first)
        if under[k] < 0:
            near = k + 1 if k + 1 < len(words) and words[k + 1][0] == words[k][1] + 1 \
                else k - 1 if k and words[k - 1][1] == words[k][0] - 1 else -1
            under[k] = under[near] if near >= 0 else -1
    if any(i < 0 for i in under) or under != sorted(under) \
            or set(under) != set(range(len(spans))) or len(words) == len(spans):
        return None  # (names of one word each: the row does not line up with them)
    cells = [" ".join(w for (_, _, w), i in zip(words, under, strict=True) if i == column)
             for column in range(len(spans))]
    return [header_name(c) for c in cells] if all(HEADER_CELL.match(c) for c in cells) \
        else None


def stacked_header(head: str, line: str) -> list[str] | None:
    """The names of a header printed over two lines, each column's words one under the
    other (Vowpal Wabbit's ``average  since  example ...`` over ``loss  last  counter ...``):
    each word of the second line (``line``) joined to the word of the first (``head``, its
    ``message``) its span overlaps (``average_loss``, ``since_last``); None unless the two
    hold as many words of letters (3 to 60), pairwise overlapping."""
    under = message(line).rstrip()
    top = [m.span() for m in CELL.finditer(head[:2000])]
    low = [m.span() for m in CELL.finditer(under[:2000])]
    if not 3 <= len(top) == len(low) <= 60 or any(
            end <= start2 or end2 <= start for (start, end), (start2, end2)
            in zip(top, low, strict=True)):
        return None
    cells = [f"{head[a:b]} {under[c:d]}" for (a, b), (c, d) in zip(top, low, strict=True)]
    if not all(cell.replace(" ", "").isalpha() for cell in cells):
        return None
    return [header_name(cell) for cell in cells]


def short_row(head: str, line: str, header: list[str]) -> list[str] | None:
    """The names of the columns a row fills when it stops short of its header's last ones,
    each of its cells under its own name (LIBFFM's auto-stop row ``   9      0.44922
    0.59017`` under ``iter   tr_logloss   va_logloss      tr_time``: its time never
    printed); None unless the header is a word a name and every cell overlaps its name's
    span, none the names after it."""
    if not 2 <= len(line.split()) < len(header) + 3:  # (a row of as many cells or more:
        return None  # no short row, whatever its prefix; checked first, the cheap way)
    row = message(line).rstrip()
    if not row.lstrip()[:1].isdigit():
        return None  # (its first cell counts the rows, as LIBFFM's iteration does)
    spans = [m.span() for m in CELL.finditer(row[:2000])]
    words = [m.span() for m in CELL.finditer(head[:2000])]
    if len(words) != len(header) or not 2 <= len(spans) < len(words):
        return None
    if any(not (start < end2 and start2 < end) for (start, end), (start2, end2)
           in zip(spans, words, strict=False)) or spans[-1][1] > words[len(spans)][0]:
        return None
    return header[:len(spans)]
