"""Tesseract 5.3.0's LSTM trainer, ``lstmtraining`` (tesseract-ocr/tesseract at
080da83cc51c4ef8b324a7e03146fe0bd7e0944b, tag 5.3.0, 2022-12-22, the version Debian bookworm
ships as ``tesseract-ocr`` 5.3.0-2, whose package carries no training tools; unpacked with
``git archive`` under ``$ZOO_REPOS/tesseract``, default ``~/.cache/exptrack-zoo/repos/tesseract``),
training a tiny LSTM line recognizer from scratch with the net spec of tesstrain's README,
``--net_spec '[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx96 Lrx96 Lfx192 O1c63]'`` (``###`` replaced
by the unicharset's size as tesstrain's Makefile replaces it), ``--learning_rate 0.002``
(tesstrain's from-scratch default), ``--max_iterations 600``, ``--target_error_rate 0.01``,
``--debug_interval 0``, no ``--eval_listfile`` (its tester runs in a thread of its own and
prints when it is done, an order no run repeats). The binary is run with subprocess, its
stdout and stderr inherited.

Build: ``<venv>/bin/python bench/zoo/cases/tesseract_lstmtraining.py --build`` checks
``src/training/unicharset/lstmtrainer.cpp`` against its blob id at the commit, adds the case's
record lines (below), and runs the repository's CMake build (Debian bookworm's cmake 3.25.1
and g++ 12.2.0; ``apt-get install -y libleptonica-dev libicu-dev libpango1.0-dev
libcairo2-dev pkg-config fonts-dejavu-core``): ``-DBUILD_TRAINING_TOOLS=ON
-DGRAPHICS_DISABLED=ON -DDISABLE_ARCHIVE=ON -DDISABLE_CURL=ON``, ``CMAKE_BUILD_TYPE=Release``
with ``-O1`` in place of its ``-O3`` (half the compile time on two busy cores; Tesseract's
own ``-march=native`` and its AVX/FMA dot products stay), OpenMP off (CMake's default), then
``make -j2`` of the five tools it needs, ``tesseract lstmtraining text2image
unicharset_extractor combine_lang_model``, about a quarter of an hour. The case runs the
built ``build/bin/*`` and refuses to run unless ``lstmtrainer.cpp`` is exactly the commit's
plus those lines.

Data, made as tesstrain (its Makefile and the older ``tesstrain.sh``) makes it, all from
tools of the same build: 60 lines of synthetic text (3-6 words of a 29-word vocabulary, a
number now and then, a capital and a closing punctuation mark; Python's
``random.Random(0)``) rendered by ``text2image --font 'DejaVu Sans'`` (Debian's
``fonts-dejavu-core``, ``--fonts_dir /usr/share/fonts/truetype/dejavu``; 12 pt at 300 dpi,
2400x1200 pages, ``--leading 32``, ``--exposure 0``, its default degradation with its fixed
seed) to a six-page ``.tif`` with its ``.box``; ``unicharset_extractor --norm_mode 1`` of
the box file (62 characters); ``combine_lang_model --lang zoo`` for a starter
``zoo/zoo.traineddata`` (no word lists; its ``--script_dir`` is the cwd, holding a
``radical-stroke.txt`` with no entry, since langdata_lstm's table is only consulted for Han
characters and is not fetched; the missing ``Latin.unicharset`` only costs the properties
warnings); then ``tesseract <tif> <base> --tessdata-dir zoo -l zoo --psm 6 lstm.train``
(the repository's ``tessdata/configs/lstm.train`` copied into ``zoo/configs/``) for the
``.lstmf`` of 60 lines, listed in ``list.train``. These preparation tools' output (a
properties warning a character, ``Rendered page 0 to file ...``, ``Page 1``) goes to
``prepare.log``, as a case writes its data quietly; only ``lstmtraining`` prints to the
run. About 40-50 seconds under exptrack on this machine, nearly all of it training.

What it prints (stderr, ``tprintf``): the network it built (``Warning: given outputs 63 not
equal to unicharset of 62.``, ``Num outputs,weights in Series:`` and the layer table, ``Total
weights = 376350``, ``Built network:[1,36,0,1[C3,3Ft16]Mp3,3TxyLfys48Lfx96RxLrx96Lfx192Fc62]
from request [...]``), ``Training parameters:`` with ``Debug interval = 0, weights = 0.1,
learning rate = 0.002, momentum=0.5``, ``null char=61``, ``Loaded 60/60 lines (1-60) of
document zoo.DejaVu_Sans.exp0.lstmf``; then every 100 training iterations (``main``'s
``kNumPagesPerBatch``) the line ``LSTMTrainer::MaintainCheckpoints`` builds, each with an
empty line after it (its own ``\\n`` and ``main``'s), preceded at a new best by
``UpdateErrorGraph``'s ``2 Percent improvement time=...`` line (each ``At iteration`` line
is one line, wrapped here after ``BCER train=...%,``)::

    2 Percent improvement time=100, best error was 100 @ 0
    At iteration 100/100/100, Mean rms=7.383000%, delta=40.118000%, BCER train=99.939000%,
     BWER train=100.000000%, skip ratio=0.000000%,  New best BCER = 99.939000 wrote checkpoint.

    At iteration 200/200/200, Mean rms=7.225000%, delta=37.254000%, BCER train=99.969000%,
     BWER train=100.000000%, skip ratio=0.000000%,  New worst BCER = 99.969000 wrote checkpoint.
    ...
    2 Percent improvement time=100, best error was 98.571 @ 500
    At iteration 600/600/600, Mean rms=6.516000%, delta=27.752000%, BCER train=96.440000%,
     BWER train=100.000000%, skip ratio=0.000000%,  New best BCER = 96.440000 wrote checkpoint.

and last ``Finished! Selected model with minimal training error rate (BCER) = 96.44``. The
lines at 100, 500 and 600 say ``New best BCER``, those at 200-400 ``New worst BCER`` (the
error rose above the worst since the last best); 600 iterations are where a from-scratch
model starts to learn (BCER 99.9% to 96.4%, BWER still 100%).

Truth: lstmtraining keeps no record of these figures (its checkpoint holds the trainer's
binary state, the error buffers among it), so the case adds lines to the stock
``lstmtrainer.cpp`` (``RECORD_LINES``, each after an anchor found once; no line changed): an
``#include <cstdio>``; at the end of ``LSTMTrainer::PrepareLogMsg``, which formats the ``At
iteration`` part of the line, an ``fprintf`` appending to ``lstmtrainer_iter.tsv`` in the cwd
the iteration triple (``learning_iteration()``, ``training_iteration()``,
``sample_iteration()``) and the five values the line prints, ``error_rates_[ET_RMS]``,
``[ET_DELTA]``, ``[ET_CHAR_ERROR]``, ``[ET_WORD_RECERR]``, ``[ET_SKIP_RATIO]``; after the
``New best BCER`` and the ``New worst BCER`` line one appending ``best``/``worst``, the
iteration and ``error_rate`` to ``lstmtrainer_best.tsv``; values at ``%.17g``. Both files are
in truth ``files``. Nothing is parsed from stderr. Judgement calls:
- Metrics, named as printed (Tesseract keys its rates by the enum ``ET_RMS``, ...,
  ``ET_SKIP_RATIO``, no name a user sees), by the README's rule for printed words without a
  key (words joined with ``_``, case as printed; a phase word after a name qualifies it):
  ``Mean_rms`` (the mean RMS of the output error), ``delta`` (the mean absolute output
  error), ``BCER_train`` (character error rate on the training lines), ``BWER_train`` (word
  error rate), ``skip_ratio`` (the share of lines skipped as unusable): each the mean over
  the last 100 training lines (Tesseract's rolling error buffers), in percent as printed,
  one point a line: 6 each, axis ``step`` = the first number of ``At iteration
  L/T/S`` (the learning iteration: the lines trained on; the training and sample
  iterations are the same here, no line being skipped), 100-600.
- Tolerance: ``std::to_string`` of a double prints ``%f``, 6 decimals: ``tolerance`` 5e-7
  (half a unit of the 6th decimal) for every metric. Tesseract itself keeps the rates to 3
  decimals (``7.383``), so the record's values are those up to the double's last bit.
- ``New best BCER = X`` and ``New worst BCER = X`` print ``error_rate``, which is
  ``CharError()``, the line's own ``BCER train`` again: the first a running best (the README:
  no series of its own), the second the running worst since that best; both in ``also_ok``
  (``New_best_BCER``, ``New_worst_BCER``), neither required nor junk. So is the closing
  ``Finished! Selected model with minimal training error rate (BCER) = 96.44`` (the best
  rate once more, at ``%g``), which exptrack names nothing.
- ``2 Percent improvement time=100, best error was 100 @ 0`` (``UpdateErrorGraph`` at each
  new best): the iterations the error took to fall by the last 2 points (``improvement_steps_``,
  which decides when a stalled run reverts), and the best error of that earlier point with
  its iteration. A training-progress timing measured in iterations, printed only at a new
  best (three times, at irregular steps), no per-iteration figure of the model:
  ``Percent_improvement_time`` in ``also_ok``; ``best error was`` (an earlier running best)
  is no metric.
- Not metrics: the network table (``Total weights = 376350``: a count), ``learning rate =
  0.002``, ``momentum=0.5`` and ``weights = 0.1`` (settings printed once, before training),
  ``null char=61`` (the index of the CTC blank in the recoder, a setting), ``Loaded 60/60
  lines`` (a count of the data), ``wrote checkpoint``.
- Determinism: Tesseract seeds its own random generators (``TRand``) with fixed seeds, the
  line order is the document's, one thread (no OpenMP): runs repeat bit for bit.
"""
# zoo-venv: tesseract

