"""Shared by the LIBSVM and LIBLINEAR cases: a problem written in LIBSVM's text format, the
format their ``svm_read_problem`` reads (a line a row: ``+1 1:0.5 2:-0.25 ...``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def write_problem(path: str, labels: Iterable[int], rows: Iterable[Sequence[float]]) -> None:
    """``labels`` (+1/-1) and their feature ``rows`` into ``path``, features from index 1."""
    with open(path, "w", encoding="ascii") as handle:
        for label, row in zip(labels, rows, strict=True):
            handle.write(f"{label:+d} " + " ".join(f"{i}:{v:.6g}" for i, v in enumerate(row, 1))
                         + "\n")
