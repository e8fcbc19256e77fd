"""`track run --push URI`: stream a run to an MLflow server while it trains.

A background thread pushes what is new every few seconds (``TRACK_PUSH_INTERVAL``,
default 5 s) and once more, with artifacts and the outcome, when the run ends. It never
blocks or fails the training: every error is kept, not raised; an unreachable server is
noted in ``pushed.yaml`` (``pending``) and ``track push`` completes the run later. At the
end the recorder waits at most ``FINISH_TIMEOUT_S`` for the last push.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from exptrack.sink import Warn

FINISH_TIMEOUT_S = 15.0


def _interval() -> float:
    try:
        return max(0.2, float(os.environ.get("TRACK_PUSH_INTERVAL", "5")))
    except ValueError:
        return 5.0


class LivePush:
    """Pushes ``run_dir`` to ``uri`` from a daemon thread until ``finish``."""

    def __init__(self, uri: str, run_dir: Path) -> None:
        self.uri = uri
        self.run_dir = run_dir
        self.error: str | None = None
        self._client: Any = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="track-push", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        interval = _interval()
        while not self._stop.wait(interval):
            self._push(final=False)
        self._push(final=True)

    def _push(self, final: bool) -> None:
        from exptrack.integrations import mlflow as ml
        from exptrack.store import load_run

        try:
            ml.check_reachable(self.uri, timeout=2.0)
            if self._client is None:
                self._client = ml.make_client(self.uri)
            run = load_run(self.run_dir)
            ml.push_run(self._client, self.uri, run, ml.default_experiment(run), final=final)
            self.error = None
        except Exception as exc:  # never the training's problem: noted, pushed later
            self.error = " ".join(str(exc).split())[:300] or type(exc).__name__
            ml.note_pending(self.run_dir, self.uri, self.error)

    def finish(self, warn: Warn, timeout: float = FINISH_TIMEOUT_S) -> None:
        """Push the end of the run (at most ``timeout`` seconds); warn when the server
        could not take it all."""
        self._stop.set()
        self._thread.join(timeout)
        if self._thread.is_alive():
            self.error = f"no answer within {timeout:g} s"
        if self.error is not None:
            from exptrack.integrations.mlflow import public_uri

            warn(f"the run was not fully pushed to {public_uri(self.uri)} ({self.error}); "
                 f"`track push {self.run_dir.name} --to {public_uri(self.uri)}` completes it")
