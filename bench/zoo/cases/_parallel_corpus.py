"""Shared by the word-alignment cases (``fast_align_train``, ``giza_pp_train``): a synthetic
parallel corpus, English through a hidden word mapping, adjectives moved after their nouns, a
foreign particle now and then. Each case drops a word of one side now and then itself (a
word the translation drops), after ``sentence``'s draws, from the same ``rng``."""

from __future__ import annotations

import random

VOCAB = {
    "DT": ["the", "a", "this", "every"],
    "JJ": ["big", "small", "red", "old", "new", "green", "quick", "long"],
    "NN": ["dog", "cat", "house", "car", "tree", "man", "book", "city", "river", "woman",
           "child", "bird"],
    "VB": ["sees", "likes", "buys", "sells", "reads", "finds", "takes", "wants"],
    "IN": ["in", "on", "near", "with", "from", "under"],
    "RB": ["often", "never"],
}
SYLLABLES = ["ka", "lo", "mi", "tu", "re", "so", "na", "pe", "vi", "do", "ga", "zu", "fe",
             "ri", "mo", "sa"]


def mapping(rng: random.Random) -> dict[str, str]:
    """Each English word's foreign word: two distinct syllables, drawn once."""
    english = [word for words in VOCAB.values() for word in words]
    foreign_words = rng.sample([a + b for a in SYLLABLES for b in SYLLABLES if a != b],
                               len(english))
    return dict(zip(english, foreign_words, strict=True))


def _noun_phrase(rng: random.Random) -> list[tuple[str, str]]:
    words = [("DT", rng.choice(VOCAB["DT"]))]
    if rng.random() < 0.5:
        words.append(("JJ", rng.choice(VOCAB["JJ"])))
    words.append(("NN", rng.choice(VOCAB["NN"])))
    return words


def sentence(rng: random.Random, words_of: dict[str, str]) -> tuple[list[str], list[str]]:
    """One sentence pair: its English words and its foreign words."""
    words = _noun_phrase(rng)
    if rng.random() < 0.2:
        words.append(("RB", rng.choice(VOCAB["RB"])))
    words.append(("VB", rng.choice(VOCAB["VB"])))
    words += _noun_phrase(rng)
    if rng.random() < 0.3:
        words.append(("IN", rng.choice(VOCAB["IN"])))
        words += _noun_phrase(rng)
    foreign = []
    index = 0
    while index < len(words):
        tag, word = words[index]
        if tag == "JJ":  # adjective after its noun
            foreign += [words_of[words[index + 1][1]], words_of[word]]
            index += 2
            continue
        if tag == "VB" and rng.random() < 0.25:
            foreign.append("ne")  # a particle with no English counterpart
        foreign.append(words_of[word])
        index += 1
    return [word for _, word in words], foreign
