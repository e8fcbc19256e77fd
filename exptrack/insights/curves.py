"""Diagnoses read from the curves (pure): overfitting, divergence, not learning, plateau,
instability and the time to best. Each rule stays silent unless the evidence is clear:
a false alarm is worse than none."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from statistics import median

from exptrack.insights.model import Insight, Point, Thresholds, fmt_duration, fmt_num
from exptrack.insights.pairs import is_validation

_LOSS = re.compile(r"(?i)(loss|nll|perplexity|ppl)")
_TIMING = re.compile(
    r"(?i)(?:^|[_/.\-])(?:time|runtime|elapsed|duration|memory|mem|eta|speed|fps|throughput)$"
    r"|(?:per_second|_per_sec|it/s|/s)$")
MAIN_LOSS = ("loss", "train_loss", "training_loss", "train/loss", "loss/train", "train.loss")


def is_timing(name: str) -> bool:
    """A duration, memory or speed figure (``val_time``, ``data_time``, ``val_memory``,
    pyGAT's ``validation_time_elapsed``):
    a resource the run uses, not a score to judge it by."""
    return _TIMING.search(name) is not None


def is_loss(name: str, direction: str | None) -> bool:
    """A loss to minimise; not a policy's diagnostics that OpenAI Baselines logs under its
    "loss/" group ("loss/approxkl", "loss/clipfrac", "loss/policy_entropy": they grow as the
    policy learns), though the group holds losses named by role too ("loss/critic1")."""
    leaf = name.rpartition("/")[2].lower()
    return direction == "min" and _LOSS.search(name) is not None \
        and leaf not in _POLICY_DIAGNOSTICS


_POLICY_DIAGNOSTICS = frozenset({"approxkl", "approx_kl", "kl", "clipfrac", "clip_fraction",
                                 "policy_entropy", "entropy", "explained_variance"})


def _begin(point: Point) -> dict[str, float | int | None]:
    return {"step": point.step, "epoch": point.epoch, "time_s": point.time}


def _at(point: Point) -> str:
    if point.epoch is not None:
        return f"epoch {fmt_num(point.epoch)}"
    if point.step is not None:
        return f"step {fmt_num(point.step)}"
    return ""


def _finite(points: Sequence[Point]) -> list[Point]:
    return [p for p in points if math.isfinite(p.value)]


def evaluations(points: Sequence[Point]) -> list[Point]:
    """The finite points with a value repeated back to back kept once: a log that prints
    the last evaluation again on every line has one evaluation, not many."""
    kept: list[Point] = []
    for p in points:
        if math.isfinite(p.value) and (not kept or kept[-1].value != p.value):
            kept.append(p)
    return kept


def _at_start(point: Point) -> bool:
    """The curve begins with the run (not an excerpt from its middle)."""
    return (point.epoch is None or point.epoch <= 1) and (
        point.step is None or point.step <= 1
        or (point.epoch is not None and point.step <= 100))  # the first batches' report;
    # "[ 400/4003]" in epoch 0 is an excerpt from its middle


def _progresses(points: Sequence[Point]) -> bool:
    """Do the points span more than one step or epoch (or carry neither)? A running mean
    printed batch after batch within one epoch ("Epoch 1 Loss 3.19") moves slowly by
    construction: flat there is no sign the model does not learn."""
    steps = {p.step for p in points}
    epochs = {p.epoch for p in points}
    return len(steps - {None}) > 1 or len(epochs - {None}) > 1 \
        or (steps == {None} and epochs == {None})


def _one_epoch(points: Sequence[Point]) -> bool:
    """Do the points all carry one epoch, past the first? The test episodes run after the
    last epoch ("[test episode 600/600] => loss: 1.72" after "[epoch 100/100, ...]")
    evaluate one model: their order is no training progress."""
    epochs = {p.epoch for p in points}
    epoch = epochs.pop() if len(epochs) == 1 else None
    return epoch is not None and epoch > 1


def _restarts(points: Sequence[Point]) -> list[int]:
    """Where a curve starts again: its epoch or step goes back (k-fold training, two runs
    printed into one log)."""
    starts = []
    for i in range(1, len(points)):
        before, now = points[i - 1], points[i]
        if (now.epoch is not None and before.epoch is not None and now.epoch < before.epoch) \
                or (now.step is not None and before.step is not None and now.step < before.step):
            starts.append(i)
    return starts


def last_run(points: Sequence[Point]) -> Sequence[Point]:
    """Of several runs printed into one log (k-fold training, a second run), the last."""
    starts = _restarts(points)
    return points[starts[-1]:] if starts else points


def _x(points: Sequence[Point], other: Sequence[Point]) -> str | None:
    """The axis both curves share: epoch, step or time."""
    for axis in ("epoch", "step", "time"):
        if all(getattr(p, axis) is not None for p in points) and \
                all(getattr(p, axis) is not None for p in other):
            return axis
    return None


def overfitting(val_name: str, val: Sequence[Point], train_name: str, train: Sequence[Point],
                direction: str, train_direction: str | None, th: Thresholds,
                checkpoint: str | None = None) -> Insight | None:
    """The validation metric worse than its best for the last evaluations, by a margin,
    while the training metric kept improving over the same stretch (of the last run
    printed into the log)."""
    val, train = last_run(evaluations(val)), last_run(_finite(train))
    if len(val) < th.min_points or len(train) < 2:
        return None
    sign = 1.0 if direction == "min" else -1.0
    cost = [sign * p.value for p in val]
    best = min(range(len(cost)), key=cost.__getitem__)
    after = cost[best + 1:]
    if len(after) < th.overfit_patience:
        return None
    scale = max(abs(val[best].value), 1e-12)
    margin = th.overfit_margin * scale
    tail = after[-th.overfit_patience:]
    if median(tail) - cost[best] < margin or min(tail) - cost[best] < margin / 2:
        return None
    if sum(c > cost[best] + margin / 2 for c in after) < 0.6 * len(after):
        return None  # worse only at the very end, or back and forth
    axis = _x(val, train)
    tsign = 1.0 if (train_direction or direction) == "min" else -1.0
    if axis is None:  # no shared axis: the same share of each curve
        cut = round(len(train) * (best + 1) / len(val))
        before_t = train[max(0, cut - 3):max(1, cut)]
    else:
        at = getattr(val[best], axis)
        before_t = [p for p in train if getattr(p, axis) <= at][-3:] or train[:1]
    end_t = train[-3:]
    t_then = median(tsign * p.value for p in before_t)
    t_now = median(tsign * p.value for p in end_t)
    if t_then - t_now < th.train_improve * max(abs(t_then), 1e-12):
        return None  # the training metric stalled too: not overfitting
    verb = "rose" if direction == "min" else "fell"
    tverb = "falling" if tsign > 0 else "rising"
    where = _at(val[best])
    message = (f"{val_name} {verb} {fmt_num(val[best].value)} → {fmt_num(val[-1].value)}"
               f"{' from ' + where if where else ''} while {train_name} kept {tverb} "
               f"({fmt_num(tsign * t_then)} → {fmt_num(tsign * t_now)}); best {val_name} "
               f"{fmt_num(val[best].value)}{' at ' + where if where else ''}")
    if checkpoint:
        message += f" (checkpoint {checkpoint})"
    return Insight("overfitting", "warning", message, metric=val_name, **_begin(val[best]),
                   data={"train_metric": train_name, "best": val[best].value,
                         "last": val[-1].value, "train_then": tsign * t_then,
                         "train_now": tsign * t_now, "evaluations_after_best": len(after),
                         "checkpoint": checkpoint})


def divergence(name: str, points: Sequence[Point], th: Thresholds) -> Insight | None:
    """A loss that became NaN/inf and stayed so, or exploded far above its running
    minimum and above anything it was before, to the end. Of several runs printed into one log (the
    epoch or step goes back), the last."""
    points = last_run(points)
    first_bad = next((i for i, p in enumerate(points) if not math.isfinite(p.value)), None)
    if first_bad is not None:
        bad_after = sum(not math.isfinite(p.value) for p in points[first_bad:])
        if not math.isfinite(points[-1].value) or bad_after * 2 >= len(points) - first_bad:
            finite = [p.value for p in points[:first_bad]]
            last = f"last finite value {fmt_num(finite[-1])}; " if finite else ""
            where = _at(points[first_bad])
            return Insight("divergence", "error",
                           f"{name} became {fmt_num(points[first_bad].value)}"
                           f"{' at ' + where if where else ''} ({last}{bad_after} of the "
                           f"{len(points) - first_bad} values from there are not finite)",
                           metric=name, **_begin(points[first_bad]),
                           data={"nonfinite": bad_after, "last_finite": finite[-1]
                                 if finite else None})
    values = [p.value for p in points]
    if len(values) < th.min_points or not all(math.isfinite(v) for v in values):
        return None
    suffix_min = values[:]
    for i in range(len(values) - 2, -1, -1):
        suffix_min[i] = min(values[i], suffix_min[i + 1])
    # The running minimum leaves the first value out: a first report can cover a shorter
    # interval than the others (spaCy's table sums a loss over its logging interval: 40 at
    # step 0, then 2163 for the next 200 steps), which is no minimum to explode from.
    running, highest = math.inf, values[0]
    for j in range(2, len(values) - 1):
        running = min(running, values[j - 1])
        highest = max(highest, values[j - 1])
        if running <= 0:
            return None
        limit = max(highest, th.explode_factor * running)  # (a noisy loss back at a height
        # it had already reached, a later batch of longer inputs, is no explosion)
        if suffix_min[j] > limit:
            where = _at(points[j])
            return Insight("divergence", "error",
                           f"{name} exploded{' from ' + where if where else ''}: "
                           f"{fmt_num(values[j])} after a minimum of {fmt_num(running)} "
                           f"(started at {fmt_num(values[0])}), {fmt_num(values[-1])} at the end",
                           metric=name, **_begin(points[j]),
                           data={"running_min": running, "value": values[j],
                                 "first": values[0], "last": values[-1]})
    return None


def not_learning(losses: dict[str, Sequence[Point]], th: Thresholds) -> Insight | None:
    """Every training loss flat from the start of the run: never below its first value by
    more than twice ``flat_rel``, its last quarter no better than its first by more than
    ``flat_rel``, all within five times ``flat_rel`` of its level."""
    flat: list[tuple[str, float, float, int]] = []
    for name, points in losses.items():
        finite = _finite(points)
        values = [p.value for p in finite]
        if len(values) < th.flat_min_points or not _at_start(finite[0]) \
                or not _progresses(finite):
            return None
        level = median(abs(v) for v in values)
        if level <= 0:
            return None
        quarter = max(1, len(values) // 4)
        gain = median(values[:quarter]) - median(values[-quarter:])
        spread = (max(values) - min(values)) / level
        if gain > th.flat_rel * level or spread > 5 * th.flat_rel \
                or values[0] - min(values) > 2 * th.flat_rel * level:
            return None
        flat.append((name, level, spread, len(values)))
    if not flat:
        return None
    name, level, spread, count = max(flat, key=lambda f: f[3])
    return Insight("not_learning", "warning",
                   f"{name} flat at {fmt_num(level)} (±{spread * 50:.1f}%) over all {count} "
                   f"values: the model is not learning (learning rate, labels, frozen weights?)",
                   metric=name, **_begin(losses[name][0]),
                   data={"level": level, "spread": spread, "count": count})


def plateau(name: str, points: Sequence[Point], direction: str, duration_s: float | None,
            th: Thresholds) -> Insight | None:
    """No new best of the (validation) headline metric in the last ``plateau_share`` of
    the run."""
    points = last_run(evaluations(points))
    if len(points) < th.plateau_min_points or not _progresses(points) or _one_epoch(points):
        return None  # (a bar's running mean within one epoch: no evaluations over training)
    timed = duration_s is not None and duration_s > 0 and all(p.time is not None for p in points)
    share = [(p.time or 0.0) / duration_s if timed and duration_s else (i + 1) / len(points)
             for i, p in enumerate(points)]
    sign = 1.0 if direction == "min" else -1.0
    best = min(range(len(points)), key=lambda i: (sign * points[i].value, i))
    since = 1.0 - share[best]
    if since < th.plateau_share or len(points) - 1 - best < th.overfit_patience:
        return None
    cost = None
    if timed and duration_s:
        cost = since * duration_s
        if cost < th.plateau_min_s:
            return None
    where = _at(points[best])
    spent = f", {fmt_duration(cost)}" if cost is not None else ""
    return Insight("plateau", "warning",
                   f"{name} has not improved in the last {since:.0%} of the run{spent}: best "
                   f"{fmt_num(points[best].value)}{' at ' + where if where else ''}; early "
                   f"stopping would have saved it", metric=name, **_begin(points[best]),
                   data={"best": points[best].value, "share_since_best": round(since, 3),
                         "seconds_since_best": cost})


def instability(name: str, points: Sequence[Point], th: Thresholds) -> Insight | None:
    """Upward spikes of a loss far outside its recent range (median + MADs)."""
    values = [p.value for p in points]
    w = th.spike_window
    if len(values) < w + th.spike_min or not all(math.isfinite(v) for v in values):
        return None
    spikes: list[int] = []
    worst = 0.0
    starts = _restarts(points)
    for i in range(w, len(values)):
        if any(i - w < start <= i for start in starts):
            continue  # a window across a restart (the next fold, a second run in one log)
        window = values[i - w:i]
        mid = median(window)
        mad = median(abs(v - mid) for v in window)
        limit = mid + max(th.spike_mads * 1.4826 * mad, th.spike_rel * abs(mid))
        if values[i] > limit and mid > 0:
            spikes.append(i)
            worst = max(worst, values[i] / mid)
    events = sum(1 for j, i in enumerate(spikes) if j == 0 or spikes[j - 1] != i - 1)
    if len(spikes) < th.spike_min or events > th.spike_share * (len(values) - w):
        return None  # (one isolated jump in every ten points or more: a heavy-tailed
        # per-batch loss, its noise; a contrastive loss at 0.0003 jumping to 0.03-0.1)
    first = points[spikes[0]]
    where = _at(first)
    return Insight("instability", "warning",
                   f"{name} spiked {len(spikes)} times far above its recent range"
                   f"{', first at ' + where if where else ''} (up to {worst:.1f}× the recent "
                   f"median): lower the learning rate or clip gradients",
                   metric=name, **_begin(first), data={"spikes": len(spikes), "worst_ratio": worst})


def time_to_best(name: str, points: Sequence[Point], direction: str,
                 duration_s: float | None) -> Insight | None:
    """When the headline metric reached its best, as a share of the run (a fact: info)."""
    points = _finite(points)
    if len(points) < 2:
        return None
    sign = 1.0 if direction == "min" else -1.0
    best = min(range(len(points)), key=lambda i: (sign * points[i].value, i))
    p = points[best]
    if duration_s and p.time is not None:
        share = min(1.0, p.time / duration_s)
        when = f"{fmt_duration(p.time)} into {fmt_duration(duration_s)}"
    else:
        share = (best + 1) / len(points)
        when = f"evaluation {best + 1} of {len(points)}"
    where = _at(p)
    return Insight("time_to_best", "info",
                   f"best {name} {fmt_num(p.value)}{' at ' + where if where else ''}, {when} "
                   f"({share:.0%} of the run)", metric=name, **_begin(p),
                   data={"best": p.value, "share": round(share, 3)})


def main_losses(names: Sequence[str], directions: dict[str, str | None]) -> list[str]:
    """The training losses (not validation ones); the main one alone when it exists."""
    losses = [n for n in names if is_loss(n, directions.get(n)) and not is_validation(n)]
    main = [n for n in losses if n in MAIN_LOSS]
    return main[:1] or losses
