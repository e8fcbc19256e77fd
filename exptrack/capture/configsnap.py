"""The snapshot of a config file (``configs/<name>``): text that parses to exactly the
redacted data (``configfile.redact_config``), or nothing.

Candidates, in order, each kept only when parsing it gives the redacted data back:
1. the file as it is (comments with a secret-looking assignment or token redacted), when
   its data holds nothing secret;
2. the file with the values of secret-named keys rewritten line by line (layout and
   comments kept);
3. the redacted data written out in the file's format (comments lost).
When none parses back to the redacted data, the file is fingerprinted, not copied.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from exptrack.capture.configfile import parse_text
from exptrack.capture.lineredact import redact_config_lines
from exptrack.capture.redact import redact_text


def snapshot_text(text: str, suffix: str, data: Any, redacted: Any) -> str | None:
    """The snapshot of ``text`` (parsed as ``data``, redacted as ``redacted``), or None."""
    suffix = suffix.lower()
    wanted = _canonical(redacted)
    candidates: list[Callable[[], str | None]] = []
    if _canonical(data) == wanted:
        candidates.append(lambda: redact_text(text))
    candidates.append(lambda: redact_config_lines(text, toml=suffix == ".toml"))
    candidates.append(lambda: dump(redacted, suffix))
    for make in candidates:
        candidate = make()
        if candidate is not None and _parses_to(candidate, suffix, wanted):
            return candidate
    return None


def _parses_to(text: str, suffix: str, wanted: Any) -> bool:
    try:
        return bool(_canonical(parse_text(text, suffix)) == wanted)
    except ValueError:
        return False


def _canonical(value: Any) -> Any:
    """A comparable form: mappings as sorted pairs (a TOML writer reorders tables), NaN
    equal to itself. The data was walked (bounded) before, so recursion is bounded."""
    if isinstance(value, dict):
        return ("map", tuple(sorted(((repr(_canonical(k)), _canonical(v))
                                     for k, v in value.items()), key=lambda kv: kv[0])))
    if isinstance(value, list):
        return ("list", tuple(_canonical(v) for v in value))
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)


def dump(data: Any, suffix: str) -> str | None:
    """The data written in the format of ``suffix`` (None when it cannot be)."""
    try:
        if suffix == ".json":
            return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if suffix == ".toml":
            return _toml(data) if isinstance(data, dict) else None
        from exptrack.fsutil import _yaml

        yaml, _, dumper = _yaml()
        return str(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True,
                             default_flow_style=False))
    except (TypeError, ValueError, RecursionError):
        return None


# Linear: one run of one class, anchored (only ever matched at the start of a key).
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")


def _toml_key(key: Any) -> str:
    text = str(key)
    return text if _BARE_KEY.match(text) else _toml_string(text)


def _toml_string(text: str) -> str:
    # JSON's escapes are TOML's, except that TOML wants DEL escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}"
                               for k, v in value.items()) + "}"
    raise ValueError(f"no TOML for {type(value).__name__}")


def _toml(data: dict[str, Any]) -> str:
    """TOML for parsed TOML data: a table's plain keys first, then its sub-tables."""
    lines: list[str] = []

    def table(mapping: dict[str, Any], path: list[str]) -> None:
        plain = [(k, v) for k, v in mapping.items() if not isinstance(v, dict)]
        nested = [(k, v) for k, v in mapping.items() if isinstance(v, dict)]
        if path and (plain or not nested):
            lines.append("[" + ".".join(_toml_key(p) for p in path) + "]")
        lines.extend(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in plain)
        for key, value in nested:
            table(value, [*path, str(key)])

    table(data, [])
    return "\n".join(lines) + "\n"
