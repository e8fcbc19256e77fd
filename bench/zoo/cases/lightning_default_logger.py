"""Lightning with everything at its default: ``L.Trainer(max_epochs=4)`` and no ``logger``
argument, so Lightning makes its default ``TensorBoardLogger`` (tensorboard is installed),
writing ``lightning_logs/version_0/events.out.tfevents.*`` in the cwd; the default progress
bar (``RichProgressBar``: rich is installed), the default model summary and checkpointing.
The small MLP ``LightningModule`` of ``_lightning_fit.py`` logs ``train_loss`` each step and
``val_loss``/``val_acc`` each epoch, all with ``prog_bar=True``.

Truth: the TensorBoard event file, read back with tensorboard's ``EventAccumulator`` (listed
in ``files``). Judgements:
- ``log_every_n_steps`` is left at its default 50, so the logger records ``train_loss`` only
  every 50th optimizer step (the bar shows it at every step). The training set is 2048
  samples (64 batches of 32 an epoch, 256 steps in 4 epochs) so that the default interval
  writes train_loss more than once; with the 8 batches of the other Lightning cases the
  event file would hold no train_loss at all (Lightning warns so).
- Key "step" for all three: TensorBoard indexes every scalar by Lightning's global step (the
  val_* points at the step of each epoch's end; the bar prints them as ``Epoch N``).
- Lightning also writes ``epoch`` (the loop counter, beside each logged row) into the event
  file: no metric of the training, so not in the truth (as the session 81 review judged the
  ``epoch``/``step`` counters of hf_no_trainer). Its ``hp_metric`` (the ``-1`` placeholder
  for the hparams tab) is written only when there are hyperparameters to log; this module
  calls no ``save_hyperparameters()``, so the file has none (``notes`` lists the tags found);
  it would be no metric either.
- Tolerance: the rich bar prints ``f"{value:.3f}"`` (``RichProgressBar`` theme
  ``metrics_format``), hence 5e-4; the logged values are float32 tensors, which the event
  file keeps exactly.
- ``also_ok``: the bar's ``it/s`` and ``v_num`` (the logger's version, not a metric).
"""

import glob
import os

import lightning as L
from _lightning_fit import Classifier, loader
from _truth import series, write_truth
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

if __name__ == "__main__":
    L.seed_everything(0)
    trainer = L.Trainer(max_epochs=4)
    trainer.fit(Classifier(), loader(2048, 0, True), loader(64, 1, False))

    # the default save_dir is the cwd (absolute); truth lists files relative to it
    log_dir = os.path.relpath(trainer.logger.log_dir)
    (event_file,) = glob.glob(f"{log_dir}/events.out.tfevents.*")
    events = EventAccumulator(event_file, size_guidance={"scalars": 0})
    events.Reload()
    tags = events.Tags()["scalars"]
    metrics = {name: series([(e.step, e.value) for e in events.Scalars(name)], "step",
                            tolerance=5e-4)
               for name in ("train_loss", "val_loss", "val_acc")}
    write_truth("lightning", L.__version__,
                f"TensorBoardLogger (default) {event_file} (EventAccumulator)", metrics,
                files=[event_file], also_ok=["it/s", "v_num"],
                notes="scalar tags in the event file: " + ", ".join(sorted(tags)))
