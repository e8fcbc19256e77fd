"""llama-cookbook 0.0.5.post1 (PyPI ``llama-cookbook``, Meta's Llama cookbook, formerly
llama-recipes): its fine-tuning script as its fine-tuning docs run it, ``python -m
llama_cookbook.finetuning --use_peft --peft_method lora --model_name <dir> --output_dir out
--dataset custom_dataset --custom_dataset.file tiny_dataset.py ...`` (the case runs the module
in-process with ``runpy.run_module(..., run_name="__main__")`` and that argv, which is what
``python -m`` does, so its ``train()`` can be wrapped to keep the results dict it returns;
the wrapper changes nothing). No FSDP (``enable_fsdp`` defaults to False), no quantization
(bitsandbytes needs CUDA), LoRA with its default ``lora_config`` (r 8, q_proj/v_proj),
``--batching_strategy padding --batch_size_training 2 --num_epochs 2 --lr 1e-3
--save_metrics`` and ``--run_validation False``: 0.0.5.post1's ``evaluation()`` moves every
batch to ``'cuda:0'`` unless FSDP or an XPU, so with validation on it dies on a CPU build
("Torch not compiled with CUDA enabled"; tried); training itself runs on the CPU (the model
stays there when no CUDA/XPU is found). The model is a 2-layer ``LlamaForCausalLM`` (hidden
64) built from a ``LlamaConfig`` with random weights and saved with ``save_pretrained``; the
tokenizer a word-level one trained here with the ``tokenizers`` library and saved as a
``PreTrainedTokenizerFast``; the data 48 synthetic "Reverse: <words>\nAnswer: <reversed>"
rows (40 train, 8 in the unused validation split) returned by ``get_custom_dataset`` of a
local ``tiny_dataset.py``, the loss masked (-100) on the prompt. 20 steps an epoch, 40 in
all, about 10 s on one thread. Nothing downloaded.

What it prints (stdout): its setup lines (``--> tiny-llama has 0.085568 Million params``,
peft's ``trainable params: 4,096 || all params: 89,664 || trainable%: 4.5682``, set lengths,
``Starting epoch 0/2``, ``train_config.max_train_step: 0``), per epoch ``CPU Total Peak
Memory consumed during the train (max): 0 GB``, the PEFT save messages and
``Epoch 1: train_perplexity=23.6673, train_epoch_loss=3.1641, epoch time 1.12...s``
(``:.4f``; the time in full), and at the end ``main``'s ``Key: avg_train_prep, Value:
22.606...`` lines for each entry of the results dict (``avg_train_prep``, ``avg_train_loss``,
``avg_epoch_time``, ``avg_checkpoint_time``, ``metrics_filename``). On stderr a tqdm bar per
epoch whose description ``set_description`` rewrites every step (so every step is drawn,
pipe or terminal): ``Training Epoch: 1/2, step 3/20 completed (loss: 3.2729651927948)``,
``step`` 0-based within the epoch, the loss a 0-d float32 tensor formatted in full; plus
torch's pin_memory and the tokenizers fork warnings.

Truth: the framework's own records, the ``--save_metrics`` JSON ``out/metrics_data_None-
<datetime>.json`` (``save_to_json``: ``train_step_loss``, ``train_epoch_loss``,
``train_step_perplexity``, ``train_epoch_perplexity`` and the ``val_*`` lists, empty here)
and the results dict ``train()`` returns. Judgement calls, printed name -> record:
- ``loss`` (the bar's ``(loss: ...)``) -> ``train_step_loss`` (``loss /
  gradient_accumulation_steps``, accumulation 1, the same tensor the bar prints): 40 points
  keyed by the global step 1..40 (``total_train_steps``; the bar's ``step`` restarts at 0
  each epoch). Same float32 value printed in full: rel. tolerance 1e-9.
- ``train_perplexity`` -> ``train_epoch_perplexity``, ``train_epoch_loss`` ->
  ``train_epoch_loss``: epochs 1, 2 (``Epoch {epoch+1}``), tolerance 5e-5 (``:.4f``).
- ``avg_train_prep``, ``avg_train_loss``: the results dict (the mean of the epoch values),
  printed once in full as ``Key: ..., Value: ...``: one point each at epoch 2.
- ``train_step_perplexity``: only in the JSON (``file_metrics``).
- ``epoch time``, ``avg_epoch_time``, ``avg_checkpoint_time`` and tqdm's ``it/s`` are timings
  (``also_ok``); ``metrics_filename`` is a path; ``max_train_step`` is a setting; the CPU
  peak memory (whole GB, 0 here) and the parameter counts are not metrics of the run's
  training and are kept in no record.
- Determinism: ``main`` seeds torch/random/numpy with ``seed=42`` (LoRA init, dropout 0.05,
  the padding sampler's batch shuffle); the case seeds the data and the base model. Values
  repeat exactly run to run; only the times and the JSON file name's date change.
"""
# zoo-venv: llamacookbook

import json
import os
import random
import runpy
import sys
from importlib.metadata import version

import llama_cookbook.utils.train_utils as train_utils
import torch
from _reverse_corpus import word_lists
from _truth import series, write_truth
from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

random.seed(0)
torch.manual_seed(0)

# --- tiny synthetic text: "reverse the words" prompts and answers -------------------------
rows = []
for words in word_lists(48):
    rows.append({"prompt": "Reverse: " + " ".join(words) + "\nAnswer:",
                 "answer": " " + " ".join(reversed(words))})
