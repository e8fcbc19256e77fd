"""Lightning 2.6 with the Rich progress bar: ``Trainer(callbacks=[RichProgressBar(),
RichModelSummary()], logger=CSVLogger("logs"))``, the two callbacks Lightning's "Customize the
progress bar" and "Model summary" docs switch on (``pip install rich``), on the small MLP
``LightningModule`` of the other Lightning cases (``_lightning_fit``: synthetic data, 8
features, 2 classes; 4 epochs of 8 train batches and 2 validation batches), then
``trainer.validate(model, val)`` and ``trainer.test(model, test)`` as its tutorials end.
train_loss is logged each step, val_loss/val_acc each epoch (all ``prog_bar=True``),
test_loss/test_acc in ``test_step``. Default checkpointing (silent). About 15 s, mostly imports.

What it prints (stdout): the RichModelSummary table (``┃   ┃ Name ┃ Type ┃ Params ┃ Mode ┃
FLOPs ┃``) and its totals (``Trainable params: 178``, ...), then the Rich bar, a task a loop:
``Epoch 3/3  ━━━━ 8/8 0:00:00 • 0:00:00 141.02it/s v_num: 0.000 train_loss: 0.552 val_loss:
0.608 val_acc: 0.703`` (the metrics column is ``f"{name}: {value:.3f}"``, Lightning's
``RichProgressBarTheme.metrics_format``, so even ``v_num`` reads ``0.000``; Rich wraps it to
the console width). Under the pty Rich redraws the bar in place (carriage return, ``ESC[2K``,
``ESC[1A``), the sanity check's val_loss/val_acc showing in the first frame; on a pipe (no
terminal, width 80) it prints only the last frame of each task, wrapped over four lines.
After ``validate`` and ``test`` Lightning prints its Rich results tables (``Validate metric
│ DataLoader 0``, ``Test metric │ DataLoader 0``, values as Python's ``str`` of the float,
``0.6083905696868896``). On stderr: ``Seed set to 0``, ``Trainer already configured with
model summary callbacks: [...RichModelSummary...]`` (Lightning's info when a summary
callback is passed), the GPU/TPU lines, two ``💡 Tip`` lines, a ``_pytree.py``
deprecation warning from torch 2.13 and ``Trainer.fit stopped: max_epochs=4 reached.``

Truth: the CSVLogger's ``metrics.csv`` (train_loss keyed by ``step``, val_*/test_* by
``epoch``, as the file indexes them). Judgement calls: ``log_every_n_steps=1`` as in
``lightning_train.py`` (the default 50 exceeds the 8 steps of an epoch, so the file would
hold no train_loss); ``trainer.validate`` after the fit writes a fifth val_loss/val_acc row
at epoch 4 (step 32: ``current_epoch`` after the fit), equal to epoch 3's, and the test row
is at epoch 4 too, all as the file has them; ``v_num`` (the logger version) is not a metric
but is tolerated via ``also_ok``, like ``it/s``. Tolerance: the bar's ``.3f`` gives 5e-4
absolute; the results tables print full precision."""
# zoo-venv: lightrich

import lightning
from _lightning_fit import Classifier, csv_metrics, loader
from _truth import write_truth
from lightning.pytorch.callbacks import RichModelSummary, RichProgressBar
from lightning.pytorch.loggers import CSVLogger
from torch import nn


class Tested(Classifier):
    def test_step(self, batch: list, index: int) -> None:
        x, y = batch
        logits = self.net(x)
        self.log("test_loss", nn.functional.cross_entropy(logits, y))
        self.log("test_acc", (logits.argmax(-1) == y).float().mean())


if __name__ == "__main__":
    lightning.seed_everything(0)
    logger = CSVLogger("logs")
    trainer = lightning.Trainer(
        max_epochs=4, accelerator="cpu", devices=1, logger=logger, log_every_n_steps=1,
        callbacks=[RichProgressBar(), RichModelSummary()])
    model = Tested()
    trainer.fit(model, loader(256, 0, True), loader(64, 1, False))
    trainer.validate(model, loader(64, 1, False))
    trainer.test(model, loader(64, 2, False))

    path = f"{logger.log_dir}/metrics.csv"
    metrics = csv_metrics(path, ("train_loss", "val_loss", "val_acc", "test_loss", "test_acc"),
                          tolerance=5e-4)
    write_truth("lightning", lightning.__version__, f"CSVLogger {path}", metrics,
                files=[path], also_ok=["it/s", "v_num"])
