"""TRL ``GRPOTrainer`` (trl 1.16.0, transformers 5.25.0) as its quickstart uses it:
``GRPOTrainer(model=<checkpoint path>, reward_funcs=reward_len, args=GRPOConfig(...),
train_dataset=dataset)``, ``trainer.train()``, with the quickstart's reward function
(``-abs(20 - len(completion))``: completions near 20 characters). Nothing downloaded: a
WordLevel tokenizer trained in the script and a 2-layer Llama (hidden 32) from a
``LlamaConfig`` are saved to ``tiny-llama/``, the path given as ``model`` (the trainer loads
the policy, the reference model and the tokenizer from it). Data: 32 generated prompts
("the red cat") in a ``prompt`` column. Generation with ``model.generate`` on the CPU (no
vLLM, GRPOConfig's default): ``num_generations=4``, ``per_device_train_batch_size=8`` (two
prompts a step, four completions each), ``max_completion_length=8``; ``max_steps=10``,
``logging_steps=1``, ``learning_rate=1e-3`` (the default 1e-6 leaves this model where it
started), ``beta=0.04`` (GRPOConfig's default 0.0 loads no reference model and logs no
``kl``; 0.04 is TRL's former default), ``save_strategy="no"``, ``seed=0``, ``use_cpu=True``;
``report_to`` left at its default, ``"none"`` in Transformers 5. Well within the time:
about 1 s of training.

What it prints (default verbosity; under a terminal the ``tokenizers`` trainer adds its
"[00:00:00] Pre-processing sequences" bars first, and ``save_pretrained`` a "Writing
model shards" bar either way): "Loading weights" bars, Transformers' FutureWarnings
about ``gradient_checkpointing``, one tqdm bar over the 10 steps and each log as a dict line
of 4-significant-digit strings, e.g. ``{'loss': '0.126', 'grad_norm': '0.8993',
'learning_rate': '0.0005', 'num_tokens': '473', 'completions/mean_length': '7.25', ...,
'rewards/reward_len/mean': '-13.62', 'rewards/reward_len/std': '10.06', 'reward': '-13.62',
'reward_std': '10.06', 'frac_reward_zero_std': '0', 'kl': '0.003738', 'entropy': '3.289',
'clip_ratio/low_mean': '0', ..., 'step_time': '0.06684', 'epoch': '0.375'}``, then
``{'train_runtime': '0.9106', ..., 'train_loss': '0.02716', 'epoch': '0.625'}``.

Truth: ``output/trainer_state.json``'s ``log_history`` (``trainer.save_state()``), read by
``_records.hf_log_history``: every key at its ``step`` (10 logs, 1 closing summary),
``epoch`` / ``step`` the axis, ``total_flos`` never printed; ``rel_tolerance=5e-4`` for the
printed 4 significant digits. Judgements, as in ``trl_sft``: names are TRL's keys, slashes
kept (``completions/mean_length``, ``rewards/reward_len/mean``, ``clip_ratio/low_mean``);
``reward`` and ``rewards/reward_len/mean`` carry the same value under two keys (one reward
function) and both are kept; the completion-length statistics (mean/min/max, clipped ratio,
terminated lengths) are per-step statistics, not counters: metrics; ``num_tokens`` (tokens
seen so far) is logged by TRL as a metric and kept as TRL records it; ``step_time`` and the
``train_*`` runtime / throughput keys are in the Trainer's record, so truth metrics;
``learning_rate`` likewise. tqdm's ``it/s`` / ``s/it`` go in ``also_ok``."""
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
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast
from trl import GRPOConfig, GRPOTrainer

random.seed(0)
ANIMALS = ["cat", "dog", "bird", "fox", "horse", "fish", "cow", "owl"]
COLOURS = ["red", "blue", "green", "yellow", "black", "white"]
VERBS = ["sleeps", "eats", "runs", "plays", "sings", "swims", "jumps", "hides"]
prompts = [f"the {random.choice(COLOURS)} {random.choice(ANIMALS)}" for _ in range(32)]
corpus = prompts + [" ".join(random.sample(VERBS, 3)) for _ in range(16)]

tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
tok.train_from_iterator(corpus, trainers.WordLevelTrainer(
    special_tokens=["[PAD]", "[UNK]", "[BOS]", "[EOS]"]))
tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="[PAD]", unk_token="[UNK]",
                                    bos_token="[BOS]", eos_token="[EOS]")
tokenizer.save_pretrained("tiny-llama")
transformers.set_seed(0)
LlamaForCausalLM(LlamaConfig(
    vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
    num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=64,
    pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
    eos_token_id=tokenizer.eos_token_id)).save_pretrained("tiny-llama")

dataset = datasets.Dataset.from_dict({"prompt": prompts})


def reward_len(completions, **kwargs):
    """The quickstart's reward: completions close to 20 characters."""
    return [-abs(20 - len(completion)) for completion in completions]


args = GRPOConfig(output_dir="output", max_steps=10, logging_steps=1, num_generations=4,
                  per_device_train_batch_size=8, max_completion_length=8, beta=0.04,
                  learning_rate=1e-3, save_strategy="no", seed=0, use_cpu=True)
trainer = GRPOTrainer(model="tiny-llama", reward_funcs=reward_len, args=args,
                      train_dataset=dataset)
trainer.train()
write_hf_truth(trainer, "trl", trl.__version__, also_ok=("it/s", "s/it"))
