"""Commands are shown shell-quoted in `show`, `ls` and `diff`, so they paste back."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

from conftest import track

CODE = "import sys; print('loss=0.5', sys.argv[1:])"


def test_commands_are_shown_shell_quoted_everywhere(tmp_path: Path) -> None:
    first = [sys.executable, "-c", CODE, "two words", "it's"]
    second = [sys.executable, "-c", CODE, "$HOME", "plain"]
    for command in (first, second):
        track("run", "--", *command, cwd=tmp_path, check=True)
    ids = [r["id"] for r in json.loads(track("ls", "--json", check=True).stdout)]

    show = track("show", ids[1], env={"COLUMNS": "300"}, check=True).stdout.decode()
    line = next(line for line in show.splitlines() if line.startswith("command"))
    assert shlex.split(line[len("command"):].strip()) == first, line

    listed = track("ls", "-c", "id,command", env={"COLUMNS": "300"},
                   check=True).stdout.decode().splitlines()
    rows = {row.split()[0]: row for row in listed[1:]}
    for run_id, command in zip(ids, (second, first), strict=True):
        shown = rows[run_id][len(run_id):].strip()
        if "…" not in shown:  # (a long path may be cut)
            assert shlex.split(shown) == command

    diff = json.loads(track("diff", ids[1], ids[0], "--json", check=True).stdout)
    assert [shlex.split(v) for v in diff["command"]["values"]] == [first, second]
    text = track("diff", ids[1], ids[0], env={"COLUMNS": "300"}, check=True).stdout.decode()
    assert shlex.join(first) in text and "'two words'" in text
