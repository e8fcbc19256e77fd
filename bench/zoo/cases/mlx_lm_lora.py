"""mlx-lm 0.31.3 (Apple MLX's language-model package) on MLX 0.32.4's Linux CPU build
(``mlx[cpu]``: ``mlx-cpu``): LoRA fine-tuning through its ``mlx_lm.lora`` command as
LORA.md's "Fine-tune" quick start runs it (``mlx_lm.lora --model <path> --train --data <path>
--iters N``), here ``--iters 60 --num-layers 2 --steps-per-eval 20 --learning-rate 1e-4``
(the default ``--num-layers 16`` exceeds the model's 2 layers and stops the run; the default
``--steps-per-eval 200`` would validate only at iterations 1 and 60; lr 1e-4 instead of the
default 1e-5 so the loss moves in 60 steps), the rest at its defaults (batch 4, Adam, LoRA
rank 8, ``--steps-per-report 10``, ``--val-batches 25``, ``--save-every 100``, seed 0). The
console script's ``main()`` is called in-process with that ``sys.argv`` (so the truth
callback can ride along, below). mlx-lm 0.31.3 is the last release with the plain ``print``
lines (``Iter N: Train loss ...``); 0.32 replaced them with a rich table (``iter
train_loss tok/s tokens``) and a progress bar.

Nothing downloaded: the model folder is built here. A word-level tokenizer (the ``tokenizers``
library: ``WordLevel`` over the data's 25 words plus ``<unk>``/``<s>``/``</s>``, ``<s>``
prepended by its post-processor) saved as Hugging Face files with
``PreTrainedTokenizerFast.save_pretrained``; a 2-layer Llama (hidden 64, 4 heads, MLP 128,
untied head) built from its ``config.json`` with ``mlx_lm.models.llama`` and
``mx.random.seed(0)``, random weights saved as ``model.safetensors``. Data: LORA.md's local
``text`` jsonl format, ``data/train.jsonl`` (64 rows) and ``data/valid.jsonl`` (16 rows) of
seeded word sequences followed by ``.`` and the sequence reversed.

What it prints (stdout, ``print``): ``Loading pretrained model``, ``Loading datasets``,
``Training``, ``Trainable parameters: 20.283% (0.017M/0.086M)``, ``Starting training...,
iters: 60``, then ``Iter 1: Val loss 3.453, Val took 0.075s`` (validation before any
training, then at 20, 40 and 60), ``Iter 10: Train loss 3.424, Learning Rate 1.000e-04,
It/sec 27.067, Tokens/sec 2484.791, Trained Tokens 918, Peak mem 0.003 GB`` every 10
iterations, and ``Saved final weights to adapters/adapters.safetensors.``. On stderr each
validation draws a tqdm bar, ``Calculating loss...: 100%|...| 4/4 [00:00<00:00, 58.34it/s]``.

Truth: mlx-lm's own ``TrainingCallback``: ``train()`` hands it the dicts it prints from,
``on_train_loss_report({"iteration", "train_loss", "learning_rate",
"iterations_per_second", "tokens_per_second", "trained_tokens", "peak_memory"})`` and
``on_val_loss_report({"iteration", "val_loss", "val_time"})``. ``lora.run()`` discards a
callback passed to it (it rebinds ``training_callback`` to ``get_reporting_callbacks(
args.report_to, ...)``), so the case registers a recording callback in
``mlx_lm.tuner.callbacks.SUPPORT_CALLBACK`` (where ``wandb``/``swanlab`` live) and passes
``--report-to zoo``, the CLI's own hook for trackers; it prints nothing. Judgement calls:
- Names are the callback dicts' keys (the printed labels are ``Train loss``, ``Learning
  Rate``, ``It/sec``, ``Tokens/sec``, ``Peak mem``, ``Val loss``, ``Val took``); every key
  is a metric, the timing ones too (``iterations_per_second``, ``tokens_per_second``,
  ``val_time``): the framework records them with the losses. ``trained_tokens`` (printed
  ``Trained Tokens 918``) is the running count of tokens trained on, a progress counter like
  SB3's ``time/total_timesteps`` or the Trainer's ``total_flos``: no metric.
- Axis ``step``: the dict's ``iteration``. For the training reports that is the printed
  ``Iter N``; for validation mlx-lm records ``it - 1`` (0, 19, 39, 59: the steps trained
  before it) where the line says ``Iter 1``/``20``/``40``/``60``; the truth keeps the record's.
- Tolerances from the print formats: ``.3f`` (losses, rates, ``Val took``, ``Peak mem`` in
  GB) 5e-4; ``Learning Rate`` ``.3e`` rel 5e-4 (the float32 ``9.9999997e-05`` prints
  ``1.000e-04``).
- ``also_ok``: tqdm's ``it/s``/``s/it`` of the validation bar (printed, never recorded).
  ``Trainable parameters`` and ``iters: 60`` describe the model and settings, no metrics.
- Determinism: losses, token counts and peak memory repeat run to run (seeded data, weights, LoRA
  init, batch order); the timings do not, and each mode's truth holds its own run's.
"""
# zoo-venv: mlx

