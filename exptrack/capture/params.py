"""Parameters from a command line: ``--lr 0.01``, ``--lr=0.01``, ``-e 5``, ``--flag``,
``--no-flag``, Hydra-style ``key=value`` / ``a.b=1`` overrides, with typed values.

Positional arguments stay in the command; they are never guessed into params.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

from exptrack.capture.redact import secret_value_follows

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INT = re.compile(r"^[+-]?\d+$")
_OPTION = re.compile(r"^--?([A-Za-z_][\w.\-]*)$")
_OPTION_WITH_VALUE = re.compile(r"^--?([A-Za-z_][\w.\-]*)=(.*)$", re.DOTALL)
_OVERRIDE = re.compile(r"^(\+{0,2})([A-Za-z_][\w\-]*(\.[\w\-]+)*)=(.*)$", re.DOTALL)
_PYTHON = re.compile(r"^(python|pypy)(\d+(\.\d+)*)?$")
# Interpreter options that take a value; -m and -c end interpreter parsing.
_PYTHON_OPTS_WITH_VALUE = {"-W", "-X", "--check-hash-based-pycs"}
_LAUNCHERS = {("uv", "run"), ("poetry", "run"), ("pipenv", "run"), ("conda", "run"),
              ("pdm", "run"), ("hatch", "run"), ("rye", "run")}


def parse_value(text: str) -> Any:
    """Type a command-line value: int, float, bool, or the string itself."""
    if _INT.match(text):
        try:
            return int(text)
        except ValueError:  # pragma: no cover - guarded by the regex
            return text
    if _NUMBER.match(text):
        return float(text)
    lowered = text.lower()
    if lowered in ("true", "yes"):
        return True
    if lowered in ("false", "no"):
        return False
    if lowered in ("none", "null"):
        return None
    return text


def _is_option(token: str) -> bool:
    return token.startswith("-") and token != "-" and not _NUMBER.match(token)


def script_arguments(command: Sequence[str]) -> list[str]:
    """The arguments that belong to the program being trained, past any interpreter.

    ``python -u train.py --lr 1`` -> ``[--lr, 1]``-ish tokens after the script;
    ``uv run python train.py`` is unwrapped first.
    """
    tokens = list(command)
    while len(tokens) >= 2 and (os.path.basename(tokens[0]), tokens[1]) in _LAUNCHERS:
        tokens = tokens[2:]
        while tokens and tokens[0].startswith("-"):  # launcher's own flags
            tokens = tokens[1:]
    if not tokens:
        return []
    program = os.path.basename(tokens[0])
    rest = tokens[1:]
    if not _PYTHON.match(program):
        return rest
    index = 0
    while index < len(rest):
        token = rest[index]
        if token in ("-m", "-c"):
            return rest[index + 2:]
        if token in _PYTHON_OPTS_WITH_VALUE:
            index += 2
            continue
        if token.startswith("-") and token != "-":
            index += 1
            continue
        return rest[index + 1:]  # the script path, then its arguments
    return []


def parse_params(command: Sequence[str]) -> dict[str, Any]:
    """Extract typed parameters from a full command line (program included)."""
    return parse_arguments(script_arguments(command))


def parse_arguments(args: Sequence[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}

    def put(key: str, value: Any) -> None:
        if key in params and key in repeated:
            existing = params[key]
            params[key] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            params[key] = value
        repeated.add(key)

    repeated: set[str] = set()
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if token == "--":
            break  # everything after is positional
        match = _OPTION_WITH_VALUE.match(token)
        if match:
            put(match.group(1), parse_value(match.group(2)))
            continue
        match = _OPTION.match(token)
        if match and index < len(args) and secret_value_follows(token, args[index]):
            put(match.group(1), args[index])  # whatever it looks like (redacted later)
            index += 1
            continue
        if match:
            key = match.group(1)
            if index < len(args) and not _is_option(args[index]) and args[index] != "--" \
                    and not _OVERRIDE.match(args[index]):
                value = parse_value(args[index])
                index += 1
                # nargs-style lists: --layers 64 128 256
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    values = [value]
                    while index < len(args) and _NUMBER.match(args[index]):
                        values.append(parse_value(args[index]))
                        index += 1
                    put(key, values if len(values) > 1 else value)
                else:
                    put(key, value)
            elif key[:3] in ("no-", "no_") and len(key) > 3:
                put(key[3:], False)
            else:
                put(key, True)
            continue
        match = _OVERRIDE.match(token)
        if match:
            put(match.group(2), parse_value(match.group(4)))
            continue
        # a positional argument: left in the command, not a parameter
    return params


def parse_param_option(text: str) -> tuple[str, Any]:
    """``--param KEY=VALUE`` from track's own command line."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not key:
        from exptrack.errors import UsageError

        raise UsageError(f"--param expects KEY=VALUE, got {text!r}")
    return key, parse_value(value)
