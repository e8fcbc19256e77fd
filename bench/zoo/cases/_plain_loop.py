"""The hand-written PyTorch loop of the zoo's precision cases (``torch_profiler_report``,
``deepspeed_flops_profile``): a tool's report printed beside it, none of whose numbers is a
training metric. A two-class data set drawn from torch's global generator (``randn(n, 20)``,
the label the sign of a fixed linear rule plus a little noise), a tiny MLP, Adam at 1e-2,
cross-entropy, unshuffled batches, and one print an epoch, as such scripts write it:
``epoch {e}: train_loss {x:.4f} val_loss {y:.4f} val_acc {z:.4f}``. The loop keeps the
values it prints (the truth: the script is the framework for them)."""

from __future__ import annotations

import torch
from _truth import series
from torch import nn

NAMES = ("train_loss", "val_loss", "val_acc")


def make_data(n_train: int, n_val: int) -> tuple[torch.Tensor, ...]:
    """(x_train, y_train, x_val, y_val), drawn after ``torch.manual_seed(0)``."""
    torch.manual_seed(0)
    n = n_train + n_val
    x_all = torch.randn(n, 20)
    w_true = torch.randn(20)
    y_all = ((x_all @ w_true + 0.5 * torch.randn(n)) > 0).long()
    return x_all[:n_train], y_all[:n_train], x_all[n_train:], y_all[n_train:]


def make_model() -> nn.Module:
    return nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2))


class Loop:
    """The loop over ``data`` (``make_data``'s), ``batch_size`` rows a step."""

    def __init__(self, model: nn.Module, data: tuple[torch.Tensor, ...],
                 batch_size: int) -> None:
        self.model = model
        self.x_train, self.y_train, self.x_val, self.y_val = data
        self.batch_size = batch_size
        self.steps = len(self.x_train) // batch_size
        self.optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
        self.loss_fn = nn.CrossEntropyLoss()
        self.record: dict[str, list[tuple[int, float]]] = {name: [] for name in NAMES}

    def batch(self, i: int) -> tuple[torch.Tensor, torch.Tensor]:
        at = slice(i * self.batch_size, (i + 1) * self.batch_size)
        return self.x_train[at], self.y_train[at]

    def train_step(self, xb: torch.Tensor, yb: torch.Tensor) -> float:
        self.model.train()
        loss = self.loss_fn(self.model(xb), yb)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()

    def epoch(self, epoch: int) -> None:
        """One epoch's steps, its validation, its print; its values kept."""
        train_loss = sum(self.train_step(*self.batch(i)) for i in range(self.steps)) / self.steps
        self.model.eval()
        with torch.no_grad():
            logits = self.model(self.x_val)
            val_loss = self.loss_fn(logits, self.y_val).item()
            val_acc = (logits.argmax(1) == self.y_val).float().mean().item()
        print(f"epoch {epoch}: train_loss {train_loss:.4f} val_loss {val_loss:.4f} "
              f"val_acc {val_acc:.4f}")
        for name, value in zip(NAMES, (train_loss, val_loss, val_acc), strict=True):
            self.record[name].append((epoch, value))

    def truth(self) -> dict[str, dict]:
        """The kept values as ``write_truth``'s metrics (``:.4f`` printed: 5e-5)."""
        return {name: series(values, "epoch", tolerance=5e-5)
                for name, values in self.record.items()}
