"""Shared by the translation zoo cases (eole, OpenNMT-py): a seeded toy parallel corpus, a
line of 3-8 words of a 20-word vocabulary and its reverse (``data/src-<set>.txt``,
``data/tgt-<set>.txt``), which a tiny model learns within a few dozen steps.

Not a case itself (its name starts with ``_``); imported as ``from _reverse_corpus import
write_corpora``.
"""

from __future__ import annotations

import os
import random

WORDS = [f"w{i}" for i in range(20)]


def write_corpora(train: int, val: int) -> None:
    """The ``train`` and ``val`` sets of that many lines, in ``data/``."""
    random.seed(0)
    os.makedirs("data", exist_ok=True)
    for prefix, n in (("train", train), ("val", val)):
        with open(f"data/src-{prefix}.txt", "w") as src, \
                open(f"data/tgt-{prefix}.txt", "w") as tgt:
            for _ in range(n):
                tokens = random.choices(WORDS, k=random.randint(3, 8))
                src.write(" ".join(tokens) + "\n")
                tgt.write(" ".join(reversed(tokens)) + "\n")
