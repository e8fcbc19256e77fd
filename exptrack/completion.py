"""`track --install-completion SHELL` and `--show-completion SHELL` for the shell named.

Typer's own options detect the shell `track` runs under and ignore a shell named after them
(`track --install-completion zsh` under bash installed the bash script). Here the shell
named wins. The script itself comes from typer through its public completion protocol (the
`_TRACK_COMPLETE=source_<shell>` variable, as `completions/` is made), so it is always the
script typer would install; where it goes follows typer's layout.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from exptrack.errors import UsageError

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
OPTIONS = ("--install-completion", "--show-completion")
_RC_LINES = {
    "bash": ("~/.bashrc", "source '{path}'"),
    "zsh": ("~/.zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit"),
}
_SCRIPT_PATHS = {
    "bash": "~/.bash_completions/track.sh",
    "zsh": "~/.zfunc/_track",
    "fish": "~/.config/fish/completions/track.fish",
}


def requested(args: list[str]) -> tuple[str, str] | None:
    """(option, shell) when ``args`` are `--install-completion SHELL` (or ``=SHELL``) or
    the same with `--show-completion`; None otherwise (typer's own handling then)."""
    if len(args) == 2 and args[0] in OPTIONS:
        option, shell = args
    elif len(args) == 1 and args[0].partition("=")[0] in OPTIONS and "=" in args[0]:
        option, _, shell = args[0].partition("=")
    else:
        return None
    if shell not in SHELLS:
        raise UsageError(f"{option}: no completion for {shell!r}; "
                         f"choose one of {', '.join(SHELLS)}")
    return option, shell


def script(shell: str) -> str:
    """The completion script typer makes for ``shell`` (what `completions/` holds)."""
    from exptrack.cli import app

    out = io.StringIO()
    saved = os.environ.get("_TRACK_COMPLETE")
    os.environ["_TRACK_COMPLETE"] = f"source_{shell}"
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            app(prog_name="track", args=[])
    finally:
        if saved is None:
            del os.environ["_TRACK_COMPLETE"]
        else:
            os.environ["_TRACK_COMPLETE"] = saved
    return out.getvalue().strip() + "\n"  # zsh reads `#compdef` on the first line only


def install(shell: str) -> Path:
    """Write the script where ``shell`` loads it from, and the line of the shell's start-up
    file that loads it (once); the script's path."""
    if shell not in _SCRIPT_PATHS:
        raise UsageError(f"--install-completion: {shell} profiles are not edited by track; "
                         f"add the output of `track --show-completion {shell}` to $PROFILE")
    path = Path(os.path.expanduser(_SCRIPT_PATHS[shell]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script(shell))
    if shell in _RC_LINES:
        rc_name, line = _RC_LINES[shell]
        rc = Path(os.path.expanduser(rc_name))
        text = rc.read_text() if rc.is_file() else ""
        wanted = line.format(path=path)
        if wanted not in text:
            rc.write_text(f"{text.rstrip()}\n{wanted}\n" if text else f"{wanted}\n")
    return path
