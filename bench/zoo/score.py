"""Score exptrack's metric extraction against the framework zoo fixtures (no framework needed).

    python bench/zoo/score.py [--only CASE ...] [--verbose] [FIXTURE_ROOT]

For each ``tests/data/zoo/<case>/<mode>/`` it feeds ``output.log`` through exptrack's
extraction (``exptrack.metrics.parse_text``, what ``track run`` records from the output)
and compares it with ``truth.yaml``:

- a truth metric is *matched* when exptrack recorded it under the same name, with the same
  number of observations, each within the metric's ``tolerance`` (absolute) or
  ``rel_tolerance`` (relative) of the truth value, in order (exact when neither is given;
  their sum when both are);
- a *junk* name is a recorded name that is neither a truth metric nor in ``also_ok``;
- ``file_metrics`` in truth.yaml are the series of the framework's metric file under the
  file's own names: expected when the files are read, never junk. A printed metric that is
  one of them under another spelling (eole's ``Train accuracy`` is its file's
  ``train/accuracy``: one name key, ``exptrack.metrics.merge.name_key``) is that file
  series when the files are read, not a second series;
- recall = matched / truth metrics; precision = (recorded names - junk) / recorded names.

``score_fixture`` and ``score_all`` return ``CaseResult``s for tests. The axis (step or
epoch) of each observation is reported as a note, not scored: frameworks count epochs
from 0 or 1 and steps from different origins.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "data" / "zoo"
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from exptrack.metrics import Observation, files, parse_text  # noqa: E402
from exptrack.metrics.merge import Source, file_keys, merge_sources, name_key  # noqa: E402

EXACT = 1e-9  # relative slack when the truth gives no tolerance (float text round trips)


@dataclass
class CaseResult:
    """One fixture's score."""

    case: str
    mode: str
    expected: list[str]
    matched: list[str] = field(default_factory=list)
    recorded: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return len(self.matched) / len(self.expected) if self.expected else 1.0

    @property
    def precision(self) -> float:
        if not self.recorded:
            return 1.0
        return (len(self.recorded) - len(self.junk)) / len(self.recorded)


