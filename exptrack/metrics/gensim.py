"""gensim's training messages (its ``logging`` INFO records, whatever the record's format).

LdaModel and LdaMulticore evaluate each pass with the values before their names::

    PROGRESS: pass 9, at document #219/219
    -3.429 per-word bound, 10.8 perplexity estimate based on a held-out corpus of 219 ...
    topic diff=0.043428, rho=0.301511

Word2Vec, Doc2Vec and FastText report their speed during an epoch and sum it up after it
(gensim 3.8 prints "EPOCH - 1 :", gensim 4 "EPOCH 0:"; a run's total has no epoch)::

    EPOCH 1 - PROGRESS: at 15.53% examples, 874560 words/s, in_qsize 5, out_qsize 0
    EPOCH - 1 : training on 7682507 raw words (5657430 effective words) took 5.7s, 98525...

The pass and the epoch are the epoch; the documents, words and queue sizes are counts, the
share of examples a position; the rest are named as printed.

LdaModel's callbacks (``PerplexityMetric``, ``ConvergenceMetric``, ``CoherenceMetric``,
``DiffMetric`` with ``logger="shell"``) log a pass's value under their title, the key
``lda.metrics`` keeps it under::

    Epoch 0: Perplexity estimate: 11.648075299595396
"""

from __future__ import annotations

import re

from exptrack.metrics.actions import Action
from exptrack.metrics.kinds import EPOCH, METRIC

MARKERS = (" per-word bound, ", "PROGRESS: pass ", "topic diff=", " - PROGRESS: at ",
           " effective words/s", " estimate: ")
_CALLBACK = re.compile(r"^: (?P<title>Perplexity|Convergence|Coherence|Diff) estimate: $")
# a value's name printed after it (the text after the value starts with the key)
_NAMED_AFTER = ((" per-word bound", "per_word_bound"),
                (" perplexity estimate", "perplexity_estimate"),
                (" effective words/s", "effective_words/s"), (" words/s", "words/s"))
# a value's name printed before it (the text before the value ends with the key)
_NAMED_BEFORE = (("topic diff=", "topic_diff"), (", rho=", "rho"))
_EPOCH_BEFORE = ("PROGRESS: pass ", "EPOCH - ")
_EPOCH_AFTER = (" - PROGRESS: at ", ": training on ", " : training on ")


def plan(pieces: list[str]) -> tuple[Action, ...] | None:
    """The actions of a gensim message (``pieces``: texts at even indices, numbers at odd),
    or None when the line has none of its values."""
    last = len(pieces) - 1  # (after a record's prefix: its time's numbers come first)
    if last >= 4 and pieces[last - 4].endswith("Epoch ") and pieces[last - 3].isdigit() \
            and not pieces[last].strip() \
            and (callback := _CALLBACK.match(pieces[last - 2])) is not None:
        return Action(EPOCH, last - 3), Action(METRIC, last - 1, callback["title"])
    actions: list[Action] = []
    for index in range(1, len(pieces) - 1, 2):
        before, after = pieces[index - 1], pieces[index + 1]
        if before.endswith(_EPOCH_BEFORE) or (
                before.endswith("EPOCH ") and after.startswith(_EPOCH_AFTER)):
            actions.append(Action(EPOCH, index))
            continue
        name = next((n for key, n in _NAMED_AFTER if after.startswith(key)), None) \
            or next((n for key, n in _NAMED_BEFORE if before.endswith(key)), None) \
            or ("took" if before.endswith(" took ") and after.startswith("s") else None)
        if name is not None:
            actions.append(Action(METRIC, index, name))
    return tuple(actions) if actions else None
