"""`track show` on real runs: the one-screen report, --log, --patch, --env, --json, and the
files other capture steps add to a run folder (env, resources, inputs, artifacts)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from conftest import drain_pty, git, make_repo, py, track, track_json

TRAIN = Path(__file__).parent.parent / "examples" / "train.py"

ENV = {
    "python": {"executable": "/opt/venv/bin/python", "version": "3.11.7",
               "implementation": "CPython", "source": "command",
               "virtualenv": "/opt/venv", "conda_env": None},
    "packages": {"torch": "2.3.1", "numpy": "1.26.4", "pyyaml": "6.0.1"},
    "frameworks": {"torch": "2.3.1"},
    "os": {"system": "Linux", "release": "6.5.0", "version": "#1 SMP", "machine": "x86_64"},
    "host": {"hostname": "gpu-box", "cpu_model": "AMD EPYC 7763", "cpu_physical": 64,
             "cpu_logical": 128, "memory_total_bytes": 540_000_000_000},
    "gpus": [{"index": 0, "name": "NVIDIA H100 80GB HBM3", "memory_total_mib": 81559,
              "driver": "550.54.15", "cuda": "12.4"}] * 2,
    "cuda_visible_devices": "0,1",
    "cluster": {"scheduler": "slurm", "job_id": "123456"},
    "variables": {"CUDA_VISIBLE_DEVICES": "0,1", "WANDB_API_KEY": "[redacted]"},
    "errors": [],
    "capture_s": 0.21,
}
RESOURCES = {"peak_rss_bytes": 3 * 1024**3 + 200 * 1024**2, "mean_cpu_percent": 97.2,
             "peak_cpu_percent": 180.0, "max_threads": 12, "max_processes": 3,
             "read_bytes": 1000, "write_bytes": 2000, "peak_gpu_memory_mib": 30720,
             "mean_gpu_util_percent": 87.5, "samples": 40, "interval_s": 1.0}
ARTIFACTS = {"artifacts": [
    {"path": "plots/loss.png", "size": 20480, "mtime": 1.0, "sha256": "aa" * 32,
     "weights": False, "location": "cwd", "copied": False},
    {"path": "checkpoints/model.pt", "size": 45 * 1024**2, "mtime": 1.0,
     "sha256": "3f9c2b7d11" + "0" * 54, "weights": True, "location": "cwd", "copied": False},
], "truncated": False, "scan_s": 0.01}
INPUTS = {"inputs": [{"path": "data/train.csv", "kind": "file", "size": 12 * 1024**2,
                      "files": 1, "hash": "sha256:9e1d0c4b7a" + "1" * 54,
                      "hash_method": "sha256", "source": "argv"}]}


def unwrap(text: str) -> str:
    """Join the report's folded value lines (continuations are indented 11 spaces)."""
    return re.sub(r" *\n {11}(?=\S)", " ", text)


def write_yaml(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def train(cwd: Path, *args: str) -> dict[str, Any]:
    track("run", "--name", "base", "--", sys.executable, str(TRAIN), "--epochs", "6", *args,
          cwd=cwd, check=True)
    run: dict[str, Any] = track_json("show")
    return run


def test_report_of_a_real_training_run(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"train.py": "print('x')\n", "util.py": "a = 1\n"})
    (repo / "train.py").write_text("print('x')\nprint('y')\nprint('z')\n")
    (repo / "notes.txt").write_text("new file\n")
    run = train(repo, "--lr", "0.1")
    done = track("show", env={"COLUMNS": "80"}, check=True)
    text = done.stdout.decode()
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines), text
    assert lines[0] == f"run {run['id']}  base  completed  exit 0"
    assert f"command    {sys.executable} {TRAIN} --epochs 6 --lr 0.1\n" in unwrap(text)
    assert "params     epochs=6  lr=0.1" in text
    commit = git(repo, "rev-parse", "HEAD")[:12]
    assert f"git        {commit} on main, dirty: 2 files changed, +3 -0 (--patch)" in text
    python = ".".join(map(str, sys.version_info[:3]))
    assert f"env        Python {python}" in text
    assert "resources  peak memory " in text
    table = {line.split()[0]: line.split() for line in lines
             if line.split() and line.split()[0] in ("val_acc", "loss")}
    assert table["loss"][1] == "↓" and table["val_acc"][1] == "↑"
    val_acc = run["metrics"]["val_acc"]
    best = f"{val_acc['best']:.4g}@{val_acc['best_step']}"  # the best value at its step
    assert table["val_acc"][2:7] == [f"{val_acc['last']:.4g}", best, f"{val_acc['min']:.4g}",
                                     f"{val_acc['max']:.4g}", "6"]
    assert len(table["val_acc"][7]) == 6 and set(table["val_acc"][7]) <= set("▁▂▃▄▅▆▇█")
    assert "output (last 8 lines; --log for all)" in text
    assert lines[-1] == "  Saved weights to checkpoints/model.pkl"


