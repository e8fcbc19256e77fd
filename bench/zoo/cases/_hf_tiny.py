"""Shared by the zoo's tiny Hugging Face Trainer cases (see bench/zoo/README.md): synthetic
token ids whose label is whether the first token is in the vocabulary's upper half, an
accuracy ``compute_metrics``, a 2-layer BERT classifier built from a ``BertConfig``
(nothing downloaded), and the truth taken from the Trainer's in-memory log history.

Not a case itself (its name starts with ``_``)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import transformers
from _truth import series, write_truth
from transformers import BertConfig, BertForSequenceClassification

VOCAB, LENGTH = 64, 16


class Synthetic(torch.utils.data.Dataset):  # type: ignore[type-arg]
    """``size`` rows of ``LENGTH`` token ids; ``noise``: the share of labels flipped."""

    def __init__(self, size: int, seed: int, noise: float = 0.0) -> None:
        generator = torch.Generator().manual_seed(seed)
        self.ids = torch.randint(0, VOCAB, (size, LENGTH), generator=generator)
        self.labels = (self.ids[:, 0] >= VOCAB // 2).long()
        if noise:
            flip = torch.rand(size, generator=generator) < noise
            self.labels[flip] = 1 - self.labels[flip]

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: int) -> dict:
        return {"input_ids": self.ids[index], "labels": self.labels[index]}


def accuracy(prediction: transformers.EvalPrediction) -> dict:
    return {"accuracy": float((np.argmax(prediction.predictions, -1)
                               == prediction.label_ids).mean())}


def tiny_bert() -> BertForSequenceClassification:
    """The seeded 2-layer classifier (``transformers.set_seed(0)`` first)."""
    transformers.set_seed(0)
    config = BertConfig(vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64,
                        max_position_embeddings=LENGTH, num_labels=2)
    return BertForSequenceClassification(config)


def end_as_the_examples(trainer: Any) -> None:
    """Train, then end as Hugging Face's example scripts end: ``trainer.save_state()``,
    then ``metrics = trainer.evaluate()`` and ``trainer.log_metrics("eval", metrics)``."""
    trainer.train()
    trainer.save_state()
    metrics = trainer.evaluate()
    trainer.log_metrics("eval", metrics)


def write_history_truth(trainer: Any, files: list[str], also_ok: list[str]) -> None:
    """``truth.yaml`` from ``trainer.state.log_history`` as it is now (after a closing
    ``evaluate()``, which the state file saved before it lacks): every key at its ``step``;
    ``epoch``, ``step`` and ``total_flos`` are no metrics."""
    values: dict[str, list[tuple[int, float]]] = {}
    for entry in trainer.state.log_history:
        for name, value in entry.items():
            if name not in ("epoch", "step", "total_flos"):
                values.setdefault(name, []).append((entry["step"], value))
    write_truth("transformers", transformers.__version__,
                "trainer.state.log_history after the closing evaluate()",
                {name: series(pairs, "step", rel_tolerance=5e-4, tolerance=5e-5)
                 for name, pairs in values.items()},
                files=files, also_ok=also_ok)
