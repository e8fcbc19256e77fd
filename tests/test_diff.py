"""`track diff` on real runs in a real git repository."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import git, make_repo, py, track, track_json, use_store

GREEN, RED = "\x1b[32m", "\x1b[31m"


def runs_dir() -> Path:
    return Path(os.environ["TRACK_HOME"]) / "runs"


def record(cwd: Path, output: str, *options: str) -> str:
    """Record a run printing ``output``; its id (the one new run folder)."""
    before = set(os.listdir(runs_dir())) if runs_dir().exists() else set()
    track("run", *options, "--", *py(f"print({output!r})"), cwd=cwd, check=True)
    (run_id,) = set(os.listdir(runs_dir())) - before
    return run_id


def add_files(run_id: str, files: dict[str, Any]) -> None:
    folder = runs_dir() / run_id
    for name, data in files.items():
        (folder / name).write_text(yaml.safe_dump(data))


def table(text: str, first: str) -> dict[str, list[str]]:
    """The rows of the section whose header starts with ``first``: {label: cells}."""
    rows: dict[str, list[str]] = {}
    inside = False
    for line in text.splitlines():
        if line.startswith(first + " "):
            inside = True
            continue
        if inside and not line.strip():
            break
        if inside:
            cells = line.split()
            rows[cells[0]] = cells[1:]
    return rows


@pytest.fixture(scope="module")
def shared_two_commits(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    """Two runs on two commits, made once for the module: (repo, store, first, second)."""
    base = tmp_path_factory.mktemp("two")
    with pytest.MonkeyPatch.context() as patch:
        use_store(patch, base / "store")
        repo = make_repo(base / "repo", {"train.py": "lr = 1\n", "model.py": "depth = 1\n"})
        first = record(repo, "val_loss=0.5 val_acc=0.8 speed=10", "--name", "base",
                       "--param", "lr=0.1", "--param", "old=1", "--param", "epochs=5")
        (repo / "model.py").write_text("depth = 2\nwidth = 3\n")
        git(repo, "commit", "-qam", "deeper")
        (repo / "train.py").write_text("lr = 2\n")
        second = record(repo, "val_loss=0.25 val_acc=0.7 speed=12", "--name", "deep",
                        "--param", "lr=0.2", "--param", "new=x", "--param", "epochs=5")
    return repo, base / "store", first, second


@pytest.fixture
def two_commits(shared_two_commits: tuple[Path, Path, str, str],
                track_home: Path) -> tuple[Path, str, str]:
    """The shared runs copied into this test's own store: (repo, first, second)."""
    repo, store, first, second = shared_two_commits
    shutil.copytree(store, track_home)
    return repo, first, second


def test_default_diff_of_the_two_latest_runs(two_commits: tuple[Path, str, str]) -> None:
    repo, first, second = two_commits
    done = track("diff", env={"COLUMNS": "80"}, check=True)
    text = done.stdout.decode()
    assert all(len(line) <= 80 for line in text.splitlines()), text
    assert text.startswith(f"diff of {second} (deep) against {first} (base)\n"
                           "differences only; --all shows everything\n")
    assert table(text, "param") == {"lr": ["0.1", "0.2"], "old": ["1", "-"],
                                    "new": ["-", "x"]}
    metrics = table(text, "metric")
    assert metrics["val_loss"] == ["↓", "last", "0.5", "0.25", "-0.25", "-50.0%"]
    assert metrics["val_acc"] == ["↑", "last", "0.8", "0.7", "-0.1", "-12.5%"]
    assert metrics["speed"] == ["last", "10", "12", "+2", "+20.0%"]
    code = table(text, "code")
    commits = [git(repo, "rev-parse", f"HEAD{s}")[:10] for s in ("~1", "")]
    assert code["commit"] == commits and code["dirty"] == ["false", "true"]
    assert code["patch"][0] == "none"
    assert f"git diff --stat {commits[0]} {commits[1]}" in text
    assert re.search(r"model\.py \| 3 \+\+-\n 1 file changed, 2 insertions\(\+\), 1 deletion",
                     text)
    assert "epochs" not in text  # the same in both: hidden
    assert table(track("diff", "--all", check=True).stdout.decode(), "param")["epochs"] == \
        ["5", "5"]
    assert track("diff", first, env={"COLUMNS": "80"}, check=True).stdout.decode() == text


def test_better_and_worse_are_coloured_by_direction(
        two_commits: tuple[Path, str, str]) -> None:
    text = track("diff", env={"FORCE_COLOR": "1", "COLUMNS": "80"}, check=True).stdout.decode()
    loss = next(line for line in text.splitlines() if line.startswith("val_loss"))
    acc = next(line for line in text.splitlines() if line.startswith("val_acc"))
    assert re.search(rf"{re.escape(GREEN)} *-0\.25 -50\.0%", loss)
    assert re.search(rf"{re.escape(RED)} *-0\.1 -12\.5%", acc)
    speed = next(line for line in text.splitlines() if line.startswith("speed"))
    assert GREEN not in speed and RED not in speed  # unknown direction: no verdict


def test_code_flag_prints_commit_diff_and_patch_diff(
        two_commits: tuple[Path, str, str]) -> None:
    _, first, second = two_commits
    text = track("diff", first, second, "--code", check=True).stdout.decode()
    assert "code diff" in text
    assert "-depth = 1\n+depth = 2\n+width = 3\n" in text
    assert f"+++ {second}/git.patch" in text and "+-lr = 1\n++lr = 2\n" in text
    data = track_json("diff", first, second, "--code")
    assert "+width = 3" in data["code_diff"]


