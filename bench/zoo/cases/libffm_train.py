"""LIBFFM 1.23 (Yu-Chin Juan, Wei-Sheng Chin and Yong Zhuang's field-aware factorization
machines, the model of the Criteo and Avazu CTR winners; no pip package: repository
ycjuan/libffm at af3ae37c09e31b95ebbc944d21494029122e58e5, 2024-08-15, tag ``v123`` (2017-11-14)
plus two README-only commits, unpacked with ``git archive`` under ``$ZOO_REPOS/libffm``,
default ``~/.cache/exptrack-zoo/repos/libffm``). ``<venv>/bin/python
bench/zoo/cases/libffm_train.py --build`` checks ``ffm.cpp`` and ``ffm-predict.cpp`` against
their blob ids at the commit, adds the case's record lines (below), and runs LIBFFM's own
Makefile there (``make clean``, ``make``: ``g++ -Wall -O3 -std=c++0x -march=native -fopenmp
-DUSESSE -DUSEOMP``, Debian bookworm's g++ 12.2.0; seconds); the case runs ``ffm-train`` and
``ffm-predict`` from that folder and refuses to run unless both sources are exactly the
commit's plus those lines. As the README's "Overfitting and Early Stopping" section
recommends, with a validation set and ``--auto-stop``, and its "Examples" run
``ffm-predict`` after it::

    ffm-train -p va.ffm -t 10 -k 4 --auto-stop tr.ffm model
    ffm-predict va.ffm model out

each binary run with subprocess, its stdout and stderr inherited (LIBFFM writes stdout
alone). The other settings are the defaults: ``-l 0.00002``, ``-r 0.2``, ``-s 1`` (one
thread), instance-wise normalisation.

Data: a synthetic click log in LIBFFM's format (``1 0:15:1 1:37:1 2:64:1 3:65:1``: the
label, then ``field:feature:value`` for four categorical fields of 30, 20, 15 and 5 values,
one-hot with value 1, feature ids numbered across fields), the click drawn from a logistic
model of per-value biases plus rank-3 field-pair interactions (Python's
``random.Random(0)``): 1,000 training and 500 validation rows. The fields' many values
against a thousand rows make the model overfit within ten iterations, so ``--auto-stop``
acts, as in the README's example. Well under a second.

What it prints (stdout): for each of the two files ``First check if the text file has
already been converted to binary format (0.0 seconds)`` and ``Binary file NOT found. Convert
text file to binary file (0.0 seconds)`` (it writes ``tr.ffm.bin`` and ``va.ffm.bin`` in the
cwd), then ``ffm_train_on_disk``'s table, its columns set with ``cout.width`` (4, then 13
each, right-aligned), the losses ``fixed`` with 5 decimals, the time with 1::

    iter   tr_logloss   va_logloss      tr_time
       1      0.69882      0.67659          0.0
       ...
       8      0.47054      0.58848          0.0
       9      0.44922      0.59017
    Auto-stop. Use model at 8th iteration.

At iteration 9 the validation loss rose above the best so far: ``ffm-train`` restores the
weights of iteration 8 and breaks out of the loop after printing the row's two losses and
before its ``tr_time`` cell, so the last row is one cell short. Then ``ffm-predict`` prints
``logloss = 0.58848`` (``fixed``, ``setprecision(5)``): the mean log loss of the saved model
(iteration 8's) on ``va.ffm``.

Truth: LIBFFM keeps no record (the model file holds the weights alone), so the case adds
lines to the stock sources (``RECORD_LINES``, each after an anchor found once; no line
changed): in ``ffm.cpp`` an ``#include <cstdio>`` after ``#include <numeric>``, and right
after the statement that prints ``tr_loss`` and the one that prints ``va_loss`` an
``fprintf`` appending ``iter``, the name and the very ``double`` printed, at ``%.17g``, to
``ffm_train_record.tsv``; in ``ffm-predict.cpp`` an ``#include <cstdio>`` after ``#include
<cstring>``, and right after ``loss /= i;`` an ``fprintf`` of the ``loss`` it prints next
(and the row count ``i``) to ``ffm_predict_record.tsv``. Both files are in truth ``files``.
Nothing is parsed from stdout. Judgement calls:
- Names as printed (the header's names are LIBFFM's own, and no key exists elsewhere):
  ``tr_logloss`` (the mean log loss over the training rows, each taken before that row's
  AdaGrad update within the epoch), ``va_logloss`` (the validation set's, after the epoch),
  and ``logloss`` (``ffm-predict``'s, a separate evaluation by another program).
- Counts: ``tr_logloss`` and ``va_logloss`` 9 each, axis ``step`` = the printed ``iter``
  (from 1): the cut-short row at iteration 9 printed both losses, computed on that
  iteration's weights, and the record has them; only its time is missing. ``logloss`` once,
  at step 8, the iteration whose weights ``ffm-predict`` loaded. The case derives that
  iteration from the record with ``ffm.cpp``'s rule (a validation loss above the previous
  one stops, the previous weights kept).
- ``logloss`` agrees with iteration 8's ``va_logloss`` to about 1e-9, not bit for bit:
  ``ffm-predict`` takes the sigmoid in ``float`` and ``log`` of it, where training sums
  ``log1p(exp(-y*t))`` in ``double``. It is its own measurement with its own record, no
  running best printed again, so a metric of its own.
- Tolerance 5e-6 for all three: ``fixed`` with 5 decimals.
- ``also_ok``: ``tr_time``, the table's last column, the training time so far in seconds
  (``Timer::toc`` adds each epoch's milliseconds to the running total, the validation pass
  not included; ``0.0`` here, the data being tiny): a timing no record keeps. The ``(0.0
  seconds)`` after the conversion lines are the conversion's wall time: timings, no metric.
- Not metrics: ``Auto-stop. Use model at 8th iteration.`` (which weights were kept), the
  conversion messages, and ``out``'s predicted probabilities (a file, one a row).
- Determinism: one thread (``-s 1``, the default); the row order of each epoch comes from
  ``std::random_shuffle`` on the C library's ``rand()``, never seeded, and the initial
  factors from a default-constructed ``std::default_random_engine``: a run repeats bit for
  bit on a machine (only the times vary). ``-march=native`` may change the last bits on
  another CPU.
"""
# zoo-venv: libffm

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import add_records, has_records

