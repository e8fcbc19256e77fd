"""Hugging Face ``Trainer`` (transformers 5.25.0) ended the way the example scripts end
(``run_glue.py``, ``run_clm.py``, ``run_ner.py``): ``train_result = trainer.train()``,
``metrics = train_result.metrics``, ``metrics["train_samples"] = ...``,
``trainer.save_model()``, ``trainer.log_metrics("train", metrics)``,
``trainer.save_metrics("train", metrics)``, ``trainer.save_state()``; then
``metrics = trainer.evaluate()``, ``metrics["eval_samples"] = ...``, ``log_metrics("eval")``,
``save_metrics("eval")``; then ``trainer.predict(test, metric_key_prefix="predict")``'s
metrics with ``metrics["predict_samples"] = ...``, ``log_metrics("predict")``,
``save_metrics("predict")`` (run_ner.py's form). The model: a 2-layer BERT classifier
built from a ``BertConfig`` (hidden 32, nothing downloaded), a WordLevel tokenizer trained
here (``tokenizers``, ``show_progress=False``: it stands in for a downloaded tokenizer, whose
training bar a user of the examples never sees; wrapped in a ``PreTrainedTokenizerFast``),
generated sentences (label: a "good" or a "bad" word in the sentence) tokenized with
``datasets.Dataset.map`` padded to 32 tokens as run_glue does. ``num_train_epochs=2``,
``eval_strategy="epoch"``, ``learning_rate=5e-3`` (the default 5e-5 learns nothing in 64
steps), batch 8 (default), the default logging (``logging_steps=500``: no per-step loss line
in 64 steps), the default tqdm bars and logging verbosity, an accuracy ``compute_metrics``.

It prints the datasets map bars, the tqdm bars, a dict line a log (each float as
``f"{v:.4g}"``): ``{'eval_loss': '0.6834', 'eval_accuracy': '0.9062', 'eval_runtime':
'0.0248', 'eval_samples_per_second': '2579', 'eval_steps_per_second': '322.4', 'epoch':
'1'}``, the train summary ``{'train_runtime': '0.537', ..., 'train_loss': '0.5366', 'epoch':
'2'}``, then ``save_model()``'s ``Writing model shards`` bar and the example blocks::

    ***** train metrics *****
      epoch                    =        2.0
      total_flos               =        1GF
      train_loss               =     0.5366
      train_runtime            = 0:00:00.53
      train_samples            =        256
      train_samples_per_second =    953.404

(``log_metrics``: floats ``round(v, 4)``, ``*_runtime`` as ``H:MM:SS.cc`` truncated to
hundredths, ``total_flos`` as whole GF). The final ``evaluate()`` goes through
``Trainer.log`` too but prints no dict line: the progress callback's bar is closed by then.

Truth: ``output/trainer_state.json``'s ``log_history`` (saved by ``save_state()`` before the
final evaluate, as the examples order it) plus the saved results files
``output/eval_results.json`` and ``output/predict_results.json`` (``train_results.json``'s
values are the log history's train summary entry; ``all_results.json`` merges the three).
Judgements:
- axis ``step`` (the global step: 32 an epoch, 64 in all), as the state file keys its log;
  the final evaluate and the predict run after training, at global step 64;
- ``eval_*``: three points, the two epoch-end evaluations and the final ``evaluate()`` (a
  third evaluation, of the same model on the same split, at step 64: the same loss and
  accuracy as the epoch-2 one, its own runtime), the third from ``eval_results.json``;
- ``train_*``: one point, the train summary; ``predict_*``: one point, from
  ``predict_results.json`` (metric names as the file keys them, ``predict_loss`` ...);
- ``*_runtime``, ``*_samples_per_second``, ``*_steps_per_second`` are in the framework's
  record, so they are truth metrics like the others;
- tolerances: the dict lines' 4 significant digits (``rel_tolerance=5e-4``) and the blocks'
  ``round(v, 4)`` (``tolerance=5e-5``), both allowed; ``*_runtime``: ``tolerance=0.01`` for
  the blocks' truncated hundredths;
- not metrics, in neither list: ``epoch`` (counter), ``total_flos`` (a count of operations,
  printed only in the train block, ``1GF``), ``train_samples`` / ``eval_samples`` /
  ``predict_samples`` (dataset sizes the examples add);
- ``also_ok``: tqdm's ``it/s`` and the datasets map bars' ``examples/s``.
"""
# zoo-venv: llm

