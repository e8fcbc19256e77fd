"""Validation metrics and the training metric each one shadows, named the way users write
them: ``loss``/``val_loss``, ``train_loss``/``val_loss``, ``train/box_loss``/``val/box_loss``,
``training_loss``/``validation_loss``, ``train_acc``/``test_acc``, ``loss``/``eval_loss``
(Hugging Face), ``box_loss``/``val_box_loss``, ``loss/train``/``loss/val``."""

from __future__ import annotations

import re
from collections.abc import Collection

_SEP = r"[_/\-. ]"
# A validation word as a whole token of the name (linear: no nested quantifier).
_VAL = re.compile(r"(?i)(?:^|(?<=" + _SEP + r"))(val|valid|validation|eval|evaluation|test|dev)"
                  r"(?=" + _SEP + r"|$)")
_TRAIN_WORDS = ("train", "training", "trn")


def is_validation(name: str) -> bool:
    return _VAL.search(name) is not None


def training_candidates(name: str) -> list[str]:
    """The names the training counterpart of validation metric ``name`` may have, most
    likely first; empty when ``name`` is not a validation metric."""
    match = _VAL.search(name)
    if match is None:
        return []
    start, end = match.span(1)
    before, after = name[:start], name[end:]
    word = match.group(1)
    # validation_loss -> training_loss first; val_loss -> train_loss
    words = ("training", "train", "trn") if len(word) > 5 else _TRAIN_WORDS
    spelled = [t.upper() if word.isupper() else (t.capitalize() if word[:1].isupper() else t)
               for t in words]
    candidates = [before + spelled[0] + after]
    # the word and one separator removed: val_loss -> loss, loss/val -> loss
    if after[:1] and re.match(_SEP, after[:1]):
        candidates.append(before + after[1:])
    elif before[-1:] and re.match(_SEP, before[-1:]):
        candidates.append(before[:-1] + after)
    candidates += [before + t + after for t in spelled[1:]]
    return [c for c in candidates if c and c != name]


def pair_metrics(names: Collection[str]) -> list[tuple[str, str]]:
    """(validation name, training name) for every validation metric whose training
    counterpart is among ``names``."""
    present = set(names)
    pairs = []
    for name in sorted(present):
        for candidate in training_candidates(name):
            if candidate in present and not is_validation(candidate):
                pairs.append((name, candidate))
                break
    return pairs