import csv
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import add_record_lines, has_record_lines

COMMIT = "080da83cc51c4ef8b324a7e03146fe0bd7e0944b"  # tag 5.3.0
TRAINER = Path("src") / "training" / "unicharset" / "lstmtrainer.cpp"
TRAINER_BLOB = "0ebad4de1bfa216f00f918d9e42cc2cb2c9a7c22"  # TRAINER at COMMIT
ITER_RECORD, BEST_RECORD = "lstmtrainer_iter.tsv", "lstmtrainer_best.tsv"
# the lines the case adds to lstmtrainer.cpp (after each anchor; no line changed): the values
# PrepareLogMsg formats into the "At iteration" line, and the error rate of a "New best BCER"
# or "New worst BCER", at full precision
RECORD_LINES = {
    '#include "lstmtrainer.h"\n': "#include <cstdio>  // zoo: for the records below\n",
    '  log_msg += "%, ";\n':
        '  if (std::FILE *zoo = std::fopen("' + ITER_RECORD + '", "a")) {  // zoo: record\n'
        '    std::fprintf(zoo, "%d\\t%d\\t%d\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\n",\n'
        "                 learning_iteration(), training_iteration(), sample_iteration(),\n"
        "                 error_rates_[ET_RMS], error_rates_[ET_DELTA],\n"
        "                 error_rates_[ET_CHAR_ERROR], error_rates_[ET_WORD_RECERR],\n"
        "                 error_rates_[ET_SKIP_RATIO]);\n"
        "    std::fclose(zoo);\n"
        "  }\n",
    '    log_msg += " New best BCER = " + std::to_string(error_rate);\n':
        '    if (std::FILE *zoo = std::fopen("' + BEST_RECORD + '", "a")) {  // zoo: record\n'
        '      std::fprintf(zoo, "best\\t%d\\t%.17g\\n", iteration, error_rate);\n'
        "      std::fclose(zoo);\n"
        "    }\n",
    '    log_msg += " New worst BCER = " + std::to_string(error_rate);\n':
        '    if (std::FILE *zoo = std::fopen("' + BEST_RECORD + '", "a")) {  // zoo: record\n'
        '      std::fprintf(zoo, "worst\\t%d\\t%.17g\\n", iteration, error_rate);\n'
        "      std::fclose(zoo);\n"
        "    }\n",
}
TARGETS = ["tesseract", "lstmtraining", "text2image", "unicharset_extractor",
           "combine_lang_model"]
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "tesseract"
bindir = source / "build" / "bin"
FONTS = Path("/usr/share/fonts/truetype/dejavu")