import os
import random

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import datasets
import numpy as np
import transformers
from _records import hf_history_and_results, hf_printed_series
from _truth import write_truth
from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers
from transformers import (
    BertConfig,
    BertForSequenceClassification,
    EvalPrediction,
    PreTrainedTokenizerFast,
    Trainer,
    TrainingArguments,
)

MAX_LENGTH = 32
rng = random.Random(0)
SUBJECTS = ["the film", "this book", "the meal", "our trip", "the show", "that game"]
GOOD = ["good", "great", "lovely", "fine", "superb"]
BAD = ["bad", "awful", "poor", "dull", "terrible"]
FILLER = ["was", "really", "quite", "and", "so", "very", "for", "us", "today", "overall"]


def sentence() -> tuple[str, int]:
    label = rng.randint(0, 1)
    words = [rng.choice(SUBJECTS), "was"] + [rng.choice(FILLER) for _ in range(rng.randint(2, 6))]
    words.insert(rng.randint(2, len(words)), rng.choice(GOOD if label else BAD))
    return " ".join(words), label


def split(size: int) -> datasets.Dataset:
    pairs = [sentence() for _ in range(size)]
    return datasets.Dataset.from_dict({"sentence": [text for text, _ in pairs],
                                       "label": [label for _, label in pairs]})


raw = {"train": split(256), "validation": split(64), "test": split(64)}

tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
tok.train_from_iterator(raw["train"]["sentence"], trainers.WordLevelTrainer(
    special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]"], show_progress=False))
tok.post_processor = processors.TemplateProcessing(
    single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="[PAD]", unk_token="[UNK]",
                                    cls_token="[CLS]", sep_token="[SEP]")


def preprocess(examples: dict) -> dict:
    return tokenizer(examples["sentence"], padding="max_length", max_length=MAX_LENGTH,
                     truncation=True)


tokenized = {name: data.map(preprocess, batched=True, desc="Running tokenizer on dataset")
             for name, data in raw.items()}
train_dataset, eval_dataset, predict_dataset = (tokenized["train"], tokenized["validation"],
                                                tokenized["test"])


def compute_metrics(prediction: EvalPrediction) -> dict:
    return {"accuracy": float((np.argmax(prediction.predictions, -1)
                               == prediction.label_ids).mean())}


transformers.set_seed(0)
config = BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2,
                    num_attention_heads=2, intermediate_size=64,
                    max_position_embeddings=MAX_LENGTH, num_labels=2,
                    pad_token_id=tokenizer.pad_token_id)
model = BertForSequenceClassification(config)
training_args = TrainingArguments(output_dir="output", num_train_epochs=2, learning_rate=5e-3,
                                  eval_strategy="epoch", save_strategy="no", report_to="none",
                                  seed=0, use_cpu=True)
trainer = Trainer(model=model, args=training_args, train_dataset=train_dataset,
                  eval_dataset=eval_dataset, processing_class=tokenizer,
                  compute_metrics=compute_metrics)

# the example scripts' closing calls
train_result = trainer.train()
metrics = train_result.metrics
metrics["train_samples"] = len(train_dataset)
trainer.save_model()
trainer.log_metrics("train", metrics)
trainer.save_metrics("train", metrics)
trainer.save_state()

metrics = trainer.evaluate()
metrics["eval_samples"] = len(eval_dataset)
trainer.log_metrics("eval", metrics)
trainer.save_metrics("eval", metrics)

predict_results = trainer.predict(predict_dataset, metric_key_prefix="predict")
metrics = predict_results.metrics
metrics["predict_samples"] = len(predict_dataset)
trainer.log_metrics("predict", metrics)
trainer.save_metrics("predict", metrics)

# truth: the saved log history, then the final evaluate's and the predict's results files
NOT_METRICS = {"epoch", "step", "total_flos", "train_samples", "eval_samples", "predict_samples"}
pairs = hf_history_and_results(("eval_results.json", "predict_results.json"), NOT_METRICS)


files = [f"output/{name}" for name in ("trainer_state.json", "all_results.json",
                                        "train_results.json", "eval_results.json",
                                        "predict_results.json")]
write_truth("transformers", transformers.__version__,
            "output/trainer_state.json log_history (saved before the final evaluate) + "
            "output/eval_results.json and output/predict_results.json (save_metrics)",
            hf_printed_series(pairs), files=files,
            also_ok=["it/s", "examples/s"])
