"""Run references: ``@N`` (the Nth newest), a full id, a name, an id prefix; and the
names and ids a mistyped reference may have meant."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from exptrack.errors import AmbiguousRef, RunNotFound

if TYPE_CHECKING:
    from exptrack.store import RunView

RECENCY_REF = re.compile(r"^@(\d*)$")


def resolve_one(ref: str, runs: list[RunView], ids: list[str], names: list[str | None],
                first_by_id: dict[str, RunView]) -> RunView:
    """The run ``ref`` names among ``runs`` (newest first); ``ids`` and ``names`` are
    theirs, ``first_by_id`` the first run of each id."""
    match = RECENCY_REF.match(ref)
    if match:
        index = int(match.group(1) or 0)
        if index >= len(runs):
            raise RunNotFound(ref, [] if runs else ())
        return runs[index]
    exact = first_by_id.get(ref)
    if exact is not None:
        return exact
    named = [run for run, name in zip(runs, names, strict=True) if name == ref]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise AmbiguousRef(ref, [f"{r.id} ({r.record.started_at[:16]})" for r in named])
    lowered = ref.lower()
    prefixed = [run for run, run_id in zip(runs, ids, strict=True)
                if run_id.startswith(lowered)] if ref else []
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        raise AmbiguousRef(ref, [r.id for r in prefixed])
    raise RunNotFound(ref, close_refs(ref, runs))


def close_refs(ref: str, runs: list[RunView], limit: int = 5) -> list[str]:
    """Names and ids that look like a mistyped ``ref``: same name but for case, similar
    names, ids sharing its first characters."""
    if not ref:
        return []
    names = sorted({r.record.name for r in runs if r.record.name})
    found = [n for n in names if n.lower() == ref.lower()]
    found += [n for n in difflib.get_close_matches(ref, names, n=limit, cutoff=0.6)
              if n not in found]
    found += [r.id for r in runs if ref.lower()[:2] == r.id[:2]]
    return found[:limit]
