"""Parameters parsed from real-looking command lines."""

from __future__ import annotations

import pytest

from exptrack.capture.params import (
    parse_arguments,
    parse_param_option,
    parse_params,
    parse_value,
    script_arguments,
)
from exptrack.errors import UsageError


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lr", "0.01"], {"lr": 0.01}),
        (["--lr=0.01"], {"lr": 0.01}),
        (["-e", "5"], {"e": 5}),
        (["--amp"], {"amp": True}),
        (["--amp", "--lr", "1e-3"], {"amp": True, "lr": 0.001}),
        (["--no-augment"], {"augment": False}),
        (["model.depth=50", "optimizer=adam"], {"model.depth": 50, "optimizer": "adam"}),
        (["+trainer.max_epochs=3", "++seed=1"], {"trainer.max_epochs": 3, "seed": 1}),
        (["--name", "resnet-50"], {"name": "resnet-50"}),
        (["--lr", "-0.5"], {"lr": -0.5}),
        (["--layers", "64", "128", "256"], {"layers": [64, 128, 256]}),
        (["--tag", "a", "--tag", "b"], {"tag": ["a", "b"]}),
        (["--shuffle", "true", "--debug=False"], {"shuffle": True, "debug": False}),
        (["data/train.csv", "--epochs", "3"], {"epochs": 3}),
        (["--epochs", "3", "--", "--not-a-param", "x=1"], {"epochs": 3}),
        (["--resume", "None"], {"resume": None}),
    ],
)
def test_parse_arguments(args: list[str], expected: dict[str, object]) -> None:
    assert parse_arguments(args) == expected


def test_positional_arguments_are_not_params() -> None:
    assert parse_arguments(["train", "data/", "out.bin"]) == {}


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["python", "train.py", "--lr", "1"], ["--lr", "1"]),
        (["python3.11", "-u", "-W", "ignore", "train.py", "-e", "2"], ["-e", "2"]),
        (["python", "-m", "pkg.train", "--lr", "1"], ["--lr", "1"]),
        (["uv", "run", "python", "train.py", "--x", "1"], ["--x", "1"]),
        (["./train.sh", "--x", "1"], ["--x", "1"]),
        (["/venv/bin/python", "train.py"], []),
    ],
)
def test_script_arguments_skip_the_interpreter(command: list[str], expected: list[str]) -> None:
    assert script_arguments(command) == expected


def test_interpreter_flags_are_not_params() -> None:
    assert parse_params(["python", "-u", "-O", "train.py", "--lr", "0.1"]) == {"lr": 0.1}


def test_values_are_typed() -> None:
    assert parse_value("3") == 3 and isinstance(parse_value("3"), int)
    assert parse_value("3.5") == 3.5
    assert parse_value(".5") == 0.5
    assert parse_value("1e-4") == 0.0001
    assert parse_value("TRUE") is True
    assert parse_value("adam") == "adam"
    assert parse_value("0.1.2") == "0.1.2"


def test_param_option() -> None:
    assert parse_param_option("lr=0.5") == ("lr", 0.5)
    assert parse_param_option("note=a=b") == ("note", "a=b")
    with pytest.raises(UsageError):
        parse_param_option("novalue")
