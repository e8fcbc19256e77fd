"""Bad input: output that is not text, a huge line, hostile names and refs, arguments that
look like track's own, YAML tags, and git in bad shape. Recording always works."""

from __future__ import annotations

import itertools
import json
import os
import re
import time
from pathlib import Path

import yaml
from conftest import git, make_repo, metric_rows, only_run, py, track, track_json

EXPTRACK = Path(__file__).resolve().parent.parent / "exptrack"


def test_binary_and_non_utf8_output_is_recorded_exactly_and_parsed(
        tmp_path: Path, track_home: Path) -> None:
    payload = (b"\xff\xfe loss=0.5 \x00\x00 acc=0.75\n"
               + bytes(range(256)) + b"\n"
               + "é✓ val_loss=1.5\n".encode("latin-1", "replace")
               + b"\x1b[31mtrain_loss=0.25\x1b[0m\r\n"
               + b"\x00" * 1000 + b"step=3 loss=0.125")  # no final newline
    code = f"import sys; sys.stdout.buffer.write({payload!r}); sys.stdout.flush()"
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout == payload  # the terminal still gets every byte
    assert (only_run(track_home) / "output.log").read_bytes() == payload
    metrics = track_json("show")["metrics"]
    assert metrics["loss"]["last"] == 0.125 and metrics["loss"]["count"] == 2
    assert metrics["acc"]["last"] == 0.75
    assert metrics["train_loss"]["last"] == 0.25


def test_huge_line_without_newline_keeps_the_recorder_small(tmp_path: Path,
                                                           track_home: Path) -> None:
    """64 MiB on one line, written in 1 MiB pieces: recorded byte for byte, and the
    recorder's peak RSS (read by the command from /proc/<parent>/status) stays small."""
    size_mib = 64
    hwm = tmp_path / "hwm"
    code = ("import os, sys\nblock = b'x' * (1 << 20)\n"
            f"for _ in range({size_mib}): sys.stdout.buffer.write(block)\n"
            "sys.stdout.buffer.write(b' loss=0.5')\nsys.stdout.flush()\n"
            "import time; time.sleep(0.5)\n"  # let the recorder take in the tail
            "status = open(f'/proc/{os.getppid()}/status').read()\n"
            f"open({str(hwm)!r}, 'w').write(status.split('VmHWM:')[1].split()[0])\n")
    done = track("run", "--", *py(code), cwd=tmp_path)
    assert done.returncode == 0
    expected_size = size_mib * (1 << 20) + len(b" loss=0.5")
    assert len(done.stdout) == expected_size
    log = only_run(track_home) / "output.log"
    assert log.stat().st_size == expected_size
    with open(log, "rb") as handle:
        handle.seek(-len(b"x loss=0.5"), os.SEEK_END)
        assert handle.read() == b"x loss=0.5"
    log.unlink()
    peak_kib = int(hwm.read_text())
    print(f"recorder peak RSS: {peak_kib} KiB")
    assert peak_kib < 100 * 1024, f"recorder peak RSS {peak_kib} KiB"


def test_hostile_names_stay_names(tmp_path: Path, track_home: Path) -> None:
    cwd = tmp_path / "work"
    cwd.mkdir()
    names = {
        "../../x\n\x1b[31mred\x1b[0m\x07\tend": "../../x [31mred [0m end",
        "évaluation ✓ 模型 👨‍👩‍👧": "évaluation ✓ 模型 👨‍👩‍👧",
        "abc\u202eexe" + "n" * 5000: ("abc exe" + "n" * 5000)[:200],
    }
    for given in names:
        done = track("run", "--name", given, "--tag", given, "--", *py("pass"), cwd=cwd)
        assert done.returncode == 0, done.stderr
    runs = track_json("ls")
    assert sorted(r["name"] for r in runs) == sorted(names.values())
    for run in runs:
        assert run["tags"] == [run["name"]]
        assert Path(run["path"]).parent == track_home / "runs"
        assert re.fullmatch(r"[0-9a-f]{8}", Path(run["path"]).name)
    # Nothing was created outside the store, whatever the name said.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "store", "work"]
    assert list(cwd.iterdir()) == []
    # The store holds only its own files (derived caches included), no name-made path.
    assert {p.name for p in track_home.iterdir()} <= {
        ".gitignore", "runs", "cache", "store.yaml"}
    shown = track_json("show", "évaluation ✓ 模型 👨‍👩‍👧")
    assert shown["name"] == "évaluation ✓ 模型 👨‍👩‍👧"
    for bad in ("", " \n "):
        done = track("run", "--name", bad, "--", *py("pass"), cwd=cwd)
        assert done.returncode == 2 and b"Traceback" not in done.stderr


