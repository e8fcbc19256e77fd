"""The derived listing index: never stale, never the only copy, rebuilt when lost or corrupt,
and never freezing a running run's liveness."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import yaml
from conftest import py, start_track, track, track_json

from exptrack.index import INDEX_NAME, LISTING_NAME, RACY_S, cached_stats


def ls() -> dict[str, dict]:
    return {r["id"]: r for r in track_json("ls")}


def settle() -> None:
    """Let the files age past the racy window, so the index trusts (caches) them."""
    time.sleep(RACY_S + 0.2)


def cached_ids(store: Path) -> set[str]:
    return set(cached_stats(store))


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


def test_runs_added_changed_or_removed_behind_its_back_are_seen(tmp_path: Path,
                                                               track_home: Path) -> None:
    record_runs(tmp_path, "first", "second", "third")
    settle()
    runs = ls()
    assert sorted(r["name"] for r in runs.values()) == ["first", "second", "third"]
    assert cached_ids(track_home) == set(runs)  # the index really serves these runs
    by_name = {r["name"]: Path(r["path"]) for r in runs.values()}

    # Added: a copy of a run folder under a new id.
    copy = track_home / "runs" / "0123abcd"
    shutil.copytree(by_name["first"], copy)
    (copy / LISTING_NAME).unlink()
    record = yaml.safe_load((copy / "run.yaml").read_text())
    record.update(id="0123abcd", name="copied")
    (copy / "run.yaml").write_text(yaml.safe_dump(record))
    # Changed in place with the same size and mtime: a name and a metric.
    rewrite_in_place(by_name["second"] / "run.yaml", "name: second", "name: secnd2")
    rewrite_in_place(by_name["third"] / "summary.yaml", "last: 0.75", "last: 0.25")
    # Removed.
    shutil.rmtree(by_name["first"])

    # `show` first: it resolves through run.yaml stats alone, before `ls` refreshes the index.
    assert track("show", "second", "--json").returncode == 1
    assert track_json("show", "secnd2")["name"] == "secnd2"
    assert track_json("show", "third")["metrics"]["acc"]["last"] == 0.25
    assert track("show", "first", "--json").returncode == 1
    runs = ls()
    assert sorted(r["name"] for r in runs.values()) == ["copied", "secnd2", "third"]
    third = next(r for r in runs.values() if r["name"] == "third")
    assert third["metrics"]["acc"]["last"] == 0.25


def test_a_deleted_or_corrupt_index_is_rebuilt(tmp_path: Path, track_home: Path) -> None:
    record_runs(tmp_path, "a", "b")
    settle()
    expected = track("ls", "--json", check=True).stdout
    index = track_home / INDEX_NAME
    good = index.read_bytes()
    magic, length = struct.unpack("<4sI", good[:8])
    header = marshal.loads(good[8:8 + length])
    body = good[8 + length:]

    def rebuilt(header: dict, body: bytes) -> bytes:
        data = marshal.dumps(header)
        return struct.pack("<4sI", magic, len(data)) + data + body

    # The stats still match: only the header's other columns, or the sections that are
    # decoded lazily, are bad.
    two = len(header["ids"])
    garbled_columns = rebuilt({**header, "started": [None] * two}, body)
    short_columns = rebuilt({**header, "status": ["completed"]}, body)
    garbled_body = rebuilt(header, bytes(len(body)))
    garbled_items = rebuilt(header, b"".join(
        marshal.dumps([("not", "a", "record")] * two) if name == "record" else
        marshal.dumps([b"\x00bad"] * two) for name in header["sections"]))
    cut = rebuilt(header, body[:len(body) // 2])
    for damage in (b"", b"\x00garbage\xff" * 100, good[:8] + b"\x00" * 50,
                   rebuilt({**header, "schema": "other"}, body),
                   rebuilt({**header, "ids": "x"}, body), garbled_columns, short_columns,
                   garbled_body, garbled_items, cut, None):
        if damage is None:
            index.unlink()
        else:
            index.write_bytes(damage)
        done = track("ls", "--json")
        assert done.returncode == 0 and done.stderr == b""
        assert done.stdout == expected
        assert len(cached_ids(track_home)) == 2


def test_stale_or_corrupt_listing_json_is_ignored(tmp_path: Path, track_home: Path) -> None:
    record_runs(tmp_path, "one", "two", "three")
    runs = ls()
    one, two, three = (next(Path(r["path"]) for r in runs.values() if r["name"] == name)
                       for name in ("one", "two", "three"))
    listing = json.loads((one / LISTING_NAME).read_text())
    assert listing["entry"][0][0] == one.name  # the run's id, first field of the record
    (two / LISTING_NAME).write_text("{not json")
    record = yaml.safe_load((one / "run.yaml").read_text())
    record["name"] = "renamed by hand"
    (one / "run.yaml").write_text(yaml.safe_dump(record))
    # Well-formed JSON, sources unchanged, but a start time listings cannot sort by.
    listing = json.loads((three / LISTING_NAME).read_text())
    listing["entry"][0][3] = 12345  # started_at
    (three / LISTING_NAME).write_text(json.dumps(listing))
    (track_home / INDEX_NAME).unlink(missing_ok=True)  # none yet: the runs are too young
    runs = ls()
    assert sorted(r["name"] for r in runs.values()) == ["renamed by hand", "three", "two"]
    assert all(isinstance(r["started_at"], str) for r in runs.values())


def test_values_the_caches_cannot_hold_are_still_listed(tmp_path: Path,
                                                        track_home: Path) -> None:
    record_runs(tmp_path, "dated")
    run_dir = next((track_home / "runs").iterdir())
    # A hand-edited params.yaml with a date: neither JSON nor marshal can store it.
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
        assert cached_ids(track_home) == {run["id"]}  # cached while running
        child = yaml.safe_load((Path(run["path"]) / "run.yaml").read_text())["child_pid"]
        recorder.send_signal(signal.SIGKILL)
        recorder.wait(10)
        os.kill(child, signal.SIGKILL)
        (run,) = ls().values()
        assert run["status"] == "crashed"
        assert track_json("show", run["id"][:4])["status"] == "crashed"
    finally:
        if recorder.poll() is None:
            recorder.kill()
            recorder.wait()


def test_concurrent_listings_never_corrupt_the_index(tmp_path: Path, track_home: Path) -> None:
    record_runs(tmp_path, *(f"r{i}" for i in range(4)))
    settle()
    expected = sorted(r["name"] for r in ls().values())
    (track_home / INDEX_NAME).unlink()
    writer = (
        "import sys\n"
        "from pathlib import Path\n"
        "from exptrack.index import INDEX_NAME, cached_stats\n"
        "from exptrack.store import Store\n"
        "store = Store(Path(sys.argv[1]))\n"
        "index = store.root / INDEX_NAME\n"
        "for _ in range(10):\n"
        "    index.unlink(missing_ok=True)\n"
        "    names = sorted(r.record.name for r in store.load_all())\n"
        f"    assert names == {expected!r}, names\n"
        "    for _ in range(5):\n"  # whoever's index is there now is whole
        "        if index.exists():\n"
        "            assert len(cached_stats(store.root)) in (0, 4)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", writer, str(track_home)],
                              stderr=subprocess.PIPE) for _ in range(6)]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
    assert cached_ids(track_home) == set(ls())
    assert not [p for p in track_home.iterdir() if p.name.endswith(".tmp")]


def test_damage_is_reported_by_show_and_ls_alike(tmp_path: Path, track_home: Path) -> None:
    record_runs(tmp_path, "hurt")
    run_dir = next((track_home / "runs").iterdir())
    (run_dir / "summary.yaml").write_text("metrics: [unclosed\n")
    shown = track_json("show", "hurt")
    listed = track_json("ls")
    assert shown["damaged"] == ["summary.yaml cannot be parsed"] == listed[0]["damaged"]
    assert shown["metrics"] == {} == listed[0]["metrics"]


def test_best_ranks_by_a_summary_changed_behind_the_index(tmp_path: Path,
                                                           track_home: Path) -> None:
    record_runs(tmp_path, "oldest", "middle", "newest")
    settle()
    runs = ls()
    assert cached_ids(track_home) == set(runs)
    oldest = next(Path(r["path"]) for r in runs.values() if r["name"] == "oldest")
    ranked = track_json("ls", "--best", "acc", "--desc")
    assert [r["best"]["value"] for r in ranked] == [0.75] * 3
    rewrite_in_place(oldest / "summary.yaml", "best: 0.75", "best: 0.99")
    ranked = track_json("ls", "--best", "acc", "--desc")
    assert ranked[0]["name"] == "oldest"
    assert [r["best"]["value"] for r in ranked] == [0.99, 0.75, 0.75]


def test_a_metric_added_behind_the_index_is_ranked(tmp_path: Path, track_home: Path) -> None:
    """A run whose summary.yaml gained a metric since the index was written (the index's
    column of that metric has nothing for it) is ranked by its new value."""
    for name, line in (("older", "acc=0.5"), ("newer", "acc=0.5 f1=0.3")):
        track("run", "--name", name, "--", *py(f"print('{line}')"), cwd=tmp_path, check=True)
    settle()
    assert [r["name"] for r in track_json("ls", "--best", "f1", "--desc")] \
        == ["newer", "older"]
    assert len(cached_ids(track_home)) == 2
    older = next(Path(r["path"]) for r in ls().values() if r["name"] == "older")
    with open(older / "summary.yaml", "a") as handle:
        handle.write("  f1:\n    last: 0.9\n    min: 0.9\n    max: 0.9\n    count: 1\n")
    ranked = track_json("ls", "--best", "f1", "--desc")
    assert [(r["name"], r["best"]["value"]) for r in ranked] == [("older", 0.9),
                                                                   ("newer", 0.3)]


def test_a_copied_store_lists_from_listing_json_while_the_bytes_match(
        tmp_path: Path, track_home: Path) -> None:
    """A copy of a store has new inodes and ctimes: listing.json is still used for a run
    whose files hold the same bytes, and not for a run whose files were edited."""
    record_runs(tmp_path, "kept", "edited")
    copy = tmp_path / "copy"
    shutil.copytree(track_home, copy)
    (copy / INDEX_NAME).unlink(missing_ok=True)
    folders = {r["name"]: copy / "runs" / r["id"] for r in ls().values()}
    # Mark the cached entry of "kept" (its digest still matches its unchanged files), so
    # the listing shows which path it took; "edited" gets the same mark and an edit.
    for name, folder in folders.items():
        listing = json.loads((folder / LISTING_NAME).read_text())
        listing["entry"][0][5] = f"{name} (from listing.json)"  # the record's name field
        (folder / LISTING_NAME).write_text(json.dumps(listing))
    record = yaml.safe_load((folders["edited"] / "run.yaml").read_text())
    record["name"] = "edited by hand"
    (folders["edited"] / "run.yaml").write_text(yaml.safe_dump(record))
    names = sorted(r["name"] for r in track_json("ls", "--store", str(copy)))
    assert names == ["edited by hand", "kept (from listing.json)"]


def test_a_rewritten_index_serves_every_run_from_its_own_sections(tmp_path: Path,
                                                                 track_home: Path) -> None:
    """Rewriting the index after a change copies the unchanged runs' items range by range:
    every section must still decode, and give each run its own values."""
    from exptrack.indexfile import open_index

    for n in range(5):
        track("run", "--name", f"r{n}", "--param", f"n={n}", "--",
              *py(f"print('acc={n / 10}')" + (f"; print('f1={n}')" if n % 2 else "")),
              cwd=tmp_path, check=True)
    settle()
    runs = ls()
    assert len(cached_ids(track_home)) == 5
    middle = next(Path(r["path"]) for r in runs.values() if r["name"] == "r2")
    shutil.rmtree(middle)  # the kept runs are now two ranges
    settle()
    assert len(ls()) == 4
    index = open_index(track_home / INDEX_NAME)
    assert index is not None and sorted(index.ids) == sorted(set(runs) - {middle.name})
    for name in index.sections:
        assert index.section(name) is not None, name
    for pos, run_id in enumerate(index.ids):
        expected = runs[run_id]
        record = marshal.loads(index.section("record")[pos])
        assert record[0] == run_id and index.names[pos] == expected["name"]
        assert marshal.loads(index.section("params")[pos]) == expected["params"]
        acc = index.section("m:acc")[pos]
        assert acc is not None and marshal.loads(acc)[0] == expected["metrics"]["acc"]["last"]
        f1 = index.section("m:f1")[pos]
        assert (f1 is None) == ("f1" not in expected["metrics"])
