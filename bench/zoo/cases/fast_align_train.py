"""fast_align (Chris Dyer's word aligner: IBM Model 2 with a diagonal-favouring alignment
distribution and a Dirichlet prior on the lexical table, trained by EM; no pip package and no
version number: repository clab/fast_align at cab1e9aac8d3bb02ff5ae58218d8d225a039fa11,
2020-01-08, its last commit, unpacked with ``git archive`` under ``$ZOO_REPOS/fast_align``,
default ``~/.cache/exptrack-zoo/repos/fast_align``), run as its README's first example
runs it, ``fast_align -i text.fr-en -d -o -v > forward.align``: the default 5 EM
iterations, ``-d`` (favour the diagonal), ``-o`` (optimise the diagonal tension), ``-v``
(variational Bayes, the Dirichlet prior, ``alpha`` 0.01). The binary is run with subprocess,
its stdout (the alignments, ``0-0 1-1 2-3 ...`` a line) redirected to ``forward.align`` as the
README's ``>`` does, its stderr (everything it reports) inherited.

Build: ``<venv>/bin/python bench/zoo/cases/fast_align_train.py --build`` checks
``src/fast_align.cc`` against its blob id at the commit, adds the case's record lines (below),
and runs the README's build there, ``cmake -S . -B build`` (Debian bookworm's cmake 3.25.1,
which only warns about the file's ``cmake_minimum_required(VERSION 2.8)``) and ``make -C build
fast_align`` (g++ 12.2.0, ``-std=c++11 -O3 -g``, with OpenMP; no sparsehash, so its
``unordered_map`` tables), about half a minute; the case runs ``build/fast_align`` and refuses
to run unless the built ``fast_align.cc`` is exactly the commit's plus those lines.

Data: a synthetic parallel corpus in fast_align's format (``source ||| target`` a line) that
the case writes as ``corpus.f-e``: 400 pairs of 3-8 word English sentences from a 40-word
vocabulary (determiners, adjectives, nouns, verbs, prepositions) and their "foreign" side
through a hidden one-to-one word mapping (``dog`` -> ``kalo``), with the adjective moved after
its noun (a local reordering the diagonal prior has to bend to), now and then a foreign
particle (``ne``) with no English counterpart and an English word dropped, Python's
``random.Random(0)``. The foreign side is the source, English the target (``.f-e``). Under a
second of CPU; ``OMP_NUM_THREADS=1`` (run.py) runs the OpenMP loops on one thread.

What it prints (stderr): one ``ARG=<letter>`` line an option (``ARG=i``, ``ARG=d``, ``ARG=o``,
``ARG=v``), ``INITIAL PASS``, ``expected target length = source length * 0.956382``, then
for each EM iteration (``main``, C++'s default stream format: 6 significant digits)::

    ITERATION 2
      log_e likelihood: -6641.89
      log_2 likelihood: -9582.22
         cross entropy: 3.36691
            perplexity: 10.3167
          posterior p0: 0.0265237
     posterior al-feat: -0.157239
           size counts: 19

(no dots: fast_align prints one every 1000 lines), from the second iteration on followed by
the tension optimisation, eight lines and a closing one::

      1  model al-feat: -0.170744 (tension=4)
      ...
      8  model al-feat: -0.157307 (tension=4.49011)
         final tension: 4.49148

and the last one headed ``ITERATION 5 (FINAL)``, which only aligns (it writes the alignments
and normalises nothing), its report ending ``posterior p0: 0``, ``posterior al-feat: 0``,
``size counts: 19``; nothing follows it (no ``-p`` table to announce). Iteration 1 starts
from the uniform table: ``perplexity: 1e+09``, ``cross entropy: 29.8974``.

Truth: fast_align keeps no record (it writes the alignments, and with ``-p`` the lexical
table, nothing per iteration), so the case adds lines to the stock ``fast_align.cc``
(``RECORD_LINES``, each after an anchor found once; no line changed): ``#include <cstdio>``
after ``#include <fstream>``; right after the iteration's ``size counts`` line an ``fprintf``
appending to ``fast_align_iter.tsv`` in the cwd the iteration (``iter + 1``, as printed) and
the very expressions the seven lines print (``likelihood``, ``base2_likelihood``,
``-base2_likelihood / denom``, ``pow(2.0, -base2_likelihood / denom)``, ``c0 /
n_target_tokens``, ``emp_feat``, ``size_counts.size()``); right after the ``model al-feat``
line one appending ``iter + 1``, ``ii + 1``, ``mod_feat`` and the printed ``diagonal_tension``
to ``fast_align_tension.tsv``, and right after ``final tension`` one appending ``iter + 1``,
``0`` and ``diagonal_tension`` there; values at ``%.17g``. Both files are in truth ``files``.
Nothing is parsed from stderr. Judgement calls:
- Metrics, named as printed (fast_align keeps no keys; its variables are ``likelihood``,
  ``c0``, ``emp_feat``), so by the README's rule for printed words without a key (spaces
  to ``_``, case and ``-`` as printed): ``log_e_likelihood`` (``log_e likelihood``, the
  corpus log-likelihood of the target side under the model of the previous iteration),
  ``log_2_likelihood`` (the same in bits), ``cross_entropy`` (bits per target token,
  ``-log_2 likelihood / n_target_tokens``), ``perplexity`` (``2 ** cross entropy``),
  ``posterior_p0`` (the expected share of target tokens aligned to NULL) and
  ``posterior_al-feat`` (the expected diagonal feature, what the tension optimisation
  matches): per-iteration figures of the model and its E-step, one each an iteration: 5
  each, axis ``step`` = the printed ``ITERATION`` number (1-5).
- ``posterior p0`` and ``posterior al-feat`` are 0 at iteration 5: the FINAL pass only
  aligns (``UpdateFromPairs`` adds expected counts only when it is not the final iteration),
  so ``c0`` and ``emp_feat`` stay 0 and fast_align prints ``0``. That is what it computed and
  printed, and the record keeps it: the truth has the 0s, five points each.
- ``size counts`` is no metric: the number of distinct (target length, source length) pairs
  in the corpus (``size_counts.size()``), the same on every line; a count of the data, as
  CRF++'s ``act=`` is in ``crfpp_learn``. Not in the truth and not in ``also_ok``.
- The tension optimisation (``-o``, iterations 2-4): ``final tension`` is the diagonal
  tension that iteration's M-step settled on, a fitted parameter of the model printed once
  an iteration (the usage message: "-o: [USE] Optimize how close to the diagonal alignment
  points should be"), a per-iteration figure like the likelihoods: a metric,
  ``final_tension`` (the printed words: ``final`` is part of fast_align's label, no reprint
  of a running value), 3 points, axis ``step`` 2-4. The eight ``model al-feat: ...
  (tension=...)`` lines an iteration are the inner steps of a fixed-step search
  (``tension += (emp_feat - mod_feat) * 20``) with no iteration number on the line, only
  the step ``1``-``8`` at its head: the record keeps them (``fast_align_tension.tsv``), but
  they are an optimiser's trace within an iteration, as a line search's evaluations are, no
  series a user charts; ``model_al-feat`` and ``tension`` (the parenthesised value, the
  tension the step started from) are in ``also_ok``, neither required nor junk.
- Tolerance: C++'s default format, 6 significant digits: ``rel_tolerance`` 5e-6 (half a unit
  of the 6th digit) for every metric.
- Not metrics: ``ARG=...`` (the options parsed), ``expected target length = source length *
  0.956382`` (the corpus's mean length ratio, a statistic of the data computed once, used for
  ``-s`` scores), the ``ITERATION`` headers; the alignments on stdout go to ``forward.align``
  and never reach exptrack.
- Determinism: EM from a uniform table, nothing random; one OpenMP thread; runs repeat bit
  for bit.
"""
# zoo-venv: fastalign

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _parallel_corpus import mapping, sentence
from _truth import series, write_truth
from _verbatim import add_record_lines, has_record_lines

