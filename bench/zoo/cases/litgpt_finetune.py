"""LitGPT: LoRA fine-tuning through its CLI, ``litgpt finetune_lora <checkpoint_dir> --data JSON``,
the way its finetuning tutorial shows it, on a local checkpoint built here: the ``pythia-14m``
config (``litgpt.Config.from_name``) with randomly initialised weights saved as
``lit_model.pth`` plus ``model_config.yaml``, and a tiny byte-level BPE tokenizer trained here
with ``tokenizers`` (``tokenizer.json``, ``tokenizer_config.json``; ``<|endoftext|>`` as bos/eos
like Pythia's). The checkpoint lives under ``checkpoints/EleutherAI/pythia-14m`` as ``litgpt
download`` would put it, so nothing is downloaded. Data: 40 synthetic instruction/output
pairs in ``data.json``, ``--data.val_split_fraction 0.2`` (32 train, 8 val).

Everything else is the recipe's default (micro batch 1, global batch 16, so 16 iterations per
optimizer step, ``log_interval`` 1, the default ``csv`` logger, AdamW) except what a 40-sample
CPU run needs: ``--train.epochs 2`` (4 optimizer steps, 64 iterations),
``--train.lr_warmup_steps 2`` (the default 100 is longer than the run), ``--eval.interval 1``
(validation after every optimizer step: iterations 16, 32, 48, 64) so the validation series
has more than one value, and ``--precision 32-true``: the default on a machine without CUDA is
``bf16-mixed``, whose CPU autocast made one iteration of this model take ~3.5 s instead of
~0.3 s (measured here), too slow for the zoo; precision changes no printed format.
Default printing: the ``pprint`` of the setup
arguments, one line an iteration ``Epoch 1 | iter 5 step 0 | loss train: 10.861, val: n/a |
iter time: 25.01 ms``, after each validation ``iter 16: val loss 10.8123, val time: ...``, the
example generation, a performance report and ``Final evaluation | val loss: ... | val ppl:
...``.

Truth: the CSVLogger's ``out/finetune/lora/logs/csv/version_0/metrics.csv``. Its ``step``
column is the step Fabric's ``log_dict`` got, which litgpt passes as the iteration number
(``iter``), not the optimizer step (the ``step`` key litgpt logs is overwritten by the logger's
own column), so the series are keyed by ``step`` = the iteration. ``loss`` (printed
``loss train``, ``:.3f``; a running mean over the 16 micro-batches of the current step) has one
row an iteration. ``val_loss`` (printed ``val loss`` ``:.4f`` after each validation, again
``:.3f`` as ``val:`` in later iteration lines and in the final evaluation) has five values:
the four in-training validations (steps 16, 32, 48, 64) and the final evaluation, which litgpt
logs with no step, so the logger numbers it by its row count since its last flush: step 0 in
the file. It is a real validation the framework records under the same key and prints (``Final
evaluation | val loss: ...``), so it stays in the series, in file order, with the file's axis
(the axis is only a note in the score). ``val_ppl`` is logged at every validation but printed
only at the final evaluation: it goes in ``file_metrics`` (all five rows). The other
columns (``iter_time``, ``learning_rate``, ``tokens``, ``total_tokens``, ``epoch``, ``iter``
and the ThroughputMonitor's ``time``/``batches``/``samples``/``lengths``) are counters,
timing or lr: ``also_ok``, with the printed timing/throughput names ``iter time``, ``val time``
and the performance report's ``Training Time`` and ``Tok/sec`` (its token counts are
counters, not metrics, and not listed).
"""
# zoo-venv: more

import csv
import glob
import json
import os
import random
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import torch
from _reverse_corpus import word_lists
from _truth import series, write_truth
from litgpt import GPT, Config
from litgpt.utils import save_config
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

random.seed(0)
torch.manual_seed(0)

# --- tiny synthetic instruction data ------------------------------------------------------
rows = []
for words in word_lists(40):
    rows.append({"instruction": "Reverse the words.", "input": " ".join(words),
                 "output": " ".join(reversed(words))})
with open("data.json", "w", encoding="utf-8") as handle:
    json.dump(rows, handle)

# --- checkpoint dir: pythia-14m config, random weights, a tiny BPE tokenizer ----------------
ckpt = os.path.join("checkpoints", "EleutherAI", "pythia-14m")
os.makedirs(ckpt, exist_ok=True)
tokenizer = Tokenizer(models.BPE())
tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
tokenizer.decoder = decoders.ByteLevel()
corpus = [f"{r['instruction']} {r['input']} {r['output']}" for r in rows]
corpus.append("Below is an instruction that describes a task, paired with an input that provides "
              "further context. Write a response that appropriately completes the request.\n\n"
              "### Instruction:\n### Input:\n### Response:\n")
tokenizer.train_from_iterator(corpus, trainers.BpeTrainer(
    vocab_size=300, special_tokens=["<|endoftext|>"],
    initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False))
tokenizer.save(os.path.join(ckpt, "tokenizer.json"))
with open(os.path.join(ckpt, "tokenizer_config.json"), "w", encoding="utf-8") as handle:
    json.dump({"tokenizer_class": "GPTNeoXTokenizer", "bos_token": "<|endoftext|>",
               "eos_token": "<|endoftext|>", "add_bos_token": False}, handle)
config = Config.from_name("pythia-14m")
save_config(config, Path(ckpt))
torch.save(GPT(config).state_dict(), os.path.join(ckpt, "lit_model.pth"))

sys.stdout.flush()
litgpt_cli = os.path.join(os.path.dirname(sys.executable), "litgpt")
subprocess.run([litgpt_cli, "finetune_lora", ckpt,
                "--data", "JSON", "--data.json_path", "data.json",
                "--data.val_split_fraction", "0.2",
                "--train.epochs", "2", "--train.lr_warmup_steps", "2",
                "--eval.interval", "1", "--precision", "32-true"], check=True)

# --- truth: the CSVLogger's metrics.csv ---------------------------------------------------
(path,) = glob.glob("out/finetune/lora/logs/csv/version_*/metrics.csv")
columns: dict = {}
with open(path, encoding="utf-8", newline="") as handle:
    for row in csv.DictReader(handle):
        for name, value in row.items():
            if name != "step" and value not in ("", None):
                columns.setdefault(name, []).append((int(row["step"]), float(value)))

metrics = {
    "loss": series(columns["loss"], "step", tolerance=5e-4),
    # printed :.4f after each validation, :.3f in the following iteration lines and the final
    # evaluation (the last row, logged without a step: the file says step 0)
    "val_loss": series(columns["val_loss"], "step", tolerance=5e-4),
}
file_metrics = {"val_ppl": series(columns["val_ppl"], "step", tolerance=5e-4)}
also_ok = sorted((set(columns) - {"loss", "val_loss", "val_ppl"})
                 | {"iter time", "iter_time", "val time", "val_time",
                    "learning_rate", "lr", "it/s", "s/it", "Training Time", "Tok/sec"})
write_truth("litgpt", version("litgpt"), f"CSVLogger {path}", metrics, files=[path],
            also_ok=also_ok, file_metrics=file_metrics)