def test_sections_from_capture_files_and_tolerant_metrics_file(tmp_path: Path) -> None:
    run = train(tmp_path)
    folder = Path(run["path"])
    write_yaml(folder / "env.yaml", ENV)
    write_yaml(folder / "resources.yaml", RESOURCES)
    write_yaml(folder / "artifacts.yaml", ARTIFACTS)
    write_yaml(folder / "inputs.yaml", INPUTS)
    with (folder / "metrics.jsonl").open("a") as handle:
        handle.write('{"name": "val_acc", "val')  # a line cut short by a crash
    text = track("show", env={"COLUMNS": "80"}, check=True).stdout.decode()
    assert ("env        Python 3.11.7 (venv) · torch 2.3.1 · 2x NVIDIA H100 80GB HBM3 "
            "80 GiB, CUDA 12.4 · slurm job 123456 (--env)") in unwrap(text)
    assert ("resources  peak memory 3.2 GiB · CPU 97% mean, 180% peak · GPU 30.0 GiB peak, "
            "88% util") in unwrap(text)
    assert "inputs     data/train.csv  12.0 MiB  9e1d0c4b7a" in text
    assert ("artifacts  checkpoints/model.pt  45.0 MiB  3f9c2b7d11  weights\n"
            "           plots/loss.png  20.0 KiB  aaaaaaaaaa") in text
    assert "▁" in text and "█" in text
    shown = track_json("show")
    assert shown["env"]["python"]["version"] == "3.11.7"
    assert shown["artifacts"][1]["weights"] is True and shown["inputs"][0]["files"] == 1
    env_text = track("show", "--env", env={"COLUMNS": "80"}, check=True).stdout.decode()
    assert "packages (3)" in env_text and "variables (2)" in env_text
    assert "numpy   1.26.4" in env_text and "WANDB_API_KEY         [redacted]" in env_text
    assert "gpu 0" in env_text and "python executable      /opt/venv/bin/python" in env_text


def test_log_patch_and_env_when_absent(tmp_path: Path) -> None:
    script = "import sys; sys.stdout.write('\\x1b[32mgreen\\x1b[0m\\r50%\\r100%\\n'); print('bye')"
    track("run", "--", *py(script), cwd=tmp_path, check=True)
    run = track_json("show")
    log = track("show", "--log", "--raw", check=True)
    assert log.stdout == (Path(run["path"]) / "output.log").read_bytes()
    assert b"\x1b[32mgreen" in log.stdout
    assert track("show", "--log", check=True).stdout == b"100%n\nbye\n"  # as drawn
    text = track("show", check=True).stdout.decode()
    assert text.endswith("output (last 2 lines; --log for all)\n  100%\n  bye\n")
    assert "git        not a git repository" in text
    patch = track("show", "--patch", check=True)
    assert patch.stdout == b"" and patch.stderr == \
        b"track: warning: this run has no patch (clean working tree or no git repo)\n"
    env = track("show", "--env", check=True).stdout
    assert b"packages" in env and b"pyyaml" in env.lower()
    (Path(run["path"]) / "env.yaml").unlink()
    assert b"not recorded for this run" in track("show", "--env", check=True).stdout


def test_patch_prints_the_uncommitted_changes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "train.py").write_text("print('changed')\n")
    track("run", "--", *py("pass"), cwd=repo, check=True)
    patch = track("show", "--patch", check=True).stdout.decode()
    assert "-print('hi')\n+print('changed')\n" in patch


def test_refs_errors_suggest_close_names(tmp_path: Path) -> None:
    track("run", "--name", "baseline", "--", *py("pass"), cwd=tmp_path, check=True)
    done = track("show", "basline")
    assert done.returncode == 1
    # the name first; a random run id close to the typo ("ba644719") may follow it
    assert done.stderr.startswith(b"track: error: no run matches 'basline'; did you mean: "
                                  b"baseline") and done.stderr.count(b"\n") == 1
    done = track("show", "@4")
    assert done.returncode == 1 and done.stderr.startswith(b"track: error: no run matches '@4'")
    assert json.loads(track("show", "baseline", "--json", check=True).stdout)["name"] == \
        "baseline"


def test_readme_shows_the_committed_snapshots() -> None:
    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text()
    for view in ("ls", "show", "diff"):
        snapshot = (root / "docs" / "screenshots" / f"{view}.txt").read_text()
        assert snapshot.startswith(f"$ track {view}\n")
        assert all(len(line) <= 80 for line in snapshot.splitlines())
        assert snapshot in readme, f"README is missing docs/screenshots/{view}.txt"


def test_log_goes_through_the_pager_on_a_terminal(tmp_path: Path) -> None:
    import os
    import subprocess

    from conftest import track_cmd

    track("run", "--", *py("print('line one')"), cwd=tmp_path, check=True)
    primary, secondary = os.openpty()
    env = dict(os.environ, PAGER="sh -c 'echo PAGED; cat'")
    done = subprocess.run([*track_cmd(), "show", "--log"], stdout=secondary,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env, timeout=30)
    os.close(secondary)
    shown = drain_pty(primary)
    assert done.returncode == 0
    assert shown.replace(b"\r\n", b"\n") == b"PAGED\nline one\n"


def test_curves_read_the_recorder_layout_fast_and_anything_else_slowly(tmp_path: Path) -> None:
    from exptrack.render_show import read_curves

    fast = tmp_path / "fast.jsonl"
    fast.write_text("".join(json.dumps({"name": f"m{i % 2}", "value": i, "step": i}) + "\n"
                            for i in range(6)) + '{"name": "m0", "value": "nan"}\n')
    curves = read_curves(fast)
    assert curves["m1"] == [1.0, 3.0, 5.0] and curves["m0"][:3] == [0.0, 2.0, 4.0]
    assert len(curves) == 2 and len(curves["m0"]) == 4 and str(curves["m0"][3]) == "nan"
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"name": "a", "value": 1}\n{"value": 2, "name": "a"}\ngarbage\n'
                     '{"name": "b\\"q", "value": 5}\n{"name": "a", "value": "x"}\n'
                     '{"name": "a", "val')
    assert read_curves(mixed) == {"a": [1.0, 2.0], 'b"q': [5.0]}
    assert read_curves(tmp_path / "missing.jsonl") == {}
