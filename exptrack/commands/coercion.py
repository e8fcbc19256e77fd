"""Start-up: typer's option coercion without importing pydantic for the plain cases.

Typer (0.29 and later) coerces every non-flag option and argument, even one left at its
default, through a pydantic ``TypeAdapter`` built on first use: importing pydantic costs
about 0.1 s of every `track` command (0.25 s without bytecode). Our options are plain
strings, lists of strings, bounded integers and paths, whose coercion is the identity (or
``int``). ``fast_command`` gives each such parameter a coercer that handles the values it
is sure about and hands every other value (a malformed integer, a path given on the
command line, anything unexpected) to typer's own coercion, so accepted values, converted
values and error messages stay exactly typer's.

It relies on typer internals (``_TyperParameter._runtime_param``, ``typer._coercion``):
with a typer that lacks them (older releases coerce through click, without pydantic) the
command is returned untouched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import typer
import typer.main

if TYPE_CHECKING:
    from collections.abc import Callable

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")  # what int() and pydantic agree on


def fast_command(app: typer.Typer) -> Callable[..., Any]:
    """The click command of ``app``, with typer's parameters coercing plain values without
    pydantic (installed once, on typer's parameter class: the help and completion options
    are made on the fly)."""
    command = typer.main.get_command(app)
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer.core import _TyperParameter
    except ImportError:
        return command
    getter = vars(_TyperParameter).get("get_runtime_param")
    if getter is None or "_coerce_value" not in vars(RuntimeParam) \
            or getattr(getter, "_exptrack_plain", False):
        return command
    plain = _plain_coercer(RuntimeParam, build_runtime_param)

    def get_runtime_param(self: Any) -> Any:
        if getattr(self, "_runtime_param", None) is None:
            descriptor: Any = getattr(self, "type_descriptor", None)
            kind = plain_kind(descriptor) if descriptor is not None else None
            if kind is not None:
                self._runtime_param = plain(parameter_info=descriptor.parameter_info,
                                            annotation=descriptor.annotation, kind=kind,
                                            descriptor=descriptor)
        return getter(self)

    get_runtime_param._exptrack_plain = True  # type: ignore[attr-defined]
    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
    return command


def plain_kind(descriptor: Any) -> str | None:
    """``str``, ``bool``, ``list``, ``int`` or ``path`` when the parameter's coercion is
    plain enough for the fast path (no parser, click type or file); else None."""
    info = descriptor.parameter_info
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) \
            is not None or getattr(descriptor, "file_annotation", None) is not None:
        return None
    annotation = descriptor.annotation
    if annotation is str:
        return "str"
    if annotation is bool:
        return "bool"
    if annotation == list[str]:
        return "list"
    if annotation is int and not getattr(info, "clamp", False):
        return "int"
    from pathlib import Path

    if annotation is Path:
        return "path"  # values always go to typer (its checks); the default None does not
    return None


def _plain_coercer(base: type, build: Callable[[Any], Any]) -> type:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class PlainRuntimeParam(base):  # type: ignore[misc]
        """Identity (or ``int``) for the values it is sure of; typer's coercion for the
        rest."""

        kind: str
        descriptor: Any

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            fast = coerce_plain(self.kind, value, self.parameter_info)
            if fast is not None:
                return fast
            return build(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    return PlainRuntimeParam


def coerce_plain(kind: str, value: Any, info: Any) -> Any:
    """The coerced value when it is certain, else None (typer decides)."""
    if kind == "str":
        return value if type(value) is str else None
    if kind == "bool":
        return value if type(value) is bool else None
    if kind == "list":
        if isinstance(value, (list, tuple)) and all(type(v) is str for v in value):
            return list(value)
        return None
    if kind == "int" and (type(value) is int
                          or (type(value) is str and _INTEGER.fullmatch(value))):
        number = int(value)
        low, high = getattr(info, "min", None), getattr(info, "max", None)
        if (low is None or number >= low) and (high is None or number <= high):
            return number
    return None
