"""The code a run ran: commit, branch, remote, dirty state and a patch of every change.

Nothing secret goes into the patch (``patchredact``): credential files, files holding a
private key and config files that cannot be parsed are left out of it and named in
``left_out_of_patch``; every other change is in it and applies with ``git apply``.

Dirty means the code differs from the commit: a tracked file changed, or an untracked
file was added that is code, which is to say any untracked file but binary ones (a NUL in
the first 8 KiB), ones larger than 256 KiB (data, not code; neither is in the patch), and
files an earlier run produced, with the same content (``artifactlog``: a checkpoint or
``results.txt`` a run wrote into the repository). Those stay listed in ``untracked``;
earlier runs' files also in ``untracked_artifacts``, and they are not copied into the patch.

Uses the ``git`` command line (fast to start, exact ``git diff`` output). Every call has a
timeout; any failure is recorded in ``GitState.error``, never raised.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exptrack.capture.configfile import is_config_path, read_config, secret_values
from exptrack.capture.patchredact import redact_patch
from exptrack.capture.redact import holds_private_key, is_secret_file, redact_url
from exptrack.model import GitState

if TYPE_CHECKING:
    from exptrack.capture.base import RunContext
    from exptrack.runner import RunOutcome

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
GIT_TIMEOUT_S = 10.0
MAX_UNTRACKED_LISTED = 1000
MAX_UNTRACKED_FILE_BYTES = 256 * 1024
MAX_PATCH_BYTES = 10 * 1024 * 1024


@dataclass
class GitCapture:
    state: GitState
    patch: bytes


class _GitFailed(Exception):
    pass


class _GitMissing(_GitFailed):
    pass


def _git(cwd: Path, *args: str, check: bool = True) -> bytes:
    env = dict(os.environ, LC_ALL="C", GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0")
    try:
        done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True,
                              timeout=GIT_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except FileNotFoundError as exc:
        raise _GitMissing("git is not installed (no `git` on PATH)") from exc
    except subprocess.TimeoutExpired as exc:
        raise _GitFailed(f"`git {args[0]}` took longer than {GIT_TIMEOUT_S:.0f}s") from exc
    except OSError as exc:
        raise _GitFailed(f"git could not run: {exc.strerror}") from exc
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _GitFailed(f"`git {args[0]}` failed: {message[-1] if message else done.returncode}")
    return done.stdout if done.returncode == 0 else b""


def capture_git(cwd: Path, exclude: Path | None = None,
                artifacts: Callable[[], set[str]] | None = None) -> GitCapture:
    """Capture the git state of ``cwd``; ``exclude`` (the store) is never listed;
    ``artifacts`` gives the ``artifactlog`` entries of earlier runs (asked only when an
    untracked text file needs it)."""
    state = GitState()
    try:
        try:
            top = _git(cwd, "rev-parse", "--show-toplevel").decode().strip()
        except _GitMissing:
            raise
        except _GitFailed:
            marker = _git_marker(cwd)
            if marker is None:
                return GitCapture(state, b"")  # not in a repository: nothing to say
            # A .git that git cannot read: a corrupt or half-cloned repository.
            state.repo = True
            state.root = str(marker.parent)
            raise
        if not top:
            inside = _git(cwd, "rev-parse", "--is-inside-work-tree", check=False)
            if inside.strip() != b"true":
                return GitCapture(state, b"")
        state.repo = True
        state.root = top
        root = Path(top)
        state.commit = _git(root, "rev-parse", "--verify", "-q", "HEAD", check=False)\
            .decode().strip() or None
        branch = _git(root, "symbolic-ref", "--short", "-q", "HEAD", check=False).decode().strip()
        state.branch = branch or None
        state.detached = not branch
        state.remote = _remote(root)
        base = state.commit or EMPTY_TREE
        changed = [p for p in _git(root, "diff", "--name-only", "--no-renames", "-z", base)
                   .decode("utf-8", "surrogateescape").split("\0") if p]
        values: dict[str, list[str]] = {}
        left_out = [p for p in changed if not _patchable(root / p, p, values)]
        excluded = [f":(literal,exclude){p}" for p in left_out]  # cwd is the root
        patch = _git(root, "diff", "--binary", "--no-color", "--no-ext-diff", "--no-textconv",
                     "--src-prefix=a/", "--dst-prefix=b/", base, "--", ".", *excluded)
        untracked = [p for p in _git(root, "ls-files", "--others", "--exclude-standard", "-z")
                     .decode("utf-8", "surrogateescape").split("\0") if p]
        if exclude is not None:
            untracked = [p for p in untracked if not _inside(root / p, exclude)]
        state.untracked_total = len(untracked)
        state.untracked = untracked[:MAX_UNTRACKED_LISTED]
        found = _untracked_patch(root, untracked, MAX_PATCH_BYTES - len(patch), values,
                                 _Artifacts(artifacts))
        extra, skipped, secret = found.patch, found.skipped, found.secret
        state.untracked_not_inlined = skipped[:MAX_UNTRACKED_LISTED]
        state.untracked_artifacts = found.artifacts[:MAX_UNTRACKED_LISTED]
        patch += extra
        not_code = {*found.data, *found.artifacts}
        state.dirty = bool(changed) or any(p not in not_code for p in untracked)
        if len(patch) > MAX_PATCH_BYTES:  # cut first: redaction never sees more than this
            patch = patch[:MAX_PATCH_BYTES]
            state.patch_truncated = True
        redacted = redact_patch(patch, values)
        patch = redacted.patch[:MAX_PATCH_BYTES]
        state.left_out_of_patch = sorted({*left_out, *secret, *redacted.dropped})[
            :MAX_UNTRACKED_LISTED]
        state.patch_bytes = len(patch)
        return GitCapture(state, patch)
    except _GitFailed as exc:
        state.error = str(exc)
        return GitCapture(state, b"")


def _git_marker(cwd: Path) -> Path | None:
    """The nearest ``.git`` above ``cwd``, whether or not git can read it."""
    here = cwd.absolute()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder / ".git"
    return None


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.absolute().relative_to(folder.absolute())
    except ValueError:
        return False
    return True


def _remote(root: Path) -> str | None:
    names = _git(root, "remote", check=False).decode().split()
    if not names:
        return None
    name = "origin" if "origin" in names else names[0]
    url = _git(root, "remote", "get-url", name, check=False).decode().strip()
    return redact_url(url) if url else None


def _patchable(full: Path, rel: str, values: dict[str, list[str]]) -> bool:
    """May this changed file's diff go into the patch? Not a credential file, not a config
    file that cannot be parsed; a config file's secret values are put in ``values`` (its
    added lines are redacted by them)."""
    if is_secret_file(rel):
        return False
    if not is_config_path(rel):
        return True
    try:
        if not full.is_file() or full.is_symlink():
            return True  # deleted (or a link): its diff adds nothing to redact
        values[rel] = secret_values(read_config(full)[1])
    except (OSError, ValueError):
        return False
    return True


class _Artifacts:
    """Is this untracked file's content what an earlier run produced at this path?"""

    def __init__(self, load: Callable[[], set[str]] | None) -> None:
        self._load = load
        self._known: set[str] | None = None

    def __call__(self, full: Path, data: bytes) -> bool:
        if self._load is None:
            return False
        if self._known is None:
            self._known = self._load()
        if not self._known:
            return False
        import hashlib

        from exptrack.capture.artifactlog import entry

        return entry(hashlib.sha256(data).hexdigest(), full.absolute()) in self._known


