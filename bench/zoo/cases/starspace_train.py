"""Facebook's StarSpace (Ledell Wu et al.'s general-purpose neural embedding model; no pip
package and no version number: repository facebookresearch/StarSpace at
8aee0a950aa607c023e5c91cff518bec335b5df5, 2019-12-13, its last commit, unpacked with ``git
archive`` under ``$ZOO_REPOS/StarSpace``, default ``~/.cache/exptrack-zoo/repos/StarSpace``),
its ``starspace`` binary run as the README's text-classification usage runs it (TagSpace,
``-trainMode 0``, fastText's ``__label__`` format), with a validation file, then its ``test``
command on the saved model::

    starspace train -trainFile train.txt -model model -trainMode 0 -fileFormat fastText \\
        -validationFile valid.txt -epoch 5 -dim 10 -thread 2
    starspace test -model model -testFile test.txt -trainMode 0 -fileFormat fastText \\
        -thread 2

each run with subprocess, its stdout and stderr inherited. The other settings are the
defaults (``-lr 0.01``, ``-loss hinge``, ``-margin 0.05``, ``-similarity cosine``,
``-negSearchLimit 50``, ``-batchSize 5``, ``-adagrad 1``). ``-thread 2`` suits the 2-core
runner: ``EmbedModel::train`` keeps one thread back for its norm truncator, so one thread
trains (and draws the progress line), and ``test`` evaluates on two.

Build: ``apt-get install -y libboost-dev`` (Debian bookworm's Boost 1.74 headers), then
``<venv>/bin/python bench/zoo/cases/starspace_train.py --build`` checks ``src/starspace.cpp``,
``src/model.cpp`` and ``src/utils/utils.h`` against their blob ids at the commit, adds the
case's record lines (below) and runs the repository's own ``makefile`` there (``make clean``,
``make BOOST_DIR=/usr/include``: its default target ``opt``, ``g++ -pthread -std=gnu++11 -O3
-funroll-loops``, Debian's g++ 12.2.0; under a minute); the case runs ``starspace`` from that
folder and refuses to run unless the three files are exactly the commit's plus those lines.

Data: a labelled corpus in fastText's format (``__label__sports goal the team ...``) that the
case writes: four topics with eight words each, ten words shared by all; each line 5-12
words, a topic word of its own label with probability 0.6, of any topic 0.1, a shared word
0.3 (Python's ``random.Random(0)``); 400 training, 100 validation and 100 test lines. Well
under a second a command.

What it prints: ``Args::printArgs`` on stdout, ``Arguments:`` then one ``name: value`` line a
setting (``lr: 0.01``, ``dim: 10``, ``epoch: 5``, ``maxTrainTime: 8640000``, ... ``weightSep:
:``), then ``Start to initialize starspace model.``, ``Build dict from input file :
train.txt``, ``\\rRead 0M words`` (stderr), ``Number of words in dictionary:  42``, ``Number of
labels in dictionary: 4``, ``Loading data from file : train.txt``, ``Total number of examples
loaded : 400`` (and the same for ``valid.txt``). Then for each epoch ``i`` (0-4, from 0)
``StarSpace::train`` prints ``Training epoch 0: 0.01 0.002`` (the epoch's starting rate and
its decrement), and ``EmbedModel::train`` draws its progress line on stderr, ``std::fixed``,
redrawn with a leading ``\\r`` every 100 examples and at the epoch's last one, no newline::

    \\rEpoch: 24.8%  lr: 0.010000  loss: 0.077115  eta: <1min   tot: 0h0m0s  (5.0%)

(``Epoch:`` the share of the epoch done, ``setprecision(1)``; ``lr`` the rate, ``loss`` the
mean of the epoch's batch losses so far, both ``setprecision(6)``; ``eta`` and ``tot`` the
times; the last parenthesis the share of the whole training); then ``printf("\\n ---+++ %20s
%4d Train error : %3.8f +++--- %c%c%c\\n", ...)`` with a UTF-8 snowman::

     ---+++                Epoch    0 Train error : 0.03156075 +++--- ☃

and, with ``-validationFile``, ``EmbedModel::test``, which is ``train()`` again at rate 0 (no
update), so it draws the same progress line once for the validation pass (``\\rEpoch: 99.0%
lr: 0.000000  loss: 0.026022 ...  (19.8%)``), and ``cout << "\\nValidation error: " <<
valid_err``, C++'s default format (6 significant digits)::

    Validation error: 0.0260218

At the end ``Saving model to file : model`` and ``Saving model in tsv format : model.tsv``.
``test`` prints the defaults' ``Arguments:`` block, ``Start to load a trained starspace
model.``, ``STARSPACE-2018-2`` (the model file's magic), ``Model loaded.``, the test file's
``Loading data`` lines, ``Predictions use 4 known labels.``, ``------Loaded model args:`` and
the model's ``Arguments:`` block again, then ``Metrics::print``, default format::

    Evaluation Metrics :
    hit@1: 0.48 hit@10: 1 hit@20: 1 hit@50: 1 mean ranks : 1.52 Total examples : 100

Under a pipe the progress frames (stderr) and the rest (stdout, written through C stdio and
flushed by ``endl``) reach exptrack on two pipes, so their order between the two streams
varies; under the pty they keep the order they were written in.

Truth: StarSpace keeps no record of its errors (the model and its ``.tsv`` hold only
embeddings), so the case adds lines to the stock sources (``RECORD_LINES``, each after an
anchor found once; no line changed; each file gains an ``#include <cstdio>``): in
``starspace.cpp``'s ``StarSpace::train`` right after the ``Train error`` ``printf`` an
``fprintf`` appending the epoch ``i`` and ``err``, and right after the ``Validation error``
line ``i`` and ``valid_err``, to ``starspace_epochs.tsv``; in ``model.cpp``'s
``EmbedModel::train`` right after each progress frame's ``std::cerr << std::flush`` the pass's
``epochs_done``, its ``verbose`` flag (1 in training, 0 when ``test()`` calls it), the
printed ``100 * epoch_progress``, ``rate``, ``losses[idx] / counts[idx]`` and ``100 *
progress`` to ``starspace_progress.tsv``; in ``utils.h``'s ``Metrics::print`` right after
the line it prints the averaged ``hit1``, ``hit10``, ``hit20``, ``hit50``, ``rank`` and the
``count`` to ``starspace_test.tsv``; all at ``%.17g``. The three files are in truth
``files``. Nothing is parsed from the output. Judgement calls:
- ``train_error`` and ``validation_error``: StarSpace has no keys; the printed ``Train error``
  and ``Validation error`` take the name the documented phase rule gives (docs/metrics.md,
  "Phases": the phase word prefixes the name). ``Train error`` is the mean hinge loss of the
  epoch's batches (``totLoss / totCount``, each batch's loss taken before its update), the
  validation one the same mean on ``valid.txt`` with no update. 5 each, axis ``epoch`` as
  printed (0-4). Tolerances: ``%3.8f``, so 5e-9; the validation error's default format,
  ``rel_tolerance`` 5e-6.
- ``loss``: the progress line's running mean, named as printed. Every frame drawn is a value
  StarSpace computed and printed (the project's rule for bars: a bar's every frame is a
  value), so the truth has every frame the record keeps, in the order drawn: 4 an epoch in
  training (at 24.8%, 49.8%, 74.8% and 99.8% of the 400 lines) and 1 for each validation
  pass (at 99.0%: its ``loss`` is the validation pass's running mean, its last frame the
  ``Validation error`` that follows, printed to 6 decimals), 25 in all. The validation
  frames are in the one series because StarSpace draws them under the same name on the same
  line, with no phase word (only ``lr: 0.000000`` tells them apart). Training reaches a hinge
  loss of exactly 0 on this easy corpus, so some frames print ``loss: 0.000000`` twice or
  more in a row within an epoch: each is its own frame, at another ``Epoch:`` share, and
  counts. Axis ``epoch``: the training epoch of each frame (a validation frame the epoch it
  validates). ``setprecision(6)`` fixed: tolerance 5e-7.
- ``hit@1``, ``hit@10``, ``hit@20``, ``hit@50`` (the share of test lines whose correct label
  ranks within 1, 10, 20, 50 of the four labels: 1 from 10 on) and ``mean_ranks`` (the printed
  ``mean ranks``, spaces to ``_``): one each, axis ``epoch`` 4, the model after the last
  epoch. Default format: ``rel_tolerance`` 5e-6. ``Total examples : 100`` is a count, no
  metric.
- ``also_ok``: ``lr`` (the progress line's rate: the linear decay schedule, a setting, 0 in
  the validation passes), ``eta`` and ``tot`` (times). The ``Epoch:`` share and the trailing
  percentage are progress, no metric (not in ``also_ok``).
- Not metrics: the ``Arguments:`` blocks (settings: printed three times, once by ``train``
  and twice by ``test``), ``Training epoch 0: 0.01 0.002`` (the rate schedule), the
  dictionary and loading counts, ``Read 0M words``, the saving messages.
- Determinism: the shuffle is ``std::random_shuffle`` on the C library's ``rand()``, never
  seeded, and the initial weights come from a default-seeded engine, so runs here repeat bit
  for bit (three runs, pipe and pty alike); the norm truncator thread races the training
  thread over the embeddings, so another machine may differ in the last digits. Each run's
  truth is its own record.
"""
# zoo-venv: starspace

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import add_records, has_records

