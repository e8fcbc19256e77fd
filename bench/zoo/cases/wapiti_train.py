"""Wapiti 1.5.0 (Thomas Lavergne's linear-chain CRF toolkit, LIMSI-CNRS, ``Wapiti v1.5.0``
by ``wapiti --version``; no pip package, and Debian's ``wapiti`` package, 3.0.4, is another
program of the same name, a web-application vulnerability scanner): repository Jekub/Wapiti
at 569fbe5040583086f8d26667f6b793dc641536b0 ("Release v1.5.0", 2013-12-18, its last commit),
unpacked with ``git archive`` under ``$ZOO_REPOS/wapiti``, default
``~/.cache/exptrack-zoo/repos/wapiti``. Run as its manual page (``doc/wapiti.1``) and README
run it, ``wapiti train -p patterns -d dev.txt train.txt model``, twice: with the default
trainer (``l-bfgs``, OWL-QN under the default elastic-net penalty) and then with ``-a
rprop``, every other option at its default (``-1 0.5``, ``-2 0.0001``, one thread, no
``--maxiter``, stop window 5 at ``--stopeps 0.02``, objective window 5); the binary is run
with subprocess, its stdout and stderr inherited (the model goes to the named file).

Build: ``<venv>/bin/python bench/zoo/cases/wapiti_train.py --build`` checks
``src/progress.c`` against its blob id at the commit (a2e74c33), adds the case's record
lines (below), and runs the repository's Makefile, ``make wapiti`` (``cc -DNDEBUG -std=c99
-W -Wall -Wextra -O3 -o wapiti src/*.c -lm -lpthread``, Debian bookworm's gcc 12.2.0; a few
seconds; ``wapiti --version`` adds ``Optimization mode: sse2``); the case runs the built
``wapiti`` and refuses to run unless the built ``progress.c`` is exactly the commit's plus
those lines.

Data: a synthetic POS-like tagging corpus in Wapiti's text format (a token and its label a
line, tab-separated, the label last; a blank line after each sequence) that the case writes:
sentences from a small grammar (noun phrases with determiners, adjectives, singular and
plural nouns or a pronoun; an adverb now and then; a present or past verb; prepositional
phrases; two clauses joined by ``and``/``but`` now and then; a full stop), 11 tags (``DT``,
``JJ``, ``NN``, ``NNS``, ``PRP``, ``VBZ``, ``VBD``, ``IN``, ``RB``, ``CC``, ``.``), some words
ambiguous between a plural noun and a verb (``walks``, ``runs``, ``watches``, ``lights``,
``plans``, ``books``: NNS or VBZ) so only the context tells, and 3% of the tags replaced by
a random tag (an annotator's slip: the data is not separable), Python's
``random.Random(0)``: 400 training sentences (5105 tokens) as ``train.txt`` and 100
development sentences (1246 tokens) as ``dev.txt``.
The pattern file (``patterns``, Wapiti's CRF++-like syntax) has unigram patterns (``u:``)
over the word and its neighbours at -2..+2, the previous word with the word, and the word's
last two and three letters (Wapiti's ``%m[0,0,".?.?$"]`` regular expressions), and two
bigram patterns (``b``): the label pair alone and with the word. 31372 features; under two
seconds for both trainings.

What it prints (stderr, Wapiti's ``info``): ``* Load patterns``, ``* Load training data``,
``* Load development data``, ``* Initialize the model``, ``* Summary`` with ``nb train:
400``, ``nb devel: 100``, ``nb labels: 11``, ``nb blocks: 2072``, ``nb features: 31372``,
``* Train the model with l-bfgs``, then a progress line an iteration (``uit_progress`` in
``src/progress.c``: ``[%4u]``, `` obj=%-10.2f``, `` act=%-8u``, `` err=%5.2f%%/%5.2f%%``, ``
time=%.2fs/%.2fs``)::

      [   1] obj=10369.42   act=12291    err=32.02%/100.00% time=0.07s/0.07s
      [   4] obj=2228.04    act=10511    err= 3.45%/36.00% time=0.04s/0.20s
      ...
      [  15] obj=1051.39    act=3219     err= 2.97%/33.00% time=0.02s/0.52s

then ``* Save the model``, ``* Done``; and the same again for ``rprop`` (``* Train the model
with rprop``, 24 lines from ``[   1] obj=12241.26   act=0        err=77.05%/100.00%``).
Both trainings stop on Wapiti's error-window criterion (the dev token error unchanged, within
``stopeps``, over the last 5 iterations): 15 and 24 iterations.

Truth: Wapiti keeps no record (the model file holds the weights; nothing per iteration), so
the case adds one block to the stock ``src/progress.c`` (``RECORD_LINES``, after an anchor
found once, the progress line's last two ``info`` calls; no line changed): an ``fopen`` of
``wapiti_progress.tsv`` in the cwd for appending and an ``fprintf`` of the trainer's name
(``mdl->opt->algo``) and the very variables the line prints, ``it``, ``obj``, ``act``, ``te``,
``se``, ``tm`` and ``mdl->total``, the numbers at ``%.17g``. The file is in truth ``files``.
Nothing is parsed from stderr. Judgement calls:
- Metrics, named as printed (Wapiti keeps no keys): ``obj``, the objective the trainer
  minimises (the training data's negative log-likelihood plus ``rho1 * ||w||_1 + rho2 / 2 *
  ||w||^2``, ``grd_gradient``); for L-BFGS at the iteration's new point, for RPROP at the
  point the iteration started from (``trn_rprop`` computes it before its update, so its
  first two lines print the same value); ``err``, the development set's token error rate in
  percent (``tag_eval``'s ``te``, the value the error-window criterion watches);
  ``act``, the number of non-zero weights after the iteration: with the default L1 penalty
  OWL-QN drives it down (12291 to 3219 here), a figure of the model's sparsity that changes
  every iteration, and docs/metrics.md notes that the tuning half's Wapiti log keeps ``act``
  (where CRF++'s constant ``act=`` and CRFsuite's ``active=`` are counts; RPROP's first line
  prints ``act=0``: its first iteration moves no weight, as with no previous gradient RPROP's
  weight-backtracking update is skipped).
- ``err=a%/b%`` prints two values under one name: ``te`` and then ``se``, the development
  set's sequence error rate (the share of sequences with at least one wrong tag, in percent;
  Wapiti's label mode calls the two ``Token error`` and ``Sequence error``). The docs' rule
  names the first value ``err`` and gives the second no name, as the DCGAN example's
  ``D(G(z)): a / b`` in ``pytorch_dcgan_example``: the truth's ``err`` is ``te``, and ``se``
  is no metric of it (the record keeps it; noted in ``notes``).
- One series a name, the two trainings pooled in print order (15 L-BFGS then 24 RPROP
  values: 39 each), keyed ``step`` by the printed iteration number, 1-based, restarting at 1
  for RPROP; the trainer is no part of a name, as a fold or a candidate is not in
  ``catboost_grid_search``.
- Tolerance: half a unit of the printed last digit, ``%.2f``: 5e-3 for ``obj`` and ``err``;
  ``act`` is an integer printed whole, exact.
- ``time=a/b``: the iteration's wall seconds and the training's total so far (``tm``,
  ``mdl->total``, ``gettimeofday``), a timing: ``time`` (the first value's name by the same
  rule) in ``also_ok``.
- Not metrics: the ``* Summary`` counts (``nb train``, ``nb devel``, ``nb labels``, ``nb
  blocks``, ``nb features``), the ``*`` step lines.
- Determinism: L-BFGS and RPROP draw nothing at random, one worker thread (Wapiti's default
  ``-t 1``); runs repeat bit for bit but for the ``time=`` values.
"""
# zoo-venv: wapiti

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import add_record_lines, has_record_lines

