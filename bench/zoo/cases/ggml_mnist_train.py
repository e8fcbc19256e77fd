"""ggml's MNIST example (ggml 0.21.0, the tensor library under llama.cpp and whisper.cpp, its
own training API ``ggml-opt``; no pip package: repository ggml-org/ggml at
d99724f2b141fed9e1a9f402213506c081433465, 2026-08-21, unpacked with ``git archive`` under
``$ZOO_REPOS/ggml``, default ``~/.cache/exptrack-zoo/repos/ggml``), its ``mnist-train``
program training the fully connected model (``mnist-fc``: 784-500-10 with ReLU, AdamW at
ggml's default optimizer parameters, cross-entropy) from random weights as the example's
README runs it::

    mnist-train mnist-fc mnist-fc-f32.gguf train-images-idx3-ubyte train-labels-idx1-ubyte

run with subprocess from the case, its stdout and stderr inherited (the progress is on
stderr; stdout gets only ``mnist_model_save: saving model to 'mnist-fc-f32.gguf'``).

Build: ``<venv>/bin/python bench/zoo/cases/ggml_mnist_train.py --build`` checks
``src/ggml-opt.cpp`` and ``examples/mnist/mnist-train.cpp`` against their blob ids at the
commit, adds the case's lines (below), and runs ggml's own CMake build there, ``cmake -S .
-B build -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=OFF`` (Debian bookworm's cmake 3.25.1 and
g++ 12.2.0 with OpenMP; the CPU backend only, no BLAS, no GPU) and ``cmake --build build --target
mnist-train -j 2`` (about a minute and a half: ggml's CPU kernels); the case runs
``build/bin/mnist-train`` and refuses to run unless both sources are exactly the commit's
plus those lines. ``GGML_NATIVE=OFF`` builds ggml's portable x86-64 kernels so the binary
does not depend on the build machine's CPU.

The small run: the stock ``mnist-train.cpp`` trains for a hard-coded 30 epochs on a dataset
of ``MNIST_NTRAIN`` = 60,000 images (``mnist-common.h``), minutes on two cores. The case adds
``SMALL_RUN_LINES`` after its ``#include "mnist-common.h"`` (no line changed): ``#undef
MNIST_NTRAIN`` / ``#define MNIST_NTRAIN 10000`` (the dataset ``ggml_opt_dataset_init`` makes
and ``mnist_image_load``/``mnist_label_load`` fill, reading that many records from the IDX
files) and a function-like macro that passes ``3`` for ``mnist_model_train``'s ``nepoch``
where ``main`` passes ``30``. Everything else is the example's: the logical batch of 1000
(``MNIST_NBATCH_LOGICAL``, two physical batches of 500 per optimizer step), ``val_split``
0.05, the shard size 10. ``ggml_opt_fit`` splits at whole logical batches, ``int((1 - 0.05)
* 10) = 9``, so 9000 images train (nine AdamW steps an epoch) and 1000 validate. The
example's batch sizes set the floor: 2000 images would split 1000/1000, one step an epoch,
and 1000 would leave no training batch.

Data: 10,000 synthetic MNIST-like 28x28 digits the case writes in MNIST's IDX format
(``train-images-idx3-ubyte``: magic 0x00000803, count, 28, 28, then the bytes;
``train-labels-idx1-ubyte``: magic 0x00000801, count, the labels), as
``mnist_image_load`` reads them (it seeks past the 16-byte header and divides each byte by
255) and ``mnist_label_load`` (past the 8-byte header, one-hot): for each class a fixed
stroke template (segments of a seven-segment-like digit on the 28x28 grid, thickened),
shifted by up to 2 pixels, with a stroke or two dropped now and then and speckle noise,
Python's ``random.Random(0)`` (7.8 MB of IDX). Pure Python, about a second to write; the
training takes about five seconds on two threads.

What it prints (stderr): ``mnist_model: using CPU (<cpu name>) as primary backend``,
``mnist_model_init_random: initializing random weights for a fully connected model``, then
``ggml_opt_fit``'s report, for each epoch ``ggml_opt_fit: epoch 0001/0003:`` and two
progress bars drawn by ``ggml_opt_epoch_callback_progress_bar``, each redrawn with ``\\r``
after every physical batch and ended with ``\\n`` at its last batch (``%.5lf`` loss,
``%.2lf`` accuracy in percent, each with its standard error after ``±``)::

    train: [▍       ] data=0000500/0009000 loss=2.30540±nan acc=9.00±1.28% t=00:00:00
        ETA=00:00:02 \\r
    ...
    train: [███████▉] data=0009000/0009000 loss=2.13628±0.03033 acc=38.83±0.51% t=00:00:01
        ETA=00:00:00 \\r\\n
    val:   [███▉    ] data=0000500/0001000 loss=1.86337±nan acc=64.40±2.14% t=00:00:00
        ETA=00:00:00 \\r
    val:   [███████▉] data=0001000/0001000 loss=1.85191±0.01147 acc=65.70±1.50% t=00:00:00
        ETA=00:00:00 \\r\\n

(each one line, wrapped here, ending in a space and ``\\r``; the training bar's eighteen
redraws, ``data=0000500/0009000`` ... ``0009000/0009000``, then
the validation bar's two; the spread is ``nan`` after a single batch), an empty line after
each epoch, and at the end ``ggml_opt_fit: training took 00:00:05``. The bar's cells are
Unicode block characters (``█``, ``▉``, ...; a full bar ends in ``▉``, as ggml draws it).

Truth: ggml keeps no record (``ggml_opt_result`` is reset at each epoch; the example saves
only the weights), so the case adds lines to the stock ``src/ggml-opt.cpp``
(``RECORD_LINES``, each after an anchor found once; no line changed): an ``#include
<cstdio>`` after ``#include <cinttypes>``; in ``ggml_opt_fit``, right after
``ggml_opt_result_reset(result_val);``, a line ``epoch <n>`` appended to
``ggml_opt_record.tsv`` in the cwd; in ``ggml_opt_epoch_callback_progress_bar``, right
after the ``fprintf`` that draws the bar, a row appending the phase (``train``/``val``),
``ibatch``, ``ibatch_max``, ``idata``, ``idata_max`` and the very values the bar prints:
``loss``, ``loss_unc``, ``100.0*accuracy``, ``100.0*accuracy_unc`` (what
``ggml_opt_result_loss`` and ``ggml_opt_result_accuracy`` returned), at ``%.17g``. The
record is in truth ``files``. Nothing is parsed from stderr. Judgement calls:
- Names: ggml has no keys (``ggml_opt_fit`` holds ``result_train`` and ``result_val``; the
  bar prints ``loss=`` and ``acc=``), so the names docs/metrics.md's rule gives the printed
  words (the README's rule for a tool without keys): ``val:`` labels the validation pass's
  bar and prefixes its names, ``val_loss`` and ``val_acc``, as ``Test: [10/100] Loss 1.2``
  gives ``test_loss``; ``train:`` is the label that names the mode of a progress line,
  which prefixes nothing (``Train: 3 [50/1251]  Loss: 6.9`` gives ``Loss``), so the
  training pass's are ``loss`` and ``acc``. ``train_loss``/``train_acc`` would read the
  line as well; the documented rule decides.
- Counts: one value per epoch and phase, the bar's last render (``ibatch == ibatch_max``,
  the one ended with ``\\n``): ``ggml_opt_result`` accumulates over the epoch, so each redraw
  prints the running mean over the batches so far and the last is the epoch's: 3 points
  each, axis ``epoch`` 1-3 (``epoch 0001/0003``). The earlier redraws are a progress bar's
  running values, overwritten on the terminal; the record keeps them (every row of
  ``ggml_opt_record.tsv``), the truth does not.
- Values as printed: ``loss`` the mean cross-entropy per image, ``acc`` in percent
  (``100.0*accuracy``; ggml's own ``accuracy`` is the fraction). The ``±`` spread is the
  standard error of the mean (``loss_unc``, ``accuracy_unc``), unnamed on the line: no
  metric (the README's rule for a value printed with its spread).
- Tolerance: ``%.5lf`` for the losses, 5e-6; ``%.2lf`` for the accuracies (in percent),
  5e-3.
- ``also_ok``: ``t`` and ``ETA`` (``t=00:00:01 ETA=00:00:02``: the elapsed and the
  estimated remaining time of the epoch's pass, ``h:m:s``), timings no record keeps. Not
  metrics: ``data=0001500/0009000`` (the images processed so far of the pass: progress),
  ``training took 00:00:05`` (the wall time), the backend and save lines.
- Only the fully connected model: the example's CNN (``mnist-cnn``) trains through the same
  ``ggml_opt_fit`` and prints the same bars; a second training in one case would repeat the
  four names.
- Determinism: ``mnist_model_init_random`` draws the initial weights from ``std::mt19937``
  seeded by ``std::random_device``, so every run starts from other weights and prints other
  values (the truth is each run's own record); the shuffle uses ``ggml_opt``'s
  default-seeded ``std::mt19937``. Two threads (``min(cores, (cores + 4) / 2)`` on two
  cores), run by OpenMP's ``num_threads`` clause, which run.py's ``OMP_NUM_THREADS=1`` does
  not override.
"""
# zoo-venv: ggml

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import add_records, has_records

