"""Weights & Biases' run log (``wandb/<offline-run|run>-<time>-<id>/run-<id>.wandb``) ->
observations, through W&B's own record schema: the optional extra
``pip install 'exptrack[wandb]'``.

The file is W&B's transaction log, written by ``wandb.init`` online and offline alike (an
offline run writes no ``wandb-summary.json``: this log is its only record): a 7-byte header
(``:W&B``, a 2-byte magic, a version), then LevelDB-style chunks in 32 KiB blocks, each a
4-byte CRC-32 of its type and data, a 2-byte length, a type (1 a whole record, 2 its first
part, 3 a middle one, 4 its last) and the data; a record is one protobuf ``Record``. Each
``history`` record is one ``wandb.log`` call: its items are the logged keys, values as
JSON, and ``_step``, the row's counter. Every numeric value becomes an observation at its
row's ``_step``; W&B's own keys (``_step``, ``_runtime``, ``_timestamp``: hidden from its
footer too), a loop's counters logged beside the metrics (``epoch``, ``global_step``) and
media (images, tables, histograms: JSON objects) are none.

The framing is read here (W&B no longer ships a Python reader for it), the records by the
schema W&B generates from its ``.proto`` files (``wandb.proto.wandb_internal_pb2``). A log
still being written ends in a cut chunk, a damaged one in a chunk whose CRC does not match:
both end the reading, keeping what came before.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Iterator
from typing import Any

from exptrack.errors import MissingExtra
from exptrack.metrics.observation import Observation

HINT = "pip install 'exptrack[wandb]'"
NAME = re.compile(r"run-[A-Za-z0-9]{1,64}\.wandb")
HEADER = b":W&B"
_HEADER_BYTES = 7
_BLOCK = 32 * 1024
_CHUNK_HEAD = struct.Struct("<IHB")  # CRC-32 of type + data, length, type
_FULL, _FIRST, _MIDDLE, _LAST = 1, 2, 3, 4
MAX_RECORD_BYTES = 16 * 1024 * 1024  # one record's parts joined, at most
_RESERVED = frozenset({"_step", "_runtime", "_timestamp"})
_COUNTERS = frozenset({"epoch", "step", "global_step", "trainer/global_step"})


def records(data: bytes) -> Iterator[bytes]:
    """The records of a transaction log's bytes, in order (see the module's note)."""
    if not data.startswith(HEADER):
        return
    pos = _HEADER_BYTES
    pending: bytearray | None = None  # a record's parts so far
    while pos + _CHUNK_HEAD.size <= len(data):
        left = _BLOCK - pos % _BLOCK
        if left < _CHUNK_HEAD.size:  # a block's tail too short for a chunk's head: padding
            pos += left
            continue
        crc, length, kind = _CHUNK_HEAD.unpack_from(data, pos)
        start = pos + _CHUNK_HEAD.size
        chunk = data[start:start + length]
        if len(chunk) < length:
            return  # the chunk is still being written
        pos = start + length
        if kind == 0 and length == 0:  # (zeroed space at a block's end)
            continue
        if zlib.crc32(bytes([kind]) + chunk) != crc:
            return  # damaged from here on
        if kind == _FULL:
            pending = None
            yield chunk
        elif kind == _FIRST:  # (empty when a block had a chunk's head of room left)
            pending = bytearray(chunk)
        elif kind in (_MIDDLE, _LAST) and pending is not None:
            if len(pending) + len(chunk) > MAX_RECORD_BYTES:
                pending = None
                continue
            pending += chunk
            if kind == _LAST:
                yield bytes(pending)
                pending = None


def read_wandb(data: bytes) -> list[Observation]:
    """Every numeric value the run's ``wandb.log`` calls logged, by key, in the log's order."""
    try:
        from google.protobuf.message import DecodeError
        from wandb.proto.wandb_internal_pb2 import Record
    except ImportError:
        raise MissingExtra(f"reading W&B run logs needs wandb: {HINT}") from None
    out: list[Observation] = []
    for raw in records(data):
        record = Record()
        try:
            record.ParseFromString(raw)
        except DecodeError:
            continue
        if record.WhichOneof("record_type") == "history":
            out += _row(record.history)
    return out


def _row(history: Any) -> list[Observation]:
    values: list[tuple[str, float]] = []
    step: int | None = history.step.num if history.HasField("step") else None
    for item in history.item:
        key = item.key or "/".join(item.nested_key)
        try:
            value = json.loads(item.value_json)
        except ValueError:
            continue
        if key == "_step" and isinstance(value, int):
            step = value
        elif key not in _RESERVED and key.lower() not in _COUNTERS \
                and isinstance(value, (int, float)) and not isinstance(value, bool):
            values.append((key, float(value)))
    return [Observation(key, value, step, None) for key, value in values]
