"""Which runs a command works on: references (``a1b2``, a name, ``@``, ``@N``) and the
listing's filters, order and limit, asked of the index in SQL, with ``query.py``'s meaning.
When the index cannot be used (locked, unwritable), the same questions are answered in
Python over the run folders (slower, same answers)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from exptrack import query
from exptrack.errors import AmbiguousRef, RunNotFound, UsageError
from exptrack.index import ALL_FILES, ARTIFACTS, RUN_YAML, SUMMARY, Index, Progress, open_index
from exptrack.indexdb import IndexUnavailable, discard, index_path
from exptrack.refs import RECENCY_REF, close_refs
from exptrack.store import RunView, Store

T = TypeVar("T")
ORDER = "r.started_at DESC, r.id DESC"  # newest first: every listing's base order
_STATUS = "CASE WHEN r.id IN temp.crashed THEN 'crashed' ELSE r.status END"  # live
_KINDS = "(SELECT json_group_array(kind) FROM insights WHERE run_id = r.id)"
# --where/--sort on a field: (SQL value, its kind as query._order ranks it, decode)
_FIELDS: dict[str, tuple[str, int, Callable[[Any], Any] | None]] = {
    "id": ("r.id", 1, None), "name": ("r.name", 1, None), "status": (_STATUS, 1, None),
    "tags": ("r.tags", 2, json.loads), "tag": ("r.tags", 2, json.loads),
    "exit_code": ("r.exit_code", 0, None), "started": ("r.started_at", 1, None),
    "started_at": ("r.started_at", 1, None), "ended_at": ("r.ended_at", 1, None),
    "duration": ("r.duration_s", 0, None), "duration_s": ("r.duration_s", 0, None),
    "host": ("r.host", 1, None), "commit": ("r.git_commit", 1, None),
    "branch": ("r.git_branch", 1, None), "dirty": ("r.dirty", 0, bool),
    "cwd": ("r.cwd", 1, None), "command": ("r.command", 1, None), "note": ("r.note", 1, None),
    "insight": (_KINDS, 2, json.loads), "insights": (_KINDS, 2, json.loads),
}


@dataclass
class Selection:
    runs: list[RunView]  # the runs to show, in order
    total: int  # how many matched before the limit
    best_values: dict[str, query.BestValue] = field(default_factory=dict)
    sort_key: query.Key | None = None
    insights: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # by run id


@dataclass
class Ask:
    """What `track ls` asks for."""

    artifact: str | None = None
    where: Sequence[str] = ()
    best: str | None = None
    sort: str | None = None
    descending: bool | None = None
    limit: int = 0
    directions: dict[str, str] = field(default_factory=dict)


def with_index(store: Store, progress: Progress | None, ask: Callable[[Index], T],
               fallback: Callable[[], T]) -> T:
    """``ask`` the store's index; a damaged database is rebuilt once; an unusable one
    (locked, unwritable) makes ``fallback`` read the folders; so does a store that does
    not exist yet (no database is made for it)."""
    if not store.runs_dir.is_dir():
        return fallback()
    for _ in range(2):
        try:
            index = open_index(store, progress)
        except IndexUnavailable:
            return fallback()
        try:
            return ask(index)
        except (IndexUnavailable, sqlite3.OperationalError):
            return fallback()
        except sqlite3.DatabaseError:  # damaged under our feet: rebuilt from the folders
            index.conn.close()
            discard(index_path(store))
        finally:
            index.conn.close()
    return fallback()


# ---------------------------------------------------------------- references

def resolve(store: Store, refs: Sequence[str], progress: Progress | None = None
            ) -> list[RunView]:
    """The runs ``refs`` name, each checked on its files; no scan of the store while the
    runs folder is unchanged since the last one (no run added or removed) and the runs
    found are as their rows say."""
    wanted = [ref.strip() for ref in refs]

    def ask(index: Index) -> list[RunView]:
        if index.folder_unchanged():
            try:
                ids = [_resolve_one(index.conn, ref) for ref in wanted]
            except (RunNotFound, AmbiguousRef):
                ids = []
            if ids and not index.check(ids, (RUN_YAML,)):
                return index.views(ids)
        index.refresh((RUN_YAML,))
        return index.views([_resolve_one(index.conn, ref) for ref in wanted])

    def fallback() -> list[RunView]:
        return store.resolve_all(wanted, store.load_folders())

    return with_index(store, progress, ask, fallback)


def _resolve_one(conn: sqlite3.Connection, ref: str) -> str:
    """The id of the run ``ref`` names, as ``refs.resolve_one`` decides."""
    match = RECENCY_REF.match(ref)
    if match:
        row = conn.execute(f"SELECT id FROM runs r ORDER BY {ORDER} LIMIT 1 OFFSET ?",
                           (int(match.group(1) or 0),)).fetchone()
        if row is None:
            count = conn.execute("SELECT count(*) FROM runs").fetchone()[0]
            raise RunNotFound(ref, [] if count else ())
        return str(row[0])
    if conn.execute("SELECT 1 FROM runs WHERE id = ?", (ref,)).fetchone():
        return ref
    named = conn.execute(f"SELECT id, started_at FROM runs r WHERE name = ? ORDER BY {ORDER}",
                         (ref,)).fetchall()
    if len(named) == 1:
        return str(named[0][0])
    if len(named) > 1:
        raise AmbiguousRef(ref, [f"{run_id} ({started[:16]})" for run_id, started in named])
    lowered = ref.lower()
    prefixed = [row[0] for row in conn.execute(
        f"SELECT id FROM runs r WHERE id >= ? AND id < ? ORDER BY {ORDER}",
        (lowered, lowered + "\U0010ffff"))] if ref else []
    if len(prefixed) == 1:
        return str(prefixed[0])
    if len(prefixed) > 1:
        raise AmbiguousRef(ref, prefixed)
    raise RunNotFound(ref, _close(conn, ref))


def _close(conn: sqlite3.Connection, ref: str) -> list[str]:
    """``store.close_refs`` over the index's names and ids."""
    from exptrack.model import RunRecord

    rows = conn.execute(f"SELECT id, name FROM runs r WHERE name IS NOT NULL OR "
                        f"substr(id, 1, 2) = ? ORDER BY {ORDER}", (ref.lower()[:2],))
    runs = [RunView(RunRecord(id=run_id, command=[], cwd="", started_at="", name=name),
                    Path(run_id)) for run_id, name in rows]
    return close_refs(ref, runs)


