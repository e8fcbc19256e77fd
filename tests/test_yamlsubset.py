"""The PyYAML-free reader of run files: what it reads, it reads exactly as PyYAML's safe
loader does (values and types); everything else it hands back to PyYAML."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml
from conftest import modules_loaded, py, track
from hypothesis import given, settings
from hypothesis import strategies as st

from exptrack import yamlsubset
from exptrack.fsutil import YamlError, dump_yaml, read_yaml
from exptrack.index import RACY_S


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types, in the same order (NaN equal to NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, dict):
        return len(a) == len(b) and all(same(ka, kb) and same(va, vb) for (ka, va), (kb, vb)
                                        in zip(a.items(), b.items(), strict=True))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def agrees(text: str) -> bool:
    """The subset reader gives PyYAML's answer, or declines; it declines what PyYAML
    rejects."""
    ours = yamlsubset.load(text)
    try:
        theirs = pyyaml(text)
    except (yaml.YAMLError, ValueError):
        return ours is yamlsubset.UNSUPPORTED
    return ours is yamlsubset.UNSUPPORTED or same(ours, theirs)


TRICKY_WORDS = ["yes", "No", "ON", "off", "true", "False", "null", "~", "NULL", "<<", "=",
                "-", "--lr", "3.11.7", "1.0", "1e5", "0x1F", "0b101", "0b3a", "007", "1_000",
                "12:30", "2024-01-02", "2024-01-02T03:04:05Z", ".inf", "-.Inf", ".nan", ".5",
                ".venv", "+", "a: b", "a #b", "#x", "it's", 'say "hi"', " pad ", "x\ty",
                "line\nbreak", "é ü 中文", "\x85", "\u2028", "99a0a01e", "- item", "?", ":",
                "[1]", "{a}", "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`", ""]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10 ** 20), 10 ** 20),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(TRICKY_WORDS),
    st.text(max_size=12), st.text(alphabet="ab01.:-_ #'\"xe+", max_size=8),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=90, max_size=130))
keys = st.one_of(st.text(max_size=10), st.sampled_from(TRICKY_WORDS), st.integers(-5, 5),
                 st.booleans(), st.none())
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_what_dump_yaml_writes_reads_back_as_pyyaml_reads_it(data: Any) -> None:
    assert agrees(dump_yaml(data))


YAMLISH = st.text(alphabet=" \n-:abyno01.'\"#{}[]~&*!|>%x_e+\t", max_size=60)


@settings(max_examples=400, deadline=None)
@given(YAMLISH)
def test_any_text_is_read_as_pyyaml_reads_it_or_declined(text: str) -> None:
    assert agrees(text)


PLAIN_WORDS = st.text(alphabet="abdefilnorstuyAEFLNORSTUY0123456789._-+:~<=x ", min_size=1,
                      max_size=10)


@settings(max_examples=600, deadline=None)
@given(PLAIN_WORDS, PLAIN_WORDS)
def test_plain_scalars_resolve_as_yaml_1_1_says(key: str, value: str) -> None:
    assert agrees(f"{key}: {value}\n- {value}\n")  # the sequence line: not a mapping
    assert agrees(f"{key}: {value}\n")
    assert agrees(f"- {value}\n- [{value}]\n")


def test_the_usual_scalars_are_read_without_pyyaml() -> None:
    expected = {"yes": True, "On": True, "OFF": False, "no": False, "true": True,
                "False": False, "~": None, "null": None, "NULL": None, "0": 0, "-12": -12,
                "+7": 7, "1.5": 1.5, "-0.25": -0.25, "1.0e-05": 1e-05, "2.": 2.0,
                ".inf": math.inf, "-.Inf": -math.inf, "3.11.7": "3.11.7", "--lr": "--lr",
                "99a0a01e": "99a0a01e", "0b3a": "0b3a", "0xzz": "0xzz", "1e5": "1e5",
                ".venv": ".venv", "y": "y", "+": "+", "a b": "a b", "<=x": "<=x",
                "it's": "it's", "a:b": "a:b", "C:\\x": "C:\\x", "é 中文": "é 中文"}
    for text, value in expected.items():
        for document in (f"k: {text}\n", f"- {text}\n"):
            ours = yamlsubset.load(document)
            assert ours is not yamlsubset.UNSUPPORTED, document
            assert same(next(iter(ours.values())) if isinstance(ours, dict) else ours[0],
                        value), document
            assert agrees(document), document
    quoted = {"k: 'it''s'\n": "it's", "k: '3.0'\n": "3.0", "k: ''''\n": "'",
              'k: "a: b"\n': "a: b", "'yes': '# x'\n": "# x"}
    for document, value in quoted.items():
        ours = yamlsubset.load(document)
        assert ours is not yamlsubset.UNSUPPORTED, document
        assert same(next(iter(ours.values())), value) and agrees(document), document
    folded = {"note": "word " * 40 + "end", "items": ["a b " * 30 + "z", "x"]}
    text = dump_yaml(folded)
    assert "\n  word" in text and "\n  a b" in text  # PyYAML folded both over lines
    assert same(yamlsubset.load(text), folded)
    for declined in ("k: 0x1F\n", "k: 007\n", "k: 1_000\n", "k: 12:30\n",
                     "k: 2024-01-02\n", "k: .5\n", "k: <<\n", "k: 'a\n  b'\n"):
        assert yamlsubset.load(declined) is yamlsubset.UNSUPPORTED, declined
        assert agrees(declined)


def test_the_files_of_a_run_are_read_without_pyyaml(tmp_path: Path) -> None:
    env = {"python": {"executable": "/usr/bin/python3", "version": "3.11.7",
                      "implementation": "CPython", "source": "command",
                      "virtualenv": "/home/u/.venv", "conda_env": None},
           "packages": {f"pkg-{i}": f"{i}.{i % 7}.0" for i in range(200)}
           | {"torch": "2.3.1+cu121", "numpy": "1.26.4", "tzdata": "2024.1", "x": "1.0"},
           "frameworks": {"torch": "2.3.1+cu121"},
           "os": {"system": "Linux", "release": "6.1.0-18-amd64", "version": "#1 SMP",
                  "machine": "x86_64"},
           "host": {"hostname": "gpu01", "cpu_model": "AMD EPYC 7763 64-Core Processor",
                    "cpu_physical": 64, "cpu_logical": 128, "memory_total_bytes": 10 ** 12},
           "gpus": [{"index": 0, "name": "NVIDIA A100-SXM4-80GB", "memory_total_mib": 81920,
                     "driver": "535.104.05", "cuda": "12.2"}],
           "cuda_visible_devices": "0,1", "cluster": None,
           "variables": {"OMP_NUM_THREADS": "8", "WANDB_API_KEY": "<redacted>",
                         "PATH": "/usr/local/bin:/usr/bin"},
           "errors": [], "capture_s": 0.0123}
    artifacts = {"artifacts": [{"path": "ckpt/best.pt", "size": 1234, "mtime": 1732312345.25,
                                "sha256": "0b3a" + "9" * 60, "weights": True,
                                "location": "cwd", "copied": False}],
                 "truncated": False, "scan_s": 0.002}
    for data in (env, artifacts, {"peak_rss_bytes": 123456789, "mean_cpu_percent": 97.5,
                                  "peak_gpu_memory_mib": None, "samples": 12}):
        text = dump_yaml(data)
        assert yamlsubset.load(text) is not yamlsubset.UNSUPPORTED, text
        assert agrees(text)
        path = tmp_path / "file.yaml"
        path.write_text(text)
        assert same(read_yaml(path), pyyaml(text))


def test_text_outside_the_subset_goes_to_pyyaml(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("base: &b {lr: 0.1}\nrun:\n  <<: *b\n  note: |\n    two\n    lines\n")
    assert yamlsubset.load(path.read_text()) is yamlsubset.UNSUPPORTED
    assert read_yaml(path) == {"base": {"lr": 0.1}, "run": {"lr": 0.1, "note": "two\nlines\n"}}
    path.write_text("a: [1, 2\n")
    try:
        read_yaml(path)
    except YamlError as exc:  # PyYAML's error, as a ValueError with its line
        assert isinstance(exc, ValueError) and isinstance(exc.__cause__, yaml.YAMLError)
        assert exc.line == 2 and exc.problem
    else:
        raise AssertionError("a broken file must raise PyYAML's error")


WATCHED = ("yaml", "exptrack.metrics", "rich.console")

DETAILS = """
import sys
from pathlib import Path
from types import SimpleNamespace
from exptrack.details import run_details
details = run_details(SimpleNamespace(path=Path(sys.argv[1])))
print(sorted(details), len(details["env"]["packages"]), "yaml" in sys.modules)
"""


def test_queries_import_neither_the_output_parser_nor_pyyaml(tmp_path: Path) -> None:
    for name, acc in (("a", "0.5"), ("b", "0.7")):
        done = track("run", "--name", name, "--param", "lr=0.1", "--",
                     *py(f"print('val_acc={acc}')"), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    time.sleep(RACY_S + 0.1)  # out of the index's racy window: the index answers alone
    assert track("ls").returncode == 0  # writes the index
    assert modules_loaded(WATCHED, "--help") == []
    assert modules_loaded(WATCHED, "ls", "--best", "val_acc", "--where", "lr<1") \
        == ["rich.console"]
    assert "exptrack.metrics" not in modules_loaded(WATCHED, "diff", "a", "b")
    # A run's details (env.yaml and the rest, as the recorder wrote them) without PyYAML.
    run_dir = next(p for p in (Path(os.environ["TRACK_HOME"]) / "runs").iterdir())
    done = subprocess.run([sys.executable, "-c", DETAILS, str(run_dir)], capture_output=True,
                          text=True, timeout=60)
    assert done.stdout.split("] ")[1].split() [1:] == ["False"], done.stdout + done.stderr
    assert int(done.stdout.split("] ")[1].split()[0]) > 0
