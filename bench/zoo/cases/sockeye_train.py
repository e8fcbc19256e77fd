"""Sockeye 3.1.34 (AWS's neural machine translation toolkit on PyTorch): ``sockeye-train``
as its documentation runs it (``sockeye-train -s ... -t ... -vs ... -vt ... -o model``: raw
text in, vocabularies built on the fly, no ``sockeye-prepare-data``), as a subprocess with
this process's stdout/stderr. Data: the zoo's seeded toy parallel corpus (``_reverse_corpus``:
600 training and 64 validation lines of 3-8 words of a 20-word vocabulary, the target the
source reversed). A tiny transformer (``--num-layers 1``, model size and embeddings 32, 2
heads, feed-forward 64), ``--max-seq-len 10`` (two buckets), ``--use-cpu``, batches of 16
sentences, Adam at 0.005 (Sockeye's default plateau-reduce scheduler never reduces it here),
``--checkpoint-interval 50``, ``--max-updates 1000``, ``--max-num-checkpoint-not-improved 2``,
``--seed 1``; everything else at its default, logging included (Sockeye's console handler,
INFO, on stderr; stdout stays empty). Early stopping ends it: validation perplexity stops
improving for two checkpoints at checkpoint 16 (update 800), in about 15 s.

What it prints (stderr; 300 lines, about 38 KB), after its version, arguments, vocabulary,
data statistics (``Mean training target/source length ratio: 1.00 (+-0.00)``, ``Bucket (8,
8): 513 samples in 33 batches of 16, ~97.1 target tokens/batch, trg/src length ratio: 1.00
(+-0.00)``, ``Created bucketed parallel data set. Introduced padding: source=23.0%
target=23.0%)``), the model config and its parameter list, ``tensorboard not found.
Consider 'pip install tensorboard' ...`` and one torch ``TracerWarning`` (``torch.jit.trace``
of the model), per checkpoint (``<TAB>`` a tab; the validation line is one line)::

    [INFO:sockeye.training] E=1 B=50<TAB>s/sec=2888.15 tok/sec=24318.22 u/sec=180.51<TAB>
        ppl=21.709522
    [INFO:sockeye.training] Checkpoint [1]<TAB>Updates=50 Epoch=1 Samples=800 Time-cost=0.301
        Updates/sec=166.324
    [INFO:sockeye.training] Checkpoint [1]<TAB>Train-ppl=21.709522
    [INFO:sockeye.training] Checkpoint [1]<TAB>Validation-ppl=17.255505<TAB>Validation-bleu=
        0.004696<TAB>Validation-chrf=17.446809<TAB>Validation-rouge1=0.199256<TAB>
        Validation-rouge2=0.009673<TAB>Validation-rougel=0.126533<TAB>
        Validation-length-ratio-mse=0.855543<TAB>Validation-ter=84.788732<TAB>
        Validation-avg-sec-per-sent=0.000379<TAB>Validation-decode-walltime=0.024237
    [INFO:sockeye.training] Validation-perplexity improved to 17.255505 (delta=inf).
    [INFO:sockeye.training] Checkpoint [1]<TAB>Learning-rate=0.005000

(the ``E= B=`` line ends in a space), then lines saving the optimizer, scheduler and
parameters; later checkpoints add ``Sufficient improvement to continue: 8.716830 > 0.000000
over 2 checkpoints`` or ``Validation-perplexity has not improved for 1 checkpoints, best so
far: 2.487586``, and the run ends ``Maximum number of not improved checkpoints reached:
improvement 0.000000 <= 0.000000 over 2 checkpoints`` and ``Training finished. Best
checkpoint: 14. Best validation perplexity: 2.487586``. (The ``Epoch[0] Batch [50] Speed:
... samples/sec`` form was Sockeye 1.x/2.x on MXNet; 3.x's ``Speedometer`` prints
``E=%d B=%d<TAB>s/sec=%.2f tok/sec=%.2f u/sec=%.2f<TAB>`` and ``%s=%f `` a metric.)

Truth: Sockeye's own record, the ``metrics`` file it writes in the model folder
(``utils.write_metrics_file``: a line a checkpoint, ``<checkpoint><TAB>name=value<TAB>...``,
full ``repr`` floats), read back with ``sockeye.utils.read_metrics_file`` and listed in
``files`` (``model/metrics``). Keys: ``perplexity-train``, ``perplexity-val``, ``bleu-val``,
``chrf-val``, ``rouge1-val``, ``rouge2-val``, ``rougel-val``, ``length-ratio-mse-val``,
``ter-val``, ``avg-sec-per-sent-val``, ``decode-walltime-val``, ``learning-rate``, ``epoch``,
``time-elapsed``, ``max-gpu-memory``, ``converged``, ``diverged``. Judgement calls:
- Names as printed (Sockeye's log keys: ``"Train-%s" % metric``, ``"Validation-%s" %
  metric`` with the metric's short name, ``ppl`` for ``perplexity``), as OpenNMT-py's and
  eole's printed series keep their printed names: ``Train-ppl`` (``perplexity-train``),
  ``Validation-ppl`` (``perplexity-val``), ``Validation-bleu``, ``Validation-chrf``,
  ``Validation-rouge1``, ``Validation-rouge2``, ``Validation-rougel``,
  ``Validation-length-ratio-mse``, ``Validation-ter`` (each ``<name>-val``; the checkpoint
  decoder's scores on the 64 validation lines) and ``Learning-rate`` (``learning-rate``, a
  constant 0.005 written at every checkpoint, as OpenNMT-py's ``lr`` is a series).
  exptrack does not read Sockeye's ``metrics`` file, so no ``file_metrics``.
- ``ppl`` on the ``E= B=`` line: the ``Speedometer`` prints the same loss-metric objects the
  checkpoint then logs (not reset by the speedometer, reset after each checkpoint), and with
  ``--checkpoint-interval 50`` equal to its fixed frequency (``C.MEASURE_SPEED_EVERY = 50``
  batches; one update a batch) each ``ppl=`` is exactly the next checkpoint's
  ``perplexity-train``: a series of its own under the speedometer's key (the progress line's
  train perplexity, as OpenNMT-py's ``ppl`` beside its ``Train perplexity``), 16 points.
- Key ``step``: Sockeye's update count at the checkpoint (``Updates=50``; checkpoint ``n`` of
  the file is update ``50 n``). ``E=`` and ``Epoch=`` are the epoch, ``B=`` the batch count
  (here the update count), ``Samples=`` a counter: no metrics.
- Tolerances: every printed value is ``%f`` (6 decimals), tolerance 5e-7 (plus slack); the
  file's values are exact.
- ``also_ok``: throughput and clocks: ``s/sec``, ``tok/sec``, ``u/sec``, ``Time-cost``,
  ``Updates/sec``, the decoder's ``Validation-avg-sec-per-sent`` and
  ``Validation-decode-walltime`` (``avg-sec-per-sent-val``, ``decode-walltime-val`` in the
  file: timings, different each run). ``Validation-perplexity improved to 17.255505`` is the
  checkpoint's ``Validation-ppl`` printed again as the new best, ``best so far: 2.487586``
  and ``Best validation perplexity: 2.487586`` are running bests (README, docs/metrics.md),
  and ``delta=`` and ``Sufficient improvement to continue: 8.716830`` are the early-stopping
  test's improvement over the window: none of them is a series of its own. The data
  statistics before training (``trg/src length ratio: 1.00``, ``Introduced padding:
  source=23.0%``, ``Bucket (8, 8)``) describe the corpus, not the training: no metrics.
- Determinism: ``OMP_NUM_THREADS=1`` and the seed make every value the same run to run,
  pipe and pty alike, apart from the timings (and ``time-elapsed``, the decoder's times).
"""
# zoo-venv: sockeye

