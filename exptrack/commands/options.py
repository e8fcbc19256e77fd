"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

StoreOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer evaluates this at runtime on 3.10
    typer.Option("--store", help="Store folder (default: $TRACK_HOME, or the nearest .track/).",
                 show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


if TYPE_CHECKING:
    from exptrack.store import Store


def open_store(store: Path | None) -> Store:
    """The store named by --store, else found by the documented precedence."""
    from exptrack.store import Store, find_store

    return Store(find_store(store))
