"""Hugging Face ``Trainer`` evaluating and saving every few steps with
``load_best_model_at_end=True`` (the best checkpoint by eval accuracy is loaded back after
training), ended as the example scripts end it: ``trainer.save_state()``, then ``metrics =
trainer.evaluate()`` and ``trainer.log_metrics("eval", metrics)``, which evaluates the best
model, not the last. A 2-layer BERT classifier built from a ``BertConfig`` (nothing
downloaded) on synthetic token ids, 3 epochs of 8 steps, ``logging_steps=4``,
``eval_steps=save_steps=6``, the default tqdm bars.

Truth: the Trainer's ``log_history`` after that evaluate (taken from ``trainer.state``);
the files the run leaves: each ``checkpoint-N/trainer_state.json`` and
``output/trainer_state.json`` (saved before the closing evaluate). Not metrics: ``epoch``,
``total_flos``."""

from _hf_tiny import Synthetic, accuracy, end_as_the_examples, tiny_bert, write_history_truth
from transformers import Trainer, TrainingArguments

model = tiny_bert()
args = TrainingArguments(output_dir="output", num_train_epochs=3, learning_rate=3e-3,
                         per_device_train_batch_size=16, per_device_eval_batch_size=32,
                         logging_steps=4, eval_strategy="steps", eval_steps=6,
                         save_strategy="steps", save_steps=6, save_total_limit=None,
                         load_best_model_at_end=True, metric_for_best_model="accuracy",
                         report_to="none", seed=0, use_cpu=True)
trainer = Trainer(model=model, args=args, train_dataset=Synthetic(128, 0),
                  eval_dataset=Synthetic(64, 1), compute_metrics=accuracy)
end_as_the_examples(trainer)
write_history_truth(trainer, files=["output/trainer_state.json"], also_ok=["it/s"])
