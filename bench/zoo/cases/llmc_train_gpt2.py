"""karpathy's llm.c (no pip package, no release: repository commit
f1e2ace651495b74ae22d45d1723443fd00ecd3a, 2025-05-10, unpacked under ``$ZOO_REPOS/llm.c``,
default ``~/.cache/exptrack-zoo/repos/llm.c``, with ``git archive`` of that commit): its CPU
reference trainer ``train_gpt2.c`` (fp32, about 1,200 lines of C), built as the README's
"quick start (CPU)" builds it, ``make train_gpt2`` (the repository's ``Makefile``: ``cc
-Ofast ... -march=native -fopenmp -DOMP train_gpt2.c -lm -lgomp``; ``CC ?= clang`` leaves
make's default ``cc``, here gcc 12, whose OpenMP the Makefile finds), and run as it runs it,
``OMP_NUM_THREADS=2 ./train_gpt2`` (the README's 8 threads cut to this 2-core runner's two;
``bench/zoo/run.py``'s ``OMP_NUM_THREADS=1`` is set to 2 for the binary alone).
Files: ``train_gpt2.c``, ``Makefile``, ``llmc/utils.h``, ``llmc/tokenizer.h``,
``llmc/dataloader.h`` and ``llmc/rand.h`` (what it includes), and the Python writers
``train_gpt2.py`` and ``dev/data/data_common.py``, each checked against its git blob id at
that commit (``train_gpt2.c`` before the record lines are added); the C files are copied into
the cwd in the repository's layout, where ``make`` builds the binary (its output captured,
shown only on a failure: the captured run is the program's, not the build's; about 3 s).

train_gpt2.c takes no arguments: it reads ``gpt2_124M.bin`` (checkpoint), the tokens
``dev/data/tinyshakespeare/tiny_shakespeare_{train,val}.bin`` and ``gpt2_tokenizer.bin``,
and hard-codes the rest: batch ``B = 4``, sequence ``T = 64``, 41 steps (``step <= 40``),
AdamW lr 1e-4 (betas 0.9/0.999, no weight decay), the val loss every 10 steps over 5
batches, a 64-token sample every 20 steps. All kept: about 35 s of CPU in all (the case's
torch import and writers about 7 s, the build 3 s, train_gpt2 about 25 s with two threads),
86-98 s of wall time when captured on the shared 2-core runner under a load of 7 (two
OpenMP threads contend badly with other processes: ``OMP_NUM_THREADS=1`` ran the same
binary in half the wall time then). The
README downloads GPT-2 124M's weights and tiktoken-tokenized Tiny Shakespeare
(``dev/download_starter_pack.sh``); nothing may be downloaded, so the case writes them in
llm.c's own formats with the repository's own writers (run in-process, their prints sent to
a buffer: preparation, not the captured program):
- ``gpt2_124M.bin``: ``train_gpt2.py``'s ``write_model(model, "gpt2_124M.bin",
  "float32")`` (header magic 20240326, version 3, vocabulary padded to 50304) of its own
  ``GPT(GPTConfig(block_size=64, vocab_size=50257, n_layer=2, n_head=2, n_embd=32))`` at
  its own random initialisation after ``torch.manual_seed(1337)``: a tiny GPT-2 (1,637,248
  parameters, 1.6M of them the tied 50257x32 embedding) under the file name the C code
  opens. ``vocab_size`` stays 50257: ``write_model``'s ``pad_vocab`` asserts it; so the
  classifier's 50304-wide matmul and softmax dominate the time, and 32 channels (not 64)
  nearly halve it. The losses stay near ln(50257) = 10.8 (random init, lr 1e-4, 41 steps:
  10.83 to 10.66).
- the tokens: ``data_common.write_datafile`` (magic 20240520, version 1, uint16) of a
  seeded synthetic stream laid out as ``dev/data/tinyshakespeare.py`` lays out its own: an
  EOT (50256) before each "section" (here 20 to 120 tokens drawn from 256 fixed GPT-2 ids,
  ``numpy.random.default_rng(0)``), the first 8,192 tokens the val split, the rest (32,768)
  train (Tiny Shakespeare: 32,768 val, 305,260 train).
- no tokenizer: ``train_gpt2.py``'s ``write_tokenizer`` needs tiktoken's GPT-2 encoding,
  which tiktoken downloads; the C code does not insist (``tokenizer_init`` prints a warning
  and sets ``init_ok = 0``) and then prints the sampled token ids instead of their text.
Nothing downloaded. Runs are deterministic on one machine (the checkpoint and data seeded,
the loader's shuffle seeded 42, the sampler 1337; the OpenMP loops split work over output
elements, no reductions across threads); ``-march=native`` may change the last bits across
CPUs: each run's truth is that run's own record.

What it prints (stdout only)::

    [GPT-2]
    max_seq_len: 64
    vocab_size: 50257
    padded_vocab_size: 50304
    num_layers: 2
    num_heads: 2
    channels: 32
    num_parameters: 1637248
    train dataset num_batches: 128
    val dataset num_batches: 32
    ---
    WARNING: Failed to open the tokenizer file gpt2_tokenizer.bin
    The Tokenizer is a new feature added April 14 2024.
    Re-run `python train_gpt2.py` to write it
    ---
    num_activations: 26200832
    val loss 10.831813
    step 0: train loss 10.832935 (took 1654.694895 ms)
    ...
    step 19: train loss 10.796480 (took 839.922650 ms)
    val loss 10.795555
    generating:
    ---
    11563 9560 15623 45365 34424 ... 49560 24264
    ---
    step 20: train loss 10.791088 (took 981.352071 ms)

(``val loss`` at steps 0, 10, 20, 30, 40, before that step's training; ``generating:`` at 20
and 40, 63 token ids on one line.) stdout is a pipe or the pty as ``run.py`` gives it: under
a pipe the C library buffers it fully and it comes out in blocks (the sampler's
``fflush(stdout)`` after each token flushes what came before).

Truth: train_gpt2.c keeps no record (no log file, no checkpoint written; the
``llmc/logger.h`` of the CUDA trainer is not used by it), so the values it computes are the
record, as ``pytorch_cifar_main`` and ``nanogpt_train`` keep theirs: two lines added to the
stock text (``RECORD_LINES``, no line changed), each right after the ``printf`` of a loss,
each opening ``zoo_record.tsv`` for append, writing ``fprintf(zoo, "val\\t%d\\t%.9g\\n",
step, val_loss)`` (resp. ``"train\\t%d\\t%.9g\\n", step, model.mean_loss``: the step and the
float as nine significant digits, which give a float32 back exactly) and closing it. The
case reads that file after the run; nothing is parsed from stdout. The file is the case's
instrument, not llm.c's, so truth lists no ``files``. Judgement calls (docs/metrics.md):
- Names by the printed words (the phase rule): ``val_loss`` (``val loss 10.833984``) and
  ``train_loss`` (``step 0: train loss 10.834246``), as ``nanogpt_train`` and
  ``llama2c_train`` name the same words. (The CUDA trainer's ``logger.h`` writes
  ``s:%d trl:%.4f`` / ``s:%d tel:%.4f`` lines; train_gpt2.c has none.)
- ``train_loss`` is ``model.mean_loss`` after the step's forward pass (the batch's mean
  cross-entropy, before the update), 41 points, axis ``step`` 0..40 as printed.
  ``val_loss`` is the mean of 5 val batches' ``mean_loss`` (a float sum over 5), 5 points
  at steps 0, 10, 20, 30, 40: the ``step`` of the loop iteration that computed it (its line
  names none; it comes before that step's ``step N:`` line).
- Tolerances: both printed ``%f`` (six decimals) -> ``tolerance=5e-7``; the record is the
  float itself.
- ``also_ok``: ``took`` (``(took 1654.694895 ms)``, the step's wall time, a timing) under the
  names a parser may give it (``took``, ``took_ms``), kept nowhere.
- Not metrics: the ``[GPT-2]`` header's sizes, ``num_parameters``, ``num_activations``,
  ``train/val dataset num_batches`` (sizes, settings), the sampled token ids.
"""
# zoo-venv: llmc

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "karpathy/llm.c"
SOURCE_COMMIT = "f1e2ace651495b74ae22d45d1723443fd00ecd3a"
BLOBS = {  # path -> git blob id at SOURCE_COMMIT
    "train_gpt2.c": "029cd0842e8fc41a79bed04568f555dc9047c067",
    "Makefile": "73b83720c073da2e7347cf95d554c0f7af6c2637",
    "llmc/utils.h": "775534ccddbc3fa91e401fcafbc2c2564f297a6e",
    "llmc/tokenizer.h": "3c3f1a12da3fedbca084e6b76d0ff33d430b9361",
    "llmc/dataloader.h": "ad5829d06aa6f1395caad570d88dcf2c6ef5a7a1",
    "llmc/rand.h": "b66aa04b733c2e90929ceb14b1abb120104d480b",
    "train_gpt2.py": "b9dee8701a815aa4399c8701296e9c5befe5e84b",
    "dev/data/data_common.py": "65a2f00e35a67b37802d884145b1ef2a7c290450",
}
RECORD = "zoo_record.tsv"
# the record: two lines added to train_gpt2.c, each right after the printf of the loss it
# keeps (anchor -> the anchor and the line after it); no line of the stock text changed
RECORD_LINES = {
    '            printf("val loss %f\\n", val_loss);\n':
        '            { FILE *zoo = fopen("' + RECORD + '", "a"); fprintf(zoo, '
        '"val\\t%d\\t%.9g\\n", step, val_loss); fclose(zoo); }  // zoo: the record\n',
    '        printf("step %d: train loss %f (took %f ms)\\n", step, model.mean_loss, '
    'time_elapsed_s * 1000);\n':
        '        { FILE *zoo = fopen("' + RECORD + '", "a"); fprintf(zoo, '
        '"train\\t%d\\t%.9g\\n", step, model.mean_loss); fclose(zoo); }  // zoo: the record\n',
}
EOT = 50256
VAL_TOKENS = 8192

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "llm.c"
if not (repo / "train_gpt2.c").is_file():
    sys.exit(f"no llm.c repo at {repo} (git archive {SOURCE_COMMIT[:8]} of {SOURCE_REPO})")
