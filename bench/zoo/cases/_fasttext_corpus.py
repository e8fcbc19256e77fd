"""The labelled corpus the fastText cases train and test on (``fasttext_supervised``,
``fasttext_cli``): four labels, each with 40 topic words, 200 common words; a fifth of the
lines carry two labels. ``write_corpus`` writes ``train.txt`` (20,000 lines) and
``valid.txt`` (2,000) into the cwd, the same lines on every run (``random.Random(0)``)."""

from __future__ import annotations

import random

LABELS = ["a", "b", "c", "d"]
TOPIC = {label: [f"{label}{i}" for i in range(40)] for label in LABELS}
COMMON = [f"w{i}" for i in range(200)]


def _line(rng: random.Random) -> str:
    labels = [rng.choice(LABELS)]
    if rng.random() < 0.2:
        labels.append(rng.choice([x for x in LABELS if x != labels[0]]))
    words = []
    for _ in range(rng.randint(6, 14)):
        pick = rng.random()
        if pick < 0.25:
            words.append(rng.choice(TOPIC[labels[0]]))
        elif pick < 0.35:
            words.append(rng.choice(TOPIC[rng.choice(labels)]))
        elif pick < 0.45:
            words.append(rng.choice(TOPIC[rng.choice(LABELS)]))
        else:
            words.append(rng.choice(COMMON))
    return " ".join([*(f"__label__{x}" for x in labels), *words])


def write_corpus() -> None:
    rng = random.Random(0)
    with open("train.txt", "w", encoding="utf-8") as handle:
        handle.writelines(_line(rng) + "\n" for _ in range(20000))
    with open("valid.txt", "w", encoding="utf-8") as handle:
        handle.writelines(_line(rng) + "\n" for _ in range(2000))
