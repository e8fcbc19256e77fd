"""Options are accepted, converted and rejected as typer does; run fields checked only when
used are never stale."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from conftest import py, track, track_json

from exptrack.index import RACY_S
from exptrack.indexdb import index_path
from exptrack.store import Store


def cached_stats(store: Path) -> dict[str, bytes]:
    with sqlite3.connect(index_path(Store(store))) as conn:
        return dict(conn.execute("SELECT id, stats FROM runs").fetchall())


def record(tmp_path: Path, name: str, lr: str, acc: str) -> None:
    done = track("run", "--name", name, "--param", f"lr={lr}", "--",
                 *py(f"print('acc={acc}')"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_option_values_are_coerced_and_rejected_as_typer_does(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        record(tmp_path, name, "0.1", "0.5")
    assert len(track_json("ls", "-n", "2")) == 2
    assert len(track_json("ls", "-n", "007")) == 3  # an unusual form: typer decides
    assert len(track_json("ls", "-n", "0")) == 3
    for bad, message in (("abc", "'abc' is not a valid int"), ("-1", "-1 is not in the range"),
                         ("1.5", "'1.5' is not a valid int")):
        done = track("ls", "-n", bad)
        assert done.returncode == 2
        assert "Invalid value for '-n' / '--limit'" in done.stderr.decode(), bad
        assert message in done.stderr.decode(), bad
    elsewhere = tmp_path / "elsewhere"
    assert track("ls", "--store", str(elsewhere), "--json", check=True).stdout.strip() \
        == b"[]"


def test_fields_changed_behind_the_index_are_seen_and_the_index_refreshed(
        tmp_path: Path, track_home: Path) -> None:
    record(tmp_path, "a", "0.1", "0.5")
    record(tmp_path, "b", "0.01", "0.7")
    time.sleep(RACY_S + 0.2)
    assert [r["name"] for r in track_json("ls", "--best", "acc")] == ["b", "a"]
    runs = {r["name"]: Path(r["path"]) for r in track_json("ls")}
    before = cached_stats(track_home)

    # Only params.yaml and summary.yaml change: run.yaml, checked up front, does not.
    (runs["a"] / "params.yaml").write_text("lr: 0.001\n")
    summary = (runs["a"] / "summary.yaml").read_text()
    assert summary.count("0.5") >= 3  # last, min, max, best
    (runs["a"] / "summary.yaml").write_text(summary.replace("0.5", "0.9"))
    time.sleep(RACY_S + 0.2)  # old enough for the refreshed index to keep them
    assert [r["name"] for r in track_json("ls", "--where", "lr<0.005")] == ["a"]
    assert [r["name"] for r in track_json("ls", "--best", "acc")] == ["a", "b"]
    assert track_json("show", "a")["metrics"]["acc"]["last"] == 0.9
    after = cached_stats(track_home)
    run_id = runs["a"].name
    assert after[run_id] != before[run_id]  # refreshed with the new files' stats
    assert after[runs["b"].name] == before[runs["b"].name]
    assert [r["name"] for r in track_json("ls", "--best", "acc")] == ["a", "b"]
