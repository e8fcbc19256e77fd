"""Hugging Face ``Trainer`` evaluating two data sets each epoch (``eval_dataset={"clean":
..., "noisy": ...}``: keys ``eval_clean_loss``, ``eval_noisy_accuracy``, ...; one dict line
each), a 2-layer BERT classifier built from a ``BertConfig`` (nothing downloaded) on
synthetic token ids, 3 epochs, ``logging_steps=4``, the default tqdm bars. Truth:
``trainer_state.json``'s ``log_history`` (``trainer.save_state()``)."""

import numpy as np
import torch
import transformers
from _records import write_hf_truth
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments

VOCAB, LENGTH = 64, 16


class Synthetic(torch.utils.data.Dataset):  # type: ignore[type-arg]
    def __init__(self, size: int, seed: int, noise: float = 0.0) -> None:
        generator = torch.Generator().manual_seed(seed)
        self.ids = torch.randint(0, VOCAB, (size, LENGTH), generator=generator)
        self.labels = (self.ids[:, 0] >= VOCAB // 2).long()
        flip = torch.rand(size, generator=generator) < noise
        self.labels[flip] = 1 - self.labels[flip]

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
                         logging_steps=4, eval_strategy="epoch", save_strategy="no",
                         report_to="none", seed=0, use_cpu=True)
trainer = Trainer(model=model, args=args, train_dataset=Synthetic(128, 0),
                  eval_dataset={"clean": Synthetic(64, 1), "noisy": Synthetic(64, 2, 0.3)},
                  compute_metrics=accuracy)
trainer.train()
write_hf_truth(trainer, "transformers", transformers.__version__)