import os
import subprocess
import sys

import sockeye
from _reverse_corpus import write_corpora
from _truth import series, write_truth
from sockeye.utils import read_metrics_file

write_corpora(600, 64)
INTERVAL = 50
BIN = os.path.dirname(sys.executable)
sys.stdout.flush()
subprocess.run([os.path.join(BIN, "sockeye-train"),
                "-s", "data/src-train.txt", "-t", "data/tgt-train.txt",
                "-vs", "data/src-val.txt", "-vt", "data/tgt-val.txt",
                "-o", "model", "--use-cpu",
                "--num-layers", "1", "--transformer-model-size", "32", "--num-embed", "32",
                "--transformer-attention-heads", "2",
                "--transformer-feed-forward-num-hidden", "64",
                "--max-seq-len", "10", "--batch-type", "sentence", "--batch-size", "16",
                "--initial-learning-rate", "0.005",
                "--checkpoint-interval", str(INTERVAL), "--max-updates", "1000",
                "--max-num-checkpoint-not-improved", "2", "--seed", "1"], check=True)

METRICS = "model/metrics"
rows = read_metrics_file(METRICS)  # one dict a checkpoint, in order (checkpoint 1, 2, ...)


def column(key):
    return [((index + 1) * INTERVAL, row[key]) for index, row in enumerate(rows)]


PRINTED = 5.1e-7  # "%f"
metrics = {
    "ppl": series(column("perplexity-train"), "step", tolerance=PRINTED),
    "Train-ppl": series(column("perplexity-train"), "step", tolerance=PRINTED),
    "Validation-ppl": series(column("perplexity-val"), "step", tolerance=PRINTED),
}
for name in ("bleu", "chrf", "rouge1", "rouge2", "rougel", "length-ratio-mse", "ter"):
    metrics[f"Validation-{name}"] = series(column(f"{name}-val"), "step", tolerance=PRINTED)
metrics["Learning-rate"] = series(column("learning-rate"), "step", tolerance=PRINTED)

write_truth("sockeye", sockeye.__version__,
            f"Sockeye's metrics file {METRICS} (utils.write_metrics_file, a line a checkpoint)",
            metrics, files=[METRICS],
            also_ok=["s/sec", "tok/sec", "u/sec", "Time-cost", "Updates/sec",
                     "Validation-avg-sec-per-sent", "Validation-decode-walltime"])