COMMIT = "8aee0a950aa607c023e5c91cff518bec335b5df5"
BLOBS = {"src/starspace.cpp": "7a38982deab8f29811cb23de8e8519273f47719e",  # at COMMIT
         "src/model.cpp": "4b4c343a33be993ba44f06848c8aae2cb0378a5e",
         "src/utils/utils.h": "36c8a180e87b8af2535312022eeb659241c58b5f"}
EPOCH_RECORD, PROGRESS_RECORD, TEST_RECORD = ("starspace_epochs.tsv", "starspace_progress.tsv",
                                              "starspace_test.tsv")
# the lines the case adds to each file (after each anchor; no line changed): the record of
# each value a line prints, at full precision
RECORD_LINES = {
    "src/starspace.cpp": {
        "#include <queue>\n": "#include <cstdio>  // zoo: for the records below\n",
        "           0xe2, 0x98, 0x83);\n":
            "    if (std::FILE *zoo = std::fopen(\"" + EPOCH_RECORD + "\", \"a\")) {"
            "  // zoo: record\n"
            "      std::fprintf(zoo, \"%d\\ttrain_error\\t%.17g\\n\", i, (double)err);\n"
            "      std::fclose(zoo);\n"
            "    }\n",
        '      cout << "\\nValidation error: " << valid_err << endl;\n':
            "      if (std::FILE *zoo = std::fopen(\"" + EPOCH_RECORD + "\", \"a\")) {"
            "  // zoo: record\n"
            "        std::fprintf(zoo, \"%d\\tvalidation_error\\t%.17g\\n\", i, "
            "(double)valid_err);\n"
            "        std::fclose(zoo);\n"
            "      }\n",
    },
    "src/model.cpp": {
        "#include <numeric>\n": "#include <cstdio>  // zoo: for the record below\n",
        "        std::cerr << std::flush;\n":
            "        if (std::FILE *zoo = std::fopen(\"" + PROGRESS_RECORD + "\", \"a\")) {"
            "  // zoo: record\n"
            "          std::fprintf(zoo, \"%d\\t%d\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\n\", "
            "epochs_done, (int)verbose,\n"
            "                       100 * epoch_progress, (double)rate,\n"
            "                       (double)(losses[idx] / counts[idx]), 100 * progress);\n"
            "          std::fclose(zoo);\n"
            "        }\n",
    },
    "src/utils/utils.h": {
        "#include <algorithm>\n": "#include <cstdio>  // zoo: for the record below\n",
        '         << " Total examples : " << count << "\\n";\n':
            "    if (std::FILE *zoo = std::fopen(\"" + TEST_RECORD + "\", \"a\")) {"
            "  // zoo: record\n"
            "      std::fprintf(zoo, \"%.17g\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\t%d\\n\", "
            "(double)hit1,\n"
            "                   (double)hit10, (double)hit20, (double)hit50, (double)rank,\n"
            "                   (int)count);\n"
            "      std::fclose(zoo);\n"
            "    }\n",
    },
}
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "StarSpace"
binary = source / "starspace"