with open("tiny_reverse.json", "w", encoding="utf-8") as handle:
    json.dump({"train": rows[:40], "validation": rows[40:]}, handle)

# --- tokenizer: a word-level tokenizer from the `tokenizers` library, saved for AutoTokenizer
tok = Tokenizer(models.WordLevel(unk_token="<unk>"))
tok.pre_tokenizer = pre_tokenizers.Whitespace()
tok.train_from_iterator([r["prompt"] + r["answer"] for r in rows],
                        trainers.WordLevelTrainer(special_tokens=["<unk>", "<s>", "</s>"],
                                                  show_progress=False))
tok.post_processor = processors.TemplateProcessing(single="<s> $A", special_tokens=[
    ("<s>", tok.token_to_id("<s>"))])
tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>",
                                    unk_token="<unk>")
tokenizer.save_pretrained("tiny-llama")

# --- model: a 2-layer Llama from a config, random weights, saved like a hub checkpoint ------
config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=64, intermediate_size=128,
                     num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=4,
                     max_position_embeddings=128, bos_token_id=tokenizer.bos_token_id,
                     eos_token_id=tokenizer.eos_token_id)
LlamaForCausalLM(config).save_pretrained("tiny-llama")

# --- the custom dataset file the docs' `--custom_dataset.file` points at ---------------------
DATASET_PY = '''\
import json


def get_custom_dataset(dataset_config, tokenizer, split):
    with open("tiny_reverse.json", encoding="utf-8") as handle:
        rows = json.load(handle)[split]
    dataset = []
    for row in rows:
        prompt = tokenizer.encode(tokenizer.bos_token + row["prompt"], add_special_tokens=False)
        answer = tokenizer.encode(row["answer"] + tokenizer.eos_token, add_special_tokens=False)
        dataset.append({"input_ids": prompt + answer,
                        "attention_mask": [1] * (len(prompt) + len(answer)),
                        "labels": [-100] * len(prompt) + answer})
    return dataset
'''
with open("tiny_dataset.py", "w", encoding="utf-8") as handle:
    handle.write(DATASET_PY)

# --- run llama-cookbook's fine-tuning as `python -m llama_cookbook.finetuning ...` -----------
results = {}
_train = train_utils.train


def train(*args, **kwargs):
    """train() unchanged; keeps the results dict main() prints as "Key: ..., Value: ..."."""
    results.update(_train(*args, **kwargs))
    return results


train_utils.train = train
sys.argv = ["llama_cookbook.finetuning", "--model_name", "tiny-llama", "--output_dir", "out",
            "--use_peft", "--peft_method", "lora",
            "--dataset", "custom_dataset", "--custom_dataset.file", "tiny_dataset.py",
            "--batching_strategy", "padding", "--batch_size_training", "2",
            "--num_epochs", "2", "--lr", "1e-3", "--run_validation", "False",
            "--save_metrics"]
runpy.run_module("llama_cookbook.finetuning", run_name="__main__", alter_sys=True)

# --- truth: the metrics JSON file save_to_json wrote, and the results dict -----------------
path = os.path.relpath(results["metrics_filename"])
with open(path, encoding="utf-8") as handle:
    data = json.load(handle)
step_loss = data["train_step_loss"]
epoch_loss, epoch_ppl = data["train_epoch_loss"], data["train_epoch_perplexity"]
assert len(step_loss) == 40 and len(epoch_loss) == len(epoch_ppl) == 2, data
assert not data["val_step_loss"] and not data["val_epoch_loss"], data
assert results["avg_train_loss"] == sum(epoch_loss) / 2, (results, epoch_loss)
assert results["avg_train_prep"] == sum(epoch_ppl) / 2, (results, epoch_ppl)
steps = range(1, len(step_loss) + 1)
epochs = range(1, len(epoch_loss) + 1)
write_truth(
    "llama-cookbook", version("llama-cookbook"),
    f"save_metrics JSON {path} (train_step_loss, train_epoch_loss, train_epoch_perplexity, "
    "train_step_perplexity) and the results dict train() returns (avg_train_prep, "
    "avg_train_loss, printed by finetuning.main as 'Key: ..., Value: ...')",
    {"loss": series(zip(steps, step_loss, strict=True), "step", rel_tolerance=1e-9),
     "train_perplexity": series(zip(epochs, epoch_ppl, strict=True), "epoch", tolerance=5e-5),
     "train_epoch_loss": series(zip(epochs, epoch_loss, strict=True), "epoch", tolerance=5e-5),
     "avg_train_prep": series([(len(epoch_ppl), results["avg_train_prep"])], "epoch",
                              rel_tolerance=1e-9),
     "avg_train_loss": series([(len(epoch_loss), results["avg_train_loss"])], "epoch",
                              rel_tolerance=1e-9)},
    files=[path],
    also_ok=["epoch time", "epoch_time", "avg_epoch_time", "avg_checkpoint_time", "it/s", "s/it"],
    file_metrics={"train_step_perplexity": series(zip(steps, data["train_step_perplexity"],
                                                      strict=True), "step", rel_tolerance=1e-9)},
    notes="run_validation=False: llama-cookbook 0.0.5.post1's evaluation() moves every batch to "
          "'cuda:0' unless FSDP or an XPU, so it cannot run on a CPU (the val_* lists stay "
          "empty); 20 steps an epoch (40 rows, batch 2), gradient_accumulation_steps=1")
