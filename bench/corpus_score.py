"""Precision and recall of the default metric patterns over a corpus of sample logs.

    python bench/corpus_score.py [DIR ...]     (default: tests/data/logs)
    python bench/corpus_score.py tests/data/heldout     (one folder alone)
    python bench/corpus_score.py --prefix "2024-11-25 10:31:15,542 - INFO - " DIR ...

``--prefix``: the logs whose lines carry no record prefix of their own (no time at a line's
start, no carriage return or escape code), scored as printed and again with the prefix
before every line, as a script's ``logging.info`` would print them: what is read should not
depend on how the message reached the output.

Each ``NAME.log`` has a ``NAME.expected.yaml`` next to it: ``metrics: {name: {last,
count, step_key}}`` (``step_key``: ``step``, ``epoch`` or null: what the last observation
carries). Recall: expected metrics found with the same last value, count and step key.
Precision: extracted metric names that are expected (a junk name counts against it).
Names are compared after ``normalise`` (casefolded, every run of characters other than
letters and digits one ``_``, stripped), in both: ``Train Loss``, ``train_loss`` and
``train-loss`` are one name, and extracted names that normalise alike are one series.

Samples marked ``held_out: true`` were written from real output of formats the parser had
not been tuned on; they are scored apart too (the honest "unseen formats" number). Their
``known_problems`` list the scorer's problem lines that remain, each explained in a comment.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from exptrack.metrics import parse_text  # noqa: E402

_SEPARATORS = re.compile(r"[\W_]+")


def normalise(name: str) -> str:
    """The form names are compared in: casefolded, each run of non-alphanumerics one ``_``."""
    return _SEPARATORS.sub("_", name.casefold()).strip("_")


@dataclass
class Score:
    expected: int = 0
    matched: int = 0
    extracted: int = 0
    junk: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.matched += other.matched
        self.extracted += other.extracted
        self.junk += other.junk
        self.problems += other.problems

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return (self.extracted - self.junk) / self.extracted if self.extracted else 1.0


_EXPONENT_ONLY = re.compile(r"[-+]?\d+[eE][-+]?\d+")


def _same(expected: object, value: float) -> bool:
    if isinstance(expected, str) and _EXPONENT_ONLY.fullmatch(expected):
        expected = float(expected)  # YAML 1.1 reads "1e-05" (no dot) as a string
    if isinstance(expected, str):
        return expected == ("nan" if math.isnan(value) else "inf" if value > 0 else "-inf")
    return isinstance(expected, (int, float)) and math.isclose(expected, value, rel_tol=1e-9)


_STAMPED_LINE = re.compile(rb"^\S*\d{4}-\d\d-\d\d", re.M)


def prefixed(data: bytes, prefix: bytes) -> bytes | None:
    """``data`` with ``prefix`` before every line; None for output with a record prefix of
    its own (a time at a line's start) or terminal redraws (``\\r``, escape codes)."""
    if b"\r" in data or b"\x1b" in data or _STAMPED_LINE.search(data):
        return None
    return b"".join(prefix + line for line in data.splitlines(True))


def score_log(log: Path, data: bytes | None = None) -> Score:
    expected = (yaml.safe_load(log.with_suffix(".expected.yaml").read_text()) or {})
    wanted: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, want in (expected.get("metrics") or {}).items():
        if normalise(name) in wanted:
            raise ValueError(f"{log.name}: expected names {wanted[normalise(name)][0]!r} and "
                             f"{name!r} are one name once normalised")
        wanted[normalise(name)] = (name, want)
    found: dict[str, list[Any]] = {}
    shown: dict[str, str] = {}  # the first extracted spelling of each normalised name
    for obs in parse_text(log.read_bytes() if data is None else data):
        found.setdefault(normalise(obs.name), []).append(obs)
        shown.setdefault(normalise(obs.name), obs.name)
    score = Score(expected=len(wanted), extracted=len(found))
    for key in found:
        if key not in wanted:
            score.junk += 1
            score.problems.append(f"{log.name}: not a metric: {shown[key]}")
    for key, (name, want) in wanted.items():
        got = found.get(key)
        if not got:
            score.problems.append(f"{log.name}: missed {name}")
            continue
        last = got[-1]
        step_key = "step" if last.step is not None else "epoch" if last.epoch is not None else None
        if not _same(want["last"], last.value) or len(got) != want["count"] \
                or step_key != want.get("step_key"):
            score.problems.append(
                f"{log.name}: {name}: last {last.value} count {len(got)} step key {step_key}, "
                f"expected {want['last']} / {want['count']} / {want.get('step_key')}")
            continue
        score.matched += 1
    return score


def is_held_out(log: Path) -> bool:
    expected = yaml.safe_load(log.with_suffix(".expected.yaml").read_text()) or {}
    return bool(expected.get("held_out"))


def score_corpus(folders: list[Path], held_out: bool | None = None,
                 prefix: bytes | None = None) -> Score:
    """The corpus score; ``held_out`` True/False: only those samples (None: all);
    ``prefix``: only the logs ``prefixed`` takes, each line after it (``b""``: as printed)."""
    total = Score()
    for folder in folders:
        for log in sorted(folder.glob("*.log")):
            if log.with_suffix(".expected.yaml").is_file() \
                    and (held_out is None or is_held_out(log) == held_out):
                if prefix is None:
                    total.add(score_log(log))
                elif (data := prefixed(log.read_bytes(), prefix)) is not None:
                    total.add(score_log(log, data))
    return total


def _line(label: str, score: Score) -> str:
    return (f"{label}recall {score.recall:.1%} ({score.matched}/{score.expected} expected "
            f"metrics with the right last value, count and step key); precision "
            f"{score.precision:.1%} ({score.extracted - score.junk}/{score.extracted} "
            f"extracted names are metrics)")


def main() -> None:
    args = sys.argv[1:]
    prefix = None
    if args[:1] == ["--prefix"] and len(args) > 1:
        prefix, args = args[1].encode(), args[2:]
    folders = [Path(a) for a in args] or [ROOT / "tests" / "data" / "logs"]
    if prefix is not None:
        print(_line("as printed: ", score_corpus(folders, prefix=b"")))
        print(_line(f"after {prefix.decode()!r}: ", score_corpus(folders, prefix=prefix)))
        return
    total = score_corpus(folders)
    for problem in total.problems:
        print(problem)
    held = score_corpus(folders, held_out=True)
    if held.expected and held.expected != total.expected:
        print(_line("tuned samples: ", score_corpus(folders, held_out=False)))
        print(_line("held-out samples: ", held))
    print(_line("", total))


if __name__ == "__main__":
    main()
