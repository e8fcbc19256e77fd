"""torchtune 0.6.1: LoRA fine-tuning through its CLI, ``tune run lora_finetune_single_device
--config torchtune_lora.yaml``, with a config written the way the recipe's shipped
``llama2/7B_lora_single_device.yaml`` is laid out (same components: ``lora_llama2``,
``llama2_tokenizer``, ``instruct_dataset`` from a local JSON file, ``AdamW``, cosine schedule
with warmup, ``CEWithChunkedOutputLoss``, the ``DiskLogger`` under ``${output_dir}/logs``,
``log_every_n_steps: 1``), changed only where a CPU and a tiny model need it: ``device: cpu``,
``dtype: fp32``, no fused AdamW, no activation checkpointing, gradient accumulation 1,
2 epochs of 12 steps (24 optimizer steps), fixed seed.

The model is a 2-layer llama2 (embed_dim 64) built with ``torchtune.models.llama2.llama2`` and
saved as a torchtune state dict for ``FullModelTorchTuneCheckpointer``; the tokenizer is a tiny
SentencePiece model trained here on the same synthetic text. Default printing: the recipe's
INFO logging (config dump, init messages, checkpoint saves) and its tqdm bar per epoch with
the description ``{epoch}|{step}|Loss: {loss}``.

Truth: the DiskLogger's ``log_<unixtime>.txt`` (``Step N | loss:... lr:...
tokens_per_second_per_gpu:... ``), keyed by the global optimizer step (1..24). The recipe
has no validation loop, so every metric is a per-step training value. ``loss`` is what the
bar prints too (the same ``loss_to_log`` value); ``lr`` and ``tokens_per_second_per_gpu``
are only in the file (``file_metrics``; they are also in ``also_ok`` in case the parser sees
them). The file writes ``str()`` of each value and the bar's description the same float
(``loss_to_log``) in an f-string: both full ``repr`` precision, so the tolerance is float
noise only. Under a pipe tqdm redraws at most every 0.1 s, so a fast run can skip some steps
in the bar; the file has all 24.
"""

import glob
import json
import os
import random
import subprocess
import sys

import sentencepiece as spm
import torch
import torchtune
from _truth import series, write_truth
from torchtune.models.llama2 import llama2

random.seed(0)
torch.manual_seed(0)

# --- tiny synthetic instruct data -------------------------------------------------------
WORDS = ["red", "green", "blue", "cat", "dog", "bird", "runs", "jumps", "sleeps", "the", "a",
         "small", "big", "fast", "slow", "tree", "house", "river", "sun", "moon"]
rows = []
for _ in range(48):
    n = random.randint(3, 6)
    words = [random.choice(WORDS) for _ in range(n)]
    rows.append({"input": "Repeat: " + " ".join(words), "output": " ".join(reversed(words))})
with open("data.json", "w", encoding="utf-8") as handle:
    json.dump(rows, handle)
with open("corpus.txt", "w", encoding="utf-8") as handle:
    for row in rows:
        handle.write(row["input"] + "\n" + row["output"] + "\n")
    handle.write("[INST] <<SYS>> <</SYS>> [/INST]\n")

# --- tokenizer: a tiny SentencePiece model (llama2's format: unk 0, bos 1, eos 2) ------------
spm.SentencePieceTrainer.train(input="corpus.txt", model_prefix="tokenizer", vocab_size=96,
                               model_type="bpe", character_coverage=1.0, minloglevel=2)
sp = spm.SentencePieceProcessor(model_file="tokenizer.model")
VOCAB = sp.get_piece_size()

# --- base checkpoint: a tiny llama2 as a torchtune state dict -----------------------------
os.makedirs("base", exist_ok=True)
dims = dict(vocab_size=VOCAB, num_layers=2, num_heads=2, num_kv_heads=2, embed_dim=64,
            max_seq_len=128)
torch.save(llama2(**dims).state_dict(), "base/model.pt")

CONFIG = f"""\
output_dir: ./output

model:
  _component_: torchtune.models.llama2.lora_llama2
  lora_attn_modules: ['q_proj', 'v_proj', 'output_proj']
  apply_lora_to_mlp: True
  apply_lora_to_output: False
  vocab_size: {VOCAB}
  num_layers: 2
  num_heads: 2
  num_kv_heads: 2
  embed_dim: 64
  max_seq_len: 128
  lora_rank: 8
  lora_alpha: 16
  lora_dropout: 0.0

tokenizer:
  _component_: torchtune.models.llama2.llama2_tokenizer
  path: ./tokenizer.model
  max_seq_len: 128

checkpointer:
  _component_: torchtune.training.FullModelTorchTuneCheckpointer
  checkpoint_dir: ./base
  checkpoint_files: [model.pt]
  adapter_checkpoint: null
  recipe_checkpoint: null
  output_dir: ${{output_dir}}
  model_type: LLAMA2
resume_from_checkpoint: False
save_adapter_weights_only: False

dataset:
  _component_: torchtune.datasets.instruct_dataset
  source: json
  data_files: ./data.json
  split: train
  packed: False
seed: 0
shuffle: True
batch_size: 4

optimizer:
  _component_: torch.optim.AdamW
  fused: False
  weight_decay: 0.01
  lr: 3e-3
lr_scheduler:
  _component_: torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup
  num_warmup_steps: 4

loss:
  _component_: torchtune.modules.loss.CEWithChunkedOutputLoss

epochs: 2
max_steps_per_epoch: null
gradient_accumulation_steps: 1
clip_grad_norm: null
compile: False

metric_logger:
  _component_: torchtune.training.metric_logging.DiskLogger
  log_dir: ${{output_dir}}/logs
log_every_n_steps: 1
log_peak_memory_stats: True

device: cpu
dtype: fp32

enable_activation_checkpointing: False
enable_activation_offloading: False

profiler:
  _component_: torchtune.training.setup_torch_profiler
  enabled: False
"""
with open("torchtune_lora.yaml", "w", encoding="utf-8") as handle:
    handle.write(CONFIG)

sys.stdout.flush()
tune = os.path.join(os.path.dirname(sys.executable), "tune")
subprocess.run([tune, "run", "lora_finetune_single_device", "--config", "torchtune_lora.yaml"],
               check=True)

# --- truth: the DiskLogger file ------------------------------------------------------------
(path,) = glob.glob("output/logs/log_*.txt")
rows_by_name: dict = {}
with open(path, encoding="utf-8") as handle:
    for line in handle:
        head, _, rest = line.strip().partition(" | ")
        step = int(head.split()[1])
        for item in rest.split():
            name, _, value = item.partition(":")
            if value.startswith("tensor("):
                value = value[len("tensor("):].rstrip(")")
            rows_by_name.setdefault(name, []).append((step, float(value)))

metrics = {"loss": series(rows_by_name.pop("loss"), "step", rel_tolerance=1e-9)}
file_metrics = {name: series(pairs, "step", rel_tolerance=1e-9)
                for name, pairs in rows_by_name.items()}
write_truth("torchtune", torchtune.__version__, f"DiskLogger {path}", metrics, files=[path],
            also_ok=["lr", "tokens_per_second_per_gpu", "it/s", "s/it"],
            file_metrics=file_metrics)
