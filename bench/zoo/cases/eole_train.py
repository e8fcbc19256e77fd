"""eole (OpenNMT-py's successor) as its quickstart shows: a YAML config, ``eole build_vocab
-config cfg.yaml -n_sample -1``, then ``eole train -config cfg.yaml``, each run as a
subprocess with this process's stdout/stderr. A tiny synthetic parallel corpus (target: the
source tokens reversed), a tiny transformer built from the config, CPU, ``train_steps: 150``,
``valid_steps: 50``, ``report_every: 10``, ``tensorboard: true``; logging left at its
default (eole's ``logger``: ``[2026-12-05 05:10:00,123 INFO] Step 10/  150; acc: 12.3;
ppl: 45.67; xent: 3.82; ...; lr: 1.00e-03; ...; 123/456 tok/s; 2 sec;`` every 10 steps and
``Validation perplexity: %g`` / ``Validation accuracy: %g`` every 50).

Truth: eole's own TensorBoard log (``TensorboardReportMgr``, ``tensorboard_log_dir: tb`` plus
the dated folder eole adds), read back with tensorboard's ``EventAccumulator``. Judgments:
- ``progress/*`` (written with each ``Step`` line) are the train series, named as printed:
  ``acc``, ``ppl``, ``xent`` (TensorBoard's ``progress/accuracy`` is the printed ``acc``).
  Tolerances from the print format: ``acc`` ``%2.1f`` -> 0.05, ``ppl`` ``%5.2f`` and
  ``xent`` ``%2.2f`` -> 0.005 (plus slack; TensorBoard keeps float32).
- At each validation eole also prints the running train statistics, ``Train perplexity: %g``
  and ``Train accuracy: %g`` (TensorBoard ``train/ppl``, ``train/accuracy``), then
  ``Validation perplexity`` and ``Validation accuracy`` (``valid/ppl``, ``valid/accuracy``),
  6 significant digits: named by the documented phase rule (``train_perplexity``,
  ``train_accuracy``, ``validation_perplexity``, ``validation_accuracy``); rel_tolerance
  5e-6 plus float32.
- Key "step" (eole's training step).
- The event file itself (listed in ``files``) keeps every scalar under its TensorBoard tag
  (``progress/accuracy``, ``progress/ppl``, ``progress/xent``, ``progress/lr``,
  ``train/ppl``, ``valid/accuracy``, ..., and the never printed ``*/tgtper``,
  ``*/attention_entropy``, ``*/mtp_xent``, ``train/xent``, ``valid/xent``): all of them are
  ``file_metrics`` under their tags (what reading the file gives; the printed series above
  keep their printed names).
- ``lr`` (printed ``%7.2e``), ``tok/s``, ``sec``, ``sents``, ``bsz``, ``aux``, ``mtp``,
  ``attn_ent`` (zero auxiliary losses and batch statistics), and at validation
  ``Sentences processed``, ``Average bsz`` and ``valid stats calculation took: 0.04 s`` are in
  ``also_ok`` (counters and timing; ``attn_ent`` is in TensorBoard as
  ``progress/attention_entropy``, kept out of the truth as a diagnostic, not a metric); the
  TensorBoard-only ``attention_entropy``, ``mtp_xent``, ``tgtper`` are never printed.
"""

import glob
import os
import subprocess
import sys

import eole
from _reverse_corpus import write_corpora
from _truth import series, write_truth
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

write_corpora(800, 64)

CONFIG = """\
save_data: run/example
src_vocab: run/example.vocab.src
tgt_vocab: run/example.vocab.tgt
overwrite: true
seed: 1234
report_every: 10
tensorboard: true
tensorboard_log_dir: tb
data:
    corpus_1:
        path_src: data/src-train.txt
        path_tgt: data/tgt-train.txt
    valid:
        path_src: data/src-val.txt
        path_tgt: data/tgt-val.txt
model:
    architecture: transformer
    hidden_size: 32
    layers: 1
    heads: 2
    transformer_ff: 64
    embeddings:
        word_vec_size: 32
        position_encoding_type: SinusoidalInterleaved
training:
    model_path: run/model
    train_steps: 150
    valid_steps: 50
    save_checkpoint_steps: 150
    batch_size: 16
    batch_type: sents
    valid_batch_size: 16
    world_size: 1
    gpu_ranks: []
    optim: adam
    learning_rate: 0.001
    num_workers: 0
"""
with open("config.yaml", "w") as handle:
    handle.write(CONFIG)

EOLE = os.path.join(os.path.dirname(sys.executable), "eole")
subprocess.run([EOLE, "build_vocab", "-config", "config.yaml", "-n_sample", "-1"], check=True)
subprocess.run([EOLE, "train", "-config", "config.yaml"], check=True)

(event_file,) = glob.glob("tb/*/events.out.tfevents.*")
events = EventAccumulator(event_file, size_guidance={"scalars": 0})
events.Reload()


def scalars(tag):
    return [(e.step, e.value) for e in events.Scalars(tag)]


metrics = {
    "acc": series(scalars("progress/accuracy"), "step", tolerance=0.051),
    "ppl": series(scalars("progress/ppl"), "step", tolerance=0.0051, rel_tolerance=1e-6),
    "xent": series(scalars("progress/xent"), "step", tolerance=0.0051),
    "train_perplexity": series(scalars("train/ppl"), "step", rel_tolerance=6e-6),
    "train_accuracy": series(scalars("train/accuracy"), "step", rel_tolerance=6e-6),
    "validation_perplexity": series(scalars("valid/ppl"), "step", rel_tolerance=6e-6),
    "validation_accuracy": series(scalars("valid/accuracy"), "step", rel_tolerance=6e-6),
}
# the event file under its own tags (what reading the file yields): exact float32 values
file_metrics = {tag: series(scalars(tag), "step", rel_tolerance=1e-6)
                for tag in events.Tags()["scalars"]}
write_truth("eole", eole.__version__, f"TensorBoard events {event_file} (EventAccumulator)",
            metrics, files=[event_file], file_metrics=file_metrics,
            also_ok=["lr", "tok/s", "sec", "sents", "bsz", "aux", "mtp", "attn_ent", "took",
                     "sentences_processed", "average_bsz"])
