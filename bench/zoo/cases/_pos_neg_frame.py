"""Shared by the tabular zoo cases ``ydf_gbt`` and ``h2o_gbm``: 300 rows of four normal
features (numpy, seed 0) and a label "pos"/"neg" from a noisy rule of them."""

from __future__ import annotations

import numpy as np
import pandas as pd


def pos_neg_frame() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 4))
    noise = rng.normal(scale=0.5, size=300)
    y = np.where(X[:, 0] + 0.5 * X[:, 1] - X[:, 2] * X[:, 3] + noise > 0, "pos", "neg")
    frame = pd.DataFrame(X, columns=["f1", "f2", "f3", "f4"])
    frame["y"] = y
    return frame
