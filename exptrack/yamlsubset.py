"""A reader for the plain block YAML that ``fsutil.dump_yaml`` writes, without PyYAML.

`track show` and `track diff` read env.yaml (hundreds of packages), resources.yaml,
artifacts.yaml and inputs.yaml of a run. Parsing them with PyYAML's C loader takes a
millisecond or two; importing PyYAML takes ten times that (mostly compiling the regexes of
its pure-Python reader and resolver, which the C loader never uses).

``load`` reads block mappings and sequences of scalars: plain (folded over lines when
long), single-quoted or double-quoted without escapes on one line, and ``{}``/``[]``.
Plain scalars resolve as PyYAML's safe loader resolves them (YAML 1.1: ``yes``/``on``
are booleans, ``~`` is null, ...) for the forms it is sure about. Anything else
(comments, anchors, tags, block scalars, escapes, flow collections, unusual numbers, odd
indentation, non-printable characters) returns ``UNSUPPORTED`` and the caller parses the
text with PyYAML, so the result is always the one PyYAML gives, or PyYAML's own error.
"""

from __future__ import annotations

import re
from typing import Any, Final

UNSUPPORTED: Final = object()  # "ask PyYAML": a text this reader does not vouch for

_NULLS: Final = frozenset(("~", "null", "Null", "NULL"))
_BOOLS: Final = {word: value
                 for words, value in ((("yes", "true", "on"), True),
                                      (("no", "false", "off"), False))
                 for base in words for word in (base, base.capitalize(), base.upper())}
_SPECIAL_FLOATS: Final = {
    **{f"{sign}.{word}": (-1.0 if sign == "-" else 1.0) * float("inf")
       for sign in ("", "+", "-") for word in ("inf", "Inf", "INF")},
    **{f".{word}": float("nan") for word in ("nan", "NaN", "NAN")},
}
# The int and float forms whose value Python's int()/float() gives exactly as PyYAML does
# (no underscores, no base prefixes or leading zeros, no sexagesimal): at most 18 digits.
_INT: Final = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,17})")
_FLOAT: Final = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?")
_INT_DIGITS: Final = {"": frozenset("0123456789_"), "0b": frozenset("01_"),
                      "0x": frozenset("0123456789abcdefABCDEF_")}
_RESOLVED_FIRST: Final = frozenset("-+.0123456789<=")  # where YAML 1.1 may see a non-string
_INDICATORS: Final = frozenset(",[]{}#&*!|>'\"%@`?:")


class _Unsupported(Exception):
    """This text is not in the subset: PyYAML decides."""


def load(text: str) -> Any:
    """The data in ``text`` as PyYAML's safe loader reads it, or ``UNSUPPORTED``."""
    try:
        return _Reader(text).document()
    except (_Unsupported, RecursionError):
        return UNSUPPORTED


def _plain(text: str) -> Any:
    """A plain (unquoted) scalar, resolved; the text must be one PyYAML reads as such."""
    if not text or text[0] in _INDICATORS or text[0] == " " or text[-1] == " " \
            or ": " in text or text[-1] == ":" or " #" in text \
            or (text[0] == "-" and (len(text) == 1 or text[1] == " ")):
        raise _Unsupported
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    first = text[0]
    if first not in _RESOLVED_FIRST:
        return text
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text]
    if first in "<=":
        if text in ("<<", "="):
            raise _Unsupported
        return text
    # What YAML 1.1 reads as a float, an int or a timestamp has a digit or a dot after the
    # sign, a digit or i/n after a leading dot, at most one dot, and, without a ".", ":"
    # or "-", only the digits (and underscores) of its base after a 0b/0x prefix.
    body = text[1:] if first in "+-" else text
    if not body or body[0] not in "0123456789." or text.count(".") >= 2:
        return text  # "--lr", "3.11.7"
    if body[0] == ".":
        if len(body) == 1 or body[1] not in "0123456789iInN":
            return text  # ".venv"
    elif not any(c in ".:-" for c in body):
        prefix = body[:2] if body[:2] in ("0b", "0x") else ""
        digits = _INT_DIGITS[prefix]
        if len(body) == len(prefix) or any(c not in digits for c in body[len(prefix):]):
            return text  # a hex digest such as "99a0a01e...", or "0b3a"
    raise _Unsupported


def _quoted(text: str) -> tuple[str, int]:
    """A quoted scalar at the start of ``text`` closed on the same line: (value, end)."""
    quote = text[0]
    if quote == '"':
        end = text.find('"', 1)
        if end < 0 or "\\" in text[1:end]:
            raise _Unsupported
        return text[1:end], end + 1
    parts = []
    start = 1
    while True:
        end = text.find("'", start)
        if end < 0:
            raise _Unsupported
        parts.append(text[start:end])
        if text.startswith("''", end):
            parts.append("'")
            start = end + 2
            continue
        return "".join(parts), end + 1


