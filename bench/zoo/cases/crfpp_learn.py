"""CRF++ 0.59 (Taku Kudo's linear-chain CRF toolkit, ``CRF++ of 0.59``; no pip package:
repository taku910/crfpp at c603ea6fc2cc8e5317d2754971bc787da383f7e5, 2025-02-22, whose
sources last changed in 2014, unpacked with ``git archive`` under ``$ZOO_REPOS/crfpp``,
default ``~/.cache/exptrack-zoo/repos/crfpp``), run as its chunking example
(``example/chunking/exec.sh``) and its documentation run it: ``crf_learn -c 4.0 template
train.data model``, then ``crf_test -m model test.data``, each binary run with subprocess,
its stdout and stderr inherited.

Build: the repository lost ``winmain.h`` (which ``crf_learn.cpp`` and ``crf_test.cpp``
include) in db6d2b9's successor 1dc92a6 (2015, "Moved doc/* to top directory"); the case
builds with upstream's own file from db6d2b9 (``git --git-dir=<mirror> show
1dc92a6^:winmain.h > $ZOO_REPOS/crfpp/winmain.h``, blob 74d3a02c, checked; on Linux it is an
``#if defined(_WIN32)`` block and nothing else). Then ``<venv>/bin/python
bench/zoo/cases/crfpp_learn.py --build`` checks ``encoder.cpp`` against its blob id at the
commit, adds the case's record lines (below), and runs ``./configure
--prefix=$ZOO_REPOS/crfpp/local``, ``make -j2``, ``make install`` there (Debian bookworm's
g++ 12.2.0; a few minutes on 2 cores); the case runs ``local/bin/crf_learn`` and
``local/bin/crf_test`` and refuses to run unless the built ``encoder.cpp`` is exactly the
commit's plus those lines.

Data: a synthetic chunking corpus in CoNLL-2000's columns (word, POS, chunk tag; a blank
line after each sentence) from a small grammar (NP, VP, PP, ADVP chunks, ``B-``/``I-`` tags,
``O`` for ``and``/``but`` and the full stop), a few words given a wrong POS now and then (as a
tagger's column has), and a twentieth of the chunk tags replaced at random (so the
training data is not separable): 150 training and 30 test sentences, Python's
``random.Random(0)``. The template is CRF++'s own ``example/chunking/template``, verbatim (the
unigram features ``U00``-``U22`` over words and POS tags, and ``B``). Under a second.

What it prints (stdout): ``CRF++: Yet Another CRF Tool Kit``, the copyright line, ``reading
training data: 100..``, ``Done!0.01 s``, ``Number of sentences: 150``, ``Number of features:
15792``, ``Number of thread(s): 2`` (the default, the number of CPUs), ``Freq:``, ``eta:
0.00010``, ``C:                   4.00000``, ``shrinking size:      20``, then a line an
L-BFGS iteration (``runCRF`` in ``encoder.cpp``; ``std::cout`` fixed with 5 decimals)::

    iter=0 terr=0.96750 serr=1.00000 act=15792 obj=2922.35969 diff=1.00000
    iter=1 terr=0.12692 serr=0.74000 act=15792 obj=1820.62831 diff=0.37700
    ...
    iter=39 terr=0.00000 serr=0.00000 act=15792 obj=75.47093 diff=0.00004

(40 iterations: it stops when ``diff < eta`` three times in a row), ``Done!0.17 s``; then
``crf_test`` prints the test data with the predicted tag as a fourth column
(``man\\tNN\\tI-NP\\tI-NP``), a blank line after each sentence, and nothing else.

Truth: CRF++ keeps no per-iteration record (the model file holds the weights alone), so two
additions to the stock ``encoder.cpp`` (``RECORD_LINES``, each after an anchor found once;
no line changed: one line and a block of seven) record what ``runCRF`` prints:
``#include <cstdio>`` after ``#include <fstream>``, and right after the iteration line's
``<< " diff="  << diff << std::endl;`` an ``fprintf`` that appends to
``crf_learn_iter.tsv`` in the cwd ``itr``, ``1.0 * thread[0].err / all``, ``1.0 *
thread[0].zeroone / x.size()``, ``num_nonzero``, ``thread[0].obj`` and ``diff``, the very
expressions the line prints, at ``%.17g``. The file is in truth ``files``. Nothing is
parsed from stdout. Judgement calls:
- Metrics, named as printed (CRF++ keeps no keys; its documentation names the fields):
  ``terr`` (the training data's tag error rate, erroneous tags / all tags, with the
  weights before this iteration's update), ``serr`` (its sentence error rate), ``obj``
  (the objective L-BFGS minimises: the training data's negative log-likelihood plus the L2
  term ``||w||^2 / 2C``, "When this value converges ... CRF++ stops") and ``diff`` ("relative
  difference from the previous object value", ``|obj_prev - obj| / obj_prev``, 1 at
  iteration 0 by definition): a per-iteration convergence quantity printed every
  iteration, a metric as hmmlearn's ``delta`` and scikit-learn GaussianMixture's change
  are in their cases.
- ``act`` is no metric: the number of active (non-zero) features, ``num_nonzero``; with the
  default L2 regulariser every feature counts, so it is ``Number of features`` again
  (15792) on every line; a count, as CRFsuite's ``active=`` is in ``crfsuite_lbfgs``. Not in
  the truth and not in ``also_ok``.
- Count: 40 each, axis ``step`` = the printed ``iter`` (from 0).
- Tolerance: ``std::cout`` prints fixed with 5 decimals: 5e-6 for all four (``obj`` too: a
  fixed format rounds to 5 decimals whatever the magnitude).
- Not metrics: ``Number of sentences``/``features``/``thread(s)`` (counts), ``Freq``, ``eta``,
  ``C``, ``shrinking size`` (settings), ``Done!0.17 s`` (the ``progress_timer``'s wall time;
  nothing keeps it); ``crf_test``'s columns are tokens and tags, no scores (``-v`` is off).
- Determinism: CRF++ seeds nothing and needs nothing random; the sentences are split over
  the threads by ``line % thread_num`` and their sums added in thread order, so a run
  repeats bit for bit on a machine (only the ``Done!`` times vary); another number of CPUs
  may change the last bits.
"""
# zoo-venv: libfm

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import add_record_lines, git_blob_id, has_record_lines

