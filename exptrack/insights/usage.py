"""Diagnoses read from the resource samples (pure): input-bound (GPU mostly idle while a
core is saturated; without a GPU, a process that mostly waited), a GPU present but unused,
GPU memory at its capacity, host memory growing through the run, and a run killed with
its memory at the limit (likely out of memory).

Samples are the rows of ``resources.jsonl`` (``elapsed_s``, ``rss_bytes``,
``cpu_percent``, ``gpus``: ``index``, ``util_percent``, ``memory_used_mib`` as
``nvidia-smi`` reported them); the capacity of each GPU and of the host come from
``env.yaml``."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from statistics import mean, median
from typing import Any

from exptrack.insights.model import Insight, Thresholds, fmt_duration

WARMUP_SHARE = 0.1  # the first part of a run (imports, model load) is not its steady state


def _steady(samples: Sequence[dict[str, Any]], duration: float) -> list[dict[str, Any]]:
    start = max(WARMUP_SHARE * duration, 1.0)
    return [s for s in samples if _num(s.get("elapsed_s")) is not None
            and (_num(s.get("elapsed_s")) or 0.0) >= start]


def _num(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def _gib(n: float) -> str:
    return f"{n / 1024 ** 3:.1f} GiB" if n >= 1024 ** 3 else f"{n / 1024 ** 2:.0f} MiB"


def duration_of(samples: Sequence[dict[str, Any]]) -> float:
    times = [_num(s.get("elapsed_s")) for s in samples]
    return max((t for t in times if t is not None), default=0.0)


def gpu_rules(samples: Sequence[dict[str, Any]], env_gpus: Sequence[dict[str, Any]],
              duration: float, th: Thresholds) -> list[Insight]:
    """Input-bound, unused and memory-full GPUs, from the samples that carry GPU rows."""
    with_gpus = [s for s in _steady(samples, duration) if s.get("gpus")]
    if duration < th.input_min_s or len(with_gpus) < 3:
        return []
    found: list[Insight] = []
    utils: dict[int, list[float]] = {}
    for sample in with_gpus:
        for gpu in sample["gpus"]:
            if isinstance(gpu, dict) and _num(gpu.get("util_percent")) is not None:
                utils.setdefault(int(gpu.get("index") or 0), []).append(
                    float(gpu["util_percent"]))
    active = [i for i, values in utils.items() if max(values) > 5.0]
    if utils and not active:
        found.append(Insight("gpu_unused", "warning",
                             f"{len(utils)} GPU(s) present but unused: utilisation stayed at "
                             f"{max(max(v) for v in utils.values()):.0f}% or below for "
                             f"{fmt_duration(duration)} (the model runs on the CPU?)",
                             data={"gpus": sorted(utils), "samples": len(with_gpus)}))
    elif active:
        per_sample = [mean(float(g["util_percent"]) for g in s["gpus"]
                           if isinstance(g, dict) and g.get("index") in active
                           and _num(g.get("util_percent")) is not None) for s in with_gpus
                      if any(isinstance(g, dict) and g.get("index") in active
                             and _num(g.get("util_percent")) is not None for g in s["gpus"])]
        cpus = [_num(s.get("cpu_percent")) for s in with_gpus]
        busy = [c for c in cpus if c is not None and c >= th.cpu_busy_percent]
        gpu_mean = mean(per_sample) if per_sample else 100.0
        if gpu_mean < th.gpu_idle_percent and len(busy) >= 0.5 * len(with_gpus):
            found.append(Insight("input_bound", "warning",
                                 f"GPU mostly idle ({gpu_mean:.0f}% mean utilisation) while a "
                                 f"CPU core was saturated in {len(busy)} of {len(with_gpus)} "
                                 f"samples: input pipeline bound (more data loader workers, "
                                 f"faster decoding, caching)",
                                 data={"gpu_util_mean": round(gpu_mean, 1),
                                       "cpu_busy_samples": len(busy),
                                       "samples": len(with_gpus)}))
    capacity = {int(g["index"]): float(g["memory_total_mib"]) for g in env_gpus
                if isinstance(g, dict) and isinstance(g.get("index"), int)
                and _num(g.get("memory_total_mib"))}
    peak: tuple[float, int, float] | None = None
    for sample in samples:
        for gpu in sample.get("gpus") or []:
            if not isinstance(gpu, dict):
                continue
            total = capacity.get(gpu.get("index"))  # type: ignore[arg-type]
            used = _num(gpu.get("memory_used_mib"))
            if total and used is not None and (peak is None or used / total > peak[0]):
                peak = (used / total, int(gpu.get("index") or 0), used)
    if peak is not None and peak[0] >= th.gpu_memory_share:
        share, index, used = peak
        found.append(Insight("gpu_memory", "warning",
                             f"GPU {index} memory at {share:.0%} of its capacity "
                             f"({used:.0f} of {capacity[index]:.0f} MiB): close to out of "
                             f"memory (smaller batch, mixed precision, checkpointing)",
                             data={"gpu": index, "share": round(share, 3), "used_mib": used,
                                   "total_mib": capacity[index]}))
    return found


def waiting(samples: Sequence[dict[str, Any]], duration: float, th: Thresholds) -> Insight | None:
    """Without a GPU: the process tree used little CPU for most of a long enough run."""
    if duration < th.input_min_s or any(s.get("gpus") for s in samples):
        return None
    cpus = [c for c in (_num(s.get("cpu_percent")) for s in _steady(samples, duration))
            if c is not None]
    if len(cpus) < 5:
        return None
    idle = [c for c in cpus if c < th.cpu_idle_percent]
    if len(idle) < 0.8 * len(cpus) or mean(cpus) >= th.cpu_idle_percent:
        return None
    return Insight("input_bound", "warning",
                   f"the process tree used {mean(cpus):.0f}% of a CPU core on average over "
                   f"{fmt_duration(duration)}, no GPU in use: it mostly waited (data loading, "
                   f"I/O, sleep) instead of computing",
                   data={"cpu_mean": round(mean(cpus), 1), "idle_samples": len(idle),
                         "samples": len(cpus)})


def memory_leak(samples: Sequence[dict[str, Any]], duration: float,
                th: Thresholds) -> Insight | None:
    """Host memory that grows through the run: the median resident memory of each quarter
    of the steady part higher than the last, by ``leak_growth`` in all."""
    steady = [(t, r) for t, r in ((_num(s.get("elapsed_s")), _num(s.get("rss_bytes")))
                                  for s in _steady(samples, duration))
              if t is not None and r is not None]
    if duration < th.input_min_s or len(steady) < 8:
        return None
    start, end = steady[0][0], steady[-1][0]
    if end <= start:
        return None
    bins: list[list[float]] = [[], [], [], []]
    for t, r in steady:
        bins[min(3, int(4 * (t - start) / (end - start)))].append(r)
    if any(not b for b in bins):
        return None
    levels = [median(b) for b in bins]
    rising = all(b > a * 1.05 for a, b in pairwise(levels))
    grown = levels[-1] - levels[0]
    if not rising or grown < th.leak_min_bytes or grown < th.leak_growth * levels[0]:
        return None
    return Insight("memory_leak", "warning",
                   f"host memory grew steadily from {_gib(levels[0])} to {_gib(levels[-1])} "
                   f"through the run (every quarter higher): a leak (tensors kept with their "
                   f"graph, a growing cache or list?)", time_s=steady[0][0],
                   data={"quarters_bytes": [int(x) for x in levels]})


def killed_oom(record: dict[str, Any], summary: dict[str, Any], host: dict[str, Any],
               th: Thresholds) -> Insight | None:
    """Killed by SIGKILL with the peak memory at the container's (or host's) limit."""
    killed = record.get("signal") == "SIGKILL" or record.get("exit_code") in (137, -9)
    if not killed or record.get("status") == "completed":
        return None
    peak = _num(summary.get("peak_rss_bytes"))
    limits = [x for x in (_num(host.get("memory_limit_bytes")),
                          _num(host.get("memory_total_bytes"))) if x]
    if peak is None or not limits:
        return None
    limit = min(limits)
    if peak < th.oom_share * limit:
        return None
    return Insight("oom", "error",
                   f"killed (SIGKILL) with memory at {peak / limit:.0%} of the limit "
                   f"({_gib(peak)} of {_gib(limit)}): likely out of memory",
                   data={"peak_rss_bytes": int(peak), "limit_bytes": int(limit)})
