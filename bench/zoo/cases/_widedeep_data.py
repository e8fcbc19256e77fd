"""Shared by the pytorch-widedeep zoo cases: a small census-like table, seeded (the columns of
pytorch-widedeep's adult-income examples, made up here: nothing is downloaded).

Not a case itself (its name starts with ``_``); imported as ``from _widedeep_data import
census``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

CAT_COLS = ["workclass", "education"]
CONT_COLS = ["age", "hours_per_week", "capital_gain"]


def census(seed: int, shift: float = 0.0, n: int = 600) -> pd.DataFrame:
    """``n`` rows of the five columns and a binary ``income_50k`` from a noisy logit
    (``shift`` moves it: the classes' balance)."""
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({
        "workclass": rng.choice(["private", "self-emp", "gov", "none"], size=n),
        "education": rng.choice(["hs", "college", "bachelors", "masters", "phd"], size=n),
        "age": rng.integers(18, 70, size=n).astype(float),
        "hours_per_week": rng.normal(40, 10, size=n),
        "capital_gain": rng.exponential(1000, size=n),
    })
    logit = (0.04 * (df["age"] - 40) + 0.05 * (df["hours_per_week"] - 40)
             + df["education"].map({"hs": -1.0, "college": -0.3, "bachelors": 0.3,
                                    "masters": 0.8, "phd": 1.2}).to_numpy()
             + rng.normal(0, 0.5, size=n) + shift)
    df["income_50k"] = (logit > 0).astype(int)
    return df
