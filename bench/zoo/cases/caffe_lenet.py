"""BVLC Caffe 1.0.0 (the `caffe` command-line tool; no pip package: repository BVLC/caffe at
9b891540183ddc834a02b2bd81b31afae71b2153, 2020-02-13, master's last commit, whose CMake file
still calls itself ``CAFFE_TARGET_VERSION "1.0.0"``; unpacked with ``git archive`` under
``$ZOO_REPOS/caffe``, default ``~/.cache/exptrack-zoo/repos/caffe``), training a LeNet as its
MNIST tutorial does, ``caffe train --solver solver.prototxt``, on tiny synthetic data the case
writes as HDF5 for two ``HDF5Data`` layers. The binary is run with subprocess, its stderr
(glog: everything it reports) inherited.

Build: ``<venv>/bin/python bench/zoo/cases/caffe_lenet.py --build`` (after ``apt-get install
-y libprotobuf-dev protobuf-compiler libgoogle-glog-dev libgflags-dev libhdf5-dev
libboost-system-dev libboost-thread-dev libboost-filesystem-dev libopenblas-dev cmake g++``:
Debian bookworm's protobuf 3.21.12, glog 0.6, gflags 2.2.2, HDF5 1.10.8, Boost 1.74, OpenBLAS
0.3.21, cmake 3.25.1, g++ 12.2.0) checks the three source files it touches against their git
blob ids at the commit, applies one source fix, adds the case's record lines (below) and runs
Caffe's CMake build, ``cmake -S . -B build -DCPU_ONLY=ON -DUSE_OPENCV=OFF -DUSE_LEVELDB=OFF
-DUSE_LMDB=OFF -DBLAS=Open -DBUILD_python=OFF -DBUILD_matlab=OFF -DBUILD_docs=OFF
-DCMAKE_BUILD_TYPE=Release`` and ``make -C build -j2 caffe.bin`` (libcaffe and the ``caffe``
tool, ``build/tools/caffe``; cmake only warns about ``cmake_minimum_required(VERSION
2.8.7)``), some 15-25 minutes on two cores. The fix: ``src/caffe/util/io.cpp`` calls
``coded_input->SetTotalBytesLimit(kProtoReadBytesLimit, 536870912)``, protobuf's two-argument
form, which protobuf 3.21 no longer has (the warning threshold was dropped: only
``SetTotalBytesLimit(int)`` is left), so that one line loses its second argument
(``IO_FIX``); nothing else needed changing for this compiler, Boost or protobuf. The case
refuses to run unless the three files are exactly the commit's plus the fix and the record
lines and the binary is built.

Net and solver (``NET`` and ``SOLVER`` below): the tutorial's ``lenet_train_test.prototxt``
with its two ``Data`` (LMDB) layers swapped for ``HDF5Data`` layers reading ``train.h5`` (640
images) and ``test.h5`` (200) through list files ``train.txt``/``test.txt``, batch 64 and 50
(``HDF5Data`` takes no ``transform_param``, so the images are written already in [0, 1]
where the tutorial scales by 1/256); conv 5x5 (20) - max-pool - conv 5x5 (50) - max-pool -
inner product 500 - ReLU - inner product 10, ``SoftmaxWithLoss`` ``loss`` and, in the TEST
phase only, ``Accuracy`` ``accuracy``: the tutorial's net, layer for layer. The solver is
``lenet_solver.prototxt``'s (SGD, ``base_lr: 0.01``, ``momentum: 0.9``, ``weight_decay:
0.0005``, ``lr_policy: "inv"`` with ``gamma: 0.0001``, ``power: 0.75``) cut down:
``max_iter: 200``, ``display: 20``, ``test_interval: 50``, ``test_iter: 4`` (4 x 50 = the 200
test images), ``snapshot: 100`` (``lenet_iter_100.caffemodel``/``.solverstate`` and, at the end,
``_200``), ``solver_mode: CPU``, ``random_seed: 1``. ``average_loss`` is left at its default 1
(see below). Data: ten class prototypes (28x28, uniform noise), each image 0.35 x its
prototype plus 0.65 x fresh noise, numpy's ``default_rng(0)``; labels as float32, as
``HDF5Data`` reads them. About seven seconds; ``OMP_NUM_THREADS=1`` (run.py) keeps OpenBLAS on
one thread. ``GLOG_logtostderr=1`` is set for the binary: ``caffe`` already sets glog's
``alsologtostderr``, so stderr carries the same lines; the variable only stops glog writing
its own log files under ``/tmp``.

What it prints (glog on stderr; Debian's glog 0.6 writes ``I<yyyymmdd> <time> <thread>
<file>:<line>] `` before every line, the year included, where older glog wrote
``I<mmdd>``): ``Use CPU.``, ``Initializing solver from parameters:`` and the solver's
protobuf text (``base_lr: 0.01``, ``lr_policy: "inv"``, ...), then for each net
``Initializing net from parameters:`` and the whole net in protobuf text (``layer { ...
param { lr_mult: 1 } ... convolution_param { num_output: 20 kernel_size: 5 stride: 1 ...``,
one field a line), one line or more a layer as it is built (``Creating Layer conv1``, ``Top
shape: 64 20 24 24 (737280)``, ``Memory required for data: ...``), ``Solving LeNet``,
``Learning Rate Policy: inv``, then (the glog prefix cut here to ``solver.cpp:426]`` and so
on)::

    solver.cpp:359] Iteration 0, Testing net (#0)
    solver.cpp:426]     Test net output #0: accuracy = 0.115
    solver.cpp:426]     Test net output #1: loss = 2.34111 (* 1 = 2.34111 loss)
    solver.cpp:239] Iteration 0 (-1.26257e-42 iter/s, 0.071s/20 iters), loss = 2.35073
    solver.cpp:262]     Train net output #0: loss = 2.35073 (* 1 = 2.35073 loss)
    sgd_solver.cpp:113] Iteration 0, lr = 0.01
    solver.cpp:239] Iteration 20 (28.1294 iter/s, 0.711s/20 iters), loss = 2.24518
    solver.cpp:262]     Train net output #0: loss = 2.24518 (* 1 = 2.24518 loss)
    sgd_solver.cpp:113] Iteration 20, lr = 0.00998503

(C++'s default stream format: 6 significant digits), the display block every 20 iterations,
the test block every 50, ``Snapshotting to binary proto file lenet_iter_100.caffemodel`` and
``Snapshotting solver state to binary proto file lenet_iter_100.solverstate``, and at the end
the snapshot of iteration 200, ``Iteration 200, loss = 0.0190148`` (one more forward pass of
the train net, its loss alone), the last test block (``Test net output #0: accuracy =
0.945``) and ``Optimization Done.`` twice (the solver's and the tool's). The source line
numbers in the glog prefix are those of the built files: the record lines move the later
ones (``solver.cpp:262``, ``:359``, ``:426``, ``sgd_solver.cpp:113`` where the stock files
say 258, 347, 414, 112); the text after ``]`` is the stock text. About 570 lines, 24 kB.

Truth: Caffe keeps no record of any of this (its snapshots hold the weights and the solver's
iteration and momentum history; ``tools/extra/parse_log.py`` reads the glog text), so the case
adds lines to the stock sources (``RECORD_LINES``, each after an anchor found once; no line
changed), each appending a tab-separated row to ``caffe_record.tsv`` in the cwd: in
``Solver::Step``, right after the display line, ``display``, ``iter_`` and
``smoothed_loss_``; right after each ``Train net output`` line, ``train``, ``iter_``, the
output blob's name and ``result_vec[k]``; in ``Solver::Test``, right after each ``Test net
output`` line, ``test``, ``iter_``, the name and ``mean_score``; in ``Solver::Solve``, right
after the closing ``Iteration N, loss =`` line, ``display``, ``iter_``, ``smoothed_loss_``;
in ``SGDSolver::ApplyUpdate`` (``src/caffe/solvers/sgd_solver.cpp``), right after ``Iteration
N, lr =``, ``lr``, ``iter_`` and ``rate`` (with an ``#include <cstdio>`` there; ``solver.cpp``
already includes it). Values are the printed expressions (Dtype float) as ``%.17g`` of
their double. The file is in truth ``files``; nothing is parsed from stderr. Judgement calls:
- ``loss``: the solver's display loss (``smoothed_loss_``, the running mean of the last
  ``average_loss`` iterations' losses, here 1, so the iteration's own loss), printed every 20
  iterations, 0-180, and once more after the last update (``Iteration 200, loss =``): 11
  points, axis ``step`` = Caffe's iteration. The train net's only output is the ``loss`` blob
  (``SoftmaxWithLoss``, weight 1), printed below each display line as ``Train net output #0:
  loss = ...``: the same quantity (Caffe's own ``parse_log.py`` keys the train table's
  ``loss`` by that output), its value equal to the display's to all six printed digits while
  ``average_loss`` is 1, so one series; the case asserts the two records agree to 1e-6. With
  ``average_loss`` > 1 the two would be different values printed under the same name at the
  same iteration (a smoothed and a raw loss), a truth no name could settle; the case keeps the
  default rather than choose one for exptrack. The ``(* 1 = 2.30452 loss)`` tail is the loss
  weight and the weighted loss, the same value again: no metric of its own.
- ``test_accuracy`` and ``test_loss``: the test net's outputs (``Accuracy`` and
  ``SoftmaxWithLoss`` blobs ``accuracy`` and ``loss``, each the mean over ``test_iter``
  batches), at iterations 0, 50, 100, 150 and 200 (``test_initialization`` defaults to true;
  the last after training): 5 points each, axis ``step``. Caffe keys them by blob name, the
  train net's ``loss`` has the same one, so the printed phase word ``Test`` prefixes them
  (the README's rule for a phase word before a name; exptrack's docs/metrics.md: ``Test net
  output #N:`` labels its value ``test_``; ``parse_log.py`` puts them in a separate test
  table for the same reason).
- ``lr``: SGD's rate at each display iteration (``GetLearningRate()``, the ``inv`` policy
  ``base_lr * (1 + gamma * iter) ^ -power``), 10 points, 0-180, axis ``step``; recorded by the
  added line in ``sgd_solver.cpp``.
- Timing: ``(N iter/s, Xs/20 iters)`` on the display line is throughput and the lapse
  since the last display (glog's own timestamps aside), which Caffe keeps nowhere:
  ``iter/s`` (the printed unit, the name the rate goes by on the line) is in ``also_ok``,
  neither required nor junk. The first display's ``iter/s`` is ``(iter_ -
  iterations_last_) / lapse`` with ``iterations_last_`` not yet set (``-1.26257e-42`` in
  this capture), no rate at all.
- Not metrics: the solver's and the nets' parameters echoed in protobuf text
  (``base_lr: 0.01``, ``lr_mult: 1``, ``stride: 2``, ``num_output: 20``, ...: the
  configuration, printed once a net; ``lr_mult`` appears twice a learnable layer and twice
  again in the test net), ``Top shape`` and ``Memory required for data`` (the net's sizes),
  ``Snapshotting ...``, the ``Iteration N, Testing net (#0)`` headers. None is in
  ``also_ok``: a name read from them is junk.
- Tolerance: 6 significant digits: ``rel_tolerance`` 5e-6 for every metric (half a unit of
  the sixth digit); ``test_accuracy`` is a multiple of 1/200 and prints exactly.
- Determinism: ``random_seed: 1`` seeds the Gaussian/Xavier fillers; HDF5Data reads in order
  (no ``shuffle``); one BLAS thread. Runs repeat but for the timings.
"""
# zoo-venv: caffe

