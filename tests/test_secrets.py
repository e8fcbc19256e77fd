"""No secret reaches disk or output: secrets are planted everywhere a run is recorded from,
then the whole run folder and every inspecting command's output are searched for them.
Run folders are readable by their owner only unless the store says otherwise."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import git, make_repo, only_run, py, track, track_cmd, track_json

# Each value is distinctive, so a hit anywhere is a leak of that one secret.
ARGV_SECRETS = {
    "--api-key": "sk-proj-ArgvApiKey1234567890abcdef",
    "--token=": "ghp_ArgvToken1234567890abcdefABCDEF",
    "password=": "Hydra-Passw0rd-Value-77",
    "--wandb-key": "plain-looking-wandb-value-42",
    "positional": "hf_PositionalTokenShape1234567890ab",
}
PARAM_SECRETS = {
    "db.password": "Param-Db-Passw0rd-88",  # a config-file-like dotted key
    "optimizer.hub_token": "Param-Hub-Token-99",
    "init": "xoxb-SlackShapedValue-123456789",  # an innocent name, a secret shape
}
REMOTE_SECRETS = ("RemotePassw0rdValue55", "ghp_RemoteTokenOnly1234567890abcdefAB")
FILE_SECRETS = {
    "config.yaml (untracked)": "Config-Yaml-Api-Key-Value-11",
    "settings.json (tracked, changed)": "Settings-Json-Secret-22",
    ".env (untracked)": "DotEnv-Secret-Value-33",
    "train.py (code, token shape)": "sk-ant-CodeEmbeddedKey1234567890xyz",
}
NOTE_SECRET = "sk-live-NoteSecretValue1234567890"
# Environment variables, by name and by value shape. The environment capture (env.yaml)
# is merged separately: this test already searches whatever it records.
ENV_SECRETS = {
    "AWS_SECRET_ACCESS_KEY": "EnvAwsSecretValue0123456789",
    "MY_SERVICE_TOKEN": "EnvServiceTokenValue-66",
    "HARMLESS_NAME": "ghp_EnvValueShapedToken1234567890abcd",
}
ALL_SECRETS = [*ARGV_SECRETS.values(), *PARAM_SECRETS.values(), *REMOTE_SECRETS,
               *FILE_SECRETS.values(), NOTE_SECRET, *ENV_SECRETS.values()]
# Commands whose output must be free of secrets (diff compares a plain run with the
# run full of secrets, so every section of the secret one is shown).
INSPECT_COMMANDS: list[tuple[str, ...]] = [
    ("show", "--json"), ("show",), ("show", "--env"), ("show", "--patch"), ("show", "--log"),
    ("ls", "--json"), ("ls",), ("ls", "--csv"),
    ("diff", "@1", "@", "--json", "--all"), ("diff", "@1", "@", "--all", "--code"),
]


def record_a_run_full_of_secrets(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo", {
        "train.py": "print('loss=0.1')\n",
        "settings.json": '{"lr": 0.1}\n',
    })
    git(repo, "remote", "add", "origin",
        f"https://alice:{REMOTE_SECRETS[0]}@git.example.com/team/repo.git")
    git(repo, "remote", "add", "mirror", f"https://{REMOTE_SECRETS[1]}@github.com/team/r.git")
    (repo / "config.yaml").write_text(
        f"model: resnet\napi_key: {FILE_SECRETS['config.yaml (untracked)']}\nlr: 0.1\n")
    (repo / "settings.json").write_text(
        f'{{"lr": 0.1, "client_secret": "{FILE_SECRETS["settings.json (tracked, changed)"]}"}}\n')
    # A credential file: even a line no rule would call secret is never copied.
    (repo / ".env").write_text(f"DATABASE_URL=x\nAPP_ORG={FILE_SECRETS['.env (untracked)']}\n")
    (repo / "train.py").write_text(
        f"KEY_ID = '{FILE_SECRETS['train.py (code, token shape)']}'\nprint('loss=0.1')\n")
    # The command keeps its argv outside the store (to check it ran unredacted) and
    # prints no secret: output.log holds exactly what the command prints.
    seen = tmp_path / "argv.txt"
    code = (f"import sys; open({str(seen)!r}, 'w').write(chr(10).join(sys.argv));"
            "print('loss=0.1')")
    command = [*py(code), "--api-key", ARGV_SECRETS["--api-key"],
               f"--token={ARGV_SECRETS['--token=']}", f"password={ARGV_SECRETS['password=']}",
               "--wandb-key", ARGV_SECRETS["--wandb-key"], ARGV_SECRETS["positional"],
               "--config", "config.yaml", "--lr", "0.1"]
    params = [arg for key, value in PARAM_SECRETS.items()
              for arg in ("--param", f"{key}={value}")]
    done = track("run", "--note", f"rerun with {NOTE_SECRET}", *params, "--", *command,
                 cwd=repo, env=ENV_SECRETS)
    assert done.returncode == 0, done.stderr
    assert not any(s.encode() in done.stderr for s in ALL_SECRETS)
    assert seen.read_text().split("\n")[1:] == command[3:]  # the command got them all
    return repo


def find_leaks(track_home: Path, cwd: Path,
               commands: list[tuple[str, ...]] = INSPECT_COMMANDS) -> list[str]:
    """Every (secret, where) hit across the store's files and the inspecting commands."""
    surfaces: dict[str, bytes] = {}
    for path in track_home.rglob("*"):
        if path.is_file():
            surfaces[str(path.relative_to(track_home))] = path.read_bytes()
    for args in commands:
        done = track(*args, cwd=cwd)
        assert done.returncode == 0, (args, done.stderr)
        surfaces["track " + " ".join(args)] = done.stdout + done.stderr
    return [f"{secret} in {where}" for secret in ALL_SECRETS
            for where, data in surfaces.items() if secret.encode() in data]


