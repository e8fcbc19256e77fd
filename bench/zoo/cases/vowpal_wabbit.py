"""Vowpal Wabbit 9.11.9 through its Python package (``vowpalwabbit.Workspace``; the pip
package ships no ``vw`` binary): online logistic regression on a generated binary
classification file (``train.vw``: 2,000 lines ``1 |f x0:0.3412 ... x9:-1.2071`` from a
noisy linear rule), ``Workspace("--loss_function logistic")`` (one pass, every other option
at its default, not ``quiet``) fed the file's lines with ``learn()`` one by one as VW's
Python tutorials do, then ``finish()``.

VW prints (stderr) its settings (``Num weight bits = 18``, ``learning rate = 0.5``,
``power_t = 0.5``, ``Enabled learners: ...``), the default progressive-validation table at
example counts 1, 2, 4, ... (``--progress`` doubles):

    average  since         example        example        current        current  current
    loss     last          counter         weight          label        predict features
    0.693147 0.693147            1            1.0         1.0000         0.0000       11
    0.611657 0.530167            2            2.0         1.0000         0.3578       11

and at ``finish()`` the ``finished run`` summary (``number of examples = 2000``, ``weighted
example sum = 2000.000000``, ``weighted label sum``, ``average loss = 0.336861``, ``best
constant``, ``best constant's loss``, ``total feature number``).

Truth: VW's own accumulators through its API, read after each ``learn()`` in the same run:
``get_sum_loss()`` (its ``shared_data::sum_loss``, the progressive loss summed over every
example before learning from it) and ``get_weighted_examples()``. The table row VW prints
at example counter n uses the same two sums: ``average loss`` = sum_loss / weighted
examples at n, ``since last`` = the loss summed since the previous row over the weight
since it (VW keeps that as ``sum_loss_since_last_dump``, not exposed; the truth takes the
difference of the exposed totals, equal to it up to double rounding). The rows are printed
when the weighted example count reaches VW's dump interval (1, then doubling), the counts
the truth reads at; checked: the API's values printed ``%.6f`` give the table's text.
Judgement calls:
- Names: the table's column headings, printed on two lines (``average``/``loss``,
  ``since``/``last``), as words joined by ``_``: ``average_loss``, ``since_last``.
- Axis ``step``: the ``example counter`` column (examples seen), 1, 2, 4, ..., 1024.
- ``average_loss`` gets one more point at 2,000: the summary's ``average loss = 0.336861``
  is the same quantity (sum_loss / weighted examples) after the last example. So 12
  points, ``since_last`` 11.
- Tolerance 5.1e-7: VW prints both with 6 decimals (plus float slack).
- Not metrics: ``example counter`` and ``example weight`` (counters), ``current label``,
  ``current predict`` and ``current features`` (the one example's label, prediction and
  feature count at that row), the summary's example, weight and feature counts and the
  ``weighted label sum`` (data statistics), ``best constant`` and ``best constant's
  loss`` (the constant predictor VW fits to the label sum and its loss: a baseline of the
  labels, not of the model, which the API does not expose), the settings block.
- ``get_learner_metrics()`` returns ``{}`` without ``--extra_metrics``; no file is written.
"""
# zoo-venv: misc

import random

import vowpalwabbit
from _truth import series, write_truth
from vowpalwabbit import Workspace

rng = random.Random(0)
FEATURES = 10
rule = [rng.gauss(0, 1) for _ in range(FEATURES)]
with open("train.vw", "w", encoding="utf-8") as handle:
    for _ in range(2000):
        x = [rng.gauss(0, 1) for _ in range(FEATURES)]
        score = sum(w * v for w, v in zip(rule, x, strict=True)) + rng.gauss(0, 1)
        features = " ".join(f"x{j}:{v:.4f}" for j, v in enumerate(x))
        handle.write(f"{1 if score > 0 else -1} |f {features}\n")

vw = Workspace("--loss_function logistic")
average: list[tuple[int, float]] = []
since_last: list[tuple[int, float]] = []
next_row, last_loss, last_weight = 1.0, 0.0, 0.0
with open("train.vw", encoding="utf-8") as handle:
    for count, line in enumerate(handle, 1):
        vw.learn(line)
        loss, weight = vw.get_sum_loss(), vw.get_weighted_examples()
        if weight >= next_row:  # VW's dump interval: a table row now (1, 2, 4, ...)
            average.append((count, loss / weight))
            since_last.append((count, (loss - last_loss) / (weight - last_weight)))
            next_row, last_loss, last_weight = 2 * next_row, loss, weight
total_loss, total_weight = vw.get_sum_loss(), vw.get_weighted_examples()
vw.finish()
average.append((count, total_loss / total_weight))  # the summary's "average loss"

write_truth(
    "vowpalwabbit", vowpalwabbit.__version__,
    "Workspace.get_sum_loss() / get_weighted_examples() after each learn(), at the table's "
    "rows and at the end",
    {"average_loss": series(average, "step", tolerance=5.1e-7),
     "since_last": series(since_last, "step", tolerance=5.1e-7)},
)
