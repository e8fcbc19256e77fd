"""Lightning with the TQDM bar and the printing callbacks: a small MLP ``LightningModule`` on
synthetic data, 4 epochs, ``Trainer(callbacks=[TQDMProgressBar(), EarlyStopping(monitor=
"val_loss", verbose=True), ModelCheckpoint(monitor="val_loss", verbose=True)],
logger=CSVLogger("logs"))``. train_loss is logged each step and val_loss/val_acc each epoch,
all with ``prog_bar=True``, so they show in the tqdm postfix
(``Epoch 3: 100%|...| 8/8 [00:00<00:00, 28.05it/s, v_num=0, train_loss=0.552,
val_loss=0.608, val_acc=0.703]``); EarlyStopping prints ``Metric val_loss improved by 0.036 >=
min_delta = 0.0. New best score: 0.608`` and ModelCheckpoint ``Epoch 3, global step 32:
'val_loss' reached 0.60839 (best 0.60839), saving model to ...``
through the ``lightning.pytorch`` logger (stderr).

Truth: the CSVLogger's ``metrics.csv`` (train_loss keyed by ``step``, val_* by ``epoch``, as
the file indexes them). Judgement calls: ``log_every_n_steps=1`` as in ``lightning_train.py``
(the default 50 exceeds the 8 steps of an epoch, so the file would hold no train_loss; Lightning
warns and suggests lowering it); ``v_num`` (the logger version) is not a metric but is
tolerated via ``also_ok``, like ``it/s``. Tolerance: tqdm's ``format_num`` (``.3g``, Lightning
pads it with zeros) gives 3 significant digits, hence rel_tolerance 5e-3; the callbacks' lines
are more precise (``.3f``/``.5f``)."""

import lightning
from _lightning_fit import Classifier, csv_metrics, loader
from _truth import write_truth
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint, TQDMProgressBar
from lightning.pytorch.loggers import CSVLogger

lightning.seed_everything(0)
logger = CSVLogger("logs")
trainer = lightning.Trainer(
    max_epochs=4, accelerator="cpu", devices=1, logger=logger, log_every_n_steps=1,
    callbacks=[TQDMProgressBar(), EarlyStopping(monitor="val_loss", verbose=True),
               ModelCheckpoint(monitor="val_loss", verbose=True)])
trainer.fit(Classifier(), loader(256, 0, True), loader(64, 1, False))

path = f"{logger.log_dir}/metrics.csv"
# the tqdm postfix shows tqdm.format_num (".3g", zero padded by Lightning)
metrics = csv_metrics(path, ("train_loss", "val_loss", "val_acc"), rel_tolerance=5e-3)
write_truth("lightning", lightning.__version__, f"CSVLogger {path}", metrics, files=[path],
            also_ok=["it/s", "v_num"])