def test_no_secret_reaches_the_run_folder_or_any_output(tmp_path: Path,
                                                        track_home: Path) -> None:
    (tmp_path / "plain").mkdir()
    track("run", "--", *py("print('loss=0.2')"), cwd=tmp_path / "plain", check=True)
    repo = record_a_run_full_of_secrets(tmp_path)
    assert find_leaks(track_home, repo) == []
    env = yaml.safe_load((Path(track_json("show", cwd=repo)["path"]) / "env.yaml").read_text())
    assert env["variables"]["AWS_SECRET_ACCESS_KEY"] == "[REDACTED]"  # recorded, redacted
    # ...and the record is still useful: names, non-secret values, the remote's host.
    run = track_json("show", cwd=repo)
    assert run["params"]["lr"] == 0.1 and run["params"]["db.password"] == "[REDACTED]"
    assert run["params"]["init"] == "[REDACTED]"
    assert "--api-key" in run["command"] and "[REDACTED]" in run["command"]
    run_dir = Path(run["path"])
    state = (run_dir / "git.yaml").read_text()
    assert "git.example.com/team/repo.git" in state and "alice" in state
    patch = (run_dir / "git.patch").read_text()
    assert "model: resnet" in patch and 'api_key: "[REDACTED]"' in patch
    assert '"client_secret": "[REDACTED]"' in patch
    assert "print('loss=0.1')" in patch
    assert ".env" in state  # listed as untracked, content not copied


def test_the_leak_finder_finds_a_leak(tmp_path: Path, track_home: Path) -> None:
    """The search above is real: a secret written into a run folder is found."""
    record_a_run_full_of_secrets(tmp_path)
    (only_run(track_home) / "notes.txt").write_text(ARGV_SECRETS["--api-key"])
    single_run_commands = [c for c in INSPECT_COMMANDS if c[0] != "diff"]
    assert find_leaks(track_home, tmp_path, single_run_commands) == [
        f"{ARGV_SECRETS['--api-key']} in runs/{only_run(track_home).name}/notes.txt"]


def modes_of(run_dir: Path) -> set[int]:
    return {stat.S_IMODE(p.stat().st_mode) for p in run_dir.rglob("*") if p.is_file()}


def run_with_umask(tmp_path: Path, umask: int) -> None:
    done = subprocess.run([*track_cmd(), "run", "--", *py("print('loss=1')"), "--lr", "1"],
                          cwd=tmp_path, capture_output=True, stdin=subprocess.DEVNULL,
                          preexec_fn=lambda: os.umask(umask), timeout=60)
    assert done.returncode == 0, done.stderr


def test_run_folders_are_private_by_default_whatever_the_umask(tmp_path: Path,
                                                               track_home: Path) -> None:
    run_with_umask(tmp_path, 0)
    run_dir = only_run(track_home)
    assert stat.S_IMODE(run_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((track_home / "runs").stat().st_mode) == 0o700
    assert modes_of(run_dir) == {0o600}
    names = {p.name for p in run_dir.iterdir()}
    assert {"run.yaml", "params.yaml", "output.log", "metrics.jsonl", "summary.yaml"} <= names


@pytest.mark.parametrize(("permissions", "dir_mode", "file_mode"),
                         [("group", 0o750, 0o640), ("public", 0o755, 0o644)])
def test_the_store_can_share_run_folders(tmp_path: Path, track_home: Path, permissions: str,
                                         dir_mode: int, file_mode: int) -> None:
    track_home.mkdir()
    (track_home / "store.yaml").write_text(f"permissions: {permissions}\n")
    run_with_umask(tmp_path, 0o077)  # even a strict umask does not cut the store's choice
    run_dir = only_run(track_home)
    assert stat.S_IMODE(run_dir.stat().st_mode) == dir_mode
    assert modes_of(run_dir) == {file_mode}
    track("reparse", run_dir.name, check=True)  # rewritten files keep the store's mode
    assert modes_of(run_dir) == {file_mode}