# ---------------------------------------------------------------- listing

class _Names:
    """The parameter and metric names of the selected runs, from the index."""

    def __init__(self, conn: sqlite3.Connection, within: str) -> None:
        self.conn = conn
        self.within = within

    def empty(self) -> bool:
        return bool(self.conn.execute(f"SELECT count(*) FROM runs r {self.within}"
                                      ).fetchone()[0] == 0)

    def _has(self, table: str, name: str) -> bool:
        return self.conn.execute(
            f"SELECT 1 FROM {table} t JOIN runs r ON r.id = t.run_id WHERE t.name = ? "
            f"{self.within.replace('WHERE', 'AND')} LIMIT 1", (name,)).fetchone() is not None

    def has_param(self, name: str) -> bool:
        return self._has("params", name)

    def has_metric(self, name: str) -> bool:
        return self._has("metrics", name)

    def _names(self, table: str) -> set[str]:
        within = self.within.replace("WHERE", "AND")
        return {row[0] for row in self.conn.execute(
            f"SELECT DISTINCT t.name FROM {table} t JOIN runs r ON r.id = t.run_id "
            f"WHERE 1 {within}")}

    def param_names(self) -> set[str]:
        return self._names("params")

    def metric_names(self) -> set[str]:
        return self._names("metrics")


def _value_sql(key: query.Key) -> tuple[str, str, list[Any], Callable[[Any], Any] | None]:
    """(SQL value of ``key`` for run ``r``, its kind, parameters, decode)."""
    if key.kind == "field":
        column, kind, decode = _FIELDS[key.name]
        return column, str(kind), [], decode
    if key.kind == "param":
        return ("(SELECT v FROM params WHERE run_id = r.id AND name = ?)",
                "(SELECT kind FROM params WHERE run_id = r.id AND name = ?)", [key.name],
                None)
    assert key.stat in query.METRIC_STATS
    return f"(SELECT {key.stat} FROM metrics WHERE run_id = r.id AND name = ?)", "0", \
        [key.name], None


