"""`track push` (to an MLflow tracking server) and `track export` (TensorBoard event
files): the options and the printing; the work is in ``exptrack.integrations``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from exptrack.commands.options import JsonOption, StoreOption, complete_run

if TYPE_CHECKING:
    from exptrack.store import RunView

RunsArgument = Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
    metavar="RUN...", show_default=False, autocompletion=complete_run,
    help="Runs (id prefix, name, @, @N).")]


def push(
    refs: RunsArgument = None,
    to: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--to", metavar="URI", show_default=False,
        help="MLflow tracking URI (default: $TRACK_MLFLOW_URI, $MLFLOW_TRACKING_URI, "
             "or push: in track.yaml).")] = None,
    experiment: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--experiment", "-e", metavar="NAME", show_default=False,
        help="MLflow experiment (default: $MLFLOW_EXPERIMENT_NAME, else the run's project "
             "folder name).")] = None,
    artifacts: Annotated[bool, typer.Option(
        "--artifacts", help="Also send the run's recorded artifacts (weights ...).")] = False,
    max_artifact_mb: Annotated[float, typer.Option(
        "--max-artifact-mb", metavar="MB", min=0,
        help="With --artifacts: skip files larger than this (0: no limit).")] = 100.0,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Push runs to an MLflow tracking server: params, every metric observation with its
    step and time, tags, status, output.log, git.patch, env.yaml and config snapshots.

    Idempotent: pushing again updates the same MLflow run and sends only what is new; a
    push cut short resumes. Default runs: those not yet fully pushed to that server.
    Credentials come from MLflow's own variables (MLFLOW_TRACKING_TOKEN ...).

    Example:

        track push --to http://mlflow:5000

        track push a1b2 --to http://mlflow:5000 --experiment resnet --artifacts
    """
    from exptrack import render
    from exptrack.config import load_config
    from exptrack.errors import ExptrackError, UsageError
    from exptrack.integrations import mlflow as ml

    uri = ml.resolve_uri(to, load_config().push)
    if not uri:
        raise UsageError("where to? give --to URI (or set TRACK_MLFLOW_URI, "
                         "MLFLOW_TRACKING_URI, or push: in track.yaml)")
    client = ml.make_client(uri)
    runs = _push_selection(store, refs or [], uri)
    if not runs:
        if json_out:
            render.print_json([])
        else:
            render.console().print(f"Nothing to push: every run is on {ml.public_uri(uri)}.")
        return
    ml.check_reachable(uri)
    results, failed = [], []
    for run in runs:
        try:
            done = ml.push_run(client, uri, run, experiment or ml.default_experiment(run),
                               artifacts, max_artifact_mb or None)
        except ExptrackError:
            raise
        except Exception as exc:
            failed.append(run.id)
            render.error(f"{run.id}: push failed: {_reason(exc)}")
            continue
        results.append(done)
        if not json_out:
            render.console().print(_line(done), highlight=False)
        for name in done.skipped_artifacts:
            render.warn(f"{run.id}: {name} not sent: larger than --max-artifact-mb "
                        f"{max_artifact_mb:g}")
    if json_out:
        render.print_json([r.to_dict() for r in results])
    if failed:
        raise ExptrackError(f"{len(failed)} of {len(runs)} run(s) not pushed "
                            f"({', '.join(failed)}); run `track push` again to complete them")


def _push_selection(store: object, refs: list[str], uri: str) -> list[RunView]:
    from exptrack.commands.selection import list_runs, select_runs
    from exptrack.integrations import mlflow as ml

    store_path = store if isinstance(store, Path) else None
    if refs:
        return select_runs(store_path, refs, [], None, 0)
    return [run for run in reversed(list_runs(store_path))
            if run.record.status != "running" and not ml.fully_pushed(run.path, uri)]


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}"


def _line(done: object) -> str:
    from exptrack.integrations.mlflow import Pushed

    assert isinstance(done, Pushed)
    what = [f"{done.metrics_sent} new observation(s) of {done.metrics_total}"]
    if done.params:
        what.append(f"{done.params} param(s)")
    if done.artifacts:
        what.append(f"{len(done.artifacts)} artifact(s)")
    state = "finished" if done.finished else "still running"
    verb = "created" if done.created else "updated"
    return (f"{done.run} -> MLflow run {done.mlflow_run_id} ({verb}, experiment "
            f"{done.experiment_id}): {', '.join(what)}; {state}")


def export(
    refs: RunsArgument = None,
    tensorboard: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--tensorboard", metavar="DIR", show_default=False, file_okay=False,
        help="Write TensorBoard event files into DIR, one folder per run.")] = None,
    where: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--where", "-w", metavar="EXPR", show_default=False,
        help="Only runs matching EXPR (repeatable), as in `track ls`.")] = None,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Export runs for other tools: TensorBoard event files (scalars with their steps and
    wall times, params as HParams and a text table), one folder per run named
    <name>-<id> or <id>. Exporting again replaces a run's event files. Default: every run.

    Example:

        track export --tensorboard tb/ && tensorboard --logdir tb/

        track export a1b2 c3d4 --tensorboard tb/
    """
    from exptrack import render
    from exptrack.commands.selection import select_runs
    from exptrack.errors import UsageError
    from exptrack.integrations.tensorboard import export_run

    if tensorboard is None:
        raise UsageError("export to what? give --tensorboard DIR")
    runs = select_runs(store, refs or [], where or [], None, 0, default_latest=False)
    done = []
    for run in runs:
        exported = export_run(run, tensorboard)
        done.append(exported)
        if not json_out:
            render.console().print(f"{run.id} -> {exported.folder}: {exported.scalars} "
                                   f"scalar(s), {exported.params} param(s)", highlight=False)
    if json_out:
        render.print_json([e.to_dict() for e in done])
    elif done:
        render.console().print(f"View them with: tensorboard --logdir {tensorboard}",
                               highlight=False)
