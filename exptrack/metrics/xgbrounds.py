"""XGBoost's evaluation rounds whose metric names hold a cut-off::

    [119]	train-auc:0.9458	train-ams@0.15:5.93562
    [3]	eval-error@0.7:0.1834	eval-ndcg@10-:0.5201

A cut-off's decimal ("error@0.7", "ams@0.15") reads like a COCO range ("mAP@0.5:0.95"),
whose second bound ``forms.TOKEN`` keeps in the name; a round's line is tab-separated
"name:value" fields, so such a line is split at its round and at each field's value.
"""

from __future__ import annotations

import re

_ROUND = re.compile(r"\[\d{1,9}\]\t[\w\-]{1,60}(?:@[\w.\-]{0,20})?:")
_CUT = re.compile(r"@\d{0,3}\.\d{1,6}-?:")
# the round's number, and each field's value (up to its field's end)
_PIECES = re.compile(r"(?:(?<=^\[)|(?<=:))([+-]?(?:\d{1,20}(?:\.\d{1,20})?(?:[eE][+-]?\d{1,3})?"
                     r"|nan|inf|-inf))(?=\]\t|\t|\s*$)")


def pieces(text: str) -> list[str] | None:
    """``text`` split as ``forms.TOKEN`` splits a line (text, number, text, ...), when it
    is an XGBoost round with a cut-off in a name; else None."""
    if not _ROUND.match(text) or _CUT.search(text) is None:
        return None
    return _PIECES.split(text)
