"""Config files named on the command line (``--config cfg.yaml``, ``data=coco8.yaml``):
parsed, flattened into dotted params (``model.depth: 50``), and snapshotted with secret
values replaced.

Caps: files over ``MAX_CONFIG_BYTES`` are not read, nesting deeper than ``MAX_DEPTH`` is
kept as one value, at most ``MAX_KEYS`` params a file. A malformed file is an error
string, never an exception.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from exptrack.capture.redact import REDACTED, is_secret_name, redact_text

CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
MAX_CONFIG_BYTES = 1024 * 1024
MAX_DEPTH = 8
MAX_KEYS = 2000
MAX_LIST_ITEMS = 64

# ``key: value``, ``"key": value``, ``key = value`` lines of YAML, JSON and TOML.
_KEY_LINE = re.compile(
    r"^(?P<head>\s*(?:-\s+)?[\"']?(?P<key>[A-Za-z_][\w.\-]*)[\"']?\s*[:=]\s*)"
    r"(?P<value>\S.*?)(?P<tail>\s*,?\s*)$"
)

_BLOCK_KEY = re.compile(
    r"^(?P<head>\s*(?:-\s+)?[\"']?(?P<key>[A-Za-z_][\w.\-]*)[\"']?\s*[:=]\s*)"
    r"(?P<value>[{\[|>]?)(?P<tail>\s*)$"
)


def is_config_path(text: str) -> bool:
    return text.lower().endswith(CONFIG_SUFFIXES)


def parse_config(path: Path) -> Any:
    """The parsed content; raises ValueError with a readable reason."""
    size = path.stat().st_size
    if size > MAX_CONFIG_BYTES:
        raise ValueError(f"larger than {MAX_CONFIG_BYTES // 1024} KiB; not read")
    from exptrack.fsutil import YamlError, load_yaml_text

    text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(text)
        if suffix == ".toml":
            if sys.version_info < (3, 11):
                raise ValueError("TOML needs Python 3.11 or newer")
            import tomllib  # type: ignore[import-not-found,unused-ignore]

            return tomllib.loads(text)
        return load_yaml_text(text)
    except ValueError as exc:  # JSON's, TOML's (one line each), or YAML's (several)
        if not isinstance(exc, YamlError):
            raise
        first = str(exc).strip().splitlines()
        raise ValueError(f"malformed: {first[0] if first else type(exc).__name__}") from exc
    except Exception as exc:  # anything else a parser raises (RecursionError...)
        first = str(exc).strip().splitlines()
        raise ValueError(f"malformed: {first[0] if first else type(exc).__name__}") from exc


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


def redacted_snapshot(text: str) -> str:
    """The file's text with values of secret-named keys (and everything nested under such a
    key) and secret-shaped values replaced; layout and comments kept."""
    lines = []
    secret_indent: int | None = None  # inside a block under a secret-named key
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        indent = len(body) - len(body.lstrip())
        if secret_indent is not None and body.strip() and indent <= secret_indent:
            secret_indent = None
        match = _KEY_LINE.match(body) or _BLOCK_KEY.match(body)
        if secret_indent is not None and body.strip():
            body = body[:indent] + REDACTED
        elif match and is_secret_name(match.group("key")):
            value = match.group("value")
            if value in ("", "{", "[", "|", ">"):
                secret_indent = indent
            else:
                quote = value[0] if value[:1] in "\"'" else ""
                body = f"{match.group('head')}{quote}{REDACTED}{quote}{match.group('tail')}"
        lines.append(redact_text(body) + ending)
    return "".join(lines)
