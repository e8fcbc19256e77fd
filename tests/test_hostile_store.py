"""Damaged and hostile stores, for real: one bad run never breaks the others. A run folder
we may not read, a YAML alias bomb, a crashed run with a huge metrics.jsonl, oversized
cache files, a full disk, a store shared with a group, whatever the umask."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import only_run, py, track, track_cmd, track_json, unavailable
from test_faults import LOUD, LOUD_BYTES, LOUD_ENV, small_fs  # noqa: F401 - small_fs: a fixture

# Root ignores file modes: as root, `track` runs without the capabilities that let it
# (setpriv, util-linux), so modes apply to it as to any user.
_BYPASS = "-dac_override,-dac_read_search,-fowner"


def as_user(*args: str, cwd: Path | None = None, umask: int | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """`track ARGS` as a process that file modes apply to."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test file modes as root"
        prefix = [setpriv, f"--inh-caps={_BYPASS}", f"--bounding-set={_BYPASS}"]

    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run([*prefix, *track_cmd(), *args], cwd=cwd, capture_output=True,
                          stdin=subprocess.DEVNULL, timeout=timeout, preexec_fn=set_umask)


def ok(done: subprocess.CompletedProcess[bytes]) -> str:
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr + done.stdout
    return done.stdout.decode()


def record(tmp_path: Path, name: str, code: str = "print('loss=0.5 acc=0.75')") -> str:
    done = track("run", "--name", name, "--", *py(code), "--lr", "0.1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return str(track_json("show", name)["id"])


def test_a_run_folder_we_may_not_read_is_listed_and_the_rest_served(
        tmp_path: Path, track_home: Path) -> None:
    good, other, private = (record(tmp_path, name) for name in ("good", "other", "private"))
    time.sleep(2.2)  # past the index's racy window: the index holds all three
    ok(track("ls"))
    folder = track_home / "runs" / private
    folder.chmod(0)  # another user's private run in a shared store
    try:
        listed = {run["id"]: run for run in json.loads(ok(as_user("ls", "--json")))}
        assert listed[good]["status"] == "completed" and listed[good]["params"]["lr"] == 0.1
        assert listed[private]["status"] == "unknown"
        assert listed[private]["damaged"] == ["run folder cannot be read: permission denied"]
        table = ok(as_user("ls"))
        assert good in table and private in table
        assert f"1 run damaged or cut short: {private} (run folder cannot be read" in table
        assert json.loads(ok(as_user("show", "good", "--json")))["metrics"]["loss"]["last"] \
            == 0.5
        assert "loss" in ok(as_user("show", good))
        shown = json.loads(ok(as_user("show", private, "--json")))
        assert shown["status"] == "unknown"
        assert shown["damaged"] == ["run folder cannot be read: permission denied"]
        assert "permission denied" in ok(as_user("show", private))
        compared = json.loads(ok(as_user("diff", good, other, "--json")))
        assert [run["id"] for run in compared["runs"]] == [good, other]
        ok(as_user("diff", good, private))
    finally:
        folder.chmod(0o700)
    # Never cached as unreadable: readable again, it is listed as it is.
    assert {run["id"]: run for run in json.loads(ok(as_user("ls", "--json")))}[private][
        "status"] == "completed"


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]"
              for i in range(1, levels)]
    return "\n".join(lines) + "\n"  # 9**9 (387 million) strings in 500 bytes


