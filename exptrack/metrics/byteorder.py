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

    def __call__(self, data: bytes) -> bytes:
        if self._decode is not None:
            return self._decode(data).encode("utf-8", "replace")
        if self._started or not data:
            return data
        self._started = True
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8):]
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # the decoder reads the mark itself: it sets the byte order and is not text
            self._decode = codecs.getincrementaldecoder("utf-16")("replace").decode
            return self(data)
        return data
