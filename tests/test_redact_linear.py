"""Redaction runs in time linear in its input: adversarial 32 KB and 1 MB inputs (long
runs without ``=``, repeated prefixes, unclosed quotes, thousands of keys on one line)
through every redaction entry point finish well within a generous bound, and a real
`track run` starts its command promptly next to a long untracked line and ends promptly
with a long environment variable (both took minutes with backtracking patterns)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_repo, py, track

from exptrack.capture.configfile import redact_config
from exptrack.capture.lineredact import (
    redact_code_line,
    redact_config_line,
    redact_config_lines,
)
from exptrack.capture.patchredact import redact_patch
from exptrack.capture.redact import redact_argv, redact_environment, redact_text
from exptrack.render import visible

BOUND_S = 2.0  # generous: each case takes under 0.35 s of CPU time here (backtracking: minutes)
# One chunk of each shape; repeated to 32 KB and to 1 MB.
SHAPES = {
    "letters": "a",
    "dotted": "a.",
    "dashes": "-",
    "name-colon": "a: ",
    "schemes": "https://",
    "scheme-at": "x://@",
    "at-signs": "@",
    "quotes": 'a="',
    "escaped-quotes": '\\"',
    "begin": "-----BEGIN ",
    "end-after-begin": "-----END ",
    "brackets": "[ ",
    "keys": "api_key: x, ",
    "options": "--api-key ",
    "jwt-ish": "eyJa.",
    "controls": "\x1b]0;",
}


def _patch(line: str, name: str) -> bytes:
    return (f"diff --git a/{name} b/{name}\n--- a/{name}\n+++ b/{name}\n@@ -0,0 +1 @@\n+"
            f"{line}\n").encode()


ENTRY_POINTS: dict[str, Callable[[str], object]] = {
    "text": redact_text,
    "argv": lambda s: redact_argv(s.split(" ")),
    "environment": lambda s: redact_environment({"LONG_TOKEN": s, "LONG": s}),
    "code line": redact_code_line,
    "script line": lambda s: redact_code_line(s, code=False),
    "config line": redact_config_line,
    "config lines": lambda s: redact_config_lines(s, toml=True),
    "patch (code)": lambda s: redact_patch(_patch(s, "x.py")),
    "patch (config)": lambda s: redact_patch(_patch(s, "x.yaml")),
    "config data": lambda s: redact_config({"api_key": s, "x": [s, {"password": s}]}),
    "terminal": visible,
}


# At 1 MB, the shapes that were quadratic (or worse) before, and the busiest ones.
BIG_SHAPES = ("letters", "dotted", "name-colon", "quotes", "keys", "options", "begin",
              "schemes")


@pytest.mark.parametrize("size", [32 * 1024, 1024 * 1024], ids=["32KB", "1MB"])
@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
def test_every_redaction_is_linear_on_adversarial_input(entry: str, size: int) -> None:
    function = ENTRY_POINTS[entry]
    for shape, chunk in SHAPES.items():
        if size > 64 * 1024 and shape not in BIG_SHAPES:
            continue
        text = (chunk * (size // len(chunk) + 1))[:size]
        if shape == "end-after-begin":
            text = "-----BEGIN RSA PRIVATE KEY-----" + text
        began = time.process_time()  # this process's CPU time: other work on a busy
        function(text)  # machine (the suite's other worker) does not count against it
        took = time.process_time() - began
        assert took < BOUND_S, f"{entry} on {size // 1024} KB of {shape!r}: {took:.2f}s"


def test_a_long_untracked_line_does_not_delay_the_command(tmp_path: Path,
                                                          track_home: Path) -> None:
    """The git step redacts untracked files before the command starts: a 120 KB line
    without ``=`` (20 s at 32 KB, minutes at 120 KB with the old patterns). The file
    stays under the 256 KB an untracked file is inlined up to."""
    repo = make_repo(tmp_path / "repo")
    (repo / "notes.txt").write_text("x" * 120_000 + "\n" + "a." * 60_000 + "\n")
    began = time.time()
    done = track("run", "--", *py("import time; print(time.time())"), cwd=repo, timeout=60)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.split()[-1]) - began < 15  # (interpreter starts included)


def test_a_long_environment_variable_does_not_stall_the_end(tmp_path: Path,
                                                            track_home: Path) -> None:
    """env.yaml redacts each variable after cutting it (was: minutes of CPU for a 100 KB
    value, before the cut)."""
    env = {"LONG_VALUE": "b" * 120_000, "LONG_DOTS": "a." * 60_000}
    began = time.monotonic()
    done = track("run", "--", *py("pass"), cwd=tmp_path, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - began < 20
    runs = list((track_home / "runs").iterdir())
    text = (runs[0] / "env.yaml").read_text()
    assert "more chars]" in text and os.environ.get("LONG_VALUE") is None
