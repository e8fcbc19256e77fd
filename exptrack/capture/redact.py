"""Secrets never reach disk: redaction by name (``API_KEY=...``) and by value shape
(credentials in URLs, well-known token formats, JWTs, private key blocks).

Every regex here runs in time linear in its input, whatever the input (a 1 MB line
without ``=``, an environment variable of a million letters): Python's engine backtracks,
so each pattern is written so that a match can only start at the first character of a run
(a lookbehind rejects every later position of the run in one step), and each quantifier
is followed by something its character class cannot match (so giving characters back
never finds a second way to match). The comment above each pattern says why it is linear;
``tests/test_redact_linear.py`` feeds them adversarial inputs. Callers cut long values
before redacting them (``redact_environment``), never after.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

REDACTED = "[REDACTED]"

# A name is secret when one of its words is (or ends with) a secret word, plurals
# included: api_key, hfToken, APIKEY, passwords, client_secret. A word that merely starts
# with one is not: tokenizer, keypoints, author, uncertainty, sessionize.
# Linear: each alternative is a fixed word; the optional suffixes are fixed words too, and
# the lookahead checks one character.
_SECRET_WORD = re.compile(
    r"(key|token|secret|password|passwd|passphrase|pwd|credential|auth|private|cookie"
    r"|session|signature|bearer|cert|dsn)(?:s|orization|ificates?)?(?![a-z])")
# Any secret word, wherever it is (``may_name_a_secret``). Linear: fixed words.
_SECRET_STEM = re.compile(r"key|token|secret|passw|passphrase|pwd|credential|auth|private"
                          r"|cookie|session|signature|bearer|cert|dsn")
# camelCase -> camel_Case before lowercasing (hfToken -> hf_token). Linear: two
# one-character lookarounds, nothing consumed.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# Names that contain a secret word but hold nothing secret.
_SAFE_NAMES = {
    "PWD", "OLDPWD", "KEYTIPS", "XDG_SESSION_TYPE", "XDG_SESSION_CLASS", "XDG_SESSION_ID",
    "XDG_SESSION_DESKTOP", "DESKTOP_SESSION", "SESSION_MANAGER", "SSH_AUTH_SOCK",
    "GPG_AGENT_INFO", "KEYMAP", "TOKENIZERS_PARALLELISM", "MAX_TOKENS", "NUM_TOKENS",
    "AUTHOR", "XAUTHORITY", "KEY_COLUMN", "SORT_KEY", "PRIMARY_KEY",
}
# Linear: anchored to a separator (or the start); each group is a fixed word, the
# optional separators one character each.
_SAFE_NAME_PARTS = re.compile(
    r"(^|[_\-.])(max|min|num|n|vocab|sort|primary|sequence|seq|pad|eos|bos|unk|sep|cls)"
    r"[_\-.]?(new[_\-.]?)?(tokens?|keys?)($|[_\-.])",
    re.IGNORECASE,
)
# A name that points at where a secret lives (a file, a folder) is not the secret itself.
# Linear: a fixed suffix anchored at the end.
_SAFE_NAME_SUFFIX = re.compile(r"[_\-.](file|path|dir|folder)$", re.IGNORECASE)

# ``scheme://userinfo@``: the userinfo runs to the LAST ``@`` before the path, so a
# password holding ``@`` (``postgres://u:p@ss@host/db``) is redacted whole.
# Linear: a scheme can only start where no scheme character precedes it (the lookbehind),
# so each run of scheme characters is scanned once; the userinfo starts only after
# ``://`` and stops at the next ``/`` or space, so userinfo scans never overlap.
_URL_CREDENTIALS = re.compile(
    r"(?<![A-Za-z0-9+.\-])(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<userinfo>[^/\s]*)@")
# Linear: a match starts only where no token character precedes it; each alternative is a
# fixed prefix and ONE run of a character class (the JWT's and SendGrid's runs are split
# by dots their classes exclude), so a start scans its run once.
_TOKEN_SHAPES = re.compile(
    r"(?<![A-Za-z0-9_\-])("
    r"sk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_\-]{16,}"
    r"|gh[pousr]_[A-Za-z0-9]{20,}"
    r"|github_pat_[A-Za-z0-9_]{20,}"
    r"|hf_[A-Za-z0-9]{20,}"
    r"|xox[abposr]-[A-Za-z0-9\-]{10,}"
    r"|(?:AKIA|ASIA)[A-Z0-9]{16}"
    r"|glpat-[A-Za-z0-9_\-]{20,}"
    r"|AIza[0-9A-Za-z_\-]{35}"
    r"|eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"
    r"|wandb_[A-Za-z0-9]{20,}"
    r"|npm_[A-Za-z0-9]{30,}"
    r"|pypi-[A-Za-z0-9_\-]{40,}"
    r"|xapp-[A-Za-z0-9\-]{10,}"
    r"|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"
    r"|SG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}"
    r"|dop_v1_[a-f0-9]{32,}"
    r"|hvs\.[A-Za-z0-9_\-]{20,}"
    r")"
)
# ``password=X`` / ``api_key: X`` / ``"token": "X"`` / ``Authorization: Bearer X`` in text:
# the name and separator, then (for a secret name only) the value, matched where the
# separator ends, so a non-secret name never swallows the next assignment
# (``old: api_key: X``).
# Linear: a name starts only where no name character precedes it, so each run of name
# characters is scanned once; after the name comes a quote, a space, ``=`` or ``:``,
# none of which a name contains, so giving name characters back finds nothing new. The
# value alternatives each begin with a different fixed character or word, a quoted value
# stops at its closing quote (or the end of the line), and each value is matched once.
# (A value starting a flow collection or a block scalar, ``{``, ``[``, ``|``, ``>``, is left
# to the config rules, which know the lines below it.)
_ASSIGNMENT_HEAD = re.compile(r"(?<![\w.\-])(?P<name>[\w.\-]+)[\"']?\s*[=:]\s*")
_ASSIGNMENT_VALUE = re.compile(
    r"\"[^\"\n]*\"|'[^'\n]*'|(?:Bearer|Basic|Token)\s+[^\s,;&]+|[^\s,;&\"'{\[|>][^\s,;&\"']*")
# Linear: the header's run is bounded ({0,64}); from a header, the lazy scan stops at the
# first END line or the end of the text, and never restarts inside what it consumed.
_PRIVATE_KEY_BLOCK = re.compile(
    r"-----BEGIN [A-Z0-9 ]{0,64}PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]{0,64}PRIVATE KEY-----"
    r"|\Z)", re.DOTALL)
PRIVATE_KEY_MARKER = "PRIVATE KEY-----"


def is_secret_name(name: str) -> bool:
    """Does a variable, option or key name say its value is a secret? (Cached for names
    of ordinary length: a config or a patch repeats the same names many times.)"""
    return _is_secret_name(name) if len(name) > 256 else _is_secret_name_cached(name)


def _is_secret_name(name: str) -> bool:
    if name.upper() in _SAFE_NAMES:
        return False
    if _SAFE_NAME_PARTS.search(name) or _SAFE_NAME_SUFFIX.search(name):
        return False
    return bool(_SECRET_WORD.search(_CAMEL.sub("_", name).lower()))


_is_secret_name_cached = functools.lru_cache(maxsize=4096)(_is_secret_name)


def may_name_a_secret(text: str) -> bool:
    """Could some name in ``text`` be secret-named? (False: no secret word at all, so
    name-based rules have nothing to do.)"""
    return bool(_SECRET_STEM.search(text.lower()))


def redact_text(text: str, assignments: bool = True) -> str:
    """Remove private key blocks, credentials in URLs, values of secret-named assignments
    (unless told: code has its own rule) and well-known token shapes from free text."""
    if not text:
        return text
    if PRIVATE_KEY_MARKER in text:
        text = _PRIVATE_KEY_BLOCK.sub(REDACTED, text)
    if "://" in text:
        text = _URL_CREDENTIALS.sub(_redact_userinfo, text)
    if assignments and ("=" in text or ":" in text):
        text = redact_assignments(text)
    return _TOKEN_SHAPES.sub(REDACTED, text)


def redact_assignments(text: str) -> str:
    """The value of each ``secret_name=value`` / ``secret_name: value`` in ``text``."""
    pieces: list[str] = []
    done = position = 0
    while True:
        head = _ASSIGNMENT_HEAD.search(text, position)
        if head is None:
            break
        position = head.end()
        if not is_secret_name(head.group("name")):
            continue
        found = _ASSIGNMENT_VALUE.match(text, position)
        if found is None:
            continue
        value = found.group()
        if REDACTED not in value and "://" not in value:
            quote = value[0] if value[0] in "'\"" else ""  # quoted stays quoted (valid JSON)
            pieces += [text[done:position], f"{quote}{REDACTED}{quote}"]
            done = found.end()
        position = found.end()
    return "".join(pieces) + text[done:] if pieces else text


def _redact_userinfo(match: re.Match[str]) -> str:
    userinfo = match.group("userinfo")
    user, sep, _password = userinfo.partition(":")
    if sep:
        return f"{match.group('scheme')}{user}:{REDACTED}@"
    # A bare token as the user part (https://TOKEN@host) is a credential too; a plain
    # user name such as git@ or oauth2@ is kept, and so is a query (?to=a@b.c).
    if "?" not in user and "#" not in user and (len(user) >= 16 or _TOKEN_SHAPES.search(user)):
        return f"{match.group('scheme')}{REDACTED}@"
    return match.group(0)


def redact_url(url: str) -> str:
    return redact_text(url)


def redact_value(name: str, value: Any) -> Any:
    """Redact a value by its name, else by its shape; non-strings pass unless named."""
    if is_secret_name(name) and not (value is None or value is True or value is False
                                     or value == ""):  # (0 and 1 are values too)
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [redact_value(name, item) for item in value]
    return value


def redact_mapping(mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {key: redact_value(key, value) for key, value in mapping.items()}


# A token cut in two by the length cap could escape its shape; redacting a margin past the
# cap first means only a token longer than the margin can be cut unrecognized.
_CUT_MARGIN = 1024


def redact_environment(env: Mapping[str, str], max_value_chars: int = 4096) -> dict[str, str]:
    """Environment variables for env.yaml: sorted, long values cut, secrets redacted (cut
    first: redaction never runs over more than the cap and a margin)."""
    result: dict[str, str] = {}
    for name in sorted(env):
        raw = env[name]
        text = str(redact_value(name, raw[:max_value_chars + _CUT_MARGIN]))
        if len(raw) > max_value_chars:
            text = text[:max_value_chars] + f"...[{len(raw) - max_value_chars} more chars]"
        result[name] = text
    return result


def _is_long_option(token: str) -> bool:
    """``--lr``, ``--lr=1``: the next option, not the value of a secret-named flag."""
    return len(token) > 2 and token.startswith("--") and (token[2].isalpha() or token[2] == "_")


def takes_secret_value(token: str) -> bool:
    """Is ``token`` a secret-named option whose value is the next argument
    (``--api-key X``, ``-hf_token X``)?"""
    return token.startswith("-") and "=" not in token \
        and is_secret_name(token.lstrip("-")) and bool(token.lstrip("-"))


def secret_value_follows(option: str, following: str) -> bool:
    """After ``--api-key``, is ``following`` its value? Anything is, except ``--`` and
    another long option (``--use-auth-token --lr 1``: a flag)."""
    return takes_secret_value(option) and following != "--" and not _is_long_option(following)


def redact_argv(argv: Sequence[str]) -> list[str]:
    """``--api-key X`` (whatever X looks like), ``--token=X``, ``password=X`` and
    token-shaped words are redacted."""
    result: list[str] = []
    for index, token in enumerate(argv):
        if index and secret_value_follows(argv[index - 1], token):
            result.append(REDACTED)
            continue
        name, sep, value = token.partition("=")
        bare = name.lstrip("-+~")
        if sep and bare and is_secret_name(bare) and value:
            result.append(f"{name}={REDACTED}")
            continue
        result.append(redact_text(token))
    return result


# Files whose whole content is a credential: never snapshotted, copied or put in a patch.
# Linear: anchored at the end of the path; each alternative is one run of non-slash
# characters after a fixed start, and the runs' classes exclude the ``/`` before them.
_SECRET_FILE = re.compile(
    r"(^|/)(\.env(\.[^/]*)?|[^/]*\.(pem|key|p12|pfx|keystore|jks|ppk|asc|gpg)"
    r"|id_(rsa|dsa|ecdsa|ed25519)[^/]*|\.netrc|_netrc|\.pgpass|\.pypirc|\.npmrc"
    r"|\.git-credentials|\.htpasswd|credentials[^/]*|secrets?(\.[^/]*)?"
    r"|service[-_]account[^/]*\.json)$",
    re.IGNORECASE,
)


def is_secret_file(path: str) -> bool:
    """Is a file, by its name, a credential store (``.env``, ``id_rsa``, ``*.pem``,
    ``.netrc``, ``credentials*.json``, ``secrets.yaml`` ...)?"""
    return bool(_SECRET_FILE.search(path.replace("\\", "/")))


def holds_private_key(data: bytes) -> bool:
    """Does this content hold a private key block (``-----BEGIN ... PRIVATE KEY-----``)?"""
    return b"-----BEGIN " in data and PRIVATE_KEY_MARKER.encode() in data
