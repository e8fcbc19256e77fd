"""A name, then how many loops it came after, then its value: scikit-learn's t-SNE "KL
divergence after 250 iterations with early exaggeration: 44.91", brulee's "validation loss
after 2 epochs: 1.05". The count is the step (the epoch, counted in epochs); the name is
its words. Pure functions; each pattern bounded and anchored (linear)."""

from __future__ import annotations

import re

from exptrack.metrics import names
from exptrack.metrics.naming import at_end

_NAME = re.compile(r"(?:^|[\s\-:|\]])(?P<name>(?:[A-Za-z][\w@]{0,40} ){0,2}"
                   r"[A-Za-z][\w@]{0,40}) after $")
_COUNT = re.compile(r"(?i)^ (?:(?P<epoch>epochs?)|iterations?|iters?|steps?|rounds?|updates)"
                    r"(?: with [A-Za-z][A-Za-z ]{0,40})?\s?[:=]\s?$")


def after_count(text: str, between: str) -> tuple[str, int, bool] | None:
    """The name that ends ``text`` before "after", the count of loops after it and
    ``between`` it and the value ("KL divergence after " 250 " iterations: "): the name,
    where it starts in ``text``, and whether the count is of epochs; None for other text."""
    unit = _COUNT.match(between)
    if unit is None:
        return None
    found = at_end(_NAME, text, "name")
    if found is None or not names.metric_like(name := found[0]) or names.denied(name):
        return None
    return name.replace(" ", "_"), found[1], unit.group("epoch") is not None
