"""`track rm`, `restore`, `gc`, `tag`, `note`, `rename`: living with recorded runs.

Every command writes the run folders first (the truth; atomically) and then the index row
of each run it changed, so the next `ls` shows the change at once.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from exptrack.commands.options import (
    JsonOption,
    RunArgument,
    StoreOption,
    complete_run,
    open_store,
)
from exptrack.errors import UsageError

if TYPE_CHECKING:
    from exptrack.store import RunView, Store
    from exptrack.trash import Trashed

YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
RunsArgument = Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
    metavar="RUN...", show_default=False, autocompletion=complete_run,
    help="Run id prefixes, names, @, @N.")]
# `track tag RUN -draft`: -draft is a tag to remove, not an option.
TAG_CONTEXT = {"ignore_unknown_options": True}


def confirm(question: str, yes: bool) -> None:
    """Go on when ``yes``; on a terminal, ask; elsewhere refuse (a script must say -y)."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise UsageError("not a terminal, so nothing was asked and nothing done: add -y "
                         "to confirm")
    if not typer.confirm(question, default=False, err=True):
        raise typer.Exit(1)


def _selected(store: Store, refs: list[str], where: list[str]) -> list[RunView]:
    from exptrack.selection import Ask, list_runs, resolve

    if not refs and not where:
        raise UsageError("name the runs to remove (RUN... or --where EXPR)")
    runs = resolve(store, refs) if refs else []
    if where:
        matching = list_runs(store, Ask(where=where, limit=0)).runs
        if refs:
            keep = {run.id for run in matching}
            runs = [run for run in runs if run.id in keep]
        else:
            runs = matching
    return list({run.id: run for run in runs}.values())


def rm(
    refs: RunsArgument = None,
    where: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--where", "-w", metavar="EXPR", show_default=False,
        help="Remove the runs matching EXPR, as in `track ls` (repeatable; with RUN...: "
             "those of them that match).")] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Bring back the runs of the last "
                                                      "removal.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Also remove runs still "
                                                        "recording.")] = False,
    yes: YesOption = False,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Move runs to the store's trash (<store>/trash/): `track rm --undo` brings the last
    removal back, `track restore RUN` any trashed run, `track gc` deletes them for good.

    Shows the runs and asks first on a terminal (-y skips the question; elsewhere -y is
    required). A run still recording is never removed without --force.

    Example:

        track rm a1b2 c3d4

        track rm --where status=failed --where 'duration<5' -y

        track rm --undo
    """
    from exptrack import render, render_manage, trash

    the_store = open_store(store)
    if undo:
        if refs or where:
            raise UsageError("--undo takes no RUN or --where: it restores the last removal")
        _restore(the_store, trash.last_removal(the_store), json_out)
        return
    runs = _selected(the_store, list(refs or []), list(where or []))
    if not runs:
        if json_out:
            render.print_json({"removed": [], "batch": None})
        else:
            render.console().print("No run matches: nothing removed.")
        return
    trash.check_removable(runs, force)
    count = render_manage.runs_count(len(runs))
    if not json_out:
        render_manage.print_runs(f"Removing {count} (to the trash; `track rm --undo` "
                                 "brings them back):", runs)
    confirm(f"Remove {count}?", yes)
    removal = trash.move_to_trash(the_store, runs)
    if json_out:
        render.print_json({"removed": render_manage.run_refs(runs), "batch": removal.batch})
    else:
        render.console().print(f"Removed {count}. Undo: track rm --undo", markup=False)


def _restore(store: Store, items: list[Trashed], json_out: bool) -> None:
    from exptrack import render, render_manage, trash

    restored = trash.restore(store, items)
    views = [item.view for item in items if item.id in restored]
    if json_out:
        render.print_json({"restored": render_manage.run_refs(views)})
    else:
        render_manage.print_runs(f"Restored {render_manage.runs_count(len(views))}:", views)


def complete_trashed(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of `track restore`: the ids and names of the trashed runs."""
    try:
        from exptrack.trash import trashed

        items = trashed(open_store(ctx.params.get("store")))
        found = [(t.id, t.view.record.name or t.view.record.status) for t in items]
        found += [(t.view.record.name, "name") for t in items if t.view.record.name]
        return [(value, about) for value, about in found if value.startswith(incomplete)]
    except Exception:  # completion must never print a traceback into the shell
        return []


