"""Hugging Face ``Trainer`` on Transformers 4.x (transformers 4.46.3, accelerate 1.1.1, the
CPU build of torch 2.13.0): the 4.x counterpart of ``hf_trainer`` (Transformers 5). A 2-layer
BERT classifier built from a ``BertConfig`` (hidden 32, nothing downloaded, ``_hf_tiny``) on
pre-tokenized synthetic ids (128 train rows, 64 eval rows), ``num_train_epochs=2``, batch 16
(8 steps an epoch, 16 in all), ``logging_steps=5``, ``eval_strategy="epoch"``, an accuracy
``compute_metrics``, ``report_to="none"``, the default tqdm bars and logging verbosity; ended
as the example scripts end it (``_hf_tiny.end_as_the_examples``): ``trainer.save_state()``,
then ``metrics = trainer.evaluate()`` and ``trainer.log_metrics("eval", metrics)``.

What 4.x prints differs from 5.x: each log is a dict line of Python floats, not of
``f"{v:.4g}"`` strings; the training loss is ``round(loss, 4)``, ``grad_norm``,
``learning_rate``, ``eval_loss`` and ``train_loss`` full floats, runtimes ``round(.., 4)``,
throughputs ``round(.., 3)``, the epoch rounded to 2 decimals (0.62 where the state keeps
0.625). Under the tqdm bars (on stderr, the dicts written through the bar on stdout)::

    {'loss': 0.6954, 'grad_norm': 0.6473007202148438, 'learning_rate': 0.0006875, 'epoch': 0.62}
    {'eval_loss': 0.6929557919502258, 'eval_accuracy': 0.421875, 'eval_runtime': 0.0303,
     'eval_samples_per_second': 2109.081, 'eval_steps_per_second': 65.909, 'epoch': 1.0}
    {'train_runtime': 0.5578, 'train_samples_per_second': 458.95, 'train_steps_per_second':
     28.684, 'train_loss': 0.6879779733717442, 'epoch': 2.0}

(each one line, wrapped here), then the model's one warning on stderr (``We strongly
recommend passing in an `attention_mask` ...``: the synthetic ids have none, as
``hf_trainer``'s), and the closing evaluate's block (``log_metrics``: floats
``round(v, 4)``, ``*_runtime`` as ``H:MM:SS.cc`` truncated to hundredths)::

    ***** eval metrics *****
      epoch                   =        2.0
      eval_accuracy           =        0.5
      eval_loss               =     0.6887
      eval_runtime            = 0:00:00.01
      eval_samples_per_second =    5099.07
      eval_steps_per_second   =    159.346

The closing ``evaluate()`` goes through ``Trainer.log`` (so into ``log_history``) but prints
no dict line: the progress callback's training bar is closed by then; the block is its only
print.

Truth: the Trainer's ``log_history`` after that evaluate, from ``trainer.state``
(``_hf_tiny.write_history_truth``): every key at its ``step`` -- ``loss``, ``grad_norm``,
``learning_rate`` at steps 5, 10, 15; ``eval_loss``, ``eval_accuracy``, ``eval_runtime``,
``eval_samples_per_second``, ``eval_steps_per_second`` at 8, 16 and 16 again (the closing
evaluation, same model, same values but the timings); ``train_runtime``,
``train_samples_per_second``, ``train_steps_per_second``, ``train_loss`` at 16.
``output/trainer_state.json`` (saved before the closing evaluate, as the examples order it;
it lacks that third evaluation) is the framework file the run leaves, listed in ``files``.
Judgement calls, as the Transformers 5 cases': ``epoch``, ``step`` and ``total_flos`` are no
metrics (the axis; ``total_flos`` never printed); the runtimes and throughputs are in the
record, so they are metrics under their own keys, not ``also_ok``; tolerance ``rel 5e-4`` plus
``abs 5e-5`` covers ``round(.., 4)`` and the block's ``round(v, 4)``; the block's clock-format
``eval_runtime`` (truncated to hundredths) is left at that tolerance, as ``hf_trainer_best``'s
and ``hf_log_metrics``'s are (a duration the parser leaves out). tqdm's ``it/s`` is not
recorded, so ``also_ok`` stays empty. The timings vary run to run; everything else is
deterministic (seed 0, one thread)."""
# zoo-venv: hfv4

from _hf_tiny import Synthetic, accuracy, end_as_the_examples, tiny_bert, write_history_truth
from transformers import Trainer, TrainingArguments

model = tiny_bert()
args = TrainingArguments(output_dir="output", num_train_epochs=2, learning_rate=1e-3,
                         per_device_train_batch_size=16, per_device_eval_batch_size=32,
                         logging_steps=5, eval_strategy="epoch", save_strategy="no",
                         report_to="none", seed=0, use_cpu=True)
trainer = Trainer(model=model, args=args, train_dataset=Synthetic(128, 0),
                  eval_dataset=Synthetic(64, 1), compute_metrics=accuracy)
end_as_the_examples(trainer)
write_history_truth(trainer, files=["output/trainer_state.json"], also_ok=[])
