"""LLaMA-Factory 0.9.5 (PyPI ``llamafactory``, hiyouga's LLaMA-Factory, its newest release),
its command line ``llamafactory-cli train config.yaml`` doing LoRA SFT on the CPU, the config
laid out as the repository's ``examples/train_lora/llama3_lora_sft.yaml`` (``### model``,
``### method``, ... sections, the same keys), with the ``### eval`` block switched on
(``val_size``, ``per_device_eval_batch_size``, ``eval_strategy``) and ``bf16: false``. The
case runs the venv's ``llamafactory-cli`` console script with subprocess, its stdout and stderr
inherited; on a machine with no accelerator the launcher runs ``run_exp`` in-process (no
torchrun), on Transformers 5.6.0 (the newest its ``transformers<=5.6.0`` pin accepts), TRL
0.24.0, PEFT 0.18.1 and the CPU build of torch 2.13.0. Nothing downloaded (``HF_HUB_OFFLINE``):

- the model: a 2-layer ``LlamaForCausalLM`` (hidden 64, 4 heads, intermediate 128) built from
  a ``LlamaConfig`` with random weights (``torch.manual_seed(0)``), saved with
  ``save_pretrained`` in ``tiny-llama/``, the folder ``model_name_or_path`` names;
- the tokenizer: a byte-level BPE (vocabulary 320, ``<pad>``, ``<s>``, ``</s>``) trained
  here with the ``tokenizers`` library on the formatted rows and saved beside the model as a
  ``PreTrainedTokenizerFast``: byte-level, it encodes every string LLaMA-Factory's
  ``default`` template adds (``Human: {{content}}</s>\\nAssistant:``), whose ``eos_token``
  slot it fills with ``</s>``;
- the data: 64 alpaca-format rows (``instruction`` "Reverse the words.", ``input`` 3-6 random
  words, ``output`` them reversed) in ``data/reverse.json``, registered as ``reverse`` in a
  local ``data/dataset_info.json`` (``dataset_dir: data``); ``val_size: 0.125`` splits off 8
  rows for evaluation, 56 train;
- ``lora_rank: 8``, ``lora_target: all``, ``cutoff_len: 64``, batch 4 (14 steps an epoch,
  42 in all), ``learning_rate: 5.0e-3`` (the example's 1e-4 barely moves a random model in 42
  steps), ``num_train_epochs: 3.0``, cosine schedule, ``warmup_ratio: 0.1``,
  ``logging_steps: 5``, ``eval_strategy: epoch``, ``save_steps: 500`` (Transformers 5 still
  saves ``checkpoint-42`` at the last step), ``plot_loss: true``, ``report_to: none``,
  ``seed: 0``. A few seconds of training after 20-30 s of imports, 40-55 s in all, on one
  thread.

What it prints: LLaMA-Factory's logger lines (``[INFO|2026-..] llamafactory.model.loader:144
>> trainable params: 17,408 || all params: 140,608 || trainable%: 12.3805``), Transformers'
INFO logging that LLaMA-Factory turns on (``[INFO|configuration_utils.py:847] ... >> Model
config LlamaConfig {`` and the config's JSON, at each load and save, the ``***** Running
training *****`` block with its counts), the datasets bars (``Running tokenizer on dataset:
100%|...| 56/56 [00:00<00:00, 2346.00 examples/s]``), one ``training example:`` and one
``eval example:`` (``input_ids:`` and ``label_ids:`` as Python lists of token ids, the
decoded ``inputs:``/``labels:`` text), Transformers 5.6's ``[transformers] warmup_ratio is
deprecated ...`` note, then the Trainer's tqdm bar with a dict line a log, each float as
``f"{v:.4g}"``: ``{'loss': '5.478', 'grad_norm': '0.6977', 'learning_rate': '0.004305',
'epoch': '1.071'}`` every 5 steps, ``{'eval_loss': '5.375', 'eval_runtime': '0.0331',
'eval_samples_per_second': '241.8', 'eval_steps_per_second': '60.44', 'epoch': '2'}`` at each
epoch's end, ``{'train_runtime': '2.46', ..., 'train_loss': '5.452', 'epoch': '3'}`` at the
end; then ``run_sft``'s closing calls: ``save_model()``, ``log_metrics("train")`` (``*****
train metrics *****``, ``  train_loss               =     5.4516``: floats ``round(v, 4)``,
``train_runtime = 0:00:02.46``, ``total_flos = 4GF``), ``save_metrics``,
``save_state()``, ``plot_loss`` (``Figure saved at: output/training_loss.png``, ``...
training_eval_loss.png``, a warning ``No metric eval_accuracy to plot.``), then a closing
``trainer.evaluate()`` with its ``***** eval metrics *****`` block (``eval_loss =
5.3569``, ``eval_runtime = 0:00:00.04``; its dict line is not printed: the progress
callback's bar is closed by then; in a pipe the heading follows the eval bar's ``\r`` on the
bar's line).

Truth: the framework's own records in ``output/``: ``trainer_state.json``'s ``log_history``
(``trainer.save_state()``, which ``run_sft`` calls before the closing evaluate) plus
``eval_results.json`` (``save_metrics("eval")``, the closing evaluate). All listed in
``files`` with ``train_results.json`` and ``all_results.json`` (the train summary entry of the
log history and the merge of both), and ``trainer_log.jsonl``: LLaMA-Factory's own
``LogCallback`` record, a JSON line a log with ``loss``, ``lr``, ``eval_loss``, ``epoch`` and
its progress fields (``current_steps``, ``percentage``, ``elapsed_time``, ...); its losses are
the log history's (the case asserts it), so it adds nothing to the truth. Judgement calls:
- names as the Trainer keys them: ``loss``, ``grad_norm``, ``learning_rate`` (8 points,
  steps 5, 10, ..., 40); ``eval_loss``, ``eval_runtime``, ``eval_samples_per_second``,
  ``eval_steps_per_second``: four points, the epoch-end evaluations at steps 14, 28, 42 and
  the closing ``evaluate()`` (``eval_results.json``), again at step 42: the same model on the
  same 8 rows, so the same loss as the epoch-3 one, its own runtime; ``train_runtime``,
  ``train_samples_per_second``, ``train_steps_per_second``, ``train_loss``: one point at 42;
- axis ``step`` (the global step), as the state file keys its log;
- runtimes and throughputs are in the record: truth metrics like the others;
- tolerances: the dict lines' 4 significant digits (``rel_tolerance=5e-4``) and the blocks'
  ``round(v, 4)`` (``tolerance=5e-5``), both allowed; ``*_runtime``: ``tolerance=0.01`` for the
  blocks' truncated hundredths (``H:MM:SS.cc``);
- not metrics, in neither list: ``epoch`` (the axis), ``total_flos`` (a count of operations,
  printed once as ``4GF``), the setup counts (``Num examples``, ``trainable params``), the
  model config's JSON fields (settings), the example's token ids;
- ``also_ok``: tqdm's ``it/s`` and the datasets bars' ``examples/s`` (throughput, no record).
- Determinism: seed 0 for LLaMA-Factory (``seed: 0``: LoRA init, shuffling, the val split),
  the case seeds the data and base model; one thread: values repeat run to run, timings not.
"""
# zoo-venv: llamafactory

