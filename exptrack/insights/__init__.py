"""Insights: diagnoses of a run from its recorded curves and resources (overfitting,
divergence, not learning, plateau, instability, input-bound, GPU use and memory, leaks,
out-of-memory kills, time to best), each with a kind, a severity, where it begins and the
evidence in numbers. Pure rules (``curves``, ``usage``, ``diagnose``); ``load`` reads a
run folder."""

from exptrack.insights.diagnose import RunData, diagnose, headline
from exptrack.insights.load import run_insights
from exptrack.insights.model import JSON_KEYS, Insight, Point, Thresholds

__all__ = ["JSON_KEYS", "Insight", "Point", "RunData", "Thresholds", "diagnose", "headline",
           "run_insights"]
