"""The command line as a user meets it: help, completions, errors, references."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import py, track, track_cmd, track_json

from exptrack.cli import app

COMPLETIONS = Path(__file__).parent.parent / "completions"


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_group(app)
    return sorted(group.commands)


def test_every_command_has_help_with_an_example() -> None:
    names = command_names()
    assert {"run", "ls", "show"} <= set(names)
    for name in names:
        done = track(name, "--help")
        assert done.returncode == 0, name
        assert b"Example" in done.stdout, f"`track {name} --help` has no example"


@pytest.mark.parametrize(("shell", "marker"), [
    ("bash", b"complete -o default -F _track_completion track"),
    ("zsh", b"#compdef track"),
    ("fish", b"complete --command track"),
])
def test_completion_scripts_are_current(shell: str, marker: bytes) -> None:
    done = subprocess.run([*track_cmd()], env={**os.environ, "_TRACK_COMPLETE": f"source_{shell}"},
                          capture_output=True, check=True)
    committed = (COMPLETIONS / f"track.{shell}").read_bytes()
    assert marker in committed, f"completions/track.{shell} is not a {shell} script"
    assert done.stdout == committed, (
        f"completions/track.{shell} is stale: regenerate with "
        f"`_TRACK_COMPLETE=source_{shell} track > completions/track.{shell}`")


def test_unknown_ref_is_one_line_and_exit_1(tmp_path: Path) -> None:
    track("run", "--", *py("pass"), cwd=tmp_path, check=True)
    done = track("show", "zzzz")
    assert done.returncode == 1
    assert done.stderr.decode().startswith("track: error: no run matches 'zzzz'")
    assert done.stderr.count(b"\n") == 1


def test_usage_error_exits_2(tmp_path: Path) -> None:
    done = track("run", "--param", "nonsense", "--", *py("pass"), cwd=tmp_path)
    assert done.returncode == 2
    assert b"KEY=VALUE" in done.stderr and b"Traceback" not in done.stderr
    assert track("ls", "--no-such-option").returncode == 2
    assert track("run").returncode == 2


def test_mistyped_run_option_is_a_usage_error_that_records_nothing(
        tmp_path: Path, track_home: Path) -> None:
    marker = tmp_path / "ran"
    done = track("run", "--nmae", "x", "--", *py(f"open({str(marker)!r}, 'w')"),
                 cwd=tmp_path)
    assert done.returncode == 2
    assert b"No such option: --nmae" in done.stderr and b"--name" in done.stderr
    assert not marker.exists()
    assert not (track_home / "runs").exists() or not any((track_home / "runs").iterdir())
    # The command's own options still pass through, with or without `--`.
    done = track("run", *py("import sys; print(sys.argv[1:])"), "--nmae", "-x",
                 cwd=tmp_path, check=True)
    assert done.stdout == b"['--nmae', '-x']\n"
    done = track("run", "--name", "a", "--", *py("import sys; print(sys.argv[1:])"),
                 "--name", "b", cwd=tmp_path, check=True)
    assert done.stdout == b"['--name', 'b']\n"
    assert track_json("show")["name"] == "a"


def test_refs_by_recency_name_and_prefix(tmp_path: Path) -> None:
    for name in ("first", "second", "third"):
        track("run", "--name", name, "--", *py("pass"), cwd=tmp_path, check=True)
    assert track_json("show")["name"] == "third"
    assert track_json("show", "@")["name"] == "third"
    assert track_json("show", "@1")["name"] == "second"
    assert track_json("show", "@2")["name"] == "first"
    assert track("show", "@3").returncode == 1
    first = track_json("show", "first")
    assert track_json("show", first["id"][:6])["id"] == first["id"]
    listed = track_json("ls")
    assert [r["name"] for r in listed] == ["third", "second", "first"]


def test_ambiguous_name_lists_candidates(tmp_path: Path) -> None:
    for _ in range(2):
        track("run", "--name", "same", "--", *py("pass"), cwd=tmp_path, check=True)
    done = track("show", "same")
    assert done.returncode == 1
    message = done.stderr.decode()
    assert "ambiguous" in message
    ids = [r["id"] for r in track_json("ls")]
    assert all(run_id in message for run_id in ids)


def test_ls_on_an_empty_store(tmp_path: Path) -> None:
    assert track_json("ls") == []
    done = track("ls")
    assert done.returncode == 0 and b"No runs yet" in done.stdout


def test_show_json_has_the_public_keys(tmp_path: Path) -> None:
    track("run", "--", *py("print('acc=0.5')"), cwd=tmp_path, check=True)
    run = track_json("show")
    for key in ("id", "name", "status", "exit_code", "command", "cwd", "started_at",
                "ended_at", "duration_s", "tags", "params", "metrics", "git", "path"):
        assert key in run, key
    assert set(run["metrics"]["acc"]) >= {"last", "min", "max", "count", "best"}
    assert set(run["git"]) >= {"commit", "branch", "dirty"}


def test_install_completion_installs_the_shell_named(tmp_path: Path) -> None:
    """`track --install-completion zsh` under bash installs the zsh script (typer detected
    the shell it ran under and installed the bash one)."""
    home = tmp_path / "home"
    env = {"HOME": str(home), "SHELL": "/bin/bash"}
    done = track("--install-completion", "zsh", env=env)
    assert done.returncode == 0, done.stderr
    script = (home / ".zfunc" / "_track").read_text()
    assert script.startswith("#compdef track") and "complete_zsh" in script
    assert "fpath+=~/.zfunc" in (home / ".zshrc").read_text()
    assert not (home / ".bash_completions").exists()
    shown = track("--show-completion=fish", env=env, check=True).stdout.decode()
    assert "complete_fish" in shown and "complete_bash" not in shown
    bad = track("--install-completion", "tcsh", env=env)
    assert bad.returncode == 2 and b"choose one of bash, zsh, fish" in bad.stderr


@pytest.mark.parametrize("args", [["ls"], ["ls", "--json"], ["ls", "--csv"], ["show"],
                                  ["show", "--log"], ["show", "--json"], ["show", "--env"],
                                  ["diff"], ["diff", "--code"]])
def test_a_closed_pipe_is_not_an_error(tmp_path: Path, args: list[str]) -> None:
    """`track ls | head -1`: the reader went away; track exits 0, silently."""
    for value in (1, 2):
        track("run", "--", *py(f"print('loss={value}')"), cwd=tmp_path, check=True)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write
    try:
        done = subprocess.run([*track_cmd(), *args], stdout=write_end,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=60)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, b"")
