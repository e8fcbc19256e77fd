"""`track ls` on real stores made by real `track run` calls."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import git, make_repo, py, track, track_json, use_store

ANSI = b"\x1b["


def record(cwd: Path, script: str, *options: str) -> None:
    track("run", *options, "--", *py(script), cwd=cwd, check=True)


def metrics(**values: object) -> str:
    return "print('" + " ".join(f"{k}={v}" for k, v in values.items()) + "')"


@pytest.fixture(scope="module")
def three_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Three runs made once for the module: (repo, store)."""
    base = tmp_path_factory.mktemp("three")
    with pytest.MonkeyPatch.context() as patch:
        use_store(patch, base / "store")
        repo = make_repo(base / "repo")
        record(repo, metrics(val_loss=0.5, val_acc=0.81), "--name", "slow", "--tag",
               "baseline", "--param", "lr=0.001", "--param", "epochs=5",
               "--param", "model=resnet50")
        record(repo, metrics(val_loss=0.3, val_acc=0.92) + "; " + metrics(val_acc=0.9),
               "--name", "mid", "--param", "lr=0.01", "--param", "epochs=5",
               "--param", "model=resnet18")
        (repo / "train.py").write_text("print('changed')\n")
        record(repo, metrics(val_loss="nan", val_acc=0.7), "--name", "fast",
               "--param", "lr=0.1", "--param", "epochs=5", "--param", "model=vit")
    return repo, base / "store"


@pytest.fixture
def store_of_three(three_runs: tuple[Path, Path], track_home: Path) -> Path:
    """A copy of the three runs in this test's own store; returns the repo."""
    shutil.copytree(three_runs[1], track_home)
    return three_runs[0]


def lines(done: object) -> list[str]:
    out: bytes = done.stdout  # type: ignore[attr-defined]
    return out.decode().splitlines()


def test_table_fits_80_columns_with_varying_params_metrics_and_commit(
        store_of_three: Path) -> None:
    done = track("ls", env={"COLUMNS": "80"}, check=True)
    text = lines(done)
    assert all(len(line) <= 80 for line in text), text
    assert ANSI not in done.stdout  # not a terminal: no colour
    assert text[0] == "same in all: epochs=5"
    header = text[1].split()
    assert header == ["id", "name", "tags", "status", "started", "lr", "model", "val_loss",
                      "commit"]
    assert text[-1] == "hidden: took, val_acc — use -c"
    assert text[-2] == "D divergence"  # the legend of the insight marks (val_loss=nan)
    rows = {line.split()[1]: line for line in text[2:-2]}
    assert list(rows) == ["fast", "mid", "slow"]  # newest first
    commit = git(store_of_three, "rev-parse", "HEAD")[:7]
    assert f"{commit}*" in rows["fast"] and f"{commit}*" not in rows["mid"]
    assert rows["slow"].split()[2:4] == ["baseline", "completed"]  # tags: their own column
    assert "nan" in rows["fast"].split() and "0.3" in rows["mid"].split()
    wide = lines(track("ls", env={"COLUMNS": "120"}, check=True))
    assert wide[1].split() == ["id", "name", "tags", "status", "started", "took", "lr",
                               "model", "val_loss", "val_acc", "commit"]
    assert "just now" in rows["slow"] or "s ago" in rows["slow"]


def test_best_ranks_by_direction_and_shows_the_best_value(store_of_three: Path) -> None:
    text = lines(track("ls", "--best", "val_acc", env={"COLUMNS": "80"}, check=True))
    assert "best val_acc" in text[1]
    assert [line.split()[1] for line in text[2:5]] == ["mid", "slow", "fast"]
    assert "0.92" in text[2].split()  # the best, not the last (0.9)
    by_loss = track_json("ls", "--best", "val_loss")
    assert [r["name"] for r in by_loss] == ["mid", "slow", "fast"]  # lower first, NaN last
    assert by_loss[0]["best"] == {"metric": "val_loss", "value": 0.3, "step": None}
    reverse = track_json("ls", "--best", "val_loss", "--desc")
    assert [r["name"] for r in reverse] == ["slow", "mid", "fast"]


