"""Small file helpers: atomic writes and fast, safe YAML/JSON I/O."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from types import ModuleType


def _yaml() -> tuple[ModuleType, type[Any], type[Any]]:
    """PyYAML with its fastest safe loader and dumper (libyaml's C ones when present),
    imported on first use."""
    import yaml

    try:  # the C loader is ~10x faster; fall back when libyaml is missing
        from yaml import CSafeDumper as _Dumper
        from yaml import CSafeLoader as _Loader
    except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
        from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
        from yaml import SafeLoader as _Loader  # type: ignore[assignment]
    return yaml, _Loader, _Dumper


MAX_YAML_BYTES = 16 * 1024 * 1024  # a bigger YAML file is not read (``YamlError``)
# Aliases (``*name``) may make a small document stand for a huge one ("billion laughs": 300
# bytes, 10**9 values): a document whose aliases add more values than this is refused.
MAX_ALIAS_VALUES = 100_000


def read_bounded(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it holds at most ``limit``, else None (a derived file
    grown too big is rebuilt, never read whole); raises OSError."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        # (read(limit + 1) would allocate the whole bound for every small file)
        data = handle.read(min(size, limit) + 1) if size <= limit else b""
    return data if size <= limit and len(data) <= limit else None


def dir_mode_for(file_mode: int) -> int:
    """The folder mode that goes with a file mode: read bits gain search bits."""
    return file_mode | ((file_mode & 0o444) >> 2)


def make_dirs(path: Path, mode: int) -> None:
    """Create ``path`` and its missing parents, each with exactly ``mode``: the umask
    neither loosens nor tightens it, so no folder is ever left world-writable (a folder
    another process creates meanwhile keeps its creator's mode); raises OSError."""
    missing: list[Path] = []
    folder = path
    while not os.path.isdir(folder) and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)  # never more open than the owner while being set up
        except FileExistsError:
            continue
        if mode != 0o700:
            os.chmod(folder, mode)


@contextlib.contextmanager
def atomic_file(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """A file to write ``path``'s new content into: a temp file beside it, renamed over
    ``path`` when the block ends, removed if it raises. ``path`` is never half-written."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` through a temp file and a rename: never half-written."""
    with atomic_file(path, mode) as handle:
        handle.write(data)


def dump_yaml(data: Any) -> str:
    yaml, _, _Dumper = _yaml()
    # No anchors and aliases for objects met twice: what is written reads back plainly.
    text: str = yaml.dump(data, Dumper=_no_aliases(_Dumper), sort_keys=False,
                          allow_unicode=True, default_flow_style=False, width=100)
    return text


def write_yaml(path: Path, data: Any, mode: int = 0o600) -> None:
    write_atomic(path, dump_yaml(data).encode("utf-8"), mode)


def write_json(path: Path, data: Any, mode: int = 0o600) -> None:
    write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
                 mode)


class YamlError(ValueError):
    """Text that is not valid YAML. A ValueError, so that callers need not import PyYAML to
    catch it; PyYAML's own error is its ``__cause__``, and ``line`` (1-based) and
    ``problem`` say where and what, when PyYAML knows."""

    def __init__(self, message: str, line: int | None = None,
                 problem: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.problem = problem


class YamlRefused(YamlError):
    """YAML not read for what it would cost: too large, nested too deeply, or aliases
    that expand too far; ``problem`` says which."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem, problem=problem)


# libyaml's composer recurses in C: a document nested some 30,000 levels deep (100 KB of
# "[" or "- " on one line) overflows the C stack and kills the process. Texts that may
# nest deeper than this go to the pure-Python loader, which raises RecursionError instead.
# (Nesting by indentation is bounded by the line length: 10,000 levels parse fine.)
DEEP_YAML = 2000


_NO_ALIAS_DUMPERS: dict[type[Any], type[Any]] = {}


def _no_aliases(dumper: type[Any]) -> type[Any]:
    found = _NO_ALIAS_DUMPERS.get(dumper)
    if found is None:
        found = _NO_ALIAS_DUMPERS[dumper] = type(
            "NoAliasDumper", (dumper,), {"ignore_aliases": lambda self, data: True})
    return found


def _may_nest_deeply(text: str) -> bool:
    """An upper bound of the flow and same-line block nesting of ``text`` is over
    DEEP_YAML (a text with many flow collections or dashes is only read more slowly)."""
    bound = text.count("[") + text.count("{")
    if bound <= DEEP_YAML and ("- " in text or "? " in text):
        bound += max(line.count("- ") + line.count("? ") for line in text.split("\n"))
    return bound > DEEP_YAML


def _alias_growth(root: Any) -> int:
    """How many values the aliases of a composed document add to those it spells out:
    each node's expanded size is computed once (a DAG walk, linear in the nodes written),
    so a "billion laughs" document is measured, never expanded. A recursive alias counts
    as unbounded."""
    sizes: dict[int, int] = {}
    entered: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            entered.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            continue
        if key in sizes:
            continue
        if key in entered:
            return MAX_ALIAS_VALUES + 1  # an alias to a node that contains it
        entered.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)] - len(sizes)


def _children(node: Any) -> list[Any]:
    value = node.value
    if not isinstance(value, list):
        return []  # a scalar
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) pairs
        return [part for pair in value for part in pair]
    return value


def load_yaml_text(text: str) -> Any:
    """Parse YAML text with the safe loader; raises ``YamlError`` for invalid YAML, for
    YAML nested too deeply to read, and for aliases that expand too far."""
    yaml, _Loader, _ = _yaml()
    if _may_nest_deeply(text):
        _Loader = yaml.SafeLoader  # the pure-Python safe loader
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            if "*" in text and _alias_growth(node) > MAX_ALIAS_VALUES:
                raise YamlRefused(f"aliases expand to more than {MAX_ALIAS_VALUES:,} values")
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlError(str(exc), mark.line + 1 if mark is not None else None,
                        getattr(exc, "problem", None)) from exc
    except RecursionError as exc:
        raise YamlRefused("nested too deeply") from exc


def read_yaml(path: Path) -> Any:
    """Parse a YAML file safely; raises OSError or ``YamlError`` on trouble."""
    raw = read_bounded(path, MAX_YAML_BYTES)
    if raw is None:
        raise YamlRefused(f"larger than {MAX_YAML_BYTES // (1024 * 1024)} MiB")
    text = raw.decode("utf-8", errors="replace")
    if "\r" in text:  # as a text-mode read would give it (universal newlines)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return load_yaml_text(text)
