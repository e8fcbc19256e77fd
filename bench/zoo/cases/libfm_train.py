"""libFM 1.4.4 (Steffen Rendle's factorization machines; no pip package: repository
srendle/libfm at 30b9c799c41d043f31565cbf827bf41d0dc3e2ab, 2018-02-24, its last commit,
unpacked with ``git archive`` under ``$ZOO_REPOS/libfm``, default
``~/.cache/exptrack-zoo/repos/libfm``, and built there with its own Makefile, ``make all``:
``g++ -O3``, Debian bookworm's g++ 12.2.0), with the SGD settings of the MovieLens example
in libFM's manual (a PDF on libfm.org, not in the repository: ``-dim '1,1,8' -iter 1000
-method sgd -learn_rate 0.01 -regular '0,0,0.01' -init_stdev 0.1``), here with 30
iterations, a fixed ``-seed 1`` and ``-rlog rlog.txt``::

    libFM -task r -train train.libfm -test test.libfm -dim '1,1,8' -iter 30 -method sgd
          -learn_rate 0.01 -regular '0,0,0.01' -init_stdev 0.1 -seed 1 -rlog rlog.txt

the binary run with subprocess, its stdout and stderr inherited. Data: a synthetic rating
matrix the case writes in libFM's text format (``4 17:1 85:1``: the rating, then a one-hot
user id 0-59 and item id 60-99, value 1), 60 users who each rate 15 of 40 items, ratings
1-5 from biases plus a rank-3 dot product plus noise, rounded and clipped (Python's
``random.Random(0)``), shuffled (SGD walks the rows in file order, and libFM warns to
shuffle them), 720 training and 180 test rows. Well under a second of CPU.

What it prints (stdout, each line flushed with ``std::endl``): a banner (``libFM``,
``Version: 1.4.4``, author, licence), ``Loading train...``, ``has x = 1``, ``has xt = 0``,
``num_rows=720\\tnum_values=1440\\tnum_features=100\\tmin_target=1\\tmax_target=5`` (the
same for the test file: 180, 360), ``#relations: 0``, ``Loading meta data...``, ``logging
to rlog.txt``, ``learnrate=0.01``, ``learnrates=0.01,0.01,0.01``, ``#iterations=30``,
``SGD: DON'T FORGET TO SHUFFLE THE ROWS IN TRAINING DATA TO GET THE BEST RESULTS.``, then a
line an iteration (``fm_learn_sgd_element::learn``, ``std::setw(3)`` for the count)::

    #Iter=  0\\tTrain=1.11753\\tTest=1.20555
    ...
    #Iter= 29\\tTrain=0.753519\\tTest=1.15942

and, after learning (``libfm.cpp``, for every method but MCMC), ``Final\\tTrain=0.753519\\t
Test=1.15942``. Values are printed with C++'s default stream format: 6 significant digits.

Truth: libFM's own ``-rlog`` file, ``rlog.txt`` (``RLog``, util/rlog.h: a tab-separated
header, then a row an iteration written by ``newLine()`` after each ``#Iter`` line), whose
columns for SGD regression are ``rmse``, ``mae``, ``time_pred``, ``time_learn``,
``time_learn2``, ``time_learn4`` and ``rmse_train``. In the loop, ``rmse_train =
evaluate(train)`` and ``rmse_test = evaluate(test)`` are what the line prints; each
``evaluate`` logs ``rmse``/``mae`` of the data it scores, the test set last, and the loop
logs ``rmse_train`` itself: so ``Train`` is the row's ``rmse_train`` and ``Test`` its
``rmse``. The file is listed in truth ``files``. Nothing is parsed from stdout.
Judgement calls:
- SGD rather than MCMC (libFM's default, ``-method mcmc``): MCMC's loop prints the same
  ``#Iter=  0\\tTrain=...\\tTest=...`` line, but its rlog keeps only the test side (``rmse``
  = ``rmse_mcmc_all``, the RMSE of the running average of the sampled predictions) and
  nothing for ``Train`` (the training RMSE of the current sample); ALS is MCMC's class
  without sampling, the same record. With SGD every printed value has a record in libFM's
  own file, unchanged; no line is added to libFM.
- Names, as printed: ``Train`` and ``Test``. The rlog's keys (``rmse_train``, ``rmse``) are
  never printed, and the printed words name the two sides of the same measure (the RMSE of
  the training and test sets), as fastText's ``P@1`` is taken as printed.
- Count: 30 each (``-iter 30``: rows 0-29 of the rlog), axis ``step`` = the printed
  ``#Iter`` count, from 0 as printed.
- The ``Final`` line evaluates the model after the last iteration again, on the same data,
  with nothing learnt in between: its ``Train``/``Test`` are iteration 29's values printed
  again (the rlog gets no row for it: ``evaluate`` logs, but no ``newLine()`` follows). As
  the README takes a running best printed again, it is no series of its own: the names
  docs/metrics.md gives its values (a label word before a name prefixes it: ``final_Train``,
  ``final_Test``) are in ``also_ok``, nothing more.
- Tolerance: the rlog is written with the same default 6 significant digits as the print
  (each value is the same ``double`` through the same ``ostream`` format), so the two
  strings agree; ``rel_tolerance`` 5e-6 (half a unit of the 6th significant digit of a value
  from 0.1 to 10) allows for that rounding.
- Not metrics: ``num_rows``, ``num_values``, ``num_features`` (counts of the data),
  ``min_target``/``max_target`` (the rating range libFM clips predictions to), ``has x``,
  ``has xt`` (which matrix layouts were built: rows for SGD), ``#relations`` (a count),
  ``learnrate``, ``learnrates`` and ``#iterations`` (settings). The rlog's ``mae`` is never
  printed, and its ``time_*`` columns are timings never printed: neither is in the truth,
  and exptrack does not read the rlog.
- Determinism: ``-seed 1`` seeds ``srand``, which draws the 2-way factors' initial values
  (``-init_stdev 0.1``); the rows are walked in file order; one thread. Runs repeat bit for
  bit (only the rlog's timing columns vary).
"""
# zoo-venv: libfm

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth

COMMIT = "30b9c799c41d043f31565cbf827bf41d0dc3e2ab"
ITERATIONS = 30
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
binary = repos / "libfm" / "bin" / "libFM"
if not binary.is_file():
    sys.exit(f"needs libFM built at {binary}: unpack srendle/libfm at {COMMIT} under "
             f"{binary.parent.parent} and run `make all` there")

# a synthetic rating matrix: biases + a rank-3 interaction + noise, ratings 1..5
rng = random.Random(0)
users, items, rank = 60, 40, 3
user_factors = [[rng.gauss(0, 1) for _ in range(rank)] for _ in range(users)]
item_factors = [[rng.gauss(0, 1) for _ in range(rank)] for _ in range(items)]
user_bias = [rng.gauss(0, 0.5) for _ in range(users)]
item_bias = [rng.gauss(0, 0.5) for _ in range(items)]
rows = []
for user in range(users):
    for item in rng.sample(range(items), 15):
        rating = 3.2 + user_bias[user] + item_bias[item] + 0.6 * sum(
            a * b for a, b in zip(user_factors[user], item_factors[item], strict=True))
        rating = min(5, max(1, round(rating + rng.gauss(0, 0.4))))
        rows.append(f"{rating} {user}:1 {users + item}:1")
rng.shuffle(rows)
split = len(rows) * 4 // 5
Path("train.libfm").write_text("\n".join(rows[:split]) + "\n")
Path("test.libfm").write_text("\n".join(rows[split:]) + "\n")

subprocess.run([str(binary), "-task", "r", "-train", "train.libfm", "-test", "test.libfm",
                "-dim", "1,1,8", "-iter", str(ITERATIONS), "-method", "sgd",
                "-learn_rate", "0.01", "-regular", "0,0,0.01", "-init_stdev", "0.1",
                "-seed", "1", "-rlog", "rlog.txt"], check=True)

# truth: libFM's own per-iteration record
with open("rlog.txt", newline="", encoding="utf-8") as handle:
    record = list(csv.DictReader(handle, delimiter="\t"))
assert len(record) == ITERATIONS, len(record)  # libFM exits 0 even on an error
train = [(i, float(row["rmse_train"])) for i, row in enumerate(record)]
test = [(i, float(row["rmse"])) for i, row in enumerate(record)]
write_truth(
    "libFM", "1.4.4",
    f"libFM's own -rlog file rlog.txt (srendle/libfm at {COMMIT[:8]}, -method sgd): a row an "
    "iteration; Train = its rmse_train column, Test = its rmse column (the test set's RMSE, "
    "evaluate(test) logged last)",
    {"Train": series(train, "step", rel_tolerance=5e-6),
     "Test": series(test, "step", rel_tolerance=5e-6)},
    files=["rlog.txt"],
    also_ok=["final_Train", "final_Test"],
    notes="the closing 'Final\\tTrain=...\\tTest=...' line re-evaluates the model after "
          "iteration 29 (no further learning): iteration 29's values printed again, no "
          "series of its own; rlog columns mae and time_* are never printed",
)