def test_sort_where_limit_and_columns(store_of_three: Path) -> None:
    assert [r["name"] for r in track_json("ls", "--sort", "lr")] == ["slow", "mid", "fast"]
    assert [r["name"] for r in track_json("ls", "--sort", "lr", "--desc")] == \
        ["fast", "mid", "slow"]
    assert [r["name"] for r in track_json("ls", "--sort", "name", "--asc")] == \
        ["fast", "mid", "slow"]
    assert [r["name"] for r in track_json("ls", "--where", "lr<0.05", "--where",
                                          "model=resnet*")] == ["mid", "slow"]
    assert [r["name"] for r in track_json("ls", "-w", "tag=baseline")] == ["slow"]
    assert [r["name"] for r in track_json("ls", "-w", "val_acc.best>0.85")] == ["mid"]
    assert [r["name"] for r in track_json("ls", "-n", "1")] == ["fast"]
    text = lines(track("ls", "--columns", "name,lr", "-c", "val_acc.best", check=True))
    assert text[0].split() == ["name", "lr", "val_acc.best"]
    assert text[1].split() == ["fast", "0.1", "0.7"]
    limited = lines(track("ls", "-n", "2", check=True))
    assert limited[-1] == "2 of 3 runs shown; -n 0 shows all"


def test_csv_has_params_and_metrics_for_spreadsheets(store_of_three: Path) -> None:
    done = track("ls", "--csv", check=True)
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    assert [r["name"] for r in rows] == ["fast", "mid", "slow"]
    assert rows[1]["params.lr"] == "0.01" and rows[1]["metrics.val_acc.best"] == "0.92"
    assert rows[0]["metrics.val_loss"] == "nan" and rows[2]["tags"] == "baseline"


@pytest.mark.parametrize(("args", "message"), [
    (["--where", "lr<<1"], "track: error: cannot read --where 'lr<<1': '<<' is not an "
                           "operator (use = != < <= > >=)"),
    (["--where", "lrr<1"], "track: error: no field, parameter or metric named 'lrr'; did you "
                           "mean 'lr'? known: epochs, lr, model, val_acc, val_loss"),
    (["--sort", "nope"], "track: error: no field, parameter or metric named 'nope'"),
    (["--best", "bleu"], "track: error: --best: no listed run has a metric 'bleu'; known: "
                         "val_acc, val_loss"),
])
def test_bad_options_are_one_line_usage_errors(store_of_three: Path, args: list[str],
                                                message: str) -> None:
    done = track("ls", *args)
    assert done.returncode == 2
    assert done.stderr.decode().startswith(message)
    assert done.stderr.count(b"\n") == 1


def test_unknown_direction_asks_for_asc_or_desc(tmp_path: Path) -> None:
    record(tmp_path, metrics(wobble=3))
    done = track("ls", "--best", "wobble")
    assert done.returncode == 2 and b"add --desc (higher is better)" in done.stderr
    assert track_json("ls", "--best", "wobble", "--asc")[0]["best"]["value"] == 3


def test_colour_only_when_asked_and_never_with_no_color(tmp_path: Path) -> None:
    assert track("run", "--", *py("import sys; sys.exit(3)"), cwd=tmp_path).returncode == 3
    coloured = track("ls", env={"FORCE_COLOR": "1"}, check=True)
    assert ANSI in coloured.stdout and b"failed(3)" in coloured.stdout
    plain = track("ls", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}, check=True)
    assert ANSI not in plain.stdout and b"failed(3)" in plain.stdout


