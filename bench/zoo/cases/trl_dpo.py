"""TRL ``DPOTrainer`` (trl 1.16.0, transformers 5.25.0) as its quickstart uses it:
``DPOConfig(output_dir="output", ...)``, ``DPOTrainer(model=model, args=args,
processing_class=tokenizer, train_dataset=train, eval_dataset=evaluation)``,
``trainer.train()``. Nothing downloaded: a WordLevel tokenizer trained in the script
(``tokenizers``, wrapped in a ``PreTrainedTokenizerFast``) and a 2-layer Llama (hidden 32)
built from a ``LlamaConfig`` are saved to ``tiny-llama/`` and loaded back with
``AutoModelForCausalLM`` / ``AutoTokenizer.from_pretrained`` as the quickstart loads its
checkpoint (DPOTrainer builds its reference model from the policy's ``name_or_path``, so an
in-memory model without a path fails: ``Repo id must use alphanumeric chars ... ''``).
Data: 48 generated preference rows (``prompt`` "what does the red cat do ?", ``chosen``
" the red cat sleeps quietly .", ``rejected`` " the cat explodes loudly !"), 40 to train,
8 to evaluate. ``max_steps=20``, ``logging_steps=2``, ``eval_strategy="steps"`` with
``eval_steps=5`` (evaluations at steps 5, 10, 15, 20), batch 4 / eval batch 8,
``learning_rate=1e-3`` (DPOConfig's default 1e-6 leaves a model this small where it
started), ``save_strategy="no"``, ``seed=0``, ``use_cpu=True``; every other setting
DPOConfig's default (sigmoid loss, beta 0.1, bf16, gradient checkpointing). ``report_to``
is left at its default: in Transformers 5 that is ``"none"`` (no tracker, nothing online).

What it prints (default verbosity; under a terminal the ``tokenizers`` trainer adds its
"[00:00:00] Pre-processing sequences" bars first, and ``save_pretrained`` a "Writing
model shards" bar either way): the datasets map bars ("Tokenizing train dataset:
100%|...| 40/40 [...examples/s]"), "Loading weights" bars, Transformers' FutureWarnings
about ``gradient_checkpointing``, one tqdm bar over the 20 steps with each log as a dict
line of 4-significant-digit strings, e.g.
``{'loss': '0.5509', 'grad_norm': '0.7512', 'learning_rate': '0.00055', 'entropy': '3.653',
'num_tokens': '1080', 'logits/chosen': '0.0006026', ..., 'rewards/chosen': '0.1781',
'rewards/rejected': '-0.1302', 'rewards/accuracies': '1', 'rewards/margins': '0.3083',
'logps/chosen': '-24.18', 'logps/rejected': '-23.48', 'epoch': '1'}``, the evaluation bar and
``{'eval_loss': '0.5357', 'eval_runtime': '0.078', 'eval_samples_per_second': '102.6', ...,
'eval_rewards/margins': '0.3445', ..., 'epoch': '1'}``, and the closing
``{'train_runtime': ..., 'train_loss': '0.5564', 'epoch': '2'}``.

Truth: ``output/trainer_state.json``'s ``log_history`` (``trainer.save_state()``), read by
``_records.hf_log_history``: every key at its ``step`` (10 training logs, 4 evaluations,
1 closing summary), ``epoch`` / ``step`` the axis, ``total_flos`` never printed; tolerance
half a unit of the printed 4th significant digit (``rel_tolerance=5e-4``). Judgements, as in
``trl_sft``: names are TRL's keys, slashes kept (``rewards/chosen``, ``eval_logps/rejected``);
``learning_rate`` and the runtimes / throughputs (``eval_runtime``,
``train_samples_per_second``, ...) are in the Trainer's record, so truth metrics;
``num_tokens`` / ``eval_num_tokens`` (tokens seen so far, the eval log repeats the training
count) are logged by TRL as metrics and kept as TRL records them; tqdm's ``it/s`` and the
map bars' ``examples/s`` go in ``also_ok``."""
# zoo-venv: llm

import os
import random

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import datasets
import transformers
import trl
from _records import write_hf_truth
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    LlamaConfig,
    LlamaForCausalLM,
    PreTrainedTokenizerFast,
)
from trl import DPOConfig, DPOTrainer

random.seed(0)
ANIMALS = ["cat", "dog", "bird", "fox", "horse", "fish", "cow", "owl"]
COLOURS = ["red", "blue", "green", "yellow", "black", "white"]
GOOD = ["sleeps", "eats", "runs", "plays", "sings", "swims"]
BAD = ["explodes", "vanishes", "melts", "shouts", "breaks", "burns"]


def row() -> dict[str, str]:
    animal, colour = random.choice(ANIMALS), random.choice(COLOURS)
    return {"prompt": f"what does the {colour} {animal} do ?",
            "chosen": f" the {colour} {animal} {random.choice(GOOD)} quietly .",
            "rejected": f" the {animal} {random.choice(BAD)} loudly !"}


rows = [row() for _ in range(48)]
corpus = [" ".join(r.values()) for r in rows]
tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
tok.train_from_iterator(corpus, trainers.WordLevelTrainer(
    special_tokens=["[PAD]", "[UNK]", "[BOS]", "[EOS]"]))
tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="[PAD]", unk_token="[UNK]",
                                    bos_token="[BOS]", eos_token="[EOS]")

transformers.set_seed(0)
config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                     num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2,
                     max_position_embeddings=64, pad_token_id=tokenizer.pad_token_id,
                     bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id)
LlamaForCausalLM(config).save_pretrained("tiny-llama")
tokenizer.save_pretrained("tiny-llama")

# the quickstart: model and tokenizer from a checkpoint (here the local one just saved; the
# trainer builds the reference model from the same path)
model = AutoModelForCausalLM.from_pretrained("tiny-llama")
tokenizer = AutoTokenizer.from_pretrained("tiny-llama")
train = datasets.Dataset.from_list(rows[:40])
evaluation = datasets.Dataset.from_list(rows[40:])
args = DPOConfig(output_dir="output", max_steps=20, logging_steps=2, eval_strategy="steps",
                 eval_steps=5, per_device_train_batch_size=4, per_device_eval_batch_size=8,
                 learning_rate=1e-3, save_strategy="no", seed=0, use_cpu=True)
trainer = DPOTrainer(model=model, args=args, processing_class=tokenizer, train_dataset=train,
                     eval_dataset=evaluation)
trainer.train()
write_hf_truth(trainer, "trl", trl.__version__, also_ok=("it/s", "examples/s"))
