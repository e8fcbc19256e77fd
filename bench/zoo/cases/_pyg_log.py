"""Shared by the PyTorch Geometric cases (``pyg_gcn``, ``pyg_gin``): what an example passes
to ``torch_geometric.logging.log`` (which prints ``Epoch: 003, Loss: 1.9414, Train: ...``),
recorded by a wrapper, is the truth. Runs in the ``ts`` virtualenv."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import torch_geometric
from _truth import series, write_truth

logged: list[dict[str, Any]] = []


def recording(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (the example's ``log``), each call's keyword arguments kept in ``logged``."""
    def wrapper(**kwargs: Any) -> Any:
        logged.append(dict(kwargs))
        return function(**kwargs)
    return wrapper


def write_log_truth(example: str, names: Sequence[str]) -> None:
    """The logged ``names`` at their ``Epoch`` (printed ``:.4f``), the example's closing
    ``Median time per epoch`` a timing."""
    write_truth(
        "torch_geometric", torch_geometric.__version__,
        f"the keyword arguments {example} passes to torch_geometric.logging.log (wrapped)",
        {name: series([(row["Epoch"], row[name]) for row in logged], "epoch", tolerance=5e-5)
         for name in names},
        also_ok=["Median_time_per_epoch"],
    )