@dataclass
class _Untracked:
    patch: bytes
    skipped: list[str]  # listed, not inlined
    secret: list[str]  # also left out of the patch
    data: list[str]  # binary or larger than MAX_UNTRACKED_FILE_BYTES: not code
    artifacts: list[str]  # what earlier runs produced: not code


def _untracked_patch(root: Path, paths: list[str], budget: int, values: dict[str, list[str]],
                     is_artifact: Callable[[Path, bytes], bool]) -> _Untracked:
    """Untracked text files as new-file diffs (``git apply`` can replay them); binary and
    oversized files are returned separately, listed but not inlined, and so are credential
    files, files holding a private key and config files that cannot be parsed (these
    also in ``secret``: left out of the patch); earlier runs' files are not inlined."""
    found = _Untracked(b"", [], [], [], [])
    chunks: list[bytes] = []
    used = 0
    for rel in paths:
        full = root / rel
        if is_secret_file(rel):
            found.skipped.append(rel)  # a credential file: listed, never copied
            found.secret.append(rel)
            continue
        try:
            if not full.is_file() or full.is_symlink():
                continue
            size = full.stat().st_size
            if size > MAX_UNTRACKED_FILE_BYTES:
                found.skipped.append(rel)  # listed, too large to inline
                found.data.append(rel)
                continue
            if used + size > budget:
                continue
            data = full.read_bytes()
        except OSError:
            continue
        if b"\0" in data[:8192]:
            found.skipped.append(rel)
            found.data.append(rel)
            continue
        if is_artifact(full, data):
            found.artifacts.append(rel)
            continue
        if holds_private_key(data) or not _patchable(full, rel, values):
            found.skipped.append(rel)
            found.secret.append(rel)
            continue
        chunk = _new_file_diff(rel, data)
        used += len(chunk)
        chunks.append(chunk)
    found.patch = b"".join(chunks)
    return found


def _new_file_diff(rel: str, data: bytes) -> bytes:
    name = rel.encode("utf-8", "surrogateescape")
    header = (b"diff --git a/" + name + b" b/" + name + b"\nnew file mode 100644\n"
              b"--- /dev/null\n+++ b/" + name + b"\n")
    if not data:
        return b"diff --git a/" + name + b" b/" + name + b"\nnew file mode 100644\n"
    lines = data.split(b"\n")
    missing_newline = lines[-1] != b""
    if not missing_newline:
        lines = lines[:-1]
    body = b"".join(b"+" + line + b"\n" for line in lines)
    if missing_newline:
        body += b"\\ No newline at end of file\n"
    return header + f"@@ -0,0 +1,{len(lines)} @@\n".encode() + body


class GitStep:
    """Capture step: git state and patch, before the command can change the tree."""

    name = "git"

    def before_start(self, ctx: RunContext) -> None:
        from exptrack.capture import artifactlog

        capture = capture_git(ctx.cwd, exclude=ctx.store.root,
                              artifacts=lambda: artifactlog.known(ctx.store.root))
        ctx.write_yaml("git.yaml", capture.state.to_dict())
        if capture.patch:
            ctx.write_bytes("git.patch", capture.patch)

    def started(self, ctx: RunContext, pid: int) -> None:
        return None

    def finished(self, ctx: RunContext, outcome: RunOutcome) -> None:
        return None
