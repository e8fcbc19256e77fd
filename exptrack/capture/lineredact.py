"""Line rules of redaction, for code and for config files (``patchredact`` applies them
to the lines a patch adds, ``configsnap`` to whole config files).

Code: token shapes, URL credentials and private keys anywhere; the string literals of the
value assigned to (or compared with) a secret-named target (``api_key: str = "X"``,
``os.environ["HF_TOKEN"] = "X"``, ``f(token="X")``); the argument after a secret-named
option (``--api-key X``); ``name=value`` inside strings and comments. Config: the value of
a secret-named key, and what a block, block scalar or TOML table under one holds.

Every pattern is linear-time (see ``redact.py``); the scanners never restart a match
inside text they consumed and never copy the rest of a line for each match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exptrack.capture.redact import (
    REDACTED,
    is_secret_name,
    may_name_a_secret,
    redact_assignments,
    redact_text,
    secret_value_follows,
)

# One token of a line of code. Linear: a string's loop stops only at its closing quote or
# the end of the line, and both end the string, so it matches on its first (greedy) try
# and is never rescanned; a name consumes its whole run; everything else is one character.
_CODE_TOKEN = re.compile(
    r"""(?P<str>"(?:[^"\\]|\\.?)*(?:"|\Z)|'(?:[^'\\]|\\.?)*(?:'|\Z))"""
    r"|(?P<name>[A-Za-z_][\w.]*)"
    r"|(?P<op>==|!=|:=|=>|->|//|[=:,;(){}\[\]#])"
    r"|(?P<other>\S)")
_ASSIGN_OPS = frozenset({"=", ":", ":=", "=>", "==", "!="})
# An environment variable's name as a string (``"HF_TOKEN"``): a name, not a secret.
# Linear: matched at the start only, one run of one class.
_ENV_NAME = re.compile(r"[A-Z][A-Z0-9_]*\Z")
# A key and its separator in a config line: ``api_key: ``, ``"token": ``, ``PASSWORD=``.
# Linear: a key starts only where no key character precedes it (the lookbehind), so each
# run of key characters is scanned once; the quote, spaces and separator after it are
# characters a key cannot contain.
_CONFIG_KEY = re.compile(
    r"""(?<![\w.\-"'])(?P<kq>["']?)(?P<key>[A-Za-z_][\w.\-]*)(?P=kq)[ \t]*"""
    r"""(?:=[ \t]*|:(?:[ \t]+|(?=["'{\[|>])|$))""")
# A bare config value: words up to a separator of a flow collection or a comment (`` #``).
# Linear: each word is one run of non-space characters and each repetition must begin with
# the spaces a word cannot hold, so there is one way to match, and the match never fails.
_BARE_VALUE = re.compile(r"[^\s,}\]#][^\s,}\]]*(?:[ \t]+[^\s,}\]#][^\s,}\]]*)*")
# A word of a command line, without quotes (``--api-key X`` in a script). Linear: one run.
_WORD = re.compile(r"""[^\s"'=]+""")
# ``[table]`` / ``[[array.of.tables]]``. Linear: one run up to the first bracket.
_TOML_TABLE = re.compile(r"\[\[?([^\[\]]*)\]\]?[ \t]*(?:#.*)?$")
# ``{}``, ``[``: nothing to hide. Linear: fixed characters, then spaces to the end.
_EMPTY_FLOW = re.compile(r"[{\[][}\]]?[ \t]*$")


@dataclass
class HunkState:
    """What the lines of a config hunk said so far: inside a block under a secret-named
    key (its indentation), inside a secret-named TOML table."""

    toml: bool = False
    block_indent: int | None = None
    secret_table: bool = False


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def config_line_in_context(text: str, state: HunkState, added: bool) -> str:
    """One line of a config hunk; ``state`` follows blocks and tables across lines (context
    lines update it too, only added lines are changed)."""
    stripped = text.strip()
    if state.block_indent is not None and stripped and _indent(text) <= state.block_indent:
        state.block_indent = None
    if state.toml and stripped.startswith("["):
        table = _TOML_TABLE.match(stripped)
        if table is not None:
            state.secret_table = is_secret_name(table.group(1).strip())
            state.block_indent = None
            return text
    if state.block_indent is not None:
        return _redact_block_line(text) if added and stripped else text
    opened = _opens_secret_block(text)
    if opened is not None:
        state.block_indent = opened
    if not added:
        return text
    if state.secret_table and "=" in text and not stripped.startswith("#"):
        name, _, _ = text.partition("=")
        return f'{name}= "{REDACTED}"'
    return redact_config_line(text)


def _opens_secret_block(text: str) -> int | None:
    """The indentation of ``key:`` (nothing after it, a block scalar indicator or an open
    flow collection) when the key is secret-named; else None."""
    match = _CONFIG_KEY.search(text)
    if match is None or not is_secret_name(match.group("key")):
        return None
    rest = text[match.end():].strip()
    if rest == "" or rest[0] in "|>" or (rest[0] in "{[" and rest[-1] not in "}]"):
        return _indent(text)
    return None


_KEPT_VALUES = frozenset({"", "null", "~", "true", "false", "True", "False", "None", '""', "''",
                          "{", "[", "{}", "[]", REDACTED, f'"{REDACTED}"', f"'{REDACTED}'"})


def _redacted_value(value: str) -> str:
    """The replacement of a config value (text after ``key: ``): quoted, so the line stays
    valid YAML, JSON or TOML; what hides nothing (null, true, an opening bracket, a block
    scalar indicator) is kept."""
    comma = "," if value.endswith(",") and len(value) > 1 else ""
    core = value[:-1].rstrip() if comma else value
    if core in _KEPT_VALUES or core[:1] in ("|", ">"):
        return value
    quote = core[0] if core[:1] in ("'", '"') else '"'
    return f"{quote}{REDACTED}{quote}{comma}"


