"""env.yaml describes the command's own interpreter, not the one track runs in."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import yaml
from conftest import only_run, track

from exptrack.capture.env import cluster_context, frameworks_of, parse_gpu_csv
from exptrack.capture.pyinfo import resolve_python, shebang_interpreter

PROBE_PKG = "exptrack-probe-pkg"


def make_venv(path: Path, packages: dict[str, str]) -> Path:
    """A second virtualenv (no pip, no network) with hand-written distributions."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                           "'purelib'))"], capture_output=True, text=True, check=True)
    for name, version in packages.items():
        info = Path(site.stdout.strip()) / f"{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\n"
                                       f"Version: {version}\n\nA long description.\n")
    return python


def load_env(track_home: Path) -> dict:
    return yaml.safe_load((only_run(track_home) / "env.yaml").read_text())


def test_env_describes_the_commands_own_venv(tmp_path: Path, track_home: Path) -> None:
    python = make_venv(tmp_path / "other-venv", {PROBE_PKG: "4.2.0", "torch": "9.9.1"})
    done = track("run", "--", str(python), "-c", "print('hi')", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    env = load_env(track_home)
    assert env["python"]["source"] == "command"
    assert env["python"]["executable"] == str(python)
    assert env["python"]["virtualenv"] == str(tmp_path / "other-venv")
    assert env["packages"][PROBE_PKG] == "4.2.0"
    assert "exptrack" not in env["packages"]  # track's own venv is not described
    assert env["frameworks"] == {"torch": "9.9.1"}
    assert list(env)[:3] == ["python", "frameworks", "packages"]
    assert env["errors"] == []
    assert 0 < env["capture_s"] < 10
    assert env["host"]["cpu_logical"] >= 1 and env["host"]["memory_total_bytes"] > 0
    assert env["os"]["system"] == os.uname().sysname


def test_python_found_on_the_commands_path_and_by_shebang(tmp_path: Path,
                                                        track_home: Path) -> None:
    python = make_venv(tmp_path / "venv2", {PROBE_PKG: "1.0"})
    script = tmp_path / "train"
    script.write_text(f"#!{python}\nprint('trained')\n")
    script.chmod(0o755)
    done = track("run", "--", "./train", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert load_env(track_home)["packages"][PROBE_PKG] == "1.0"
    second = tmp_path / "second-store"
    path = f"{python.parent}{os.pathsep}{os.environ['PATH']}"
    done = track("run", "--", "python", "-c", "pass", cwd=tmp_path,
                 env={"PATH": path, "TRACK_HOME": str(second)})
    assert done.returncode == 0, done.stderr
    assert load_env(second)["python"]["executable"] == str(python)


def test_non_python_command_records_first_python3_on_path(tmp_path: Path,
                                                         track_home: Path) -> None:
    done = track("run", "--", "true", cwd=tmp_path,
                 env={"SLURM_JOB_ID": "4242", "SLURM_ARRAY_TASK_ID": "3",
                      "CUDA_VISIBLE_DEVICES": "1,2"})
    assert done.returncode == 0, done.stderr
    env = load_env(track_home)
    assert env["python"]["source"] == "path"
    assert env["python"]["version"]
    assert env["cluster"] == {"scheduler": "slurm", "job_id": "4242", "array_task_id": "3"}
    assert env["cuda_visible_devices"] == "1,2"
    assert env["variables"]["SLURM_JOB_ID"] == "4242"
    assert env["gpus"] == []  # no nvidia-smi on this machine: nothing, and no error
    assert env["errors"] == []


def test_resolve_python_variants(tmp_path: Path) -> None:
    env = {"PATH": os.path.dirname(sys.executable)}
    assert resolve_python(["uv", "run", "--frozen", "train.py", "--lr", "1"], env,
                          tmp_path).argv == ["uv", "run", "--frozen", "python"]
    assert resolve_python(["poetry", "run", "python", "x.py"], env,
                          tmp_path).argv == ["poetry", "run", "python"]
    assert resolve_python(["python3", "x.py"], env, tmp_path).argv[0].startswith(env["PATH"])
    script = tmp_path / "tool"
    script.write_text("#!/usr/bin/env -S python3 -u\n")
    assert shebang_interpreter(str(script), env["PATH"], tmp_path) == [
        os.path.join(env["PATH"], "python3")]
    script.write_text("#!/bin/bash\necho hi\n")
    assert shebang_interpreter(str(script), env["PATH"], tmp_path) is None
    assert resolve_python(["/bin/true"], {"PATH": str(tmp_path)}, tmp_path).argv == []


def test_gpu_parser_and_frameworks_and_cluster() -> None:
    sample = ("0, NVIDIA H100 80GB HBM3, 81559, 535.104.05\n"
              "1, NVIDIA A100-SXM4-40GB, 40960, 535.104.05\n"
              "2, Some GPU, [N/A], 535.104.05\n")
    gpus = parse_gpu_csv(sample, cuda="12.2")
    assert gpus[0] == {"index": 0, "name": "NVIDIA H100 80GB HBM3", "memory_total_mib": 81559,
                       "driver": "535.104.05", "cuda": "12.2"}
    assert gpus[1]["memory_total_mib"] == 40960 and gpus[2]["memory_total_mib"] is None
    assert parse_gpu_csv("NVIDIA-SMI has failed because it couldn't communicate\n") == []
    assert list(frameworks_of({"Scikit_Learn": "1.5", "numpy": "2.0", "Torch": "2.3"})) == [
        "torch", "numpy", "scikit-learn"]
    assert cluster_context({"PBS_JOBID": "7.pbs", "PBS_ARRAYID": "2"}) == {
        "scheduler": "pbs", "job_id": "7.pbs", "array_task_id": "2"}
    assert cluster_context({"HOME": "/root"}) is None


def slow_probe_venv(path: Path, seconds: float, done_stamp: Path | None = None) -> Path:
    """A venv whose interpreter takes ``seconds`` to start under ``-c`` (our probe) and
    starts at once for a script (the command); the probe writes the time its wait ended
    to ``done_stamp`` when one is given."""
    python = make_venv(path, {PROBE_PKG: "2.0"})
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                           "'purelib'))"], capture_output=True, text=True, check=True)
    (Path(site.stdout.strip()) / "sitecustomize.py").write_text(
        f"import sys, time\nif sys.argv[:1] == ['-c']:\n    time.sleep({seconds})\n"
        + (f"    open({str(done_stamp)!r}, 'w').write(repr(time.time()))\n" if done_stamp else "")
        + "print('noise from sitecustomize')\n")
    return python


