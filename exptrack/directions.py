"""Which way is better for a metric: ``min`` or ``max``, from configuration or its name.

A module of its own (re-exported by ``exptrack.metrics``) so that listing, ranking and
diffing runs do not import the output parser to ask it.
"""

from __future__ import annotations

import re

_LOWER_BETTER = re.compile(
    r"(loss|err|error|rmse|mae|mse|mape|perplexity|ppl|wer|cer|nll|logloss|\bl1|\bl2|time|latency"
    r"|fid|distance|regret|eta|mem|memory)", re.IGNORECASE)
_HIGHER_BETTER = re.compile(
    r"(acc|accuracy|f1|auc|map|precision|recall|bleu|rouge|r2|iou|dice|score|reward|return"
    r"|top1|top5|psnr|ssim|ndcg|mrr|hit|per_second|throughput|wps|ups|ents_f|score)",
    re.IGNORECASE)
_NO_DIRECTION = re.compile(r"(^|[_/\-])(lr|learning_rate|grad_norm|gnorm|wpb|bsz|epoch)$",
                           re.IGNORECASE)


def metric_direction(name: str, configured: dict[str, str] | None = None) -> str | None:
    """``min`` or ``max``: from configuration first, else from the metric's name."""
    if configured and name in configured:
        return configured[name]
    if _NO_DIRECTION.search(name):
        return None
    if _LOWER_BETTER.search(name):
        return "min"
    if _HIGHER_BETTER.search(name):
        return "max"
    return None
