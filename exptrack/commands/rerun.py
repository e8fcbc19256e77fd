"""`track rerun` and `track checkout`: run a recorded experiment again, or get its code."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from exptrack.commands.options import JsonOption, RunArgument, StoreOption, open_store
from exptrack.errors import ExptrackError, UsageError

if TYPE_CHECKING:
    from exptrack.store import RunView, Store

# `track rerun RUN -- --extra args`: what follows `--` is appended to the command.
RERUN_CONTEXT = {"allow_interspersed_args": True}


def rerun(
    ref: RunArgument,
    extra: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar="[-- ARGS...]", show_default=False,
        help="Arguments appended to the command (after --).")] = None,
    setting: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--set", metavar="KEY=VALUE", show_default=False,
        help="Change a parameter where it appears in the command: --KEY V, --KEY=V or "
             "Hydra KEY=V (repeatable; - and _ alike).")] = None,
    add: Annotated[bool, typer.Option(
        "--add", help="A --set KEY the command does not have is appended in the command's "
                      "style, instead of being an error.")] = False,
    exact: Annotated[bool, typer.Option(
        "--exact", help="Run the original code: the recorded commit checked out into a "
                        "temporary git worktree with the recorded patch applied.")] = False,
    keep: Annotated[bool, typer.Option(
        "--keep", help="With --exact: keep the worktree (and what the run wrote in it).")]
    = False,
    name: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--name", help="A name for the new run.")] = None,
    tag: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--tag", help="A tag for the new run (repeatable).")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Print the command and where it would run; run nothing.")] = False,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Run a recorded run's command again, in its working directory, recorded as a new run
    whose run.yaml names it (origin). The exit code is the command's.

    --set changes parameters where they appear in the command; a KEY that appears nowhere
    is an error unless --add. With --exact the code is the original run's: its commit in a
    temporary git worktree, its uncommitted changes (git.patch) applied, the same
    subdirectory as working directory; the worktree is removed afterwards unless --keep.

    Example:

        track rerun a1b2 --set lr=0.02 --set epochs=30

        track rerun baseline --exact

        track rerun @ -- --seed 2
    """
    from exptrack.argvset import apply_settings, parse_setting
    from exptrack.capture.redact import REDACTED
    from exptrack.commands.run import _clean_label, _clean_name
    from exptrack.selection import resolve

    the_store = open_store(store)
    (run,) = resolve(the_store, [ref])
    if not run.record.command:
        raise ExptrackError(f"run {run.id} has no recorded command")
    settings = [parse_setting(text) for text in setting or []]
    command = apply_settings(run.record.command, settings, add) + list(extra or [])
    hidden = [token for token in command if REDACTED in token]
    if hidden:
        raise UsageError(f"the recorded command held a secret that was not recorded "
                         f"({hidden[0]}): give it with --set KEY=VALUE")
    cwd = Path(run.record.cwd) if run.record.cwd else None
    if not exact and (cwd is None or not cwd.is_dir()):
        ancestor = origin_with_code(the_store, run)  # an exact re-run's worktree is gone
        if ancestor is None or not Path(ancestor.record.cwd).is_dir():
            raise ExptrackError(f"the working directory of run {run.id} is gone: {cwd}")
        cwd = Path(ancestor.record.cwd)
    if dry_run:
        _print_plan(run, command, cwd, exact, json_out)
        return
    labels = Labels(_clean_name(name), [t for t in (_clean_label(t) for t in tag or []) if t])
    if not exact:
        assert cwd is not None
        raise typer.Exit(_record(the_store, run, command, cwd, labels))
    raise typer.Exit(_record_exact(the_store, run, command, keep, labels))


def origin_with_code(store: Store, run: RunView) -> RunView | None:
    """For a run recorded in a worktree that is gone (`rerun --exact`): the nearest run of
    its origins whose repository is still there (the worktree's commits are in it), or
    None when the run's own repository is there or none is found."""
    from exptrack.selection import resolve

    current, seen = run, {run.id}
    while current.git.root and not (Path(current.git.root) / ".git").exists():
        origin = current.record.origin
        if not origin or origin in seen:
            return None
        seen.add(origin)
        try:
            (current,) = resolve(store, [origin])
        except ExptrackError:
            return None
    return current if current is not run else None


def _print_plan(run: RunView, command: list[str], cwd: Path | None, exact: bool,
                json_out: bool) -> None:
    from exptrack import render

    if json_out:
        render.print_json({"origin": run.id, "command": command, "cwd": str(cwd),
                           "exact": exact, "commit": run.git.commit if exact else None})
        return
    where = f"{cwd}" + (f" (in a worktree of {run.git.commit} + git.patch)" if exact else "")
    render.console().print(f"would run in {where}:\n{shlex.join(command)}", markup=False,
                           soft_wrap=True)


@dataclass
class Labels:
    name: str | None
    tags: list[str]


def _record(store: Store, run: RunView, command: list[str], cwd: Path, labels: Labels) -> int:
    from exptrack.commands.run import record
    from exptrack.recorder import RunRequest

    return record(RunRequest(command=command, store=store, cwd=cwd, origin=run.id,
                             name=labels.name, tags=labels.tags))


def _record_exact(store: Store, run: RunView, command: list[str], keep: bool,
                  labels: Labels) -> int:
    import shutil
    import tempfile

    from exptrack import exactcode, render

    parent = Path(tempfile.mkdtemp(prefix=f"track-exact-{run.id}-"))
    ancestor = origin_with_code(store, run)
    repository = Path(ancestor.git.root) if ancestor and ancestor.git.root else None
    try:
        code = exactcode.materialise(run, parent / (repository or Path(run.git.root or "code")
                                                    ).name, repository)
    except BaseException:
        shutil.rmtree(parent, ignore_errors=True)
        raise
    for warning in code.warnings:
        render.warn(warning)
    try:
        code.cwd.mkdir(parents=True, exist_ok=True)  # an untracked, empty folder
        return _record(store, run, command, code.cwd, labels)
    finally:
        if keep:
            render.notice(f"the code is kept in {code.root} (git -C {code.repo} worktree "
                          f"remove --force {code.root} removes it)")
        else:
            exactcode.remove(code)
            shutil.rmtree(parent, ignore_errors=True)


def checkout(
    ref: RunArgument,
    directory: Annotated[Path, typer.Argument(
        metavar="DIR", show_default=False,
        help="Where to put the code (a new or empty folder).")],
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Materialise a run's code without running it: its recorded commit as a git worktree
    (detached) in DIR, with its uncommitted changes (git.patch) applied.

    Remove it with `git worktree remove DIR` when done.

    Example:

        track checkout a1b2 /tmp/a1b2-code

        cd /tmp/a1b2-code && git diff --stat   # what the run changed on top of its commit
    """
    from exptrack import exactcode, render
    from exptrack.selection import resolve

    the_store = open_store(store)
    (run,) = resolve(the_store, [ref])
    ancestor = origin_with_code(the_store, run)
    code = exactcode.materialise(run, directory.absolute(), Path(ancestor.git.root)
                                 if ancestor and ancestor.git.root else None)
    for warning in code.warnings:
        render.warn(warning)
    if json_out:
        render.print_json({"id": run.id, "path": str(code.root), "cwd": str(code.cwd),
                           "commit": run.git.commit, "repo": str(code.repo),
                           "warnings": code.warnings})
    else:
        render.console().print(f"run {run.id}'s code ({(run.git.commit or '')[:12]} + its "
                               f"patch) is in {code.root}; it ran in {code.cwd}",
                               markup=False, soft_wrap=True)
