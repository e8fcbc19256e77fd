"""OpenNMT-py as its quickstart shows: a YAML config, ``onmt_build_vocab -config config.yaml
-n_sample -1``, then ``onmt_train -config config.yaml``, each run as a subprocess with this
process's stdout/stderr. A tiny synthetic parallel corpus (target: the source tokens
reversed, 20 words), a tiny transformer (one encoder and one decoder layer, hidden size 32,
2 heads), CPU (``world_size: 1``, ``gpu_ranks: []``), ``train_steps: 60``, ``valid_steps:
20``, ``report_every: 10``, ``tensorboard: true``; logging left at its default (onmt's
``logger``: ``[2026-12-05 05:10:00,123 INFO] Step 10/   60; acc: 12.3; ppl: 45.7; xent:
3.8; lr: 0.00500; sents:     160; bsz:   90/  90/16; 123/456 tok/s;      2 sec;`` every 10
steps; at each validation ``valid stats calculation\\n   took: 0.04 s.`` (one message over
two lines), ``Train perplexity: %g``, ``Train accuracy: %g``, ``Sentences processed: %g``,
``Average bsz: %4.0f/%4.0f/%2.0f``, ``Validation perplexity: %g``, ``Validation accuracy:
%g``). Before training onmt logs the model, and each time its data loader starts the corpus
over ``Weighted corpora loaded so far:`` with a line ``\t\t\t* corpus_1: 3`` (the passes so
far; ``bucket_size: 2048`` keeps that to a few lines for a 600-line corpus); torch's
FutureWarnings (``torch.cuda.amp``) go to stderr. Adam at a constant 0.005. OpenNMT-py
3.5.1 pins ``torch<2.3``: it runs here on the CPU torch 2.13 on disk, installed with
``--no-deps`` (bench/zoo/requirements-onmt.txt).

Truth: OpenNMT-py's own TensorBoard log (``ReportMgr``'s ``SummaryWriter``,
``tensorboard_log_dir: tb`` plus the dated folder onmt adds), read with
``_records.tb_folder``. Judgments:
- ``progress/*`` (written with each ``Step`` line) are the train series, named as printed:
  ``acc``, ``ppl``, ``xent`` (TensorBoard's ``progress/accuracy`` is the printed ``acc``).
  Tolerances from the print format (``acc: %2.1f; ppl: %5.1f; xent: %2.1f``): 0.05 each
  (plus slack; TensorBoard keeps float32). ``lr`` is printed ``%7.5f`` and recorded as
  ``progress/lr`` (tolerance 5e-6).
- At each validation onmt prints the running train statistics, ``Train perplexity`` and
  ``Train accuracy`` (TensorBoard ``train/ppl``, ``train/accuracy``), then ``Validation
  perplexity`` and ``Validation accuracy`` (``valid/ppl``, ``valid/accuracy``), ``%g`` (6
  significant digits): named by the documented phase rule (``train_perplexity``,
  ``train_accuracy``, ``validation_perplexity``, ``validation_accuracy``); rel_tolerance
  5e-6 plus float32.
- Key "step" (onmt's training step).
- The event file itself (listed in ``files``) keeps every scalar under its TensorBoard tag
  (``progress/accuracy``, ``progress/ppl``, ``progress/xent``, ``progress/lr``,
  ``train/ppl``, ``valid/accuracy``, ..., and the never printed ``*/tgtper`` (target tokens
  a second), ``train/lr``, ``valid/lr``, ``train/xent``, ``valid/xent``): all of them are
  ``file_metrics`` under their tags (what reading the file gives; the printed series above
  keep their printed names).
- ``tok/s``, ``sec``, ``sents``, ``bsz`` (throughput, clock and batch counters), and at
  validation ``Sentences processed``, ``Average bsz`` and ``took`` (the validation's clock)
  are in ``also_ok``.
"""

# zoo-venv: onmt

import os
import subprocess
import sys

import onmt
from _records import tb_folder
from _reverse_corpus import write_corpora
from _truth import series, write_truth

write_corpora(600, 64)

CONFIG = """\
save_data: run/example
src_vocab: run/example.vocab.src
tgt_vocab: run/example.vocab.tgt
overwrite: true
seed: 1234
data:
    corpus_1:
        path_src: data/src-train.txt
        path_tgt: data/tgt-train.txt
    valid:
        path_src: data/src-val.txt
        path_tgt: data/tgt-val.txt

encoder_type: transformer
decoder_type: transformer
enc_layers: 1
dec_layers: 1
hidden_size: 32
word_vec_size: 32
heads: 2
transformer_ff: 64
position_encoding: true
dropout: 0.1

save_model: run/model
train_steps: 60
valid_steps: 20
save_checkpoint_steps: 1000
report_every: 10
batch_size: 16
batch_type: sents
valid_batch_size: 16
world_size: 1
gpu_ranks: []
optim: adam
learning_rate: 0.005
num_workers: 0
bucket_size: 2048
tensorboard: true
tensorboard_log_dir: tb
"""
with open("config.yaml", "w") as handle:
    handle.write(CONFIG)

BIN = os.path.dirname(sys.executable)
sys.stdout.flush()
subprocess.run([os.path.join(BIN, "onmt_build_vocab"), "-config", "config.yaml",
                "-n_sample", "-1"], check=True)
subprocess.run([os.path.join(BIN, "onmt_train"), "-config", "config.yaml"], check=True)

(folder,) = [os.path.join("tb", name) for name in os.listdir("tb")]
files, found = tb_folder(folder)
assert len(files) == 1, files


def pairs(tag):
    return found[tag]


metrics = {
    "acc": series(pairs("progress/accuracy"), "step", tolerance=0.051),
    "ppl": series(pairs("progress/ppl"), "step", tolerance=0.051, rel_tolerance=1e-6),
    "xent": series(pairs("progress/xent"), "step", tolerance=0.051),
    "lr": series(pairs("progress/lr"), "step", tolerance=5.1e-6),
    "train_perplexity": series(pairs("train/ppl"), "step", rel_tolerance=6e-6),
    "train_accuracy": series(pairs("train/accuracy"), "step", rel_tolerance=6e-6),
    "validation_perplexity": series(pairs("valid/ppl"), "step", rel_tolerance=6e-6),
    "validation_accuracy": series(pairs("valid/accuracy"), "step", rel_tolerance=6e-6),
}
# the event file under its own tags (what reading the file yields): exact float32 values
file_metrics = {tag: series(values, "step", rel_tolerance=1e-6) for tag, values in found.items()}
write_truth("OpenNMT-py", onmt.__version__,
            f"TensorBoard events {files[0]} (ReportMgr's SummaryWriter)",
            metrics, files=files, file_metrics=file_metrics,
            also_ok=["tok/s", "sec", "sents", "bsz", "took", "sentences_processed",
                     "average_bsz"])
