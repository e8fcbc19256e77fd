"""Lightning: ``trainer.fit(...)`` then ``trainer.test(...)``, as its tutorials end: the small
MLP ``LightningModule`` on synthetic data (3 epochs, train loss each step, val_loss/val_acc
each epoch on the progress bar), a ``test_step`` logging ``test_loss`` and ``test_acc``,
which Lightning prints in its results table after testing. A ``CSVLogger``. Truth: the
logger's ``metrics.csv`` (the test row at the epoch the fit ended with)."""

import lightning
from _lightning_fit import Classifier, csv_metrics, loader
from _truth import write_truth
from lightning.pytorch.loggers import CSVLogger
from torch import nn


class Tested(Classifier):
    def test_step(self, batch: list, index: int) -> None:
        x, y = batch
        logits = self.net(x)
        self.log("test_loss", nn.functional.cross_entropy(logits, y))
        self.log("test_acc", (logits.argmax(-1) == y).float().mean())


def fit_and_test(validate_first: bool = False) -> None:
    """Fit 3 epochs and test (``validate_first``: a baseline ``trainer.validate()`` before
    the fit, ``lightning_validate_first``), then write the truth from ``metrics.csv``."""
    lightning.seed_everything(0)
    logger = CSVLogger("logs", name="classifier")
    trainer = lightning.Trainer(max_epochs=3, accelerator="cpu", devices=1, logger=logger,
                                log_every_n_steps=1, enable_checkpointing=False)
    model = Tested()
    if validate_first:
        trainer.validate(model, loader(64, 1, False))
    trainer.fit(model, loader(256, 0, True), loader(64, 1, False))
    trainer.test(model, loader(64, 2, False))
    path = f"{logger.log_dir}/metrics.csv"
    metrics = csv_metrics(path, ("train_loss", "val_loss", "val_acc", "test_loss", "test_acc"),
                          tolerance=5e-4)
    write_truth("lightning", lightning.__version__, f"CSVLogger {path}", metrics, files=[path],
                also_ok=["it/s"])


if __name__ == "__main__":
    fit_and_test()