def _scalar(text: str) -> Any:
    if text == "{}":
        return {}
    if text == "[]":
        return []
    if text[0] in "'\"":
        value, end = _quoted(text)
        if end != len(text):
            raise _Unsupported
        return value
    return _plain(text)


def _entry(content: str) -> tuple[Any, str | None] | None:
    """``(key, rest)`` of a ``key: rest`` line (rest None for ``key:``); None when the line
    is a scalar, not a mapping entry."""
    if content[0] in "'\"":
        key, end = _quoted(content)
        after = content[end:]
        if not after:
            return None
        if after == ":":
            return key, None
        if after.startswith(": ") and after[2:3] not in ("", " "):
            return key, after[2:]
        raise _Unsupported
    split = content.find(": ")
    if split < 0:
        if content[-1] != ":":
            return None
        return _plain(content[:-1]), None
    rest = content[split + 2:]
    if not rest or rest[0] == " ":
        raise _Unsupported
    return _plain(content[:split]), rest


def _is_item(content: str) -> bool:
    return content == "-" or content.startswith("- ")


class _Reader:
    def __init__(self, text: str) -> None:
        rows = text.split("\n")
        if rows and rows[-1] == "":
            rows.pop()
        self.lines: list[tuple[int, str]] = []
        for row in rows:
            content = row.lstrip(" ")
            if not content or content[-1] == " " or content[0] == "#" or " #" in content \
                    or not row.isprintable():
                raise _Unsupported  # blank lines, comments, tabs, odd characters: PyYAML
            self.lines.append((len(row) - len(content), content))

    def document(self) -> Any:
        if not self.lines or self.lines[0][0] != 0:
            raise _Unsupported
        if len(self.lines) == 1 and self.lines[0][1] in ("{}", "[]"):
            return _scalar(self.lines[0][1])
        value, end = self.block(0, self.lines[0][1])
        if end != len(self.lines):
            raise _Unsupported
        return value

    def block(self, pos: int, content: str) -> tuple[Any, int]:
        indent = self.lines[pos][0]
        if _is_item(content):
            return self.sequence(pos, indent)
        return self.mapping(pos + 1, indent, content)

    def nested(self, pos: int, indent: int, same_indent_items: bool) -> tuple[Any, int]:
        """The value of a ``key:`` or ``-`` line: the block below it, else null."""
        if pos < len(self.lines):
            inner, content = self.lines[pos]
            if inner > indent or (same_indent_items and inner == indent and _is_item(content)):
                return self.block(pos, content)
        return None, pos

    def scalar(self, text: str, pos: int, indent: int) -> tuple[Any, int]:
        """The scalar starting with ``text``, continued on the lines from ``pos`` indented
        deeper than ``indent``: a long plain scalar is folded there, one space a break."""
        end = pos
        while end < len(self.lines) and self.lines[end][0] > indent:
            end += 1
        if end == pos:
            return _scalar(text), pos
        if text[0] in "'\"{[":
            raise _Unsupported  # a quoted scalar or a flow collection over several lines
        return _plain(" ".join([text, *(content for _, content in self.lines[pos:end])])), end

    def mapping(self, pos: int, indent: int, first: str) -> tuple[dict[Any, Any], int]:
        """The mapping whose first entry is ``first`` (already read), next lines from
        ``pos`` at ``indent``."""
        result: dict[Any, Any] = {}
        content: str | None = first
        while content is not None:
            entry = _entry(content)
            if entry is None:
                raise _Unsupported
            key, rest = entry
            if rest is None:
                result[key], pos = self.nested(pos, indent, same_indent_items=True)
            else:
                result[key], pos = self.scalar(rest, pos, indent)
            content = None
            if pos < len(self.lines):
                inner, following = self.lines[pos]
                if inner > indent:
                    raise _Unsupported
                if inner == indent and not _is_item(following):
                    content = following
                    pos += 1
        return result, pos

    def sequence(self, pos: int, indent: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        while pos < len(self.lines):
            inner, content = self.lines[pos]
            if inner < indent or (inner == indent and not _is_item(content)):
                break
            if inner > indent:
                raise _Unsupported
            pos += 1
            if content == "-":
                value, pos = self.nested(pos, indent, same_indent_items=False)
            else:
                rest = content[2:]
                if rest[0] == " " or _is_item(rest):
                    raise _Unsupported
                if _entry(rest) is not None:
                    value, pos = self.mapping(pos, indent + 2, rest)
                else:
                    value, pos = self.scalar(rest, pos, indent)
            items.append(value)
        return items, pos
