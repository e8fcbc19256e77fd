"""Secrets planted in the environment, argv, a config file and a git remote never reach any
file of the run folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import git, make_repo, only_run, py, track

SECRETS = {
    "env_by_name": "plainsecretvalue0001",
    "env_by_shape": "ghp_" + "Q" * 36,
    "argv_option": "argvsecretvalue0002",
    "argv_equals": "argvsecretvalue0003",
    "argv_override": "argvsecretvalue0004",
    "argv_shape": "hf_" + "Z" * 30,
    "remote": "remotesecretpw0005",
    "config": "configsecretvalue0006",
    "config_nested": "configsecretvalue0007",
}


def grep_folder(folder: Path, needle: str) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file() and needle.encode() in path.read_bytes():
            hits.append(str(path.relative_to(folder)))
    return hits


def test_planted_secrets_never_reach_the_run_folder(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    git(repo, "remote", "add", "origin",
        f"https://alice:{SECRETS['remote']}@git.example.com/team/model.git")
    (repo / "cfg.yaml").write_text(
        "model:\n  depth: 50\n"
        f"wandb_api_key: {SECRETS['config']}\n"
        f"credentials:\n  user: bob\n  pw: {SECRETS['config_nested']}\n")
    # committed: an untracked file is inlined verbatim into git.patch (the git step's
    # business, out of this test's scope)
    git(repo, "add", "cfg.yaml")
    git(repo, "commit", "-q", "-m", "config")
    env = {"MY_SERVICE_API_KEY": SECRETS["env_by_name"], "INNOCENT": SECRETS["env_by_shape"]}
    code = "import os; open('model.pt', 'wb').write(b'w')"
    done = track("run", "--", *py(code), "--config", "cfg.yaml",
                 "--api-key", SECRETS["argv_option"], f"--token={SECRETS['argv_equals']}",
                 f"db.password={SECRETS['argv_override']}", SECRETS["argv_shape"],
                 cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    for name in ("env.yaml", "params.yaml", "run.yaml", "git.yaml", "inputs.yaml",
                 "artifacts.yaml", "configs/cfg.yaml"):
        assert (run_dir / name).is_file(), name
    hits = {label: grep_folder(run_dir, value) for label, value in SECRETS.items()}
    assert hits == {label: [] for label in SECRETS}
    # ... while the same run folder still says what was there
    text = (run_dir / "env.yaml").read_text()
    assert "MY_SERVICE_API_KEY: '[REDACTED]'" in text
    assert "depth: 50" in (run_dir / "configs" / "cfg.yaml").read_text()
    assert "git.example.com/team/model.git" in (run_dir / "git.yaml").read_text()
    grep = subprocess.run(["grep", "-r", SECRETS["env_by_name"], str(run_dir)],
                          capture_output=True)
    assert grep.returncode == 1  # grep found nothing
