"""xLearn 0.4.4 (Chao Ma's C++ library of linear models, factorization machines and
field-aware factorization machines; the banner says ``xLearn   -- 0.44 Version --``,
``python-package/xlearn/VERSION`` says 0.4.4; no usable pip package: PyPI's newest
``xlearn`` is a 0.40a1 source distribution of the Python binding from 2018), repository
aksnzhy/xlearn at 4c240aa0aa63c1d105fb9aec583adc2ad2840368 (2022-06-05, its last commit;
``src/`` last changed 2020-01-23), unpacked with ``git archive`` under ``$ZOO_REPOS/xlearn``,
default ``~/.cache/exptrack-zoo/repos/xlearn``, leaving out
``demo/classification/higgs/higgs-train.csv``, whose blob the mirror lacks. Then
``<venv>/bin/python bench/zoo/cases/xlearn_train.py --build`` checks
``src/solver/trainer.cc`` against its blob id at the commit (77934d9e), adds the case's
record lines (below), writes an empty stand-in for that Higgs demo file (the top-level
CMakeLists.txt adds ``demo/``, whose CMakeLists.txt copies it into the build tree at
configure time; nothing is built from it), and runs ``cmake ..`` and ``make -j2
xlearn_train xlearn_predict`` in ``$ZOO_REPOS/xlearn/build`` (the repository's own flags,
``-O3 -std=c++11 -march=native``; Debian bookworm's cmake 3.25.1 and g++ 12.2.0, about a
minute and a half on 2 cores). The case runs ``build/xlearn_train`` and refuses to run
unless the built ``trainer.cc`` is exactly the commit's plus those lines.

Run as xLearn's command-line guide (``doc/command_line.rst``) runs it, its options
combined: ``-s 2`` (FFM), ``-v ./small_test.txt`` (a validation set), ``-x auc`` (an
evaluation metric), here with 5 epochs and one thread (its ``-nthread``)::

    xlearn_train train.txt -s 2 -v valid.txt -x auc -e 5 -nthread 1 -l xlearn_log

the binary run with subprocess, its stdout and stderr inherited. ``-s 2`` is FFM with the
cross-entropy loss (binary classification), with xLearn's defaults: ``-k 4`` latent
factors, AdaGrad (``-p adagrad``) at ``-r 0.2``, ``-b 0.00002``, instance-wise
normalisation on, early stopping on (window 2), ``-seed 1``. ``-nthread 1``: xLearn trains
Hogwild-style (lock-free, its default) on ``std::thread::hardware_concurrency()`` threads,
so more than one thread may change the last bits run to run. ``-l xlearn_log`` keeps its
glog-style log files (``xlearn_log.<host>.<user>.<time>.<pid>_train.INFO``/``WARN``/
``ERROR``) in the cwd instead of ``/tmp``; they hold the setup steps (``Number of feature:
82``, ``Start training work.``) and no epoch values. The log's file name takes ``$USER``
(or ``$USERNAME``), and ``get_user_name`` constructs a ``std::string`` from a null pointer
(``std::logic_error``, abort) when neither is set: the case sets ``USER=zoo`` for the
binary only where neither is set (the sandbox here has none; any login shell has one).

Data: a synthetic click log the case writes in libffm's format (``0 0:28:1 1:64:1 2:73:1
3:78:1``: the label, then ``field:feature:value`` for four one-hot categorical fields,
user (40 ids), item (30), context (8) and device (4), 82 features), clicks drawn from a
logistic model with a bias per feature plus user-item and item-context latent dot
products (rank 3), Python's ``random.Random(0)``: 2000 training rows (833 clicks) and 500
validation rows. Under a second of CPU (xLearn also writes ``train.txt.bin``,
``valid.txt.bin`` and the model ``train.txt.model`` in the cwd).

What it prints (stdout; every line wrapped in ANSI colour codes, green and bold, written
whatever the terminal: ``Color::Modifier`` always emits ``\\033[32m`` and friends): the
ASCII-art banner with ``xLearn   -- 0.44 Version --``, then tagged lines ``[------------]
xLearn uses 1 threads for training task.``, ``[ ACTION     ] Read Problem ...``, ``Binary
file (train.txt.bin) NOT found. Convert text file to binary file.``, ``Number of Feature:
82``, ``Number of Field: 4``, ``Time cost for reading problem: 0.00 (sec)``, ``Model size:
10.90 KB``, ``Time cost for model initial: 0.00 (sec)``, ``[ ACTION     ] Start to train
...``, then the epoch table (``Trainer::show_head_info``/``show_train_info``: the epoch,
the three values at ``%.6f``, the time at ``%.2f``; quoted here with the runs of spaces
between the cells shortened to four, the tag's own spacing kept)::

    [------------] Epoch    Train log_loss    Test log_loss    Test AUC    Time cost (sec)
    [   20%      ]     1    0.619563    0.608016    0.758359    0.05
    ...
    [  100%      ]     5    0.525739    0.560749    0.783053    0.01

(the header's cells are right-aligned in widths 6, 20, 20, 20 and 20 by
``Color::print_row``, the rows' likewise, so each value sits under its name; the tag's
percent is printed with ``std::cout.width(4)``), and ``Start to save model ...``, ``Model
file: train.txt.model``, ``Time cost for saving model: 0.00 (sec)``, ``Finish training``,
``Clear the xLearn environment ...``, ``Total time cost: 0.12 (sec)``.

Truth: xLearn keeps no per-epoch record (the model file holds the weights, the log files
the setup steps), so one addition to the stock ``src/solver/trainer.cc`` (``RECORD_LINES``:
a block of seven lines after an anchor found once, the end of ``Trainer::train``'s
``show_train_info(...)`` call; no line changed; ``<stdio.h>`` is already included) records
what that call prints: an ``fprintf`` that appends to ``xlearn_train_epochs.tsv`` in the cwd
the epoch ``n``, ``tr_loss``, ``te_info.loss_val`` and ``te_info.metric_val``, the very
variables the row prints, at ``%.17g`` (each a ``real_t``, a ``float``, widened to double:
its exact value). The file is in truth ``files``. Nothing is parsed from stdout.
Judgement calls:
- Names as the table prints them (the header cells, each a phase word and the framework's
  own key: ``loss_->loss_type()`` is ``log_loss``, ``metric_->metric_type()`` is ``AUC``),
  joined with ``_`` as docs/metrics.md names a table header's phrase (``Kappa statistic``
  -> ``Kappa_statistic``): ``Train_log_loss``, ``Test_log_loss``, ``Test_AUC``. What they
  are: ``Train log_loss`` is ``calc_gradient``'s ``loss_->GetLoss()``, the mean
  cross-entropy of the training rows over the epoch's pass, each row's taken with the
  weights before its own update; ``Test log_loss`` and ``Test AUC`` score the ``-v`` file
  after the pass (``calc_metric``; xLearn's AUC is its bucketed one, ``AUCMetric``, the
  sigmoid scores counted into ``kMaxBucketSize`` bins). xLearn calls the ``-v`` set
  "validation" in its options and "Test" in the table; the printed word names it.
- Count: 5 each (``-e 5``; with these data the AUC rises every epoch, so early stopping
  never fires and no ``Early-stopping at epoch N, best AUC: ...`` line is printed: the case
  asserts epochs 1-5 were recorded), axis ``epoch`` = the printed ``Epoch`` (from 1).
- Tolerance: ``%.6f``: 5e-7 absolute for all three.
- ``also_ok``: ``Time_cost`` (the row's ``Time cost (sec)``, ``timer.toc()`` of the epoch,
  passed to ``show_train_info`` and kept nowhere; docs/metrics.md drops the unit in
  parentheses) and ``Total_time_cost`` (``Total time cost: 0.12 (sec)``, the whole run's
  wall time from ``train_main.cc``'s timer, kept nowhere).
- Not metrics: the row's ``[   20%      ]`` tag (``epoch * 100 / epochs``, progress),
  ``Number of Feature``/``Field`` (counts), ``Model size: 10.90 KB`` (a size), the other
  ``Time cost for ...: 0.00 (sec)`` lines (setup timings; they would be ``also_ok`` had
  exptrack recorded them), ``xLearn uses 1 threads`` (a setting).
- ``xlearn_predict`` is built (the repository's pair) but not run: it prints ``The test
  loss is: 0.560749``, one more value with no record, which would need a second addition
  to ``inference.cc``; the training table is what this case is about.
- Determinism: one thread; ``-seed 1`` seeds the reader's shuffle of the training rows
  (``srand(seed + 1)`` then ``random_shuffle``, each epoch) and the model's initial latent
  factors come from a default-constructed ``std::default_random_engine``; the data are
  seeded. Runs repeat bit for bit (only the times vary).
"""
# zoo-venv: xlearn

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import add_record_lines, has_record_lines