COMMIT = "569fbe5040583086f8d26667f6b793dc641536b0"
PROGRESS_BLOB = "a2e74c33f97d3318dd003e48014f9caaa21eaca5"  # src/progress.c at COMMIT
RECORD = "wapiti_progress.tsv"
# the lines the case adds to src/progress.c (after the anchor; no line changed): uit_progress's
# record of what its progress line printed, at full precision
RECORD_LINES = {
    '\tinfo(" time=%.2fs/%.2fs", tm, mdl->total);\n\tinfo("\\n");\n':
        '\tFILE *zoo = fopen("' + RECORD + '", "a");  // zoo: record\n'
        "\tif (zoo != NULL) {  // zoo: record\n"
        '\t\tfprintf(zoo, "%s\\t%"PRIu32"\\t%.17g\\t%"PRIu64"\\t%.17g\\t%.17g\\t%.17g\\t'
        '%.17g\\n",\n'
        "\t\t        mdl->opt->algo, it, obj, act, te, se, tm, mdl->total);\n"
        "\t\tfclose(zoo);\n"
        "\t}\n",
}
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "wapiti"
binary = source / "wapiti"


def build() -> None:
    """Add the record lines to the unpacked progress.c, then make."""
    add_record_lines(source / "src" / "progress.c", PROGRESS_BLOB, RECORD_LINES)
    subprocess.run(["make", "wapiti"], cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

if not binary.is_file() or not has_record_lines(source / "src" / "progress.c", PROGRESS_BLOB,
                                                RECORD_LINES):
    sys.exit(f"needs Wapiti built with the case's record lines at {binary}: unpack "
             f"Jekub/Wapiti at {COMMIT} under {source}, then run "
             f"`<venv>/bin/python {__file__} --build`")

# a synthetic POS-like tagging corpus: a word and its tag a line, a blank line after each
# sentence
rng = random.Random(0)
WORDS = {
    "DT": ["the", "a", "this", "every", "some"],
    "JJ": ["big", "small", "red", "old", "new", "quick", "green", "long", "happy"],
    "NN": ["dog", "cat", "house", "car", "tree", "man", "city", "river", "bank", "market",
           "price", "plan", "book", "walk", "run", "watch", "light"],
    "NNS": ["dogs", "cats", "houses", "cars", "prices", "plans", "books", "walks", "runs",
            "watches", "lights"],
    "PRP": ["he", "she", "it", "they", "we"],
    "VBZ": ["sees", "likes", "buys", "sells", "reads", "finds", "walks", "runs", "watches",
            "lights", "plans", "books"],
    "VBD": ["saw", "liked", "bought", "sold", "read", "found", "walked", "watched", "lit"],
    "IN": ["in", "on", "near", "with", "from", "of", "under"],
    "RB": ["quickly", "often", "never", "still", "slowly"],
    "CC": ["and", "but"],
}
TAGS = sorted([*WORDS, "."])


def noun_phrase() -> list[tuple[str, str]]:
    if rng.random() < 0.2:
        return [(rng.choice(WORDS["PRP"]), "PRP")]
    words = [(rng.choice(WORDS["DT"]), "DT")]
    words += [(rng.choice(WORDS["JJ"]), "JJ") for _ in range(rng.choice([0, 0, 1, 2]))]
    noun = rng.choice(["NN", "NN", "NNS"])
    return [*words, (rng.choice(WORDS[noun]), noun)]


def clause() -> list[tuple[str, str]]:
    words = noun_phrase()
    if rng.random() < 0.25:
        words.append((rng.choice(WORDS["RB"]), "RB"))
    verb = rng.choice(["VBZ", "VBD"])
    words.append((rng.choice(WORDS[verb]), verb))
    words += noun_phrase()
    for _ in range(rng.choice([0, 1, 1, 2])):
        words.append((rng.choice(WORDS["IN"]), "IN"))
        words += noun_phrase()
    return words


def sentence() -> list[tuple[str, str]]:
    words = clause()
    if rng.random() < 0.2:
        words.append((rng.choice(WORDS["CC"]), "CC"))
        words += clause()
    words.append((".", "."))
    # an annotator's slip now and then: the data is not separable
    return [(word, rng.choice(TAGS) if rng.random() < 0.03 else tag) for word, tag in words]


def write_corpus(path: str, count: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(count):
            handle.write("".join(f"{word}\t{tag}\n" for word, tag in sentence()) + "\n")


write_corpus("train.txt", 400)
write_corpus("dev.txt", 100)
Path("patterns").write_text(
    "# unigrams: the word, its neighbours, its suffixes\n"
    "u:wrd-2=%x[-2,0]\nu:wrd-1=%x[-1,0]\nu:wrd=%x[0,0]\nu:wrd+1=%x[1,0]\nu:wrd+2=%x[2,0]\n"
    "u:wrd-1/wrd=%x[-1,0]/%x[0,0]\n"
    'u:suf2=%m[0,0,".?.?$"]\nu:suf3=%m[0,0,".?.?.?$"]\n'
    "# bigrams: the label pair alone, and with the word\n"
    "b\n"
    "b:wrd=%x[0,0]\n", encoding="utf-8")

Path(RECORD).unlink(missing_ok=True)
# the default trainer (L-BFGS), then RPROP; each model to its own file
subprocess.run([str(binary), "train", "-p", "patterns", "-d", "dev.txt", "train.txt", "model"],
               check=True)
subprocess.run([str(binary), "train", "-a", "rprop", "-p", "patterns", "-d", "dev.txt",
                "train.txt", "model-rprop"], check=True)

# truth: the case's record of each progress line
with open(RECORD, newline="", encoding="ascii") as handle:
    rows = list(csv.reader(handle, delimiter="\t"))
algos = [row[0] for row in rows]
assert algos[0] == "l-bfgs" and algos[-1] == "rprop", algos
assert algos == sorted(algos), algos  # all the L-BFGS lines, then all the RPROP lines
for algo in ("l-bfgs", "rprop"):
    steps = [int(row[1]) for row in rows if row[0] == algo]
    assert steps == list(range(1, len(steps) + 1)), (algo, steps)
assert all(float(row[2]) >= 0 for row in rows), rows  # printed as numbers, never "obj=NA"
counts = {algo: algos.count(algo) for algo in ("l-bfgs", "rprop")}
write_truth(
    "Wapiti", "1.5.0",
    f"wapiti built from Jekub/Wapiti at {COMMIT[:8]} (v1.5.0) with the case's record added to "
    f"src/progress.c's uit_progress (an fopen/fprintf appending to {RECORD} right after the "
    "progress line: the trainer's name and the printed variables it, obj, act, te, se, tm, "
    "total at %.17g); two trainings, the default l-bfgs then -a rprop, pooled in print order",
    {
        "obj": series([(row[1], row[2]) for row in rows], "step", tolerance=5e-3),
        "act": series([(row[1], row[3]) for row in rows], "step"),
        "err": series([(row[1], row[4]) for row in rows], "step", tolerance=5e-3),
    },
    files=[RECORD],
    also_ok=["time"],
    notes=f"{counts['l-bfgs']} L-BFGS then {counts['rprop']} RPROP iterations, each stopped "
          "by the dev error window; err=a%/b% prints the token error (err) and the sequence "
          "error (the record's se column), which the name rule leaves unnamed: no metric of "
          "the truth; time=a/b (the iteration's and the total wall seconds) is a timing "
          "(also_ok); act is the number of non-zero weights, which the L1 penalty moves",
)
