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
rest. numpy's ``default_rng(seed)``, the same draws whatever the rotation. ``REPO``,
``COMMIT`` and ``SRC_BLOBS``: the MUSE source both cases run, its ``src/`` modules' git blob
ids at ``COMMIT`` (each case adds its script's).
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import expm

WORDS, DIM = 300, 30
REPO = "facebookresearch/MUSE"
COMMIT = "3159355b93f5c3c4883808ba785ba9d18d7f5e81"
SRC_BLOBS = {"src/__init__.py": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
             "src/dico_builder.py": "769ab9b570ed5f7216815fc03c2fedf91052b1bc",
             "src/dictionary.py": "0dd9033a53e7aa8c0907f722e20b2a893f8a69f2",
             "src/evaluation/__init__.py": "80620963ff32779936c147407921fd6922fb460a",
             "src/evaluation/evaluator.py": "53106b699be9a05180bd99e8856bdc7830ccda29",
             "src/evaluation/sent_translation.py": "88093147bfa0f642447e4462c69354261d59a020",
             "src/evaluation/word_translation.py": "346b7562759f617b2e79b41c04f36ffc4a3fe485",
             "src/evaluation/wordsim.py": "6a7b22e3badee5f5688892a7e4fac8a4122c03d0",
             "src/logger.py": "08dce9260fd5fd60c46da329b4719036bd305e7e",
             "src/models.py": "7464bafb56d37a0349b18c435d16cfd15186829a",
             "src/trainer.py": "dfe2446faadea310c3377b3c536f90e1fa83ca66",
             "src/utils.py": "349c47240813fdabb2ec0ce6ce873c25f2a9d65e"}


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
