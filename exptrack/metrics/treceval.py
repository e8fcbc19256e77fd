"""trec_eval's measures (NIST's information-retrieval evaluator, which Pyserini, Anserini
and most retrieval papers run; its ``printf("%-22s\\t%s\\t%6.4f\\n", measure, qid, value)``)::

    map                   	all	0.1785
    P_10                  	all	0.3000
    ndcg_cut_10           	all	0.3016

A measure over all queries (``all``) is recorded by its name as printed; a query's line
(``-q``: ``map  301  0.0324``) is a part of it, and the counts (``num_q``, ``num_ret``,
``num_rel``, ``num_rel_ret``) and the run's id are none. The regex is anchored and bounded."""

from __future__ import annotations

import re

TAB = 22  # where the measure's tab is ("%-22s\t"; a longer name pushes it on: not read)
_LINE = re.compile(r"^(?P<measure>[A-Za-z][\w.]{0,40}?) {0,22}\t(?P<query>[^\s]{1,60})\t"
                   r"(?P<value>-?\d{1,12}(?:\.\d{1,12})?)\s*$")
_COUNTS = frozenset({"num_q", "num_ret", "num_rel", "num_rel_ret", "num_nonrel_judged_ret"})


def measure(text: str) -> list[tuple[str, float]] | None:
    """The measure a line of trec_eval's output gives over all queries ([] for its counts
    and run id), else None: no such line."""
    found = _LINE.match(text)
    if found is None:
        return [] if text.startswith("runid ") and "\tall\t" in text else None
    name = found.group("measure")
    if found.group("query") != "all" or name in _COUNTS:
        return []  # a query's measure, a count
    return [(name, float(found.group("value")))]
