"""Evaluation tools' reports read line by line before the line rules: sed_eval's
(``sedeval``), TrackEval's tables and the KITTI devkit's summary (``trackeval``), SacreBLEU's
scores (``sacrebleu``), trec_eval's measures (``treceval``). A line is asked of them only
when ``Reports.marked`` says it may be theirs (its first bytes, its 23rd byte, sed_eval's
mark, or a report being read); the column path leaves such lines to the line path, so a run
of a report's lines of one shape (trec_eval's ``-q`` lines of one measure) is read as one."""

from __future__ import annotations

from exptrack.metrics import sacrebleu, sedeval, trackeval, treceval

# a report line's first bytes: a TrackEval table's or the KITTI summary's, SacreBLEU's
HEADS = trackeval.HEADS | sacrebleu.HEADS
TAB = treceval.TAB  # trec_eval pads a measure's name to 22 characters, then a tab


class Reports:
    """The readers of the reports whose lines are read over several lines (their state)."""

    def __init__(self) -> None:
        self.sed = sedeval.Reader()
        self.tracking = trackeval.Reader()

    def marked(self, shape: bytes) -> bool:
        """May the line of this shape be a report's? (The hot loop's test, cheap.)"""
        return shape[:5] in HEADS or shape[TAB:TAB + 1] == b"\t" or self.tracking.open \
            or self.sed.section is not None or sedeval.MARKER in shape

    def read(self, shape: bytes, text: str) -> list[tuple[str, float]] | None:
        """The values a report's line gives ([] for its other lines), else None: no such
        line (``marked`` said it may be one)."""
        if self.sed.section is not None or sedeval.MARKER in shape:
            found = self.sed.line(text)
            if found is not None:
                return found
        head = shape[:5]
        if head in trackeval.HEADS or self.tracking.open:
            found = self.tracking.line(text)
            if found is not None:
                return found
        if head in sacrebleu.HEADS:
            found = sacrebleu.scores(text)
            if found is not None:
                return found
        return treceval.measure(text) if shape[TAB:TAB + 1] == b"\t" else None
