"""spaCy 3 ``python -m spacy train config.cfg``: a blank ``en`` pipeline with one ``textcat``
(the config ``spacy init config --lang en --pipeline textcat`` writes, CPU/efficiency: a
``TextCatBOW`` model), on a tiny synthetic two-label corpus saved as ``.spacy`` files here.
The user's settings: ``max_epochs = 4`` and ``eval_frequency = 10`` (so that a tiny corpus
gets several evaluations), and the logger ``spacy.ConsoleLogger.v3`` with ``output_file``
(``progress_bar`` left at its default: none), which prints the same default table
(``E  #  LOSS TEXTCAT  CATS_SCORE  SCORE``, one row per evaluation) and also writes each row
to ``train_log.jsonl``. Truth: that JSONL file (the logger's own record).

Judgement calls:
- names: the logger's keys, lowercase as spaCy keeps them: ``losses.textcat`` is printed
  under the column ``Loss textcat`` (upper-cased) -> ``loss_textcat``; ``scores.cats_score``
  -> ``cats_score`` (the JSONL already holds it x100, as printed); ``score`` -> ``score``.
- key: ``step`` (the ``#`` column, the optimizer step each row is at; ``E`` is the epoch).
- tolerance: every cell is printed ``"{0:.2f}"`` (spacy/training/loggers.py) -> 0.005.
- ``Initial learn rate: 0.001`` is a setting (also_ok as ``Initial_learn_rate`` in case).
"""

import json
import random
import subprocess
import sys
from pathlib import Path

import spacy
from _truth import series, write_truth
from spacy.cli.init_config import init_config
from spacy.tokens import DocBin

SEED = 0
WORDS = {"POS": ["great", "good", "lovely", "fine", "happy", "nice", "superb"],
         "NEG": ["bad", "awful", "poor", "sad", "terrible", "ugly", "worse"]}
FILLER = ["the", "a", "movie", "was", "really", "very", "plot", "and", "it", "food", "day",
          "this", "service", "quite", "so"]


def corpus(path: str, count: int, rng: random.Random) -> None:
    nlp = spacy.blank("en")
    docs = DocBin()
    for i in range(count):
        label = ("POS", "NEG")[i % 2]
        words = rng.sample(FILLER, rng.randint(4, 8))
        for _ in range(rng.randint(1, 2)):
            words.insert(rng.randint(0, len(words)), rng.choice(WORDS[label]))
        if rng.random() < 0.2:  # some noise: a word of the other label
            other = "NEG" if label == "POS" else "POS"
            words.insert(rng.randint(0, len(words)), rng.choice(WORDS[other]))
        doc = nlp.make_doc(" ".join(words))
        doc.cats = {"POS": float(label == "POS"), "NEG": float(label == "NEG")}
        docs.add(doc)
    docs.to_disk(path)


rng = random.Random(SEED)
corpus("train.spacy", 160, rng)
corpus("dev.spacy", 40, rng)

config = init_config(lang="en", pipeline=["textcat"], optimize="efficiency", gpu=False,
                     pretraining=False, silent=True)
config["training"]["max_epochs"] = 4
config["training"]["eval_frequency"] = 10
config["training"]["logger"] = {"@loggers": "spacy.ConsoleLogger.v3",
                                "output_file": "train_log.jsonl"}
config.to_disk("config.cfg")

subprocess.run([sys.executable, "-m", "spacy", "train", "config.cfg", "--output", "output",
                "--paths.train", "train.spacy", "--paths.dev", "dev.spacy"], check=True)

rows = [json.loads(line) for line in Path("train_log.jsonl").read_text().splitlines() if line]
metrics = {}
for pipe in rows[0]["losses"]:
    metrics[f"loss_{pipe}"] = series([(row["step"], row["losses"][pipe]) for row in rows],
                                     "step", tolerance=0.005)
for col in rows[0]["scores"]:
    metrics[col] = series([(row["step"], row["scores"][col]) for row in rows], "step",
                          tolerance=0.005)
metrics["score"] = series([(row["step"], row["score"]) for row in rows], "step",
                          tolerance=0.005)
write_truth("spacy", spacy.__version__, "spacy.ConsoleLogger.v3 output_file train_log.jsonl",
            metrics, files=["train_log.jsonl"], also_ok=["Initial_learn_rate"])
