"""Export runs as TensorBoard event files, one folder per run (``<name>-<id>`` or
``<id>``), so that ``tensorboard --logdir DIR`` compares them and W&B, ClearML or Aim
import them.

Written with tensorboardX's public ``FileWriter`` and summary builders (the optional
extra ``exptrack[tensorboard-export]``; imported here only): a small, maintained writer
that needs neither TensorFlow nor PyTorch, and writes text and HParams summaries too
(TensorBoard's own ``tensorboard.summary.Writer`` is marked experimental and writes
scalars only). Scalars are TensorBoard's ``simple_value`` (float32: what TensorBoard and
the importers read), with the run's steps (``mlflowmap.whole_steps``) and wall times.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exptrack.errors import ExptrackError
from exptrack.integrations import mlflowmap as mm
from exptrack.store import RunView

HINT = "tensorboardX is not installed: pip install 'exptrack[tensorboard-export]'"
_UNSAFE = re.compile(r"[^\w.\-]+")


class TensorboardMissing(ExptrackError):
    def __init__(self) -> None:
        super().__init__(HINT)


@dataclass
class Exported:
    run: str
    folder: str
    scalars: int
    params: int

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def folder_name(run: RunView) -> str:
    """``<name>-<id>``, the name made safe as one folder name, or ``<id>``."""
    name = _UNSAFE.sub("_", run.record.name or "").strip("._")
    return f"{name[:80]}-{run.id}" if name else run.id


def export_run(run: RunView, out: Path) -> Exported:
    """Write ``run``'s scalars, params (HParams and a text table) and identity into
    ``out/<folder_name>``, replacing event files an earlier export wrote there."""
    try:
        from tensorboardX import FileWriter
        from tensorboardX.summary import hparams, scalar, text
    except ImportError:
        raise TensorboardMissing() from None

    from exptrack.capture.configfile import flatten
    from exptrack.jsonl import read_series

    folder = out / folder_name(run)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("events.out.tfevents.*"):
        old.unlink()
    rows, _ = read_series(run.path / "metrics.jsonl")
    start = (mm.iso_ms(run.record.started_at) or 0) / 1000
    params = {key: _hparam(value) for key, value in flatten(run.params).items()}
    writer = FileWriter(str(folder))
    try:
        for summary in hparams(params, {name: 0.0 for name in sorted({r.name for r in rows})}):
            writer.add_summary(summary, walltime=start)
        writer.add_summary(text("run", _about(run, params)), global_step=0, walltime=start)
        for row, step in zip(rows, mm.whole_steps(rows), strict=True):
            writer.add_summary(scalar(row.name, row.value), global_step=step,
                               walltime=row.time if row.time is not None else start)
    finally:
        writer.close()
    return Exported(run.id, str(folder), len(rows), len(params))


def _hparam(value: Any) -> bool | int | float | str:
    if isinstance(value, (bool, int, float, str)):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _about(run: RunView, params: dict[str, Any]) -> str:
    """The run as a Markdown text summary: identity, outcome, command, params."""
    import shlex

    record = run.record
    head = f"**{record.name or record.id}** ({record.id}): {record.status}"
    if record.exit_code is not None:
        head += f", exit code {record.exit_code}"
    parts = [head, f"`{shlex.join(record.command)}`"]
    if params:
        parts.append("\n".join(["| param | value |", "|---|---|", *(
            f"| {key} | {str(value).replace('|', '/')} |" for key, value in params.items())]))
    return "\n\n".join(parts)
