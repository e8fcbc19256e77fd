"""Lightning DDP on a CPU box: the same small MLP ``LightningModule`` on synthetic data as
``lightning_train.py``, 3 epochs, but ``Trainer(accelerator="cpu", strategy="ddp", devices=2)``:
two processes on the gloo backend (Lightning's subprocess launcher re-runs this script for
rank 1), with the rank banners (``Initializing distributed: GLOBAL_RANK: ...``, the
``distributed_backend=gloo`` block) and the default progress bar (``RichProgressBar``: rich is
installed), drawn by rank 0 only. train_loss is logged each step (rank 0's own value, no
sync) and val_loss each epoch with ``sync_dist=True`` (the mean over both ranks), both with
``prog_bar=True``; a ``CSVLogger("logs")``.

Truth: rank 0's CSVLogger ``metrics.csv`` (the logger writes on rank 0 only); train_loss keyed
by ``step`` and val_loss by ``epoch``, as the file indexes them. Judgement calls: as in
``lightning_train.py``, ``log_every_n_steps=1`` (each rank has 4 steps an epoch, fewer than the
default 50) and ``enable_checkpointing=False``; the truth is written by rank 0 only (rank 1
runs the same script). Tolerance: the rich bar shows ``f"{value:.3f}"``, hence 5e-4.
``v_num`` (the logger version, shown in the bar) and ``it/s`` are tolerated via ``also_ok``."""

import lightning
from _lightning_fit import Classifier, csv_metrics, loader
from _truth import write_truth
from lightning.pytorch.loggers import CSVLogger

if __name__ == "__main__":
    lightning.seed_everything(0)
    logger = CSVLogger("logs")
    trainer = lightning.Trainer(accelerator="cpu", strategy="ddp", devices=2, max_epochs=3,
                                logger=logger, log_every_n_steps=1, enable_checkpointing=False)
    trainer.fit(Classifier(accuracy=False, sync_dist=True), loader(256, 0, True),
                loader(64, 1, False))

    if trainer.global_rank == 0:
        path = f"{logger.log_dir}/metrics.csv"
        metrics = csv_metrics(path, ("train_loss", "val_loss"), tolerance=5e-4)
        write_truth("lightning", lightning.__version__, f"CSVLogger {path} (rank 0)", metrics,
                    files=[path], also_ok=["it/s", "v_num"])
