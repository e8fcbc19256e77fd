"""The SQLite index: derived from the run folders, never stale, rebuilt when deleted, damaged
or of an older schema, safe under concurrent runs, and never the reason a listing fails."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import yaml
from conftest import py, start_track, track, track_json

from exptrack.index import RACY_S
from exptrack.indexdb import SCHEMA_VERSION, index_path
from exptrack.store import Store


def ls() -> dict[str, dict]:
    return {r["id"]: r for r in track_json("ls")}


def settle() -> None:
    """Let the files age past the racy window, so the index trusts their rows."""
    time.sleep(RACY_S + 0.2)


def database(store: Path) -> Path:
    return index_path(Store(store))


def trusted_ids(store: Path) -> set[str]:
    """The runs whose rows the index trusts (stats recorded, not racy)."""
    with sqlite3.connect(database(store)) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM runs WHERE length(stats) > 0")}


def record_runs(tmp_path: Path, *names: str) -> None:
    for name in names:
        done = track("run", "--name", name, "--", *py("print('loss=0.5 acc=0.75')"),
                     cwd=tmp_path)
        assert done.returncode == 0, done.stderr


def rewrite_in_place(path: Path, old: str, new: str) -> None:
    """Same size, same inode, same mtime: only the content (and ctime) change."""
    assert len(old) == len(new)
    before = path.stat()
    text = path.read_text()
    assert old in text
    with open(path, "r+") as handle:
        handle.write(text.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == \
        (before.st_size, before.st_mtime_ns, before.st_ino)


def test_the_database_lives_in_the_cache_folder_not_in_the_store(
        tmp_path: Path, track_home: Path) -> None:
    record_runs(tmp_path, "a")
    ls()
    db = database(track_home)
    assert db.is_file() and db.parent == Path(os.environ["TRACK_CACHE_DIR"]) / "index"
    assert {p.name for p in track_home.iterdir()} <= {".gitignore", "runs", "cache"}
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT name FROM runs").fetchall() == [("a",)]
    assert db.stat().st_mode & 0o077 == 0
    # The database of another schema version (an older track's) goes when a new one is
    # made; another store's or host's stays.
    older = db.with_name(db.name.replace(f".v{SCHEMA_VERSION}.", ".v1."))
    other_host = db.with_name(db.name.replace("-", "-x", 1).replace(f".v{SCHEMA_VERSION}.", ".v1."))
    for path in (older, Path(f"{older}-wal"), other_host):
        path.write_bytes(b"old")
    db.unlink()
    ls()
    assert db.is_file() and not older.exists() and not Path(f"{older}-wal").exists()
    assert other_host.exists()


def test_runs_added_changed_or_removed_behind_its_back_are_seen(tmp_path: Path,
                                                               track_home: Path) -> None:
    record_runs(tmp_path, "first", "second", "third")
    settle()
    runs = ls()
    assert sorted(r["name"] for r in runs.values()) == ["first", "second", "third"]
    assert trusted_ids(track_home) == set(runs)  # the index really serves these runs
    by_name = {r["name"]: Path(r["path"]) for r in runs.values()}

    # Added: a copy of a run folder under a new id.
    copy = track_home / "runs" / "0123abcd"
    shutil.copytree(by_name["first"], copy)
    record = yaml.safe_load((copy / "run.yaml").read_text())
    record.update(id="0123abcd", name="copied")
    (copy / "run.yaml").write_text(yaml.safe_dump(record))
    # Changed in place with the same size and mtime: a name and a metric.
    rewrite_in_place(by_name["second"] / "run.yaml", "name: second", "name: secnd2")
    rewrite_in_place(by_name["third"] / "summary.yaml", "last: 0.75", "last: 0.25")
    # Removed.
    shutil.rmtree(by_name["first"])

    # `show` first: it resolves before any `ls` refreshes the index.
    assert track("show", "second", "--json").returncode == 1
    assert track_json("show", "secnd2")["name"] == "secnd2"
    assert track_json("show", "third")["metrics"]["acc"]["last"] == 0.25
    assert track("show", "first", "--json").returncode == 1
    runs = ls()
    assert sorted(r["name"] for r in runs.values()) == ["copied", "secnd2", "third"]
    third = next(r for r in runs.values() if r["name"] == "third")
    assert third["metrics"]["acc"]["last"] == 0.25


def test_a_name_edited_by_hand_is_resolved_with_no_new_run(tmp_path: Path,
                                                          track_home: Path) -> None:
    """`show NAME` resolves from the index without a scan while no run was added or
    removed: a run renamed by hand (in place) must still be found under its new name and
    no longer under its old one."""
    record_runs(tmp_path, "old", "other")
    settle()
    ls()  # the index is whole and the runs folder noted
    folder = next(Path(r["path"]) for r in ls().values() if r["name"] == "old")
    rewrite_in_place(folder / "run.yaml", "name: old", "name: new")
    assert track("show", "old", "--json").returncode == 1
    assert track_json("show", "new")["id"] == folder.name
    assert track_json("show", "@1")["name"] == "new"


def test_tags_edited_by_hand_list_correctly_at_once(tmp_path: Path, track_home: Path) -> None:
    record_runs(tmp_path, "a", "b")
    settle()
    assert [r["tags"] for r in track_json("ls")] == [[], []]
    folder = next(Path(r["path"]) for r in ls().values() if r["name"] == "a")
    record = yaml.safe_load((folder / "run.yaml").read_text())
    record["tags"] = ["baseline", "good"]
    (folder / "run.yaml").write_text(yaml.safe_dump(record))
    assert [r["name"] for r in track_json("ls", "--where", "tag=baseline")] == ["a"]
    assert {r["name"]: r["tags"] for r in track_json("ls")} == {"a": ["baseline", "good"],
                                                               "b": []}


def test_a_deleted_corrupt_or_older_schema_database_is_rebuilt(tmp_path: Path,
                                                               track_home: Path) -> None:
    record_runs(tmp_path, "a", "b")
    settle()
    expected = track("ls", "--json", check=True).stdout
    db = database(track_home)
    good = db.read_bytes()

    def older_schema() -> None:
        with sqlite3.connect(db) as conn:
            conn.execute("DELETE FROM runs")  # an old database would not know these runs
            conn.execute("PRAGMA user_version = 1")

    def damaged_pages() -> None:
        data = bytearray(good)
        data[4096:] = b"\xa5" * (len(data) - 4096)  # the header page intact, the rest not
        db.write_bytes(bytes(data))

    for damage in (lambda: db.unlink(), lambda: db.write_bytes(b"\x00garbage\xff" * 500),
                   lambda: db.write_bytes(b""), older_schema, damaged_pages):
        for extra in ("-wal", "-shm"):
            Path(f"{db}{extra}").unlink(missing_ok=True)
        damage()
        done = track("ls", "--json")
        assert done.returncode == 0 and done.stderr == b"", done.stderr
        assert done.stdout == expected
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert trusted_ids(track_home) == {r["id"] for r in json.loads(expected)}


def test_values_json_cannot_hold_are_still_listed(tmp_path: Path, track_home: Path) -> None:
    record_runs(tmp_path, "dated")
    run_dir = next((track_home / "runs").iterdir())
    # A hand-edited params.yaml with a date.
    (run_dir / "params.yaml").write_text("day: 2024-01-31\nlr: 0.1\n")
    settle()
    for _ in range(2):
        (run,) = ls().values()
        assert run["params"] == {"day": "2024-01-31", "lr": 0.1}


def test_a_running_run_that_crashes_is_seen_live(tmp_path: Path, track_home: Path) -> None:
    recorder = start_track("run", "--", *py("import time; print('go', flush=True); time.sleep(60)"),
                           cwd=tmp_path, stderr=subprocess.DEVNULL)
    try:
        assert recorder.stdout is not None
        assert recorder.stdout.readline() == b"go\n"
        settle()
        (run,) = ls().values()
        assert run["status"] == "running"
        assert trusted_ids(track_home) == {run["id"]}  # held while running
        child = yaml.safe_load((Path(run["path"]) / "run.yaml").read_text())["child_pid"]
        recorder.send_signal(signal.SIGKILL)
        recorder.wait(10)
        os.kill(child, signal.SIGKILL)
        assert track_json("show", run["id"][:4])["status"] == "crashed"
        (run,) = ls().values()
        assert run["status"] == "crashed"
        assert [r["id"] for r in track_json("ls", "--where", "status=crashed")] == [run["id"]]
    finally:
        if recorder.poll() is None:
            recorder.kill()
            recorder.wait()


def test_concurrent_runs_and_listings_never_corrupt_it(tmp_path: Path,
                                                       track_home: Path) -> None:
    record_runs(tmp_path, "seed")
    ls()
    runs = [start_track("run", "--name", f"r{i}", "--",
                        *py("import time\nfor i in range(20):\n print(f'loss={i}')\n"
                            " time.sleep(0.02)"), cwd=tmp_path) for i in range(4)]
    listers = [subprocess.Popen(
        [sys.executable, "-c", "import subprocess, sys\nfor _ in range(6):\n"
         " done = subprocess.run([sys.argv[1], 'ls', '--json'], capture_output=True)\n"
         " assert done.returncode == 0 and not done.stderr, done.stderr\n",
         shutil.which("track") or "track"], stderr=subprocess.PIPE) for _ in range(2)]
    for proc in runs:
        proc.communicate(timeout=60)
        assert proc.returncode == 0
    for lister in listers:
        _, err = lister.communicate(timeout=120)
        assert lister.returncode == 0, err.decode()
    with sqlite3.connect(database(track_home)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    listed = track_json("ls")
    assert sorted(r["name"] for r in listed) == ["r0", "r1", "r2", "r3", "seed"]
    assert all(r["status"] == "completed" and r["metrics"]["loss"]["last"] == 19
               for r in listed if r["name"] != "seed")


def test_damaged_or_unreadable_run_folders_never_break_listing_others(
        tmp_path: Path, track_home: Path) -> None:
    record_runs(tmp_path, "good", "garbage", "folder")
    settle()
    folders = {r["name"]: Path(r["path"]) for r in ls().values()}
    (folders["garbage"] / "run.yaml").write_bytes(b"\xff\x00: [unclosed\n")
    (folders["garbage"] / "summary.yaml").write_text("metrics: 12\n")
    (folders["folder"] / "run.yaml").unlink()
    (folders["folder"] / "run.yaml").mkdir()  # reading it fails: not a file
    os.utime(folders["folder"], (1, 1))  # an old folder: not one being created
    (track_home / "runs" / "stray-file").write_text("not a run")
    for _ in range(2):  # from the folders, then from the index
        done = track("ls", "--json")
        assert done.returncode == 0, done.stderr
        listed = {Path(r["path"]).name: r for r in json.loads(done.stdout)}
        assert listed[folders["good"].name]["metrics"]["acc"]["last"] == 0.75
        assert listed[folders["good"].name]["damaged"] == []
        assert listed[folders["garbage"].name]["damaged"]
        assert listed[folders["folder"].name]["damaged"]
        assert len(listed) == 3
        assert track("ls").returncode == 0
        assert track_json("show", "good")["name"] == "good"


def test_best_ranks_by_a_summary_changed_behind_the_index(tmp_path: Path,
                                                           track_home: Path) -> None:
    record_runs(tmp_path, "oldest", "middle", "newest")
    settle()
    runs = ls()
    assert trusted_ids(track_home) == set(runs)
    oldest = next(Path(r["path"]) for r in runs.values() if r["name"] == "oldest")
    ranked = track_json("ls", "--best", "acc", "--desc")
    assert [r["best"]["value"] for r in ranked] == [0.75] * 3
    rewrite_in_place(oldest / "summary.yaml", "best: 0.75", "best: 0.99")
    ranked = track_json("ls", "--best", "acc", "--desc", "-n", "1")
    assert ranked[0]["name"] == "oldest" and ranked[0]["best"]["value"] == 0.99


def test_a_metric_added_behind_the_index_is_ranked(tmp_path: Path, track_home: Path) -> None:
    for name, line in (("older", "acc=0.5"), ("newer", "acc=0.5 f1=0.3")):
        track("run", "--name", name, "--", *py(f"print('{line}')"), cwd=tmp_path, check=True)
    settle()
    assert [r["name"] for r in track_json("ls", "--best", "f1", "--desc")] \
        == ["newer", "older"]
    older = next(Path(r["path"]) for r in ls().values() if r["name"] == "older")
    with open(older / "summary.yaml", "a") as handle:
        handle.write("  f1:\n    last: 0.9\n    min: 0.9\n    max: 0.9\n    count: 1\n")
    ranked = track_json("ls", "--best", "f1", "--desc")
    assert [(r["name"], r["best"]["value"]) for r in ranked] == [("older", 0.9),
                                                                   ("newer", 0.3)]


def test_a_locked_database_falls_back_to_the_folders(tmp_path: Path,
                                                     track_home: Path) -> None:
    record_runs(tmp_path, "a", "b")
    ls()
    conn = sqlite3.connect(database(track_home), isolation_level=None)
    try:
        conn.execute("BEGIN EXCLUSIVE")  # no other writer may start
        record_runs(tmp_path, "c")  # its row cannot be written: the run is not held up
        began = time.monotonic()
        assert sorted(r["name"] for r in track_json("ls")) == ["a", "b", "c"]
        assert time.monotonic() - began < 30
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    assert sorted(r["name"] for r in track_json("ls")) == ["a", "b", "c"]


def test_sql_answers_as_the_folders_do(tmp_path: Path, track_home: Path) -> None:
    """The listing's questions answered by SQL give what query.py gives over the folders
    (the index unusable: its cache folder is a file)."""
    specs = [("a", "lr=0.1", "acc=0.5 loss=2", ["x"]), ("b", "lr=0.01", "acc=0.9", []),
             ("c", "lr=big", "acc=nan loss=1", ["x", "y"]), ("d", "opt=sgd", "loss=3", ["y"]),
             ("e", "lr=0.01", "", [])]
    for name, param, line, tags in specs:
        tag_args = [arg for tag in tags for arg in ("--tag", tag)]
        track("run", "--name", name, "--param", param, *tag_args, "--",
              *py(f"print('{line}')"), cwd=tmp_path, check=True)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    questions = [[], ["--sort", "lr"], ["--sort", "lr", "--desc"], ["--sort", "acc"],
                 ["--sort", "loss.max", "--desc"], ["--sort", "name", "--asc"],
                 ["--sort", "tags"], ["--sort", "duration"], ["--where", "lr<0.05"],
                 ["--where", "lr!=0.01"], ["--where", "tag=x"], ["--where", "tag!=x"],
                 ["--where", "name=[ab]*"], ["--where", "acc>0.4", "--where", "lr=0.1"],
                 ["--where", "opt=none"], ["--best", "acc"], ["--best", "loss", "-n", "2"],
                 ["--best", "acc", "--asc"], ["--asc"], ["-n", "2"], ["--sort", "exit_code"],
                 ["--where", "dirty=false"], ["--where", "status=completed", "--sort", "opt"]]
    for args in questions:
        sql = track("ls", "--json", *args)
        folders = track("ls", "--json", *args, env={"TRACK_CACHE_DIR": str(blocked)})
        assert sql.returncode == folders.returncode == 0, (args, sql.stderr)
        assert json.loads(sql.stdout) == json.loads(folders.stdout), args
    for bad in (["--sort", "nope"], ["--best", "nope"], ["--where", "nope>1"]):
        sql, folders = track("ls", *bad), track("ls", *bad,
                                                env={"TRACK_CACHE_DIR": str(blocked)})
        assert sql.returncode == folders.returncode == 2
        assert sql.stderr == folders.stderr
    for ref in ("a", "@", "@3", "@9", "zzz", "b"):
        sql, folders = track("show", ref, "--json"), track(
            "show", ref, "--json", env={"TRACK_CACHE_DIR": str(blocked)})
        assert (sql.returncode, sql.stdout, sql.stderr) == \
            (folders.returncode, folders.stdout, folders.stderr), ref
