"""Shared by the zoo cases that hold a repository's script verbatim (``openspiel_cfr``,
``tinygrad_mnist``): git's id of the text, to check it is the file at the commit named."""

from __future__ import annotations

import hashlib


def git_blob_id(text: str) -> str:
    """The id git gives a file of this text (``git hash-object``)."""
    data = text.encode("utf-8")
    return hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()