import json
import os
import random
import subprocess
import sys
from importlib.metadata import version

import torch
from _records import hf_history_and_results, hf_printed_series
from _reverse_corpus import word_lists
from _truth import write_truth
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast
from transformers.utils import logging as hf_logging

random.seed(0)
torch.manual_seed(0)
hf_logging.disable_progress_bar()  # the case's own save_pretrained: no "Writing model shards"

# --- tiny alpaca-format data set, registered in a local dataset_info.json --------------------
rows = []
for words in word_lists(64):
    rows.append({"instruction": "Reverse the words.", "input": " ".join(words),
                 "output": " ".join(reversed(words))})
os.makedirs("data", exist_ok=True)
with open("data/reverse.json", "w", encoding="utf-8") as handle:
    json.dump(rows, handle, indent=1)
with open("data/dataset_info.json", "w", encoding="utf-8") as handle:
    json.dump({"reverse": {"file_name": "reverse.json"}}, handle, indent=1)

# --- tiny byte-level BPE tokenizer and a 2-layer Llama from a config, in tiny-llama/ --------
corpus = [f"Human: {row['instruction']}\n{row['input']}</s>\nAssistant:{row['output']}</s>\n"
          for row in rows]
tok = Tokenizer(models.BPE())
tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
tok.decoder = decoders.ByteLevel()
tok.train_from_iterator(corpus, trainers.BpeTrainer(
    vocab_size=320, special_tokens=["<pad>", "<s>", "</s>"], show_progress=False,
    initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>",
                                    pad_token="<pad>")
config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=64, intermediate_size=128,
                     num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=4,
                     max_position_embeddings=128, pad_token_id=tokenizer.pad_token_id,
                     bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id)
