"""Lightning: a small MLP ``LightningModule`` on synthetic data, 3 epochs, train loss logged
each step and val_loss/val_acc each epoch with ``prog_bar=True``, the default progress bar
(``RichProgressBar``: rich is installed), a ``CSVLogger``. Truth: the logger's
``metrics.csv`` (under a pipe the rich bar prints only its final frame, so most per-step
values exist only in that file)."""

import lightning
from _lightning_fit import Classifier, csv_metrics, loader
from _truth import write_truth
from lightning.pytorch.loggers import CSVLogger

lightning.seed_everything(0)
logger = CSVLogger("logs", name="classifier")
trainer = lightning.Trainer(max_epochs=3, accelerator="cpu", devices=1, logger=logger,
                            log_every_n_steps=1, enable_checkpointing=False)
trainer.fit(Classifier(), loader(256, 0, True), loader(64, 1, False))

path = f"{logger.log_dir}/metrics.csv"
# the default bar (RichProgressBar when rich is installed) shows f"{value:.3f}"
metrics = csv_metrics(path, ("train_loss", "val_loss", "val_acc"), tolerance=5e-4)
write_truth("lightning", lightning.__version__, f"CSVLogger {path}", metrics, files=[path],
            also_ok=["it/s"])