def restore(
    refs: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar="RUN...", show_default=False, autocompletion=complete_trashed,
        help="Trashed runs: id prefixes, names, @ (the last removed).")] = None,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Bring runs back from the trash (id prefix, name, @ for the last removed); with no
    RUN, list the trash.

    Example:

        track restore            # what is in the trash

        track restore a1b2 baseline
    """
    from exptrack import render, render_manage, trash

    the_store = open_store(store)
    items = trash.trashed(the_store)
    if not refs:
        if json_out:
            render.print_json([{**ref, "batch": item.batch} for item, ref in zip(
                items, render_manage.run_refs([i.view for i in items]), strict=True)])
        elif items:
            render_manage.print_runs("In the trash (the last removal first); `track restore "
                                     "RUN` brings one back:", [i.view for i in items])
        else:
            render.console().print("The trash is empty.")
        return
    views = the_store.resolve_all(list(refs), [item.view for item in items])
    wanted = {view.id for view in views}
    _restore(the_store, [item for item in items if item.id in wanted], json_out)


def gc(
    prune: Annotated[bool, typer.Option(
        "--prune", help="Also delete runs whose command never started, or that failed or "
                        "crashed within --under seconds.")] = False,
    under: Annotated[float, typer.Option(
        "--under", metavar="SECONDS", min=0,
        help="With --prune: how short a failed or crashed run must be.")] = 10.0,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n",
                                          help="Only show what would be deleted.")] = False,
    yes: YesOption = False,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Delete the trash for good; with --prune, also the runs that never really ran.

    Shows what goes and asks first on a terminal (-y skips the question; elsewhere -y is
    required). A run still recording is never pruned.

    Example:

        track gc --prune --dry-run

        track gc -y
    """
    from exptrack import render, render_manage, trash
    from exptrack.selection import all_runs

    the_store = open_store(store)
    items = trash.trashed(the_store)
    pruned: list[tuple[RunView, str]] = []
    if prune:
        for run in all_runs(the_store):
            reason = trash.prune_reason(run, under)
            if reason:
                pruned.append((run, reason))
    size = sum(trash.folder_bytes(item.view.path) for item in items) \
        + sum(trash.folder_bytes(run.path) for run, _ in pruned)
    if json_out and (dry_run or (not items and not pruned)):
        render.print_json(_gc_json(items, pruned, size, deleted=False))
        return
    if not json_out:
        plural = render_manage.runs_count
        if items:
            render_manage.print_runs(f"In the trash: {plural(len(items))}",
                                     [i.view for i in items])
        if pruned:
            render_manage.print_runs(f"To prune: {plural(len(pruned))}",
                                     [r for r, _ in pruned], [why for _, why in pruned])
    if not items and not pruned:
        if not json_out:
            render.console().print("Nothing to delete.")
        return
    if dry_run:
        render.console().print(f"Would delete {render_manage.runs_count(len(items) + len(pruned))} "
                               f"({render.fmt_bytes(size)}); nothing done (--dry-run).")
        return
    confirm(f"Delete {render_manage.runs_count(len(items) + len(pruned))} for good?", yes)
    if pruned:
        trash.move_to_trash(the_store, [run for run, _ in pruned])
    count = trash.empty_trash(the_store, render.warn)
    if json_out:
        render.print_json(_gc_json(items, pruned, size, deleted=True))
    else:
        render.console().print(f"Deleted {render_manage.runs_count(count)} "
                               f"({render.fmt_bytes(size)}).")


def _gc_json(items: list[Trashed], pruned: list[tuple[RunView, str]], size: int,
             deleted: bool) -> dict[str, object]:
    from exptrack import render_manage

    return {"deleted": deleted, "bytes": size,
            "trash": [{**ref, "batch": item.batch} for item, ref in zip(
                items, render_manage.run_refs([i.view for i in items]), strict=True)],
            "pruned": [{**ref, "reason": why} for (_, why), ref in zip(
                pruned, render_manage.run_refs([r for r, _ in pruned]), strict=True)]}