COMMIT = "c603ea6fc2cc8e5317d2754971bc787da383f7e5"
ENCODER_BLOB = "2c6f75839cbb0611785691b6c394524864d2a0bd"  # encoder.cpp at COMMIT
WINMAIN_BLOB = "74d3a02cbca39dd7b898be54cfe34e778e8a8e94"  # winmain.h at db6d2b9
RECORD = "crf_learn_iter.tsv"
# the lines the case adds to encoder.cpp (after each anchor; no line changed): runCRF's
# record of what its iteration line printed, at full precision
RECORD_LINES = {
    "#include <fstream>\n": "#include <cstdio>  // zoo: for the record below\n",
    '              << " diff="  << diff << std::endl;\n':
        "    if (std::FILE *zoo = std::fopen(\"" + RECORD + "\", \"a\")) {  // zoo: record\n"
        "      std::fprintf(zoo, \"%d\\t%.17g\\t%.17g\\t%d\\t%.17g\\t%.17g\\n\",\n"
        "                   static_cast<int>(itr), 1.0 * thread[0].err / all,\n"
        "                   1.0 * thread[0].zeroone / x.size(),\n"
        "                   static_cast<int>(num_nonzero), thread[0].obj, diff);\n"
        "      std::fclose(zoo);\n"
        "    }\n",
}
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "crfpp"
prefix = source / "local"


