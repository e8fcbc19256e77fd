"""Simple Transformers 0.70.8 (ThilinaRajapakse/simpletransformers, a wrapper of Hugging
Face Transformers 5.25 whose models train with their own loop, on the CPU build of torch
2.13.0): its README's text-classification quick start, ``ClassificationModel`` with
``ClassificationArgs``, ``train_model(train_df)``, then ``result, model_outputs,
wrong_predictions = model.eval_model(eval_df)``, with the quick start's logging set-up
(``logging.basicConfig(level=logging.INFO)``, the ``transformers`` logger at WARNING). The
model is no download: a 2-layer BERT (hidden 32, 2 heads) built from a ``BertConfig`` and
saved with ``save_pretrained`` to ``tiny-bert/`` beside a word-level ``vocab.txt`` the case
writes (``BertTokenizerFast`` reads it, as ``ClassificationModel("bert", "tiny-bert")``
loads both). Data: 64 training and 16 evaluation sentences of four filler words and one
sentiment word (label 1 for a positive one), seeded. Arguments beyond the defaults:
``num_train_epochs=2``, ``evaluate_during_training=True`` with ``eval_data=eval_df`` (the
Simple Transformers docs' way to evaluate while training), ``max_seq_length=16``,
``learning_rate=1e-3`` (the default 4e-5 leaves a randomly initialised BERT where it starts),
``manual_seed=42``; ``use_cuda=False``; W&B is off (``wandb_project`` unset, its default).
Defaults kept: batches of 8 (8 steps an epoch, 16 in all), ``logging_steps=50`` (more than
the 16 steps, so the TensorBoard file gets no ``loss``/``lr``), ``evaluate_each_epoch=True``,
``evaluate_during_training_verbose=False``, multiprocessing feature conversion. About 15 s,
most of it imports.

What it prints (stderr: tqdm and the ``logging`` root handler): Transformers' ``Writing model
shards``/``Loading weights`` bars, ``INFO:simpletransformers...: Converting to features
started. Cache is not used.`` and ``Saving features into cached file ...``, the outer
``Epoch 1 of 2`` bar, and for each epoch the batch bar whose description shows the loss of
the batch just run, redrawn each step (``Epochs 1/2. Running Loss:    0.6986:  12%|█▎
   | 1/8 [00:00<00:00, 62.76it/s]``, ``f"{current_loss:9.4f}"``; 16 values, each shown in two
frames), then the silent evaluation at each epoch's end (its feature-conversion lines and
checkpoint writing only); after training ``Training of bert model complete. Saved to
outputs/.``, the ``Running Evaluation`` bar of ``eval_model``, and its result dict through
``logger.info``: ``INFO:simpletransformers.classification.classification_model:{'mcc': 0.0,
'accuracy': 0.5625, 'f1_score': 0.36, 'tp': np.int64(9), 'tn': np.int64(0), ...,
'eval_loss': 0.6869699358940125}`` (Python reprs: floats in full, the confusion counts as numpy 2's
``np.int64(...)``).

Truth: Simple Transformers' own records in ``outputs/``: ``eval_results.txt`` (``evaluate``
writes ``key = str(value)`` a line, sorted; ``eval_model`` rewrites it last, so it holds the
printed dict) and ``training_progress_scores.csv`` (a row an evaluation during training:
``global_step``, ``train_loss``, then the result keys), plus the TensorBoard file
``SummaryWriter()`` writes under ``runs/<date>_<host>/`` (the same rows' values as float32
scalars at their global step, tag ``global_step`` included), all listed in ``files``.
Judgement calls:
- The printed dict's keys (``mcc``, ``accuracy``, ``f1_score``, ``tp``, ``tn``, ``fp``,
  ``fn``, ``auroc``, ``auprc``, ``eval_loss``) are metrics named by their keys, one value
  each at global step 16 (the end of training), exact (printed as reprs). The confusion
  counts are in the framework's result, its txt/csv record and its TensorBoard scalars, so
  they are metrics like the rest. The dict equals the last row of the csv (asserted): the
  same model on the same data.
- ``Running Loss`` on the bar is no running mean but each batch's ``loss.item()``
  (``current_loss``). The framework keeps it as ``train_loss`` in the csv (and TensorBoard)
  at each evaluation, the last batch's loss of each epoch, printed there as that epoch's
  last ``Running Loss``: truth ``train_loss`` at steps 8 and 16, tolerance 5e-5 (``9.4f``).
  The other 14 printed values have no record at these defaults (TensorBoard's ``loss`` comes
  every ``logging_steps=50``; W&B's ``Training loss`` is off), so the printed 16-value series
  has no record to take a truth from. It is a metric all the same (each batch's loss, as the
  framework itself prints it), so it is in ``also_ok`` under the name the naming rule gives
  the printed words (``Running_Loss``; README: a printed value with no key of its own), the
  lead's call after capture.
- ``file_metrics``: the TensorBoard file's scalars (float32: rel_tolerance 1e-6) at global
  steps 8 and 16, the two evaluations during training, under the result keys and
  ``train_loss``; its ``global_step`` tag is the step itself, no metric.
- ``it/s`` is tqdm's throughput (``also_ok``); the bars' ``1/8``, ``Epoch 1 of 2`` and
  ``Epochs 1/2`` are counters.
- Determinism: ``manual_seed=42`` seeds Python, numpy and torch before the model loads; the
  data and the saved initial weights (``torch.manual_seed(0)``) are seeded; the values
  repeat from run to run, pipe and pty alike (the timings do not).
"""
# zoo-venv: simpletransformers

