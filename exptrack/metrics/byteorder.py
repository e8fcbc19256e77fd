"""The byte order mark an output may begin with.

A UTF-8 mark (Windows editors, ``Out-File -Encoding utf8``) is dropped: left in, it would
glue to the first line's first name. A UTF-16 mark (Windows PowerShell's ``>`` writes
UTF-16LE with one) makes every later chunk go through the standard library's incremental
UTF-16 decoder and come out as UTF-8, so the parser sees the lines it knows; a chunk may
end inside a character. Without a mark the bytes pass through untouched (one attribute
test a chunk, not a line).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable


class ByteOrder:
    """``ByteOrder()(chunk)``: each chunk of one output, in order, as UTF-8 bytes."""

    def __init__(self) -> None:
        self._decode: Callable[[bytes], str] | None = None
        self._started = False
        self._held = b""

    def __call__(self, data: bytes) -> bytes:
        if self._decode is not None:
            return self._decode(data).encode("utf-8", "replace")
        if self._started or not data:
            return data
        data, self._held = self._held + data, b""
        if len(data) < 4 and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self._held = data  # a mark alone: what follows it tells whether it is one
            return b""
        self._started = True
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8):]
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and _utf16_text(data):
            # the decoder reads the mark itself: it sets the byte order and is not text
            self._decode = codecs.getincrementaldecoder("utf-16")("replace").decode
            return self(data)
        return data


def _utf16_text(data: bytes) -> bool:
    """Whether what follows the mark reads as UTF-16: the text of logs is mostly ASCII
    (digits, spaces, names), whose UTF-16 code units each have a zero byte; bytes that
    only begin like a mark (binary output, Latin-1 "ÿþ") have few."""
    sample = data[2:258]
    high = sample[1::2] if data[:2] == codecs.BOM_UTF16_LE else sample[0::2]
    return len(high) > 0 and high.count(0) * 3 >= len(high)
