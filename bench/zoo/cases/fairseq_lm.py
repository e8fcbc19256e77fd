"""fairseq (the PyPI ``fairseq-fixed`` 0.12.3.1: fairseq's main branch with the Python 3.11
dataclass fix; the official 0.12.2 and its hydra-core 1.0.7 do not import on 3.11, issue
facebookresearch/fairseq#5012): the language-model recipe of fairseq's
``examples/language_model`` README scaled down to a CPU. The case writes 400 training and 60
validation lines of a synthetic 40-word language (seeded), binarizes them with
``fairseq-preprocess --only-source`` (its output kept in ``preprocess.log``, not printed: a
user tracks the training), then runs ``fairseq-train --task language_modeling --arch
transformer_lm`` (one decoder layer, 16-dim embeddings, 2 heads; Adam, ``inverse_sqrt``
with 20 warm-up updates, 17 updates an epoch, 3 epochs) with ``--cpu --log-format simple
--log-interval 5 --tensorboard-logdir tb``, its stdout and stderr those of the case.

fairseq prints (logging to stdout, ``%(asctime)s | %(levelname)s | %(name)s |``) its
settings and the model, then every 5 updates ``| INFO | train_inner | epoch 001:      5 /
17 loss=6.563, ppl=94.55, wps=..., ups=..., wpb=254.8, bsz=8, num_updates=5,
lr=0.00125008, gnorm=0.91, train_wall=0, wall=2``; after each epoch ``| INFO | valid |
epoch 001 | valid on 'valid' subset | loss 5.766 | ppl 54.43 | wps ... | wpb 251 | bsz 8 |
num_updates 17`` (and ``| best_loss 5.133`` from the 2nd on), the checkpoint lines
(``Saved checkpoint checkpoints/checkpoint1.pt (epoch 1 @ 17 updates, score 5.766)
(writing took 0.0237 seconds)``) and the epoch's averages ``| INFO | train | epoch 001 |
loss 6.355 | ppl 81.86 | ... | num_updates 17 | lr 0.00425002 | gnorm 0.834 | train_wall 0
| wall 2``. Hydra's and torch's deprecation warnings go to stderr.

Truth: fairseq's TensorBoard records (``--tensorboard-logdir``: ``tb/train_inner``,
``tb/train``, ``tb/valid``, one event file each, in ``files``), each scalar at its
``num_updates`` (key ``step``), read with ``_records.tb_folder``. Named as fairseq's own JSON
log names them (and the printed line's phase): ``train_inner`` values bare (``loss``,
``ppl``, ``lr``, ``gnorm``), the epoch's averages ``train_`` (``train_loss``), the
validation's ``valid_`` (``valid_loss``, ``valid_ppl``). fairseq rounds loss and gnorm to 3
decimals and ppl to 2 before it logs (the file holds those, as float32), and prints numbers
with ``{:g}`` (6 significant digits: the learning rate): tolerance 5e-4 + rel 1e-5.
Judged: ``wps``, ``ups``, ``wpb``, ``bsz``, ``train_wall``, ``wall`` (throughput, batch
sizes and clocks, every phase's) are ``also_ok``; ``num_updates`` is the step; the valid
line's ``best_loss`` is a running best printed again (``also_ok``); the checkpoint line's
``score`` repeats ``valid_loss`` and ``writing took`` is a clock: no metrics.
"""

# zoo-venv: fairseq

import os
import random
import subprocess
import sys

import fairseq
from _records import tb_folder
from _truth import series, write_truth

BIN = os.path.dirname(sys.executable)

rng = random.Random(0)
words = [f"w{i}" for i in range(40)]
for name, count in (("train", 400), ("valid", 60)):
    with open(f"{name}.txt", "w", encoding="utf-8") as handle:
        for _ in range(count):
            word, line = rng.randrange(40), []
            for _ in range(rng.randint(5, 15)):
                line.append(words[word])
                word = (word * 7 + rng.choice((1, 2, 3))) % 40
            handle.write(" ".join(line) + "\n")

with open("preprocess.log", "w", encoding="utf-8") as log:
    subprocess.run([os.path.join(BIN, "fairseq-preprocess"), "--only-source",
                    "--trainpref", "train.txt", "--validpref", "valid.txt",
                    "--destdir", "data-bin/synthetic", "--workers", "1"],
                   stdout=log, stderr=subprocess.STDOUT, check=True)

sys.stdout.flush()
subprocess.run([os.path.join(BIN, "fairseq-train"), "data-bin/synthetic",
                "--task", "language_modeling", "--arch", "transformer_lm",
                "--decoder-layers", "1", "--decoder-embed-dim", "16",
                "--decoder-input-dim", "16", "--decoder-output-dim", "16",
                "--decoder-ffn-embed-dim", "32", "--decoder-attention-heads", "2",
                "--share-decoder-input-output-embed", "--dropout", "0.1",
                "--optimizer", "adam", "--adam-betas", "(0.9, 0.98)", "--weight-decay", "0.01",
                "--clip-norm", "0.0", "--lr", "0.005", "--lr-scheduler", "inverse_sqrt",
                "--warmup-updates", "20", "--warmup-init-lr", "1e-07",
                "--tokens-per-sample", "32", "--sample-break-mode", "none",
                "--max-tokens", "256", "--max-epoch", "3", "--seed", "1", "--cpu",
                "--log-format", "simple", "--log-interval", "5",
                "--save-dir", "checkpoints", "--tensorboard-logdir", "tb"], check=True)

TIMING = ("wps", "ups", "wpb", "bsz", "train_wall", "wall")
files = []
metrics = {}
also_ok = ["num_updates"]
for run, prefix in (("train_inner", ""), ("train", "train_"), ("valid", "valid_")):
    paths, found = tb_folder(os.path.join("tb", run))
    assert paths, f"no event file under tb/{run}"
    files += paths
    for tag, pairs in found.items():
        if tag in TIMING or tag == "best_loss":
            also_ok.append(prefix + tag)
        else:
            metrics[prefix + tag] = series(pairs, "step", tolerance=5e-4, rel_tolerance=1e-5)

write_truth("fairseq", fairseq.__version__,
            "fairseq-train --tensorboard-logdir tb: event files tb/train_inner (bare names), "
            "tb/train (train_), tb/valid (valid_), scalars at num_updates",
            metrics, files=files, also_ok=list(dict.fromkeys(also_ok)))
