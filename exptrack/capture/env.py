"""The environment a run ran in (``env.yaml``): the command's own Python and its packages,
the headline ML frameworks, OS, host, GPUs, cluster job, and environment variables with
secrets redacted.

Collected on a background thread that starts once the command is running, so the command
never waits for it; ``finished`` waits at most ``FINISH_WAIT_S`` for it and records what it
has (a missing part is named in ``errors``).
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exptrack.capture.pyinfo import (
    INTROSPECT_SCRIPT,
    PROBE_MARKER,
    PythonTarget,
    resolve_python,
)
from exptrack.capture.redact import redact_environment, redact_text

if TYPE_CHECKING:
    from exptrack.capture.base import RunContext
    from exptrack.runner import RunOutcome

FINISH_WAIT_S = 2.0
INTROSPECT_TIMEOUT_S = 60.0
NVIDIA_SMI_TIMEOUT_S = 10.0
MAX_PACKAGES = 5000

# Shown first, in this order; keys are normalized distribution names (PEP 503).
FRAMEWORKS = ("torch", "tensorflow", "jax", "numpy", "transformers", "lightning",
              "pytorch-lightning", "ultralytics", "xgboost", "lightgbm", "scikit-learn")
GPU_QUERY = "index,name,memory.total,driver_version"
_CUDA_VERSION = re.compile(r"CUDA Version:\s*([0-9.]+)")

# Scheduler -> (marker variable, {field: variable}).
_SCHEDULERS: dict[str, tuple[str, dict[str, str]]] = {
    "slurm": ("SLURM_JOB_ID", {
        "job_id": "SLURM_JOB_ID", "job_name": "SLURM_JOB_NAME",
        "array_job_id": "SLURM_ARRAY_JOB_ID", "array_task_id": "SLURM_ARRAY_TASK_ID",
        "node_list": "SLURM_JOB_NODELIST", "num_nodes": "SLURM_JOB_NUM_NODES",
        "ntasks": "SLURM_NTASKS", "procid": "SLURM_PROCID", "partition": "SLURM_JOB_PARTITION",
        "account": "SLURM_JOB_ACCOUNT", "submit_dir": "SLURM_SUBMIT_DIR",
    }),
    "pbs": ("PBS_JOBID", {
        "job_id": "PBS_JOBID", "job_name": "PBS_JOBNAME", "array_task_id": "PBS_ARRAYID",
        "node_file": "PBS_NODEFILE", "queue": "PBS_QUEUE", "submit_dir": "PBS_O_WORKDIR",
    }),
    "lsf": ("LSB_JOBID", {
        "job_id": "LSB_JOBID", "job_name": "LSB_JOBNAME", "array_task_id": "LSB_JOBINDEX",
        "node_list": "LSB_HOSTS", "queue": "LSB_QUEUE",
    }),
    "sge": ("SGE_TASK_ID", {
        "job_id": "JOB_ID", "job_name": "JOB_NAME", "array_task_id": "SGE_TASK_ID",
        "queue": "QUEUE",
    }),
    "kubernetes": ("KUBERNETES_SERVICE_HOST", {
        "pod": "HOSTNAME", "namespace": "POD_NAMESPACE",
    }),
}


def normalize_dist_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def frameworks_of(packages: Mapping[str, str]) -> dict[str, str]:
    """The headline ML frameworks among ``packages``, in ``FRAMEWORKS`` order."""
    by_normal = {normalize_dist_name(name): version for name, version in packages.items()}
    return {name: by_normal[name] for name in FRAMEWORKS if name in by_normal}


def parse_gpu_csv(text: str, cuda: str | None = None) -> list[dict[str, Any]]:
    """Parse ``nvidia-smi --query-gpu=index,name,memory.total,driver_version
    --format=csv,noheader,nounits`` output."""
    gpus: list[dict[str, Any]] = []
    for line in text.splitlines():
        fields = [f.strip() for f in line.split(",")]
        if len(fields) < 4 or not fields[0].isdigit():
            continue
        gpus.append({"index": int(fields[0]), "name": fields[1],
                     "memory_total_mib": _number(fields[2]), "driver": fields[3],
                     "cuda": cuda})
    return gpus


def _number(text: str) -> int | float | None:
    try:
        value = float(text)
    except ValueError:
        return None  # "[N/A]", "[Not Supported]"
    return int(value) if value.is_integer() else value


def query_gpus(errors: list[str]) -> list[dict[str, Any]]:
    smi = shutil.which("nvidia-smi")
    if not smi:
        return []
    try:
        done = subprocess.run([smi, f"--query-gpu={GPU_QUERY}", "--format=csv,noheader,nounits"],
                              capture_output=True, text=True, timeout=NVIDIA_SMI_TIMEOUT_S,
                              stdin=subprocess.DEVNULL)
        banner = subprocess.run([smi], capture_output=True, text=True,
                                timeout=NVIDIA_SMI_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        errors.append(f"nvidia-smi failed: {exc}")
        return []
    if done.returncode != 0:
        errors.append(f"nvidia-smi failed: {done.stderr.strip()[:200] or done.returncode}")
        return []
    match = _CUDA_VERSION.search(banner.stdout)
    return parse_gpu_csv(done.stdout, match.group(1) if match else None)


def cluster_context(env: Mapping[str, str]) -> dict[str, Any] | None:
    """The batch scheduler job the run belongs to, from its variables, or None."""
    for scheduler, (marker, fields) in _SCHEDULERS.items():
        if env.get(marker):
            context: dict[str, Any] = {"scheduler": scheduler}
            context.update({key: env[var] for key, var in fields.items() if env.get(var)})
            return context
    return None


def _cpu_model() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith(("model name", "Hardware", "cpu model")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def host_info() -> dict[str, Any]:
    import psutil

    return {
        "hostname": socket.gethostname(),
        "cpu_model": _cpu_model(),
        "cpu_physical": psutil.cpu_count(logical=False),
        "cpu_logical": psutil.cpu_count(logical=True),
        "memory_total_bytes": psutil.virtual_memory().total,
        "memory_limit_bytes": cgroup_memory_limit(),
    }


CGROUP_LIMIT_FILES = ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")


def cgroup_memory_limit(files: tuple[str, ...] = CGROUP_LIMIT_FILES) -> int | None:
    """The memory limit of the container (cgroup v2, then v1), None when unlimited or
    unknown: the limit an out-of-memory kill happens at (insights)."""
    for name in files:
        try:
            with open(name, encoding="ascii") as handle:
                text = handle.read().strip()
        except (OSError, ValueError):
            continue
        if text.isdigit() and int(text) < 1 << 60:  # v1 says "no limit" with a huge number
            return int(text)
        return None
    return None


def os_info() -> dict[str, str]:
    uname = platform.uname()
    return {"system": uname.system, "release": uname.release, "version": uname.version,
            "machine": uname.machine}


class EnvCollector:
    """Collects env.yaml on a thread; ``result`` is safe to read at any moment."""

    def __init__(self, command: list[str], env: Mapping[str, str], cwd: Path,
                 cache_dir: Path | None = None) -> None:
        self.command = command
        self.cache_dir = cache_dir
        self.env = dict(env)
        self.cwd = cwd
        self.started = time.monotonic()
        self.errors: list[str] = []
        self.python: dict[str, Any] | None = None
        self.packages: dict[str, str] = {}
        self.host: dict[str, Any] | None = None
        self.gpus: list[dict[str, Any]] | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.finished_at: float | None = None
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._collect, name="exptrack-env", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _collect(self) -> None:
        try:
            target = resolve_python(self.command, self.env, self.cwd)
            cached = self._cached(target)
            if cached is None:
                self._spawn(target)
            self.host = host_info()  # while the interpreter starts
            self.gpus = query_gpus(self.errors)
            if cached is not None:
                self._use(cached, target)
            else:
                self._read_python(target)
        except Exception as exc:  # a thread must not die silently
            self.errors.append(f"environment capture failed: {type(exc).__name__}: {exc}")
        finally:
            self.finished_at = time.monotonic()
            self.done.set()

    def _spawn(self, target: PythonTarget) -> None:
        if not target.argv:
            self.errors.append("no python3 on the command's PATH")
            return
        self.python = {"executable": target.argv[-1], "source": target.source}
        try:
            self.proc = subprocess.Popen([*target.argv, "-c", INTROSPECT_SCRIPT], cwd=self.cwd,
                                         env=self.env, stdin=subprocess.DEVNULL,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as exc:
            self.errors.append(f"could not run {target.argv[-1]}: {exc.strerror or exc}")

    def _read_python(self, target: PythonTarget) -> None:
        if self.proc is None:
            return
        try:
            out, err = self.proc.communicate(timeout=INTROSPECT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.errors.append(f"{target.argv[-1]} did not describe itself within "
                               f"{INTROSPECT_TIMEOUT_S:g}s")
            return
        try:
            info = json.loads(out.rpartition(PROBE_MARKER.encode())[2])
        except ValueError:
            tail = err.decode("utf-8", "replace").strip().splitlines()
            self.errors.append(f"{target.argv[-1]} could not describe itself: "
                               f"{redact_text(tail[-1]) if tail else self.proc.returncode}")
            return
        if not isinstance(info, dict):
            self.errors.append(f"{target.argv[-1]} could not describe itself")
            return
        if self._cache_key(target):
            from exptrack.capture import envcache

            assert self.cache_dir is not None
            envcache.save(self.cache_dir, self._cache_key(target), info)
        self._use(info, target)

    def _cache_key(self, target: PythonTarget) -> str:
        if self.cache_dir is None or target.launcher or not target.argv:
            return ""
        from exptrack.capture import envcache

        return envcache.cache_key(target.argv, self.env)

    def _cached(self, target: PythonTarget) -> dict[str, Any] | None:
        key = self._cache_key(target)
        if not key:
            return None
        from exptrack.capture import envcache

        assert self.cache_dir is not None
        return envcache.load(self.cache_dir, key)

    def _use(self, info: dict[str, Any], target: PythonTarget) -> None:
        packages = info.get("packages", {}) or {}
        self.packages = {str(k): str(v) for k, v in list(packages.items())[:MAX_PACKAGES]}
        self.python = {
            "executable": info.get("executable") or target.argv[-1],
            "version": info.get("version"),
            "implementation": info.get("implementation"),
            "source": target.source,
            "virtualenv": info.get("virtualenv"),
            "conda_env": info.get("conda_env"),
        }

    def stop(self) -> None:
        proc = self.proc
        if proc is not None and proc.poll() is None:
            proc.kill()

    def result(self) -> dict[str, Any]:
        errors = list(self.errors)
        if not self.done.is_set():
            errors.append(f"environment capture not finished {FINISH_WAIT_S:g}s after the "
                          "command ended; recorded what was collected")
        return {
            "python": self.python,
            "frameworks": frameworks_of(self.packages),
            "packages": self.packages,
            "os": os_info(),
            "host": self.host,
            "gpus": self.gpus if self.gpus is not None else [],
            "cuda_visible_devices": self.env.get("CUDA_VISIBLE_DEVICES"),
            "cluster": cluster_context(self.env),
            "variables": redact_environment(self.env),
            "errors": errors,
            "capture_s": round((self.finished_at or time.monotonic()) - self.started, 3),
        }


class EnvStep:
    """Capture step: ``env.yaml``, collected while the command runs."""

    name = "env"

    def __init__(self) -> None:
        self.collector: EnvCollector | None = None

    def before_start(self, ctx: RunContext) -> None:
        return None

    def started(self, ctx: RunContext, pid: int) -> None:
        env = dict(os.environ, TRACK_RUN_ID=ctx.run_id, TRACK_RUN_DIR=str(ctx.run_dir))
        self.collector = EnvCollector(ctx.command, env, ctx.cwd,
                                      cache_dir=ctx.store.root / "cache" / "env")
        self.collector.start()

    def finished(self, ctx: RunContext, outcome: RunOutcome) -> None:
        collector = self.collector
        if collector is None:
            return
        collector.done.wait(FINISH_WAIT_S)
        data = collector.result()
        collector.stop()
        ctx.write_yaml("env.yaml", data)
