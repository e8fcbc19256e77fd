"""Project configuration: ``track.yaml`` at the project root, or ``[tool.track]`` in
``pyproject.toml``, found by walking up from the current directory (docs/config.md).

Only the ``metrics`` section is read here; other top-level sections are left to the code
that owns them. An invalid file raises ``ConfigError`` with a one-line message naming the
file and the key.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exptrack.errors import ConfigError

CONFIG_NAMES = ("track.yaml", ".track.yaml")
_METRIC_KEYS = {"patterns", "ignore", "defaults", "directions", "aliases"}


@dataclass
class ProjectConfig:
    """What the configuration says (defaults when there is no file)."""

    path: Path | None = None
    metric_patterns: list[str] = field(default_factory=list)
    ignore_patterns: list[str] = field(default_factory=list)
    use_default_patterns: bool = True
    directions: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    insights: dict[str, Any] = field(default_factory=dict)  # Thresholds fields (insights)
    push: str | None = None  # `push: URI`: the MLflow server runs stream to, `track push`'s default
    raw: dict[str, Any] = field(default_factory=dict)


def find_config(start: Path | None = None) -> tuple[Path, str] | None:
    """The nearest configuration: (file, "yaml" | "pyproject"); ``track.yaml`` wins over a
    ``pyproject.toml`` in the same folder."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path, "yaml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_track(pyproject):
            return pyproject, "pyproject"
    return None


def load_config(start: Path | None = None) -> ProjectConfig:
    """The project configuration for ``start`` (default: the current directory)."""
    found = find_config(start)
    if found is None:
        return ProjectConfig()
    path, kind = found
    data = _read_pyproject(path) if kind == "pyproject" else _read_yaml(path)
    return parse_config(data, path)


def parse_config(data: Any, path: Path) -> ProjectConfig:
    """Validate a configuration mapping; every problem is a ``ConfigError``."""
    where = path.name if path.name != "pyproject.toml" else "pyproject.toml [tool.track]"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of sections")
    metrics = data.get("metrics") or {}
    if not isinstance(metrics, dict):
        raise ConfigError(f"{where}: `metrics` must be a mapping")
    unknown = sorted(set(metrics) - _METRIC_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key metrics.{unknown[0]} "
                          f"(known: {', '.join(sorted(_METRIC_KEYS))})")
    config = ProjectConfig(path=path, raw=data)
    config.metric_patterns = _patterns(metrics, "patterns", where, need_groups=True)
    config.ignore_patterns = _patterns(metrics, "ignore", where, need_groups=False)
    defaults = metrics.get("defaults", True)
    if not isinstance(defaults, bool):
        raise ConfigError(f"{where}: metrics.defaults must be true or false")
    config.use_default_patterns = defaults
    config.directions = _string_map(metrics, "directions", where)
    for name, direction in config.directions.items():
        if direction not in ("min", "max"):
            raise ConfigError(f"{where}: metrics.directions.{name} must be min or max, "
                              f"not {direction!r}")
    config.aliases = _string_map(metrics, "aliases", where)
    config.insights = _insights(data.get("insights"), where)
    push = data.get("push")
    if push is not None and (not isinstance(push, str) or not push.strip()):
        raise ConfigError(f"{where}: push must be an MLflow tracking URI, e.g. "
                          "push: http://mlflow:5000")
    config.push = push.strip() if isinstance(push, str) else None
    return config


def _insights(section: Any, where: str) -> dict[str, Any]:
    """The ``insights:`` thresholds: known keys, each of its default's type."""
    if section is None:
        return {}  # (before the import: the insights package brings the metric parser, 50 ms)
    from exptrack.insights.model import Thresholds

    if not isinstance(section, dict):
        raise ConfigError(f"{where}: `insights` must be a mapping")
    defaults = Thresholds().to_dict()
    for key, value in section.items():
        if key not in defaults:
            raise ConfigError(f"{where}: unknown key insights.{key} "
                              f"(known: {', '.join(sorted(defaults))})")
        default = defaults[key]
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        else:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
        if not ok:
            raise ConfigError(f"{where}: insights.{key} must be "
                              f"{type(default).__name__} >= 0, not {value!r}")
    return dict(section)


def check_patterns(patterns: list[str], what: str, need_groups: bool = True) -> None:
    """Raise ``ConfigError`` for a pattern that RE2 does not compile (see ``patterns``) or
    that names no group."""
    from exptrack.patterns import PatternError, compile_user

    for pattern in patterns:
        try:
            compiled = compile_user(pattern)
        except PatternError as exc:
            raise ConfigError(f"{what}: invalid regex {pattern!r}: {exc}") from None
        if need_groups and not compiled.groupindex:
            raise ConfigError(
                f"{what}: {pattern!r} has no named group; name the value, e.g. "
                r"'top1=(?P<top1>\d+\.\d+)' or '(?P<name>\w+)=(?P<value>[\d.]+)'")


def _patterns(section: dict[str, Any], key: str, where: str, need_groups: bool) -> list[str]:
    value = section.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise ConfigError(f"{where}: metrics.{key} must be a list of regular expressions")
    check_patterns(value, f"{where}: metrics.{key}", need_groups)
    return list(value)


def _string_map(section: dict[str, Any], key: str, where: str) -> dict[str, str]:
    value = section.get(key) or {}
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ConfigError(f"{where}: metrics.{key} must map metric names to strings")
    return dict(value)


def _read_yaml(path: Path) -> Any:
    from exptrack.fsutil import YamlError, read_yaml

    try:
        return read_yaml(path)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except YamlError as exc:
        line = f" (line {exc.line})" if exc.line is not None else ""
        raise ConfigError(f"{path} is not valid YAML{line}: {exc.problem or exc}") from None


def _has_tool_track(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^\s*\[\s*tool\.track(?:\.[\w-]+)?\s*\]", text, re.MULTILINE) is not None


def _read_pyproject(path: Path) -> Any:
    if sys.version_info < (3, 11):
        raise ConfigError(f"{path}: reading [tool.track] needs Python 3.11 or newer; "
                          "move the settings to track.yaml")
    import tomllib  # type: ignore[import-not-found,unused-ignore]

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    return data.get("tool", {}).get("track", {})