COMMIT = "cab1e9aac8d3bb02ff5ae58218d8d225a039fa11"
SOURCE_BLOB = "be13762d33f803d464e0ffd3064bf2e2bc36861f"  # src/fast_align.cc at COMMIT
ITER_RECORD, TENSION_RECORD = "fast_align_iter.tsv", "fast_align_tension.tsv"
# the lines the case adds to src/fast_align.cc (after each anchor; no line changed): main's
# record of what each iteration's report printed, at full precision
RECORD_LINES = {
    "#include <fstream>\n": "#include <cstdio>  // zoo: for the records below\n",
    '    cerr << "       size counts: " << size_counts.size() << endl;\n':
        "    if (std::FILE *zoo = std::fopen(\"" + ITER_RECORD + "\", \"a\")) {  // zoo: record\n"
        "      std::fprintf(zoo, \"%d\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\t%d\\n\",\n"
        "                   iter + 1, likelihood, base2_likelihood,\n"
        "                   -base2_likelihood / denom, pow(2.0, -base2_likelihood / denom),\n"
        "                   c0 / n_target_tokens, emp_feat,\n"
        "                   static_cast<int>(size_counts.size()));\n"
        "      std::fclose(zoo);\n"
        "    }\n",
    '          cerr << "  " << ii + 1 << "  model al-feat: " << mod_feat << " (tension=" '
    '<< diagonal_tension << ")\\n";\n':
        "          if (std::FILE *zoo = std::fopen(\"" + TENSION_RECORD + "\", \"a\")) {"
        "  // zoo: record\n"
        "            std::fprintf(zoo, \"%d\\t%d\\t%.17g\\t%.17g\\n\", iter + 1, ii + 1, "
        "mod_feat,\n"
        "                         diagonal_tension);\n"
        "            std::fclose(zoo);\n"
        "          }\n",
    '        cerr << "     final tension: " << diagonal_tension << endl;\n':
        "        if (std::FILE *zoo = std::fopen(\"" + TENSION_RECORD + "\", \"a\")) {"
        "  // zoo: record\n"
        "          std::fprintf(zoo, \"%d\\t0\\t\\t%.17g\\n\", iter + 1, diagonal_tension);\n"
        "          std::fclose(zoo);\n"
        "        }\n",
}
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "fast_align"
binary = source / "build" / "fast_align"