def test_yaml_aliases_are_read_in_bounded_time_and_memory(tmp_path: Path,
                                                          track_home: Path) -> None:
    bombed, other = record(tmp_path, "bombed"), record(tmp_path, "other")
    folder = track_home / "runs" / bombed
    (folder / "params.yaml").write_text(_alias_bomb())
    (folder / "env.yaml").write_text(_alias_bomb())
    (folder / "git.yaml").write_text("a: &a [*a]\n")  # a recursive alias
    began = time.monotonic()
    shown = track("show", "bombed", "--json", timeout=60)
    assert len(ok(shown)) < 100_000
    run = json.loads(shown.stdout)
    assert "params.yaml cannot be parsed: aliases expand to more than 100,000 values" \
        in run["damaged"]
    assert any(problem.startswith("git.yaml cannot be parsed") for problem in run["damaged"])
    assert run["env"] == {} and run["metrics"]["loss"]["last"] == 0.5
    ok(track("show", "bombed", timeout=60))
    assert len(ok(track("diff", bombed, other, "--json", timeout=60))) < 100_000
    listed = json.loads(ok(track("ls", "--json", timeout=60)))
    assert {r["id"] for r in listed} == {bombed, other}
    assert time.monotonic() - began < 30
    # Aliases that expand modestly are read as written.
    (folder / "params.yaml").write_text("base: &b {lr: 0.1, depth: 50}\nother: *b\n")
    assert track_json("show", "bombed")["params"] == {
        "base": {"lr": 0.1, "depth": 50}, "other": {"lr": 0.1, "depth": 50}}


_PEAK = ("import resource, subprocess, sys\n"
         "done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)\n"
         "sys.stdout.buffer.write(done.stdout)\n"
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, "
         "done.returncode, file=sys.stderr)\n")


