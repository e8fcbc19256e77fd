"""Redaction by name and by value shape, in text, argv, mappings and environments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exptrack.capture.redact import (
    REDACTED,
    is_secret_name,
    redact_argv,
    redact_environment,
    redact_mapping,
    redact_text,
)

TOKENS = [
    "sk-proj-AbCdEfGhIjKlMnOpQrStUv123456",
    "sk-ant-api03-abcdefghijklmnopqrstuvwx",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
    "hf_abcdefghijklmnopqrstuvwxyzABCD",
    "xoxb-123456789012-123456789012-abcdefghij",
    "AKIAIOSFODNN7EXAMPLE",
    "glpat-abcdefghijklmnopqrst",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "sk_live_abcdefghijklmnop1234",
]


@pytest.mark.parametrize("token", TOKENS)
def test_token_shapes_are_redacted_anywhere_in_text(token: str) -> None:
    for text in (token, f"prefix {token} suffix", f"--key={token}", f"'{token}',"):
        out = redact_text(text)
        assert token not in out and REDACTED in out


def test_credentials_in_urls() -> None:
    assert redact_text("https://bob:hunter2@example.com/repo.git") == \
        f"https://bob:{REDACTED}@example.com/repo.git"
    assert "tok123456" not in redact_text("https://x-access-token:tok123456@github.com/a/b")
    assert redact_text("git@github.com:org/repo.git") == "git@github.com:org/repo.git"
    assert "0123456789abcdef0123" not in redact_text("https://0123456789abcdef0123@host/x")
    assert redact_text("postgres://u:pw@db:5432/x") == f"postgres://u:{REDACTED}@db:5432/x"


def test_inline_assignments_and_private_keys() -> None:
    assert redact_text("host=db password=hunter2 port=5") == \
        f"host=db password={REDACTED} port=5"
    assert "abc" not in redact_text('{"api_key": "abc", "lr": 1}')
    assert redact_text("Authorization: Bearer abc.def") == f"Authorization: {REDACTED}"
    assert redact_text("max_tokens=512 num_keys: 3") == "max_tokens=512 num_keys: 3"
    key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"
    assert "MIIEow" not in redact_text(f"key:\n{key}\n")


@pytest.mark.parametrize("name", ["API_KEY", "OPENAI_API_KEY", "HF_TOKEN", "DB_PASSWORD",
                                  "AWS_SECRET_ACCESS_KEY", "GITHUB_AUTH", "my.private_key",
                                  "SESSION_COOKIE", "api-key", "passwd", "SENTRY_DSN",
                                  "hfToken", "APIKEY", "wandbApiKey", "passwords",
                                  "Authorization", "client_secrets", "tls_cert"])
def test_secret_names(name: str) -> None:
    assert is_secret_name(name)


@pytest.mark.parametrize("name", ["PATH", "HOME", "PWD", "MAX_TOKENS", "max_new_tokens",
                                  "TOKENIZERS_PARALLELISM", "lr", "SSH_AUTH_SOCK",
                                  "XDG_SESSION_TYPE", "key_file", "GOOGLE_CREDENTIALS_PATH",
                                  "tokenizer", "tokenizer_name", "keypoints", "author",
                                  "uncertainty", "keyword", "monkeypatch"])
def test_names_that_are_not_secrets(name: str) -> None:
    assert not is_secret_name(name)


def test_argv_forms() -> None:
    argv = ["python", "train.py", "--api-key", "abc", "--token=xyz", "password=pw",
            "--hf-token", "hf_x", "--lr", "0.1", "--auth", "--verbose",
            "--url", "https://u:p@h/x"]
    out = redact_argv(argv)
    assert out == ["python", "train.py", "--api-key", REDACTED, f"--token={REDACTED}",
                   f"password={REDACTED}", "--hf-token", REDACTED, "--lr", "0.1", "--auth",
                   "--verbose", "--url", f"https://u:{REDACTED}@h/x"]


def test_mapping_and_environment() -> None:
    params = {"db.password": "pw", "lr": 0.1, "tokens": 5, "note": "ghp_" + "a" * 36,
              "auth": True, "keys": ["x"]}
    assert redact_mapping(params) == {"db.password": REDACTED, "lr": 0.1, "tokens": REDACTED,
                                      "note": REDACTED, "auth": True, "keys": REDACTED}
    env = redact_environment({"B_TOKEN": "t", "A": "x" * 5000, "URL": "https://a:b@c"})
    assert list(env) == ["A", "B_TOKEN", "URL"]
    assert env["B_TOKEN"] == REDACTED and env["URL"] == f"https://a:{REDACTED}@c"
    assert len(env["A"]) < 4200 and env["A"].endswith("more chars]")


@given(st.text(max_size=300), st.sampled_from(TOKENS), st.text(max_size=50))
def test_planted_token_never_survives(before: str, token: str, after: str) -> None:
    text = f"{before} {token} {after}"
    assert token not in redact_text(text)


@given(st.lists(st.text(max_size=40), max_size=12))
def test_redact_argv_never_raises_and_keeps_length(argv: list[str]) -> None:
    assert len(redact_argv(argv)) == len(argv)
