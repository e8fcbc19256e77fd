"""Config files named on a command line: secrets are redacted by parsing the file (keys at
any depth, flow mappings, block scalars, TOML tables), never by line patterns alone; a
credential file or a file that cannot be parsed safely is fingerprinted, never copied or
read into params. Each case runs the installed `track` and searches the whole run folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import only_run, py, track
from hypothesis import given, settings
from hypothesis import strategies as st

from exptrack.capture.configfile import parse_text, redact_config
from exptrack.capture.configsnap import snapshot_text
from exptrack.capture.redact import REDACTED


def leaks(folder: Path, *secrets: str) -> list[str]:
    return [f"{secret} in {path.relative_to(folder)}" for path in folder.rglob("*")
            if path.is_file() for secret in secrets if secret.encode() in path.read_bytes()]


def run_with_config(tmp_path: Path, track_home: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text)
    done = track("run", "--", *py("print('ok')"), "--config", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return only_run(track_home)


# (file name, content, the secrets in it, what the parsed snapshot must still say)
CASES = [
    ("flow.yaml", "model: resnet\nwandb: {api_key: Flow-Mapping-Secret-1, project: p}\n",
     ["Flow-Mapping-Secret-1"], {"model": "resnet", "wandb": {"api_key": REDACTED,
                                                               "project": "p"}}),
    ("folded.yaml", "lr: 0.1\napi_key: >-\n  Folded-Secret-Part-A\n  Folded-Secret-Part-B\n",
     ["Folded-Secret-Part-A", "Folded-Secret-Part-B"], {"lr": 0.1, "api_key": REDACTED}),
    ("literal.yml", "lr: 0.1\nservice:\n  token: |-\n    Literal-Block-Secret-C\n"
                    "    second-line-D\n  url: http://example.com\n",
     ["Literal-Block-Secret-C", "second-line-D"],
     {"lr": 0.1, "service": {"token": REDACTED, "url": "http://example.com"}}),
    ("cfg.toml", "[model]\ndepth = 18\n\n[secrets]\ndb = \"Toml-Table-Secret-E\"\n"
                 "port = 5432\n\n[secrets.nested]\nx = \"Toml-Nested-Secret-F\"\n",
     ["Toml-Table-Secret-E", "Toml-Nested-Secret-F"],
     {"model": {"depth": 18}, "secrets": {"db": REDACTED, "port": REDACTED,
                                          "nested": {"x": REDACTED}}}),
    ("cfg.json", json.dumps({"optim": {"lr": 0.1}, "credentials": {
        "user": "bob-json-user", "keys": ["Json-List-Secret-G"]}}, indent=2),
     ["bob-json-user", "Json-List-Secret-G"],
     {"optim": {"lr": 0.1}, "credentials": {"user": REDACTED, "keys": [REDACTED]}}),
    ("anchors.yaml", "base: &b {password: Anchored-Secret-H}\nprod:\n  <<: *b\n  lr: 1\n",
     ["Anchored-Secret-H"], {"base": {"password": REDACTED},
                             "prod": {"password": REDACTED, "lr": 1}}),
]


@pytest.mark.parametrize(("name", "text", "secrets", "expected"), CASES,
                         ids=[case[0] for case in CASES])
def test_config_snapshot_is_redacted_by_parsing(tmp_path: Path, track_home: Path, name: str,
                                                text: str, secrets: list[str],
                                                expected: dict) -> None:
    run_dir = run_with_config(tmp_path, track_home, name, text)
    assert leaks(run_dir, *secrets) == []
    snapshot = (run_dir / "configs" / name).read_text()
    assert parse_text(snapshot, Path(name).suffix) == expected
    params = yaml.safe_load((run_dir / "params.yaml").read_text())
    assert all(v == REDACTED for k, v in params.items() if any(
        word in k for word in ("api_key", "token", "secrets", "credentials", "password")))


def test_a_config_without_secrets_keeps_its_layout_and_comments(tmp_path: Path,
                                                                track_home: Path) -> None:
    text = "# training setup\nmodel:\n  depth: 50   # deeper is slower\nlr: 0.1\n" \
           "# old: api_key: Commented-Out-Secret-I\n"
    run_dir = run_with_config(tmp_path, track_home, "plain.yaml", text)
    snapshot = (run_dir / "configs" / "plain.yaml").read_text()
    assert snapshot == text.replace("Commented-Out-Secret-I", REDACTED)


@pytest.mark.parametrize("name", ["secrets.yaml", "credentials.json", "credentials-prod.json"])
def test_a_credential_file_is_fingerprinted_never_read_or_copied(tmp_path: Path,
                                                                 track_home: Path,
                                                                 name: str) -> None:
    text = '{"db": "Credential-File-Secret-J", "host": "h"}\n'
    run_dir = run_with_config(tmp_path, track_home, name, text)
    assert leaks(run_dir, "Credential-File-Secret-J") == []
    assert not (run_dir / "configs").exists()
    inputs = yaml.safe_load((run_dir / "inputs.yaml").read_text())
    entry = next(e for e in inputs["inputs"] if e["path"] == name)
    assert entry["hash_method"] == "sha256" and len(entry["hash"]) == 64
    assert any("credential file" in e for e in inputs["errors"])
    assert "db" not in yaml.safe_load((run_dir / "params.yaml").read_text())  # not read


@pytest.mark.parametrize(("name", "text"), [
    ("bad.yaml", "api_key: [unclosed Unparsed-Secret-K\n"),
    ("bomb.yaml", "a: &a [Alias-Bomb-Secret-L, x, x, x, x, x, x, x, x, x]\n"
     + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10)
               + "]\n" for i in range(8))),
], ids=["malformed", "alias-bomb"])  # (ids: the test's id is in the environment it records)
def test_a_config_that_cannot_be_parsed_safely_is_fingerprinted(tmp_path: Path,
                                                                 track_home: Path, name: str,
                                                                 text: str) -> None:
    run_dir = run_with_config(tmp_path, track_home, name, text)
    assert not (run_dir / "configs").exists()
    inputs = yaml.safe_load((run_dir / "inputs.yaml").read_text())
    assert any(e.startswith(f"config {name}:") and "fingerprinted, not copied" in e
               for e in inputs["errors"])
    assert leaks(run_dir, "Unparsed-Secret-K") == []
    assert (run_dir / "params.yaml").stat().st_size < 10_000  # the aliases were not expanded


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["api_key", "password", "HF_TOKEN", "secret", "wandbApiKey"]),
       st.sampled_from(["{k}: {v}\n", "{k}: '{v}'\n", "x: {{{k}: {v}}}\n",
                        "{k}: |-\n  {v}\n", "{k}: >\n  {v}\n  {v}\n", "a:\n  b:\n    {k}: {v}\n",
                        "{k}:\n  - {v}\n", 'x: {{"{k}": "{v}"}}\n']),
       st.text(alphabet="abcdefXYZ0123456789-", min_size=12, max_size=30),
       st.sampled_from(["", "# note\n", "lr: 0.1\n", "list: [1, 2]\n"]))
def test_no_yaml_layout_keeps_a_secret_named_value(key: str, layout: str, value: str,
                                                   noise: str) -> None:
    text = noise + layout.format(k=key, v=value)
    data = parse_text(text, ".yaml")
    redacted = redact_config(data)
    snapshot = snapshot_text(text, ".yaml", data, redacted)
    assert snapshot is not None and value not in snapshot
    assert parse_text(snapshot, ".yaml") == redacted