COMMIT = "af3ae37c09e31b95ebbc944d21494029122e58e5"
BLOBS = {"ffm.cpp": "8461152c79c4b66f4d2b107e95d9a923b0f40b13",  # at COMMIT
         "ffm-predict.cpp": "fd349032a5ed942a7fb98295514becd92b9f2935"}
TRAIN_RECORD, PREDICT_RECORD = "ffm_train_record.tsv", "ffm_predict_record.tsv"
ITERATIONS = 10
# the lines the case adds to each file (after each anchor; no line changed): the record of
# each value a line prints, at full precision
RECORD_LINES = {
    "ffm.cpp": {
        "#include <numeric>\n": "#include <cstdio>  // zoo: for the record below\n",
        "        cout << fixed << setprecision(5) << tr_loss;\n":
            "        if(std::FILE *zoo = std::fopen(\"" + TRAIN_RECORD + "\", \"a\")) {"
            "  // zoo: record\n"
            "            std::fprintf(zoo, \"%d\\ttr_logloss\\t%.17g\\n\", iter, tr_loss);\n"
            "            std::fclose(zoo);\n"
            "        }\n",
        "            cout << fixed << setprecision(5) << va_loss;\n":
            "            if(std::FILE *zoo = std::fopen(\"" + TRAIN_RECORD + "\", \"a\")) {"
            "  // zoo: record\n"
            "                std::fprintf(zoo, \"%d\\tva_logloss\\t%.17g\\n\", iter, va_loss);\n"
            "                std::fclose(zoo);\n"
            "            }\n",
    },
    "ffm-predict.cpp": {
        "#include <cstring>\n": "#include <cstdio>  // zoo: for the record below\n",
        "    loss /= i;\n":
            "    if(std::FILE *zoo = std::fopen(\"" + PREDICT_RECORD + "\", \"a\")) {"
            "  // zoo: record\n"
            "        std::fprintf(zoo, \"logloss\\t%d\\t%.17g\\n\", i, loss);\n"
            "        std::fclose(zoo);\n"
            "    }\n",
    },
}
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "libffm"


