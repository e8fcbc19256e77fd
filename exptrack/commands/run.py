"""`track run`: record a command."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from exptrack.commands.options import StoreOption, open_store

if TYPE_CHECKING:
    from exptrack.model import RunRecord
    from exptrack.recorder import RunRequest

# Options end at the command's first word: what follows is the command's (`track run
# python train.py --lr 1` passes --lr on). An unknown option before it is a usage error,
# never the command: `track run --nmae x -- true` must not run `--nmae`.
RUN_CONTEXT = {"allow_extra_args": True, "allow_interspersed_args": False}


def run(
    command: Annotated[list[str], typer.Argument(help="The command to run and record.",
                                                 show_default=False)],
    name: Annotated[Optional[str], typer.Option("--name", help="A name for the run.")] = None,  # noqa: UP045
    tag: Annotated[Optional[list[str]], typer.Option("--tag", help="A tag (repeatable).")] = None,  # noqa: UP045
    note: Annotated[Optional[str], typer.Option("--note", help="A free-text note.")] = None,  # noqa: UP045
    param: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--param", help="Record a parameter KEY=VALUE (repeatable).")] = None,
    artifact: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--artifact", metavar="GLOB",
        help="Also record files matching GLOB (relative to the working directory) as "
             "artifacts, whenever they were written (repeatable).")] = None,
    copy_artifacts: Annotated[bool, typer.Option(
        "--copy-artifacts", help="Copy the --artifact matches (without --artifact: the model "
                                 "weights found) into the run folder.")] = False,
    metric_pattern: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--metric-pattern", metavar="REGEX",
        help="Extra metric regex with named groups (repeatable), e.g. "
             r"'top1=(?P<top1>[\d.]+)'.")] = None,
    no_default_patterns: Annotated[bool, typer.Option(
        "--no-default-patterns",
        help="Only the configured and --metric-pattern patterns find metrics.")] = False,
    push: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--push", metavar="URI", show_default=False,
        help="Stream the run to this MLflow tracking server while it trains (default: "
             "push: in track.yaml); a server that is down never disturbs the training.")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Run COMMAND and record it: params, git, environment, output, metrics, outcome.

    Everything after `--` is the command, exactly as you would type it.

    Example:

        track run --name baseline --tag cnn -- python train.py --lr 0.01 --epochs 5

        track run --push http://mlflow:5000 -- python train.py
    """
    from exptrack.capture.params import parse_param_option
    from exptrack.commands.parse import checked_patterns
    from exptrack.recorder import RunRequest

    if not command:
        raise typer.BadParameter("give the command to run after --", param_hint="COMMAND")
    patterns = checked_patterns(metric_pattern, "--metric-pattern")
    request = RunRequest(
        command=list(command),
        store=open_store(store),
        name=_clean_name(name),
        tags=[cleaned for cleaned in (_clean_label(t) for t in (tag or [])) if cleaned],
        note=note,
        params=dict(parse_param_option(p) for p in (param or [])),
        metric_patterns=patterns,
        use_default_patterns=not no_default_patterns,
        cwd=Path.cwd(),
        step_options={"artifact_globs": list(artifact or []), "copy_artifacts": copy_artifacts},
        push=push,
    )
    raise typer.Exit(record(request))


def record(request: RunRequest) -> int:
    """Record ``request`` (`track run`, `track rerun`), end with the run's one-line summary
    on stderr; returns the command's exit code."""
    from exptrack import render
    from exptrack.recorder import Recorder

    result = Recorder(request, render.warn, render.notice).run()
    if result.run_id is not None and result.record is not None:
        with contextlib.suppress(Exception):  # a summary line never costs the exit code
            print_end_line(request, result.record)
    return result.outcome.exit_code


def print_end_line(request: RunRequest, record: RunRecord) -> None:
    from exptrack import query, render
    from exptrack.render_manage import end_line, stderr_color

    view = request.store.load(record.id)
    view.record = record  # the outcome as it is, even where run.yaml could not be written
    headline = query.headline_metrics([view], limit=1, configured=request.directions)
    render.notice_raw(end_line(view, headline[0] if headline else None, stderr_color(),
                               _first_problem(view.path, request.directions)))


def _first_problem(path: Path, directions: dict[str, str]) -> str | None:
    """The most severe insight, short (``overfitting from epoch 12``), for the end line;
    None when there is none or the insights cannot be computed (never a failure here)."""
    from exptrack.config import load_config
    from exptrack.insights import Thresholds, run_insights

    try:
        settings = load_config().insights
    except Exception:  # reported by the run itself; the defaults here
        settings = {}
    try:
        found = [i for i in run_insights(path, Thresholds.from_mapping(settings), directions)
                 if i.problem]
    except Exception:  # a diagnosis must never cost the run its end line
        return None
    if not found:
        return None
    where = found[0].where()
    return found[0].kind.replace("_", " ") + (f" from {where}" if where else "")


def _clean_label(text: str) -> str:
    """One line of printable text, at most 200 characters: a name or tag can never move
    the cursor, colour the terminal or break a listing (no control characters)."""
    import unicodedata

    # Format characters go too (bidi overrides can disguise a name), but the joiners that
    # emoji sequences need stay.
    printable = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c not in "\u200c\u200d"
        else c for c in text)
    return " ".join(printable.split())[:200]


def _clean_name(name: str | None) -> str | None:
    if name is None:
        return None
    from exptrack.runedit import name_problem

    cleaned = _clean_label(name)
    problem = name_problem(cleaned)
    if problem:  # (an id-like name or @N could never be referred to)
        raise typer.BadParameter(problem, param_hint="--name")
    return cleaned