COMMIT = "d99724f2b141fed9e1a9f402213506c081433465"
VERSION = "0.21.0"  # CMakeLists.txt's GGML_VERSION at COMMIT
BLOBS = {"src/ggml-opt.cpp": "53903defa8f419069f3046b960f2f057e06e6263",  # at COMMIT
         "examples/mnist/mnist-train.cpp": "b9df47b962ec4d696ee5d8274fb9016327658612"}
RECORD = "ggml_opt_record.tsv"
NTRAIN, NEPOCH = 10000, 3
# the lines the case adds to src/ggml-opt.cpp (after each anchor; no line changed): the record
# of each epoch and of every value a progress bar prints, at full precision
RECORD_LINES = {
    "#include <cinttypes>\n": "#include <cstdio>  // zoo: for the record below\n",
    "        ggml_opt_result_reset(result_val);\n":
        "        if (FILE * zoo = fopen(\"" + RECORD + "\", \"a\")) {  // zoo: record\n"
        "            fprintf(zoo, \"epoch\\t%\" PRId64 \"\\n\", epoch);\n"
        "            fclose(zoo);\n"
        "        }\n",
    "            t_ibatch_h, t_ibatch_m, t_ibatch_s, t_eta_h, t_eta_m, t_eta_s);\n":
        "    if (FILE * zoo = fopen(\"" + RECORD + "\", \"a\")) {  // zoo: record\n"
        "        fprintf(zoo, \"%s\\t%\" PRId64 \"\\t%\" PRId64 \"\\t%\" PRId64 \"\\t%\" PRId64\n"
        "                \"\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\n\", train ? \"train\" : \"val\",\n"
        "                ibatch, ibatch_max, idata, idata_max, loss, loss_unc, 100.0*accuracy,\n"
        "                100.0*accuracy_unc);\n"
        "        fclose(zoo);\n"
        "    }\n",
}
# the lines the case adds to examples/mnist/mnist-train.cpp (no line changed): a small run,
# 10000 images and 3 epochs where the stock program trains 30 epochs on 60000
SMALL_RUN_LINES = {
    '#include "mnist-common.h"\n':
        "// zoo: a small run (the stock program: 30 epochs on MNIST's 60000 images)\n"
        "#undef MNIST_NTRAIN\n"
        f"#define MNIST_NTRAIN {NTRAIN}\n"
        "#define mnist_model_train(model, dataset, nepoch, val_split) \\\n"
        f"    mnist_model_train(model, dataset, {NEPOCH}, val_split)\n",
}
LINES = {"src/ggml-opt.cpp": RECORD_LINES, "examples/mnist/mnist-train.cpp": SMALL_RUN_LINES}
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "ggml"
binary = source / "build" / "bin" / "mnist-train"


