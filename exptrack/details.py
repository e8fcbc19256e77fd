"""The parts of a run that `show --json` adds to the summary: environment, resources,
artifacts and data inputs, read from their files in the run folder (absent -> empty)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from exptrack.fsutil import read_yaml
from exptrack.store import RunView


def _read(path: Path) -> Any:
    try:
        return read_yaml(path)
    except (OSError, yaml.YAMLError, ValueError):
        return None


def run_details(run: RunView) -> dict[str, Any]:
    """``env``, ``resources``, ``artifacts``, ``inputs`` of a run (see docs/format.md)."""
    env = _read(run.path / "env.yaml")
    resources = _read(run.path / "resources.yaml")
    artifacts = _read(run.path / "artifacts.yaml")
    inputs = _read(run.path / "inputs.yaml")
    return {
        "env": env if isinstance(env, dict) else {},
        "resources": resources if isinstance(resources, dict) else {},
        "artifacts": (artifacts or {}).get("artifacts", []) if isinstance(artifacts, dict)
        else [],
        "inputs": (inputs or {}).get("inputs", []) if isinstance(inputs, dict) else [],
    }
