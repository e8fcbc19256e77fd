"""OpenNMT-tf 2.32.0 (OpenNMT's neural machine translation toolkit on TensorFlow 2; here on
TensorFlow 2.13.1's CPU wheel) as its quickstart runs it: ``onmt-build-vocab --size 50000
--save_vocab src-vocab.txt src-train.txt`` (and the target side), a ``data.yml``
(``model_dir: run/`` and the ``data:`` files), then ``onmt-main --model_type ... --config
data.yml train --with_eval``, each a subprocess with this process's stdout/stderr. Data: the
zoo's seeded toy parallel corpus (``_reverse_corpus``: 600 training and 64 validation lines
of 3-8 words of a 20-word vocabulary, the target the source reversed). Judgement calls on
the run: the catalog's smallest translation model, ``--model_type TransformerTiny`` (2
layers, 64 units, 2 heads, feed-forward 64; 139288 parameters), in place of the quickstart's
``Transformer``, and no ``--auto_config``: its Transformer settings (25000-token effective
batches by gradient accumulation, Noam warm-up over 8000 steps) take hours on a CPU, so
``data.yml`` sets them as the docs' configuration reference names them: ``params:``
``optimizer: Adam``, ``learning_rate: 0.5``, ``decay_type: NoamDecay`` (``model_dim: 64``,
``warmup_steps: 100``: the learning rate rises to 0.0062 at step 100, then decays);
``train:`` ``batch_size: 16``, ``batch_type: examples``, ``max_step: 200``,
``save_checkpoints_steps: 100``, ``save_summary_steps: 25`` (the training log's period,
default 100); ``eval:`` ``batch_size: 32``, ``steps: 100``; ``--seed 1``. No GPU: it logs
``No GPU is detected, falling back to CPU``. About 30 s of CPU time, most of it TensorFlow's
imports (three processes) and tracing the training and evaluation functions.

What it prints (all on stderr, TensorFlow's logger: ``<date> <time>: I runner.py:310] ...``):
TensorFlow's start-up lines (oneDNN, cpu_feature_guard) and TensorFlow Addons' end-of-life
``UserWarning`` once per process, then ``onmt-main``'s ``Using OpenNMT-tf version 2.32.0``,
the model's layer tree, the merged configuration as YAML, the inputters' ``- vocabulary
size: 24``, ``Training on 600 examples``, ``Number of model parameters: 139288``, ``Saved
checkpoint run/ckpt-1``, every 25 steps (one line)::

    Step = 25 ; steps/s = 46.29, tokens/s = 8721 (3990 source, 4731 target) ; Learning rate
        = 0.001625 ; Loss = 16.327686

(``"Step = %d ; steps/s = %0.2f, tokens/s = %d (%s) ; Learning rate = %f ; Loss = %f"``,
``%s`` each side's ``"%d source"``, ``"%d target"``) and every 100 steps ``Saved checkpoint
run/ckpt-100``, ``Running evaluation for step 100`` and ``Evaluation result for step 100:
loss = 1.856490 ; perplexity = 6.401232``. stdout stays empty; the case prints nothing.

Truth: the TensorBoard event files OpenNMT-tf writes itself (``files``): ``run/events.out.
tfevents.*`` (the trainer's ``tf.summary`` writer in ``model_dir``, written with each
``Step =`` line) and ``run/eval/events.out.tfevents.*`` (the evaluator's, ``eval_dir``
``run/eval``, each evaluation's results), read with TensorBoard's loader
(``_records.tb_folder``). Which printed names are which tags:
- ``Loss = %f``: tag ``loss`` (the last step's training loss, summed over a sentence's
  tokens and averaged over the batch, ``average_loss_in_time: false`` for example batches),
  8 values at steps 25..200; named as printed, ``Loss``. ``Learning rate = %f``: tag
  ``optim/learning_rate``; named as printed with its space joined, ``Learning_rate``
  (docs/metrics.md's naming of a spaced key). Both ``%f``: tolerance 5.1e-7 (plus float32
  slack).
- ``steps/s = %0.2f``: tag ``steps_per_sec``, the same number (``get_last_summary``):
  throughput, but recorded, so a metric under its printed name ``steps/s``; tolerance
  0.0051.
- ``(3990 source, 4731 target)``: tags ``words_per_sec/source`` and ``words_per_sec/target``
  (each side's tokens a second, ``%d``), printed as a number before a bare word: no printed
  name, so the tags are ``file_metrics`` only, and ``source``/``target`` (should they be
  named) are ``also_ok``, with ``tokens/s`` (their sum, which no tag records).
- ``Evaluation result for step N: loss = %f ; perplexity = %f``: the eval run's tags
  ``metrics/loss`` and ``metrics/perplexity`` (the per-token loss on the 64 validation
  lines and its ``exp``), at steps 100 and 200. The training ``loss`` and this ``loss``
  share a key, told apart only by TensorBoard's run (``run/eval``), so the printed series
  takes its phase as printed (docs/metrics.md, "Phases": a phase label prefixes every name
  after it, the word as printed): ``evaluation_loss``, ``evaluation_perplexity``. (The
  zoo's ``tf_estimator_dnn`` prefixes an Estimator's eval dict with its run's name,
  ``eval_``, because nothing printed names that phase; here the line does.) The file's
  own series are ``eval_metrics/loss``, ``eval_metrics/perplexity`` (below). Tolerance
  5.1e-7 (``%f``).
- key ``step``: OpenNMT-tf's training step (the printed ``Step =`` and ``for step N``, the
  events' steps).
- ``file_metrics``: every tag under the name exptrack's TensorBoard reader gives it
  (docs/format.md: a file in a folder named ``eval`` is that phase's run, its tags take the
  folder's name: ``eval_metrics/loss``, ``eval_metrics/perplexity``; the training run's as
  written: ``loss``, ``optim/learning_rate``, ``steps_per_sec``, ``words_per_sec/source``,
  ``words_per_sec/target``), exact float32 values (rel_tolerance 1e-6).
- not metrics: ``vocabulary size: 24``, ``Training on 600 examples``, ``Number of model
  parameters: 139288``, ``Number of model weights: 92 (trainable = 92, non trainable = 0)``
  (the data's and the model's sizes) and the configuration dump's settings.
- Determinism: ``--seed 1`` seeds NumPy, ``random`` and TensorFlow (initialisers, the
  shuffle) and ``OMP_NUM_THREADS=1``: every loss, learning rate and evaluation repeats run to
  run; only ``steps/s``, ``tokens/s`` and the per-side rates differ.
"""
# zoo-venv: opennmttf