def build() -> None:
    """Add the case's lines to the unpacked sources, then ggml's CMake build."""
    add_records(source, BLOBS, LINES)
    subprocess.run(["cmake", "-S", ".", "-B", "build", "-DCMAKE_BUILD_TYPE=Release",
                    "-DGGML_NATIVE=OFF"], cwd=source, check=True)
    subprocess.run(["cmake", "--build", "build", "--target", "mnist-train", "-j", "2"],
                   cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

if not binary.is_file() or not has_records(source, BLOBS, LINES):
    sys.exit(f"needs ggml's mnist-train built with the case's lines at {binary}: unpack "
             f"ggml-org/ggml at {COMMIT} under {source}, then run "
             f"`<venv>/bin/python {__file__} --build`")

# synthetic MNIST-like digits: a seven-segment-like stroke template per class, shifted,
# a stroke dropped now and then, speckled
rng = random.Random(0)
SEGMENTS = {  # (row0, col0, row1, col1) on a 28x28 grid
    "top": (5, 9, 5, 18), "middle": (13, 9, 13, 18), "bottom": (22, 9, 22, 18),
    "upper_left": (5, 9, 13, 9), "upper_right": (5, 18, 13, 18),
    "lower_left": (13, 9, 22, 9), "lower_right": (13, 18, 22, 18),
    "diagonal": (5, 18, 22, 9),
}
DIGITS = [
    ["top", "bottom", "upper_left", "upper_right", "lower_left", "lower_right"],
    ["upper_right", "lower_right"],
    ["top", "upper_right", "middle", "lower_left", "bottom"],
    ["top", "upper_right", "middle", "lower_right", "bottom"],
    ["upper_left", "middle", "upper_right", "lower_right"],
    ["top", "upper_left", "middle", "lower_right", "bottom"],
    ["top", "upper_left", "middle", "lower_left", "lower_right", "bottom"],
    ["top", "diagonal"],
    ["top", "middle", "bottom", "upper_left", "upper_right", "lower_left", "lower_right"],
    ["top", "middle", "bottom", "upper_left", "upper_right", "lower_right"],
]


def digit(label: int) -> bytes:
    pixels = bytearray(28 * 28)
    dy, dx = rng.randint(-2, 2), rng.randint(-2, 2)
    strokes = [name for name in DIGITS[label] if rng.random() > 0.08]
    for name in strokes:
        r0, c0, r1, c1 = SEGMENTS[name]
        steps = max(abs(r1 - r0), abs(c1 - c0))
        for k in range(steps + 1):
            r = round(r0 + (r1 - r0) * k / steps) + dy
            c = round(c0 + (c1 - c0) * k / steps) + dx
            for rr in (r - 1, r, r + 1):
                for cc in (c - 1, c, c + 1):
                    if 0 <= rr < 28 and 0 <= cc < 28:
                        value = 255 if (rr, cc) == (r, c) else 170
                        pixels[rr * 28 + cc] = max(pixels[rr * 28 + cc], value)
    for _ in range(rng.randint(10, 40)):
        pixels[rng.randrange(28 * 28)] = rng.randint(60, 255)
    return bytes(pixels)


labels = [rng.randrange(10) for _ in range(NTRAIN)]
Path("train-images-idx3-ubyte").write_bytes(
    bytes([0, 0, 0x08, 3]) + b"".join(n.to_bytes(4, "big") for n in (NTRAIN, 28, 28))
    + b"".join(digit(label) for label in labels))
Path("train-labels-idx1-ubyte").write_bytes(
    bytes([0, 0, 0x08, 1]) + NTRAIN.to_bytes(4, "big") + bytes(labels))

Path(RECORD).unlink(missing_ok=True)
subprocess.run([str(binary), "mnist-fc", "mnist-fc-f32.gguf", "train-images-idx3-ubyte",
                "train-labels-idx1-ubyte"], check=True)

# truth: the case's record of each epoch and of each progress bar's values
epoch = 0
last: dict[tuple[str, int], list[str]] = {}
with open(RECORD, newline="", encoding="ascii") as handle:
    for row in csv.reader(handle, delimiter="\t"):
        if row[0] == "epoch":
            epoch = int(row[1])
        elif row[1] == row[2]:  # ibatch == ibatch_max: the bar's last render, the epoch's
            assert (row[0], epoch) not in last, row
            last[(row[0], epoch)] = row
assert sorted(last) == sorted((phase, e) for phase in ("train", "val")
                              for e in range(1, NEPOCH + 1)), sorted(last)
metrics = {}
for phase, prefix in (("train", ""), ("val", "val_")):  # `train:` labels a mode, `val:` a phase
    metrics[f"{prefix}loss"] = series(
        [(e, float(last[(phase, e)][5])) for e in range(1, NEPOCH + 1)], tolerance=5e-6)
    metrics[f"{prefix}acc"] = series(
        [(e, float(last[(phase, e)][7])) for e in range(1, NEPOCH + 1)], tolerance=5e-3)
write_truth(
    "ggml", f"{VERSION} (ggml-org/ggml at {COMMIT[:8]}, 2026-08-21)",
    f"ggml's examples/mnist mnist-train (mnist-fc) built from ggml-org/ggml at {COMMIT[:8]} "
    f"with the case's record added to src/ggml-opt.cpp (an fprintf appending to {RECORD} "
    "each epoch's number in ggml_opt_fit and, in ggml_opt_epoch_callback_progress_bar, the "
    "loss and 100*accuracy each bar prints, at %.17g) and a small run "
    f"({NTRAIN} images, {NEPOCH} epochs) set by lines added to mnist-train.cpp",
    metrics,
    files=[RECORD],
    also_ok=["t", "ETA"],
    notes="one point per epoch and phase: each bar's last render (ibatch == ibatch_max), "
          "the epoch's mean; the earlier \\r redraws are running means (kept in the record); "
          "acc in percent as printed; the ± spread is a standard error, no metric",
)
