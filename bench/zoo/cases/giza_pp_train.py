"""GIZA++ (Franz Josef Och's statistical word aligner: IBM models 1-5 and the HMM alignment
model, trained by EM, with Viterbi training of models 3-5; ``GIZA++-v2``; no pip package, no
version number beyond the folder's "v2": repository moses-smt/giza-pp at
30bf1c66a3daa7c765e437430154e175b09d7fe0, 2025-11-18, its last commit, unpacked with ``git
archive`` under ``$ZOO_REPOS/giza-pp``, default ``~/.cache/exptrack-zoo/repos/giza-pp``),
run as Moses' ``train-model.perl`` runs it (``GIZA++-v2/README`` lists the tools):
``plain2snt.out src tgt``
(vocabularies ``src.vcb``, ``tgt.vcb`` and the corpus ``src_tgt.snt`` in GIZA++'s format),
``mkcls -c10 -n1 -psrc -Vsrc.vcb.classes opt`` and the same for ``tgt`` (the word classes
model 4 and the HMM read as ``<vcb>.classes``; Moses asks for ``-c50 -n2``, here 10 classes
for a 41-word vocabulary, one optimisation run), ``snt2cooc.out src.vcb tgt.vcb src_tgt.snt >
src_tgt.cooc`` (the co-occurrence file: the Makefile's ``-DBINARY_SEARCH_FOR_TTABLE`` build
"expects a parameter -CoocurrenceFile", as the README says, and without it stops with
``ERROR: NO COOCURRENCE FILE GIVEN!``), then ``GIZA++ -S src.vcb -T tgt.vcb -C
src_tgt.snt -CoocurrenceFile src_tgt.cooc -o out -m1 3 -mh 3 -m3 2 -m4 2``: 3 iterations of
IBM model 1, 3 of the HMM, 2 of model 3 and 2 of model 4 (model 2 and 5 at their default 0),
every other parameter at its default. Each binary is run with subprocess.

Build: ``<venv>/bin/python bench/zoo/cases/giza_pp_train.py --build`` checks
``GIZA++-v2/model1.cpp``, ``hmm.cpp`` and ``model3.cpp`` against their blob ids at the
commit, adds the case's record lines (below), and runs the repository's own top-level
``make -j2`` (``GIZA++-v2``'s ``opt`` target: ``-O3 -funroll-loops -DNDEBUG
-DWORDINDEX_WITH_4_BYTE -DBINARY_SEARCH_FOR_TTABLE``, and ``mkcls-v2``; Debian bookworm's g++
12.2.0; about a minute and a half on two cores); the case runs the built binaries and
refuses to run unless the three built files are exactly the commit's plus those lines.

Data: a synthetic parallel corpus the case writes, one sentence a line, ``src`` (English) and
``tgt`` (a made-up language): 300 pairs of 5-12 word English sentences from a 40-word
vocabulary (determiners, adjectives, nouns, verbs, prepositions, adverbs) and their foreign
side through a hidden one-to-one word mapping (``dog`` -> a two-syllable word), with the
adjective moved after its noun, now and then a foreign particle (``ne``) before the verb with
no English counterpart, and now and then an English word dropped from the foreign side,
Python's ``random.Random(0)``. English is GIZA++'s source (``-S``, the side that generates),
the made-up language its target. The whole pipeline takes well under a second.

Environment: GIZA++'s start-up (``Get_File_Spec``, the default output prefix
``<date>.<user>``) takes ``strlen(getenv("USER"))`` and crashes on a missing ``USER``
(a segmentation fault before it prints anything): the case passes ``USER=zoo`` to GIZA++
when the environment has none (its default prefix, overridden by ``-o out``, then reads
``2026-12-07.153227.zoo``).

What is printed: GIZA++'s stdout and stderr are inherited (the case's subject). The
preparatory tools' reports go to files in the cwd, as a user's script sends them to its
logs: ``plain2snt.out``'s ``src -> src`` lines to ``plain2snt.log``, ``snt2cooc.out``'s
stdout is the co-occurrence file (its ``END.`` on stderr to ``snt2cooc.log``), and each
mkcls's report (``***** 1 runs. (algorithm:TA)*****``, ``start-costs: MEAN: 18495.5
(18495.5-18495.5)  SIGMA:0``, ``end-pp: MEAN: 9.18366 ...``: the clustering's own
optimisation, a separate tool's run, which keeps no record) to ``mkcls.src.log`` and
``mkcls.tgt.log``. GIZA++ prints (stdout, block-buffered under a pipe, C++'s default stream
format: 6 significant digits) ``Parameter 'm1' changed from '5' to '3'`` for each option,
its whole parameter listing (``ml = 101  (maximum sentence length)``, ``model1iterations =
3  (number of iterations for Model 1)``, ...), the corpus statistics (``Size of source
portion of the training corpus: 2135 tokens``, ``lambda for PP calculation in
IBM-1,IBM-2,HMM:= ...``), then for each iteration of model 1 and the HMM::

    Model1: Iteration 1
    Model1: (1) TRAIN CROSS-ENTROPY 5.81255 PERPLEXITY 56.2019
    Model1: (1) VITERBI TRAIN CROSS-ENTROPY 8.87349 PERPLEXITY 469.016
    Model 1 Iteration: 1 took: 0 seconds
    ...
    Hmm: Iteration 1
    A/D table contains 751 parameters.
    Hmm: (1) TRAIN CROSS-ENTROPY 3.5467 PERPLEXITY 11.686
    Hmm: (1) VITERBI TRAIN CROSS-ENTROPY 3.94839 PERPLEXITY 15.4378
    Hmm Iteration: 1 took: 0 seconds

and for the four Viterbi iterations of models 3 and 4 (``THTo3`` the HMM-to-model-3
transfer iteration, ``Model3``, ``T3To4`` the model-3-to-4 transfer, ``Model4``; one
iteration counter 1-4 across them)::

    THTo3: Iteration 1
    #centers(pre/hillclimbed/real): 1 1 1  #al: 80.2033 #alsophisticatedcountcollection: 0 ...
    #peggingImprovements: 0
    A/D table contains 751 parameters.
    A/D table contains 748 parameters.
    NTable contains 420 parameter.
    p0_count is 2034.79 and p1 is 72.106; p0 is 0.965776 p1: 0.0342238
    THTo3: TRAIN CROSS-ENTROPY 0.724826 PERPLEXITY 1.6527
    THTo3: (1) TRAIN VITERBI CROSS-ENTROPY 0.727316 PERPLEXITY 1.65556
    THTo3 Viterbi Iteration : 1 took: 0 seconds

then ``Entire Viterbi H3344 Training took: 0 seconds``, ``Writing PERPLEXITY report to:
out.perp``, ``Entire Training took: 0 seconds``; on stderr ``Reading vocabulary file
from:src.vcb``, ``NTable contains 420 parameter.``, ``writing Final tables to Disk``.
(Under a pipe GIZA++'s stdout comes in blocks, so stderr's lines land between them.)

Truth: GIZA++'s own record is its perplexity report ``out.perp``, written at the end
(``generatePerplexityReport``: a row an iteration, ``#trnsz tstsz iter model trn-pp test-pp
trn-vit-pp tst-vit-pp``, the perplexities at 6 significant digits, ``N/A`` for the test set
it has none of); it keeps no cross-entropy and none of model 3's ``p0``. So the case adds
lines to the stock sources (``RECORD_LINES``, each after an anchor found once; no line
changed): an ``#include <cstdio>`` at each file's first include, and right after each
iteration's ``VITERBI TRAIN`` line of ``model1.cpp`` (``model1::em_with_tricks``) and
``hmm.cpp`` (``hmm::em_with_tricks``) and its ``TRAIN VITERBI`` line of ``model3.cpp``
(``model3::viterbi``, models 3 and 4 and their transfers) an ``fprintf`` appending to
``giza_record.tsv`` in the cwd the very expressions the lines print: ``modelName``, ``it``,
``perp.cross_entropy()``, ``perp.perplexity()``, ``trainViterbiPerp.cross_entropy()``,
``trainViterbiPerp.perplexity()``, and in ``model3.cpp`` also ``p0_count``, ``p1_count``,
``p0`` and ``p1`` from the line above; numbers at ``%.17g``. Both ``giza_record.tsv`` and
``out.perp`` are in truth ``files``: the case checks that the record's perplexities are
GIZA++'s own report's, row by row, within its 6-digit rounding. Nothing is parsed from
stdout. Judgement calls:
- One series a quantity, the stages pooled in print order (3 model-1, 3 HMM and 4 model-3/4
  iterations: 10 values each), as GIZA++'s own ``out.perp`` keeps them (one column each, a
  ``model`` column beside, an ``iter`` counter 0-9 across the stages); the stage (``Model1:``,
  ``Hmm:``, ``THTo3:``, ...) is no part of a name, as Wapiti's trainer is not in
  ``wapiti_train``. Axis ``step`` = the stage's printed iteration number (``it``: 1-3, 1-3,
  1-4).
- Names from the printed words (GIZA++'s keys, ``trn-pp`` and ``trn-vit-pp`` of its report,
  are never printed), by the README's rule: a phase word before a name of capitals is
  lower-cased and the name keeps its capitals (``Test MSE`` -> ``test_MSE``), so ``TRAIN
  CROSS-ENTROPY`` -> ``train_CROSS-ENTROPY``. The ``PERPLEXITY`` after it on the line is the
  same phrase's perplexity (``2 ** CROSS-ENTROPY``; the report's ``trn-pp``):
  ``train_PERPLEXITY``; named bare ``PERPLEXITY`` it would pool the line's and the Viterbi
  line's perplexities, two quantities. ``VITERBI TRAIN CROSS-ENTROPY`` (model 1, HMM) and
  ``TRAIN VITERBI CROSS-ENTROPY`` (model 3's code prints the two words the other way round)
  are one quantity, the training corpus scored under each sentence's Viterbi (best)
  alignment, the report's one ``trn-vit-pp`` column: one series each for its cross-entropy
  and perplexity, named by the phase phrase ``VITERBI TRAIN`` lower-cased as a phase word is:
  ``viterbi_train_CROSS-ENTROPY``, ``viterbi_train_PERPLEXITY``. (Taken as printed, word for
  word, model 3/4's four would be ``train_VITERBI_CROSS-ENTROPY`` and
  ``train_VITERBI_PERPLEXITY``, a series of their own; the record and GIZA++'s report say
  they are the same column.)
- Model 3/4's ``p0_count is A and p1 is B; p0 is C p1: D``: ``p0`` (the probability of
  inserting no NULL-generated word, a fitted parameter of models 3 and 4, ``p0 = 1 - p1``)
  and ``p1`` (``p1_count / (p0_count + p1_count)``) are per-iteration figures of the model,
  as fast_align's ``final_tension`` is: metrics, 4 points each; ``p0_count`` (the E-step's
  expected count behind them, as fast_align's ``posterior p0`` is) is printed under its own
  variable name: a metric, 4 points. ``and p1 is B`` prints ``p1_count`` under the label
  ``p1`` (GIZA++'s slip: the variable is ``p1_count``); the truth's ``p1`` is the variable
  ``p1``, the line's ``p1:`` pair, and ``p1_count`` has no name of its own on the line: not in
  the truth (the record keeps it).
- Tolerance: C++'s default format, 6 significant digits: ``rel_tolerance`` 5e-6 (half a unit
  of the 6th digit) for every metric.
- Timings, whole seconds (``time()``): ``Model 1 Iteration: 1 took: 0 seconds``, ``Hmm
  Iteration: 1 took:``, ``THTo3 Viterbi Iteration : 1 took:``, ``Entire Model1 Training
  took:``, ``Entire Hmm Training took:``, ``Entire Viterbi H3344 Training took:``, ``Entire
  Training took:``: their names by the printed words in ``also_ok`` (``took``,
  ``Entire_Model1_Training_took``, ...).
- Not metrics: the parameter listing and ``Parameter '...' changed`` lines (settings); the
  corpus statistics and ``lambda for PP calculation`` (the data's token ratio, computed
  once); ``A/D table contains 751 parameters.``, ``D4 table contains 8729 parameters.``,
  ``NTable contains 420 parameter.`` (table sizes); model 3's search diagnostics
  ``#centers(pre/hillclimbed/real): 1 1 1  #al: 80.2033 #alsophisticatedcountcollection:
  0 #hcsteps: 0`` and ``#peggingImprovements: 0`` (how many alignments the hill-climbing
  visited and kept, counts of the search's effort, as CRF++'s ``act=`` is a count: not in
  the truth and not in ``also_ok``); ``Read classes: #words: 41  #classes: 11`` (counts of the
  class files); the ``Training Started at:`` dates.
- Determinism: GIZA++'s EM starts from uniform tables and draws nothing at random; mkcls
  seeds its ``drand48`` with its fixed ``TEST_RANDOM_SEED`` unless given ``-r``; runs repeat
  bit for bit but for the dates, the timings and the default prefix's time.
"""
# zoo-venv: gizapp

