"""Lightning: a small MLP ``LightningModule`` on synthetic data, 3 epochs, train loss logged
each step and val_loss/val_acc each epoch with ``prog_bar=True``, the default progress bar
(``RichProgressBar``: rich is installed), a ``CSVLogger``. Truth: the logger's
``metrics.csv`` (under a pipe the rich bar prints only its final frame, so most per-step
values exist only in that file)."""

import csv

import lightning
import torch
from _truth import series, write_truth
from lightning.pytorch.loggers import CSVLogger
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class Classifier(lightning.LightningModule):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))

    def training_step(self, batch: list, index: int) -> torch.Tensor:
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch: list, index: int) -> None:
        x, y = batch
        logits = self.net(x)
        self.log("val_loss", nn.functional.cross_entropy(logits, y), prog_bar=True)
        self.log("val_acc", (logits.argmax(-1) == y).float().mean(), prog_bar=True)

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.SGD(self.parameters(), lr=0.1)


def loader(size: int, seed: int, shuffle: bool) -> DataLoader:
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(size, 8, generator=generator)
    y = (x[:, 0] + x[:, 1] > 0).long()
    return DataLoader(TensorDataset(x, y), batch_size=32, shuffle=shuffle)


lightning.seed_everything(0)
logger = CSVLogger("logs", name="classifier")
trainer = lightning.Trainer(max_epochs=3, accelerator="cpu", devices=1, logger=logger,
                            log_every_n_steps=1, enable_checkpointing=False)
trainer.fit(Classifier(), loader(256, 0, True), loader(64, 1, False))

path = f"{logger.log_dir}/metrics.csv"
with open(path, encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
metrics = {}
for name in ("train_loss", "val_loss", "val_acc"):
    # the default bar (RichProgressBar when rich is installed) shows f"{value:.3f}"
    metrics[name] = series([(row["step"] if name == "train_loss" else row["epoch"], row[name])
                            for row in rows if row.get(name)],
                           "step" if name == "train_loss" else "epoch", tolerance=5e-4)
write_truth("lightning", lightning.__version__, f"CSVLogger {path}", metrics, files=[path],
            also_ok=["it/s"])