import csv
import os
import subprocess
import sys
from pathlib import Path

import h5py
import numpy as np
from _truth import series, write_truth
from _verbatim import add_records, git_blob_id, has_records

COMMIT = "9b891540183ddc834a02b2bd81b31afae71b2153"
BLOBS = {  # git's blob ids at COMMIT
    "src/caffe/solver.cpp": "842312e0b768fb26f26cdfbf749f135736490725",
    "src/caffe/solvers/sgd_solver.cpp": "081c47eb514150b4435857c988f458ec44aa2de9",
}
IO_CPP, IO_BLOB = "src/caffe/util/io.cpp", "5295d9dddb9f2cef2e972a17e2fdde98d7f98298"
# protobuf 3.21 has only SetTotalBytesLimit(int): the commit's two-argument call, and the fix
IO_FIX = ("coded_input->SetTotalBytesLimit(kProtoReadBytesLimit, 536870912);",
          "coded_input->SetTotalBytesLimit(kProtoReadBytesLimit);")
RECORD = "caffe_record.tsv"


def _row(fmt: str, args: str, indent: str) -> str:
    """A record line: append one tab-separated row to RECORD (values at %.17g)."""
    return (f"{indent}if (std::FILE *zoo = std::fopen(\"{RECORD}\", \"a\")) {{  // zoo: record\n"
            f"{indent}  std::fprintf(zoo, \"{fmt}\\n\", {args});\n"
            f"{indent}  std::fclose(zoo);\n"
            f"{indent}}}\n")


