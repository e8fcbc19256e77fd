"""A synthetic recommendation data set in the gowalla layout that NGCF and LightGCN read
(``train.txt`` and ``test.txt``, ``uid item item ...`` a line): users in taste groups, each
with most of its items from its group's block, the last few of each user's held out."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def write_data(folder: Path, users: int, items: int, groups: int, test_items: int,
               seed: int = 0) -> None:
    """``train.txt`` and ``test.txt`` as gowalla's under ``folder``, seeded."""
    rng = np.random.RandomState(seed)
    block = items // groups
    train, test = [], []
    for user in range(users):
        group = user % groups
        count = rng.randint(10, 19)
        own = rng.choice(np.arange(group * block, (group + 1) * block), int(count * 0.7),
                         replace=False)
        other = rng.choice(np.setdiff1d(np.arange(items), own), count - len(own),
                           replace=False)
        chosen = np.concatenate([own, other])
        rng.shuffle(chosen)
        train.append((user, chosen[:-test_items]))
        test.append((user, chosen[-test_items:]))
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("train.txt", train), ("test.txt", test)):
        (folder / name).write_text(
            "".join(" ".join(str(int(x)) for x in [user, *chosen]) + "\n"
                    for user, chosen in rows), encoding="utf-8")