import csv
import math
import os
import random
import subprocess
import sys
from pathlib import Path

from _parallel_corpus import mapping, sentence
from _truth import series, write_truth
from _verbatim import add_records, has_records

COMMIT = "30bf1c66a3daa7c765e437430154e175b09d7fe0"
RECORD = "giza_record.tsv"
REPORT = "out.perp"
FIELDS = '"%s\\t%d\\t%.17g\\t%.17g\\t%.17g\\t%.17g'
PRINTED = ("modelName.c_str(), it, perp.cross_entropy(), perp.perplexity(),\n"
           "                   trainViterbiPerp.cross_entropy(), trainViterbiPerp.perplexity()")


def record_block(indent: str, extra_format: str, extra_args: str) -> str:
    """The lines that append one row of what the iteration's lines printed to RECORD."""
    return (f'{indent}if (std::FILE *zoo = std::fopen("{RECORD}", "a")) {{  // zoo: record\n'
            f"{indent}  std::fprintf(zoo, {FIELDS}{extra_format}\\n\",\n"
            f"{indent}               {PRINTED}{extra_args});\n"
            f"{indent}  std::fclose(zoo);\n"
            f"{indent}}}\n")


INCLUDE = "#include <cstdio>  // zoo: for the record below\n"
VITERBI_LINE = ('") VITERBI TRAIN CROSS-ENTROPY " << trainViterbiPerp.cross_entropy()\n'
                "\t << \" PERPLEXITY \" << trainViterbiPerp.perplexity() << '\\n';\n")
