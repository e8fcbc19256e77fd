"""Hugging Face ``Trainer`` reporting to TensorBoard, as the docs' text-classification
tutorial goes: a word-level tokenizer built here (``tokenizers.WordLevel`` wrapped in a
``PreTrainedTokenizerFast``), a tiny ``datasets.Dataset`` of synthetic sentences tokenized with
``Dataset.map``, a 2-layer ``BertForSequenceClassification`` from a ``BertConfig`` (nothing
downloaded), an accuracy ``compute_metrics``, ``TrainingArguments(output_dir="out",
eval_strategy="epoch", logging_steps=5, num_train_epochs=3, report_to=["tensorboard"],
save_strategy="epoch")`` (every other argument default: batch 8, lr 5e-5, seed 42), then
``trainer.train()``, ``trainer.evaluate()`` and ``trainer.save_state()`` (as the example
scripts do). Default printing: the ``Map`` bars, the tqdm training bar, each log as a dict line
(``ProgressCallback.on_log``: floats as ``f"{v:.4g}"`` strings, ``total_flos`` dropped), the
evaluation bars.

Truth: ``trainer_state.json``'s ``log_history`` (``_records.hf_log_history``: every key at its
``step``, rel_tolerance 5e-4 for the ``.4g`` print). Judgements:
- The printed records are the last checkpoint's ``log_history`` (``out/checkpoint-N/``, saved
  after the epoch-3 evaluation) plus the training summary entry (``train_runtime``,
  ``train_loss``, ...) logged after the loop: exactly the final state's entries up to the end of
  ``trainer.train()``. ``trainer.evaluate()`` after training logs a 4th evaluation (same step
  as the epoch-3 one) into the final state and TensorBoard, but ``ProgressCallback`` prints
  nothing once its training bar is closed: that entry is no printed metric.
- The TensorBoard event files (``out/runs/<date>_<host>/``: one from the training's writer,
  a second one the callback opens again for the post-training ``evaluate()``) keep the same
  log dicts under ``rewrite_logs`` tags: ``train/loss``, ``train/grad_norm``,
  ``train/learning_rate``, ``eval/loss``, ``eval/accuracy``, ``eval/runtime``, ...,
  ``train/train_loss``, ``train/train_runtime``, ...: the same quantities under the file's
  spelling, at ``global_step``. As for eole's event file, every one of them is a
  ``file_metrics`` series under its tag, read back from the file (float32: rel_tolerance 1e-6);
  the ``eval/*`` ones hold 4 points (the unprinted final evaluation included), the printed
  ``eval_*`` 3.
- The final ``out/trainer_state.json`` keeps that 4th evaluation too, under the printed keys.
  Likewise every series it holds is a ``file_metrics`` series under its own key (full
  precision): ``loss``, ``grad_norm``, ``learning_rate`` (12 points), ``eval_*`` (4 points),
  ``train_loss``, ``train_runtime``, ... (1 point); the checkpoint's copy is a prefix of it.
  So a read of the files expects both spellings (``eval_loss`` from the state file,
  ``eval/loss`` from TensorBoard): two files, one quantity each. (Added after the first
  captures, whose truth had only the TensorBoard tags as file metrics, then only the state
  file's series that differ from the printed ones: with score.py's one-name-key merge, a
  printed ``eval_loss``/``train_loss`` the files also hold under a TensorBoard tag was dropped
  from what is expected, though the state file holds it under that very name.)
- ``train/epoch`` (the epoch counter the callback logs as a scalar beside the metrics) is no
  metric (as ``epoch``/``step`` in hf_no_trainer); ``train/total_flos`` (an operation count,
  never printed, left out of ``hf_log_history``) is in ``also_ok`` with tqdm's ``it/s``.
- ``files``: the last checkpoint's and the final ``trainer_state.json`` and the event files.
"""

import glob
import json
import random

import numpy as np
import transformers
from _records import hf_log_history, tb_scalars
from _truth import series, write_truth
from datasets import Dataset
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import (
    BertConfig,
    BertForSequenceClassification,
    PreTrainedTokenizerFast,
    Trainer,
    TrainingArguments,
)

random.seed(0)
POSITIVE = ["good", "great", "fine", "lovely", "nice"]
NEGATIVE = ["bad", "awful", "poor", "sad", "ugly"]
FILLER = ["the", "movie", "was", "a", "plot", "really", "and", "actors", "very", "ending"]