def test_options_after_the_separator_belong_to_the_command(tmp_path: Path,
                                                           track_home: Path) -> None:
    other_store = tmp_path / "other"
    code = "import sys; print(sys.argv[1:])"
    args = ["--help", "--version", "--store", str(other_store), "--json", "--", "--name", "x"]
    done = track("run", "--", *py(code), *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == repr(args)
    assert not other_store.exists()
    run = track_json("show")
    assert run["name"] is None and run["command"][-len(args):] == args
    # A command named like an option is still a command, not an option of track.
    done = track("run", "--", "--help", cwd=tmp_path)
    assert done.returncode == 127 and done.stderr == b"track: error: command not found: --help\n"


def test_no_shell_is_ever_involved(tmp_path: Path) -> None:
    code = "import sys; print(repr(sys.argv[1:]))"
    weird = ["a b", "it's", '"q"', "$(touch PWNED)", "`touch PWNED`", "; touch PWNED",
             "| cat", "*", "~", "line\nbreak", "tab\there", "ünï", "\\", "-"]
    done = track("run", "--", *py(code), *weird, cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.decode().strip() == repr(weird)
    assert not (tmp_path / "PWNED").exists()
    assert track_json("show")["command"][-len(weird):] == weird


def test_yaml_is_only_ever_loaded_safely() -> None:
    """No loader that can build Python objects anywhere in the package."""
    unsafe = re.compile(r"yaml\.(load|load_all)\((?![^)]*Loader=_Loader)|unsafe_load|full_load"
                        r"|FullLoader|UnsafeLoader|yaml\.Loader\b|yaml\.CLoader\b")
    offenders = [f"{path}: {line.strip()}" for path in EXPTRACK.rglob("*.py")
                 for line in path.read_text().splitlines() if unsafe.search(line)]
    assert offenders == []
    fsutil = (EXPTRACK / "fsutil.py").read_text()
    assert "CSafeLoader as _Loader" in fsutil and "SafeLoader as _Loader" in fsutil


def test_missing_git_binary_is_said_in_git_yaml(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    done = track("run", "--", *py("print('loss=1')"), cwd=repo,
                 env={"PATH": str(tmp_path / "empty-bin")})
    assert done.returncode == 0 and done.stdout == b"loss=1\n"
    state = yaml.safe_load((only_run(track_home) / "git.yaml").read_text())
    assert state["error"] == "git is not installed (no `git` on PATH)"
    assert track_json("show")["status"] == "completed"


def test_corrupt_repository_is_said_in_git_yaml(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / ".git" / "HEAD").write_bytes(b"\x00garbage\xff\n")
    done = track("run", "--", *py("print('loss=1')"), cwd=repo)
    assert done.returncode == 0 and done.stdout == b"loss=1\n"
    state = yaml.safe_load((only_run(track_home) / "git.yaml").read_text())
    assert state["repo"] is True and state["root"] == str(repo)
    assert "not a git repository" in state["error"]
    assert track_json("show")["status"] == "completed"


def test_thousands_of_untracked_files_and_a_huge_one(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    data = repo / "data"
    data.mkdir()
    for index in range(3000):
        (data / f"sample_{index:05d}.txt").write_text(f"{index}\n")
    with open(repo / "huge.bin", "wb") as handle:  # 2 GiB, sparse: costs no disk
        handle.truncate(2 * 1024 ** 3)
    started = time.monotonic()
    done = track("run", "--", *py("print('loss=1')"), cwd=repo)
    elapsed = time.monotonic() - started
    assert done.returncode == 0 and done.stdout == b"loss=1\n"
    assert elapsed < 20
    run_dir = only_run(track_home)
    state = yaml.safe_load((run_dir / "git.yaml").read_text())
    assert state["error"] is None and state["dirty"] is True
    assert state["untracked_total"] == 3001
    assert len(state["untracked"]) == 1000
    assert "huge.bin" in state["untracked_not_inlined"]
    patch = (run_dir / "git.patch").stat().st_size
    assert patch < 11 * 1024 * 1024
    assert state["patch_bytes"] == patch


def test_broken_store_config_keeps_runs_private(tmp_path: Path, track_home: Path) -> None:
    track_home.mkdir()
    (track_home / "store.yaml").write_text("permissions: [public\n")
    assert track("run", "--", *py("pass"), cwd=tmp_path).returncode == 0
    assert only_run(track_home).stat().st_mode & 0o777 == 0o700


def test_git_remote_and_reading_a_repo_with_no_commits(tmp_path: Path, track_home: Path) -> None:
    repo = make_repo(tmp_path / "repo", commit=False)
    git(repo, "remote", "add", "origin", "https://example.com/r.git")
    assert track("run", "--", *py("pass"), cwd=repo).returncode == 0
    state = json.loads(json.dumps(yaml.safe_load((only_run(track_home) / "git.yaml")
                                                 .read_text())))
    assert state["commit"] is None and state["error"] is None
    assert state["remote"] == "https://example.com/r.git"


def test_a_flood_of_metric_lines_never_records_a_wrong_metric(tmp_path: Path,
                                                             track_home: Path) -> None:
    """Far more metric lines than the parser's time budget allows: output.log stays exact;
    whatever is parsed is a real observation (parsing resumes at a line start), and the
    run says if some output was not parsed."""
    # Written in odd-sized pieces over ~2.5 s, so reads split lines anywhere and parsing
    # stops and resumes several times.
    code = ("import os, time\n"
            "data = b''.join(b'step=%d loss=%r\\n' % (i, 1 / (i + 1)) for i in range(60000))\n"
            "for n, start in enumerate(range(0, len(data), 4093)):\n"
            "    os.write(1, data[start:start + 4093])\n"
            "    if n % 10 == 9: time.sleep(0.07)\n")
    # A tiny budget (5 ms of parsing a second) makes parsing stop and resume many times.
    done = track("run", "--", *py(code), cwd=tmp_path, env={"TRACK_PARSE_BUDGET_S": "0.005"})
    assert done.returncode == 0
    expected = b"".join(b"step=%d loss=%r\n" % (i, 1 / (i + 1)) for i in range(60000))
    assert done.stdout == expected
    run_dir = only_run(track_home)
    assert (run_dir / "output.log").read_bytes() == expected
    rows = metric_rows(run_dir / "metrics.jsonl")
    assert rows
    for row in rows:
        assert row["name"] == "loss" and row["value"] == 1 / (row["step"] + 1), row
    record = yaml.safe_load((run_dir / "run.yaml").read_text())
    assert 0 < len(rows) < 60000
    steps = [row["step"] for row in rows]
    gaps = [1 for a, b in itertools.pairwise(steps) if b > a + 1]
    assert steps == sorted(steps) and len(gaps) > 1
    skipped = [w for w in record["warnings"] if "not parsed for metrics" in w]
    assert len(skipped) == 1 and b"not parsed for metrics" in done.stderr
