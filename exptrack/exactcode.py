"""The code a run ran, materialised: its recorded commit checked out into a git worktree
(``git worktree add --detach``) with its recorded ``git.patch`` applied (``git apply``).
What `track rerun --exact` runs in and `track checkout` leaves behind.

The patch holds every change against the commit, untracked text files included, except
what was never recorded (docs/format.md, ``git.yaml``): credential files, binary or large
untracked files, secrets redacted in added lines. Those are named as warnings.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from exptrack.capture.redact import REDACTED
from exptrack.errors import ExptrackError
from exptrack.store import RunView

GIT_TIMEOUT_S = 120.0


class CodeUnavailable(ExptrackError):
    """The run's code cannot be materialised: no repository, commit gone, patch refused."""


@dataclass
class Code:
    root: Path  # the worktree
    cwd: Path  # where the run's working directory is inside it
    repo: Path  # the repository it belongs to
    warnings: list[str] = field(default_factory=list)


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, LC_ALL="C", GIT_TERMINAL_PROMPT="0")
    try:
        return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=GIT_TIMEOUT_S)
    except FileNotFoundError as exc:
        raise CodeUnavailable("git is not installed (no `git` on PATH)") from exc
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CodeUnavailable(f"`git {args[0]}` could not run: {exc}") from exc


def _message(done: subprocess.CompletedProcess[bytes]) -> str:
    lines = [line for line in done.stderr.decode("utf-8", "replace").splitlines()
             if line.strip()]
    errors = [line for line in lines if line.startswith(("error:", "fatal:"))]
    return (errors or lines or [f"exit {done.returncode}"])[0]


def check_code(run: RunView, repository: Path | None = None) -> tuple[Path, str]:
    """(repository, commit) of the run's code, both still there; raises CodeUnavailable.
    ``repository``: where to look instead of the recorded root (a run recorded in a
    worktree that is gone: the repository it belonged to)."""
    git = run.git
    if not git.repo or not git.root:
        raise CodeUnavailable(f"run {run.id} was not recorded in a git repository: its code "
                              "cannot be checked out")
    if git.error:
        raise CodeUnavailable(f"run {run.id}'s git state was not recorded ({git.error})")
    if not git.commit:
        raise CodeUnavailable(f"run {run.id} ran in a repository without commits: its code "
                              "cannot be checked out")
    if git.patch_truncated:
        raise CodeUnavailable(f"run {run.id}'s patch was cut at 10 MiB: its code cannot be "
                              "reproduced exactly")
    repo = repository or Path(git.root)
    if not (repo / ".git").exists():
        raise CodeUnavailable(f"the repository of run {run.id} is gone: {repo} is not a git "
                              "repository any more")
    found = _git(repo, "cat-file", "-e", f"{git.commit}^{{commit}}")
    if found.returncode != 0:
        raise CodeUnavailable(
            f"commit {git.commit[:12]} of run {run.id} is no longer in {repo} (rebased or "
            "garbage-collected?); fetch it back, or apply `track show RUN --patch` by hand")
    return repo, git.commit


def materialise(run: RunView, target: Path, repository: Path | None = None) -> Code:
    """Check out run's commit into the new worktree ``target`` and apply its patch;
    raises CodeUnavailable (leaving nothing behind)."""
    repo, commit = check_code(run, repository)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise CodeUnavailable(f"{target} exists and is not empty")
    added = _git(repo, "worktree", "add", "--detach", "--quiet", str(target), commit)
    if added.returncode != 0:
        raise CodeUnavailable(f"cannot create a worktree at {target}: {_message(added)}")
    code = Code(root=target, cwd=_inside(run, Path(run.git.root or repo), target), repo=repo)
    patch = run.path / "git.patch"
    try:
        data = patch.read_bytes()
    except FileNotFoundError:
        data = b""
    except OSError as exc:
        remove(code)
        raise CodeUnavailable(f"cannot read {patch}: {exc.strerror}") from exc
    if data:
        applied = _git(target, "apply", "--binary", "--whitespace=nowarn", str(patch))
        if applied.returncode != 0:
            remove(code)
            raise CodeUnavailable(f"the recorded patch of run {run.id} does not apply onto "
                                  f"{commit[:12]}: {_message(applied)}")
    code.warnings = _not_recorded(run, data)
    return code


def _inside(run: RunView, repo: Path, target: Path) -> Path:
    """The run's working directory, moved from the repository into the worktree."""
    cwd = Path(run.record.cwd or repo)
    for base in (repo, repo.resolve()):
        for here in (cwd, cwd.resolve()):
            with contextlib.suppress(ValueError):
                return target / here.relative_to(base)
    return target


def _not_recorded(run: RunView, patch: bytes) -> list[str]:
    git = run.git
    notes = []
    left_out = sorted({*git.left_out_of_patch, *git.untracked_not_inlined})
    if left_out:
        shown = ", ".join(left_out[:5]) + (f" and {len(left_out) - 5} more"
                                          if len(left_out) > 5 else "")
        notes.append(f"not recorded, so missing here (credentials, binary or large "
                     f"untracked files): {shown}")
    redacted = _redacted_files(patch)
    if redacted:
        notes.append(f"secrets were redacted ({REDACTED}) in: {', '.join(redacted[:5])}")
    return notes


def _redacted_files(patch: bytes) -> list[str]:
    marker = REDACTED.encode()
    if marker not in patch:
        return []
    files: list[str] = []
    current = ""
    for line in patch.split(b"\n"):
        if line.startswith(b"+++ b/"):
            current = line[6:].decode("utf-8", "replace")
        elif line.startswith(b"+") and marker in line and current and current not in files:
            files.append(current)
    return files


def remove(code: Code) -> None:
    """Remove the worktree (and its registration in the repository). Never raises."""
    with contextlib.suppress(ExptrackError):
        _git(code.repo, "worktree", "remove", "--force", str(code.root))
    shutil.rmtree(code.root, ignore_errors=True)
    with contextlib.suppress(ExptrackError):
        _git(code.repo, "worktree", "prune")
