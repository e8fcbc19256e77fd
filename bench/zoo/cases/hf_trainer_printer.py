"""Hugging Face ``Trainer`` with ``disable_tqdm=True`` (runs logged to a file, ``nohup``):
no bars, its ``PrinterCallback`` prints every log as a dict line, the closing
``evaluate()``'s too. A 2-layer BERT classifier built from a ``BertConfig`` (nothing
downloaded) on synthetic token ids, 3 epochs, ``logging_steps=2``, evaluation each epoch
with an accuracy ``compute_metrics``; ended as the example scripts end it:
``trainer.save_state()``, then ``metrics = trainer.evaluate()`` and
``trainer.log_metrics("eval", metrics)`` (the ``***** eval metrics *****`` block).

Truth: the Trainer's ``log_history`` after that evaluate (the four evaluations: three at
the epochs' ends, the closing one at the last step), taken from ``trainer.state``;
``output/trainer_state.json`` (saved before the closing evaluate, as the examples order
it) is the framework file the run leaves. Not metrics: ``epoch``, ``total_flos``."""

from _hf_tiny import Synthetic, accuracy, end_as_the_examples, tiny_bert, write_history_truth
from transformers import Trainer, TrainingArguments

model = tiny_bert()
args = TrainingArguments(output_dir="output", num_train_epochs=3, learning_rate=1e-3,
                         per_device_train_batch_size=16, per_device_eval_batch_size=32,
                         logging_steps=2, eval_strategy="epoch", save_strategy="no",
                         report_to="none", seed=0, use_cpu=True, disable_tqdm=True)
trainer = Trainer(model=model, args=args, train_dataset=Synthetic(128, 0),
                  eval_dataset=Synthetic(64, 1), compute_metrics=accuracy)
end_as_the_examples(trainer)
write_history_truth(trainer, files=["output/trainer_state.json"], also_ok=[])
