"""Evaluation tools' reports read line by line before the line rules (the parser's hot loop
asks ``read`` only of a line whose first bytes or 23rd byte show one of them): TrackEval's
tables and the KITTI devkit's summary (``trackeval``), SacreBLEU's scores (``sacrebleu``),
trec_eval's measures (``treceval``)."""

from __future__ import annotations

from exptrack.metrics import sacrebleu, trackeval, treceval

# a report line's first bytes: a TrackEval table's or the KITTI summary's, SacreBLEU's
HEADS = trackeval.HEADS | sacrebleu.HEADS
TREC_TAB = treceval.TAB  # trec_eval pads a measure's name to 22 characters, then a tab


def read(shape: bytes, text: str, tracking: trackeval.Reader) -> list[tuple[str, float]] | None:
    """The values a report's line gives ([] for its other lines), else None: no such line."""
    if shape[:5] in trackeval.HEADS or tracking.open:
        found = tracking.line(text)
        if found is not None:
            return found
    if shape[:5] in sacrebleu.HEADS:
        found = sacrebleu.scores(text)
        if found is not None:
            return found
    return treceval.measure(text) if shape[TREC_TAB:TREC_TAB + 1] == b"\t" else None
