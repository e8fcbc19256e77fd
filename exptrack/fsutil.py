"""Small file helpers: atomic writes and fast, safe YAML/JSON I/O."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType


def _yaml() -> tuple[ModuleType, type[Any], type[Any]]:
    """PyYAML with its fastest safe loader and dumper, imported on first use: reading a
    run's files mostly goes through ``yamlsubset`` and never needs it."""
    import yaml

    try:  # the C loader is ~10x faster; fall back when libyaml is missing
        from yaml import CSafeDumper as _Dumper
        from yaml import CSafeLoader as _Loader
    except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
        from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
        from yaml import SafeLoader as _Loader  # type: ignore[assignment]
    return yaml, _Loader, _Dumper


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` through a temp file and a rename: never half-written."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def dump_yaml(data: Any) -> str:
    yaml, _, _Dumper = _yaml()
    text: str = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                          default_flow_style=False, width=100)
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


# libyaml's composer recurses in C: a document nested some 30,000 levels deep (100 KB of
# "[" or "- " on one line) overflows the C stack and kills the process. Texts that may
# nest deeper than this go to the pure-Python loader, which raises RecursionError instead.
# (Nesting by indentation is bounded by the line length: 10,000 levels parse fine.)
DEEP_YAML = 2000


def _may_nest_deeply(text: str) -> bool:
    """An upper bound of the flow and same-line block nesting of ``text`` is over
    DEEP_YAML (a text with many flow collections or dashes is only read more slowly)."""
    bound = text.count("[") + text.count("{")
    if bound <= DEEP_YAML and ("- " in text or "? " in text):
        bound += max(line.count("- ") + line.count("? ") for line in text.split("\n"))
    return bound > DEEP_YAML


def load_yaml_text(text: str) -> Any:
    """Parse YAML text with the safe loader; raises ``YamlError`` for invalid YAML, and
    for YAML nested too deeply to read."""
    yaml, _Loader, _ = _yaml()
    if _may_nest_deeply(text):
        _Loader = yaml.SafeLoader  # the pure-Python safe loader
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlError(str(exc), mark.line + 1 if mark is not None else None,
                        getattr(exc, "problem", None)) from exc
    except RecursionError as exc:
        raise YamlError("nested too deeply", problem="nested too deeply") from exc


def read_yaml(path: Path) -> Any:
    """Parse a YAML file safely; raises OSError or ``YamlError`` on trouble. What
    ``dump_yaml`` writes is read without PyYAML."""
    from exptrack import yamlsubset

    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    data = yamlsubset.load(text)
    return load_yaml_text(text) if data is yamlsubset.UNSUPPORTED else data
