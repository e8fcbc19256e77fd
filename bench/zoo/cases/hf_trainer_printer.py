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
args = TrainingArguments(output_dir="output", num_train_epochs=3, learning_rate=1e-3,
                         per_device_train_batch_size=16, per_device_eval_batch_size=32,
                         logging_steps=2, eval_strategy="epoch", save_strategy="no",
                         report_to="none", seed=0, use_cpu=True, disable_tqdm=True)
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
            files=["output/trainer_state.json"], also_ok=[])