def test_outcome_environment_and_data_sections(tmp_path: Path) -> None:
    first = record(tmp_path, "acc=0.5", "--param", "lr=1")
    second = record(tmp_path, "acc=0.5", "--param", "lr=1")
    env = {"python": {"version": "3.11.7"}, "frameworks": {"torch": "2.2.0"},
           "packages": {"torch": "2.2.0", "numpy": "1.26.4", "tqdm": "4.66.0"},
           "gpus": [{"name": "NVIDIA A100"}]}
    add_files(first, {
        "env.yaml": env, "resources.yaml": {"peak_rss_bytes": 1024**3},
        "inputs.yaml": {"inputs": [{"path": "data.csv", "hash": "sha256:aaaa1111"}]},
        "artifacts.yaml": {"artifacts": [{"path": "model.pt", "sha256": "bbbb", "weights": True},
                                         {"path": "plot.png", "sha256": "c1", "weights": False}]},
    })
    add_files(second, {
        "env.yaml": {**env, "python": {"version": "3.12.1"}, "frameworks": {"torch": "2.3.1"},
                     "packages": {"torch": "2.3.1", "numpy": "1.26.4", "jax": "0.4.30"},
                     "gpus": [{"name": "NVIDIA H100"}] * 2},
        "resources.yaml": {"peak_rss_bytes": 2 * 1024**3},
        "inputs.yaml": {"inputs": [{"path": "data.csv", "hash": "sha256:dddd2222"}]},
        "artifacts.yaml": {"artifacts": [{"path": "model.pt", "sha256": "eeee", "weights": True},
                                         {"path": "plot.png", "sha256": "c2", "weights": False}]},
    })
    text = track("diff", env={"COLUMNS": "80"}, check=True).stdout.decode()
    assert table(text, "outcome")["peak"] == ["memory", "1.0", "GiB", "2.0", "GiB"]
    environment = table(text, "environment")
    assert environment["python"] == ["3.11.7", "3.12.1"]
    assert environment["gpu"] == ["NVIDIA", "A100", "2x", "NVIDIA", "H100"]
    assert environment["torch"] == ["2.2.0", "2.3.1"]
    assert table(text, "package") == {"jax": ["-", "0.4.30"], "torch": ["2.2.0", "2.3.1"],
                                      "tqdm": ["4.66.0", "-"]}
    assert table(text, "input") == {"data.csv": ["aaaa1111", "dddd2222"]}
    assert table(text, "weights") == {"model.pt": ["bbbb", "eeee"]}  # plots are not weights
    assert "param" not in text and "metric" not in text
    data = track_json("diff")
    assert {row["name"]: row["change"] for row in data["environment"]["packages"]} == {
        "jax": [None, "added"], "torch": [None, "changed"], "tqdm": [None, "removed"]}


def test_three_runs_one_column_each_against_the_baseline(tmp_path: Path) -> None:
    ids = [record(tmp_path, f"val_loss={loss}", "--param", f"lr={lr}")
           for loss, lr in ((0.5, 0.1), (0.4, 0.2), (0.6, 0.3))]
    text = track("diff", *ids, env={"COLUMNS": "80"}, check=True).stdout.decode()
    assert text.startswith(f"diff of {ids[1]}, {ids[2]} against {ids[0]}\n")
    assert table(text, "param") == {"lr": ["0.1", "0.2", "0.3"]}
    assert table(text, "metric")["val_loss"] == ["↓", "last", "0.5", "0.4", "(-20.0%)", "0.6",
                                                 "(+20.0%)"]
    data = track_json("diff", *ids)
    assert data["baseline"] == ids[0] and [r["id"] for r in data["runs"]] == ids
    loss = data["metrics"][0]
    assert loss["last_verdict"] == ["same", "better", "worse"]
    assert set(data) >= {"command", "params", "metrics", "outcome", "code", "environment",
                         "data"}


def test_identical_runs_and_errors(tmp_path: Path) -> None:
    only = record(tmp_path, "acc=1")
    done = track("diff")
    assert (done.returncode, done.stderr) == (2, b"track: error: diff needs two runs; the "
                                                 b"store has 1\n")
    done = track("diff", only, "@")
    assert done.returncode == 2
    assert done.stderr == (f"track: error: diff needs different runs; {only}, @ name the same "
                           "run more than once\n").encode()
    record(tmp_path, "acc=1")
    assert track("diff", check=True).stdout.decode().endswith("\nno differences\n")
    done = track("diff", "nosuch", "@")
    assert done.returncode == 1 and done.stderr.startswith(b"track: error: no run matches")


def test_code_diff_piped_to_a_file_applies_with_git_apply(tmp_path: Path) -> None:
    """`track diff --code a b > x.patch`: the patch is printed exactly (not wrapped at 80
    columns, trailing spaces kept), so `git apply` takes it."""
    long_line = "x = " + " + ".join(str(i) for i in range(60)) + "  # long   \n"
    repo = make_repo(tmp_path / "repo", {"train.py": "print('hi')\n"})
    first = record(repo, "loss=0.5")
    (repo / "train.py").write_text("print('hi')\n" + long_line + "\tindented = 1 \n")
    git(repo, "commit", "-qam", "longer")
    second = record(repo, "loss=0.4")
    done = track("diff", first, second, "--code", env={"COLUMNS": "80"}, check=True)
    patch = tmp_path / "x.patch"
    patch.write_bytes(done.stdout)
    assert long_line.encode() in done.stdout.replace(b"\n+", b"\n")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    git(clone, "checkout", "-q", "HEAD~1")
    git(clone, "apply", str(patch))
    assert (clone / "train.py").read_text() == (repo / "train.py").read_text()