import json
import random
import sys
from pathlib import Path

import mlx.core as mx
import mlx_lm
import mlx_lm.lora
from _truth import series, write_truth
from mlx.utils import tree_flatten
from mlx_lm.models import llama
from mlx_lm.tuner import callbacks as tuner_callbacks
from tokenizers import Tokenizer, models, pre_tokenizers, processors
from transformers import PreTrainedTokenizerFast

# --- tiny synthetic text data, mlx_lm's "text" jsonl format ---------------------------------
random.seed(0)
WORDS = ["red", "green", "blue", "cat", "dog", "bird", "runs", "jumps", "sleeps", "the", "a",
         "small", "big", "fast", "slow", "tree", "house", "river", "sun", "moon", "over",
         "under", "near", "and"]


def sentence() -> str:
    words = [random.choice(WORDS) for _ in range(random.randint(6, 14))]
    return " ".join(words) + " . " + " ".join(reversed(words))


Path("data").mkdir()
for split, count in (("train", 64), ("valid", 16)):
    with open(f"data/{split}.jsonl", "w", encoding="utf-8") as handle:
        for _ in range(count):
            handle.write(json.dumps({"text": sentence()}) + "\n")

# --- tokenizer built offline: a word-level tokenizers model, saved as Hugging Face files ----
vocab = {token: index for index, token in enumerate(["<unk>", "<s>", "</s>", ".", *WORDS])}
tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
tokenizer.post_processor = processors.TemplateProcessing(single="<s> $A",
                                                          special_tokens=[("<s>", 1)])
PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="<unk>", bos_token="<s>",
                        eos_token="</s>").save_pretrained("model")

# --- a tiny Llama built from its config, random weights, saved as mlx_lm loads a model -------
config = {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2,
          "intermediate_size": 128, "num_attention_heads": 4, "num_key_value_heads": 4,
          "rms_norm_eps": 1e-5, "vocab_size": len(vocab), "max_position_embeddings": 128,
          "tie_word_embeddings": False, "bos_token_id": 1, "eos_token_id": 2}
mx.random.seed(0)
model = llama.Model(llama.ModelArgs.from_dict(config))
mx.save_safetensors("model/model.safetensors", dict(tree_flatten(model.parameters())))
with open("model/config.json", "w", encoding="utf-8") as handle:
    json.dump(config, handle, indent=2)
del model


# --- truth: mlx_lm's own TrainingCallback reports, through the CLI's --report-to hook -------
class Record(tuner_callbacks.TrainingCallback):
    def __init__(self, project_name=None, log_dir=None, config=None, wrapped_callback=None):
        self.train_reports: list[dict] = []
        self.val_reports: list[dict] = []

    def on_train_loss_report(self, train_info: dict) -> None:
        self.train_reports.append(dict(train_info))

    def on_val_loss_report(self, val_info: dict) -> None:
        self.val_reports.append(dict(val_info))


records: list[Record] = []


def make_record(**kwargs) -> Record:
    records.append(Record(**kwargs))
    return records[-1]


tuner_callbacks.SUPPORT_CALLBACK["zoo"] = make_record

# --- the quick start's command: mlx_lm.lora --model <path> --train --data <path> --iters N ---
sys.argv = ["mlx_lm.lora", "--model", "model", "--train", "--data", "data", "--iters", "60",
            "--num-layers", "2", "--steps-per-eval", "20", "--learning-rate", "1e-4",
            "--report-to", "zoo"]
mlx_lm.lora.main()

record = records[0]
# trained_tokens, the running count of tokens trained on, is a counter, no metric
train_metrics = ("train_loss", "learning_rate", "iterations_per_second", "tokens_per_second",
                 "peak_memory")
tolerances = {"learning_rate": {"rel_tolerance": 5e-4}}
metrics = {}
for name in train_metrics:
    pairs = ((report["iteration"], report[name]) for report in record.train_reports)
    metrics[name] = series(pairs, "step", **tolerances.get(name, {"tolerance": 5e-4}))
for name in ("val_loss", "val_time"):
    pairs = ((report["iteration"], report[name]) for report in record.val_reports)
    metrics[name] = series(pairs, "step", tolerance=5e-4)
write_truth("mlx-lm", mlx_lm.__version__,
            "mlx_lm.tuner TrainingCallback reports (on_train_loss_report / on_val_loss_report "
            "dicts, through --report-to), keyed by their 'iteration'",
            metrics, also_ok=["it/s", "s/it"],
            notes=f"mlx {mx.__version__}; {len(record.train_reports)} train reports, "
                  f"{len(record.val_reports)} validations")
