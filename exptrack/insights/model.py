"""The records of the insights: a diagnosis (``Insight``), the thresholds its rules use
(``Thresholds``, settable in the ``insights:`` section of track.yaml) and a curve as the
rules read it (``Point``)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any, NamedTuple

SEVERITIES = ("error", "warning", "info")  # most severe first
KINDS = ("divergence", "oom", "overfitting", "not_learning", "plateau", "instability",
         "input_bound", "gpu_unused", "gpu_memory", "memory_leak", "time_to_best")
# (The one-letter code `track ls` shows for each kind: ``indexinsights.CODES``.)
JSON_KEYS = ("kind", "severity", "metric", "step", "epoch", "time_s", "message", "data")


class Point(NamedTuple):
    """One value of a curve: ``time`` in seconds since the run started (None when not
    recorded: a log parsed offline)."""

    value: float
    step: int | float | None = None
    epoch: int | float | None = None
    time: float | None = None


@dataclass
class Insight:
    """A diagnosis: what, how bad, where it begins, and the evidence (message + data)."""

    kind: str
    severity: str
    message: str
    metric: str | None = None
    step: int | float | None = None
    epoch: int | float | None = None
    time_s: float | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {key: _jsonable(getattr(self, key)) for key in JSON_KEYS}

    @property
    def problem(self) -> bool:
        """A warning or an error (an ``info`` insight, the time to best, is a fact)."""
        return self.severity != "info"

    def where(self) -> str:
        """"epoch 12", "step 3400" or "" where it begins."""
        if self.epoch is not None:
            return f"epoch {fmt_num(self.epoch)}"
        if self.step is not None:
            return f"step {fmt_num(self.step)}"
        return ""


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def fmt_num(value: float) -> str:
    """A number as a person reads it: 12, 0.214, 3.4e-05, nan."""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()
                                  and abs(value) < 1e15):
        return str(int(value))
    if not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return f"{value:.3g}" if abs(value) >= 1e-3 else f"{value:.2e}"


def fmt_duration(seconds: float) -> str:
    """1h05m, 12m30s, 42s."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


@dataclass
class Thresholds:
    """Every number the rules decide with (docs/config.md, ``insights:``)."""

    enabled: bool = True
    min_points: int = 5  # evaluations a curve needs before a trend is read from it
    overfit_patience: int = 3  # evaluations after the best that must all be worse
    overfit_margin: float = 0.10  # relative worsening of the smoothed validation metric
    train_improve: float = 0.02  # relative improvement the training metric must keep
    explode_factor: float = 5.0  # a loss this many times its running minimum
    flat_rel: float = 0.01  # a curve within this share of its level is flat
    flat_min_points: int = 8
    plateau_share: float = 0.4  # no improvement in this last share of the run
    plateau_min_points: int = 10
    plateau_min_s: float = 60.0  # the plateau must have cost this much wall time
    spike_mads: float = 10.0  # a spike: this many robust deviations above the window
    spike_rel: float = 0.5  # and this share above the window's median
    spike_window: int = 20
    spike_min: int = 3  # spikes before the curve is called unstable
    spike_share: float = 0.1  # more separate spikes than this share of points: noise
    gpu_idle_percent: float = 30.0  # mean GPU utilisation below this is mostly idle
    cpu_busy_percent: float = 90.0  # a core saturated: tree CPU % at least this
    cpu_idle_percent: float = 25.0  # without a GPU: the run mostly waited below this
    input_min_s: float = 5.0  # resource rules need a run at least this long
    gpu_memory_share: float = 0.95  # peak GPU memory / capacity
    leak_growth: float = 0.5  # host memory growth over the run (share of its level)
    leak_min_bytes: int = 100 * 1024 * 1024
    oom_share: float = 0.9  # peak memory / limit of a SIGKILLed run

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Thresholds:
        """Thresholds from a validated ``insights:`` mapping (unknown keys rejected by
        ``exptrack.config``)."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in known:
                values[key] = value
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


THRESHOLD_TYPES = {f.name: f.type for f in fields(Thresholds)}