def build() -> None:
    """Add the record lines to the unpacked lstmtrainer.cpp, then CMake and make."""
    add_record_lines(source / TRAINER, TRAINER_BLOB, RECORD_LINES)
    subprocess.run(["cmake", "-S", ".", "-B", "build", "-DCMAKE_BUILD_TYPE=Release",
                    "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG", "-DBUILD_TRAINING_TOOLS=ON",
                    "-DGRAPHICS_DISABLED=ON", "-DDISABLE_ARCHIVE=ON", "-DDISABLE_CURL=ON",
                    "-DBUILD_TESTS=OFF", "-DSW_BUILD=OFF"], cwd=source, check=True)
    subprocess.run(["make", "-C", "build", "-j2", *TARGETS], cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

if not all((bindir / name).is_file() for name in TARGETS) or not has_record_lines(
        source / TRAINER, TRAINER_BLOB, RECORD_LINES):
    sys.exit(f"needs Tesseract's training tools built with the case's record lines under "
             f"{bindir}: unpack tesseract-ocr/tesseract at {COMMIT} under {source}, then run "
             f"`<venv>/bin/python {__file__} --build`")


def prepare(name: str, *args: str) -> None:
    """A data-preparation tool, its output (a warning a character) kept in prepare.log."""
    with open("prepare.log", "a", encoding="utf-8") as log:
        subprocess.run([str(bindir / name), *args], stdout=log, stderr=subprocess.STDOUT,
                       check=True)


# a synthetic training text: lines of words from a small vocabulary, digits and punctuation
rng = random.Random(0)
WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "river", "stone",
         "paper", "light", "green", "small", "house", "garden", "window", "letter", "number",
         "seven", "market", "winter", "summer", "bright", "yellow", "table", "chair", "music",
         "water"]


def text_line() -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), str(rng.randint(1, 999)))
    line = " ".join(words)
    return line[0].upper() + line[1:] + rng.choice(".,;:!?")


