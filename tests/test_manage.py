"""`track rm`/`restore`/`gc` and `tag`/`note`/`rename`, through the installed `track` on
real stores: the folder stays the truth, the index follows at once."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from conftest import py, start_track, track, track_json


def tree_digest(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every path under ``folder``: (mode, mtime_ns, sha256 of its bytes or '')."""
    found: dict[str, tuple[int, int, str]] = {}
    for path in sorted([folder, *folder.rglob("*")]):
        st = path.lstat()
        data = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        found[str(path.relative_to(folder))] = (st.st_mode, st.st_mtime_ns, data)
    return found


def record(tmp_path: Path, code: str, *options: str) -> str:
    track("run", *options, "--", *py(code), cwd=tmp_path)
    return str(track_json("show")["id"])


def ids(*args: str) -> list[str]:
    return [run["id"] for run in track_json("ls", *args)]


def test_rm_then_undo_restores_the_folder_byte_for_byte(tmp_path: Path,
                                                         track_home: Path) -> None:
    keep = record(tmp_path, "print('loss=1')", "--name", "keep")
    gone = record(tmp_path, "print('loss=0.5')\nprint('acc=0.9')", "--name", "gone",
                  "--tag", "x")
    folder = track_home / "runs" / gone
    before = tree_digest(folder)

    refused = track("rm", "gone")  # not a terminal, no -y: nothing is done
    assert refused.returncode == 2 and b"-y" in refused.stderr
    assert folder.is_dir()

    done = track("rm", "gone", "-y")
    assert done.returncode == 0, done.stderr
    assert gone in done.stdout.decode() and not folder.exists()
    assert ids() == [keep]
    assert track("show", gone).returncode == 1
    trashed = list((track_home / "trash").glob(f"*/{gone}"))
    assert len(trashed) == 1 and tree_digest(trashed[0]) == before

    back = track("rm", "--undo", "--json")
    assert back.returncode == 0, back.stderr
    assert [r["id"] for r in json.loads(back.stdout)["restored"]] == [gone]
    assert tree_digest(folder) == before
    assert ids() == [gone, keep]
    assert list((track_home / "trash").iterdir()) == []
    assert track("rm", "--undo").returncode == 1  # nothing left to undo


def test_rm_where_and_restore_by_name(tmp_path: Path, track_home: Path) -> None:
    ok = record(tmp_path, "print('loss=1')", "--name", "ok")
    bad = record(tmp_path, "raise SystemExit(3)", "--name", "bad")
    done = track("rm", "--where", "status=failed", "-y", "--json")
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in json.loads(done.stdout)["removed"]] == [bad]
    assert ids() == [ok]
    listed = track_json("restore")
    assert [r["id"] for r in listed] == [bad]
    assert track("restore", "bad").returncode == 0
    assert ids() == [bad, ok]


def test_rm_refuses_a_run_that_is_still_recording(tmp_path: Path, track_home: Path) -> None:
    proc = start_track("run", "--", *py("import time\nprint('up', flush=True)\n"
                                        "time.sleep(30)"), cwd=tmp_path)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"up\n"
        (running,) = track_json("ls")
        assert running["status"] == "running"
        done = track("rm", running["id"], "-y")
        assert done.returncode == 1 and b"still recording" in done.stderr
        assert b"--force" in done.stderr
        assert (track_home / "runs" / running["id"]).is_dir()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)


def test_gc_dry_run_shows_then_gc_deletes(tmp_path: Path, track_home: Path) -> None:
    good = record(tmp_path, "print('loss=1')")
    slow_fail = record(tmp_path, "import time\ntime.sleep(1.0)\nraise SystemExit(1)")
    quick_fail = record(tmp_path, "raise SystemExit(2)")
    track("run", "--", "no-such-command-here", cwd=tmp_path)
    never = track_json("show")["id"]
    trashed = record(tmp_path, "print('x')")
    track("rm", trashed, "-y", check=True)

    plan = track_json("gc", "--prune", "--under", "0.8", "--dry-run")
    assert plan["deleted"] is False
    assert [r["id"] for r in plan["trash"]] == [trashed]
    reasons = {r["id"]: r["reason"] for r in plan["pruned"]}
    assert set(reasons) == {quick_fail, never}, reasons
    assert reasons[never] == "the command never started"
    assert all((track_home / "runs" / i).is_dir() for i in (quick_fail, never))
    assert list((track_home / "trash").glob(f"*/{trashed}"))

    done = track("gc", "--prune", "--under", "0.8", "-y")
    assert done.returncode == 0, done.stderr
    assert b"Deleted 3 runs" in done.stdout
    assert sorted(ids()) == sorted([good, slow_fail])
    assert list((track_home / "trash").iterdir()) == []
    assert b"Nothing to delete" in track("gc", "-y").stdout