def build() -> None:
    """Add the record lines to the unpacked encoder.cpp, then configure, make, install."""
    add_record_lines(source / "encoder.cpp", ENCODER_BLOB, RECORD_LINES)
    winmain = (source / "winmain.h").read_text(encoding="ascii")
    assert git_blob_id(winmain) == WINMAIN_BLOB, "winmain.h is not CRF++'s"
    subprocess.run(["./configure", f"--prefix={prefix}"], cwd=source, check=True)
    subprocess.run(["make", "-j2"], cwd=source, check=True)
    subprocess.run(["make", "install"], cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

crf_learn, crf_test = prefix / "bin" / "crf_learn", prefix / "bin" / "crf_test"
if not crf_learn.is_file() or not has_record_lines(source / "encoder.cpp", ENCODER_BLOB,
                                                         RECORD_LINES):
    sys.exit(f"needs CRF++ built with the case's record lines under {prefix}: unpack "
             f"taku910/crfpp at {COMMIT} under {source}, restore winmain.h, then run "
             f"`<venv>/bin/python {__file__} --build`")

# a synthetic chunking corpus (CoNLL-2000's columns: word, POS, chunk tag)
rng = random.Random(0)
WORDS = {
    "DT": ["the", "a", "this", "every", "some"],
    "JJ": ["big", "small", "red", "old", "new", "quick", "green", "long"],
    "NN": ["dog", "cat", "house", "car", "tree", "man", "book", "city", "river", "bank",
           "report", "market", "price", "plan"],
    "NNS": ["dogs", "cats", "houses", "cars", "prices", "plans", "books", "reports"],
    "NNP": ["Paris", "John", "Mary", "London", "Acme", "Tokyo"],
    "VBZ": ["sees", "likes", "runs", "buys", "sells", "reads", "finds"],
    "VBD": ["saw", "liked", "ran", "bought", "sold", "read", "found"],
    "IN": ["in", "on", "near", "with", "from", "of"],
    "RB": ["quickly", "often", "never", "still"],
    "CC": ["and", "but"],
}
TAGS = ["B-NP", "I-NP", "B-VP", "B-PP", "B-ADVP", "O"]
AMBIGUOUS = {"sells": "NNS", "runs": "NNS", "plan": "VB", "report": "VB", "still": "JJ"}


def noun_phrase() -> list[tuple[str, str]]:
    if rng.random() < 0.25:
        return [(rng.choice(WORDS["NNP"]), "NNP")]
    words = [("DT", rng.choice(WORDS["DT"]))]
    words += [("JJ", rng.choice(WORDS["JJ"])) for _ in range(rng.choice([0, 0, 1, 2]))]
    noun = rng.choice(["NN", "NN", "NNS"])
    words.append((noun, rng.choice(WORDS[noun])))
    return [(word, pos) for pos, word in words]


def sentence() -> list[tuple[str, str, str]]:
    chunks = [("NP", noun_phrase())]
    if rng.random() < 0.3:
        chunks.append(("ADVP", [(rng.choice(WORDS["RB"]), "RB")]))
    verb = rng.choice(["VBZ", "VBD"])
    chunks.append(("VP", [(rng.choice(WORDS[verb]), verb)]))
    chunks.append(("NP", noun_phrase()))
    for _ in range(rng.choice([0, 1, 1, 2])):
        chunks.append(("PP", [(rng.choice(WORDS["IN"]), "IN")]))
        chunks.append(("NP", noun_phrase()))
    if rng.random() < 0.2:
        chunks.append(("O", [(rng.choice(WORDS["CC"]), "CC")]))
        chunks.append(("NP", noun_phrase()))
        chunks.append(("VP", [(rng.choice(WORDS["VBD"]), "VBD")]))
    rows = []
    for label, words in chunks:
        for index, (word, pos) in enumerate(words):
            if word in AMBIGUOUS and rng.random() < 0.3:
                pos = AMBIGUOUS[word]  # a tagger's error, as in CoNLL-2000's POS column
            tag = "O" if label == "O" else ("B-" if index == 0 else "I-") + label
            if rng.random() < 0.05:
                tag = rng.choice(TAGS)  # an annotator's slip: the data is not separable
            rows.append((word, pos, tag))
    rows.append((".", ".", "O"))
    return rows


def write_corpus(path: str, count: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(count):
            handle.write("".join(f"{w} {p} {t}\n" for w, p, t in sentence()) + "\n")


write_corpus("train.data", 150)
write_corpus("test.data", 30)
# CRF++'s example template (example/chunking/template), unigrams and the bigram
Path("template").write_text(
    "# Unigram\n"
    "U00:%x[-2,0]\nU01:%x[-1,0]\nU02:%x[0,0]\nU03:%x[1,0]\nU04:%x[2,0]\n"
    "U05:%x[-1,0]/%x[0,0]\nU06:%x[0,0]/%x[1,0]\n\n"
    "U10:%x[-2,1]\nU11:%x[-1,1]\nU12:%x[0,1]\nU13:%x[1,1]\nU14:%x[2,1]\n"
    "U15:%x[-2,1]/%x[-1,1]\nU16:%x[-1,1]/%x[0,1]\nU17:%x[0,1]/%x[1,1]\n"
    "U18:%x[1,1]/%x[2,1]\n\n"
    "U20:%x[-2,1]/%x[-1,1]/%x[0,1]\nU21:%x[-1,1]/%x[0,1]/%x[1,1]\n"
    "U22:%x[0,1]/%x[1,1]/%x[2,1]\n\n"
    "# Bigram\nB\n")

Path(RECORD).unlink(missing_ok=True)
subprocess.run([str(crf_learn), "-c", "4.0", "template", "train.data", "model"], check=True)
subprocess.run([str(crf_test), "-m", "model", "test.data"], check=True)

with open(RECORD, newline="", encoding="ascii") as handle:
    rows = list(csv.reader(handle, delimiter="\t"))
record = {name: [(int(row[0]), float(row[column])) for row in rows]
          for column, name in ((1, "terr"), (2, "serr"), (4, "obj"), (5, "diff"))}
assert [step for step, _ in record["terr"]] == list(range(len(rows))), rows
write_truth(
    "CRF++", "0.59",
    f"crf_learn built from taku910/crfpp at {COMMIT[:8]} with the case's record added to "
    f"encoder.cpp's runCRF (an #include <cstdio> and an fprintf appending to {RECORD} right "
    "after its iteration line: the printed expressions at %.17g)",
    {name: series(values, "step", tolerance=5e-6) for name, values in record.items()},
    files=[RECORD],
    notes="act= (the record's 4th column, num_nonzero: with the L2 regulariser every "
          "feature, the 'Number of features' count on every line) is a count, no metric; "
          "diff is 1 at iter 0 by CRF++'s definition",
)
