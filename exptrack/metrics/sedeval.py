"""sed_eval's report (the sound event detection toolbox of the DCASE challenges: its
``SegmentBasedMetrics`` and ``EventBasedMetrics`` print themselves so)::

      Overall metrics (micro-average)
      ======================================
      F-measure
        F-measure (F1)                  : 77.03 %
        Precision                       : 80.27 %
      Error rate
        Error rate (ER)                 : 0.36
      ...
      Class-wise average metrics (macro-average)
      ======================================
      ...
      Class-wise metrics
      ======================================
        Event label  | Nref    Nsys  | F        Pre      Rec    | ER ...

A value is named by its section, as the toolbox's own results are keyed
(``results_overall_metrics()``, ``results_class_wise_average_metrics()``), and its printed
key: ``overall_F-measure_(F1)``, ``class_wise_average_Error_rate_(ER)``. The per-class table
is left to the table rules (rows of classes: no aggregates). Regexes are anchored, bounded.
"""

from __future__ import annotations

import re

from exptrack.metrics.forms import DECIMAL
from exptrack.metrics.naming import normalize_name

MARKER = b"-average)"  # in the shape of a section's heading
_SECTION = re.compile(r"^\s{0,8}(Overall|Class-wise average) metrics \((?:micro|macro)-average\)"
                      r"\s*$")
_RULE = re.compile(r"^\s{0,8}=+\s*$")
_GROUP = re.compile(r"^\s{1,8}(?:F-measure|Error rate|Accuracy)\s*$")  # a section's groups
_KEY = re.compile(rf"^\s{{2,12}}(?P<key>[A-Za-z][\w \-()]{{0,40}}?)\s{{0,40}}:\s{{0,20}}"
                  rf"(?P<value>{DECIMAL})\s?%?\s*$")


class Reader:
    """The section of a sed_eval report being read (None: none)."""

    def __init__(self) -> None:
        self.section: str | None = None

    def line(self, text: str) -> list[tuple[str, float]] | None:
        """The values of one line of the report (none for its headings and rules); None
        for a line of no report, which ends the section."""
        heading = _SECTION.match(text)
        if heading is not None:
            self.section = heading.group(1).lower().replace("-", "_").replace(" ", "_")
            return []
        if self.section is None:
            return None
        if not text.strip() or _RULE.match(text) or _GROUP.match(text):
            return []
        key = _KEY.match(text)
        if key is None:
            self.section = None  # ("Class-wise metrics": the table of classes)
            return None
        name = normalize_name(key.group("key").strip().replace(" ", "_"))
        return [(f"{self.section}_{name}", float(key.group("value")))]
