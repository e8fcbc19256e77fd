"""PaddleNLP's ``Trainer`` (paddlenlp 2.8.1, its latest stable release, on the CPU wheel of
PaddlePaddle 3.0.0): the Hugging Face-style trainer of Baidu's NLP library, run as its
Trainer docs (docs/trainer.md) and example scripts run it -- ``TrainingArguments``,
``Trainer(model, args, data_collator=DataCollatorWithPadding(tokenizer), train_dataset,
eval_dataset, tokenizer, compute_metrics)``, ``train_result = trainer.train()``, then
``trainer.save_model()``, ``trainer.log_metrics("train", metrics)``,
``trainer.save_metrics("train", metrics)`` and ``trainer.save_state()``. Nothing downloaded:
a 2-layer ERNIE classifier (``ErnieForSequenceClassification``) built from an
``ErnieConfig`` (hidden 32, 2 heads, random init, ``paddle.seed(0)``), an ``ErnieTokenizer``
on a 23-word ``vocab.txt`` the case writes, and synthetic sentences (a label's three mood
words among random filler words) held in a ``paddlenlp.datasets.MapDataset`` and tokenized
with ``.map(convert_example)`` as the docs' ``chnsenticorp`` example does (``max_length=16``,
``labels`` the class). 160 train rows, 64 eval rows; ``num_train_epochs=2``, batch 16 (10
steps an epoch, 20 in all), ``learning_rate=5e-3``, ``logging_steps=2``,
``evaluation_strategy="epoch"``, an accuracy ``compute_metrics``, ``save_strategy="no"``,
``seed=0``, ``device="cpu"``; the default ``report_to`` (every installed integration: here
VisualDL, which writes ``output/runs/<date>_<host>/vdlrecords.*.log``), the default tqdm bars
(``TrainProcess``, ``PredictProcess``) and the default logging. A few seconds.

What it prints (all on stderr: PaddleNLP's colorlog logger, ANSI-coloured even into a pipe,
and the tqdm bars), after two import warnings of Paddle's (no ccache; setuptools replacing
distutils): an INFO note on ``report_to``, the seed line, the DEBUG table of every training
argument (``Training Configuration Arguments``, ``name : value`` lines, settings), the
``***** Running training *****`` block (``Num examples = 160``, ``Total optimization steps =
20``, ...), then a log line every 2 steps, each ``", ".join(f"{k}: {v}")`` of the log dict
(Python floats as ``str``, so the record's exact values; the loss ``round(.., 8)``, the
timings ``round(.., 4)``)::

    [2026-..] [    INFO] - loss: 0.69137043, learning_rate: 0.0045, global_step: 2,
      interval_runtime: 0.3354, interval_samples_per_second: 95.4143,
      interval_steps_per_second: 5.9634, progress_or_epoch: 0.2

(one line, wrapped here), at each epoch's end a ``***** Running Evaluation *****`` block and
``eval_loss: 0.6851155161857605, eval_accuracy: 0.53125, eval_runtime: ..., eval_samples_per_second:
..., eval_steps_per_second: ..., progress_or_epoch: 1.0``, then ``Training completed.``, the
closing ``train_runtime: ..., train_samples_per_second: ..., train_steps_per_second: ...,
train_loss: 0.6890173494815827, progress_or_epoch: 2.0``, the ``save_model`` lines (``Saving model
checkpoint to output``, the tokenizer's files) and ``log_metrics``' block ``***** train
metrics *****`` (``  train_loss               =      0.689``: floats ``round(v, 4)``,
``train_runtime`` as ``H:MM:SS.cc``, and ``progress_or_epoch = 2.0``).

Truth: ``output/trainer_state.json``'s ``log_history`` (``trainer.save_state()``; PaddleNLP
2.8.1's ``Trainer.log`` appends ``{**logs, "step": global_step}`` to it before the callbacks
print the same dict), listed in ``files``. Every key at its ``step``: ``loss``,
``learning_rate``, ``interval_runtime``, ``interval_samples_per_second``,
``interval_steps_per_second`` at steps 2, 4, ..., 20; ``eval_loss``, ``eval_accuracy``,
``eval_runtime``, ``eval_samples_per_second``, ``eval_steps_per_second`` at 10 and 20;
``train_runtime``, ``train_samples_per_second``, ``train_steps_per_second``, ``train_loss``
at 20. Judgement calls:
- ``step``, ``global_step`` (the training log's own copy of the step) and
  ``progress_or_epoch`` (PaddleNLP's name for the epoch, ``round(state.epoch, 4)``) are the
  axes, no metrics, as ``step``/``epoch`` in the Hugging Face cases; left out of ``also_ok``
  too, so a parser that records them as series shows them as junk.
- The runtimes and throughputs are in the record, so metrics under their own keys (as the
  Hugging Face cases keep theirs), not ``also_ok``; tqdm's ``it/s`` is printed, not recorded:
  ``also_ok``.
- Tolerance abs 5e-5 for all: the dict lines print the record exactly; ``log_metrics``' block
  repeats the closing values at ``round(v, 4)``; its clock-format ``train_runtime``
  (truncated to hundredths) is left at that tolerance, as the Hugging Face cases leave theirs.
- The settings table, the example counts and ``progress_or_epoch = 2.0`` of the block are
  no metrics. The timings vary run to run; the rest is deterministic (seed 0, one thread).
"""
# zoo-venv: paddlenlp