def test_env_wait_is_bounded_after_a_short_command(tmp_path: Path, track_home: Path) -> None:
    python = slow_probe_venv(tmp_path / "venv4", 20.0)
    (tmp_path / "train.py").write_text("print('done')\n")
    before = time.monotonic()
    done = track("run", "--", str(python), "train.py", cwd=tmp_path)
    elapsed = time.monotonic() - before
    assert done.returncode == 0, done.stderr
    assert elapsed < 6.0
    env = load_env(track_home)
    assert env["python"]["executable"] == str(python) and env["packages"] == {}
    assert any("not finished" in error for error in env["errors"])
    assert env["host"]["cpu_logical"] >= 1


def test_env_capture_runs_alongside_the_command_and_is_cached(tmp_path: Path,
                                                              track_home: Path) -> None:
    """A slow environment probe (3 s) never delays the command's start; its result is
    reused by the next run of the same interpreter until a package is installed."""
    probe_done = tmp_path / "probe_done"
    python = slow_probe_venv(tmp_path / "venv5", 3.0, probe_done)
    stamp = tmp_path / "started"
    (tmp_path / "long.py").write_text(
        f"import time\nopen({str(stamp)!r}, 'w').write(repr(time.time()))\ntime.sleep(3.5)\n")
    (tmp_path / "short.py").write_text("pass\n")

    def run(script: str) -> dict:
        done = track("run", "--", str(python), script, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        runs = sorted((track_home / "runs").iterdir(),
                      key=lambda p: yaml.safe_load((p / "run.yaml").read_text())["started_at"])
        return yaml.safe_load((runs[-1] / "env.yaml").read_text())

    first = run("long.py")  # the slow probe finishes while the command runs
    # the command started before the probe's wait ended (a clock comparison, not a
    # duration, so a loaded machine cannot fail it)
    assert float(stamp.read_text()) < float(probe_done.read_text())
    assert first["capture_s"] >= 3.0
    assert first["packages"] == {PROBE_PKG: "2.0"} and first["errors"] == []
    assert list((track_home / "cache" / "env").glob("*.json"))
    second = run("short.py")  # described at once from the cache: no 3 s probe to wait for
    assert second["packages"] == {PROBE_PKG: "2.0"} and second["errors"] == []
    assert second["capture_s"] < 2.0
    assert second["python"] == first["python"]
    site = Path(first["python"]["virtualenv"])
    newer = next(site.glob("lib/python*/site-packages"))
    (newer / "added_pkg-1.0.dist-info").mkdir()  # an install: the cache entry is stale
    (newer / "added_pkg-1.0.dist-info" / "METADATA").write_text("Name: added-pkg\nVersion: 1.0\n")
    third = run("short.py")
    assert any("not finished" in error for error in third["errors"])  # probed again
