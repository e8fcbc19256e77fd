"""Hugging Face ``Trainer`` counted in steps: ``max_steps=20`` with gradient accumulation
(``gradient_accumulation_steps=2``: the epochs are fractional), ``logging_first_step=True``,
``logging_steps=5``, ``eval_strategy="steps"`` every 5 steps and ``eval_on_start=True`` (an
evaluation at step 0, before any training). The tiny BERT classifier of ``_hf_tiny``, the
default tqdm bars. Truth: ``trainer_state.json``'s ``log_history``
(``trainer.save_state()``)."""

import transformers
from _hf_tiny import Synthetic, accuracy, tiny_bert
from _records import write_hf_truth
from transformers import Trainer, TrainingArguments

model = tiny_bert()
args = TrainingArguments(output_dir="output", max_steps=20, learning_rate=1e-3,
                         per_device_train_batch_size=8, gradient_accumulation_steps=2,
                         per_device_eval_batch_size=32, logging_first_step=True,
                         logging_steps=5, eval_strategy="steps", eval_steps=5,
                         eval_on_start=True, save_strategy="no", report_to="none", seed=0,
                         use_cpu=True)
trainer = Trainer(model=model, args=args, train_dataset=Synthetic(128, 0),
                  eval_dataset=Synthetic(64, 1), compute_metrics=accuracy)
trainer.train()
write_hf_truth(trainer, "transformers", transformers.__version__)
