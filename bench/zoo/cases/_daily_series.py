"""Shared by the forecasting zoo cases (NeuralProphet, Prophet): a daily series made here,
a trend, a weekly wave and noise, as Prophet-style frames (``ds``, ``y``)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def daily_series(days: int, slope: float, noise: float, seed: int = 0) -> pd.DataFrame:
    """``days`` days from 2022-01-01: ``10 + slope * t + 2 sin(2 pi t / 7)`` plus normal
    noise of scale ``noise`` (``numpy.random.default_rng(seed)``)."""
    rng = np.random.default_rng(seed)
    t = np.arange(days)
    return pd.DataFrame({"ds": pd.date_range("2022-01-01", periods=days, freq="D"),
                         "y": 10 + slope * t + 2 * np.sin(2 * np.pi * t / 7)
                         + rng.normal(0, noise, days)})