LlamaForCausalLM(config).save_pretrained("tiny-llama")
tokenizer.save_pretrained("tiny-llama")

# --- examples/train_lora/llama3_lora_sft.yaml's layout, on the tiny model and data ----------
CONFIG = """\
### model
model_name_or_path: tiny-llama
trust_remote_code: true

### method
stage: sft
do_train: true
finetuning_type: lora
lora_rank: 8
lora_target: all

### dataset
dataset: reverse
dataset_dir: data
template: default
cutoff_len: 64
overwrite_cache: true

### output
output_dir: output
logging_steps: 5
save_steps: 500
plot_loss: true
overwrite_output_dir: true
save_only_model: false
report_to: none  # choices: [none, wandb, tensorboard, swanlab, mlflow]

### train
per_device_train_batch_size: 4
gradient_accumulation_steps: 1
learning_rate: 5.0e-3
num_train_epochs: 3.0
lr_scheduler_type: cosine
warmup_ratio: 0.1
bf16: false
fp16: false
seed: 0
resume_from_checkpoint: null

### eval
val_size: 0.125
per_device_eval_batch_size: 4
eval_strategy: epoch
"""
with open("config.yaml", "w", encoding="utf-8") as handle:
    handle.write(CONFIG)
cli = os.path.join(os.path.dirname(sys.executable), "llamafactory-cli")
subprocess.run([cli, "train", "config.yaml"], check=True)

# --- truth: the saved log history, then the closing evaluate's results file ---------------
NOT_METRICS = {"epoch", "step", "total_flos"}
pairs = hf_history_and_results(("eval_results.json",), NOT_METRICS)

# LLaMA-Factory's own LogCallback record holds the same losses at the same steps (the closing
# evaluate comes after on_train_end has closed its writer)
with open("output/trainer_log.jsonl", encoding="utf-8") as handle:
    own = [json.loads(line) for line in handle]
assert [(e["current_steps"], e["loss"]) for e in own if "loss" in e] == pairs["loss"]
assert [(e["current_steps"], e["eval_loss"]) for e in own if "eval_loss" in e] \
    == pairs["eval_loss"][:-1]


files = [f"output/{name}" for name in ("trainer_state.json", "trainer_log.jsonl",
                                        "all_results.json", "train_results.json",
                                        "eval_results.json")]
write_truth("llamafactory", version("llamafactory"),
            "output/trainer_state.json log_history (save_state(), before the closing "
            "evaluate) + output/eval_results.json (save_metrics('eval'))",
            hf_printed_series(pairs), files=files,
            also_ok=["it/s", "examples/s"],
            notes=f"transformers {version('transformers')}, trl {version('trl')}, peft "
                  f"{version('peft')}, torch {torch.__version__}; trainer_log.jsonl "
                  "(LLaMA-Factory's LogCallback) repeats loss/lr/eval_loss")
