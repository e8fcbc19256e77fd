"""Shared by the zoo cases that hold a repository's script verbatim (``openspiel_cfr``,
``tinygrad_mnist``, PyTorch's examples): git's id of the text, to check it is the file at
the commit named; the lines a case adds after anchors of it to record what it computes;
MNIST's IDX files, where an example's ``datasets.MNIST`` finds them; a repository's module
run again with such lines (PaddleClas', PaddleDetection's)."""

from __future__ import annotations

import hashlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path
    from types import ModuleType

    import numpy as np


def git_blob_id(text: str) -> str:
    """The id git gives a file of this text (``git hash-object``)."""
    data = text.encode("utf-8")
    return hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()


def first_changed(repo: Path, blobs: dict[str, str]) -> str | None:
    """The first of ``blobs``' files (paths under ``repo``, each to its git blob id) missing
    or not the commit's (DETR's, DeiT's, DreamerV3's, torchtitan's files), else None."""
    for rel, blob in blobs.items():
        path = repo / rel
        if not path.is_file() or git_blob_id(path.read_text(encoding="utf-8")) != blob:
            return rel
    return None


def tree_id(folder: Path) -> str:
    """The id git gives a folder of these files (``git rev-parse <commit>:<folder>``):
    a repository's package copied whole (EPyMARL's ``src/``, on-policy's ``onpolicy/``)."""
    entries = []
    for path in folder.iterdir():
        if path.name == "__pycache__":
            continue
        if path.is_dir():
            entry = b"40000 " + path.name.encode() + b"\0" + bytes.fromhex(tree_id(path))
            entries.append((path.name.encode() + b"/", entry))
        else:
            data = path.read_bytes()
            blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
            mode = b"100755" if path.stat().st_mode & 0o111 else b"100644"
            entries.append((path.name.encode(),
                            mode + b" " + path.name.encode() + b"\0" + bytes.fromhex(blob)))
    body = b"".join(entry for _, entry in sorted(entries))
    return hashlib.sha1(b"tree %d\0" % len(body) + body).hexdigest()


def with_lines(text: str, lines: dict[str, str]) -> str:
    """``text`` with each of ``lines`` added right after its anchor, each anchor found
    exactly once (a case's record of the values a verbatim script computes, "# zoo:")."""
    for anchor, line in lines.items():
        assert text.count(anchor) == 1, anchor
        text = text.replace(anchor, anchor + line)
    return text


def without_lines(text: str, lines: dict[str, str]) -> str:
    """``text`` with the lines ``with_lines`` added taken out again: the file as committed."""
    for anchor, line in lines.items():
        text = text.replace(anchor + line, anchor)
    return text


def add_record_lines(path: Path, blob: str, lines: dict[str, str]) -> None:
    """A built tool's source file (CRF++'s ``encoder.cpp``, xLearn's ``trainer.cc``, ...),
    checked to be git's blob ``blob`` but for the case's ``lines``, with the lines added
    (once: a second build leaves it as it is)."""
    text = path.read_text(encoding="utf-8")
    assert git_blob_id(without_lines(text, lines)) == blob, f"{path} is not the commit's"
    if text == without_lines(text, lines):
        path.write_text(with_lines(text, lines), encoding="utf-8")


def has_record_lines(path: Path, blob: str, lines: dict[str, str]) -> bool:
    """Is ``path`` git's blob ``blob`` plus the case's ``lines``, each once?"""
    text = path.read_text(encoding="utf-8")
    committed = without_lines(text, lines)
    return git_blob_id(committed) == blob and text == with_lines(committed, lines)


def add_records(root: Path, blobs: Mapping[str, str], lines: Mapping[str, dict[str, str]]
                ) -> None:
    """``add_record_lines`` for each file of ``blobs`` (its path under ``root``: git's blob
    id at the commit) with its ``lines``."""
    for rel, blob in blobs.items():
        add_record_lines(root / rel, blob, lines[rel])


def has_records(root: Path, blobs: Mapping[str, str], lines: Mapping[str, dict[str, str]]
                ) -> bool:
    """``has_record_lines`` for each file of ``blobs`` (see ``add_records``)."""
    return all(has_record_lines(root / rel, blob, lines[rel]) for rel, blob in blobs.items())


def load_with_lines(module: ModuleType, path: Path, blob: str, lines: dict[str, str],
                    record: list[Any], source: str) -> None:
    """``module`` run again from ``path``, its text checked to be ``blob`` (``source``'s file)
    and given ``lines`` (``with_lines``), which append to ``module.ZOO_RECORD``, ``record``."""
    text = path.read_text(encoding="utf-8")
    if git_blob_id(text) != blob:
        sys.exit(f"{path} is not {source}'s")
    module.ZOO_RECORD = record
    exec(compile(with_lines(text, lines), str(path), "exec"), module.__dict__)


def write_idx(path: Path, array: np.ndarray) -> None:
    """MNIST's IDX format: magic (0, 0, dtype 0x08 = ubyte, number of dims), big-endian
    int32 sizes, then the bytes."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(size).to_bytes(4, "big") for size in array.shape)
    path.write_bytes(header + array.astype("uint8").tobytes())

def write_mnist(raw: Path, n_train: int, n_test: int) -> None:
    """A synthetic MNIST in its four raw IDX files under ``raw`` (torchvision's
    ``MNIST/raw``): ten fixed random stroke patterns (one a class), each image one shifted by
    up to two pixels with noise; MNIST's shapes and dtypes, learnable in an epoch (the zoo's
    PyTorch MNIST example, PyTorch-GAN and the Forward-Forward example)."""
    import numpy as np  # (imported here: the cases of other stacks import this module too)

    rng = np.random.default_rng(0)
    patterns = np.zeros((10, 28, 28), dtype=np.float64)
    for digit in range(10):
        for _ in range(4):  # four strokes, horizontal or vertical, 2 pixels thick
            start, at, length = rng.integers(6, 14), rng.integers(6, 21), rng.integers(8, 14)
            if rng.random() < 0.5:
                patterns[digit, at:at + 2, start:start + length] = 255
            else:
                patterns[digit, start:start + length, at:at + 2] = 255
    raw.mkdir(parents=True)
    for prefix, count in (("train", n_train), ("t10k", n_test)):
        labels = rng.integers(0, 10, count)
        images = np.empty((count, 28, 28), dtype=np.float64)
        for index, label in enumerate(labels):
            dy, dx = rng.integers(-2, 3, 2)
            images[index] = np.roll(patterns[label], (dy, dx), axis=(0, 1))
        images = np.clip(images + rng.normal(0, 40, images.shape), 0, 255)
        write_idx(raw / f"{prefix}-images-idx3-ubyte", images)
        write_idx(raw / f"{prefix}-labels-idx1-ubyte", labels)

