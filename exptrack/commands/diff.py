"""`track diff`: what changed between runs, and how it changed the results."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from exptrack.commands.options import (
    JsonOption,
    StoreOption,
    complete_run,
    open_store,
    project_directions,
)
from exptrack.errors import UsageError

if TYPE_CHECKING:
    from exptrack.store import RunView

GIT_TIMEOUT_S = 10.0


def diff(
    refs: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar="RUN", show_default=False, autocompletion=complete_run,
        help="Runs to compare (id prefix, name, @, @N); the first is the baseline. "
             "Default: the run before the latest against the latest.")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Show every row, not only the "
                                                         "differences.")] = False,
    code: Annotated[bool, typer.Option("--code", help="Also print the full code diff: "
                                                      "commits, then uncommitted patches.")]
    = False,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Compare runs: command, params, metrics (with deltas), outcome, code, environment
    and data. Only differences are shown unless --all.

    With one RUN, it is compared against the latest run.

    Example:

        track diff                 # the run before the latest vs the latest

        track diff baseline @ --code

        track diff a1b2 c3d4 e5f6 --json
    """
    from exptrack import compare, render, render_diff
    from exptrack.commands.inspect import insight_dicts
    from exptrack.commands.options import rebuild_progress
    from exptrack.details import run_details
    from exptrack.selection import resolve

    the_store = open_store(store)
    wanted = list(refs or [])
    if len(wanted) < 2:
        count = len(the_store.run_ids())
        if count < 2:
            raise UsageError(f"diff needs two runs; the store has {count}")
        wanted = [*wanted, "@"] if wanted else ["@1", "@"]
    runs = resolve(the_store, wanted, rebuild_progress())
    if len({r.id for r in runs}) < len(runs):
        raise UsageError("diff needs different runs; "
                         f"{', '.join(wanted)} name the same run more than once")
    details = [run_details(r) for r in runs]
    result = compare.diff_runs(runs, details, [_patch_hash(r) for r in runs],
                                project_directions())
    result["code"]["diffstat"] = _diffstats(runs)
    shown = result if show_all else compare.only_differences(result)
    shown["insights"] = {run.id: insight_dicts(run) for run in runs}
    code_diff = _code_diff(runs) if code else None
    if json_out:
        render.print_json({**shown, "code_diff": code_diff} if code else shown)
    else:
        render_diff.print_diff(shown, show_all, code_diff)


def _patch_hash(run: RunView) -> str | None:
    if not run.git.dirty:
        return None
    try:
        patch = (run.path / "git.patch").read_bytes()
    except OSError:
        return None
    import hashlib  # OpenSSL's start-up: only when there is a patch to hash

    return hashlib.sha256(patch).hexdigest()


def _git(root: str, *args: str) -> str | None:
    """Output of a git command in ``root``; None when git, the repo or a commit is gone."""
    import subprocess

    try:
        done = subprocess.run(["git", "-C", root, *args], capture_output=True,
                              timeout=GIT_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace")


def _pairs(runs: list[RunView]) -> list[tuple[str, str, str]]:
    """(repo root, baseline commit, other commit) for each run whose commit differs from
    the baseline's and both commits exist in the baseline's repository."""
    base = runs[0].git
    if not base.commit or not base.root or not Path(base.root).is_dir():
        return []
    pairs = []
    for run in runs[1:]:
        other = run.git.commit
        if not other or other == base.commit:
            continue
        if all(_git(base.root, "cat-file", "-e", f"{c}^{{commit}}") is not None
               for c in (base.commit, other)):
            pairs.append((base.root, base.commit, other))
    return pairs


def _diffstats(runs: list[RunView]) -> list[dict[str, Any]]:
    stats = []
    for root, old, new in _pairs(runs):
        text = _git(root, "diff", "--stat=78", old, new)
        if text is not None:
            stats.append({"from": old, "to": new, "stat": text})
    return stats


def _code_diff(runs: list[RunView]) -> str:
    import difflib

    parts = []
    for root, old, new in _pairs(runs):
        parts.append(_git(root, "diff", "--no-color", "--no-ext-diff", old, new) or "")
    base_patch = _read_patch(runs[0])
    for run in runs[1:]:
        patch = _read_patch(run)
        if patch != base_patch:
            parts.append("".join(difflib.unified_diff(
                base_patch.splitlines(keepends=True), patch.splitlines(keepends=True),
                fromfile=f"{runs[0].id}/git.patch", tofile=f"{run.id}/git.patch")))
    return "\n".join(p for p in parts if p)


def _read_patch(run: RunView) -> str:
    try:
        return (run.path / "git.patch").read_text("utf-8", "replace")
    except OSError:
        return ""
