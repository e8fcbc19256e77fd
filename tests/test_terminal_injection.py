"""User data never reaches the terminal raw: escape sequences and other control
characters in a note, name, tags, params, command, cwd, config values, environment values,
metric names, run folder names, the git branch and error messages are shown as ``\\xNN``
by every view (one place: the rendering layer's console, and ``warn``/``error``); JSON
stays exact. Real `track` processes over a run full of hostile text."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import only_run, py, track

OSC_TITLE = "\x1b]0;pwned\x07"  # sets the window title
CSI_CLEAR = "\x1b[2J"  # clears the screen
C1_CSI = "\x9b31m"  # an 8-bit CSI
RAW = (b"\x1b", b"\x07", b"\xc2\x9b", b"\r")  # what must never be printed as is


def hostile_run(tmp_path: Path, track_home: Path) -> tuple[Path, str]:
    cwd = tmp_path / f"dir{CSI_CLEAR}"
    cwd.mkdir()
    (cwd / "cfg.yaml").write_text('title: "\\e]0;pwned\\a"\n')  # YAML escapes: ESC, BEL
    done = track("run", "--note", f"hello {OSC_TITLE} there\r!", "--", *py("print('loss=0.5')"),
                 "--lr", CSI_CLEAR, "--opt", C1_CSI, "--config", "cfg.yaml", cwd=cwd,
                 env={"EVIL_VALUE": f"x{OSC_TITLE}"})
    assert done.returncode == 0, done.stderr
    run_dir = only_run(track_home)
    # Fields `track run` cleans or cannot produce, as another version or a hand edit may
    # have written them: name, tags, branch, a metric name.
    record = yaml.safe_load((run_dir / "run.yaml").read_text())
    record.update(name=f"n{OSC_TITLE}", tags=[f"t{CSI_CLEAR}"])
    (run_dir / "run.yaml").write_text(yaml.safe_dump(record))
    (run_dir / "git.yaml").write_text(yaml.safe_dump({
        "repo": True, "commit": "a" * 40, "branch": f"b{OSC_TITLE}", "dirty": False}))
    summary = yaml.safe_load((run_dir / "summary.yaml").read_text())
    summary["metrics"] = {f"m{CSI_CLEAR}": summary["metrics"]["loss"]}
    (run_dir / "summary.yaml").write_text(yaml.safe_dump(summary))
    metrics = (run_dir / "metrics.jsonl").read_text()
    (run_dir / "metrics.jsonl").write_text(metrics.replace('"loss"', json.dumps(
        f"m{CSI_CLEAR}")))
    return cwd, record["id"]


def assert_visible(output: bytes, where: str) -> None:
    assert not [raw for raw in RAW if raw in output], (where, output)


def test_every_view_shows_control_characters_never_sends_them(tmp_path: Path,
                                                              track_home: Path) -> None:
    cwd, run = hostile_run(tmp_path, track_home)
    # A second run, and a folder in the store whose very name is hostile.
    track("run", "--name", "plain", "--", *py("print('loss=0.4')"), cwd=tmp_path, check=True)
    (track_home / "runs" / f"junk{OSC_TITLE}").mkdir()
    env = {"COLUMNS": "400"}
    views = [("ls",), ("show", run), ("show", run, "--env"),
             ("diff", run, "plain"), ("diff", run, "plain", "--all")]
    outputs = {}
    for args in views:
        done = track(*args, cwd=cwd, env=env)
        assert done.returncode == 0, (args, done.stderr)
        assert_visible(done.stdout + done.stderr, " ".join(args))
        outputs[args] = done.stdout.decode()
    show = outputs[("show", run)]
    for shown in (r"hello \x1b]0;pwned there", r"dir\x1b[2J", r"lr=\x1b[2J", r"opt=\x9b31m",
                  r"b\x1b]0;pwned", r"m\x1b[2J", r"n\x1b]0;pwned", r"#t\x1b[2J",
                  r"title=\x1b]0;pwned"):
        assert shown in show, shown
    assert r"EVIL_VALUE" in outputs[("show", run, "--env")]
    assert r"x\x1b]0;pwned" in outputs[("show", run, "--env")]
    assert r"junk\x1b" in outputs[("ls",)]
    # --json stays exact: JSON escapes control characters itself.
    exact = json.loads(track("show", run, "--json", cwd=cwd, check=True).stdout)
    assert exact["note"] == f"hello {OSC_TITLE} there\r!" and exact["params"]["lr"] == CSI_CLEAR
    assert exact["cwd"] == str(cwd)


def test_colour_output_keeps_its_styles_and_still_shows_user_escapes(tmp_path: Path,
                                                                     track_home: Path) -> None:
    cwd, run = hostile_run(tmp_path, track_home)
    done = track("show", run, cwd=cwd, env={"FORCE_COLOR": "1", "COLUMNS": "300"})
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert b"\x1b[1m" in out  # rich's own bold
    assert OSC_TITLE.encode() not in out and CSI_CLEAR.encode() not in out
    assert b"\x07" not in out and b"\xc2\x9b" not in out
    assert rb"hello \x1b]0;pwned there" in out


def test_errors_quoting_user_input_show_control_characters(tmp_path: Path,
                                                           track_home: Path) -> None:
    cwd, _ = hostile_run(tmp_path, track_home)
    for args in (("show", f"nope{OSC_TITLE}"), ("ls", "--where", f"x{OSC_TITLE}<1"),
                 ("diff", f"a{CSI_CLEAR}", "b"), ("ls", "--best", f"m{OSC_TITLE}"),
                 ("ls", "--columns", "nope")):  # (this one lists the metric names)
        done = track(*args, cwd=cwd)
        assert done.returncode != 0, args
        assert_visible(done.stdout + done.stderr, " ".join(args))
        assert b"\\x1b" in done.stderr, (args, done.stderr)


def test_a_warning_quoting_a_path_shows_control_characters(tmp_path: Path,
                                                           track_home: Path) -> None:
    name = f"out{OSC_TITLE}"
    code = f"import pathlib; pathlib.Path({name!r}).mkdir(); " \
           f"pathlib.Path({name!r}, '.env').write_text('X=1')"
    done = track("run", "--copy-artifacts", "--artifact", "out*/.env", "--", *py(code),
                 cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"not copying" in done.stderr
    assert_visible(done.stderr, "warning")


def test_emoji_codes_in_user_data_stay_text(tmp_path: Path) -> None:
    for name in ("a", "b"):
        track("run", "--name", name, "--param", "opt=:fire:", "--note", ":smile:", "--",
              *py("pass"), cwd=tmp_path, check=True)
    listed = track("ls", cwd=tmp_path, check=True).stdout.decode()
    assert "same in all: opt=:fire:" in listed, listed
    shown = track("show", cwd=tmp_path, check=True).stdout.decode()
    assert ":fire:" in shown and ":smile:" in shown and "\N{FIRE}" not in shown, shown
