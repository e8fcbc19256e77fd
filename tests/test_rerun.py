"""`track rerun` (--set, --exact), `track checkout`, and how `track run` ends: through the
installed `track`, with real git repositories."""

from __future__ import annotations

import json
import re
import shutil
import signal
import sys
from pathlib import Path
from typing import Any

import yaml
from conftest import git, make_repo, py, start_track, track, track_json

SCRIPT = ("import sys\nVERSION = 'one'\nprint('version', VERSION, *sys.argv[1:])\n"
          "for i in range(3):\n    print(f'epoch {i} val_acc={0.5 + i / 10}')\n")


def run_yaml(track_home: Path, run_id: str) -> dict[str, Any]:
    record: dict[str, Any] = yaml.safe_load((track_home / "runs" / run_id / "run.yaml").read_text())
    return record


def output(track_home: Path, run_id: str) -> str:
    return (track_home / "runs" / run_id / "output.log").read_text()


def test_rerun_set_changes_each_argv_style(tmp_path: Path, track_home: Path) -> None:
    (tmp_path / "train.py").write_text(SCRIPT)
    track("run", "--name", "base", "--", sys.executable, "train.py", "--lr", "0.1",
          "--batch-size=32", "opt.wd=0.01", "--amp", cwd=tmp_path, check=True)
    origin = track_json("show")["id"]

    done = track("rerun", "base", "--set", "lr=0.5", "--set", "batch_size=64",
                 "--set", "opt.wd=0.1", "--set", "amp=false", "--", "--seed", "2")
    assert done.returncode == 0, done.stderr
    new = track_json("show")
    assert new["id"] != origin and new["origin"] == origin
    assert new["command"] == [sys.executable, "train.py", "--lr", "0.5", "--batch-size=64",
                              "opt.wd=0.1", "--seed", "2"]
    assert new["cwd"] == str(tmp_path)
    # Parsed, not matched as text: an id of only digits (2% of ids) is written quoted.
    assert run_yaml(track_home, new["id"])["origin"] == origin
    assert "version one --lr 0.5 --batch-size=64 opt.wd=0.1 --seed 2" \
        in output(track_home, new["id"])
    assert new["params"]["lr"] == 0.5 and new["params"]["opt.wd"] == 0.1
    shown = track("show", check=True).stdout.decode()
    assert f"rerun of   {origin}" in shown, shown

    missing = track("rerun", "base", "--set", "momentum=0.9")
    assert missing.returncode == 2
    assert b"no parameter 'momentum'" in missing.stderr and b"--add" in missing.stderr
    plan = track_json("rerun", "base", "--set", "momentum=0.9", "--add", "--dry-run")
    assert plan["command"][-1] == "--momentum=0.9"  # the style of --batch-size=32
    assert plan["origin"] == origin


def make_history(tmp_path: Path) -> tuple[Path, str]:
    """A repo whose run ran 'one-patched' (commit 'one' + an uncommitted change and an
    untracked helper) and whose HEAD has since moved on to 'two'."""
    repo = make_repo(tmp_path / "repo", {"sub/train.py": SCRIPT})
    sub = repo / "sub"
    (sub / "train.py").write_text(SCRIPT.replace("'one'", "'one-patched'")
                                  + "import helper\n")
    (sub / "helper.py").write_text("print('helper here')\n")
    track("run", "--name", "orig", "--", sys.executable, "train.py", "--lr", "0.1",
          cwd=sub, check=True)
    run_id = track_json("show")["id"]
    (sub / "train.py").write_text(SCRIPT.replace("'one'", "'two'"))
    (sub / "helper.py").unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "two")
    return repo, run_id


def test_rerun_exact_runs_the_original_code_in_a_worktree(tmp_path: Path,
                                                          track_home: Path) -> None:
    repo, origin = make_history(tmp_path)
    plain = track("rerun", "orig")
    assert plain.returncode == 0
    assert "version two --lr 0.1" in output(track_home, track_json("show")["id"])

    done = track("rerun", "orig", "--exact", "--set", "lr=0.2")
    assert done.returncode == 0, done.stderr
    new = track_json("show")
    log = output(track_home, new["id"])
    assert "version one-patched --lr 0.2" in log and "helper here" in log
    assert new["origin"] == origin
    assert Path(new["cwd"]).name == "sub" and Path(new["cwd"]).parent.name == "repo"
    assert not Path(new["cwd"]).exists()  # the worktree is gone again
    assert git(repo, "worktree", "list", "--porcelain").count("worktree ") == 1
    assert new["git"]["commit"] == git(repo, "rev-parse", "HEAD~1").strip()

    # The re-run's own worktree is gone: its origin's repository serves instead.
    again = track("rerun", new["id"], "--exact")
    assert again.returncode == 0, again.stderr
    assert "version one-patched --lr 0.2" in output(track_home, track_json("show")["id"])
    track("rerun", new["id"], check=True)  # in the origin's working directory
    assert track_json("show")["cwd"] == str(repo / "sub")

    target = tmp_path / "code"
    out = track("checkout", "orig", str(target), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["cwd"] == str(target / "sub")
    assert "VERSION = 'one-patched'" in (target / "sub" / "train.py").read_text()
    assert (target / "sub" / "helper.py").read_text() == "print('helper here')\n"
    assert (repo / "sub" / "train.py").read_text() == SCRIPT.replace("'one'", "'two'")


def test_rerun_exact_says_why_the_code_cannot_be_had(tmp_path: Path,
                                                     track_home: Path) -> None:
    repo, origin = make_history(tmp_path)
    patch = track_home / "runs" / origin / "git.patch"
    patch.write_bytes(patch.read_bytes().replace(b"-VERSION = 'one'", b"-VERSION = 'zzz'"))
    bad = track("rerun", "orig", "--exact")
    assert bad.returncode == 1 and b"does not apply" in bad.stderr, bad.stderr
    assert git(repo, "worktree", "list", "--porcelain").count("worktree ") == 1
    assert len(track_json("ls")) == 1  # nothing was run

    shutil.rmtree(repo / ".git")
    gone = track("checkout", "orig", str(tmp_path / "code"))
    assert gone.returncode == 1 and b"not a git repository any more" in gone.stderr
    assert len(gone.stderr.splitlines()) == 1


END = re.compile(r"^track: ([0-9a-f]{8}) fast completed in [0-9.]+s · val_acc 0\.7 "
                 r"\(best 0\.7 @2\) · track show \1$")


def test_run_ends_with_a_summary_line(tmp_path: Path, track_home: Path) -> None:
    (tmp_path / "train.py").write_text(SCRIPT)
    done = track("run", "--name", "fast", "--", sys.executable, "train.py", cwd=tmp_path,
                 env={"NO_COLOR": "1"})
    last = done.stderr.decode().splitlines()[-1]
    assert END.match(last), last
    assert END.match(last).group(1) == track_json("show")["id"]  # type: ignore[union-attr]
    coloured = track("run", "--", *py("raise SystemExit(4)"), cwd=tmp_path,
                     env={"FORCE_COLOR": "1"})
    assert "\x1b[31mfailed (exit 4)\x1b[0m in" in coloured.stderr.decode()


def test_a_first_ctrl_c_says_what_the_next_one_does(tmp_path: Path) -> None:
    code = ("import signal, sys, time\n"
            "signal.signal(signal.SIGINT, lambda *a: sys.exit(5))\n"
            "print('ready', flush=True)\ntime.sleep(30)\n")
    proc = start_track("run", "--", *py(code), cwd=tmp_path)
    assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 5
    assert b"track: Ctrl-C passed on to the command; press it again within 5 s to " \
           b"terminate the command" in err
