"""river ``evaluate.progressive_val_score`` as its docstring and tutorials show it: a
``StandardScaler | LogisticRegression`` pipeline on a synthetic stream
(``datasets.synth.Agrawal(seed=42)``, 2,200 samples), two metrics combined with ``+``
(``metrics.Accuracy() + metrics.F1()``), ``print_every=500``, every other argument left at
its default. It prints, per checkpoint, ``f"[{step:,d}] {metric}"``; a ``Metrics`` union's
repr joins its metrics with its default ``str_sep="\\n"``, so one checkpoint is two lines
(``[1,000] Accuracy: 63.80%`` then ``F1: 76.91%``), the step with a thousands comma, and a
last checkpoint at the end of the stream (``[2,200]``).

Truth: ``evaluate.iter_progressive_val_score`` over the same stream (same seed, a fresh
clone of the same pipeline, fresh metrics) with the same ``step=500``: the framework's own
checkpoint dicts (``{"Accuracy": ..., "F1": ..., "Step": ...}``), the very generator
``progressive_val_score`` prints from. Judgments:
- Names: the checkpoint dict's keys (the metric class names ``Accuracy``, ``F1``).
- Key "step": ``Step`` counts samples seen, the only index river keeps.
- Values in percent: river keeps fractions (``metric.get()`` = 0.638) but its own format
  (``ClassificationMetric._fmt = ".2%"``) prints them in percent, the unit the user reads;
  the truth is ``100 * get()`` (exptrack keeps a number as printed). Tolerance 5e-3 (two
  decimals) plus float slack.
"""

from _truth import series, write_truth
from river import __version__, compose, datasets, evaluate, linear_model, metrics, preprocessing

N, EVERY = 2200, 500


def stream():
    return datasets.synth.Agrawal(seed=42).take(N)


def pipeline():
    return compose.Pipeline(preprocessing.StandardScaler(), linear_model.LogisticRegression())


model = pipeline()
metric = metrics.Accuracy() + metrics.F1()
evaluate.progressive_val_score(dataset=stream(), model=model, metric=metric, print_every=EVERY)

names = [m.__class__.__name__ for m in metric]
rows = {name: [] for name in names}
# each checkpoint holds the live metric objects: read them before the generator goes on
for checkpoint in evaluate.iter_progressive_val_score(
        dataset=stream(), model=pipeline(), metric=metrics.Accuracy() + metrics.F1(),
        step=EVERY):
    for name in names:
        rows[name].append((checkpoint["Step"], 100 * checkpoint[name].get()))
truth = {name: series(pairs, "step", tolerance=5.1e-3) for name, pairs in rows.items()}
write_truth("river", __version__, "evaluate.iter_progressive_val_score checkpoints", truth)