import json
import random
from functools import partial

import numpy as np
import paddle
import paddlenlp
from _truth import series, write_truth
from paddlenlp.data import DataCollatorWithPadding
from paddlenlp.datasets import MapDataset
from paddlenlp.trainer import Trainer, TrainingArguments
from paddlenlp.transformers import ErnieConfig, ErnieForSequenceClassification, ErnieTokenizer

WORDS = ["good", "great", "fine", "nice", "bad", "awful", "poor", "sad", "the", "a", "movie",
         "film", "was", "is", "very", "quite", "plot", "actor"]
with open("vocab.txt", "w", encoding="utf-8") as handle:
    handle.write("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n")
tokenizer = ErnieTokenizer("vocab.txt")


def synthetic(size, seed):
    """``size`` sentences: filler words with three mood words of the label's half."""
    rng = random.Random(seed)
    rows = []
    for _ in range(size):
        label = rng.randrange(2)
        mood = WORDS[:4] if label else WORDS[4:8]
        words = [rng.choice(WORDS[8:]) for _ in range(rng.randint(3, 8))]
        for _ in range(3):
            words.insert(rng.randrange(len(words) + 1), rng.choice(mood))
        rows.append({"text": " ".join(words), "label": label})
    return MapDataset(rows)


def convert_example(example, tokenizer):
    encoded_inputs = tokenizer(text=example["text"], max_length=16, truncation=True)
    encoded_inputs["labels"] = int(example["label"])
    return encoded_inputs


def compute_metrics(eval_preds):
    predictions = np.argmax(eval_preds.predictions, axis=-1)
    return {"accuracy": float((predictions == eval_preds.label_ids).mean())}


train_dataset = synthetic(160, 0).map(partial(convert_example, tokenizer=tokenizer))
eval_dataset = synthetic(64, 1).map(partial(convert_example, tokenizer=tokenizer))

paddle.seed(0)
config = ErnieConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2,
                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=64,
                     num_labels=2)
model = ErnieForSequenceClassification(config)

training_args = TrainingArguments(output_dir="output", num_train_epochs=2, learning_rate=5e-3,
                                  per_device_train_batch_size=16, per_device_eval_batch_size=32,
                                  logging_steps=2, evaluation_strategy="epoch",
                                  save_strategy="no", seed=0, device="cpu")
trainer = Trainer(model=model, args=training_args,
                  data_collator=DataCollatorWithPadding(tokenizer),
                  train_dataset=train_dataset, eval_dataset=eval_dataset, tokenizer=tokenizer,
                  compute_metrics=compute_metrics)
train_result = trainer.train()
metrics = train_result.metrics
trainer.save_model()
trainer.log_metrics("train", metrics)
trainer.save_metrics("train", metrics)
trainer.save_state()

STATE = "output/trainer_state.json"
AXES = ("step", "global_step", "progress_or_epoch")
with open(STATE, encoding="utf-8") as handle:
    history = json.load(handle)["log_history"]
pairs: dict[str, list] = {}
for entry in history:
    for name, value in entry.items():
        if name not in AXES:
            pairs.setdefault(name, []).append((entry["step"], value))
write_truth("paddlenlp", paddlenlp.__version__, f"{STATE} log_history (trainer.save_state())",
            {name: series(points, "step", tolerance=5e-5) for name, points in pairs.items()},
            files=[STATE], also_ok=["it/s"],
            notes=f"paddlepaddle {paddle.__version__}; axes {', '.join(AXES)} left out")