for name, blob in BLOBS.items():
    if git_blob_id((repo / name).read_text(encoding="utf-8")) != blob:
        sys.exit(f"{repo / name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")

# build: the C sources in the repository's layout, train_gpt2.c with the record lines
for name in BLOBS:
    if name.endswith((".c", ".h")) or name == "Makefile":
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(repo / name, name)
stock = (repo / "train_gpt2.c").read_text(encoding="utf-8")
Path("train_gpt2.c").write_text(with_lines(stock, RECORD_LINES), encoding="utf-8")
build = subprocess.run(["make", "train_gpt2"], capture_output=True, text=True, check=False)
if build.returncode != 0 or not Path("train_gpt2").is_file():
    sys.exit(f"make train_gpt2 failed ({build.returncode}):\n{build.stdout}\n{build.stderr}")

compiler = subprocess.run(["cc", "-dumpfullversion"], capture_output=True, text=True,
                          check=False).stdout.strip() or "unknown"
openmp = ", OpenMP" if "-fopenmp" in build.stdout else ", no OpenMP"

# the checkpoint and tokens, written by llm.c's own Python writers (their prints kept out)
sys.path[:0] = [str(repo), str(repo / "dev" / "data")]
from data_common import write_datafile  # noqa: E402
from train_gpt2 import GPT, GPTConfig, write_model  # noqa: E402