def tag(
    words: Annotated[list[str], typer.Argument(
        metavar="RUN... [+TAG|-TAG|TAG]...", show_default=False, autocompletion=complete_run,
        help="The runs, then +TAG to add and -TAG to remove. Without any +/- word: one "
             "RUN, then the tags to add.")],
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Add or remove tags: +TAG adds, -TAG removes; with no +/- word, the words after
    the first (the run) are tags to add. With no tag at all, print the run's tags.

    Example:

        track tag a1b2 +best -draft

        track tag a1b2 c3d4 @ +ablation

        track tag a1b2 baseline cnn
    """
    from exptrack import render
    from exptrack.runedit import parse_tag_words, set_tags
    from exptrack.selection import resolve

    edits = parse_tag_words(words)
    the_store = open_store(store)
    runs = resolve(the_store, edits.refs)
    tagged = [(run, set_tags(the_store, run, edits) if edits.add or edits.remove
               else run.record.tags) for run in {run.id: run for run in runs}.values()]
    if json_out:
        render.print_json([{"id": run.id, "name": run.record.name, "tags": tags}
                           for run, tags in tagged])
        return
    out = render.console()
    for run, tags in tagged:
        out.print(f"{run.id}: {', '.join(tags) if tags else '(no tags)'}", markup=False)


def note(
    ref: RunArgument,
    text: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        show_default=False, help="The note; '' clears it. Without it: $VISUAL/$EDITOR "
                                 "opens the current note.")] = None,
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Set a run's note (secrets redacted, as `track run --note`); an empty note clears it.

    Example:

        track note a1b2 "lr too high: diverged at epoch 3"

        track note @          # edit the latest run's note in $EDITOR
    """
    from exptrack import render
    from exptrack.runedit import set_note
    from exptrack.selection import resolve

    the_store = open_store(store)
    (run,) = resolve(the_store, [ref])
    if text is None:
        text = _edit_text(run.record.note or "")
    new = set_note(the_store, run, text)
    if json_out:
        render.print_json({"id": run.id, "name": run.record.name, "note": new})
    else:
        render.console().print(f"{run.id}: note {'set' if new else 'cleared'}", markup=False)


def _edit_text(current: str) -> str:
    """The text the user leaves in $VISUAL/$EDITOR (default vi), started on ``current``."""
    import os
    import shlex
    import subprocess
    import tempfile

    from exptrack.errors import ExptrackError

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    fd, path = tempfile.mkstemp(prefix="track-note-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(current + ("\n" if current else ""))
        try:
            done = subprocess.run([*shlex.split(editor), path], check=False)
        except OSError as exc:
            raise ExptrackError(f"cannot start the editor {editor!r}: {exc.strerror}; "
                                "give the note as an argument") from exc
        if done.returncode != 0:
            raise ExptrackError(f"the editor {editor!r} failed (exit {done.returncode}); "
                                "the note is unchanged")
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    finally:
        os.unlink(path)


def rename(
    ref: RunArgument,
    new_name: Annotated[str, typer.Argument(metavar="NEW-NAME", show_default=False,
                                            help="The new name (unique in the store).")],
    json_out: JsonOption = False,
    store: StoreOption = None,
) -> None:
    """Give a run a new name. Names are unique labels: a name another run has is refused
    (rename that run first). Not allowed: control characters, 8 hex digits (an id), @ or
    @N, a leading '-'.

    Example:

        track rename a1b2 resnet50-lr0.01
    """
    from exptrack import render
    from exptrack.runedit import check_name
    from exptrack.runedit import rename as rename_run
    from exptrack.selection import named, resolve

    check_name(new_name)
    the_store = open_store(store)
    (run,) = resolve(the_store, [ref])
    old = run.record.name
    rename_run(the_store, run, new_name, named(the_store, new_name))
    if json_out:
        render.print_json({"id": run.id, "name": new_name, "old_name": old})
    else:
        render.console().print(f"{run.id}: {old or '(no name)'} -> {new_name}", markup=False)
