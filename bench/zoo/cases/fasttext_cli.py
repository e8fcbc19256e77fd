"""fastText's command-line program (Debian bookworm's ``fasttext`` package 0.9.2+ds-1+b1,
``/usr/bin/fasttext``: ``apt-get install -y fasttext``), run as fastText's text-classification
tutorial runs it: ``fasttext supervised -input train.txt -output model -epoch 5 -lr 0.5
-wordNgrams 2 -thread 2``, then ``fasttext test model.bin valid.txt`` (precision and recall at
k=1) and ``fasttext test model.bin valid.txt 5`` (at k=5), the binary run with subprocess,
its stdout and stderr inherited. The corpus is ``fasttext_supervised``'s (``_fasttext_corpus``,
the same generator and seed):
``__label__a __label__c a17 w3 ...``, 20,000 training and 2,000 validation lines, four labels,
a fifth of the lines carrying two labels as in the tutorial's cooking data, 361 words.

What it prints: ``supervised`` writes to stderr ``\\rRead 0M words``, ``Number of words:  361``,
``Number of labels: 4``, then the progress line ``Progress:  71.9% words/sec/thread:  332409
lr:  0.140432 avg.loss:  0.544067 ETA:   0h 0m 0s``, redrawn with ``\\r`` every 100 ms by the
main thread while the two training threads run, and drawn once more at 100% (``lr:
0.000000``) with a newline. Each ``test`` writes to stdout ``Meter::writeGeneralMetrics``:
``N\\t2000``, then ``P@1\\t0.933`` and ``R@1\\t0.771`` under ``std::setprecision(3)`` (three
significant digits, C++'s default float format: ``R@5\\t1`` for a recall of 1.0).

Truth: the ``fasttext`` pip package (0.9.3, pybind11 over the same C++ library) loads the
command line's ``model.bin`` and runs ``model.test("valid.txt", k)`` for k=1 and k=5, its own
``(N, precision, recall)`` of the very evaluation the command line printed (same ``Meter``,
same default threshold 0.0), full precision. The binary is 0.9.2 and the pip package 0.9.3:
the model file format is the same (version 12), and 0.9.3 loads the 0.9.2 ``model.bin``.
Judgement calls:
- Names as printed: ``P@1``, ``R@1``, ``P@5``, ``R@5`` (fastText returns a bare tuple, no
  keys; the ``k`` is part of the printed name). With two-label lines recall differs from
  precision, as on the tutorial's data; at k=5 (more than the four labels) recall is 1.
- Axis ``epoch``, the single point at 5: both evaluations are of the model after the 5th
  (last) epoch, as in ``fasttext_supervised``.
- Tolerance 5e-4: three significant digits of values between 0.1 and 1.
- ``N`` (2000, printed by each test) is the number of examples tested: a count, not a metric;
  so are ``Read 0M words``, ``Number of words`` and ``Number of labels``.
- ``avg.loss`` is the progress line's running training loss (thread 0's mean loss over every
  example it has processed since training began, printed ``%.6f``); nothing keeps it: the
  command line writes only ``model.bin`` and ``model.vec``, neither holds a loss, and the pip
  package exposes none. With no record to back it, it is in ``also_ok``, with
  ``words/sec/thread`` (throughput), ``lr`` (the linear decay schedule, a setting) and ``ETA``
  (timing).
- ``-thread 2``: the tutorial's commands leave the default, 12 threads; two suit the 2-core
  runner and still give the redrawn progress line (with one thread fastText trains in the
  main thread and prints only the final 100% line). Hogwild training with two threads is not
  bit-reproducible (``-seed`` is 0, the default): P@k/R@k vary in the third decimal between
  runs and the number of redraws with the machine's speed; each run's truth is that run's own
  ``test()`` of that run's ``model.bin``.
- ``-bucket`` stays at its default 2,000,000 (``-wordNgrams 2``): the input matrix takes about
  0.8 GB of memory, in the binary and again when the truth loads the model.
"""
# zoo-venv: fasttextcli

import shutil
import subprocess
import sys
from importlib.metadata import version

import fasttext
from _fasttext_corpus import write_corpus
from _truth import series, write_truth

write_corpus()

binary = shutil.which("fasttext")
if binary is None:
    sys.exit("needs Debian's fasttext package (apt-get install -y fasttext) on PATH")
subprocess.run([binary, "supervised", "-input", "train.txt", "-output", "model", "-epoch", "5",
                "-lr", "0.5", "-wordNgrams", "2", "-thread", "2"], check=True)
subprocess.run([binary, "test", "model.bin", "valid.txt"], check=True)
subprocess.run([binary, "test", "model.bin", "valid.txt", "5"], check=True)

# truth: the pip package's own test() of the command line's model
model = fasttext.load_model("model.bin")
metrics = {}
for k in (1, 5):
    n, precision, recall = model.test("valid.txt", k)
    assert n == 2000, n
    metrics[f"P@{k}"] = series([(5, precision)], "epoch", tolerance=5e-4)
    metrics[f"R@{k}"] = series([(5, recall)], "epoch", tolerance=5e-4)


def debian_version() -> str:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "fasttext"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


cli_version = debian_version()
write_truth(
    "fasttext (command line)", cli_version.split("+")[0],
    f"the fasttext pip package {version('fasttext')} loading the command line's model.bin: "
    "FastText.test('valid.txt', k) -> (N, precision@k, recall@k) for k=1 and k=5",
    metrics,
    also_ok=["avg.loss", "words/sec/thread", "lr", "ETA"],
    notes=f"binary: Debian fasttext {cli_version} ({binary}); truth from pip fasttext "
          f"{version('fasttext')}. avg.loss (the progress line's running mean training loss "
          "of thread 0 since training began) is kept by nothing fastText writes or exposes: "
          "no truth for it",
)
