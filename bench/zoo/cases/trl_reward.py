"""TRL ``RewardTrainer`` (trl 1.16.0, transformers 5.25.0, datasets 5.2.0): reward-model
training as TRL's RewardTrainer docs and ``trl/scripts/reward.py`` run it:
``RewardTrainer(model=model, args=RewardConfig(...), processing_class=tokenizer,
train_dataset=train, eval_dataset=evaluation)``, ``trainer.train()``. Nothing downloaded: a
WordLevel tokenizer trained in the script (``tokenizers``, wrapped in a
``PreTrainedTokenizerFast``, pad ``[PAD]``, eos ``[EOS]``) and a 2-layer GPT-2 reward model
built from a ``GPT2Config(n_layer=2, n_embd=32, n_head=2, num_labels=1, pad_token_id=...)``
as a ``GPT2ForSequenceClassification`` (the docs' ``AutoModelForSequenceClassification``
with ``num_labels=1``, passed in memory). Data: 80 generated preference pairs in the
"standard" implicit-prompt format (``chosen`` "the red cat sleeps quietly .", ``rejected``
"the red cat explodes quietly .": only the verb tells them apart), 64 to train and 16 to
evaluate, each a ``datasets.Dataset.from_dict``. ``RewardConfig(output_dir="output",
num_train_epochs=2, per_device_train_batch_size=8, logging_steps=2, eval_strategy="epoch",
report_to="none", use_cpu=True)``; every other setting RewardConfig's default (learning
rate 1e-4, bf16, gradient checkpointing, eval batch 8, seed 42): 16 steps, a log every 2
steps, an evaluation at steps 8 and 16. Deterministic but for the timings.

What it prints (default verbosity, nothing of the case's own; under a terminal the
``tokenizers`` trainer adds its "[00:00:00] Pre-processing sequences" bars first): Transformers'
FutureWarning that ``gradient_checkpointing`` is deprecated, the datasets map bars ("Adding
EOS to train dataset", "Tokenizing train dataset", "Filtering train >1024 tokens": ``N/N [...,
examples/s]``, then the same for eval), one tqdm bar over the 16 steps with each log as a
dict line of 4-significant-digit strings, ``{'loss': '0.6919', 'grad_norm': '0.1569',
'learning_rate': '9.375e-05', 'num_tokens': '224', 'min_reward': '-0.03381', 'mean_reward':
'-0.02364', 'max_reward': '-0.01294', 'accuracy': '0.625', 'margin': '0.002426', 'epoch':
'0.25'}``, the evaluation bar (2 batches) and ``{'eval_loss': '0.684', 'eval_runtime':
'0.0238', 'eval_samples_per_second': ..., 'eval_steps_per_second': ..., 'eval_num_tokens':
'896', 'eval_min_reward': ..., 'eval_accuracy': '0.9375', 'eval_margin': '0.01842', 'epoch':
'1'}``, a "Writing model shards" bar (the checkpoint ``output/checkpoint-16`` saved at the
end of training), and the closing ``{'train_runtime': ..., 'train_samples_per_second': ...,
'train_steps_per_second': ..., 'train_loss': '0.6854', 'epoch': '2'}``. TRL 1.16's
RewardTrainer prints no rich table of sample rewards (older releases did at each evaluation;
TRL's ``RichProgressCallback`` is an opt-in callback the docs' quick start does not add).

Truth: ``output/trainer_state.json``'s ``log_history`` (``trainer.save_state()`` after
training), read by ``_records.hf_log_history``: every key at its ``step`` (8 training logs,
2 evaluations, 1 closing summary), ``epoch`` / ``step`` the axis, ``total_flos`` never
printed; tolerance half a unit of the printed 4th significant digit
(``rel_tolerance=5e-4``). Judgements, as in ``trl_dpo`` and ``trl_sft``: names are the
Trainer's and TRL's own keys (``min_reward``, ``accuracy``, ``margin``, ``eval_accuracy``,
...); ``learning_rate`` and the runtimes / throughputs (``eval_runtime``,
``train_samples_per_second``, ...) are in the Trainer's record, so truth metrics;
``num_tokens`` / ``eval_num_tokens`` (tokens seen in training so far; the eval log repeats the
training count) are logged by TRL as metrics and kept as TRL records them; tqdm's ``it/s``
and the map bars' ``examples/s`` go in ``also_ok``."""
# zoo-venv: trlreward

import os
import random

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import datasets
import transformers
import trl
from _records import write_hf_truth
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import GPT2Config, GPT2ForSequenceClassification, PreTrainedTokenizerFast
from trl import RewardConfig, RewardTrainer

random.seed(0)
ANIMALS = ["cat", "dog", "bird", "fox", "horse", "fish", "cow", "owl"]
COLOURS = ["red", "blue", "green", "yellow", "black", "white"]
GOOD = ["sleeps", "eats", "runs", "plays", "sings", "swims"]
BAD = ["explodes", "vanishes", "melts", "shouts", "breaks", "burns"]
ADVERBS = ["quietly", "loudly", "slowly", "quickly", "again", "today"]


def row() -> dict[str, str]:
    animal, colour = random.choice(ANIMALS), random.choice(COLOURS)
    adverb = random.choice(ADVERBS)
    return {"chosen": f"the {colour} {animal} {random.choice(GOOD)} {adverb} .",
            "rejected": f"the {colour} {animal} {random.choice(BAD)} {adverb} ."}


rows = [row() for _ in range(80)]
tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
tok.train_from_iterator([r["chosen"] + " " + r["rejected"] for r in rows],
                        trainers.WordLevelTrainer(special_tokens=["[PAD]", "[UNK]", "[EOS]"]))
tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="[PAD]", unk_token="[UNK]",
                                    eos_token="[EOS]")

transformers.set_seed(0)
config = GPT2Config(vocab_size=len(tokenizer), n_positions=32, n_embd=32, n_layer=2, n_head=2,
                    num_labels=1, pad_token_id=tokenizer.pad_token_id,
                    bos_token_id=tokenizer.eos_token_id, eos_token_id=tokenizer.eos_token_id)
model = GPT2ForSequenceClassification(config)
train = datasets.Dataset.from_dict({k: [r[k] for r in rows[:64]] for k in ("chosen", "rejected")})
evaluation = datasets.Dataset.from_dict({k: [r[k] for r in rows[64:]]
                                         for k in ("chosen", "rejected")})
args = RewardConfig(output_dir="output", num_train_epochs=2, per_device_train_batch_size=8,
                    logging_steps=2, eval_strategy="epoch", report_to="none", use_cpu=True)
trainer = RewardTrainer(model=model, args=args, processing_class=tokenizer, train_dataset=train,
                        eval_dataset=evaluation)
trainer.train()
write_hf_truth(trainer, "trl", trl.__version__, also_ok=("it/s", "examples/s"))