# the lines the case adds (after each anchor; no line changed), per file: git's blob id of
# the file at COMMIT (BLOBS) and {anchor: lines}
BLOBS = {"model1.cpp": "d3a9ce53634a1f55029450b37ad46f7e6208bf7a",
         "hmm.cpp": "081401b09b871c6efeb88e5efb0638fa66efbd7c",
         "model3.cpp": "1fe02162bc189ec3ce80a65270e0420b44891dac"}
RECORD_LINES = {
    "model1.cpp": {
        '#include "model1.h"\n': INCLUDE,
        '    cout << modelName << ": ("<<it<<' + VITERBI_LINE:
            record_block("    ", "\\t\\t\\t\\t", ""),
    },
    "hmm.cpp": {
        '#include "hmm.h"\n': INCLUDE,
        '     cout << modelName << ": ("<<it<<' + VITERBI_LINE:
            record_block("    ", "\\t\\t\\t\\t", ""),
    },
    "model3.cpp": {
        '#include "model3.h"\n': INCLUDE,
        '    cout << modelName << ": ("<<it<<") TRAIN VITERBI CROSS-ENTROPY " '
        "<< trainViterbiPerp.cross_entropy()\n"
        "\t << \" PERPLEXITY \" << trainViterbiPerp.perplexity() << '\\n';\n":
            record_block("    ", "\\t%.17g\\t%.17g\\t%.17g\\t%.17g",
                         ",\n                   p0_count, p1_count, double(p0), double(p1)"),
    },
}
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "giza-pp"
giza = source / "GIZA++-v2"
binaries = {name: giza / name for name in ("GIZA++", "plain2snt.out", "snt2cooc.out")}
binaries["mkcls"] = source / "mkcls-v2" / "mkcls"


