"""The kinds of a line's numbers, as a line's plan (``actions.Action``) names them.

Plain constants in a module of their own, so that what reads parsed blocks (the summaries,
the insights) does not import the parser's rules and their compiled patterns.
"""

from __future__ import annotations

STEP, EPOCH, METRIC, RATIO, BAR_STEP = 0, 1, 2, 3, 4
# a step counted within its epoch ("Epoch[4] Batch [450]"), and the epoch of a line that
# shows no step: such a line's values belong to the epoch, not to its last batch
BATCH, EPOCH_ALONE = 5, 6
TIMED = 7  # a timing kept only where the run already has a step or an epoch
PER_CLASS = 8  # keys of one METRIC.CLASS family on a line: per-class results
PER_ITEM = 10  # names of one line differing only by "_N": a breakdown over items
