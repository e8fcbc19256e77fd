"""Redaction of ``git.patch``: what a patch adds never holds a secret, and the patch still
applies with ``git apply``.

- A file section for a credential file (``.netrc``, ``id_rsa``, ``*.pem`` ...) or holding
  a private key block is dropped whole (and named in git.yaml): the other sections apply.
- Added lines (``+``) are redacted in place, so line counts and hunk headers stay right:
  token shapes, URL credentials and ``name=value`` everywhere; in code, the string
  literals assigned to a secret-named target (``api_key: str = "X"``,
  ``os.environ["HF_TOKEN"] = "X"``, ``f(token="X")``) and the value after a secret-named
  option (``--api-key X``); in config files, the values of secret-named keys, whatever
  sits under a secret-named key (block scalars, nested blocks, flow mappings), the keys of
  a secret-named TOML table, and every value the parsed file holds under a secret-named
  key (``secret_values``).
- Context and removed lines come from the commit itself and are kept as they are (a
  patch whose context differs from the commit does not apply).

The line rules are ``lineredact``'s; every pattern is linear-time (see ``redact.py``).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from exptrack.capture.lineredact import (
    HunkState,
    apply_edits,
    config_line_in_context,
    option_values,
    redact_code_line,
    redact_config_line,
)
from exptrack.capture.redact import PRIVATE_KEY_MARKER, REDACTED, is_secret_file, redact_text

# (Suffix patterns: a fixed alternation anchored at the end of a path: linear.)
CONFIG_FILE = re.compile(r"\.(ya?ml|json|toml|ini|cfg|conf|properties)$", re.IGNORECASE)
# Code: a bare word after ``NAME=`` is a variable there, not a literal value.
_CODE_FILE = re.compile(
    r"\.(py|pyi|pyx|js|jsx|ts|tsx|java|kt|scala|go|rs|rb|c|cc|cpp|h|hpp|cs|swift|jl|r|m|php|lua)$",
    re.IGNORECASE)

_MIN_VALUE_CHARS = 3  # shorter parsed values are left to the line rules (too common)


@dataclass
class PatchResult:
    patch: bytes
    dropped: list[str] = field(default_factory=list)  # credential files, left out


def redact_patch(patch: bytes, secret_values: Mapping[str, Sequence[str]] | None = None
                 ) -> PatchResult:
    """Redact a ``git diff`` (see the module's docstring). ``secret_values``: for a config
    file's path, the values its parsed content holds under secret-named keys."""
    result = PatchResult(b"")
    out: list[bytes] = []
    for section in _sections(patch):
        path = _section_path(section)
        if path is not None and (is_secret_file(path) or _holds_private_key(section)):
            result.dropped.append(path)
            continue
        values = (secret_values or {}).get(path or "", ())
        out.extend(_redact_section(section, path or "", values))
    result.patch = b"".join(out)
    return result


def _sections(patch: bytes) -> list[list[bytes]]:
    """The patch's lines (ends kept), one list a file (a preamble is a list of its own)."""
    sections: list[list[bytes]] = [[]]
    for line in patch.splitlines(keepends=True):
        if line.startswith(b"diff --git ") and sections[-1]:
            sections.append([])
        sections[-1].append(line)
    return [s for s in sections if s]


def _holds_private_key(section: list[bytes]) -> bool:
    marker = PRIVATE_KEY_MARKER.encode()
    return any(b"-----BEGIN " in line and marker in line for line in section)


def _unquote(name: bytes) -> str:
    """A path as git prints it: C-quoted when it holds special characters."""
    if name.startswith(b'"') and name.endswith(b'"') and len(name) >= 2:
        name = codecs.escape_decode(name[1:-1])[0]
    return name.decode("utf-8", "surrogateescape")


def _section_path(section: list[bytes]) -> str | None:
    """The path a file section is about (the new side, else the old)."""
    old = None
    for line in section[1:]:
        if line.startswith(b"@@") or line.startswith(b"GIT binary patch"):
            break
        # (git ends a name holding a space with a tab; a name holding a tab is quoted)
        body = line.rstrip(b"\r\n").rstrip(b"\t")
        if body.startswith(b"+++ ") and body[4:] != b"/dev/null":
            return _unquote(body[4:])[2:]
        if body.startswith(b"--- ") and body[4:] != b"/dev/null":
            old = _unquote(body[4:])[2:]
        for prefix in (b"rename to ", b"copy to "):
            if body.startswith(prefix):
                return _unquote(body[len(prefix):])
    if old is not None:
        return old
    header = section[0].rstrip(b"\r\n")[len(b"diff --git "):]
    if header.startswith(b'"'):
        end = header.find(b'" ', 1)
        return _unquote(header[:end + 1])[2:] if end > 0 else None
    _head, sep, tail = header.partition(b" b/")
    return tail.decode("utf-8", "surrogateescape") if sep else None


def _redact_section(section: list[bytes], path: str, values: Sequence[str]) -> list[bytes]:
    config = bool(CONFIG_FILE.search(path))
    code = bool(_CODE_FILE.search(path))
    toml = path.lower().endswith(".toml")
    notebook = path.lower().endswith(".ipynb")
    patterns = _value_patterns(values)
    state = HunkState(toml)
    out: list[bytes] = []
    in_hunks = False
    for line in section:
        if line.startswith(b"@@"):
            in_hunks = True
            state = HunkState(toml)
            out.append(_redact_hunk_header(line, code))
            continue
        kind = line[:1]
        if not in_hunks or kind not in (b"+", b" "):
            out.append(line)  # headers, removed lines, "\ No newline at end of file"
            continue
        body = line[1:]
        content = body.rstrip(b"\r\n")
        text = content.decode("utf-8", "surrogateescape")
        added = kind == b"+"
        new = config_line_in_context(text, state, added) if config else text
        if added:
            if config:
                new = redact_text(new)
                new = apply_edits(new, [(a, b, REDACTED) for a, b in option_values(new)])
            elif notebook:
                new = _redact_notebook_line(new)
            else:
                new = redact_code_line(new, code)
            for pattern in patterns:
                new = pattern.sub(REDACTED, new)
        if new != text:
            line = kind + new.encode("utf-8", "surrogateescape") + body[len(content):]
        out.append(line)
    return out


# A line of a notebook's JSON holding one string (a line of a cell's source). Linear: one
# start (the line's), the string's loop is unambiguous (a backslash starts an escape).
_NOTEBOOK_STRING = re.compile(r'([ \t]*)("(?:[^"\\]|\\.)*")(,?)[ \t]*\Z')


def _redact_notebook_line(line: str) -> str:
    """A notebook (``.ipynb``) line: the JSON string of a source line is decoded, redacted
    as code and encoded again; any other line as text."""
    match = _NOTEBOOK_STRING.match(line)
    if match is None:
        return redact_text(line)
    try:
        source = json.loads(match.group(2))
    except ValueError:
        return redact_text(line)
    redacted = redact_code_line(source.rstrip("\n"), code=True) + source[len(
        source.rstrip("\n")):]
    if redacted == source:
        return line
    return match.group(1) + json.dumps(redacted, ensure_ascii=False) + match.group(3)


def _redact_hunk_header(line: bytes, code: bool) -> bytes:
    """``@@ -1,2 +1,3 @@ password: X``: git shows the enclosing line after the second
    ``@@`` (ignored by ``git apply``); it is redacted like an added line."""
    start = line.find(b"@@", 2)
    if start < 0:
        return line
    head, tail = line[:start + 2], line[start + 2:]
    end = len(tail) - len(tail.rstrip(b"\r\n"))
    text = tail[:len(tail) - end].decode("utf-8", "surrogateescape")
    new = redact_config_line(redact_code_line(text, code))
    return head + new.encode("utf-8", "surrogateescape") + tail[len(tail) - end:]


def _value_patterns(values: Sequence[str]) -> list[re.Pattern[str]]:
    """Each parsed secret value (and each of its lines and words, for block scalars), as a
    literal pattern that only matches a whole token. Linear: a literal and two one-character
    lookarounds."""
    pieces: set[str] = set()
    for value in values:
        for piece in (value.strip(), *value.splitlines(), *value.split()):
            piece = piece.strip()
            if len(piece) >= _MIN_VALUE_CHARS and piece != REDACTED:
                pieces.add(piece)
    patterns = []
    for piece in sorted(pieces, key=len, reverse=True):
        before = r"(?<!\w)" if piece[0].isalnum() or piece[0] == "_" else ""
        after = r"(?!\w)" if piece[-1].isalnum() or piece[-1] == "_" else ""
        patterns.append(re.compile(before + re.escape(piece) + after))
    return patterns