def file_sources(fixture: Path) -> list[Source]:
    """The framework metric files of the fixture (``files/``) that exptrack reads, as
    ``track run`` picks them: one file of each kind (the fullest one standing in for the
    newest; the copies keep no mtimes), every TensorBoard file and Ray Tune trial's file
    (not the TensorBoard file beside a trial's)."""
    chosen: dict[str, Source] = {}
    every: list[tuple[Path, Source]] = []
    for path in sorted((fixture / "files").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        kind = files.kind_of_file(path, data[:4096])
        if kind is None:
            continue
        source = (kind, files.parse(kind, data, path))
        if kind in files.EVERY_FILE:
            every.append((path, source))
        elif kind not in chosen or len(source[1]) >= len(chosen[kind][1]):
            chosen[kind] = source
    mirrored = files.mirrors((path, kind) for path, (kind, _) in every)
    return [*chosen.values(), *(source for path, source in every if path not in mirrored)]


def extract(fixture: Path, with_files: bool = True) -> dict[str, list[Observation]]:
    """What exptrack records from this fixture, per metric name in output order: the
    output's metrics, merged with the framework's metric files as a finished run's are
    (``with_files=False``: the output alone)."""
    return _extracted(fixture, with_files)[0]


def _extracted(fixture: Path, with_files: bool) -> tuple[dict[str, list[Observation]],
                                                         set[str], set[str]]:
    """``extract``'s series, the printed names a file's series took in, and those kept as
    series of their own."""
    printed = parse_text((fixture / "output.log").read_bytes())
    sources = file_sources(fixture) if with_files else []
    kept, merged = merge_sources(printed, sources)
    found: dict[str, list[Observation]] = {}
    for obs in kept:
        found.setdefault(obs.name, []).append(obs)
    found.update((name, series) for name, series in merged.items() if series)
    taken = {obs.name for obs in printed} - {obs.name for obs in kept} - set(merged)
    return found, taken, {obs.name for obs in kept} - set(merged)


def _close(truth: Any, value: float, spec: dict[str, Any]) -> bool:
    expected = float(truth)
    if math.isnan(expected) or math.isnan(value):
        return math.isnan(expected) and math.isnan(value)
    if math.isinf(expected) or math.isinf(value):
        return expected == value
    if "tolerance" in spec or "rel_tolerance" in spec:  # both: the truth's own rounding
        # (absolute) added to the printed one's (relative)
        allowed = float(spec.get("tolerance", 0)) * (1 + 1e-9) \
            + float(spec.get("rel_tolerance", 0)) * abs(expected)
        return abs(value - expected) <= allowed + 1e-12
    return math.isclose(value, expected, rel_tol=EXACT, abs_tol=1e-12)


def compare_metric(name: str, spec: dict[str, Any], got: list[Observation]) -> list[str]:
    """The problems of one truth metric against what was recorded (empty: matched)."""
    want = spec.get("values") or []
    if not got:
        return [f"missed {name} ({len(want)} values)"]
    problems = []
    if len(got) != len(want):
        problems.append(f"{name}: {len(got)} values recorded, truth has {len(want)}")
    for index, ((axis, truth), obs) in enumerate(zip(want, got, strict=False)):
        if not _close(truth, obs.value, spec):
            problems.append(f"{name}[{index}] ({spec.get('key', 'step')} {axis}): "
                            f"recorded {obs.value}, truth {truth}")
            break
    return problems


def _axis_note(name: str, spec: dict[str, Any], got: list[Observation]) -> str | None:
    key = spec.get("key", "step")
    axes = [obs.step if key == "step" else obs.epoch for obs in got]
    want = [axis for axis, _ in spec.get("values") or []]
    if axes == want:
        return None
    if all(axis is None for axis in axes):
        return f"{name}: recorded with no {key}"
    first = next(i for i, (a, b) in enumerate(zip(axes, want, strict=True)) if a != b)
    return f"{name}: recorded {key} {axes[first]} at [{first}], truth {want[first]}"


def expected_metrics(truth: dict[str, Any], with_files: bool = True,
                     file_names: Sequence[str] = (), taken: Collection[str] = (),
                     own: Collection[str] = ()) -> dict[str, Any]:
    """The series a truth expects: the printed ones, and with the files read the file's
    own (``file_metrics``), which stand for the printed ones they merge with
    (``merge.file_keys``: one name key, or a grouped tag's last part). ``file_names``: all
    the series the fixture's files hold as exptrack reads them (a printed metric the file
    keeps under its own name stays itself: neuralforecast's ``valid_loss`` beside the file's
    ``ptl/val_loss``). ``taken``: the printed names whose values a file's series of another
    name took in, however the merge joined them (a name key, or a last part several groups
    share, told by value: Coqui's printed ``avg_loss`` is its ``EvalStats/avg_loss``), which
    that file metric stands for too (``taken_names``). ``own``: the printed names recorded
    as series of their own, which no file's series stands for (makemore's batch ``loss``
    beside TensorBoard's ``Loss/train``, its evaluation's ``train loss``)."""
    metrics: dict[str, dict[str, Any]] = dict(truth.get("metrics") or {})
    # values the framework keeps in its file but never prints (Ultralytics' val losses)
    file_only: dict[str, dict[str, Any]] = truth.get("file_metrics") or {}
    if with_files:
        keys = file_keys([*file_names, *file_only])
        metrics = {name: spec for name, spec in metrics.items()
                   if ((target := keys.get(name_key(name))) == name or target not in file_only
                       or name in own)
                   and (name not in taken or name in file_only)}
        metrics.update(file_only)
    return metrics


def taken_names(fixture: Path) -> set[str]:
    """The printed names whose values the fixture's files' series took in."""
    return _extracted(fixture, True)[1]


def own_names(fixture: Path) -> set[str]:
    """The printed names recorded as series of their own beside the fixture's files'."""
    return _extracted(fixture, True)[2]


def file_names(fixture: Path) -> list[str]:
    """The names of the series the fixture's framework files hold, as exptrack reads them."""
    return list(dict.fromkeys(obs.name for _, observations in file_sources(fixture)
                              for obs in observations))


def score_fixture(fixture: Path, with_files: bool = True) -> CaseResult:
    truth = yaml.safe_load((fixture / "truth.yaml").read_text()) or {}
    found, taken, own = _extracted(fixture, with_files)
    metrics = expected_metrics(truth, with_files, file_names(fixture) if with_files else (),
                               taken, own)
    also_ok = set(truth.get("also_ok") or []) | set(truth.get("file_metrics") or {})
    result = CaseResult(case=fixture.parent.name, mode=fixture.name,
                        expected=list(metrics), recorded=list(found))
    result.junk = [name for name in found if name not in metrics and name not in also_ok]
    for name, spec in metrics.items():
        problems = compare_metric(name, spec, found.get(name, []))
        if problems:
            result.problems += problems
        else:
            result.matched.append(name)
            note = _axis_note(name, spec, found[name])
            if note:
                result.notes.append(note)
    return result


def fixture_dirs(root: Path = FIXTURES, only: Sequence[str] = ()) -> list[Path]:
    """Every ``<case>/<mode>/`` folder holding a truth.yaml under ``root``."""
    dirs = sorted(p.parent for p in root.glob("*/*/truth.yaml"))
    return [d for d in dirs if not only or d.parent.name in only]


def score_all(root: Path = FIXTURES, only: Sequence[str] = (),
              with_files: bool = True) -> list[CaseResult]:
    return [score_fixture(d, with_files) for d in fixture_dirs(root, only)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=FIXTURES)
    parser.add_argument("--only", nargs="+", default=(), metavar="CASE")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list every problem and axis note")
    parser.add_argument("--stdout-only", action="store_true",
                        help="score the output alone, without the framework's metric files")
    args = parser.parse_args(argv)
    results = score_all(args.root, args.only, not args.stdout_only)
    if not results:
        parser.error(f"no fixtures under {args.root}")
    print(f"{'case':<22} {'mode':<5} {'expected':>8} {'matched':>7} {'recorded':>8} "
          f"{'recall':>7} {'prec':>6}  junk names")
    for r in results:
        print(f"{r.case:<22} {r.mode:<5} {len(r.expected):>8} {len(r.matched):>7} "
              f"{len(r.recorded):>8} {r.recall:>7.1%} {r.precision:>6.1%}  "
              f"{', '.join(r.junk) or '-'}")
        if args.verbose:
            for line in r.problems:
                print(f"    {line}")
            for line in r.notes:
                print(f"    note: {line}")
    expected = sum(len(r.expected) for r in results)
    matched = sum(len(r.matched) for r in results)
    recorded = sum(len(r.recorded) for r in results)
    junk = sum(len(r.junk) for r in results)
    print(f"total: recall {matched / expected if expected else 1:.1%} ({matched}/{expected}), "
          f"precision {(recorded - junk) / recorded if recorded else 1:.1%} "
          f"({recorded - junk}/{recorded} recorded names are metrics)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