def test_crashed_run_and_mixed_param_types_list_without_errors(tmp_path: Path) -> None:
    record(tmp_path, metrics(acc=0.5), "--param", "lr=0.1")
    record(tmp_path, metrics(acc="inf"), "--param", "lr=auto")
    record(tmp_path, "pass")
    newest = track_json("ls")[0]
    run_yaml = Path(newest["path"]) / "run.yaml"
    data = yaml.safe_load(run_yaml.read_text())
    data.update(status="running", pid=2**22 + 12345, ended_at=None, duration_s=None)
    run_yaml.write_text(yaml.safe_dump(data))
    text = lines(track("ls", "--sort", "lr", "-c", "status,lr,acc", check=True))
    assert [line.split() for line in text[1:]] == [
        ["completed", "0.1", "0.5"], ["completed", "auto", "inf"], ["crashed", "-", "-"]]
    assert [r["metrics"].get("acc", {}).get("last") for r in track_json("ls", "--sort", "acc")] \
        == ["inf", 0.5, None]
    # One run a line, strict JSON (no NaN/Infinity literals), between "[" and "]".
    text = track("ls", "--json", "--sort", "acc", check=True).stdout.decode().splitlines()
    assert text[0] == "[" and text[-1] == "]" and len(text) == 5
    rows = [json.loads(line.strip().rstrip(","), parse_constant=pytest.fail)
            for line in text[1:-1]]
    assert [r["metrics"].get("acc", {}).get("max") for r in rows] == ["inf", 0.5, None]
    assert track("ls", "--json", "--where", "lr=no-such-value", check=True).stdout == b"[]\n"


def test_completion_offers_run_ids_and_names(tmp_path: Path) -> None:
    record(tmp_path, "pass", "--name", "baseline")
    run_id = track_json("ls")[0]["id"]
    env = {"_TRACK_COMPLETE": "complete_bash", "COMP_WORDS": "track show ", "COMP_CWORD": "2"}
    assert lines(track(env=env, check=True)) == [run_id, "baseline"]
    env.update(COMP_WORDS=f"track diff {run_id[:3]}")
    assert lines(track(env=env, check=True)) == [run_id]
    env.update(_TRACK_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="track show b")
    assert "baseline" in track(env=env, check=True).stdout.decode()
    record(tmp_path, metrics(val_acc=1, val_loss=2), "--param", "lr=1")
    env = {"_TRACK_COMPLETE": "complete_bash", "COMP_WORDS": "track ls --best val_",
           "COMP_CWORD": "3"}
    assert lines(track(env=env, check=True)) == ["val_acc", "val_loss"]
    env.update(COMP_WORDS="track ls --sort l")
    assert lines(track(env=env, check=True)) == ["lr"]
    broken = dict(env, TRACK_HOME=os.devnull)
    assert track(env=broken).returncode == 0


def test_configured_directions_rank_best_and_diff(tmp_path: Path) -> None:
    """track.yaml's directions decide what "best" means, in ls and in diff."""
    for value in (3, 1, 2):
        record(tmp_path, metrics(wobble=value, score=value))
    (tmp_path / "track.yaml").write_text("metrics:\n  directions:\n    wobble: min\n"
                                         "    score: min\n")
    ranked = track_json("ls", "--best", "wobble", cwd=tmp_path)
    assert [r["best"]["value"] for r in ranked] == [1, 2, 3]
    # score reads as higher-is-better by its name; the configuration says otherwise
    ranked = track_json("ls", "--best", "score", cwd=tmp_path)
    assert [r["best"]["value"] for r in ranked] == [1, 2, 3]
    diff = json.loads(track("diff", "@2", "@1", "--json", cwd=tmp_path, check=True).stdout)
    rows = {row["name"]: row for row in diff["metrics"]}
    assert rows["score"]["direction"] == "min"
    # without the file, the name wins again: higher score is better
    (tmp_path / "track.yaml").unlink()
    ranked = track_json("ls", "--best", "score", cwd=tmp_path)
    assert [r["best"]["value"] for r in ranked] == [3, 2, 1]


def test_invalid_config_warns_but_ls_still_lists(tmp_path: Path) -> None:
    record(tmp_path, metrics(acc=0.5))
    (tmp_path / "track.yaml").write_text("metrics:\n  directions: [not, a, mapping]\n")
    done = track("ls", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr.startswith(b"track: warning: ") and done.stderr.count(b"\n") == 1
