"""What a run used (``resources.jsonl`` + ``resources.yaml``): CPU, memory, threads and I/O
of the command's whole process tree (data-loader workers included), and GPU utilisation and
memory per device when ``nvidia-smi`` is there.

Sampling interval (``interval_for``): dense at the start (every 50 ms for the first half
second, 200 ms up to 5 s: a short script's peak is not one sample at t=0), then 1 s for the
first 2 minutes, 5 s up to 30 minutes, 15 s up to 3 hours, then 60 s: a week-long run
writes about 11,000 lines (~2 MB).

Peak memory (``peak_rss_bytes``) is the larger of the sampled peak and the kernel's own
(``ru_maxrss`` from ``wait4`` of the command, see ``exptrack.reaping``), which sees a peak
between samples. A forked child starts with its parent's high-water mark, so the kernel's
value is used only when it is above what `track` itself had resident when it started the
command (its memory's high-water mark, ``VmHWM``; not ``getrusage``'s, which also carries
what `track`'s own parent had); ``peak_rss_source`` says which one won.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psutil

    from exptrack.capture.base import RunContext
    from exptrack.runner import RunOutcome

SCHEDULE = ((0.5, 0.05), (5.0, 0.2), (120.0, 1.0), (1800.0, 5.0), (3 * 3600.0, 15.0))
LONG_INTERVAL_S = 60.0
GPU_SAMPLE_QUERY = "index,utilization.gpu,memory.used"
NVIDIA_SMI_TIMEOUT_S = 5.0
JOIN_WAIT_S = 1.0


def interval_for(elapsed_s: float) -> float:
    """Seconds until the next sample, ``elapsed_s`` into the run."""
    for until, interval in SCHEDULE:
        if elapsed_s < until:
            return interval
    return LONG_INTERVAL_S


def parse_gpu_samples(text: str) -> list[dict[str, Any]]:
    """Parse ``nvidia-smi --query-gpu=index,utilization.gpu,memory.used
    --format=csv,noheader,nounits`` output; "[N/A]" fields become None."""
    rows: list[dict[str, Any]] = []
    for line in text.splitlines():
        fields = [f.strip() for f in line.split(",")]
        if len(fields) < 3 or not fields[0].isdigit():
            continue
        rows.append({"index": int(fields[0]), "util_percent": _float(fields[1]),
                     "memory_used_mib": _float(fields[2])})
    return rows


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@dataclass
class ResourceSummary:
    """Running aggregates over the samples (never the list itself)."""

    samples: int = 0
    peak_rss_bytes: int = 0
    cpu_sum: float = 0.0
    cpu_count: int = 0  # samples with a CPU reading (not the first)
    peak_cpu_percent: float | None = None
    max_threads: int = 0
    max_processes: int = 0
    read_bytes: int = 0
    write_bytes: int = 0
    peak_gpu_memory_mib: float | None = None
    gpu_util_sum: float = 0.0
    gpu_util_count: int = 0
    intervals: set[float] = field(default_factory=set)

    def add(self, sample: dict[str, Any]) -> None:
        self.samples += 1
        self.peak_rss_bytes = max(self.peak_rss_bytes, sample["rss_bytes"])
        cpu = sample.get("cpu_percent")
        if cpu is not None:
            self.cpu_sum += cpu
            self.cpu_count += 1
            self.peak_cpu_percent = max(self.peak_cpu_percent or 0.0, cpu)
        self.max_threads = max(self.max_threads, sample["threads"])
        self.max_processes = max(self.max_processes, sample["processes"])
        self.read_bytes = max(self.read_bytes, sample.get("read_bytes") or 0)
        self.write_bytes = max(self.write_bytes, sample.get("write_bytes") or 0)
        gpus = sample.get("gpus") or []
        used = [g["memory_used_mib"] for g in gpus if g["memory_used_mib"] is not None]
        if used:
            self.peak_gpu_memory_mib = max(self.peak_gpu_memory_mib or 0.0, sum(used))
        for gpu in gpus:
            if gpu["util_percent"] is not None:
                self.gpu_util_sum += gpu["util_percent"]
                self.gpu_util_count += 1

    def to_dict(self, kernel_peak_bytes: int | None = None) -> dict[str, Any]:
        kernel = kernel_peak_bytes is not None and kernel_peak_bytes > self.peak_rss_bytes
        return {
            "peak_rss_bytes": kernel_peak_bytes if kernel else self.peak_rss_bytes,
            "peak_rss_source": "kernel" if kernel else "samples",
            # null when the run was too short for two readings
            "mean_cpu_percent": round(self.cpu_sum / self.cpu_count, 1) if self.cpu_count
            else None,
            "peak_cpu_percent": None if self.peak_cpu_percent is None
            else round(self.peak_cpu_percent, 1),
            "max_threads": self.max_threads,
            "max_processes": self.max_processes,
            "read_bytes": self.read_bytes,
            "write_bytes": self.write_bytes,
            "peak_gpu_memory_mib": self.peak_gpu_memory_mib,
            "mean_gpu_util_percent": round(self.gpu_util_sum / self.gpu_util_count, 1)
            if self.gpu_util_count else None,
            "samples": self.samples,
            "interval_s": max(self.intervals) if self.intervals else None,
        }


class TreeSampler:
    """Samples a process and all its descendants; CPU % from CPU-time deltas."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.procs: dict[int, psutil.Process] = {pid: self.root}
        self.cpu_times: dict[int, float] = {}
        self.io: dict[int, tuple[int, int]] = {}  # last counters of every pid ever seen
        self.last_time: float | None = None

    def _tree(self) -> list[psutil.Process]:
        import psutil

        try:
            children = self.root.children(recursive=True)
        except psutil.Error:
            children = []
        tree = [self.root, *children]
        known = []
        for proc in tree:
            cached = self.procs.get(proc.pid)
            try:
                if cached is None or cached.create_time() != proc.create_time():
                    self.procs[proc.pid] = cached = proc  # a new process, or a reused pid
            except psutil.Error:
                continue  # ended while we looked
            known.append(cached)
        return known

    def sample(self) -> dict[str, Any] | None:
        import psutil

        now = time.monotonic()
        first = self.last_time is None  # CPU % needs two readings: unknown at the first
        rss = threads = processes = 0
        cpu_total = 0.0
        for proc in self._tree():
            try:
                with proc.oneshot():
                    rss += proc.memory_info().rss
                    threads += proc.num_threads()
                    times = proc.cpu_times()
                    used = times.user + times.system
                    try:
                        counters = proc.io_counters()
                        self.io[proc.pid] = (counters.read_bytes, counters.write_bytes)
                    except (psutil.AccessDenied, AttributeError, NotImplementedError):
                        pass
            except psutil.Error:
                continue  # gone between listing and reading
            processes += 1
            previous = self.cpu_times.get(proc.pid)
            if previous is not None and self.last_time is not None and now > self.last_time:
                cpu_total += max(0.0, used - previous) / (now - self.last_time) * 100.0
            self.cpu_times[proc.pid] = used
        self.last_time = now
        if processes == 0:
            return None
        return {"rss_bytes": rss, "cpu_percent": None if first else round(cpu_total, 1),
                "threads": threads,
                "processes": processes,
                "read_bytes": sum(r for r, _ in self.io.values()),
                "write_bytes": sum(w for _, w in self.io.values())}