def show(ref: str) -> Any:
    return track_json("show", ref)


def test_tag_note_rename_are_listed_at_once(tmp_path: Path, track_home: Path) -> None:
    run_id = record(tmp_path, "print('loss=1')", "--name", "first", "--tag", "draft")
    track_json("ls")  # the index exists and holds the run's old row
    assert track_json("tag", "first", "+best", "-draft", "+cnn") == [
        {"id": run_id, "name": "first", "tags": ["best", "cnn"]}]
    assert track_json("ls")[0]["tags"] == ["best", "cnn"]
    assert ids("--where", "tag=best") == [run_id]
    assert ids("--where", "tag=draft") == []
    track("tag", run_id, "extra", check=True)  # bare words after the run: tags to add
    assert show(run_id)["tags"] == ["best", "cnn", "extra"]

    track("note", "first", "diverged at epoch 3", check=True)
    assert track_json("ls")[0]["note"] == "diverged at epoch 3"
    editor = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'a').write('more')\""
    track("note", "first", env={"EDITOR": editor, "VISUAL": ""}, check=True)
    assert show(run_id)["note"] == "diverged at epoch 3\nmore"
    track("note", "first", "", check=True)
    assert show(run_id)["note"] is None

    track("rename", "first", "resnet-lr0.01", check=True)
    assert track_json("ls")[0]["name"] == "resnet-lr0.01"
    assert show("resnet-lr0.01")["id"] == run_id
    assert track("show", "first").returncode == 1
    record_file = (track_home / "runs" / run_id / "run.yaml").read_text()
    assert "name: resnet-lr0.01" in record_file and "status: completed" in record_file


def test_rename_refuses_a_name_in_use_and_bad_names(tmp_path: Path, track_home: Path) -> None:
    first = record(tmp_path, "pass", "--name", "a")
    second = record(tmp_path, "pass", "--name", "b")
    taken = track("rename", "b", "a")
    assert taken.returncode == 1
    assert f"run {first}'s".encode() in taken.stderr
    assert f"track rename {first} ".encode() in taken.stderr
    assert show(second)["name"] == "b" and show(first)["name"] == "a"
    for bad in ("deadbeef", "@2", "x\x1b[2Jy"):
        done = track("rename", "b", "--", bad)
        assert done.returncode == 2, (bad, done.stderr)
        assert b"\x1b" not in done.stderr
    assert show(second)["name"] == "b"
    track("rename", "a", "a", check=True)  # its own name: nothing to do


def test_a_tag_given_while_the_run_records_survives_its_end(tmp_path: Path,
                                                            track_home: Path) -> None:
    proc = start_track("run", "--tag", "mine", "--", *py(
        "import time\nprint('up', flush=True)\ntime.sleep(1)\nprint('loss=1')"), cwd=tmp_path)
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"up\n"
    track("tag", "@", "+later", "-mine", check=True)
    track("note", "@", "noted while running", check=True)
    proc.communicate(timeout=30)
    assert proc.returncode == 0
    run = show("@")
    assert run["status"] == "completed"
    assert run["tags"] == ["later"] and run["note"] == "noted while running"


def test_rm_force_takes_a_running_run(tmp_path: Path, track_home: Path) -> None:
    proc = start_track("run", "--", *py("import time\nprint('up', flush=True)\n"
                                        "time.sleep(30)"), cwd=tmp_path)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"up\n"
        done = track("rm", "@", "-y", "--force")
        assert done.returncode == 0, done.stderr
        assert ids() == []
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.communicate(timeout=30)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and (track_home / "runs").exists() \
            and list((track_home / "runs").iterdir()):
        time.sleep(0.05)
    assert list((track_home / "runs").iterdir()) == []  # the recorder made no new folder