def _condition_sql(conn: sqlite3.Connection, number: int, condition: query.Condition
                   ) -> tuple[str, list[Any]]:
    key = condition.key
    decode: Callable[[Any], Any] | None
    if key.kind == "param":
        value, params, decode = ("(SELECT value FROM params WHERE run_id = r.id AND "
                                 "name = ?)", [key.name], json.loads)
    else:
        value, _, params, decode = _value_sql(key)

    def matches(raw: Any) -> bool:
        if raw is None:
            return condition.matches_value(query.MISSING)
        return condition.matches_value(raw if decode is None else decode(raw))

    conn.create_function(f"xt_where{number}", 1, matches, deterministic=True)
    return f"xt_where{number}({value})", params


def _artifact_ids(conn: sqlite3.Connection, store: Store, wanted: str) -> None:
    """Fill ``temp.sel`` with the runs that produced the artifact (``details``' rules)."""
    from exptrack.details import artifact_wanted

    digest, target = artifact_wanted(wanted)
    relative = None
    if target is not None:
        try:
            relative = str(target.relative_to(store.runs_dir))
        except ValueError:
            relative = None
    conn.execute(
        "INSERT OR IGNORE INTO temp.sel SELECT a.run_id FROM artifacts a JOIN runs r ON "
        "r.id = a.run_id WHERE (a.sha256 IS NOT NULL AND :d IS NOT NULL AND "
        "substr(a.sha256, 1, length(:d)) = :d) OR ((a.sha256 IS NULL OR :d IS NULL) AND "
        ":t IS NOT NULL AND ((a.location = 'run_dir' AND a.full_path = :rel) OR "
        "(a.location IS NOT 'run_dir' AND a.full_path = :t)))",
        {"d": digest, "t": str(target) if target is not None else None, "rel": relative})