def own_high_water_kib() -> int:
    """The most `track` itself has had resident so far, KiB: a child forked now starts
    with this high-water mark (a bound the kernel's peak of the command must pass). The
    memory's own (``VmHWM``), not ``getrusage``'s, which also holds what `track`'s parent
    had (a big Python process that started `track`)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # (bytes on macOS)


def sample_gpus(smi: str) -> list[dict[str, Any]]:
    try:
        done = subprocess.run([smi, f"--query-gpu={GPU_SAMPLE_QUERY}",
                               "--format=csv,noheader,nounits"], capture_output=True, text=True,
                              timeout=NVIDIA_SMI_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return parse_gpu_samples(done.stdout) if done.returncode == 0 else []


class ResourceStep:
    """Capture step: a sampler thread from the command's start to its end."""

    name = "resources"

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        self.summary = ResourceSummary()
        self.errors: list[str] = []
        self.own_peak_kib = 0

    def before_start(self, ctx: RunContext) -> None:
        return None

    def started(self, ctx: RunContext, pid: int) -> None:
        self.own_peak_kib = own_high_water_kib()
        self.thread = threading.Thread(target=self._loop, args=(ctx, pid), daemon=True,
                                       name="exptrack-resources")
        self.thread.start()

    def _loop(self, ctx: RunContext, pid: int) -> None:
        import psutil

        try:
            sampler = TreeSampler(pid)
        except psutil.Error:
            return  # already gone: a very short command
        smi = shutil.which("nvidia-smi")
        begin = time.monotonic()
        try:
            first = sampler.sample()  # before the file is made: a command already gone
            if first is None:  # leaves no empty resources.jsonl
                return
            with ctx.open_append("resources.jsonl") as out:
                while True:
                    elapsed = time.monotonic() - begin
                    sample = first or sampler.sample()
                    first = None
                    if sample is None:
                        return
                    sample = {"time": round(time.time(), 3), "elapsed_s": round(elapsed, 2),
                              **sample}
                    if smi:
                        sample["gpus"] = sample_gpus(smi)
                    self.summary.add(sample)
                    out.write(json.dumps(sample) + "\n")
                    out.flush()
                    interval = interval_for(elapsed)
                    self.summary.intervals.add(interval)
                    if self.stop.wait(interval):
                        return
        except OSError as exc:
            self.errors.append(f"cannot write resources.jsonl: {exc.strerror or exc}")
        except Exception as exc:  # a thread must not die silently
            self.errors.append(f"resource sampling failed: {type(exc).__name__}: {exc}")

    def finished(self, ctx: RunContext, outcome: RunOutcome) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join(JOIN_WAIT_S)
        kernel = outcome.peak_rss_kib
        data = self.summary.to_dict(
            kernel * 1024 if kernel is not None and kernel > self.own_peak_kib else None)
        # what the kernel said, and the high-water mark the command may have inherited
        data["kernel_peak_rss_bytes"] = None if kernel is None else kernel * 1024
        data["track_peak_rss_bytes"] = self.own_peak_kib * 1024
        if self.errors:
            data["errors"] = self.errors
        ctx.write_yaml("resources.yaml", data)
