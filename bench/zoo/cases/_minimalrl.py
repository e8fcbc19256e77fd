"""What minimalRL's cases (``minimalrl_dqn``, ``minimalrl_ppo``) share: the repository's
commit, the one stock line each changes (its episode loop's bound), and the run of a
verbatim script, seeded, with its record lines added."""

from __future__ import annotations

import random
import runpy
import sys
from pathlib import Path
from typing import Any

from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "seungeunrho/minimalRL"
SOURCE_COMMIT = "c8efed8481e3cd40e9739cfde220a55522555b57"
PRINT_INTERVAL = 20  # both scripts' print_interval


def run(name: str, text: str, blob: str, episodes: int,
        record_lines: dict[str, str]) -> list[Any]:
    """Run the script ``name`` (``text``, checked against its git ``blob``) for ``episodes``
    episodes, seeded, with ``record_lines`` added; the values those lines record."""
    if git_blob_id(text) != blob:
        sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    # the one line of the stock text the case changes: the episode loop's bound
    old = "    for n_epi in range(10000):\n"
    new = f"    for n_epi in range(ZOO_EPISODES):  # zoo: fewer episodes ({name}: 10000)\n"
    assert text.count(old) == 1, old
    Path(name).write_text(with_lines(text, record_lines).replace(old, new), encoding="utf-8")

    import gym.utils.seeding
    import numpy as np
    import torch

    random.seed(0)  # the scripts seed nothing: the case does, for a run that repeats
    np.random.seed(0)
    torch.manual_seed(0)
    np_random = gym.utils.seeding.np_random

    def seeded_np_random(seed: int | None = None) -> Any:  # an unseeded env.reset(): seed 0,
        return np_random(0 if seed is None else seed)  # not the OS's entropy

    gym.utils.seeding.np_random = seeded_np_random

    record: list[Any] = []
    sys.argv = [name]
    runpy.run_path(name, init_globals={"ZOO_RECORD": record, "ZOO_EPISODES": episodes},
                   run_name="__main__")
    steps = [values[0] for values in record]
    assert steps == list(range(PRINT_INTERVAL, episodes, PRINT_INTERVAL)), steps
    return record
