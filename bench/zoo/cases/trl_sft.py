"""TRL ``SFTTrainer``: a 2-layer Llama causal LM built from a ``LlamaConfig`` (nothing
downloaded) with a WordLevel tokenizer trained in the script (``tokenizers``, wrapped in a
``PreTrainedTokenizerFast``), 64 synthetic sentences in a ``datasets.Dataset`` ("text"
field), ``max_steps=12``, ``logging_steps=2``, ``eval_strategy="steps"`` (eval_steps default
to logging_steps: an evaluation every 2 steps), SFTConfig's other defaults (bf16, gradient
checkpointing), the default tqdm bars. TRL adds its own keys to each log (``entropy``,
``num_tokens``, ``mean_token_accuracy`` and their ``eval_`` forms); Transformers prints each
log as a dict line (values as 4-significant-digit strings). Truth: ``trainer_state.json``'s
``log_history`` (written by ``trainer.save_state()``), every key but the axis ``epoch`` /
``step`` and ``total_flos`` (never printed). ``num_tokens`` is a running token count TRL
logs as a metric: kept as one, as TRL records it."""

import random

import datasets
import transformers
import trl
from _records import write_hf_truth
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast
from trl import SFTConfig, SFTTrainer

random.seed(0)
WORDS = ["the", "cat", "dog", "sat", "ran", "on", "under", "a", "mat", "log", "big", "small",
         "red", "blue", "quickly", "slowly", "and", "then", "slept", "jumped"]
texts = [" ".join(random.choice(WORDS) for _ in range(random.randint(6, 12)))
         for _ in range(80)]

tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
tok.train_from_iterator(texts, trainers.WordLevelTrainer(
    special_tokens=["[PAD]", "[UNK]", "[BOS]", "[EOS]"]))
tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="[PAD]", unk_token="[UNK]",
                                    bos_token="[BOS]", eos_token="[EOS]")

transformers.set_seed(0)
config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                     num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2,
                     max_position_embeddings=32, pad_token_id=tokenizer.pad_token_id,
                     bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id)
model = LlamaForCausalLM(config)
train = datasets.Dataset.from_dict({"text": texts[:64]})
evaluation = datasets.Dataset.from_dict({"text": texts[64:]})
args = SFTConfig(output_dir="output", max_steps=12, logging_steps=2, eval_strategy="steps",
                 per_device_train_batch_size=8, per_device_eval_batch_size=16,
                 learning_rate=1e-3, save_strategy="no", report_to="none", seed=0,
                 use_cpu=True)
trainer = SFTTrainer(model=model, args=args, train_dataset=train, eval_dataset=evaluation,
                     processing_class=tokenizer)
trainer.train()
# the datasets map bars ("Tokenizing train dataset: ... examples/s") and tqdm: throughput
write_hf_truth(trainer, "trl", trl.__version__, also_ok=("it/s", "examples/s"))
