"""A field's label over its one-letter keys: CHGNet's ``| MAE e 4.366(4.320)  f 0.869(0.751)
s 3.003(3.302)  m 0.087(0.171)``: ``MAE_e``, ``MAE_f``, ``MAE_s``, ``MAE_m`` (a bare ``f``
loses what it measures). Regexes anchored and bounded: linear."""

from __future__ import annotations

import re

from exptrack.metrics import names

# a metric's word, then its one-letter key: "MAE e" (named "MAE_e")
_LABEL_KEY = re.compile(r"(?P<label>[A-Za-z][A-Za-z0-9]{1,11})_(?P<key>[a-z])")
_KEY = re.compile(r"[a-z]")


def label(name: str, labelled: str | None, weak: bool) -> tuple[str | None, str]:
    """(the field's label after this name, the name): a metric word and a one-letter key
    open a label; a one-letter key after it, by a space, takes it; another name ends it."""
    found = _LABEL_KEY.fullmatch(name)
    if found is not None and names.metric_like(found.group("label")):
        return found.group("label"), name
    if labelled is not None and weak and _KEY.fullmatch(name):
        return labelled, f"{labelled}_{name}"
    return None, name
