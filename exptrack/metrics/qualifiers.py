"""What the words in parentheses after a metric's name add to it (``naming.find_name``): a
unit or a qualifier that tells the quantity apart (``elapsed time per iteration (ms)``,
``F1 (macro)``, ``F1 (Rec only)``), or nothing (a label, an expansion, a remark).
"""

from __future__ import annotations

import re

from exptrack.metrics import names

# open_clip's "Data (t): 0.158 Batch (t): 0.559": a letter that is no unit qualifies the name;
# so does an average's kind ("F1 (macro): 0.29", "F1 (weighted): 0.53", Flair's "f1-score
# (micro avg)  0.9905")
_QUALIFIER = re.compile(
    r" \((?:(?![smh]\))[a-z]|(?:micro|macro|weighted|samples)(?: avg)?|binary"
    # a statistic or a transform of the quantity: "PER (avg)", "grad norm (max)", "KL (raw)",
    # "Test Loss (Normalized)", "Accuracy (overall)", "R-squared (uncentered)"
    r"|(?i:avg|average|mean|median|max|min|std|sum|total|overall|raw|normali[sz]ed|scaled"
    r"|unscaled|uncentered|adjusted|noisy|clean|top-\d{1,2}"
    # a metric that says which the quantity is: "Accuracy (IoU)", "Final Loss (MSE)"
    r"|iou|miou|mse|mae|rmse|f1|auc|dice|psnr|ssim))\)")
# a unit in parentheses is part of the name ("elapsed time per iteration (ms)", "Speed
# (samples/sec)", "throughput per GPU (TFLOP/s/GPU)"): a name printed with another unit is
# another quantity; a percentage's or a count's sign is not ("acc (%)")
_KEPT_UNIT = re.compile(
    r" \((?:(?:ms|s|sec|secs|min|us)\.?|[KMG]i?B|[A-Za-z]{1,12}/[A-Za-z/]{1,12}"  # "(sec.)"
    r"|in (?:ms|s|secs?|seconds|mins?|minutes|hours|us))\)")  # "Time (in seconds)"


def kept_unit(unit: str, before: str) -> bool:
    """Is ``unit``, the short word in parentheses after a name (its text before it
    ``before``), part of the name: a qualifier, a unit that tells the quantity apart, or the
    initials of the words before it?"""
    return bool(_QUALIFIER.match(unit) or _KEPT_UNIT.match(unit) or _initials(unit, before))


def _initials(unit: str, before: str) -> bool:
    """Is the word in parentheses the initials of the words before it? Megatron-DeepSpeed's
    "tokens per gpu per second (tgs)" names its quantity so (not a unit: kept)."""
    letters = unit.strip(" ()").lower()
    if not 2 <= len(letters) <= 5 or not letters.isalpha():
        return False
    words = [w for w in _WORD.findall(before[-80:]) if w.lower() not in ("per", "of")]
    return len(words) >= len(letters) and "".join(
        w[0] for w in words[-len(letters):]).lower() == letters


_WORD = re.compile(r"[A-Za-z]+")


_REMARK = frozenset({"with", "without", "on", "for", "from", "excluding", "including", "using",
                     "via", "per", "lower", "higher"})


def kept_phrase(phrase: str | None, name: str) -> str:
    """What a qualifier's words in parentheses add to a metric's name: the words that say
    which quantity it is ("F1 (Rec only)", "Fold score (accuracy)"), not a label's or an
    expansion's capitalised words ("ROC-AUC (CatBoost)", "FAR (False Alarm Ratio)") nor a
    remark ("KL Loss (with gradients)"), which leave the name as it is."""
    if phrase is None:
        return ""
    words = phrase.strip(" ()").split()
    if words[0].lower() in _REMARK or (
            (names.metric_like(name) or "".join(w[0] for w in words).lower() == name.lower())
            and all(w[:1].isupper() for w in words)):
        return ""
    return phrase