COMMIT = "4c240aa0aa63c1d105fb9aec583adc2ad2840368"
TRAINER_BLOB = "77934d9e48610293d80103b194ca2521c3343849"  # src/solver/trainer.cc at COMMIT
HIGGS_TRAIN = "demo/classification/higgs/higgs-train.csv"  # a demo file cmake copies
RECORD = "xlearn_train_epochs.tsv"
EPOCHS = 5
# the lines the case adds to src/solver/trainer.cc (after the anchor; no line changed):
# Trainer::train's record of what show_train_info printed, at full precision
RECORD_LINES = {
    "                      !test_reader.empty(), \n                      n);\n":
        "      if (FILE *zoo = fopen(\"" + RECORD + "\", \"a\")) {  // zoo: record\n"
        "        fprintf(zoo, \"%d\\t%.17g\\t%.17g\\t%.17g\\n\", n,\n"
        "                static_cast<double>(tr_loss),\n"
        "                static_cast<double>(te_info.loss_val),\n"
        "                static_cast<double>(te_info.metric_val));\n"
        "        fclose(zoo);\n"
        "      }\n",
}
ALSO_OK = ["Time_cost", "Total_time_cost"]
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "xlearn"
build_dir = source / "build"


def build() -> None:
    """Add the record lines to the unpacked trainer.cc, then cmake and make the two
    command-line programs."""
    add_record_lines(source / "src" / "solver" / "trainer.cc", TRAINER_BLOB, RECORD_LINES)
    higgs = source / HIGGS_TRAIN
    if not higgs.exists():
        higgs.write_bytes(b"")  # its blob is absent from the mirror; only a demo copies it
    build_dir.mkdir(exist_ok=True)
    subprocess.run(["cmake", ".."], cwd=build_dir, check=True)
    subprocess.run(["make", "-j2", "xlearn_train", "xlearn_predict"], cwd=build_dir,
                   check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

xlearn_train = build_dir / "xlearn_train"
if not xlearn_train.is_file() or not has_record_lines(
        source / "src" / "solver" / "trainer.cc", TRAINER_BLOB, RECORD_LINES):
    sys.exit(f"needs xLearn built with the case's record lines under {build_dir}: unpack "
             f"aksnzhy/xlearn at {COMMIT} under {source}, then run "
             f"`<venv>/bin/python {__file__} --build`")

# a synthetic click log in libffm's format (label field:feature:value): four categorical
# fields (user, item, context, device), clicks from biases plus field-aware interactions
rng = random.Random(0)
FIELDS = (("user", 40), ("item", 30), ("context", 8), ("device", 4))
offsets, total = [], 0
for _, size in FIELDS:
    offsets.append(total)
    total += size
bias = [rng.gauss(0, 0.6) for _ in range(total)]
latent = [[rng.gauss(0, 0.7) for _ in range(3)] for _ in range(total)]


def row() -> str:
    features = [offset + rng.randrange(size) for offset, (_, size) in zip(offsets, FIELDS,
                                                                           strict=True)]
    logit = -0.3 + sum(bias[f] for f in features)
    logit += sum(a * b for a, b in zip(latent[features[0]], latent[features[1]], strict=True))
    logit += sum(a * b for a, b in zip(latent[features[1]], latent[features[2]], strict=True))
    label = 1 if rng.random() < 1 / (1 + 2.718281828459045 ** -logit) else 0
    return f"{label} " + " ".join(f"{field}:{f}:1" for field, f in enumerate(features))


Path("train.txt").write_text("".join(row() + "\n" for _ in range(2000)))
Path("valid.txt").write_text("".join(row() + "\n" for _ in range(500)))
Path(RECORD).unlink(missing_ok=True)
# xLearn names its log file after $USER (or $USERNAME) and aborts when neither is set
env = dict(os.environ)
if env.get("USER") is None and env.get("USERNAME") is None:
    env["USER"] = "zoo"
subprocess.run([str(xlearn_train), "train.txt", "-s", "2", "-v", "valid.txt", "-x", "auc",
                "-e", str(EPOCHS), "-nthread", "1", "-l", "xlearn_log"], check=True, env=env)

with open(RECORD, newline="", encoding="ascii") as handle:
    rows = list(csv.reader(handle, delimiter="\t"))
assert [int(r[0]) for r in rows] == list(range(1, EPOCHS + 1)), rows  # no early stop
record = {name: [(int(r[0]), float(r[column])) for r in rows]
          for column, name in ((1, "Train_log_loss"), (2, "Test_log_loss"), (3, "Test_AUC"))}
write_truth(
    "xLearn", "0.4.4",
    f"xlearn_train built from aksnzhy/xlearn at {COMMIT[:8]} with the case's record added to "
    f"src/solver/trainer.cc's Trainer::train (an fprintf appending to {RECORD} right after "
    "its show_train_info call: the epoch and the three values it prints, at %.17g)",
    {name: series(values, "epoch", tolerance=5e-7) for name, values in record.items()},
    files=[RECORD],
    also_ok=ALSO_OK,
    notes="the row's Time cost (sec) is timer.toc(), passed to show_train_info and kept "
          "nowhere, as is the closing 'Total time cost: 0.12 (sec)'; the percent in the "
          "row's [   20%      ] tag is epoch/epochs, no metric",
)