def sentences(count: int) -> dict:
    texts, labels = [], []
    for _ in range(count):
        label = random.randint(0, 1)
        words = random.choices(FILLER, k=random.randint(4, 9))
        words.insert(random.randrange(len(words) + 1),
                     random.choice(POSITIVE if label else NEGATIVE))
        texts.append(" ".join(words))
        labels.append(label)
    return {"text": texts, "label": labels}


vocab = {word: i for i, word in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *FILLER,
                                           *POSITIVE, *NEGATIVE])}
backend = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
backend.pre_tokenizer = pre_tokenizers.Whitespace()
tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend, pad_token="[PAD]",
                                    unk_token="[UNK]", cls_token="[CLS]", sep_token="[SEP]",
                                    model_max_length=16)


def tokenize(batch: dict) -> dict:
    return tokenizer(batch["text"], truncation=True)


train_set = Dataset.from_dict(sentences(160)).map(tokenize, batched=True)
eval_set = Dataset.from_dict(sentences(64)).map(tokenize, batched=True)


def compute_metrics(prediction: transformers.EvalPrediction) -> dict:
    return {"accuracy": float((np.argmax(prediction.predictions, -1)
                               == prediction.label_ids).mean())}


transformers.set_seed(0)
config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                    num_attention_heads=2, intermediate_size=64, max_position_embeddings=32,
                    num_labels=2, pad_token_id=0)
model = BertForSequenceClassification(config)
args = TrainingArguments(output_dir="out", eval_strategy="epoch", logging_steps=5,
                         num_train_epochs=3, report_to=["tensorboard"], save_strategy="epoch")
trainer = Trainer(model=model, args=args, train_dataset=train_set, eval_dataset=eval_set,
                  processing_class=tokenizer, compute_metrics=compute_metrics)
trainer.train()
printed_entries = len(trainer.state.log_history)  # ProgressCallback prints no log after this
trainer.evaluate()
trainer.save_state()

# --- truth ---
checkpoint = max(glob.glob("out/checkpoint-*"), key=lambda p: int(p.rsplit("-", 1)[1]))
checkpoint_state = f"{checkpoint}/trainer_state.json"
final_state = "out/trainer_state.json"
with open(checkpoint_state, encoding="utf-8") as handle:
    checkpoint_history = json.load(handle)["log_history"]
with open(final_state, encoding="utf-8") as handle:
    final_history = json.load(handle)["log_history"]
printed_history = final_history[:printed_entries]
assert printed_history[:-1] == checkpoint_history, "checkpoint history is not the printed prefix"
assert "train_runtime" in printed_history[-1], printed_history[-1]
with open("printed_state.json", "w", encoding="utf-8") as handle:
    json.dump({"log_history": printed_history}, handle)
metrics = hf_log_history("printed_state.json")

event_files = sorted(glob.glob("out/runs/*/events.out.tfevents.*"))
found = tb_scalars(event_files)
NOT_METRICS = ("train/epoch", "train/total_flos")
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6)
                for tag, pairs in found.items() if tag not in NOT_METRICS}
# the final trainer_state.json, every series under its own keys (what reading it gives; it
# holds the unprinted post-training evaluate() entry too); JSON keeps the Python floats in full
final_series: dict[str, list[tuple[int, float]]] = {}
for entry in final_history:
    for name, value in entry.items():
        if name not in ("epoch", "step", "total_flos"):
            final_series.setdefault(name, []).append((entry["step"], value))
for name, pairs in final_series.items():
    file_metrics[name] = series(pairs, "step", rel_tolerance=1e-9)

write_truth("transformers", transformers.__version__,
            f"{checkpoint_state} log_history + the training summary entry of {final_state} "
            "(printed entries); TensorBoard events under out/runs/ (file_metrics)",
            metrics, files=[checkpoint_state, final_state, *event_files],
            also_ok=["it/s", "train/total_flos"], file_metrics=file_metrics,
            notes=f"{len(final_history) - printed_entries} log entry(ies) from trainer.evaluate() "
                  "after training are in the final state and TensorBoard but not printed; "
                  "scalar tags found: " + ", ".join(sorted(found)))