Path("training_text.txt").write_text("\n".join(text_line() for _ in range(60)) + "\n",
                                     encoding="utf-8")
Path("fontconfig").mkdir(exist_ok=True)
# tesstrain's sequence (its Makefile, and tesstrain.sh before it): render line images with
# their boxes, extract the unicharset, combine a starter traineddata, make .lstmf files with
# the lstm.train config, then train from scratch
prepare("text2image", "--fonts_dir", str(FONTS), "--fontconfig_tmpdir", "fontconfig",
        "--font", "DejaVu Sans", "--text", "training_text.txt", "--outputbase",
        "zoo.DejaVu_Sans.exp0", "--ptsize", "12", "--resolution", "300", "--xsize", "2400",
        "--ysize", "1200", "--leading", "32", "--char_spacing", "0.0", "--exposure", "0",
        "--max_pages", "0")
pages = sorted(Path().glob("zoo.DejaVu_Sans.exp0*.tif"))
prepare("unicharset_extractor", "--output_unicharset", "unicharset", "--norm_mode", "1",
        *sorted(str(path.with_suffix(".box")) for path in pages))
# combine_lang_model reads the radical-stroke table of langdata_lstm, which only Han
# characters consult: a table with no entry (a comment line) for this Latin text
Path("radical-stroke.txt").write_text("# no Han characters in this text\n", encoding="utf-8")
prepare("combine_lang_model", "--input_unicharset", "unicharset", "--script_dir", ".",
        "--output_dir", ".", "--lang", "zoo")
(Path("zoo") / "configs").mkdir(exist_ok=True)
shutil.copy(source / "tessdata" / "configs" / "lstm.train", Path("zoo") / "configs")
for page in pages:
    prepare("tesseract", str(page), str(page.with_suffix("")), "--tessdata-dir", "zoo", "-l",
            "zoo", "--psm", "6", "lstm.train")
Path("list.train").write_text("".join(f"{page.with_suffix('.lstmf')}\n" for page in pages),
                              encoding="utf-8")
outputs = Path("unicharset").read_text(encoding="utf-8").split("\n", 1)[0].strip()
Path("checkpoints").mkdir(exist_ok=True)
for record in (ITER_RECORD, BEST_RECORD):
    Path(record).unlink(missing_ok=True)
subprocess.run([str(bindir / "lstmtraining"), "--traineddata", str(Path("zoo") / "zoo.traineddata"),
                "--net_spec", f"[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx96 Lrx96 Lfx192 O1c{outputs}]",
                "--model_output", str(Path("checkpoints") / "zoo"), "--learning_rate", "0.002",
                "--train_listfile", "list.train", "--max_iterations", "600",
                "--target_error_rate", "0.01", "--debug_interval", "0"], check=True)

# truth: the case's record of what each "At iteration" line formatted
with open(ITER_RECORD, newline="", encoding="ascii") as handle:
    rows = list(csv.reader(handle, delimiter="\t"))
assert [int(row[0]) for row in rows] == [100, 200, 300, 400, 500, 600], rows
assert all(row[0] == row[1] == row[2] for row in rows), rows  # no line skipped
with open(BEST_RECORD, newline="", encoding="ascii") as handle:
    best_rows = list(csv.reader(handle, delimiter="\t"))
# a New best/worst BCER is the line's BCER train again
assert [(int(row[1]), float(row[2])) for row in best_rows] == [
    (int(row[0]), float(row[5])) for row in rows], best_rows
NAMES = ["Mean_rms", "delta", "BCER_train", "BWER_train", "skip_ratio"]
# std::to_string prints a double as "%f": 6 decimals, half a unit of the last
metrics = {name: series([(int(row[0]), float(row[column + 3])) for row in rows], "step",
                        tolerance=5e-7)
           for column, name in enumerate(NAMES)}
write_truth(
    "Tesseract lstmtraining", "5.3.0",
    f"Tesseract's training tools built from tesseract-ocr/tesseract at {COMMIT[:8]} (tag "
    f"5.3.0) with the case's record added to {TRAINER.as_posix()}: an fprintf appending to "
    f"{ITER_RECORD} in LSTMTrainer::PrepareLogMsg (the iteration triple and the five "
    "error rates the 'At iteration' line formats) and to "
    f"{BEST_RECORD} after each 'New best BCER' / 'New worst BCER' (the rate), at %.17g",
    metrics,
    files=[ITER_RECORD, BEST_RECORD],
    also_ok=["New_best_BCER", "New_worst_BCER", "Percent_improvement_time"],
    notes="New best/worst BCER reprint the line's BCER train (a running best, and the worst "
          "since it); the '2 Percent improvement time' at each new best is the iterations "
          "the last 2 points took (also_ok); null char is the CTC blank's index, no metric",
)
