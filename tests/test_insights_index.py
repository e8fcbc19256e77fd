"""Insights in `track ls` (the marker, the legend, ``--json``), ``--where insight=KIND``
through the index (kept in its ``insights`` table; after a rebuild and after ``track
reparse``), and in `track diff`: a real overfitting training (tests/data/insights) next to
a healthy one, through the installed `track`."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import track, track_json

from exptrack.indexdb import index_path
from exptrack.store import Store

SCRIPTS = Path(__file__).resolve().parent / "data" / "insights"
HEALTHY = ("for i in range(12): print(f'epoch {i + 1} loss={1 / (i + 1):.4f} "
           "val_loss={1.1 / (i + 1):.4f}')")
SHOW_KEYS = ["data", "epoch", "kind", "message", "metric", "severity", "step", "time_s"]


def two_runs(cwd: Path) -> tuple[str, str]:
    """(the overfitting run, the healthy one)."""
    for argv in ([str(SCRIPTS / "overfit_mlp.py")], ["-c", HEALTHY]):
        done = track("run", "--", sys.executable, *argv, cwd=cwd, timeout=60)
        assert done.returncode == 0, done.stderr
    listed = track_json("ls", "--json", cwd=cwd)
    return listed[1]["id"], listed[0]["id"]


def where(cwd: Path, *conditions: str) -> list[str]:
    args = [arg for c in conditions for arg in ("--where", c)]
    return [r["id"] for r in track_json("ls", "--json", *args, cwd=cwd)]


def test_ls_marks_the_overfitting_run_only(tmp_path: Path) -> None:
    overfit, healthy = two_runs(tmp_path)
    listed = {r["id"]: r for r in track_json("ls", "--json", cwd=tmp_path)}
    kinds = {run_id: [i["kind"] for i in r["insights"]] for run_id, r in listed.items()}
    assert "overfitting" in kinds[overfit]
    assert [k for k in kinds[healthy] if k != "time_to_best"] == []
    shown = track_json("show", overfit, cwd=tmp_path)
    assert listed[overfit]["insights"] == shown["insights"]  # the same, key for key
    assert all(sorted(item) == SHOW_KEYS for r in listed.values() for item in r["insights"])

    lines = track("ls", cwd=tmp_path, env={"COLUMNS": "80"}).stdout.decode().splitlines()
    rows = {line.split()[0]: line for line in lines[1:3]}
    assert rows[overfit].split()[1:3] == ["completed", "O"]
    assert rows[healthy].split()[1:3] != ["completed", "O"] and " O " not in rows[healthy]
    assert "O overfitting" in lines[3:] and all(len(line) <= 80 for line in lines)


def test_ls_colours_the_marker_on_a_terminal_only(tmp_path: Path) -> None:
    overfit, _ = two_runs(tmp_path)
    plain = track("ls", cwd=tmp_path).stdout
    assert b"\x1b[" not in plain and f"{overfit} completed O".encode() in plain
    coloured = track("ls", cwd=tmp_path, env={"FORCE_COLOR": "1", "COLUMNS": "100"}).stdout
    assert b"\x1b[33mO\x1b[0m" in coloured  # a warning: yellow


def test_where_insight_through_the_index(tmp_path: Path, track_home: Path) -> None:
    overfit, healthy = two_runs(tmp_path)
    assert where(tmp_path, "insight=overfitting") == [overfit]
    assert where(tmp_path, "insight!=overfitting") == [healthy]
    assert where(tmp_path, "insight=overfit*", "status=completed") == [overfit]
    database = index_path(Store(track_home))
    with sqlite3.connect(database) as conn:  # kept in the index, not computed by ls
        kept = conn.execute("SELECT run_id, severity FROM insights WHERE kind = ?",
                            ("overfitting",)).fetchall()
    assert kept == [(overfit, "warning")]

    for suffix in ("", "-wal", "-shm"):  # rebuilt from the folders
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    assert where(tmp_path, "insight=overfitting") == [overfit]
    assert database.is_file()

    # reparse rewrites summary.yaml: the row and its insights follow the files
    assert track("reparse", overfit, "--ignore", "val_loss", cwd=tmp_path).returncode == 0
    assert where(tmp_path, "insight=overfitting") == []
    assert track("reparse", overfit, cwd=tmp_path).returncode == 0
    assert where(tmp_path, "insight=overfitting") == [overfit]


def test_where_insight_without_the_index(tmp_path: Path) -> None:
    overfit, healthy = two_runs(tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder: no database can be made")
    env = {"TRACK_CACHE_DIR": str(blocked)}
    for condition, expected in (("insight=overfitting", overfit),
                                ("insight!=overfitting", healthy)):
        listed = track("ls", "--json", "--where", condition, cwd=tmp_path, env=env)
        assert listed.returncode == 0, listed.stderr
        assert f'"id": "{expected}"'.encode() in listed.stdout
        assert listed.stdout.count(b'"id": ') == 1


@pytest.mark.parametrize("json_out", [False, True])
def test_diff_names_the_overfitting_run(tmp_path: Path, json_out: bool) -> None:
    overfit, healthy = two_runs(tmp_path)
    if json_out:
        found = track_json("diff", overfit, healthy, "--json", cwd=tmp_path)["insights"]
        assert [i["kind"] for i in found[overfit] if i["severity"] != "info"] == [
            "overfitting"]
        assert [i for i in found[healthy] if i["severity"] != "info"] == []
        return
    text = track("diff", overfit, healthy, cwd=tmp_path).stdout.decode()
    section = text[text.index("insights"):]
    assert f"{overfit}: overfitting" in section
    assert f"{healthy}: no problem" in section
