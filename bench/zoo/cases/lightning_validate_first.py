"""Lightning: ``trainer.validate(...)`` before training (the untrained model's baseline, as
fine-tuning guides show), then ``trainer.fit(...)``, then ``trainer.test(...)``: Lightning
prints a results table for the validation and the test, around the fit's bars. The small MLP
``LightningModule`` of ``_lightning_fit.py`` with a ``test_step``, 3 epochs, a ``CSVLogger``.
Truth: the logger's ``metrics.csv`` (the baseline validation is a row of its own, before
the first epoch's)."""

import lightning
from _lightning_fit import csv_metrics, loader
from _truth import write_truth
from lightning.pytorch.loggers import CSVLogger
from lightning_fit_test import Tested

if __name__ == "__main__":
    lightning.seed_everything(0)
    logger = CSVLogger("logs", name="classifier")
    trainer = lightning.Trainer(max_epochs=3, accelerator="cpu", devices=1, logger=logger,
                                log_every_n_steps=1, enable_checkpointing=False)
    model = Tested()
    trainer.validate(model, loader(64, 1, False))
    trainer.fit(model, loader(256, 0, True), loader(64, 1, False))
    trainer.test(model, loader(64, 2, False))
    path = f"{logger.log_dir}/metrics.csv"
    metrics = csv_metrics(path, ("train_loss", "val_loss", "val_acc", "test_loss", "test_acc"),
                          tolerance=5e-4)
    write_truth("lightning", lightning.__version__, f"CSVLogger {path}", metrics, files=[path],
                also_ok=["it/s"])