def _sql_list(index: Index, ask: Ask) -> Selection:
    conn = index.conn
    files = {RUN_YAML}
    if ask.artifact is not None:
        files.add(ARTIFACTS)
    if ask.where or ask.sort:
        files.update(ALL_FILES)
    if ask.best:
        files.add(SUMMARY)
    index.refresh(files)
    within = ""
    if ask.artifact is not None or ask.where:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS sel (id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM temp.sel")
        within = "WHERE r.id IN temp.sel"
        if ask.artifact is not None:
            _artifact_ids(conn, index.store, ask.artifact)
        else:
            conn.execute("INSERT INTO temp.sel SELECT id FROM runs")
    names = _Names(conn, within)
    conditions = [query.parse_where(expr, names) for expr in ask.where]
    for number, condition in enumerate(conditions):
        test, params = _condition_sql(conn, number, condition)
        conn.execute(f"DELETE FROM temp.sel WHERE id IN (SELECT r.id FROM runs r WHERE "
                     f"r.id IN temp.sel AND NOT {test})", params)
    total = conn.execute(f"SELECT count(*) FROM runs r {within}").fetchone()[0]
    limit = ask.limit or -1
    selection = Selection([], total)
    if ask.best:
        best = ask.best
        and_within = within.replace("WHERE", "AND")
        if total and not names.has_metric(best):
            raise UsageError(f"--best: no listed run has a metric {best!r}"
                             + query.unknown_hint(best, sorted(names.metric_names())))

        def recorded() -> str | None:
            row = conn.execute(
                f"SELECT m.direction FROM metrics m JOIN runs r ON r.id = m.run_id WHERE "
                f"m.name = ? AND m.direction IS NOT NULL {and_within} ORDER BY {ORDER} "
                "LIMIT 1", (best,)).fetchone()
            return str(row[0]) if row else None

        direction = query.best_direction(best, ask.descending, ask.directions,
                                         recorded=recorded)
        value = (f"(SELECT CASE WHEN m.direction = :dir AND m.has_best THEN m.best ELSE "
                 f"m.{direction} END FROM metrics m WHERE m.run_id = r.id AND m.name = :m)")
        ids = [row[0] for row in conn.execute(
            f"SELECT r.id FROM runs r {within} ORDER BY {value} IS NULL, {value} "
            f"{'DESC' if direction == 'max' else 'ASC'}, {ORDER} LIMIT :limit",
            {"dir": direction, "m": best, "limit": limit})]
        selection.runs = index.views(ids)
        selection.best_values = {r.id: query.best_of(r, best, direction)
                                 for r in selection.runs}
        return selection
    order = ORDER
    values: list[Any] = []
    if ask.sort:
        key = selection.sort_key = query.resolve_key(ask.sort, names)
        down = ask.descending if ask.descending is not None \
            else query.default_descending(key, ask.directions)
        value, kind, names_used, _ = _value_sql(key)
        way = "DESC" if down else "ASC"
        if key.kind == "param":  # numbers, then text, then other values
            order = f"{value} IS NULL, {kind} {way}, {value} {way}, {ORDER}"
            values = names_used * 3
        else:  # one kind of value
            order = f"{value} IS NULL, {value} {way}, {ORDER}"
            values = names_used * 2
    elif ask.descending is False:
        order = "r.started_at ASC, r.id ASC"
    ids = [row[0] for row in conn.execute(
        f"SELECT r.id FROM runs r {within} ORDER BY {order} LIMIT ?", [*values, limit])]
    selection.runs = index.views(ids)
    return selection


def _python_list(store: Store, ask: Ask) -> Selection:
    """The same listing in Python over every run folder (when the index is unusable)."""
    runs = store.load_folders()
    if ask.artifact is not None:
        from exptrack.details import runs_with_artifact

        runs = runs_with_artifact(runs, ask.artifact)
    conditions = [query.parse_where(expr, runs) for expr in ask.where]
    runs = query.filter_runs(runs, conditions)
    selection = Selection([], 0)
    if ask.best:
        best = ask.best
        if runs and not any(best in r.metric_names() for r in runs):
            known = sorted({m for r in runs for m in r.metric_names()})
            raise UsageError(f"--best: no listed run has a metric {best!r}"
                             + query.unknown_hint(best, known))
        direction = query.best_direction(best, ask.descending, ask.directions, runs)
        ranked = query.rank_by_best(runs, best, direction)
        runs = [r for r, _ in ranked]
        selection.best_values = {r.id: b for r, b in ranked}
    elif ask.sort:
        key = selection.sort_key = query.resolve_key(ask.sort, runs)
        order = ask.descending if ask.descending is not None \
            else query.default_descending(key, ask.directions)
        runs = query.sort_runs(runs, key, order)
    elif ask.descending is False:
        runs = list(reversed(runs))
    selection.total = len(runs)
    selection.runs = runs[:ask.limit] if ask.limit else runs
    return selection


def list_runs(store: Store, ask: Ask, progress: Progress | None = None) -> Selection:
    """The runs `track ls` shows, in order, and how many matched."""
    from exptrack import indexinsights

    def ask_index(index: Index) -> Selection:
        selection = _sql_list(index, ask)
        selection.insights = indexinsights.stored(index.conn, [r.id for r in selection.runs])
        return selection

    selection = with_index(store, progress, ask_index, lambda: _python_list(store, ask))
    indexinsights.complete(selection.runs, selection.insights)
    return selection


def all_runs(store: Store, progress: Progress | None = None) -> list[RunView]:
    """Every run, newest first."""
    return list_runs(store, Ask(), progress).runs


def metric_names(store: Store, progress: Progress | None = None) -> set[str]:
    """The names of every metric the store's runs have (the index's, not every view)."""

    def ask(index: Index) -> set[str]:
        index.refresh((RUN_YAML, SUMMARY))
        return _Names(index.conn, "").metric_names()

    def fallback() -> set[str]:
        return {name for run in store.load_folders() for name in run.metric_names()}

    return with_index(store, progress, ask, fallback)


def named(store: Store, name: str) -> list[str]:
    """The ids of the runs named exactly ``name``, newest first."""

    def ask(index: Index) -> list[str]:
        index.refresh((RUN_YAML,))
        return [str(row[0]) for row in index.conn.execute(
            f"SELECT id FROM runs r WHERE name = ? ORDER BY {ORDER}", (name,))]

    def fallback() -> list[str]:
        return [run.id for run in store.load_folders() if run.record.name == name]

    return with_index(store, None, ask, fallback)
