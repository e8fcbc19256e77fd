"""Hugging Face ``Trainer``: a 2-layer BERT classifier built from a ``BertConfig`` (nothing
downloaded) on synthetic token ids, 3 epochs, ``logging_steps=2``, evaluation each epoch
with an accuracy ``compute_metrics``, the default tqdm bars. Transformers prints each log
as a dict line (values as 4-significant-digit strings). Truth: ``trainer_state.json``'s
``log_history`` (written by ``trainer.save_state()``, as the example scripts do)."""

import transformers
from _hf_tiny import Synthetic, accuracy, tiny_bert
from _records import write_hf_truth
from transformers import Trainer, TrainingArguments

model = tiny_bert()
args = TrainingArguments(output_dir="output", num_train_epochs=3, learning_rate=1e-3,
                         per_device_train_batch_size=16, per_device_eval_batch_size=32,
                         logging_steps=2, eval_strategy="epoch", save_strategy="no",
                         report_to="none", seed=0, use_cpu=True)
trainer = Trainer(model=model, args=args, train_dataset=Synthetic(128, 0),
                  eval_dataset=Synthetic(64, 1), compute_metrics=accuracy)
trainer.train()
write_hf_truth(trainer, "transformers", transformers.__version__)
