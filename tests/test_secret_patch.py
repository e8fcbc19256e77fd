"""git.patch never holds a secret: code assigning a literal to a secret-named target,
config values under secret-named keys (flow mappings, block scalars, TOML tables), a
staged private key, a staged .netrc. Credential files are left out of the patch and named
in git.yaml; every other change still applies with real `git apply` on a clean clone."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import git, make_repo, only_run, py, track

from exptrack.capture.lineredact import redact_code_line, redact_config_line

SECRETS = {
    "annotated": "Annotated-Api-Key-Value-01",
    "environ": "Environ-Hf-Token-Value-02",
    "final": "Final-Db-Password-Value-03",
    "kwarg": "Kwarg-Client-Secret-Value-04",
    "flow": "Flow-Config-Secret-Value-05",
    "folded": "Folded-Config-Secret-Value-06",
    "toml": "Toml-Table-Secret-Value-07",
    "key_body": "MIIEowIBAAKCAQEAKeyBodyValue08",
    "netrc": "Netrc-Password-Value-09",
    "untracked_key": "MIIEpQIBAAKCAQEAUntrackedKey10",
    "shell": "Shell-Export-Secret-Value-11",
    "notebook": "Notebook-Cell-Secret-Value-13",
}
NOTEBOOK = json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
                                  "source": ["import wandb\n",
                                             f"wandb.login(key=\"{SECRETS['notebook']}\")\n",
                                             "lr = 0.1"]}],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
CHANGED = {
    "train.py": "import os\nfrom typing import Final\nLR = 0.1\n"
                f"api_key: str = \"{SECRETS['annotated']}\"\n"
                f"os.environ[\"HF_TOKEN\"] = \"{SECRETS['environ']}\"\n"
                f"DB_PASSWORD: Final = '{SECRETS['final']}'\n"
                f"client = make(client_secret=\"{SECRETS['kwarg']}\", timeout=3)\n"
                "tokenizer = load(\"bert-base-uncased\")\n",
    "cfg.yaml": "model: resnet\n"
                f"wandb: {{api_key: {SECRETS['flow']}, project: demo}}\n"
                f"hub:\n  token: >-\n    {SECRETS['folded']}\n    tail-part\n  repo: org/x\n",
    "settings.toml": f"[model]\ndepth = 18\n\n[secrets]\ndb = \"{SECRETS['toml']}\"\n",
    "run.sh": f"export WANDB_API_KEY={SECRETS['shell']}\npython train.py --lr 0.1\n",
}
PRIVATE_KEY = ("-----BEGIN OPENSSH PRIVATE KEY-----\n"
               f"{SECRETS['key_body']}\nb3BlbnNzaC1rZXktdjEAAAAA\n"
               "-----END OPENSSH PRIVATE KEY-----\n")


def dirty_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo", {
        "train.py": "import os\nfrom typing import Final\nLR = 0.1\n",
        "cfg.yaml": "model: resnet\n",
        "settings.toml": "[model]\ndepth = 18\n",
        "run.sh": "python train.py --lr 0.1\n",
        "README.md": "hello\n",
    })
    for name, content in CHANGED.items():
        (repo / name).write_text(content)
    (repo / "deploy_key").write_text(PRIVATE_KEY)  # no credential-like name: its content
    (repo / ".netrc").write_text(f"machine h login me password {SECRETS['netrc']}\n")
    git(repo, "add", "deploy_key", ".netrc")  # staged
    (repo / "backup_key").write_text(PRIVATE_KEY.replace(SECRETS["key_body"],
                                                         SECRETS["untracked_key"]))
    (repo / "notes.txt").write_text("an untracked note\n")
    (repo / "explore.ipynb").write_text(NOTEBOOK + "\n")
    return repo


def test_the_patch_holds_no_secret_and_still_applies(tmp_path: Path, track_home: Path) -> None:
    repo = dirty_repo(tmp_path)
    done = track("run", "--", *py("print('loss=1')"), cwd=repo)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    patch = (run_dir / "git.patch").read_bytes()
    found = {label: value for label, value in SECRETS.items() if value.encode() in patch}
    assert found == {}
    every_file = b"".join(p.read_bytes() for p in run_dir.rglob("*") if p.is_file())
    assert [v for v in SECRETS.values() if v.encode() in every_file] == []
    state = yaml.safe_load((run_dir / "git.yaml").read_text())
    assert set(state["left_out_of_patch"]) == {".netrc", "deploy_key", "backup_key"}
    assert state["dirty"] is True
    # Everything else is there, and applies to a clean clone of the commit.
    text = patch.decode()
    for kept in ("LR = 0.1", 'tokenizer = load("bert-base-uncased")', "project: demo",
                 "repo: org/x", "depth = 18", "an untracked note", "python train.py --lr 0.1"):
        assert kept in text, kept
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    applied = subprocess.run(["git", "apply", "--index", str(run_dir / "git.patch")],
                             cwd=clone, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    status = git(clone, "status", "--porcelain")
    assert {line[3:] for line in status.splitlines()} == {
        "train.py", "cfg.yaml", "settings.toml", "run.sh", "notes.txt", "explore.ipynb"}
    assert (clone / "train.py").read_text().count("[REDACTED]") == 4
    cell = json.loads((clone / "explore.ipynb").read_text())["cells"][0]["source"]
    assert cell == ["import wandb\n", 'wandb.login(key="[REDACTED]")\n', "lr = 0.1"]
    assert yaml.safe_load((clone / "cfg.yaml").read_text())["wandb"] == {
        "api_key": "[REDACTED]", "project": "demo"}
    show = track("show", cwd=repo, env={"COLUMNS": "250"})
    assert b"left out of the patch: .netrc, backup_key, deploy_key" in show.stdout


def test_a_committed_secret_in_the_hunk_header_is_redacted(tmp_path: Path,
                                                           track_home: Path) -> None:
    """git prints the enclosing line after a hunk's ``@@``: a committed password there
    is not copied either."""
    lines = "".join(f"  step {i}\n" for i in range(12))
    repo = make_repo(tmp_path / "repo", {"notes.txt": f"password=Header-Secret-12\n{lines}"})
    (repo / "notes.txt").write_text(f"password=Header-Secret-12\n{lines}  new: 1\n")
    assert b"@@ password=Header-Secret-12" in subprocess.run(["git", "diff"], cwd=repo,
                                                             capture_output=True).stdout
    track("run", "--", *py("pass"), cwd=repo, check=True)
    patch = (only_run(track_home) / "git.patch").read_bytes()
    assert b"new: 1" in patch and b"Header-Secret-12" not in patch


@pytest.mark.parametrize(("line", "secret"), [
    ('api_key: str = "S3cret-Value"', "S3cret-Value"),
    ('os.environ["HF_TOKEN"] = "S3cret-Value"', "S3cret-Value"),
    ("DB_PASSWORD: Final = 'S3cret-Value'", "S3cret-Value"),
    ('def connect(password: str = "S3cret-Value") -> None:', "S3cret-Value"),
    ('cfg = {"api_key": "S3cret-Value", "lr": 0.1}', "S3cret-Value"),
    ('if token == "S3cret-Value":', "S3cret-Value"),
    ('run(["python", "t.py", "--api-key", "S3cret-Value"])', None),
    ('cmd = "python t.py --api-key S3cret-Value"', "S3cret-Value"),
])
def test_code_lines(line: str, secret: str | None) -> None:
    out = redact_code_line(line)
    if secret is not None:
        assert secret not in out and "[REDACTED]" in out
    assert out.count('"') == line.count('"') and out.count("'") == line.count("'")


def test_code_lines_keep_what_is_not_secret() -> None:
    for line in ('tokenizer = AutoTokenizer.from_pretrained("bert-base")',
                 'key = os.environ["HF_TOKEN"]', 'print(f"token: {n}")',
                 'num_tokens = count("abc")', 'x = "unclosed \\" string'):
        assert redact_code_line(line) == line


@pytest.mark.parametrize(("line", "expected"), [
    ("wandb: {api_key: S3cret, project: p}", 'wandb: {api_key: "[REDACTED]", project: p}'),
    ('"password": "S3cret",', '"password": "[REDACTED]",'),
    ("PASSWORD=abc#def # note", 'PASSWORD="[REDACTED]" # note'),
    ("db_password = 1234", 'db_password = "[REDACTED]"'),
    ("token: null", "token: null"),
    ("credentials: [a, b]", 'credentials: "[REDACTED]"'),
])
def test_config_lines(line: str, expected: str) -> None:
    assert redact_config_line(line) == expected


def test_parsed_config_values_are_redacted_where_line_rules_cannot_see_them(
        tmp_path: Path, track_home: Path) -> None:
    """The secret sits under an innocent key (a YAML anchor the secret-named key aliases):
    only parsing the file says it is one. The file's name holds a space (git ends it with a
    tab in the patch)."""
    repo = make_repo(tmp_path / "repo", {"my cfg.yaml": "lr: 0.1\n"})
    (repo / "my cfg.yaml").write_text(
        "lr: 0.1\nshared: &s Anchored-Secret-Value-14\ndb:\n  password: *s\n")
    track("run", "--", *py("pass"), cwd=repo, check=True)
    run_dir = only_run(track_home)
    patch = (run_dir / "git.patch").read_text()
    assert "Anchored-Secret-Value-14" not in patch and "shared: &s [REDACTED]" in patch
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    subprocess.run(["git", "apply", str(run_dir / "git.patch")], cwd=clone, check=True)
    assert yaml.safe_load((clone / "my cfg.yaml").read_text())["db"] == {
        "password": "[REDACTED]"}