def build() -> None:
    """Add the record lines to the unpacked fast_align.cc, then cmake and make."""
    add_record_lines(source / "src" / "fast_align.cc", SOURCE_BLOB, RECORD_LINES)
    subprocess.run(["cmake", "-S", ".", "-B", "build"], cwd=source, check=True)
    subprocess.run(["make", "-C", "build", "fast_align"], cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

if not binary.is_file() or not has_record_lines(source / "src" / "fast_align.cc", SOURCE_BLOB,
                                                RECORD_LINES):
    sys.exit(f"needs fast_align built with the case's record lines at {binary}: unpack "
             f"clab/fast_align at {COMMIT} under {source}, then run "
             f"`<venv>/bin/python {__file__} --build`")

# a synthetic parallel corpus (``_parallel_corpus``), an English word dropped now and then
rng = random.Random(0)
MAPPING = mapping(rng)


def pair() -> str:
    english, foreign = sentence(rng, MAPPING)
    target = list(english)
    if rng.random() < 0.1:
        del target[rng.randrange(len(target))]  # a word the translation drops
    return f"{' '.join(foreign)} ||| {' '.join(target)}"


Path("corpus.f-e").write_text("".join(pair() + "\n" for _ in range(400)), encoding="utf-8")

for record in (ITER_RECORD, TENSION_RECORD):
    Path(record).unlink(missing_ok=True)
with open("forward.align", "w", encoding="utf-8") as alignments:
    subprocess.run([str(binary), "-i", "corpus.f-e", "-d", "-o", "-v"], stdout=alignments,
                   check=True)

# truth: the case's record of each iteration's report
with open(ITER_RECORD, newline="", encoding="ascii") as handle:
    rows = list(csv.reader(handle, delimiter="\t"))
assert [int(row[0]) for row in rows] == [1, 2, 3, 4, 5], rows
NAMES = ["log_e_likelihood", "log_2_likelihood", "cross_entropy", "perplexity",
         "posterior_p0", "posterior_al-feat"]
metrics = {name: series([(int(row[0]), float(row[column + 1])) for row in rows], "step",
                        rel_tolerance=5e-6)
           for column, name in enumerate(NAMES)}
with open(TENSION_RECORD, newline="", encoding="ascii") as handle:
    tension_rows = list(csv.reader(handle, delimiter="\t"))
final_tension = [(int(row[0]), float(row[3])) for row in tension_rows if row[1] == "0"]
assert [step for step, _ in final_tension] == [2, 3, 4], tension_rows
assert len(tension_rows) == 3 * 9, tension_rows
metrics["final_tension"] = series(final_tension, "step", rel_tolerance=5e-6)
write_truth(
    "fast_align", f"{COMMIT[:8]} (clab/fast_align, 2020-01-08; no version number)",
    f"fast_align built from clab/fast_align at {COMMIT[:8]} with the case's record added to "
    f"src/fast_align.cc's main (an #include <cstdio>, an fprintf appending to {ITER_RECORD} "
    "right after each iteration's 'size counts' line, and to "
    f"{TENSION_RECORD} after each 'model al-feat' and 'final tension' line: the printed "
    "expressions at %.17g)",
    metrics,
    files=[ITER_RECORD, TENSION_RECORD],
    also_ok=["model_al-feat", "tension"],
    notes="size counts (the number of distinct target/source length pairs, the same every "
          "iteration) is a count, no metric; posterior p0/al-feat are 0 at the FINAL "
          "iteration, which accumulates no expected counts; the eight 'model al-feat (tension=)' "
          "lines an iteration are the tension search's inner steps (also_ok)",
)
