"""gensim 4.4.0 ``Word2Vec`` (CBOW, negative sampling, every training option at its default
but ``vector_size=32``, ``min_count=1``, ``workers=1``, ``seed=0``) on a generated corpus
(3,000 sentences of 6-12 words from a 60-word vocabulary), trained in the constructor as
gensim's Word2Vec tutorial does, ``epochs=5`` and ``compute_loss=True``, with the logging
setup gensim's tutorials use (``logging.basicConfig(format="%(asctime)s : %(levelname)s :
%(message)s", level=logging.INFO)``) and the callback people copy (a ``CallbackAny2Vec``
whose ``on_epoch_end`` prints ``model.get_latest_training_loss()``, its own counter from 0).

It prints (stdout) ``Loss after epoch 0: 29130.30859375`` once an epoch, and logs (stderr)
gensim's INFO lines: vocabulary building, ``Word2Vec lifecycle event {...}`` dicts and, per
epoch, ``... : INFO : EPOCH 0: training on 27009 raw words (8203 effective words) took 0.0s,
736005 effective words/s``.

Truth: the values ``get_latest_training_loss()`` returned to the callback, full precision.
Judgement calls:
- Name ``Loss``: the printed word, capital kept (gensim keeps no key; the attribute is
  ``running_training_loss``; the helper's ``loss`` was spelt ``Loss`` in session 82's review,
  as the documented naming keeps a printed name's capitals, docs/metrics.md).
- Axis ``epoch``, 0-based as printed (the callback's counter and gensim's ``EPOCH 0``).
- gensim's loss is cumulative over the whole ``train()`` call (reset when training starts,
  not per epoch; a known gensim behaviour), so the series rises every epoch; it is recorded
  as gensim returns it, not differenced. It is a float32 sum cast to a Python float and
  printed with ``str`` (every digit): ``rel_tolerance=1e-9``.
- The INFO lines are progress, not metrics: raw/effective word counts, vocabulary sizes,
  ``drops``, memory estimates and the lifecycle dicts are counts and settings;
  ``effective words/s`` and ``took 0.0s`` are throughput and timing (``also_ok``). The
  ``PROGRESS: at N% examples, M words/s`` lines gensim logs once a second do not appear: an
  epoch takes about 0.01 s.
- Reproducibility: gensim seeds each word's initial vector from Python's salted str hash,
  so (as its docs say) a repeatable run needs ``workers=1`` and ``PYTHONHASHSEED``; the
  script sets ``PYTHONHASHSEED=0`` and re-executes itself before anything is printed.
"""
# zoo-venv: misc

import logging
import os
import random
import sys

# gensim seeds each word's initial vector with Python's str hash (``hashfxn=hash``), salted
# per interpreter unless PYTHONHASHSEED is set (gensim's Word2Vec docs: a reproducible run
# needs ``workers=1`` and PYTHONHASHSEED); set it before gensim runs, once, by re-executing
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

import gensim
from _truth import series, write_truth
from gensim.models import Word2Vec
from gensim.models.callbacks import CallbackAny2Vec

logging.basicConfig(format="%(asctime)s : %(levelname)s : %(message)s", level=logging.INFO)

rng = random.Random(0)
TOPICS = [
    ["cat", "dog", "bird", "fish", "horse", "mouse", "rabbit", "fox", "wolf", "bear"],
    ["red", "blue", "green", "yellow", "black", "white", "orange", "purple", "pink", "brown"],
    ["run", "jump", "swim", "fly", "walk", "climb", "sleep", "eat", "sing", "hide"],
    ["river", "forest", "hill", "lake", "field", "garden", "house", "road", "bridge", "cave"],
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
]
GLUE = ["the", "a", "and", "in", "on", "near", "with", "of", "to", "is"]


def sentence() -> list[str]:
    first, second = rng.sample(range(len(TOPICS)), 2)
    words = []
    for _ in range(rng.randint(6, 12)):
        pick = rng.random()
        pool = TOPICS[first] if pick < 0.5 else TOPICS[second] if pick < 0.75 else GLUE
        words.append(rng.choice(pool))
    return words


corpus = [sentence() for _ in range(3000)]


class LossLogger(CallbackAny2Vec):
    """Print the loss after each epoch (the callback from the answers people copy)."""

    def __init__(self) -> None:
        self.epoch = 0
        self.losses: list[tuple[int, float]] = []

    def on_epoch_end(self, model: Word2Vec) -> None:
        loss = model.get_latest_training_loss()
        self.losses.append((self.epoch, loss))
        print(f"Loss after epoch {self.epoch}: {loss}")
        self.epoch += 1


logger = LossLogger()
model = Word2Vec(sentences=corpus, vector_size=32, window=5, min_count=1, workers=1, epochs=5,
                 seed=0, compute_loss=True, callbacks=[logger])

write_truth(
    "gensim", gensim.__version__,
    "Word2Vec.get_latest_training_loss() as gensim returned it to the callback",
    {"Loss": series(logger.losses, "epoch", rel_tolerance=1e-9)},
    also_ok=["effective_words/s", "took"],
)