def build() -> None:
    """Add the record lines to the unpacked sources, then the repository's make."""
    add_records(giza, BLOBS, RECORD_LINES)
    subprocess.run(["make", "-j2"], cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

if not all(path.is_file() for path in binaries.values()) \
        or not has_records(giza, BLOBS, RECORD_LINES):
    sys.exit(f"needs GIZA++ built with the case's record lines under {source}: unpack "
             f"moses-smt/giza-pp at {COMMIT} there, then run "
             f"`<venv>/bin/python {__file__} --build`")

# a synthetic parallel corpus (``_parallel_corpus``), a foreign word dropped now and then
rng = random.Random(0)
MAPPING = mapping(rng)


def pair() -> tuple[str, str]:
    english, foreign = sentence(rng, MAPPING)
    if rng.random() < 0.1:
        del foreign[rng.randrange(len(foreign))]  # a word the translation drops
    return " ".join(english), " ".join(foreign)


pairs = [pair() for _ in range(300)]
Path("src").write_text("".join(src + "\n" for src, _ in pairs), encoding="utf-8")
Path("tgt").write_text("".join(tgt + "\n" for _, tgt in pairs), encoding="utf-8")


def run_quiet(command: list[str], log: str, stdout: str | None = None) -> None:
    """A preparatory tool, its report sent to ``log`` (its output file to ``stdout``)."""
    with open(log, "w", encoding="utf-8") as report:
        if stdout is None:
            subprocess.run(command, stdout=report, stderr=subprocess.STDOUT, check=True)
        else:
            with open(stdout, "w", encoding="utf-8") as output:
                subprocess.run(command, stdout=output, stderr=report, check=True)


run_quiet([str(binaries["plain2snt.out"]), "src", "tgt"], "plain2snt.log")
for side in ("src", "tgt"):
    run_quiet([str(binaries["mkcls"]), "-c10", "-n1", f"-p{side}", f"-V{side}.vcb.classes",
               "opt"], f"mkcls.{side}.log")
run_quiet([str(binaries["snt2cooc.out"]), "src.vcb", "tgt.vcb", "src_tgt.snt"],
          "snt2cooc.log", stdout="src_tgt.cooc")

Path(RECORD).unlink(missing_ok=True)
env = dict(os.environ)
env.setdefault("USER", "zoo")  # GIZA++'s Get_File_Spec: strlen(getenv("USER"))
subprocess.run([str(binaries["GIZA++"]), "-S", "src.vcb", "-T", "tgt.vcb", "-C", "src_tgt.snt",
                "-CoocurrenceFile", "src_tgt.cooc", "-o", "out",
                "-m1", "3", "-mh", "3", "-m3", "2", "-m4", "2"], env=env, check=True)

# truth: the case's record of each iteration's lines, checked against GIZA++'s own report
with open(RECORD, newline="", encoding="ascii") as handle:
    rows = list(csv.reader(handle, delimiter="\t"))
assert [(row[0], int(row[1])) for row in rows] == [
    ("Model1", 1), ("Model1", 2), ("Model1", 3), ("Hmm", 1), ("Hmm", 2), ("Hmm", 3),
    ("THTo3", 1), ("Model3", 2), ("T3To4", 3), ("Model4", 4)], rows
with open(REPORT, newline="", encoding="ascii") as handle:
    report = [line.split("\t") for line in handle.read().splitlines()[1:]]
assert len(report) == len(rows), report
for row, line in zip(rows, report, strict=True):
    cells = [cell for cell in line if cell]  # trnsz tstsz iter model trn-pp test-pp ...
    assert cells[3] == ("HMM" if row[0] == "Hmm" else row[0]), (row, line)
    for recorded, reported in ((row[3], cells[4]), (row[5], cells[6])):
        assert math.isclose(float(recorded), float(reported), rel_tol=5e-6), (row, line)

steps = [int(row[1]) for row in rows]
NAMES = ["train_CROSS-ENTROPY", "train_PERPLEXITY", "viterbi_train_CROSS-ENTROPY",
         "viterbi_train_PERPLEXITY"]
metrics = {name: series(zip(steps, (float(row[column + 2]) for row in rows), strict=True),
                        "step", rel_tolerance=5e-6)
           for column, name in enumerate(NAMES)}
model3 = [row for row in rows if row[6]]
assert len(model3) == 4, rows
for name, column in (("p0_count", 6), ("p0", 8), ("p1", 9)):
    metrics[name] = series([(int(row[1]), float(row[column])) for row in model3], "step",
                           rel_tolerance=5e-6)
write_truth(
    "GIZA++", f"GIZA++-v2 at {COMMIT[:8]} (moses-smt/giza-pp, 2025-11-18; no version number)",
    f"GIZA++ built from moses-smt/giza-pp at {COMMIT[:8]} with the case's record added to "
    "GIZA++-v2/model1.cpp, hmm.cpp and model3.cpp (an #include <cstdio> and an fprintf "
    f"appending to {RECORD} right after each iteration's VITERBI TRAIN / TRAIN VITERBI line: "
    "the printed expressions at %.17g), checked against GIZA++'s own perplexity report "
    f"{REPORT}",
    metrics,
    files=[RECORD, REPORT],
    also_ok=["took", "Entire_Model1_Training_took", "Entire_Hmm_Training_took",
             "Entire_Viterbi_H3344_Training_took", "Entire_Training_took"],
    notes="stages (Model1, Hmm, THTo3, Model3, T3To4, Model4) pooled in print order as "
          "out.perp pools them; VITERBI TRAIN and model 3's TRAIN VITERBI are one quantity "
          "(out.perp's trn-vit-pp); the PERPLEXITY after a line's CROSS-ENTROPY takes its "
          "phrase; 'p1 is B' prints p1_count under p1's name (not in the truth); model 3's "
          "#al/#hcsteps search counts and the table sizes are no metrics",
)