def recorded_sources() -> bool:
    """Both files are exactly the commit's plus the case's lines."""
    return has_records(source, BLOBS, RECORD_LINES)


def build() -> None:
    """Add the record lines to the unpacked sources, then LIBFFM's own ``make``."""
    add_records(source, BLOBS, RECORD_LINES)
    subprocess.run(["make", "clean"], cwd=source, check=True)
    subprocess.run(["make"], cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

train_bin, predict_bin = source / "ffm-train", source / "ffm-predict"
if not (train_bin.is_file() and predict_bin.is_file() and recorded_sources()):
    sys.exit(f"needs LIBFFM built with the case's record lines under {source}: unpack "
             f"ycjuan/libffm at {COMMIT} there, then run `<venv>/bin/python {__file__} --build`")

# a synthetic click log in LIBFFM's format: four categorical fields
rng = random.Random(0)
FIELDS = [30, 20, 15, 5]  # values per field: user segment, ad, site, device
offsets = [sum(FIELDS[:f]) for f in range(len(FIELDS))]
factors = [[[rng.gauss(0, 1) for _ in range(3)] for _ in range(n)] for n in FIELDS]
bias = [[rng.gauss(0, 0.5) for _ in range(n)] for n in FIELDS]


def row() -> str:
    values = [rng.randrange(n) for n in FIELDS]
    score = -1.0 + sum(bias[f][v] for f, v in enumerate(values))
    for f1 in range(len(FIELDS)):
        for f2 in range(f1 + 1, len(FIELDS)):
            score += 0.5 * sum(a * b for a, b in zip(factors[f1][values[f1]],
                                                    factors[f2][values[f2]], strict=True))
    label = int(rng.random() < 1 / (1 + 2.718281828459045 ** -score))
    return f"{label} " + " ".join(f"{f}:{offsets[f] + v}:1" for f, v in enumerate(values))


Path("tr.ffm").write_text("".join(row() + "\n" for _ in range(1000)))
Path("va.ffm").write_text("".join(row() + "\n" for _ in range(500)))

Path(TRAIN_RECORD).unlink(missing_ok=True)
Path(PREDICT_RECORD).unlink(missing_ok=True)
subprocess.run([str(train_bin), "-p", "va.ffm", "-t", str(ITERATIONS), "-k", "4", "--auto-stop",
                "tr.ffm", "model"], check=True)
subprocess.run([str(predict_bin), "va.ffm", "model", "out"], check=True)

# truth: the record lines' rows, written as each value was printed
with open(TRAIN_RECORD, newline="", encoding="ascii") as handle:
    train_rows = list(csv.reader(handle, delimiter="\t"))
record: dict[str, list[tuple[int, float]]] = {"tr_logloss": [], "va_logloss": []}
for iteration, name, value in train_rows:
    record[name].append((int(iteration), float(value)))
iterations = [i for i, _ in record["tr_logloss"]]
assert iterations == [i for i, _ in record["va_logloss"]] == list(range(1, len(iterations) + 1))
va = [value for _, value in record["va_logloss"]]
stopped = len(va) > 1 and va[-1] > va[-2]  # ffm.cpp's auto-stop rule: worse than the best
model_iteration = iterations[-1] - 1 if stopped else iterations[-1]
with open(PREDICT_RECORD, newline="", encoding="ascii") as handle:
    (predict_row,) = list(csv.reader(handle, delimiter="\t"))
assert predict_row[:2] == ["logloss", "500"], predict_row
metrics = {name: series(values, "step", tolerance=5e-6) for name, values in record.items()}
metrics["logloss"] = series([(model_iteration, float(predict_row[2]))], "step", tolerance=5e-6)
write_truth(
    "LIBFFM", "1.23",
    f"ffm-train and ffm-predict built from ycjuan/libffm at {COMMIT[:8]} with the case's "
    f"record lines: ffm.cpp's ffm_train_on_disk appends each iteration's tr_logloss and "
    f"va_logloss to {TRAIN_RECORD} right after printing it, ffm-predict.cpp's predict its "
    f"logloss to {PREDICT_RECORD} (the printed doubles at %.17g)",
    metrics,
    files=[TRAIN_RECORD, PREDICT_RECORD],
    also_ok=["tr_time"],
)
