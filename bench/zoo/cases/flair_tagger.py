"""flair ``SequenceTagger`` (NER, BIO tags, the tutorial's ``ModelTrainer.train``) on a tiny
synthetic ``ColumnCorpus`` written here (train/dev/test), a small ``OneHotEmbeddings`` built
from the corpus (nothing downloaded), ``hidden_size=32``; ``max_epochs=4``,
``mini_batch_size=16`` and flair's defaults otherwise (SGD lr 0.1, annealing scheduler, its
default logging to stdout and ``training.log``). Per epoch flair prints iteration lines
(``epoch 1 - iter 2/5 - loss 2.1 - time (sec): 0.1 - samples/sec: 900 - lr: 0.1 - momentum:
0.0``), ``EPOCH 1 done: loss 1.9876 - lr: 0.100000`` and ``DEV : loss 1.23 - f1-score (micro
avg)  0.5``; at the end a test report of the best model. Truth: flair's own ``loss.tsv``
(``LossFilePlugin``) in ``base_path``.

Judgement calls:
- names: the ``loss.tsv`` headers, lowercase: ``TRAIN_LOSS`` -> ``train_loss`` (printed
  ``EPOCH n done: loss``), ``DEV_LOSS`` -> ``dev_loss`` (``DEV : loss``), ``DEV_F1`` ->
  ``dev_f1`` (``f1-score (micro avg)``); key ``epoch`` (the file's ``EPOCH`` column).
- ``DEV_PRECISION``/``DEV_RECALL``/``DEV_ACCURACY`` are only in the file: ``file_metrics``.
- tolerance: ``loss.tsv`` writes ``{:.4f}``, stdout prints train loss ``{:.4f}``, dev f1
  ``round(x, 4)`` and dev loss unrounded -> 1e-4 (both roundings add up).
- the iteration lines' ``loss`` is the running mean of the epoch so far (flair keeps no record
  of it; its last value each epoch equals the epoch's train loss); ``lr`` (also the file's
  ``LEARNING_RATE``), ``momentum``, ``time (sec)``, ``samples/sec`` are also_ok.
- the final test report (``F-score (micro)``, ``F-score (macro)``, ``Accuracy``, per-class
  table) is one evaluation of the best model, backed only by ``train()``'s return value
  ``test_score`` (= micro F1): no series, not in truth (see notes).
- session 81 review: ``time (sec)`` is spelled as the documented naming rule gives it (a unit
  in parentheses stays in the name: ``time_(sec)``, docs/metrics.md).
"""
# zoo-venv: alt

import csv
import random
from pathlib import Path

import flair
import torch
from _truth import series, write_truth
from flair.datasets import ColumnCorpus
from flair.embeddings import OneHotEmbeddings
from flair.models import SequenceTagger
from flair.trainers import ModelTrainer

SEED = 0
PER = ["Anna", "Bob", "Carla", "David", "Emma", "Frank", "Greta", "Hans"]
LOC = ["Berlin", "Paris", "Rome", "Madrid", "Vienna", "Oslo", "Lisbon", "Prague"]
TEMPLATES = [
    ["{p}", "lives", "in", "{l}", "."],
    ["{p}", "{p2}", "moved", "to", "{l}", "last", "year", "."],
    ["Yesterday", "{p}", "visited", "{l}", "with", "{p2}", "."],
    ["The", "train", "to", "{l}", "was", "late", "."],
    ["{p}", "likes", "the", "food", "in", "{l}", "."],
]


def write_split(path: Path, count: int, rng: random.Random) -> None:
    lines = []
    for _ in range(count):
        for token in rng.choice(TEMPLATES):
            if token in ("{p}", "{p2}"):
                lines.append(f"{rng.choice(PER)} B-PER")
            elif token == "{l}":
                lines.append(f"{rng.choice(LOC)} B-LOC")
            else:
                lines.append(f"{token} O")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


flair.set_seed(SEED)
torch.manual_seed(SEED)
rng = random.Random(SEED)
data = Path("data")
data.mkdir()
write_split(data / "train.txt", 80, rng)
write_split(data / "dev.txt", 20, rng)
write_split(data / "test.txt", 20, rng)

corpus = ColumnCorpus(data, {0: "text", 1: "ner"}, train_file="train.txt", dev_file="dev.txt",
                      test_file="test.txt")
tag_dictionary = corpus.make_label_dictionary(label_type="ner", add_unk=False)
embeddings = OneHotEmbeddings.from_corpus(corpus, embedding_length=16)
tagger = SequenceTagger(hidden_size=32, embeddings=embeddings, tag_dictionary=tag_dictionary,
                        tag_type="ner")
trainer = ModelTrainer(tagger, corpus)
BASE = "taggers/ner"
result = trainer.train(BASE, max_epochs=4, mini_batch_size=16)

LOSS_FILE = f"{BASE}/loss.tsv"
with open(LOSS_FILE, encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle, delimiter="\t"))
PRINTED = {"TRAIN_LOSS": "train_loss", "DEV_LOSS": "dev_loss", "DEV_F1": "dev_f1"}
FILE_ONLY = {"DEV_PRECISION": "dev_precision", "DEV_RECALL": "dev_recall",
             "DEV_ACCURACY": "dev_accuracy"}


def from_file(columns: dict[str, str], tolerance: float) -> dict:
    return {name: series(((row["EPOCH"], row[column]) for row in rows), "epoch",
                         tolerance=tolerance)
            for column, name in columns.items() if column in rows[0]}


write_truth("flair", flair.__version__, f"LossFilePlugin {LOSS_FILE}",
            from_file(PRINTED, 1e-4), files=[LOSS_FILE],
            also_ok=["lr", "learning_rate", "momentum", "time_(sec)", "time_sec", "samples/sec",
                     "samples_sec"],
            notes=(f"final test report of the best model: train() returned test_score "
                   f"{result['test_score']!r} (printed as F-score (micro)); one value, no series"),
            file_metrics=from_file(FILE_ONLY, 5e-5))