# the lines the case adds (after each anchor; no line changed): what each report printed
RECORD_LINES = {
    "src/caffe/solver.cpp": {
        '          << param_.display() << " iters), loss = " << smoothed_loss_;\n':
            _row("display\\t%d\\t\\t%.17g", "iter_, static_cast<double>(smoothed_loss_)",
                 "      "),
        "              << result_vec[k] << loss_msg_stream.str();\n":
            _row("train\\t%d\\t%s\\t%.17g",
                 "iter_, output_name.c_str(), static_cast<double>(result_vec[k])",
                 "          "),
        '    LOG(INFO) << "Iteration " << iter_ << ", loss = " << smoothed_loss_;\n':
            _row("display\\t%d\\t\\t%.17g", "iter_, static_cast<double>(smoothed_loss_)",
                 "    "),
        "              << mean_score << loss_msg_stream.str();\n":
            _row("test\\t%d\\t%s\\t%.17g",
                 "iter_, output_name.c_str(), static_cast<double>(mean_score)", "    "),
    },
    "src/caffe/solvers/sgd_solver.cpp": {
        "#include <string>\n": "#include <cstdio>  // zoo: for the record below\n",
        '        << ", lr = " << rate;\n':
            _row("lr\\t%d\\t\\t%.17g", "this->iter_, static_cast<double>(rate)", "    "),
    },
}
CMAKE = ["cmake", "-S", ".", "-B", "build", "-DCPU_ONLY=ON", "-DUSE_OPENCV=OFF",
         "-DUSE_LEVELDB=OFF", "-DUSE_LMDB=OFF", "-DBLAS=Open", "-DBUILD_python=OFF",
         "-DBUILD_matlab=OFF", "-DBUILD_docs=OFF", "-DCMAKE_BUILD_TYPE=Release"]
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source = repos / "caffe"
binary = source / "build" / "tools" / "caffe"


