"""Shared by the MUSE cases (``muse_supervised``, ``muse_unsupervised``): two tiny
monolingual embedding spaces and their bilingual dictionaries, as MUSE reads them.

``wiki.en.vec`` and ``wiki.es.vec`` in fastText's text format (a ``count dim`` header, then
``word v1 .. vdim``, values ``%.5f``): ``WORDS`` source words ``en000`` .. (standard normal
vectors) and as many target words ``es000`` .. , each ``es<i>`` the source vector ``en<i>``
times a rotation plus Gaussian noise (standard deviation ``noise``), listed in a shuffled
order. The rotation is a random orthogonal matrix (``angle`` None: the QR factor of a
Gaussian matrix) or ``expm(angle * A)`` for a random skew-symmetric ``A`` of spectral norm 1
(a rotation of at most ``angle`` radians in each plane: what adversarial training from the
identity can still find in a few steps). MUSE's dictionary format, ``source target`` a
line, lowercase: ``en-es.train.txt`` the first ``train_pairs`` pairs, ``en-es.eval.txt`` the
rest. numpy's ``default_rng(seed)``, the same draws whatever the rotation.
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import expm

WORDS, DIM = 300, 30


def write_data(noise: float = 1.6, angle: float | None = None, train_pairs: int = 200,
               seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    src = rng.standard_normal((WORDS, DIM))
    draw = rng.standard_normal((DIM, DIM))
    if angle is None:
        rotation, _ = np.linalg.qr(draw)
    else:
        skew = (draw - draw.T) / 2
        rotation = expm(angle * skew / np.linalg.norm(skew, 2))
    tgt = src @ rotation + noise * rng.standard_normal((WORDS, DIM))
    order = rng.permutation(WORDS)  # the target file lists its words in another order
    src_words = [f"en{i:03d}" for i in range(WORDS)]
    tgt_words = [f"es{i:03d}" for i in range(WORDS)]

    def vec(path: str, words: list[str], vectors: np.ndarray, rows) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(f"{WORDS} {DIM}\n")
            for i in rows:
                handle.write(words[i] + " " + " ".join(f"{x:.5f}" for x in vectors[i]) + "\n")

    vec("wiki.en.vec", src_words, src, range(WORDS))
    vec("wiki.es.vec", tgt_words, tgt, order)
    for path, rows in (("en-es.train.txt", range(train_pairs)),
                       ("en-es.eval.txt", range(train_pairs, WORDS))):
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(f"{src_words[i]} {tgt_words[i]}\n" for i in rows)
