"""`track show` of a run that is still running: its metrics from the first seconds, and
what is written only at the end said to be pending."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

from conftest import py, start_track, track

SCRIPT = ("import time\n"
          "for i in range(3):\n"
          "    print(f'step {i} loss={1 / (i + 1):.4f}', flush=True)\n"
          "time.sleep(0.6)\n"
          "for i in range(3, 5):\n"
          "    print(f'step {i} loss={1 / (i + 1):.4f}', flush=True)\n"
          "open('printed', 'w').close()\n"
          "time.sleep(20)\n")


def _shown(cwd: Path) -> dict[str, object]:
    done = track("show", "--json", cwd=cwd)
    if done.returncode == 1 and b"no run" in done.stderr:  # not started yet
        return {"status": "starting"}
    assert done.returncode == 0, done.stderr
    data: dict[str, object] = json.loads(done.stdout)
    return data


def test_a_running_run_shows_its_metrics_at_once_and_env_pending(tmp_path: Path) -> None:
    proc = start_track("run", "--", *py(SCRIPT), cwd=tmp_path)
    try:
        began = time.monotonic()
        while not (tmp_path / "printed").exists() and time.monotonic() - began < 30:
            time.sleep(0.05)  # (the command printed its five values, then went on)
        began = time.monotonic()
        counts: list[int] = []
        while time.monotonic() - began < 3 or len(counts) < 2:  # (a loaded machine's
            shown = _shown(tmp_path)  # `track show` may take a second or more itself)
            assert shown["status"] == "running"
            metrics = shown["metrics"]
            assert isinstance(metrics, dict)
            counts.append(metrics["loss"]["count"] if "loss" in metrics else 0)
            if counts[-1] == 5:
                break
            time.sleep(0.2)
        # every value at once (summary.yaml was refreshed every 5 s: not yet there)
        assert counts and counts[-1] == 5, counts
        assert _shown(tmp_path)["metrics"]["loss"]["last"] == 0.2  # type: ignore[index]
        text = track("show", cwd=tmp_path, check=True).stdout.decode()
        lines = {line.split()[0]: line for line in text.splitlines() if line.strip()}
        assert "pending" in lines["env"] and "not recorded" not in lines["env"], text
        assert "pending" in lines["resources"], text
        assert "loss" in text
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    text = track("show", cwd=tmp_path, check=True).stdout.decode()
    assert "pending" not in text  # once ended: recorded, or "not recorded"
