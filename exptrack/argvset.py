"""`track rerun --set KEY=VALUE`: a recorded command line with parameters changed where
they appear (pure).

A KEY matches ``--KEY VALUE``, ``--KEY=VALUE``, ``-KEY VALUE`` and Hydra-style
``KEY=VALUE`` / ``+KEY=VALUE`` / ``++KEY=VALUE`` among the script's arguments (past the
interpreter, as ``capture.params`` reads them), with ``-`` and ``_`` alike
(``eval_every`` matches ``--eval-every``); every occurrence is changed, the style kept.
A flag without a value (``--amp``) takes ``true`` (kept) or ``false`` (dropped). A KEY
that appears nowhere is an error, unless ``add``: it is then appended in the command's
own style (``--key=value``, ``--key value`` or ``key=value``; ``--key=value`` when the
command has no parameter), before a ``--`` that ends the options.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from exptrack.capture.params import script_arguments
from exptrack.errors import UsageError

_OPTION = re.compile(r"^(--?)([A-Za-z_][\w.\-]*)$")
_OPTION_WITH_VALUE = re.compile(r"^(--?)([A-Za-z_][\w.\-]*)=(.*)$", re.DOTALL)
_OVERRIDE = re.compile(r"^(\+{0,2})([A-Za-z_][\w\-]*(?:\.[\w\-]+)*)=(.*)$", re.DOTALL)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


@dataclass(frozen=True)
class Setting:
    key: str
    value: str


def parse_setting(text: str) -> Setting:
    """``KEY=VALUE`` of ``--set``."""
    key, sep, value = text.partition("=")
    key = key.strip().lstrip("-+")
    if not sep or not key:
        raise UsageError(f"--set expects KEY=VALUE, got {text!r}")
    return Setting(key, value)


def _norm(key: str) -> str:
    return key.replace("-", "_")


def _is_value(token: str) -> bool:
    """Can ``token`` be the value of the option before it (as ``capture.params`` reads)?"""
    return token != "--" and (not token.startswith("-") or token == "-"
                              or bool(_NUMBER.match(token))) and not _OVERRIDE.match(token)


def apply_settings(argv: Sequence[str], settings: Sequence[Setting],
                   add: bool = False) -> list[str]:
    """``argv`` with each setting applied (see the module docstring); raises UsageError."""
    tokens = list(argv)
    start = len(tokens) - len(script_arguments(tokens))
    for setting in settings:
        tokens = _apply_one(tokens, start, setting, add)
    return tokens


def _end_of_options(tokens: list[str], start: int) -> int:
    return tokens.index("--", start) if "--" in tokens[start:] else len(tokens)


def _apply_one(tokens: list[str], start: int, setting: Setting, add: bool) -> list[str]:
    wanted = _norm(setting.key)
    end = _end_of_options(tokens, start)
    result = tokens[:start]
    found = False
    index = start
    while index < end:
        token = tokens[index]
        index += 1
        match = _OPTION_WITH_VALUE.match(token)
        if match and _norm(match.group(2)) == wanted:
            result.append(f"{match.group(1)}{match.group(2)}={setting.value}")
            found = True
            continue
        match = _OPTION.match(token)
        if match and _norm(match.group(2)) == wanted:
            found = True
            if index < end and _is_value(tokens[index]):
                index += 1
                while index < end and _NUMBER.match(tokens[index]) \
                        and _NUMBER.match(tokens[index - 1]):  # an nargs list: replaced whole
                    index += 1
                result += [token, *setting.value.split()] if " " in setting.value.strip() \
                    else [token, setting.value]
            elif setting.value.lower() in _FALSE:
                pass  # a flag set to false: dropped
            elif setting.value.lower() in _TRUE:
                result.append(token)
            else:
                raise UsageError(f"--set {setting.key}: {token} is a flag without a value in "
                                 "the recorded command; set it to true or false")
            continue
        match = _OVERRIDE.match(token) if not token.startswith("-") else None
        if match and _norm(match.group(2)) == wanted:
            result.append(f"{match.group(1)}{match.group(2)}={setting.value}")
            found = True
            continue
        result.append(token)
    tail = tokens[end:]
    if not found:
        if not add:
            known = _known_keys(tokens[start:end])
            raise UsageError(
                f"--set {setting.key}: the recorded command has no parameter "
                f"{setting.key!r}" + (f" (it has: {', '.join(known[:12])})" if known else "")
                + "; --add appends it")
        result += _appended(tokens[start:end], setting)
    return result + tail


def _known_keys(args: Sequence[str]) -> list[str]:
    keys: list[str] = []
    for token in args:
        match = _OPTION_WITH_VALUE.match(token) or _OPTION.match(token)
        name = match.group(2) if match else None
        if name is None and not token.startswith("-"):
            override = _OVERRIDE.match(token)
            name = override.group(2) if override else None
        if name and name not in keys:
            keys.append(name)
    return keys


def _appended(args: Sequence[str], setting: Setting) -> list[str]:
    """The tokens that add ``setting`` in the style of ``args``."""
    if any(_OPTION_WITH_VALUE.match(t) for t in args):
        return [f"--{setting.key}={setting.value}"]
    if any(_OPTION.match(t) for t in args):
        return [f"--{setting.key}", setting.value]
    if any(_OVERRIDE.match(t) for t in args if not t.startswith("-")):
        return [f"{setting.key}={setting.value}"]
    return [f"--{setting.key}={setting.value}"]
