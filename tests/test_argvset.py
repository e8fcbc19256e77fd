"""`rerun --set`'s argv rules, pure."""

from __future__ import annotations

import pytest

from exptrack.argvset import Setting, apply_settings, parse_setting
from exptrack.errors import UsageError

BASE = ["python", "-u", "train.py"]


@pytest.mark.parametrize(("args", "setting", "expected"), [
    (["--lr", "0.1"], "lr=0.2", ["--lr", "0.2"]),
    (["--lr=0.1"], "lr=0.2", ["--lr=0.2"]),
    (["lr=0.1"], "lr=0.2", ["lr=0.2"]),
    (["++model.lr=0.1"], "model.lr=3", ["++model.lr=3"]),
    (["--eval-every", "5"], "eval_every=10", ["--eval-every", "10"]),
    (["--layers", "64", "128", "--x", "1"], "layers=32 32", ["--layers", "32", "32", "--x", "1"]),
    (["--amp", "--lr", "1"], "amp=false", ["--lr", "1"]),
    (["--amp"], "amp=true", ["--amp"]),
    (["--seed", "1", "--seed", "2"], "seed=7", ["--seed", "7", "--seed", "7"]),
    (["--lr", "0.1", "--", "--lr", "9"], "lr=0.5", ["--lr", "0.5", "--", "--lr", "9"]),
    (["--lr=1", "--", "pos"], "wd=0.1", ["--lr=1", "--wd=0.1", "--", "pos"]),
    (["--lr", "1"], "wd=0.1", ["--lr", "1", "--wd", "0.1"]),
    (["lr=1"], "wd=0.1", ["lr=1", "wd=0.1"]),
])
def test_settings_keep_the_command_style(args: list[str], setting: str,
                                         expected: list[str]) -> None:
    assert apply_settings([*BASE, *args], [parse_setting(setting)], add=True) \
        == [*BASE, *expected]


def test_interpreter_options_are_never_touched_and_unknown_keys_are_errors() -> None:
    command = ["python", "-X", "lr=1", "train.py", "--lr", "2"]
    assert apply_settings(command, [Setting("lr", "3")]) \
        == ["python", "-X", "lr=1", "train.py", "--lr", "3"]
    with pytest.raises(UsageError, match=r"no parameter 'wd'.*it has: lr"):
        apply_settings(command, [Setting("wd", "1")])
    with pytest.raises(UsageError, match="flag without a value"):
        apply_settings([*BASE, "--amp"], [Setting("amp", "fast")])
    with pytest.raises(UsageError, match="KEY=VALUE"):
        parse_setting("lr")
