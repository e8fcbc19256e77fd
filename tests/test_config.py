"""Project configuration: track.yaml or [tool.track], found walking up from the cwd."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import only_run, py, track

PRINT = "print('top-1 acc 55.5 | loss=0.3 | seed=7')"


def _metrics(store: Path) -> dict[str, dict[str, object]]:
    run = only_run(store)
    done = track("show", run.name, "--json", check=True)
    metrics: dict[str, dict[str, object]] = json.loads(done.stdout)["metrics"]
    return metrics


def test_track_yaml_found_from_a_subfolder(tmp_path: Path, track_home: Path) -> None:
    project = tmp_path / "proj"
    (project / "src" / "deep").mkdir(parents=True)
    (project / "track.yaml").write_text(
        "metrics:\n"
        "  patterns: ['top-1 acc (?P<top1>[\\d.]+)']\n"
        "  ignore: ['^DEBUG']\n"
        "  directions: {top1: min}\n"
        "  aliases: {loss: train_loss}\n")
    track("run", "--", *py(PRINT + "; print('DEBUG loss=9')"), cwd=project / "src" / "deep",
          check=True)
    metrics = _metrics(track_home)
    assert set(metrics) == {"top1", "acc", "train_loss"}  # acc: the defaults still run
    assert metrics["top1"]["last"] == 55.5
    assert metrics["train_loss"]["count"] == 1
    assert metrics["top1"]["direction"] == "min"  # configured, against the name's "max"
    assert metrics["train_loss"]["direction"] == "min"


def test_pyproject_tool_track(tmp_path: Path, track_home: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'x'\n\n[tool.track.metrics]\ndefaults = false\n"
        "patterns = ['loss=(?P<loss>[\\d.]+)']\ndirections = {loss = 'max'}\n")
    track("run", "--", *py("print('loss=0.3 acc=0.5'); print('loss=0.1')"), cwd=tmp_path,
          check=True)
    metrics = _metrics(track_home)
    assert set(metrics) == {"loss"}
    assert metrics["loss"]["direction"] == "max" and metrics["loss"]["best"] == 0.3


def test_invalid_config_is_one_line_and_runs_nothing(tmp_path: Path, track_home: Path) -> None:
    marker = tmp_path / "ran"
    cases = {
        "metrics: [1, 2\n": "not valid YAML",
        "metrics:\n  patterns: ['(']\n": "invalid regex",
        "metrics:\n  patterns: ['loss=\\d+']\n": "has no named group",
        "metrics:\n  directions: {loss: lower}\n": "must be min or max",
        "metrics:\n  colour: red\n": "unknown key metrics.colour",
    }
    for text, message in cases.items():
        (tmp_path / "track.yaml").write_text(text)
        done = track("run", "--", *py(f"open({str(marker)!r}, 'w')"), cwd=tmp_path)
        err = done.stderr.decode()
        assert done.returncode == 1, err
        assert message in err and err.count("\n") == 1 and "Traceback" not in err
        assert not marker.exists()
        done = track("parse", "-", cwd=tmp_path, input=b"loss=1\n")
        assert done.returncode == 1 and message in done.stderr.decode()
    assert not (track_home / "runs").exists() or not any((track_home / "runs").iterdir())
