"""PyTorch Lightning 1.9.5 (``pytorch-lightning``, the last 1.x release, on the CPU build of
torch 2.13.0): a small MLP ``LightningModule`` (8 features, 2 classes, SGD lr 0.1) on synthetic
data (640 training rows, 64 validation rows, batches of 32, seeded), fitted with
``Trainer(max_epochs=3, log_every_n_steps=5, logger=CSVLogger("logs"))`` and everything else
at its default: the default ``TQDMProgressBar`` (Lightning 1.x has no rich bar by default),
the default ``ModelCheckpoint`` (silent), ``accelerator="auto"``. ``training_step`` logs
``self.log("train_loss", loss, prog_bar=True)``, ``validation_step`` ``val_loss`` and
``val_acc`` with ``prog_bar=True``, as Lightning 1.x's docs show. The 2.x counterpart is
``lightning_tqdm.py`` (same model and data helpers, ``_lightning_fit.py``, which imports the
2.x ``lightning`` package and so is not shared here).

What it prints (stderr): ``Global seed set to 0``, ``GPU available: False, used: False`` and
the TPU/IPU/HPU lines, ``Missing logger folder: logs/lightning_logs``, the model summary table
(``0 | net  | Sequential | 178``, ``178       Trainable params``, ...), the sanity-check bar,
then one tqdm bar an epoch over train and validation batches together (1.x's combined main
bar: 20 + 2 = 22), redrawn on ``\\r`` twice a step (the count, then the postfix):
``Epoch 0:  91%|█████████ | 20/22 [00:00<00:00, 21.58it/s, loss=0.713, v_num=0,
train_loss=0.680]``, the validation bar nested below it (``Validation DataLoader 0: 100%|...|
2/2 [...]``, cleared after), and the epoch's last frame ``Epoch 2: 100%|██████████| 22/22
[00:01<00:00, 20.71it/s, loss=0.518, v_num=0, train_loss=0.469, val_loss=0.449,
val_acc=0.859]``; last ```Trainer.fit` stopped: `max_epochs=3` reached.`` Under a pipe tqdm
draws a 10-cell bar, under the 120-column pty a wide one; Lightning 1.x refreshes the bar on
every step (``refresh_rate=1``), so the frames do not depend on the machine's speed.

Truth: the CSVLogger's ``metrics.csv`` (``logs/lightning_logs/version_0/metrics.csv``, listed
in ``files``): ``train_loss`` at its ``step`` (every 5th step: 4, 9, ..., 59, 12 values),
``val_loss``/``val_acc`` at their ``epoch`` (3 values each). Judgement calls:
- ``log_every_n_steps=5`` (the brief's): the file keeps every 5th step's ``train_loss`` while
  the bar shows every step's (60 values): the printed values are the same quantity, the
  record is the file's 12. With the file read (how ``track run`` finishes and how score.py
  scores) exptrack takes the file's series.
- ``loss=`` on the bar is Lightning 1.x's running loss (the mean of the last 20 values
  ``training_step`` returned, ``TensorRunningAccum(window_length=20)``, formatted
  ``f"{:.3g}"`` without padding: ``loss=0.72``), which no logger records: a smoothed
  re-print of the training loss, no series of its own (as flair's running ``loss``), so
  ``also_ok``. ``v_num`` (the logger's version) is no metric, ``also_ok`` like the
  throughput ``it/s``.
- Tolerance: the postfix shows tqdm's ``format_num`` (``.3g``, padded with zeros by
  Lightning's ``Tqdm.format_num``: ``train_loss=0.680``), 3 significant digits, hence
  rel_tolerance 5e-3.
- The model summary's parameter counts and size are the model's description, not metrics;
  the bar's ``22/22`` is a counter.
"""
# zoo-venv: lightningv1

import csv

import pytorch_lightning as pl
import torch
from _truth import series, write_truth
from pytorch_lightning.loggers import CSVLogger
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


class Classifier(pl.LightningModule):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self.net(x)
        self.log("val_loss", nn.functional.cross_entropy(logits, y), prog_bar=True)
        self.log("val_acc", (logits.argmax(-1) == y).float().mean(), prog_bar=True)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)


def loader(size, seed, shuffle):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(size, 8, generator=generator)
    y = (x[:, 0] + x[:, 1] > 0).long()
    return DataLoader(TensorDataset(x, y), batch_size=32, shuffle=shuffle)


if __name__ == "__main__":
    pl.seed_everything(0)
    logger = CSVLogger("logs")
    trainer = pl.Trainer(max_epochs=3, log_every_n_steps=5, logger=logger)
    trainer.fit(Classifier(), loader(640, 0, True), loader(64, 1, False))

    path = f"{logger.log_dir}/metrics.csv"
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    metrics = {}
    for name in ("train_loss", "val_loss", "val_acc"):
        key = "step" if name == "train_loss" else "epoch"
        metrics[name] = series([(row[key], row[name]) for row in rows if row.get(name)], key,
                               rel_tolerance=5e-3)
    write_truth("pytorch_lightning", pl.__version__, f"CSVLogger {path}", metrics,
                files=[path], also_ok=["loss", "it/s", "v_num"])