import os
import subprocess
import sys
from importlib.metadata import version

from _records import tb_folder
from _reverse_corpus import write_corpora
from _truth import series, write_truth

write_corpora(600, 64)

CONFIG = """\
model_dir: run/

data:
  train_features_file: data/src-train.txt
  train_labels_file: data/tgt-train.txt
  eval_features_file: data/src-val.txt
  eval_labels_file: data/tgt-val.txt
  source_vocabulary: data/src-vocab.txt
  target_vocabulary: data/tgt-vocab.txt

params:
  optimizer: Adam
  learning_rate: 0.5
  decay_type: NoamDecay
  decay_params:
    model_dim: 64
    warmup_steps: 100

train:
  batch_size: 16
  batch_type: examples
  max_step: 200
  save_checkpoints_steps: 100
  save_summary_steps: 25

eval:
  batch_size: 32
  steps: 100
"""
with open("data.yml", "w") as handle:
    handle.write(CONFIG)

BIN = os.path.dirname(sys.executable)
sys.stdout.flush()
for side in ("src", "tgt"):
    subprocess.run([os.path.join(BIN, "onmt-build-vocab"), "--size", "50000",
                    "--save_vocab", f"data/{side}-vocab.txt", f"data/{side}-train.txt"],
                   check=True)
subprocess.run([os.path.join(BIN, "onmt-main"), "--model_type", "TransformerTiny",
                "--config", "data.yml", "--seed", "1", "train", "--with_eval"], check=True)

train_files, train = tb_folder("run")
eval_files, evaluation = tb_folder(os.path.join("run", "eval"))
assert len(train_files) == 1 and len(eval_files) == 1, (train_files, eval_files)

PRINTED = 5.1e-7  # "%f"
metrics = {
    "steps/s": series(train["steps_per_sec"], "step", tolerance=0.0051, rel_tolerance=1e-6),
    "Learning_rate": series(train["optim/learning_rate"], "step", tolerance=PRINTED,
                            rel_tolerance=1e-7),
    "Loss": series(train["loss"], "step", tolerance=PRINTED, rel_tolerance=1e-7),
    "evaluation_loss": series(evaluation["metrics/loss"], "step", tolerance=PRINTED,
                        rel_tolerance=1e-7),
    "evaluation_perplexity": series(evaluation["metrics/perplexity"], "step",
                                    tolerance=PRINTED, rel_tolerance=1e-7),
}
# the event files under the names exptrack's reader gives their tags: exact float32 values
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in train.items()}
file_metrics.update({f"eval_{tag}": series(pairs, "step", rel_tolerance=1e-6)
                     for tag, pairs in evaluation.items()})
write_truth("OpenNMT-tf", version("OpenNMT-tf"),
            "TensorBoard events run/ (the trainer's tf.summary writer: loss, "
            "optim/learning_rate, steps_per_sec, words_per_sec/*) and run/eval/ (the "
            "evaluator's metrics/loss, metrics/perplexity)",
            metrics, files=train_files + eval_files, file_metrics=file_metrics,
            also_ok=["tokens/s", "source", "target"],
            notes=f"tensorflow {version('tensorflow-cpu')}")
