r"""scvi-tools 1.4.2 (on lightning 2.6.6, the CPU build of torch 2.13.0): ``scvi.model.SCVI``
trained as scvi-tools' quick start trains it, ``SCVI.setup_anndata(adata, batch_key="batch",
labels_key="labels")``, ``model = scvi.model.SCVI(adata)``, ``model.train(max_epochs=10,
check_val_every_n_epoch=1)``, on scvi-tools' own built-in ``scvi.data.synthetic_iid()`` (400
cells x 100 genes, 2 batches, 3 labels; made in memory, nothing downloaded), after
``scvi.settings.seed = 0`` as its tutorials seed it (Lightning's ``seed_everything``).
Everything else is SCVI's default: its ``TrainRunner`` splits 90/10 (360 training cells: 3
batches of 128 an epoch, 40 validation cells), its ``SimpleLogger`` and its own ``ProgressBar``
(a tqdm bar over epochs, ``scvi.settings.progress_bar_style = "tqdm"``, on stdout).

Printed: ``Seed set to 0``, Lightning's ``GPU available: False, used: False``/``TPU
available`` lines, its litlogger tip, a deprecation warning from ``lightning/pytorch/utilities/
_pytree.py`` and ``The number of training batches (3) is smaller than the logging interval
Trainer(log_every_n_steps=10). Set a lower value ...`` (stderr), then the bar, one line of
``\r`` frames: ``Training:   0%|          | 0/10 [00:00<?, ?it/s]``, ``Epoch 1/10:  10%|█
| 1/10 [00:00<00:02,  3.78it/s, v_num=1, train_loss=335]``, ``Epoch 2/10:  10%|█         |
1/10 [..., v_num=1, train_loss=335]``, ``Epoch 2/10:  20%|██        | 2/10 [..., v_num=1,
train_loss=327]``, ... ``Epoch 10/10: 100%|██████████| 10/10 [00:00<00:00, 10.69it/s, v_num=1,
train_loss=309]`` and Lightning's ```Trainer.fit` stopped: `max_epochs=10` reached.`` (stderr;
where it falls among the bar's last frames varies with the streams' interleaving). The bar
counts epochs: ``on_train_epoch_end`` updates it and sets the postfix (Lightning's
``get_metrics``: the ``prog_bar`` metrics, only ``train_loss``, and the logger's ``v_num``),
``on_train_epoch_start`` sets the description ``Epoch {current_epoch + 1}/{max_epochs}``,
so each new description is first drawn with the previous epoch's value. tqdm's
``mininterval`` drops some frames run to run (an ``Epoch 3/10:  30%`` frame with epoch 2's
``327`` may or may not be drawn): the values and their epochs repeat, not the frames.

Truth: ``model.history`` (``trainer.logger.history``, the ``SimpleLogger``'s dict of one
DataFrame per key, indexed by ``epoch``), its ``train_loss`` (``TrainingPlan.training_step``:
``self.log("train_loss", ..., on_step=False, on_epoch=True, prog_bar=True)``): 10 values,
epoch 0..9. Judgement calls:
- Only ``train_loss`` is printed. The history also keeps ``validation_loss``,
  ``elbo_train``/``elbo_validation``, ``reconstruction_loss_train``/``_validation``,
  ``kl_local_train``/``_validation``, ``kl_global_train``/``_validation`` (0.0 throughout: SCVI
  has no global KL) at each epoch and ``kl_weight`` (logged ``on_step`` at every 10th step,
  hence 3 rows, indexed by the epoch of steps 9, 19, 29): none is printed and the
  ``SimpleLogger`` writes no file by default (``history.pkl`` only with ``save_log_on_disk``
  or a ``log_save_dir``), so, as the zoo leaves what is never printed nor filed (pykeen's
  ``metric_results``, NGBoost's unprinted iterations), they are not in the truth; the notes
  give their last values. The brief named ``train_loss_epoch``: 1.4.2's history has no such
  key (its ``train_loss`` is logged on the epoch only), so the truth takes the key it has.
- Key ``epoch``: the history's 0-based index; the bar prints it 1-based (``Epoch 1/10``).
  The frame that opens epoch N+1 with epoch N's value is a redraw of that value, not a
  second observation.
- Tolerance: tqdm's ``format_num`` (``{:.3g}``: ``334.618`` prints ``335``), hence
  ``rel_tolerance`` 5e-3.
- Not metrics: ``v_num`` (the ``SimpleLogger``'s version, 1) and the bar's ``it/s``
  (``also_ok``); ``log_every_n_steps=10``, ``max_epochs=10`` and the ``(3)`` training
  batches of the warnings are settings and a count; the bar's ``1/10`` is the epoch counter.
- Deterministic on the CPU with ``OMP_NUM_THREADS=1`` (two captures give the same values).
"""
# zoo-venv: scvi

import lightning
import scvi
import torch
from _truth import series, write_truth

EPOCHS = 10

scvi.settings.seed = 0
adata = scvi.data.synthetic_iid()
scvi.model.SCVI.setup_anndata(adata, batch_key="batch", labels_key="labels")
model = scvi.model.SCVI(adata)
model.train(max_epochs=EPOCHS, check_val_every_n_epoch=1)

history = model.history
train_loss = history["train_loss"]
assert train_loss.index.name == "epoch" and list(train_loss.index) == list(range(EPOCHS))
assert all(len(history[f"{name}_validation"]) == EPOCHS
           for name in ("elbo", "reconstruction_loss", "kl_local", "kl_global"))
# the bar's postfix prints tqdm.format_num (".3g")
metrics = {"train_loss": series(train_loss["train_loss"].items(), "epoch", rel_tolerance=5e-3)}
unprinted = ", ".join(f"{key} {frame[key].iloc[-1]:.6g}" for key, frame in history.items()
                      if key != "train_loss")
write_truth("scvi-tools", f"{scvi.__version__} (lightning {lightning.__version__}, torch "
            f"{torch.__version__})",
            "model.history['train_loss'] (SimpleLogger history, index epoch)", metrics,
            also_ok=["it/s", "v_num"],
            notes=f"kept in model.history, never printed, no file (last values): {unprinted}")