with contextlib.redirect_stdout(io.StringIO()):
    torch.manual_seed(1337)
    model = GPT(GPTConfig(block_size=64, vocab_size=50257, n_layer=2, n_head=2, n_embd=32))
    write_model(model, "gpt2_124M.bin", "float32")
    rng = np.random.default_rng(0)
    words = rng.choice(EOT, 256, replace=False)
    tokens: list[int] = []
    while len(tokens) < VAL_TOKENS + 32768:
        tokens.append(EOT)
        tokens.extend(int(t) for t in rng.choice(words, int(rng.integers(20, 121))))
    tokens = tokens[:VAL_TOKENS + 32768]
    Path("dev/data/tinyshakespeare").mkdir(parents=True, exist_ok=True)
    write_datafile("dev/data/tinyshakespeare/tiny_shakespeare_val.bin", tokens[:VAL_TOKENS])
    write_datafile("dev/data/tinyshakespeare/tiny_shakespeare_train.bin", tokens[VAL_TOKENS:])

# the run, as the README runs it
sys.stdout.flush()
subprocess.run(["./train_gpt2"], env={**os.environ, "OMP_NUM_THREADS": "2"}, check=True)

record: dict[str, list[tuple[int, float]]] = {"train": [], "val": []}
for line in Path(RECORD).read_text(encoding="utf-8").splitlines():
    phase, step, value = line.split("\t")
    record[phase].append((int(step), float(value)))
assert [s for s, _ in record["train"]] == list(range(41)), record["train"]
assert [s for s, _ in record["val"]] == [0, 10, 20, 30, 40], record["val"]

write_truth(
    "llm.c (train_gpt2.c)", f"{SOURCE_COMMIT[:12]} (cc {compiler}{openmp})",
    "the losses train_gpt2.c computed (model.mean_loss after each step's forward; the val "
    "loss, the mean of 5 batches), written to zoo_record.tsv by two fprintf lines added "
    "after their printf lines in the stock train_gpt2.c",
    {
        "train_loss": series(record["train"], "step", tolerance=5e-7),
        "val_loss": series(record["val"], "step", tolerance=5e-7),
    },
    also_ok=["took", "took_ms"],
    notes="train_gpt2.c keeps no record of its own; the values are its own floats, written by "
          "the case's added lines (%.9g), not parsed from stdout. The sampled token ids (no "
          "tokenizer file) and the header's sizes are not metrics",
)