import csv
import glob
import importlib.metadata
import logging
import os
import random

import pandas as pd
import torch
from _records import tb_folder
from _truth import series, write_truth
from simpletransformers.classification import ClassificationArgs, ClassificationModel
from transformers import BertConfig, BertForSequenceClassification

# the quick start's logging set-up (README, "Text Classification" minimal start)
logging.basicConfig(level=logging.INFO)
transformers_logger = logging.getLogger("transformers")
transformers_logger.setLevel(logging.WARNING)

# a tiny BERT from a config and a word-level vocab.txt, saved as a local "pretrained" model
POSITIVE = ["good", "great", "fine", "nice", "happy", "bright", "calm", "kind"]
NEGATIVE = ["bad", "poor", "sad", "dark", "harsh", "cold", "grim", "ugly"]
FILLER = ["the", "a", "day", "film", "food", "room", "was", "is", "very", "quite"]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
os.makedirs("tiny-bert", exist_ok=True)
with open("tiny-bert/vocab.txt", "w", encoding="utf-8") as handle:
    handle.write("\n".join(SPECIAL + FILLER + POSITIVE + NEGATIVE) + "\n")
config = BertConfig(vocab_size=len(SPECIAL + FILLER + POSITIVE + NEGATIVE), hidden_size=32,
                    num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
                    max_position_embeddings=32)
torch.manual_seed(0)  # the initial weights
BertForSequenceClassification(config).save_pretrained("tiny-bert")


def sentences(count: int, seed: int) -> pd.DataFrame:
    """``count`` sentences of filler words and one sentiment word, labelled by it."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        label = rng.randrange(2)
        words = [*rng.sample(FILLER, 4), rng.choice(POSITIVE if label else NEGATIVE)]
        rng.shuffle(words)
        rows.append([" ".join(words), label])
    frame = pd.DataFrame(rows)
    frame.columns = ["text", "labels"]
    return frame


train_df = sentences(64, 0)
eval_df = sentences(16, 1)

model_args = ClassificationArgs(num_train_epochs=2, evaluate_during_training=True,
                                max_seq_length=16, learning_rate=1e-3, manual_seed=42)
model = ClassificationModel("bert", "tiny-bert", args=model_args, use_cuda=False)
model.train_model(train_df, eval_data=eval_df)
result, model_outputs, wrong_predictions = model.eval_model(eval_df)

# the framework's records: eval_model's eval_results.txt (the printed dict), the evaluations
# during training in training_progress_scores.csv and the TensorBoard file of the same rows
OUT = model_args.output_dir.rstrip("/")
with open(f"{OUT}/eval_results.txt", encoding="utf-8") as handle:
    final = {key: float(value) for key, value in
             (line.strip().split(" = ") for line in handle if line.strip())}
with open(f"{OUT}/training_progress_scores.csv", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
assert [int(row["global_step"]) for row in rows] == [8, 16], rows
assert all(final[key] == float(rows[-1][key]) for key in final), (final, rows[-1])
(tb_dir,) = glob.glob("runs/*")
event_files, found = tb_folder(tb_dir)
last_step = int(rows[-1]["global_step"])
metrics = {"train_loss": series([(int(row["global_step"]), float(row["train_loss"]))
                                 for row in rows], "step", tolerance=5e-5)}
for key in result:  # eval_model's own result keys, in its order
    metrics[key] = series([(last_step, final[key])], "step")
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6)
                for tag, pairs in found.items() if tag != "global_step"}
write_truth("simpletransformers", importlib.metadata.version("simpletransformers"),
            f"{OUT}/eval_results.txt (eval_model's result), {OUT}/training_progress_scores.csv "
            f"(train_loss at each evaluation) and the TensorBoard file {event_files[0]}",
            metrics, files=[f"{OUT}/eval_results.txt", f"{OUT}/training_progress_scores.csv",
                            *event_files],
            also_ok=["it/s", "Running_Loss"], file_metrics=file_metrics)