def _redact_block_line(text: str) -> str:
    """A line inside a block under a secret-named key: its own key (or list dash) and a
    trailing comma kept, the value redacted; a line of a block scalar redacted whole."""
    indent = text[:_indent(text)]
    body = text[len(indent):].rstrip()
    if body in ("}", "},", "]", "],", "-"):
        return text
    dash = "- " if body.startswith("- ") else ""
    body = body[len(dash):]
    match = _CONFIG_KEY.match(body)
    if match is None and not dash:
        return f"{indent}{REDACTED}"
    head = body[:match.end()] if match is not None else ""
    return f"{indent}{dash}{head}{_redacted_value(body[len(head):])}"


def redact_config_line(line: str) -> str:
    """``api_key: X``, ``"password": "X"``, ``TOKEN=X``, ``wandb: {api_key: X}``: the value
    of a secret-named key redacted (quoted: the line stays valid YAML, JSON or TOML); a flow
    collection under such a key: the rest of the line; a block scalar indicator is kept
    (its lines are the block's)."""
    pieces: list[str] = []
    done = 0
    for match in _CONFIG_KEY.finditer(line):
        if match.start() < done or not is_secret_name(match.group("key")):
            continue
        start = match.end()  # (no slicing of the rest: a line may hold 100,000 keys)
        first = line[start:start + 1]
        if first in ("", "|", ">") or _EMPTY_FLOW.match(line, start):
            continue
        if first in "{[":
            pieces += [line[done:start], f'"{REDACTED}"']
            done = len(line)
            break
        if first in "\"'":
            close = line.find(first, start + 1)
            end = close + 1 if close > 0 else len(line)
            if line[start:end] in _KEPT_VALUES:
                continue
            pieces += [line[done:start], f"{first}{REDACTED}{first}"]
            done = end
            continue
        bare = _BARE_VALUE.match(line, start)
        if bare is None or bare.group().rstrip() in _KEPT_VALUES:
            continue
        pieces += [line[done:start], f'"{REDACTED}"']
        done = start + len(bare.group().rstrip())
    return "".join(pieces) + line[done:] if pieces else line


def redact_code_line(line: str, code: bool = True) -> str:
    """A line of code or script, redacted: token shapes, URL credentials and private keys
    anywhere; the string literals of the value assigned to (or compared with) a
    secret-named target; the value after a secret-named option; ``name=value`` inside
    strings and comments. Outside code (scripts, Dockerfiles) every ``NAME=value`` counts,
    bare words included."""
    line = redact_text(line, assignments=not code)
    if not may_name_a_secret(line):
        return line  # no secret word anywhere: no secret-named target or option either
    edits: list[tuple[int, int, str]] = []
    pending = False  # a secret-named target seen, its operator not yet
    redacting = False
    depth = 0
    previous_end = -1
    for token in _CODE_TOKEN.finditer(line):
        kind, text = token.lastgroup, token.group()
        if code and kind == "op" and text in ("#", "//"):  # a comment: free text
            rest = redact_assignments(line[token.end():])
            edits.append((token.end(), len(line), rest))
            break
        if kind == "str":
            closed = len(text) >= 2 and text[-1] == text[0]
            inner = text[1:-1] if closed else text[1:]
            start = token.start() + 1
            if redacting and inner and inner != REDACTED and not _ENV_NAME.match(inner):
                edits.append((start, start + len(inner), REDACTED))
            elif code and ("=" in inner or ":" in inner):
                edits.append((start, start + len(inner), redact_assignments(inner)))
        if redacting:
            if kind == "op" and text in "([{":
                depth += 1
            elif kind == "op" and text in ")]}":
                depth -= 1
                redacting = depth >= 0
            elif kind == "op" and text in ",;" and depth == 0:
                redacting = False
            elif not code and token.start() == previous_end and kind != "op" \
                    and kind != "str":
                bare = _WORD.match(line, token.start())
                if bare is not None:
                    edits.append((*bare.span(), REDACTED))
            previous_end = -1
            continue
        if kind == "name":
            pending = is_secret_name(text.rsplit(".", 1)[-1])
        elif kind == "str":
            inner = text[1:-1]
            pending = bool(inner) and inner.replace("-", "_").replace(".", "_").isidentifier() \
                and is_secret_name(inner)
        elif kind == "op" and text in _ASSIGN_OPS and pending:
            redacting, depth, pending = True, 0, False
            previous_end = token.end()
        elif kind == "op" and text not in "[]":
            pending = False
    edits += [(start, end, REDACTED) for start, end in option_values(line)]
    return apply_edits(line, edits)


def option_values(line: str) -> list[tuple[int, int]]:
    """The word after a secret-named option on a command line in a script."""
    spans = []
    previous = ""
    for word in _WORD.finditer(line):
        if previous and secret_value_follows(previous, word.group()):
            spans.append(word.span())
        previous = word.group()
    return spans


def apply_edits(line: str, edits: list[tuple[int, int, str]]) -> str:
    """``line`` with each (start, end, text) edit made; an edit overlapping an earlier
    one is skipped."""
    if not edits:
        return line
    out = []
    done = 0
    for start, end, text in sorted(edits):
        if start < done or end < start:
            continue
        out += [line[done:start], text]
        done = end
    return "".join(out) + line[done:]


def redact_config_lines(text: str, toml: bool = False) -> str:
    """Every line of a config file through the config line rules (as if each were added),
    layout and comments kept; ``configsnap`` checks the result against the parsed data."""
    state = HunkState(toml)
    lines = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append(redact_text(config_line_in_context(body, state, True)) + line[len(body):])
    return "".join(lines)