def recorded_sources() -> bool:
    """The three files are exactly the commit's plus the case's lines."""
    return has_records(source, BLOBS, RECORD_LINES)


def build() -> None:
    """Add the record lines to the unpacked sources, then StarSpace's own makefile."""
    add_records(source, BLOBS, RECORD_LINES)
    subprocess.run(["make", "clean"], cwd=source, check=True)
    subprocess.run(["make", "BOOST_DIR=/usr/include"], cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

if not (binary.is_file() and recorded_sources()):
    sys.exit(f"needs StarSpace built with the case's record lines under {source}: unpack "
             f"facebookresearch/StarSpace at {COMMIT} there, then run "
             f"`<venv>/bin/python {__file__} --build`")

# a labelled corpus in fastText's format: four topics, each with words of its own, words
# shared by all, and now and then a word of another topic
rng = random.Random(0)
TOPICS = {
    "sports": ["match", "goal", "team", "coach", "league", "score", "player", "season"],
    "finance": ["market", "stock", "bank", "price", "profit", "trade", "fund", "rate"],
    "science": ["study", "cell", "energy", "theory", "atom", "gene", "data", "lab"],
    "travel": ["hotel", "flight", "beach", "city", "tour", "ticket", "island", "trip"],
}
SHARED = ["the", "a", "new", "report", "said", "today", "week", "big", "about", "more"]


def line() -> str:
    label = rng.choice(sorted(TOPICS))
    words = []
    for _ in range(rng.randint(5, 12)):
        draw = rng.random()
        if draw < 0.6:
            words.append(rng.choice(TOPICS[label]))
        elif draw < 0.7:
            words.append(rng.choice(TOPICS[rng.choice(sorted(TOPICS))]))
        else:
            words.append(rng.choice(SHARED))
    return f"__label__{label} {' '.join(words)}\n"


Path("train.txt").write_text("".join(line() for _ in range(400)), encoding="utf-8")
Path("valid.txt").write_text("".join(line() for _ in range(100)), encoding="utf-8")
Path("test.txt").write_text("".join(line() for _ in range(100)), encoding="utf-8")

for record in (EPOCH_RECORD, PROGRESS_RECORD, TEST_RECORD):
    Path(record).unlink(missing_ok=True)
subprocess.run([str(binary), "train", "-trainFile", "train.txt", "-model", "model",
                "-trainMode", "0", "-fileFormat", "fastText", "-validationFile", "valid.txt",
                "-epoch", "5", "-dim", "10", "-thread", "2"], check=True)
subprocess.run([str(binary), "test", "-model", "model", "-testFile", "test.txt",
                "-trainMode", "0", "-fileFormat", "fastText", "-thread", "2"], check=True)

# truth: the record lines' rows, written as each value was printed
with open(EPOCH_RECORD, newline="", encoding="ascii") as handle:
    epoch_rows = list(csv.reader(handle, delimiter="\t"))
record: dict[str, list[tuple[int, float]]] = {"train_error": [], "validation_error": []}
for epoch, name, value in epoch_rows:
    record[name].append((int(epoch), float(value)))
assert [e for e, _ in record["train_error"]] == list(range(5)), epoch_rows
assert [e for e, _ in record["validation_error"]] == list(range(5)), epoch_rows
metrics = {"train_error": series(record["train_error"], "epoch", tolerance=5e-9),
           "validation_error": series(record["validation_error"], "epoch", rel_tolerance=5e-6)}
# the progress line's running loss, every frame drawn (training passes and validation
# passes alike: StarSpace validates through the same train() at rate 0)
with open(PROGRESS_RECORD, newline="", encoding="ascii") as handle:
    progress_rows = list(csv.reader(handle, delimiter="\t"))
frames = []
last_epoch = 0
for epochs_done, training, _, _, loss, _ in progress_rows:
    if training == "1":
        last_epoch = int(epochs_done)
    frames.append((last_epoch, float(loss)))
assert len(frames) == 25, progress_rows
metrics["loss"] = series(frames, "epoch", tolerance=5e-7)
with open(TEST_RECORD, newline="", encoding="ascii") as handle:
    (test_row,) = list(csv.reader(handle, delimiter="\t"))
assert test_row[5] == "100", test_row
for column, name in enumerate(["hit@1", "hit@10", "hit@20", "hit@50", "mean_ranks"]):
    metrics[name] = series([(4, float(test_row[column]))], "epoch", rel_tolerance=5e-6)
write_truth(
    "StarSpace", f"{COMMIT[:8]} (facebookresearch/StarSpace, 2019-12-13; no version number)",
    f"starspace built from facebookresearch/StarSpace at {COMMIT[:8]} with the case's record "
    f"lines: src/starspace.cpp's StarSpace::train appends each epoch's Train error and "
    f"Validation error to {EPOCH_RECORD} right after printing it, src/model.cpp's "
    f"EmbedModel::train each progress frame's values to {PROGRESS_RECORD}, "
    f"src/utils/utils.h's Metrics::print the test's averages to {TEST_RECORD} (the printed "
    "values at %.17g)",
    metrics,
    files=[EPOCH_RECORD, PROGRESS_RECORD, TEST_RECORD],
    also_ok=["lr", "eta", "tot"],
)
