"""All the rules over one run's data, most severe first (pure: ``exptrack.insights.load``
reads the run folder)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from exptrack.insights import curves, usage
from exptrack.insights.model import KINDS, SEVERITIES, Insight, Point, Thresholds
from exptrack.insights.pairs import is_validation, pair_metrics

# what a value costs to compute, not how well the model does: no overfitting of its own
_COST_OF_RUNNING = ("time", "elapsed", "duration", "memory", "mem", "eta", "speed",
                    "throughput", "fps")


@dataclass
class RunData:
    """What the rules read: curves (time in seconds since the start), directions, the
    outcome (``run.yaml``), resource samples and summary, the host and GPUs (``env.yaml``)
    and the best checkpoint (``artifacts.yaml``)."""

    series: dict[str, list[Point]]
    directions: dict[str, str | None]
    duration_s: float | None = None
    record: dict[str, Any] = field(default_factory=dict)
    samples: list[dict[str, Any]] = field(default_factory=list)
    resources: dict[str, Any] = field(default_factory=dict)
    host: dict[str, Any] = field(default_factory=dict)
    gpus: list[dict[str, Any]] = field(default_factory=list)
    checkpoint: str | None = None


def headline(series: Mapping[str, Sequence[Point]],
             directions: Mapping[str, str | None]) -> str | None:
    """The metric a run is judged by: a validation loss, else another validation metric
    with a direction (not a timing: MMEngine's ``val_time``), else the main training loss;
    the longest curve among equals."""
    def ranked(names: list[str]) -> str | None:
        return max(names, key=lambda n: (len(series[n]), n)) if names else None

    val = [n for n in series if is_validation(n) and directions.get(n)
           and not curves.is_timing(n)]
    val_loss = [n for n in val if curves.is_loss(n, directions.get(n))]
    if val_loss or val:
        return ranked(val_loss or val)
    return ranked(curves.main_losses(list(series), dict(directions)))


def diagnose(run: RunData, th: Thresholds | None = None) -> list[Insight]:
    th = th or Thresholds()
    if not th.enabled:
        return []
    found: list[Insight] = []
    series, directions = run.series, run.directions
    hits = {name: curves.divergence(name, series[name], th) for name in sorted(series)
            if curves.is_loss(name, directions.get(name))}
    totals = curves.main_losses(list(series), dict(directions))
    steady = totals[0] if len(totals) == 1 and totals[0] in curves.MAIN_LOSS \
        and hits.get(totals[0]) is None else None
    diverged: set[str] = set()
    for name, hit in hits.items():
        if hit is None or (steady is not None and name != steady and not is_validation(name)
                           and ("running_min" in hit.data or (
                               name.startswith(steady + "/") and "last_finite" in hit.data
                               and hit.data["last_finite"] is None))):
            continue  # a part of a steady total loss grew (a detector's box loss, once its
            # proposals improve), or a key under it was NaN from its first value on
            # (InternEvo's "loss/cn" of batches with no Chinese tokens: never measured): no
            # divergence; a part that turns NaN still is
        found.append(hit)
        diverged.add(name)
    overfit: set[str] = set()
    for val_name, train_name in pair_metrics(list(series)):
        direction = directions.get(val_name) or directions.get(train_name)
        if direction is None or val_name in diverged or train_name in diverged \
                or val_name.lower().endswith(_COST_OF_RUNNING):
            continue  # (a val loop's data_time rising is no overfitting)
        hit = curves.overfitting(val_name, series[val_name], train_name, series[train_name],
                                 direction, directions.get(train_name), th, run.checkpoint)
        if hit is not None:
            found.append(hit)
            overfit.add(val_name)
    losses = [n for n in curves.main_losses(list(series), dict(directions)) if n not in diverged]
    if losses and not diverged:
        hit = curves.not_learning({n: series[n] for n in losses}, th)
        if hit is not None:
            found.append(hit)
    main = headline(series, directions)
    if main is not None and not diverged and not any(i.kind == "not_learning" for i in found):
        direction = directions.get(main) or "min"
        if main not in overfit and is_validation(main):
            hit = curves.plateau(main, series[main], direction, run.duration_s, th)
            if hit is not None:
                found.append(hit)
        best = curves.time_to_best(main, series[main], direction, run.duration_s)
        if best is not None:
            found.append(best)
    for name in sorted(series):
        if name not in diverged and curves.is_loss(name, directions.get(name)) \
                and not is_validation(name):
            hit = curves.instability(name, series[name], th)
            if hit is not None:
                found.append(hit)
    found += _resource_insights(run, th)
    return sort_insights(found)


def _resource_insights(run: RunData, th: Thresholds) -> list[Insight]:
    found: list[Insight] = []
    oom = usage.killed_oom(run.record, run.resources, run.host, th)
    if oom is not None:
        found.append(oom)
    if not run.samples:
        return found
    duration = usage.duration_of(run.samples)
    found += usage.gpu_rules(run.samples, run.gpus, duration, th)
    for hit in (usage.waiting(run.samples, duration, th),
                usage.memory_leak(run.samples, duration, th)):
        if hit is not None:
            found.append(hit)
    return found


def sort_insights(insights: Sequence[Insight]) -> list[Insight]:
    def key(insight: Insight) -> tuple[int, int]:
        severity = SEVERITIES.index(insight.severity) if insight.severity in SEVERITIES else 9
        kind = KINDS.index(insight.kind) if insight.kind in KINDS else 99
        return severity, kind

    return sorted(insights, key=key)
