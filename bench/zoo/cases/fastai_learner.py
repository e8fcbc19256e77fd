"""fastai: ``tabular_learner`` on a tiny synthetic pandas table (two continuous columns, one
categorical, a binary target), ``metrics=accuracy``, ``fit_one_cycle(4)`` with the default
``ProgressCallback`` (fastprogress console bars under a terminal, the epoch table
``epoch train_loss valid_loss accuracy time`` under both). Truth: ``learn.recorder.values``
with ``learn.recorder.metric_names`` (one row per epoch, 0-based as fastai prints it).
``n_out=2`` is passed because fastai 2.8.12 cannot infer it with pandas 3.1.1 (see below).

Judgement: ``time`` is a per-epoch duration string (``00:01``), not a metric: it is in
``also_ok`` and not in truth. The key is ``epoch`` (the table's first column, 0-based)."""

import numpy as np
import pandas as pd
from _truth import series, write_truth
from fastai import __version__ as fastai_version
from fastai.tabular.all import (
    Categorify,
    CategoryBlock,
    Normalize,
    TabularDataLoaders,
    accuracy,
    set_seed,
    tabular_learner,
)

set_seed(0, reproducible=True)
rng = np.random.default_rng(0)
n = 400
df = pd.DataFrame({"a": rng.normal(size=n), "b": rng.normal(size=n),
                   "c": rng.choice(["x", "y", "z"], size=n)})
df["target"] = np.where(df["a"] + df["b"] + (df["c"] == "x") * 0.5 > 0, "pos", "neg")

dls = TabularDataLoaders.from_df(df, path=".", procs=[Categorify, Normalize],
                                 cat_names=["c"], cont_names=["a", "b"], y_names="target",
                                 y_block=CategoryBlock(), valid_idx=list(range(320, n)), bs=32)
# n_out given: with this venv (fastai 2.8.12, pandas 3.1.1) `get_c(dls)` returns
# `[['#na#', 'x', 'y', 'z'], 2]` instead of 2 and TabularModel fails without it
learn = tabular_learner(dls, layers=[16, 8], n_out=2, metrics=accuracy)
learn.fit_one_cycle(4)

names = list(learn.recorder.metric_names)[1:]  # drop "epoch"
metrics = {}
for column, name in enumerate(names):
    if name == "time":
        continue  # format_time string, appended to the log only, not to recorder.values
    # ProgressCallback._write_stats prints floats as f"{value:.6f}"
    metrics[name] = series([(epoch, row[column]) for epoch, row in
                            enumerate(learn.recorder.values)], "epoch", tolerance=5e-7)
write_truth("fastai", fastai_version, "learn.recorder.values / learn.recorder.metric_names",
            metrics, also_ok=["time"])
