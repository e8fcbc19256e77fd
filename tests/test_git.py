"""Git state captured from real repositories made in tmp_path."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml
from conftest import git, make_repo, only_run, py, track, track_json


def run_in(repo: Path, code: str = "print('ok')") -> dict:
    done = track("run", "--", *py(code), cwd=repo)
    assert done.returncode == 0, done.stderr
    return track_json("show")


def test_outside_a_repo_records_no_repo(tmp_path: Path, track_home: Path) -> None:
    (tmp_path / "plain").mkdir()
    run = run_in(tmp_path / "plain")
    assert run["git"] == {"commit": None, "branch": None, "dirty": False}
    state = yaml.safe_load((only_run(track_home) / "git.yaml").read_text())
    assert state["repo"] is False and state["error"] is None


def test_clean_repo_commit_and_branch(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    run = run_in(repo)
    assert run["git"]["commit"] == git(repo, "rev-parse", "HEAD").strip()
    assert run["git"]["branch"] == "main"
    assert run["git"]["dirty"] is False
    assert not (only_run(track_home) / "git.patch").exists()


def test_dirty_repo_patch_replays_tracked_and_untracked_changes(tmp_path: Path,
                                                                 track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"train.py": "lr = 0.1\n", "data.bin": "x"})
    (repo / "train.py").write_text("lr = 0.2\n")
    (repo / "new_module.py").write_text("def f():\n    return 1")  # no final newline
    (repo / "weights.bin").write_bytes(b"\0\1\2binary")
    run = run_in(repo)
    assert run["git"]["dirty"] is True
    run_dir = only_run(track_home)
    patch = (run_dir / "git.patch").read_bytes()
    assert b"-lr = 0.1\n+lr = 0.2" in patch
    assert b"+def f():" in patch
    state = yaml.safe_load((run_dir / "git.yaml").read_text())
    assert sorted(state["untracked"]) == ["new_module.py", "weights.bin"]
    assert state["untracked_not_inlined"] == ["weights.bin"]
    # The patch is complete: applied to a clean checkout it reproduces the working tree.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    subprocess.run(["git", "apply", str(run_dir / "git.patch")], cwd=clone, check=True)
    assert (clone / "train.py").read_text() == "lr = 0.2\n"
    assert (clone / "new_module.py").read_text() == "def f():\n    return 1"


def test_repo_with_no_commits(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"train.py": "x = 1\n"}, commit=False)
    git(repo, "add", "train.py")
    run = run_in(repo)
    assert run["git"]["commit"] is None
    assert run["git"]["branch"] == "main"
    assert run["git"]["dirty"] is True
    assert b"+x = 1" in (only_run(track_home) / "git.patch").read_bytes()


def test_detached_head(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    commit = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "--detach")
    run = run_in(repo)
    assert run["git"]["commit"] == commit and run["git"]["branch"] is None
    assert yaml.safe_load((only_run(track_home) / "git.yaml").read_text())["detached"] is True


def test_remote_credentials_are_removed(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    git(repo, "remote", "add", "origin", "https://alice:s3cretpass@example.com/team/repo.git")
    run_in(repo)
    text = (only_run(track_home) / "git.yaml").read_text()
    assert "s3cretpass" not in text
    assert "https://alice:[REDACTED]@example.com/team/repo.git" in text


def test_store_inside_the_repo_never_makes_it_dirty(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    env = {k: v for k, v in os.environ.items() if k != "TRACK_HOME"}
    for _ in range(2):
        done = subprocess.run(["track", "run", "--", *py("print(1)")], cwd=repo, env=env,
                              capture_output=True, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr
    assert (repo / ".track" / ".gitignore").read_text().strip().endswith("*")
    assert git(repo, "status", "--porcelain") == ""
    runs = sorted((repo / ".track" / "runs").iterdir(), key=lambda p: p.stat().st_mtime)
    second = yaml.safe_load((runs[-1] / "git.yaml").read_text())
    assert second["dirty"] is False and second["untracked"] == []


def test_files_earlier_runs_wrote_into_the_repo_do_not_make_it_dirty(
        tmp_path: Path, track_home: Path) -> None:
    """A run writes checkpoints/model.pkl and results.txt into the repository: later runs
    are not dirty because of them (still listed), and `diff` sees no code change; a
    source file the user adds still makes a run dirty."""
    import json

    repo = make_repo(tmp_path / "repo", {"train.py": "print('loss=0.5')\n"})
    writer = ("import os, pickle\n"
              "os.makedirs('checkpoints', exist_ok=True)\n"
              "pickle.dump({'w': [1.0] * 10}, open('checkpoints/model.pkl', 'wb'))\n"
              "open('results.txt', 'w').write('acc 0.9\\n')\n")
    first = run_in(repo, writer)
    assert first["git"]["dirty"] is False
    second = run_in(repo)
    assert second["git"]["dirty"] is False, second["git"]
    state = yaml.safe_load((track_home / "runs" / second["id"] / "git.yaml").read_text())
    assert sorted(state["untracked"]) == ["checkpoints/model.pkl", "results.txt"]
    assert state["untracked_artifacts"] == ["results.txt"]
    assert not (track_home / "runs" / second["id"] / "git.patch").exists()
    done = track("diff", first["id"], second["id"], "--json", check=True)
    code = json.loads(done.stdout)["code"]
    assert not any(code[k]["differs"] for k in ("commit", "dirty", "patch")), code

    (repo / "results.txt").write_text("edited by hand\n")  # no longer what a run wrote
    (repo / "helper.py").write_text("def f():\n    return 1\n")
    third = run_in(repo)
    assert third["git"]["dirty"] is True
    patch = (track_home / "runs" / third["id"] / "git.patch").read_bytes()
    assert b"+def f():" in patch and b"+edited by hand" in patch
