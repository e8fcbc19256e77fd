"""Shared by the translation zoo cases (eole, OpenNMT-py): a seeded toy parallel corpus, a
line of 3-8 words of a 20-word vocabulary and its reverse (``data/src-<set>.txt``,
``data/tgt-<set>.txt``), which a tiny model learns within a few dozen steps; and by the
instruction-tuning cases (litgpt, llama-cookbook, LLaMA-Factory): the word lists of their
"Reverse the words." prompts (``word_lists``).

Not a case itself (its name starts with ``_``); imported as ``from _reverse_corpus import
write_corpora`` or ``word_lists``.
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


# the instruction cases' words (plain English, so a byte-level tokenizer learns them)
PROMPT_WORDS = ["red", "green", "blue", "cat", "dog", "bird", "runs", "jumps", "sleeps", "the",
                "a", "small", "big", "fast", "slow", "tree", "house", "river", "sun", "moon"]


def word_lists(count: int) -> list[list[str]]:
    """``count`` lists of 3-6 of ``PROMPT_WORDS``, drawn with ``random`` as the case seeded
    it (each list's length first, then its words)."""
    return [[random.choice(PROMPT_WORDS) for _ in range(random.randint(3, 6))]
            for _ in range(count)]
