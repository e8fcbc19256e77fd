"""Secrets never reach disk: redaction by name (``API_KEY=...``) and by value shape
(credentials in URLs, well-known token formats, JWTs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

REDACTED = "[REDACTED]"

_SECRET_NAME = re.compile(
    r"(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PWD|CREDENTIAL|AUTH|PRIVATE|COOKIE|SESSION"
    r"|SIGNATURE|BEARER|CERT|DSN)",
    re.IGNORECASE,
)
# Names that contain a secret word but hold nothing secret.
_SAFE_NAMES = {
    "PWD", "OLDPWD", "KEYTIPS", "XDG_SESSION_TYPE", "XDG_SESSION_CLASS", "XDG_SESSION_ID",
    "XDG_SESSION_DESKTOP", "DESKTOP_SESSION", "SESSION_MANAGER", "SSH_AUTH_SOCK",
    "GPG_AGENT_INFO", "KEYMAP", "TOKENIZERS_PARALLELISM", "MAX_TOKENS", "NUM_TOKENS",
    "AUTHOR", "XAUTHORITY", "KEY_COLUMN", "SORT_KEY", "PRIMARY_KEY",
}
_SAFE_NAME_PARTS = re.compile(
    r"(^|[_\-.])(max|min|num|n|vocab|sort|primary|sequence|seq|pad|eos|bos|unk|sep|cls)"
    r"[_\-.]?(new[_\-.]?)?(tokens?|keys?)($|[_\-.])",
    re.IGNORECASE,
)
# A name that points at where a secret lives (a file, a folder) is not the secret itself.
_SAFE_NAME_SUFFIX = re.compile(r"[_\-.](file|path|dir|folder)$", re.IGNORECASE)

_URL_CREDENTIALS = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<userinfo>[^/@\s]+)@")
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
# ``password=X`` / ``api_key: X`` / ``Authorization: Bearer X`` inside free text.
_INLINE_ASSIGNMENT = re.compile(
    r"(?P<name>[A-Za-z_][\w.\-]*)(?P<sep>[\"']?\s*[=:]\s*)"
    r"(?P<value>\"[^\"]*\"|'[^']*'|(?:Bearer|Basic|Token)\s+[^\s,;&]+|[^\s,;&\"']+)"
)
_PRIVATE_KEY_BLOCK = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", re.DOTALL
)


def is_secret_name(name: str) -> bool:
    """Does a variable, option or key name say its value is a secret?"""
    if name.upper() in _SAFE_NAMES:
        return False
    if _SAFE_NAME_PARTS.search(name) or _SAFE_NAME_SUFFIX.search(name):
        return False
    return bool(_SECRET_NAME.search(name))


def redact_text(text: str) -> str:
    """Remove credentials in URLs and well-known token shapes from free text."""
    if not text:
        return text
    text = _PRIVATE_KEY_BLOCK.sub(REDACTED, text)
    text = _URL_CREDENTIALS.sub(_redact_userinfo, text)
    text = _INLINE_ASSIGNMENT.sub(_redact_assignment, text)
    return _TOKEN_SHAPES.sub(REDACTED, text)


def _redact_assignment(match: re.Match[str]) -> str:
    value = match.group("value")
    if not is_secret_name(match.group("name")) or REDACTED in value or "://" in value:
        return match.group(0)
    quote = value[0] if value[0] in "'\"" else ""  # keep quoted values quoted (valid JSON)
    return f"{match.group('name')}{match.group('sep')}{quote}{REDACTED}{quote}"


def _redact_userinfo(match: re.Match[str]) -> str:
    userinfo = match.group("userinfo")
    user, sep, _password = userinfo.partition(":")
    if sep:
        return f"{match.group('scheme')}{user}:{REDACTED}@"
    # A bare token as the user part (https://TOKEN@host) is a credential too; a plain
    # user name such as git@ or oauth2@ is kept.
    if len(user) >= 16 or _TOKEN_SHAPES.search(user):
        return f"{match.group('scheme')}{REDACTED}@"
    return match.group(0)


def redact_url(url: str) -> str:
    return redact_text(url)


def redact_value(name: str, value: Any) -> Any:
    """Redact a value by its name, else by its shape; non-strings pass unless named."""
    if is_secret_name(name) and value not in (None, "", True, False):
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [redact_value(name, item) for item in value]
    return value


def redact_mapping(mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {key: redact_value(key, value) for key, value in mapping.items()}


def redact_environment(env: Mapping[str, str], max_value_chars: int = 4096) -> dict[str, str]:
    """Environment variables for env.yaml: sorted, secrets redacted, long values cut."""
    result: dict[str, str] = {}
    for name in sorted(env):
        value = redact_value(name, env[name])
        text = str(value)
        if len(text) > max_value_chars:
            text = text[:max_value_chars] + f"...[{len(text) - max_value_chars} more chars]"
        result[name] = text
    return result


def redact_argv(argv: Sequence[str]) -> list[str]:
    """``--api-key X``, ``--token=X``, ``password=X`` and token-shaped words are redacted."""
    result: list[str] = []
    redact_next = False
    for token in argv:
        if redact_next and not token.startswith("-"):
            result.append(REDACTED)
            redact_next = False
            continue
        redact_next = False
        name, sep, value = token.partition("=")
        bare = name.lstrip("-+~")
        if sep and bare and is_secret_name(bare) and value:
            result.append(f"{name}={REDACTED}")
            continue
        if token.startswith("-") and not sep and is_secret_name(bare):
            redact_next = True
        result.append(redact_text(token))
    return result


# Files whose whole content is a credential: listed in git.yaml, never copied into a patch.
_SECRET_FILE = re.compile(
    r"(^|/)(\.env(\.[^/]*)?|[^/]*\.(pem|key|p12|pfx|keystore|jks)|id_(rsa|dsa|ecdsa|ed25519)"
    r"|\.netrc|\.pypirc|\.npmrc|\.git-credentials|credentials(\.[^/]*)?|secrets?(\.[^/]*)?"
    r"|service[-_]account[^/]*\.json)$",
    re.IGNORECASE,
)
# Config-like files, where ``name: value`` / ``NAME=value`` is data, not code.
_CONFIG_FILE = re.compile(r"\.(ya?ml|json|toml|ini|cfg|conf|env|properties)$|(^|/)\.env",
                          re.IGNORECASE)
_ASSIGNMENT = re.compile(
    r"""(?P<head>(?P<kq>["']?)(?P<key>[A-Za-z_][\w.\-]*)(?P=kq)\s*[:=]\s*)"""
    r"""(?P<value>"[^"]*"|'[^']*'|[^"'\s,#}\[\]]+)""")


def is_secret_file(path: str) -> bool:
    """Is a file, by its name, a credential store (``.env``, ``id_rsa``, ``*.pem`` ...)?"""
    return bool(_SECRET_FILE.search(path))


def redact_config_line(line: str) -> str:
    """``api_key: X``, ``"password": "X"``, ``TOKEN=X`` -> the value redacted."""

    def replace(match: re.Match[str]) -> str:
        value = match.group("value")
        if not is_secret_name(match.group("key")) or value.strip("'\"") in (REDACTED, ""):
            return match.group(0)
        quote = value[0] if value[0] in "'\"" else ""
        return f"{match.group('head')}{quote}{REDACTED}{quote}"

    return _ASSIGNMENT.sub(replace, line)


def redact_patch(patch: bytes) -> bytes:
    """Redact the lines a patch adds: token shapes and URL credentials everywhere, values
    of secret-named keys in config files. Context and removed lines come from the commit
    itself, so ``git apply`` still works; a redacted line applies as redacted."""
    out: list[bytes] = []
    config = False
    for line in patch.split(b"\n"):
        if line.startswith(b"diff --git "):
            config = bool(_CONFIG_FILE.search(line.rsplit(b" b/", 1)[-1].decode(
                "utf-8", "surrogateescape")))
        elif line.startswith(b"+") and not line.startswith(b"+++ "):
            text = line.decode("utf-8", "surrogateescape")
            redacted = redact_text(text)
            if config:
                redacted = redact_config_line(redacted)
            if redacted != text:
                line = redacted.encode("utf-8", "surrogateescape")
        out.append(line)
    return b"\n".join(out)
