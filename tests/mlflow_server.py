"""A real MLflow tracking server for the push tests (SQLite backend, local artifacts)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """An ``mlflow server`` on a port chosen now and started on demand (so a test can
    use its URI while nothing listens there yet)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.uri = f"http://127.0.0.1:{free_port()}"
        self._serving: Iterator[str] | None = None

    @property
    def running(self) -> bool:
        return self._serving is not None

    def start(self) -> str:
        if self._serving is None:
            self._serving = serve(self.folder, int(self.uri.rsplit(":", 1)[1]))
            next(self._serving)
        return self.uri

    def stop(self) -> None:
        if self._serving is not None:
            self._serving.close()
            self._serving = None


def serve(folder: Path, port: int) -> Iterator[str]:
    """Start ``mlflow server`` in ``folder`` and yield its URI once it answers."""
    mlflow = shutil.which("mlflow")
    assert mlflow, "the test extras install mlflow"
    uri = f"http://127.0.0.1:{port}"
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - closed below
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    server = subprocess.Popen(
        [mlflow, "server", "--backend-store-uri", f"sqlite:///{folder}/mlflow.db",
         "--default-artifact-root", str(folder / "artifacts"), "--host", "127.0.0.1",
         "--port", str(port), "--workers", "1"],
        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, (folder / "server.log").read_text()[-3000:]
            try:
                with urllib.request.urlopen(uri + "/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "mlflow server did not start"
            time.sleep(0.3)
        yield uri
    finally:
        os.killpg(server.pid, signal.SIGKILL)  # a throwaway server: no graceful stop to wait for
        server.wait()
        log.close()
