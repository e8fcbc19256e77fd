"""argv: the value after a secret-named option is redacted whatever it looks like, and a
URL password holding ``@`` is redacted whole; ``--copy-artifacts`` never copies a
credential file, even one its glob names, and says so. Real `track run` processes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import only_run, py, track

from exptrack.capture.params import parse_params
from exptrack.capture.redact import REDACTED, redact_argv, redact_mapping, redact_text


def folder_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("value", ["AbC123=", "-AbCdEf0987", "lr=0.1", "=", "x:y@z", "-5"])
def test_the_value_after_a_secret_option_is_redacted_whatever_it_looks_like(
        tmp_path: Path, track_home: Path, value: str) -> None:
    secret = f"{value}Zq81"  # distinctive, keeps the leading shape
    done = track("run", "--", *py("print('ok')"), "--api-key", secret, "--lr", "0.5",
                 cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    assert b"Zq81" not in folder_bytes(run_dir)
    params = yaml.safe_load((run_dir / "params.yaml").read_text())
    assert params == {"api-key": REDACTED, "lr": 0.5}  # never a params *key*
    command = yaml.safe_load((run_dir / "run.yaml").read_text())["command"]
    assert command[-4:] == ["--api-key", REDACTED, "--lr", "0.5"]


def test_a_flag_named_like_a_secret_does_not_swallow_the_next_option() -> None:
    argv = ["python", "t.py", "--use-auth-token", "--epochs", "3", "--hf-token", "-x1"]
    assert redact_argv(argv) == ["python", "t.py", "--use-auth-token", "--epochs", "3",
                                 "--hf-token", REDACTED]
    assert redact_mapping(parse_params(argv)) == {"use-auth-token": True, "epochs": 3,
                                                  "hf-token": REDACTED}


def test_a_secret_named_param_of_zero_or_one_is_redacted(tmp_path: Path,
                                                         track_home: Path) -> None:
    """0 and 1 equal False and True in Python: they were kept as if they hid nothing."""
    done = track("run", "--param", "db_password=0", "--param", "use_auth=true", "--",
                 *py("pass"), "--pin-secret", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    params = yaml.safe_load((only_run(track_home) / "params.yaml").read_text())
    assert params == {"db_password": REDACTED, "use_auth": True, "pin-secret": REDACTED}


def test_a_url_password_with_an_at_sign_is_redacted_whole(tmp_path: Path,
                                                          track_home: Path) -> None:
    url = "postgres://u:p@ss-Zq82@db.example.com:5432/x"
    done = track("run", "--note", f"db {url}", "--", *py("pass"), "--db", url, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    data = folder_bytes(run_dir)
    assert b"Zq82" not in data and b"ss-Zq82" not in data
    assert b"postgres://u:[REDACTED]@db.example.com:5432/x" in data
    assert redact_text("a@b.c https://host/?to=a@b.c mailto:x") == \
        "a@b.c https://host/?to=a@b.c mailto:x"


def test_copy_artifacts_never_copies_a_credential_file(tmp_path: Path,
                                                       track_home: Path) -> None:
    code = ("import pathlib\n"
            "pathlib.Path('out').mkdir()\n"
            "pathlib.Path('out/model.pt').write_bytes(b'w')\n"
            "pathlib.Path('out/.env').write_text('TOKEN=Zq83')\n"
            "pathlib.Path('out/server.pem').write_text('Zq84')\n"
            "pathlib.Path('out/deploy').write_text("
            "'-----BEGIN RSA PRIVATE KEY-----\\nZq85\\n-----END RSA PRIVATE KEY-----\\n')\n")
    done = track("run", "--copy-artifacts", "--artifact", "out/*", "--artifact", "out/.env",
                 "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    assert (run_dir / "artifacts" / "out" / "model.pt").read_bytes() == b"w"
    data = folder_bytes(run_dir)
    assert [s for s in (b"Zq83", b"Zq84", b"Zq85") if s in data] == []
    listed = {a["path"]: a for a in
              yaml.safe_load((run_dir / "artifacts.yaml").read_text())["artifacts"]}
    for name in ("out/.env", "out/server.pem", "out/deploy"):
        assert listed[name]["copied"] is False and listed[name]["not_copied"] == \
            "credential file", name
    assert listed["out/model.pt"]["copied"] is True
    warning = done.stderr.decode()
    assert "not copying" in warning and "out/.env" in warning and "out/deploy" in warning
