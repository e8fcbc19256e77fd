"""Complete lines' bytes as the parser reads them: the forms of a few outputs' bytes that
would hide their lines' keys and values (a pseudo-terminal's line ends, rsyslog's escapes,
full-width punctuation, box-drawn bars), each put back as a plain line shows it, before any
line is planned (the punctuation and bars keep their byte length)."""

from __future__ import annotations

# full-width punctuation (Chinese logs' "【dev】 loss：3.07"), as ASCII padded to its bytes
_WIDE = ((b"\xef\xbc\x9a", b":  "), (b"\xef\xbc\x8c", b",  "), (b"\xef\xbc\x9d", b"=  "),
         (b"\xef\xbc\x88", b"  ("), (b"\xef\xbc\x89", b")  "), (b"\xe3\x80\x90", b"  ["),
         (b"\xe3\x80\x91", b"]  "))
# a box-drawn table's vertical bars (Rich's, Lightning's "Test metric" table, tabulate's
# fancy_grid), light and heavy: as "|" padded to their three bytes
_BOX_BARS = (b"\xe2\x94\x82", b"\xe2\x94\x83")


def normalise(complete: bytes) -> bytes:
    """``complete`` (whole lines) with a pseudo-terminal's line ends, rsyslog's escapes,
    full-width punctuation and box-drawn bars as plain bytes."""
    if b"\r" in complete and b"\r\n" in complete:  # a pseudo-terminal's line ends
        complete = complete.replace(b"\r\n", b"\n")
    # rsyslog's and CloudWatch's (SageMaker) escapes of control bytes; one byte's search
    # first (memchr: 0.3 ms for 18 MB of metric lines, a two-byte one 15 ms)
    if b"#" in complete and (b"#015" in complete or b"#033[" in complete):
        complete = complete.replace(b"#015", b"\r").replace(b"#033[", b"\x1b[")
    if not complete.isascii() and (b"\xef\xbc" in complete or b"\xe3\x80" in complete):
        for wide, narrow in _WIDE:  # (the same byte length: plans keep their offsets)
            complete = complete.replace(wide, narrow)
    if b"\xe2\x94" in complete and (b"\xe2\x94\x82" in complete or b"\xe2\x94\x83" in complete):
        for bar in _BOX_BARS:  # Rich's table: "│ test_loss │ 1616.86 │" is a pipe row
            complete = complete.replace(bar, b" | ")
    return complete
