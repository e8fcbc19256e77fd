"""Editing a recorded run's labels: its name, tags and note, in its ``run.yaml``.

``run.yaml`` is rewritten whole through a temp file and a rename (every other key kept as
written), then the index is told (``index.note_run``), so the next listing shows the change.
A run still recording adopts these edits when it writes its own ``run.yaml`` again
(``adopt_edits``): a tag given while it runs is not lost at its end.

Names are unique labels: a name already in use by another run is refused (rename that run
first); a name is one line of printable text that cannot be mistaken for a reference (an
8-hex id, ``@``/``@N``) or an option (a leading ``-``).
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exptrack.errors import DamagedRun, ExptrackError, UsageError
from exptrack.refs import RECENCY_REF
from exptrack.store import RunView, Store

MAX_LABEL = 200
EDITABLE = ("name", "tags", "note")
_ID_LIKE = re.compile(r"^[0-9a-fA-F]{8}$")


class NameTaken(ExptrackError):
    """The new name is another run's."""


def _control(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c not in "\u200c\u200d"
               for c in text)


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a run, or None."""
    if not name.strip():
        return "the name is empty"
    if _control(name):
        return "a name cannot hold control or format characters"
    if name != name.strip():
        return "a name cannot start or end with spaces"
    if len(name) > MAX_LABEL:
        return f"a name is at most {MAX_LABEL} characters"
    if _ID_LIKE.match(name):
        return f"{name!r} looks like a run id: pick a name that is not 8 hex digits"
    if RECENCY_REF.match(name):
        return f"{name!r} is a reference (@ is the latest run, @N the Nth before it)"
    if name.startswith("-"):
        return "a name cannot start with '-' (it would read as an option)"
    return None


def check_name(name: str) -> str:
    problem = name_problem(name)
    if problem:
        raise UsageError(problem)
    return name


def clean_tag(text: str) -> str:
    """A tag: one line of printable text (no control characters), at most 200 characters."""
    tag = text.strip()
    if not tag:
        raise UsageError("a tag cannot be empty")
    if _control(tag):
        raise UsageError(f"a tag cannot hold control characters: {tag!r}")
    if len(tag) > MAX_LABEL:
        raise UsageError(f"a tag is at most {MAX_LABEL} characters")
    return tag


@dataclass
class TagEdits:
    refs: list[str] = field(default_factory=list)
    add: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)


def parse_tag_words(words: Sequence[str]) -> TagEdits:
    """``RUN... +tag -tag`` or ``RUN tag tag``: words starting with ``+``/``-`` add/remove
    a tag; the first bare word is a run; further bare words are runs when some ``+``/``-``
    word is given, else tags to add."""
    edits = TagEdits()
    bare: list[str] = []
    signed = False
    for word in words:
        if word.startswith("--"):
            raise UsageError(f"no such option: {word} (a tag to remove is written -TAG)")
        if word[:1] in ("+", "-") and len(word) > 1:
            signed = True
            (edits.add if word[0] == "+" else edits.remove).append(clean_tag(word[1:]))
        elif word in ("+", "-"):
            raise UsageError(f"{word!r}: write the tag right after it, e.g. +best")
        else:
            bare.append(word)
    if not bare:
        raise UsageError("name the run(s) to tag first: track tag RUN +TAG")
    edits.refs = bare if signed else bare[:1]
    if not signed:
        edits.add = [clean_tag(word) for word in bare[1:]]
    return edits


def edited_tags(tags: Sequence[str], edits: TagEdits) -> list[str]:
    """``tags`` with ``edits.add`` appended (once) and ``edits.remove`` taken out."""
    result = [t for t in tags if t not in edits.remove]
    result += [t for t in dict.fromkeys(edits.add) if t not in result]
    return result


def _read_run_yaml(path: Path) -> dict[str, Any]:
    from exptrack.fsutil import read_yaml

    try:
        data = read_yaml(path)
    except (OSError, ValueError) as exc:
        raise DamagedRun(f"cannot edit {path}: it cannot be read ({exc})") from exc
    if not isinstance(data, dict):
        raise DamagedRun(f"cannot edit {path}: it is not a mapping")
    return data


def edit_record(store: Store, run: RunView, change: Callable[[dict[str, Any]], None]) -> None:
    """Apply ``change`` to the run's ``run.yaml`` mapping, write it atomically (its mode
    kept), and update the run's index row."""
    from exptrack.fsutil import write_yaml
    from exptrack.index import note_run

    path = run.path / "run.yaml"
    with record_lock(run.path):
        data = _read_run_yaml(path)
        change(data)
        try:
            mode = os.stat(path).st_mode & 0o777
            write_yaml(path, data, mode)
        except OSError as exc:
            raise DamagedRun(f"cannot write {path}: {exc.strerror}") from exc
    note_run(store, run.path)
    for key in EDITABLE:
        if key in data:
            setattr(run.record, key, data[key])


def set_tags(store: Store, run: RunView, edits: TagEdits) -> list[str]:
    tags = edited_tags(run.record.tags, edits)

    def change(data: dict[str, Any]) -> None:
        data["tags"] = tags

    if tags != run.record.tags:
        edit_record(store, run, change)
    return tags


def set_note(store: Store, run: RunView, text: str) -> str | None:
    """Set the note (secrets redacted, as ``track run --note``); empty text clears it."""
    from exptrack.capture.redact import redact_text

    note = redact_text(text.strip("\n")) if text.strip() else None

    def change(data: dict[str, Any]) -> None:
        data["note"] = note

    edit_record(store, run, change)
    return note


def rename(store: Store, run: RunView, new: str, holders: Sequence[str]) -> None:
    """Name ``run`` ``new``; ``holders``: the ids of the runs named ``new`` now."""
    check_name(new)
    others = [run_id for run_id in holders if run_id != run.id]
    if others:
        raise NameTaken(f"the name {new!r} is run {others[0]}'s: names are unique; rename "
                        f"that run first (track rename {others[0]} OTHER-NAME)")

    def change(data: dict[str, Any]) -> None:
        data["name"] = new

    if run.record.name != new:
        edit_record(store, run, change)


def adopt_edits(run_dir: Path, record: Any) -> None:
    """Before a recorder rewrites ``run.yaml``: take the name, tags and note as they are
    on disk now (edited by `track tag/note/rename` while the run records). Never raises."""
    from exptrack.fsutil import read_yaml

    try:
        data = read_yaml(run_dir / "run.yaml")
    except (OSError, ValueError):
        return
    if not isinstance(data, dict):
        return
    name, tags, note = data.get("name"), data.get("tags"), data.get("note")
    if "name" in data and (name is None or isinstance(name, str)):
        record.name = name
    if isinstance(tags, list):
        record.tags = [str(t) for t in tags]
    if "note" in data and (note is None or isinstance(note, str)):
        record.note = note


@contextlib.contextmanager
def record_lock(run_dir: Path) -> Iterator[None]:
    """Held while ``run.yaml`` is read and rewritten (an edit, or its recorder writing
    it), so that neither loses the other's change: an advisory lock on the run folder.
    Where locks are not supported, the edit goes on unlocked."""
    import fcntl

    try:
        fd = os.open(run_dir, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # (closing releases the lock)
