"""Shared by the zoo's click-through-rate cases (``deepctr_deepfm``, ``torch_rechub_deepfm``):
a small Criteo-like frame, hashed-looking categorical ids (``C1``..``C4``) and skewed counts
(``I1``..``I3``), its ``label`` drawn from a logistic model of a few of them."""

from __future__ import annotations

import numpy as np
import pandas as pd

LEVELS = {"C1": 8, "C2": 30, "C3": 5, "C4": 60}  # the categorical columns and their sizes


def criteo_frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """``n`` rows drawn from ``rng`` (the same rows for the same generator state)."""
    ids = {name: np.array([f"{h:08x}" for h in rng.integers(0, 2**32, size=k)])
           for name, k in LEVELS.items()}
    codes = {name: rng.integers(0, k, size=n) for name, k in LEVELS.items()}
    data = pd.DataFrame({name: ids[name][codes[name]] for name in LEVELS})
    for i, scale in enumerate((3.0, 20.0, 1.0), start=1):
        data[f"I{i}"] = rng.poisson(scale, size=n).astype("float64")
    effect_c1 = rng.normal(scale=1.0, size=LEVELS["C1"])
    effect_c3 = rng.normal(scale=0.8, size=LEVELS["C3"])
    logit = (effect_c1[codes["C1"]] + effect_c3[codes["C3"]] + 0.3 * (data["I1"] - 3.0)
             - 0.04 * (data["I2"] - 20.0) - 0.5)
    data["label"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype("int64")
    return data
