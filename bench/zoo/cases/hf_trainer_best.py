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

import numpy as np
import torch
import transformers
from _truth import series, write_truth
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments

VOCAB, LENGTH = 64, 16


class Synthetic(torch.utils.data.Dataset):  # type: ignore[type-arg]
    def __init__(self, size: int, seed: int) -> None:
        generator = torch.Generator().manual_seed(seed)
        self.ids = torch.randint(0, VOCAB, (size, LENGTH), generator=generator)
        self.labels = (self.ids[:, 0] >= VOCAB // 2).long()

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: int) -> dict:
        return {"input_ids": self.ids[index], "labels": self.labels[index]}


def accuracy(prediction: transformers.EvalPrediction) -> dict:
    return {"accuracy": float((np.argmax(prediction.predictions, -1)
                               == prediction.label_ids).mean())}


transformers.set_seed(0)
config = BertConfig(vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2,
                    num_attention_heads=2, intermediate_size=64,
                    max_position_embeddings=LENGTH, num_labels=2)
model = BertForSequenceClassification(config)
args = TrainingArguments(output_dir="output", num_train_epochs=3, learning_rate=3e-3,
                         per_device_train_batch_size=16, per_device_eval_batch_size=32,
                         logging_steps=4, eval_strategy="steps", eval_steps=6,
                         save_strategy="steps", save_steps=6, save_total_limit=None,
                         load_best_model_at_end=True, metric_for_best_model="accuracy",
                         report_to="none", seed=0, use_cpu=True)
trainer = Trainer(model=model, args=args, train_dataset=Synthetic(128, 0),
                  eval_dataset=Synthetic(64, 1), compute_metrics=accuracy)
trainer.train()
trainer.save_state()
metrics = trainer.evaluate()
trainer.log_metrics("eval", metrics)

values: dict[str, list[tuple[int, float]]] = {}
for entry in trainer.state.log_history:
    for name, value in entry.items():
        if name not in ("epoch", "step", "total_flos"):
            values.setdefault(name, []).append((entry["step"], value))
write_truth("transformers", transformers.__version__,
            "trainer.state.log_history after the closing evaluate()",
            {name: series(pairs, "step", rel_tolerance=5e-4, tolerance=5e-5)
             for name, pairs in values.items()},
            files=["output/trainer_state.json"], also_ok=["it/s"])
