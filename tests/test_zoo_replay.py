"""The zoo's captured framework runs replayed through a real `track run`: the output bytes
on the child's stdout and the framework's metric files written into its working folder,
as the framework did. What track records must equal the framework's own record, the same
way bench/zoo/score.py scores the parser alone (this is the recorder's whole path: output
tee, parser, file watcher, merge, metrics.jsonl)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from conftest import only_run, track
from test_zoo_fixtures import ROOT, load_score, passing, read

from exptrack.jsonl import read_observations
from exptrack.metrics import Observation

REPLAY = r"""
import os, shutil, sys
fixture = sys.argv[1]
files = os.path.join(fixture, "files")
# deepest first: a framework writes its checkpoints' files before its final ones (the
# fixtures keep no modification times; the newest file of a kind is the one read)
found = [os.path.join(folder, name) for folder, _, names in os.walk(files) for name in names]
for source in sorted(found, key=lambda path: (-path.count(os.sep), path)):
    target = os.path.relpath(source, files)
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    shutil.copyfile(source, target)
with open(os.path.join(fixture, "output.log"), "rb") as handle:
    sys.stdout.buffer.write(handle.read())
"""


def _recorded(run_dir: Path) -> dict[str, list[Observation]]:
    found: dict[str, list[Observation]] = {}
    for obs in read_observations(run_dir / "metrics.jsonl"):
        found.setdefault(obs.name, []).append(obs)
    return found


@pytest.mark.parametrize(("case", "mode"), passing())
def test_track_run_records_the_frameworks_own_series(case: str, mode: str, tmp_path: Path,
                                                     track_home: Path) -> None:
    score = load_score()
    fixture = ROOT / "tests" / "data" / "zoo" / case / mode
    work = tmp_path / "work"
    work.mkdir()
    track("run", "--", sys.executable, "-c", REPLAY, str(fixture), cwd=work, check=True)
    recorded = _recorded(only_run(track_home))
    truth = read(fixture / "truth.yaml")
    expected = score.expected_metrics(truth, file_names=score.file_names(fixture),
                                      taken=score.taken_names(fixture),
                                      own=score.own_names(fixture))
    problems = [p for name, spec in expected.items()
                for p in score.compare_metric(name, spec, recorded.get(name, []))]
    allowed = set(expected) | set(truth.get("also_ok") or [])
    junk = sorted(set(recorded) - allowed)
    assert not problems and not junk, (problems, junk)
    shutil.rmtree(work)
