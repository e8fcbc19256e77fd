"""`track ls` papercuts a new user hit (issue 14): long cells, cut ids, unnamed dropped
columns, names cut at 16 characters on wide terminals, tags glued to names, `took`,
`.last`, `-`/`_` spellings, the `known:` list, and default columns in mixed stores."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import track, track_json

ANSI = b"\x1b["
PROMPT = ("Write a detailed story about a dragon who learns to code in Python and becomes "
          "a famous engineer at a startup")
LONG_NAME = "resnet50-lr0.01-bs256-cosine"
SCRIPT = """\
import argparse
p = argparse.ArgumentParser()
p.add_argument("--prompt", default="x")
p.add_argument("--lr", type=float, default=0.1)
p.add_argument("--eval-every", type=int, default=1)
a = p.parse_args()
for e in range(3):
    print(f"epoch {e} loss {1 / (e + 1 + a.lr):.4f} val_loss {1.2 / (e + 1 + a.lr):.4f}")
"""


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Three runs of one script, one with a long prompt, a long name and tags: (cwd,
    store)."""
    from conftest import use_store

    base = tmp_path_factory.mktemp("papercuts")
    with pytest.MonkeyPatch.context() as patch:
        use_store(patch, base / "store")
        (base / "train.py").write_text(SCRIPT)
        for options, args in (
                (["--name", LONG_NAME, "--tag", "best"], ["--lr", "0.01", "--eval-every", "2"]),
                ([], ["--lr", "0.02", "--prompt", PROMPT]),
                (["--tag", "x", "--tag", "y"], ["--lr", "0.03"])):
            track("run", *options, "--", sys.executable, "train.py", *args, cwd=base, check=True)
    return base, base / "store"


def _ls(store: Path, *args: str, columns: int, color: bool = False) -> list[str]:
    env = {"COLUMNS": str(columns), "TRACK_HOME": str(store)}
    if color:
        env["FORCE_COLOR"] = "1"
    done = track("ls", *args, env=env, check=True)
    assert (ANSI in done.stdout) == color
    text = done.stdout.decode()
    if color:
        import re

        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return text.splitlines()


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("columns", [80, 200])
def test_a_long_param_value_is_capped_and_ids_are_never_cut(
        mixed_store: tuple[Path, Path], columns: int, color: bool) -> None:
    _, store = mixed_store
    ids = [r["id"] for r in track_json("ls", "--store", str(store))]
    for args in ((), ("-c", "id,status,prompt,loss,lr,eval-every,name,tags,started,took")):
        text = _ls(store, *args, columns=columns, color=color)
        assert all(len(line) <= columns for line in text), text
        rows = text[1:4]
        assert [row.split()[0] for row in rows] == ids  # whole ids
        assert "completed" in text[2]
        assert PROMPT not in "\n".join(text)  # capped ...
        if "prompt" in text[0].split():
            assert any("Write a detail" in row and "…" in row for row in rows)
        # ... and every column not shown is named under the table
        shown = set(text[0].split())
        wanted = {"status", "prompt", "loss", "lr", "eval-every", "name", "tags", "started",
                  "took"} if args else {"took", "loss", "eval-every", "started", "prompt",
                                        "lr", "name", "tags", "val_loss", "status"}
        hidden_line = [line for line in text if line.startswith("hidden: ")]
        missing = wanted - shown
        if missing:
            assert hidden_line and hidden_line[0].endswith(" — use -c"), text
            named = set(hidden_line[0][len("hidden: "):-len(" — use -c")].split(", "))
            assert named == missing, (named, missing)
        else:
            assert not hidden_line


def test_names_use_a_wide_terminal_and_tags_have_their_own_column(
        mixed_store: tuple[Path, Path]) -> None:
    _, store = mixed_store
    for color in (False, True):
        wide = _ls(store, columns=200, color=color)
        header = wide[0].split()
        assert header[:4] == ["id", "name", "tags", "status"]
        rows = {row.split()[0]: row for row in wide[1:4]}
        by_id = {r["id"]: r for r in track_json("ls", "--store", str(store))}
        tag_at = wide[0].index("tags")
        for run_id, row in rows.items():
            run = by_id[run_id]
            if run["name"]:
                assert f" {LONG_NAME} " in row  # not cut at 16 characters
            assert "#" not in row and "[]" not in row
            tags = row[tag_at:].split()[0] if run["tags"] else ""
            assert tags == ",".join(run["tags"]), row
            if not run["tags"]:
                assert row[tag_at:tag_at + 4].strip() == ""  # blank, not []
        narrow = _ls(store, columns=80, color=color)
        assert any("resnet50-lr0.01-bs2" in row for row in narrow)  # cut, not at 16


def test_took_last_and_dash_underscore_spellings(mixed_store: tuple[Path, Path]) -> None:
    _, store = mixed_store
    text = _ls(store, "-c", "id,took,val_loss.last,eval_every", "--sort", "took",
               columns=120)
    assert text[0].split() == ["id", "took", "val_loss", "eval_every"] or \
        text[0].split() == ["id", "took", "val_loss", "eval-every"]
    durations = [r["duration_s"] for r in track_json("ls", "--store", str(store),
                                                       "--sort", "took")]
    assert durations == sorted(durations)
    env = {"TRACK_HOME": str(store)}
    for key in ("eval_every", "eval-every", "EVAL_EVERY"):
        done = track("ls", "--json", "-w", f"{key}=2", env=env, check=True)
        import json

        assert [r["params"]["eval-every"] for r in json.loads(done.stdout)] == [2]
    by_last = track("ls", "--json", "--sort", "val_loss.last", env=env, check=True)
    assert by_last.returncode == 0


def test_unknown_keys_say_did_you_mean_and_list_every_name(tmp_path: Path) -> None:
    names = [f"param_{i:02d}" for i in range(15)]
    script = "print('ok')"
    track("run", "--", sys.executable, "-c", script, *(f"--{n}={i}" for i, n in enumerate(names)),
          cwd=tmp_path, check=True)
    done = track("ls", "-c", "param_1x")
    assert done.returncode == 2
    message = done.stderr.decode()
    assert "did you mean 'param_1" in message
    assert all(name in message for name in names), message  # not cut at 12
    assert track("ls", "--sort", "took").returncode == 0
    typo = track("ls", "--sort", "tok").stderr.decode()
    assert "did you mean 'took'?" in typo


def test_default_columns_skip_config_paths_and_secrets_in_a_mixed_store(
        tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("batch: 32\n")
    (tmp_path / "b.yaml").write_text("batch: 32\n")
    (tmp_path / "other.py").write_text("print('val_acc=0.5')\n")
    (tmp_path / "train.py").write_text("print('val_loss=0.4')\n")
    for config in ("a.yaml", "b.yaml"):
        track("run", "--", sys.executable, "other.py", "--config", config, "--api-key",
              "sk-abcdefabcdef1234567890", cwd=tmp_path, check=True)
    for lr in ("0.3", "0.4"):
        track("run", "--", sys.executable, "train.py", "--lr", lr, cwd=tmp_path, check=True)
    text = track("ls", env={"COLUMNS": "200"}, check=True).stdout.decode().splitlines()
    header = text[0].split()
    assert "lr" in header and "config" not in header and "api-key" not in header, text
    assert "[REDACTED]" not in "\n".join(text[1:-1])
    assert text[-1] == "hidden: config, api-key — use -c"
