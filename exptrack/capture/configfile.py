"""Config files named on the command line (``--config cfg.yaml``, ``data=coco8.yaml``):
parsed (YAML with PyYAML's safe loader, JSON, TOML), secrets redacted in the parsed data
(every value under a secret-named key, at any depth), flattened into dotted params
(``model.depth: 50``), and snapshotted (``configsnap``).

Caps: files over ``MAX_CONFIG_BYTES`` are not read, a file with more than ``MAX_NODES``
values (YAML aliases can make a small file huge) or nested deeper than ``MAX_WALK_DEPTH``
is not used; nesting deeper than ``MAX_DEPTH`` is kept as one param, at most ``MAX_KEYS``
params a file. Trouble is a ``ValueError`` with a readable reason, never another exception.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from exptrack.capture.redact import REDACTED, is_secret_name, redact_text

CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
MAX_CONFIG_BYTES = 1024 * 1024
MAX_DEPTH = 8
MAX_KEYS = 2000
MAX_LIST_ITEMS = 64
MAX_NODES = 200_000
MAX_WALK_DEPTH = 200


def is_config_path(text: str) -> bool:
    return text.lower().endswith(CONFIG_SUFFIXES)


def _toml_loads(text: str) -> Any:
    try:
        import tomllib  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]
        except ImportError:
            raise ValueError("TOML needs Python 3.11 or the tomli package") from None
    return tomllib.loads(text)


def parse_text(text: str, suffix: str) -> Any:
    """Parse config text by its file suffix; raises ValueError with a readable reason."""
    from exptrack.fsutil import YamlError, load_yaml_text

    suffix = suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(text)
        if suffix == ".toml":
            return _toml_loads(text)
        return load_yaml_text(text)
    except ValueError as exc:  # JSON's, TOML's (one line each), or YAML's (several)
        if not isinstance(exc, (YamlError, json.JSONDecodeError)) \
                and str(exc).startswith("TOML needs"):
            raise
        first = str(exc).strip().splitlines()
        raise ValueError(f"malformed: {first[0] if first else type(exc).__name__}") from exc
    except Exception as exc:  # anything else a parser raises (RecursionError...)
        first = str(exc).strip().splitlines()
        raise ValueError(f"malformed: {first[0] if first else type(exc).__name__}") from exc


def read_config(path: Path) -> tuple[str, Any]:
    """The file's text and parsed content; raises ValueError with a readable reason."""
    size = path.stat().st_size
    if size > MAX_CONFIG_BYTES:
        raise ValueError(f"larger than {MAX_CONFIG_BYTES // 1024} KiB; not read")
    text = path.read_text(encoding="utf-8", errors="replace")
    return text, parse_text(text, path.suffix)


def parse_config(path: Path) -> Any:
    """The parsed content; raises ValueError with a readable reason."""
    return read_config(path)[1]


def _kept(value: Any) -> bool:
    """Values left as they are even under a secret-named key: nothing to hide."""
    return value is None or value is True or value is False or value == ""


class _Walk:
    """A bounded walk over parsed data: at most ``MAX_NODES`` values, ``MAX_WALK_DEPTH``
    levels (YAML aliases share objects, so a 1 KB file can name billions of values)."""

    def __init__(self) -> None:
        self.nodes = 0

    def step(self, depth: int) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ValueError(f"more than {MAX_NODES} values (YAML aliases?); not used")
        if depth > MAX_WALK_DEPTH:
            raise ValueError("malformed: nested too deeply")


def redact_config(data: Any) -> Any:
    """A copy of parsed config data with every value under a secret-named key (at any
    depth: ``wandb: {api_key: X}``, ``[secrets] db = "X"``) replaced, keys kept, and
    secret-shaped strings (tokens, URL passwords) replaced anywhere. Raises ValueError
    when the data is too large or deep to walk."""
    walk = _Walk()

    def redact(value: Any, secret: bool, depth: int) -> Any:
        walk.step(depth)
        if isinstance(value, dict):
            return {(redact_text(key) if isinstance(key, str) else key):
                    redact(item, secret or is_secret_name(str(key)), depth + 1)
                    for key, item in value.items()}
        if isinstance(value, list):
            return [redact(item, secret, depth + 1) for item in value]
        if secret and not _kept(value):
            return REDACTED
        return redact_text(value) if isinstance(value, str) else value

    return redact(data, False, 0)


def secret_values(data: Any) -> list[str]:
    """The values parsed data holds under secret-named keys, as text (to find them in a
    patch); raises ValueError as ``redact_config`` does."""
    walk = _Walk()
    found: list[str] = []

    def visit(value: Any, secret: bool, depth: int) -> None:
        walk.step(depth)
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, secret or is_secret_name(str(key)), depth + 1)
        elif isinstance(value, list):
            for item in value:
                visit(item, secret, depth + 1)
        elif secret and not _kept(value):
            found.append(str(value))

    visit(data, False, 0)
    return found


def flatten(data: Any, prefix: str = "", depth: int = 0,
            out: dict[str, Any] | None = None) -> dict[str, Any]:
    """``{"model": {"depth": 50}}`` -> ``{"model.depth": 50}``; lists of scalars stay lists,
    lists of mappings are indexed (``layers.0.size``)."""
    out = {} if out is None else out
    if len(out) >= MAX_KEYS:
        return out
    if isinstance(data, dict) and data and depth < MAX_DEPTH:
        for key, value in data.items():
            flatten(value, f"{prefix}.{key}" if prefix else str(key), depth + 1, out)
        return out
    if isinstance(data, list) and any(isinstance(v, (dict, list)) for v in data) \
            and depth < MAX_DEPTH:
        for index, value in enumerate(data[:MAX_LIST_ITEMS]):
            flatten(value, f"{prefix}.{index}" if prefix else str(index), depth + 1, out)
        return out
    if prefix:
        out[prefix] = _plain(data)
    return out


def _plain(value: Any) -> Any:
    """Values YAML can write safely: dates and other objects become strings."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value[:MAX_LIST_ITEMS]]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)