def io_fixed() -> bool:
    """Is io.cpp the commit's but for IO_FIX (after fixing it if it is the commit's)?"""
    path = source / IO_CPP
    text = path.read_text(encoding="utf-8")
    if git_blob_id(text) == IO_BLOB:
        return False
    return text.count(IO_FIX[1]) == 1 and git_blob_id(text.replace(*IO_FIX[::-1])) == IO_BLOB


def build() -> None:
    """Fix io.cpp, add the record lines, then Caffe's CMake build of the `caffe` tool."""
    path = source / IO_CPP
    if not io_fixed():
        text = path.read_text(encoding="utf-8")
        assert git_blob_id(text) == IO_BLOB and text.count(IO_FIX[0]) == 1, path
        path.write_text(text.replace(*IO_FIX), encoding="utf-8")
    add_records(source, BLOBS, RECORD_LINES)
    subprocess.run(CMAKE, cwd=source, check=True)
    subprocess.run(["make", "-C", "build", "-j2", "caffe.bin"], cwd=source, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

if not binary.is_file() or not io_fixed() or not has_records(source, BLOBS, RECORD_LINES):
    sys.exit(f"needs caffe built with the case's record lines at {binary}: unpack "
             f"BVLC/caffe at {COMMIT} under {source}, then run "
             f"`<venv>/bin/python {__file__} --build`")

# synthetic MNIST-shaped data: ten noisy class prototypes, labels as float32 (HDF5Data)
rng = np.random.default_rng(0)
prototypes = rng.random((10, 1, 28, 28), dtype=np.float32)
for name, count in (("train", 640), ("test", 200)):
    labels = np.arange(count) % 10
    rng.shuffle(labels)
    images = 0.35 * prototypes[labels] + 0.65 * rng.random((count, 1, 28, 28),
                                                           dtype=np.float32)
    with h5py.File(f"{name}.h5", "w") as handle:
        handle["data"] = images.astype(np.float32)
        handle["label"] = labels.astype(np.float32)
    Path(f"{name}.txt").write_text(f"{name}.h5\n", encoding="ascii")

LAYERS = """
layer {
  name: "conv1"  type: "Convolution"  bottom: "data"  top: "conv1"
  param { lr_mult: 1 }  param { lr_mult: 2 }
  convolution_param { num_output: 20  kernel_size: 5  stride: 1
    weight_filler { type: "xavier" }  bias_filler { type: "constant" } }
}
layer {
  name: "pool1"  type: "Pooling"  bottom: "conv1"  top: "pool1"
  pooling_param { pool: MAX  kernel_size: 2  stride: 2 }
}
layer {
  name: "conv2"  type: "Convolution"  bottom: "pool1"  top: "conv2"
  param { lr_mult: 1 }  param { lr_mult: 2 }
  convolution_param { num_output: 50  kernel_size: 5  stride: 1
    weight_filler { type: "xavier" }  bias_filler { type: "constant" } }
}
layer {
  name: "pool2"  type: "Pooling"  bottom: "conv2"  top: "pool2"
  pooling_param { pool: MAX  kernel_size: 2  stride: 2 }
}
layer {
  name: "ip1"  type: "InnerProduct"  bottom: "pool2"  top: "ip1"
  param { lr_mult: 1 }  param { lr_mult: 2 }
  inner_product_param { num_output: 500
    weight_filler { type: "xavier" }  bias_filler { type: "constant" } }
}
layer { name: "relu1"  type: "ReLU"  bottom: "ip1"  top: "ip1" }
layer {
  name: "ip2"  type: "InnerProduct"  bottom: "ip1"  top: "ip2"
  param { lr_mult: 1 }  param { lr_mult: 2 }
  inner_product_param { num_output: 10
    weight_filler { type: "xavier" }  bias_filler { type: "constant" } }
}
layer {
  name: "accuracy"  type: "Accuracy"  bottom: "ip2"  bottom: "label"  top: "accuracy"
  include { phase: TEST }
}
layer { name: "loss"  type: "SoftmaxWithLoss"  bottom: "ip2"  bottom: "label"  top: "loss" }
"""
NET = """name: "LeNet"
layer {
  name: "mnist"  type: "HDF5Data"  top: "data"  top: "label"
  include { phase: TRAIN }
  hdf5_data_param { source: "train.txt"  batch_size: 64 }
}
layer {
  name: "mnist"  type: "HDF5Data"  top: "data"  top: "label"
  include { phase: TEST }
  hdf5_data_param { source: "test.txt"  batch_size: 50 }
}
""" + LAYERS
SOLVER = """net: "lenet_train_test.prototxt"
test_iter: 4
test_interval: 50
base_lr: 0.01
momentum: 0.9
weight_decay: 0.0005
lr_policy: "inv"
gamma: 0.0001
power: 0.75
display: 20
max_iter: 200
snapshot: 100
snapshot_prefix: "lenet"
solver_mode: CPU
random_seed: 1
"""
Path("lenet_train_test.prototxt").write_text(NET, encoding="ascii")
Path("solver.prototxt").write_text(SOLVER, encoding="ascii")

Path(RECORD).unlink(missing_ok=True)
subprocess.run([str(binary), "train", "--solver", "solver.prototxt"],
               env={**os.environ, "GLOG_logtostderr": "1"}, check=True)

# truth: the case's record of what each report printed
with open(RECORD, newline="", encoding="ascii") as handle:
    rows = [(kind, int(step), name, float(value))
            for kind, step, name, value in csv.reader(handle, delimiter="\t")]
display = [(step, value) for kind, step, _, value in rows if kind == "display"]
train = {step: value for kind, step, name, value in rows if kind == "train" and name == "loss"}
assert [step for step, _ in display] == list(range(0, 201, 20)), display
assert {name for kind, _, name, _ in rows if kind == "train"} == {"loss"}, rows
assert all(abs(train[step] - value) <= 1e-6 * max(1.0, abs(value))
           for step, value in display if step in train), (display, train)
lr = [(step, value) for kind, step, _, value in rows if kind == "lr"]
assert [step for step, _ in lr] == list(range(0, 200, 20)), lr
metrics = {"loss": series(display, "step", rel_tolerance=5e-6)}
for name in ("accuracy", "loss"):
    test = [(step, value) for kind, step, key, value in rows if kind == "test" and key == name]
    assert [step for step, _ in test] == [0, 50, 100, 150, 200], test
    metrics[f"test_{name}"] = series(test, "step", rel_tolerance=5e-6)
metrics["lr"] = series(lr, "step", rel_tolerance=5e-6)
write_truth(
    "caffe", f"1.0.0 (BVLC/caffe master at {COMMIT[:8]}, 2020-02-13; CPU_ONLY)",
    f"caffe built from BVLC/caffe at {COMMIT[:8]} (io.cpp's SetTotalBytesLimit call fixed for "
    "protobuf 3.21) with the case's record added to src/caffe/solver.cpp (an fprintf "
    f"appending to {RECORD} right after the display loss, each 'Train net output', each "
    "'Test net output' and the closing 'Iteration N, loss' line) and to "
    "src/caffe/solvers/sgd_solver.cpp (right after 'Iteration N, lr ='): the printed "
    "expressions at %.17g",
    metrics,
    files=[RECORD],
    also_ok=["iter/s"],
    notes="average_loss is 1, so the display loss and the train net's 'loss' output are one "
          "value an iteration (checked); the test net's outputs take the printed phase word "
          "('Test net output'): test_accuracy, test_loss; iter/s and s/20 iters are timing",
)
