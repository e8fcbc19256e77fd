"""spaCy 3 ``python -m spacy evaluate``: a blank ``en`` pipeline with a ``tagger`` and an
``ner`` (the config ``spacy init config --lang en --pipeline tagger,ner`` writes, CPU /
efficiency), trained for two epochs on a tiny synthetic corpus (``spacy train``, its table
printed as it is), then evaluated on a held-out set with
``spacy evaluate output/model-last test.spacy --output metrics.json``, which prints its
``Results`` table (``TOK  100.00``, ``TAG  92.40``, ``NER P  81.20``, ..., ``SPEED  10234``)
and the ``NER (per type)`` table, and writes the same scores to ``metrics.json``.

Truth: ``metrics.json`` (spaCy's own record of the evaluation), named as the table prints
each score (``spacy/cli/evaluate.py`` maps ``token_acc`` -> ``TOK``, ``tag_acc`` -> ``TAG``,
``ents_p`` -> ``NER P``, ...; words of a printed name joined with ``_``, docs/metrics.md
"Phrases"), x100 and two decimals as printed; ``SPEED`` (words per second) as printed, a
whole number. The per-type rows are the parts of NER P/R/F: in neither list. The training's
own table (``E  #  LOSS TOK2VEC  LOSS TAGGER ...``) is the spacy_train case's subject: its
names are allowed (``also_ok``) without being checked here.

# zoo-venv: spacy
"""

import json
import random
import subprocess
import sys
from pathlib import Path

import spacy
from _truth import write_truth
from spacy.cli.init_config import init_config
from spacy.tokens import Doc, DocBin, Span

SEED = 0
PEOPLE = ["Anna", "Ben", "Carla", "David", "Elena", "Frank"]
PLACES = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Lisbon"]
VERBS = ["visited", "left", "loved", "saw"]


def corpus(path: str, count: int, rng: random.Random) -> None:
    vocab = spacy.blank("en").vocab
    docs = DocBin()
    for _ in range(count):
        person, verb, place = rng.choice(PEOPLE), rng.choice(VERBS), rng.choice(PLACES)
        words = [person, verb, place, "yesterday", "."]
        tags = ["NNP", "VBD", "NNP", "NN", "."]
        if rng.random() < 0.5:
            words[3:3] = ["with", rng.choice(PEOPLE)]
            tags[3:3] = ["IN", "NNP"]
        doc = Doc(vocab, words=words, tags=tags)
        ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 2, 3, label="GPE")]
        if words[3] == "with":
            ents.append(Span(doc, 4, 5, label="PERSON"))
        doc.ents = ents
        docs.add(doc)
    docs.to_disk(path)


rng = random.Random(SEED)
corpus("train.spacy", 120, rng)
corpus("dev.spacy", 30, rng)
corpus("test.spacy", 30, rng)

config = init_config(lang="en", pipeline=["tagger", "ner"], optimize="efficiency", gpu=False,
                     pretraining=False, silent=True)
config["training"]["max_epochs"] = 2
config["training"]["eval_frequency"] = 50
config.to_disk("config.cfg")
subprocess.run([sys.executable, "-m", "spacy", "train", "config.cfg", "--output", "output",
                "--paths.train", "train.spacy", "--paths.dev", "dev.spacy",
                "--system.seed", str(SEED)], check=True)
subprocess.run([sys.executable, "-m", "spacy", "evaluate", "output/model-last", "test.spacy",
                "--output", "metrics.json"], check=True)

scores = json.loads(Path("metrics.json").read_text(encoding="utf-8"))
printed = {"token_acc": "TOK", "tag_acc": "TAG", "ents_p": "NER_P", "ents_r": "NER_R",
           "ents_f": "NER_F"}
metrics = {name: {"key": "step", "values": [[None, 100 * scores[key]]], "tolerance": 0.005}
           for key, name in printed.items() if scores.get(key) is not None}
metrics["SPEED"] = {"key": "step", "values": [[None, round(scores["speed"])]], "tolerance": 0.5}
write_truth("spacy", spacy.__version__, "spacy evaluate --output metrics.json", metrics,
            also_ok=["Initial_learn_rate", "LOSS_TOK2VEC", "LOSS_TAGGER", "LOSS_NER",
                     "TAG_ACC", "POS_ACC", "ENTS_F", "ENTS_P", "ENTS_R", "SCORE", "loss_tok2vec",
                     "loss_tagger", "loss_ner", "tag_acc", "pos_acc", "ents_f", "ents_p", "ents_r",
                     "score"])