def peak_mb(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """The peak memory (MB) of `track ARGS` in a process of its own, and its output."""
    done = subprocess.run([sys.executable, "-c", _PEAK, *track_cmd(), *args], cwd=cwd,
                          capture_output=True, timeout=300)
    peak, code = done.stderr.decode().split()[-2:]
    assert code == "0", done.stderr.decode()
    return int(peak), done.stdout.decode()


def crashed_run(track_home: Path, run_id: str, rows: int) -> Path:
    """A run whose recorder died (its pid is gone) with ``rows`` x 2 metric rows."""
    folder = track_home / "runs" / run_id
    folder.mkdir(parents=True)
    (folder / "run.yaml").write_text(yaml.safe_dump({
        "format": 1, "id": run_id, "status": "running", "command": ["python", "x.py"],
        "cwd": "/", "started_at": "2026-01-01T00:00:00+00:00", "pid": 2 ** 22 + 7}))
    with open(folder / "metrics.jsonl", "w") as handle:
        for i in range(rows):
            handle.write(f'{{"name": "loss", "value": {1 / (i + 1)!r}, "step": {i}, '
                         f'"time": 1.5}}\n{{"name": "acc", "value": {i / rows!r}, '
                         f'"step": {i}, "time": 1.5}}\n')
    return folder


def test_a_crashed_run_with_a_huge_metrics_file_is_summarized_once(
        tmp_path: Path, track_home: Path) -> None:
    record(tmp_path, "small")
    rows = 250_000  # 21 MB
    folder = crashed_run(track_home, "abcd0123", rows)
    peak, _ = peak_mb("ls")
    assert peak < 110, f"{peak} MB"  # streamed: not the whole file and its rows at once
    listed = {r["id"]: r for r in track_json("ls")}
    loss = listed["abcd0123"]["metrics"]["loss"]
    assert listed["abcd0123"]["status"] == "crashed"
    assert (loss["count"], loss["last"], loss["max"]) == (rows, 1 / rows, 1.0)
    # Kept: the next listing reads the kept summary, not metrics.jsonl (rewritten in place,
    # same size and mtime, the kept summary still speaks).
    assert (folder / "summary.rebuilt.json").is_file()
    source = folder / "metrics.jsonl"
    before = source.stat()
    with open(source, "r+b") as handle:
        handle.write(b'{"name": "loss", "value": 7.0, ')  # was '{"name": "loss", "value": 1.0, '
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert track_json("show", "abcd")["metrics"]["loss"]["max"] == 1.0
    # Changed for real: rebuilt.
    with open(source, "a") as handle:
        handle.write('{"name": "loss", "value": 0.25, "step": 9}\n')
    loss = track_json("show", "abcd")["metrics"]["loss"]
    assert (loss["count"], loss["last"], loss["max"]) == (rows + 1, 0.25, 7.0)
    # `show` draws its curves from the whole file, in bounded memory too.
    peak, out = peak_mb("show", "abcd")
    assert peak < 110, f"{peak} MB"
    assert "loss" in out and "▁" in out


def test_cache_files_over_their_bound_are_ignored_never_read_whole(
        tmp_path: Path, track_home: Path) -> None:
    good = record(tmp_path, "good")
    folder = crashed_run(track_home, "abcd0123", 10)
    with open(folder / "summary.rebuilt.json", "wb") as handle:
        handle.truncate(1024 ** 3)  # 1 GB (sparse): read whole, the listing would take it
    peak, out = peak_mb("ls", "--json")
    assert peak < 110, f"{peak} MB"
    listed = {r["id"]: r for r in json.loads(out)}
    assert listed[good]["metrics"]["loss"]["last"] == 0.5
    assert listed["abcd0123"]["metrics"]["loss"]["count"] == 10
    assert (folder / "summary.rebuilt.json").stat().st_size < 10_000  # rebuilt


def test_disk_full_show_ls_and_json_say_what_was_cut_and_where(
        tmp_path: Path, small_fs: Path) -> None:  # noqa: F811 - the fixture
    store = small_fs / "store"
    done = track("run", "--store", str(store), "--", *py(LOUD), cwd=tmp_path, env=LOUD_ENV)
    assert done.returncode == 0 and done.stdout == LOUD_BYTES
    run_dir = only_run(store)
    kept = {name: (run_dir / name).stat().st_size for name in ("output.log", "metrics.jsonl")}
    assert 0 < kept["output.log"] < len(LOUD_BYTES)
    run = json.loads(ok(track("show", "--store", str(store), "--json")))
    assert run["status"] == "completed"
    for name, size in kept.items():
        assert f"{name} cut at byte {size}: No space left on device" in run["warnings"]
    shown = ok(track("show", "--store", str(store)))
    assert f"output.log cut at byte {kept['output.log']}" in shown.replace("\n", " ")
    listed = ok(track("ls", "--store", str(store))).replace("\n", " ")
    assert f"{run['id']} (output.log cut at byte {kept['output.log']}" in listed
    assert json.loads(ok(track("ls", "--store", str(store), "--json")))[0]["warnings"] \
        == run["warnings"]


def test_a_run_started_on_a_full_store_says_it_is_not_recorded(
        tmp_path: Path, small_fs: Path) -> None:  # noqa: F811 - the fixture
    store = small_fs / "store"
    ok(track("run", "--store", str(store), "--", *py("print('loss=1.0')"), cwd=tmp_path))
    (first,) = (store / "runs").iterdir()
    with open(small_fs / "filler", "wb", buffering=0) as handle, \
            pytest.raises(OSError, match="No space left"):  # full to the last byte
        while True:
            handle.write(b"\0" * 4096)
    done = track("run", "--store", str(store), "--", *py("print('loss=0.5')"), cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == b"loss=0.5\n"
    warnings = [line for line in done.stderr.decode().splitlines() if line.startswith("track")]
    assert len(warnings) == 1, warnings
    assert "cannot record the run" in warnings[0] and "No space left on device" in warnings[0]
    assert "without recording it" in warnings[0]
    assert list((store / "runs").iterdir()) == [first]  # no half run reading as crashed


def _modes(store: Path) -> dict[str, int]:
    found = {}
    for folder, dirs, files in os.walk(store):
        for name in ["", *dirs, *files]:
            path = Path(folder, name)
            found[str(path.relative_to(store))] = stat.S_IMODE(path.lstat().st_mode)
    return found


@pytest.mark.parametrize("umask", [0o000, 0o077])
@pytest.mark.parametrize(("setting", "run_mode", "store_mode"), [
    ("private", 0o700, 0o700), ("group", 0o750, 0o2770), ("public", 0o755, 0o2775)])
def test_store_folders_have_their_modes_whatever_the_umask(
        tmp_path: Path, umask: int, setting: str, run_mode: int, store_mode: int) -> None:
    store = tmp_path / "shared"
    store.mkdir()
    if setting != "private":
        (store / "store.yaml").write_text(f"permissions: {setting}\n")
    code = ("import os; os.makedirs('out/sub', exist_ok=True); "
            "open('out/sub/model.pt', 'w').write('w'); print('loss=0.5')")
    done = as_user("run", "--store", str(store), "--copy-artifacts", "--", *py(code),
                   cwd=tmp_path, umask=umask)
    ok(done)
    ok(as_user("ls", "--store", str(store), umask=umask))
    modes = _modes(store)
    world_writable = {path: oct(mode) for path, mode in modes.items() if mode & 0o002}
    assert world_writable == {}
    run_dir = only_run(store)
    assert modes["."] & 0o777 == store_mode & 0o777
    assert modes["runs"] == store_mode
    assert modes[str(run_dir.relative_to(store))] == run_mode
    assert modes[str((run_dir / "artifacts" / "out" / "sub").relative_to(store))] == run_mode
    assert modes[str((run_dir / "run.yaml").relative_to(store))] == run_mode & 0o666


def test_a_group_store_is_usable_by_the_group(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        unavailable("giving the store to another user needs root")
    store = tmp_path / "shared"
    store.mkdir()
    (store / "store.yaml").write_text("permissions: group\n")
    ok(track("run", "--store", str(store), "--name", "theirs", "--", *py("print('loss=1')"),
             cwd=tmp_path))
    # The store and its run now belong to another member (uid 4242) of our group (gid 0).
    subprocess.run(["chown", "-R", "4242:0", str(store)], check=True)
    listed = json.loads(ok(as_user("ls", "--store", str(store), "--json")))
    assert [run["name"] for run in listed] == ["theirs"] and listed[0]["damaged"] == []
    assert json.loads(ok(as_user("show", "theirs", "--store", str(store), "--json")))[
        "metrics"]["loss"]["last"] == 1.0
    done = as_user("run", "--store", str(store), "--name", "mine", "--",
                   *py("print('loss=2')"), cwd=tmp_path)
    assert ok(done) == "loss=2\n" and b"warning" not in done.stderr
    listed = json.loads(ok(as_user("ls", "--store", str(store), "--json")))
    assert sorted(run["name"] for run in listed) == ["mine", "theirs"]
    mine = Path(next(run["path"] for run in listed if run["name"] == "mine"))
    assert mine.stat().st_gid == 0  # the store's group (setgid), whoever records
    # A member's index is their own (in their cache folder): never in the shared store.
    assert {p.name for p in store.iterdir()} <= {".gitignore", "runs", "cache", "store.yaml"}


def test_rows_in_the_recorder_layout_read_as_written(tmp_path: Path) -> None:
    from exptrack.jsonl import read_observations, read_rows
    from exptrack.metrics import Observation
    from exptrack.metrics.encode import RowWriter

    given = [Observation("loss", 0.5, 1, None), Observation("loss", float("nan"), 2, 1.5),
             Observation("é/x", 3.0, None, 2), Observation("acc", float("-inf"), 10**20, None),
             Observation("acc", 1e-300, None, None)]
    writer = RowWriter()
    data = (writer.rows(given[:2], 12.5) + writer.rows(given[2:], None, "f.csv")).encode()
    path = tmp_path / "metrics.jsonl"
    path.write_bytes(data)  # the recorder's layout only: one regex pass a block
    assert repr(read_observations(path)) == repr(given)
    assert [(r.time, r.src) for r in read_rows(path)] == [(12.5, None)] * 2 + [(None, "f.csv")] * 3
    # other layouts in the same file (a format-1 row, a row with spaces): line by line
    path.write_bytes(data + b'{"name": "a", "value": 1, "time": 3}\n[0, 7, 8]\n')
    assert repr(read_observations(path)) == repr(
        [*given, Observation("a", 1.0, None, None), Observation("loss", 7.0, 8, None)])
    assert read_rows(path)[-2].time == 3 and read_rows(path)[-1].src == "f.csv"
