"""SetFit's quickstart on a tiny local model: ``SetFitModel(model_body=SentenceTransformer(
modules=[Transformer("tiny-bert"), Pooling(32, "mean")]), model_head=LogisticRegression())``,
the body a 2-layer BERT built from a ``BertConfig`` with a WordPiece ``BertTokenizerFast``
read from a ``vocab.txt`` the script writes (both saved to a local folder, nothing
downloaded), 16 training and 32 evaluation sentences of a synthetic sentiment task
(``datasets.Dataset.from_dict`` with ``text``/``label``), then as the quickstart:
``Trainer(model=model, args=TrainingArguments(batch_size=8, num_epochs=1,
eval_strategy="epoch", logging_steps=5), train_dataset=..., eval_dataset=...,
metric="accuracy")``, ``trainer.train()``, ``metrics = trainer.evaluate()``,
``print(metrics)``.

Printed: SetFit's own ``logger.info`` lines (it sets its logging to INFO on import:
``***** Running training *****``, ``Num unique pairs = 144``, ``Batch size = 8``, ``Num
epochs = 1``, ``***** Running evaluation *****``), the tqdm bars (datasets' ``Map``, the
embedding phase's 18 steps, the evaluation of the 68 eval pairs, Transformers 5's
``Writing model shards``), and the Transformers Trainer's dict line per log, values as
4-significant-digit strings: ``{'embedding_loss': '0.3975', 'grad_norm': '2.744',
'learning_rate': '1.75e-05', 'epoch': '0.2778'}`` at steps 1 (``logging_first_step``, on
by SetFit's default), 5, 10 and 15, ``{'eval_embedding_loss': ..., 'eval_embedding_runtime':
..., 'eval_embedding_samples_per_second': ..., 'eval_embedding_steps_per_second': ...,
'epoch': '1'}`` at the epoch's end and the closing ``{'train_runtime': ..., ...,
'train_loss': ...}``; the classifier phase (LogisticRegression) prints nothing; then
``{'accuracy': 0.84375}`` (the dict ``evaluate()`` returns, Python's repr, full precision).

Truth: the log history of the Sentence Transformers trainer SetFit drives
(``trainer.st_trainer.state.log_history``: SetFit's ``Trainer`` keeps no ``state`` of its
own), every key but ``epoch``/``step``/``total_flos``, keyed by ``step`` as the Hugging Face
cases are; and ``accuracy`` from the dict ``evaluate()`` returned, at the last step (18).
SetFit prefixes the loss keys itself (``embedding_loss``, ``eval_embedding_loss``,
``eval_embedding_runtime``, ...): those are the names. The run leaves
``checkpoints/checkpoint-18/trainer_state.json`` (Transformers 5 saves the last step; its
history ends at step 15, saved before the epoch's evaluation), listed in ``files``.

Judgements: ``metric="accuracy"`` makes ``evaluate.load("accuracy")`` fetch the Hub's
module, which an offline run cannot; ``evaluate.load`` reads a local folder of that name
holding ``accuracy.py`` first, so the script writes one (an ``evaluate.Metric`` returning
``{"accuracy": accuracy_score(...)}``, as the Hub's does) and the quickstart's call stays as
it is. ``report_to`` is left at SetFit's ``"all"`` (no integration is installed). Timing
and throughput keys of the log (``train_runtime``, ``*_samples_per_second``, ...) are in the
record, so they are truth metrics as in the other Hugging Face cases; tqdm's ``it/s`` is in
``also_ok``. Tolerance: rel 5e-4 for the log (``.4g``), 5e-7 for ``accuracy`` (printed in
full). ``Num unique pairs``/``Batch size``/``Num epochs`` are set-up counts, no metrics."""

# zoo-venv: setfit

import os
import random

import setfit
from _truth import series, write_truth
from datasets import Dataset
from sentence_transformers import SentenceTransformer
from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
from setfit import SetFitModel, Trainer, TrainingArguments
from sklearn.linear_model import LogisticRegression
from transformers import BertConfig, BertModel, BertTokenizerFast, set_seed

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
POSITIVE = ["good", "great", "fine", "superb", "lovely", "warm", "bright", "fun"]
NEGATIVE = ["bad", "awful", "poor", "dull", "grim", "cold", "dark", "sad"]
NEUTRAL = ["the", "a", "film", "movie", "plot", "cast", "was", "is", "very", "quite"]

# a local "pretrained" body: a WordPiece vocabulary file and BERT weights from code
with open("vocab.txt", "w", encoding="utf-8") as handle:
    handle.write("\n".join(SPECIAL + POSITIVE + NEGATIVE + NEUTRAL) + "\n")
tokenizer = BertTokenizerFast("vocab.txt", model_max_length=32)
set_seed(0)
config = BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2,
                    num_attention_heads=2, intermediate_size=64, max_position_embeddings=32)
BertModel(config).save_pretrained("tiny-bert")
tokenizer.save_pretrained("tiny-bert")

# evaluate.load("accuracy") reads a local folder "accuracy" holding accuracy.py before the Hub
os.makedirs("accuracy", exist_ok=True)
with open("accuracy/accuracy.py", "w", encoding="utf-8") as handle:
    handle.write('''"""Accuracy: the share of predictions equal to their reference."""
import datasets
import evaluate
from sklearn.metrics import accuracy_score


class Accuracy(evaluate.Metric):
    def _info(self):
        return evaluate.MetricInfo(
            description="accuracy", citation="", inputs_description="",
            features=datasets.Features({"predictions": datasets.Value("int32"),
                                        "references": datasets.Value("int32")}))

    def _compute(self, predictions, references):
        return {"accuracy": float(accuracy_score(references, predictions))}
''')

rng = random.Random(0)


def text(label: int) -> str:
    # six words, most from the label's own list, the rest from anywhere
    own = POSITIVE if label else NEGATIVE
    return " ".join(rng.choice(own) if rng.random() < 0.6
                    else rng.choice(NEUTRAL + POSITIVE + NEGATIVE) for _ in range(6))


def rows(size: int) -> dict:
    labels = [index % 2 for index in range(size)]
    return {"text": [text(label) for label in labels], "label": labels}


train_dataset = Dataset.from_dict(rows(16))
eval_dataset = Dataset.from_dict(rows(32))

body = SentenceTransformer(modules=[Transformer("tiny-bert"), Pooling(32, "mean")])
model = SetFitModel(model_body=body, model_head=LogisticRegression())
args = TrainingArguments(batch_size=8, num_epochs=1, eval_strategy="epoch", logging_steps=5)
trainer = Trainer(model=model, args=args, train_dataset=train_dataset,
                  eval_dataset=eval_dataset, metric="accuracy")
trainer.train()
metrics = trainer.evaluate()
print(metrics)

state = trainer.st_trainer.state
values: dict[str, list[tuple[int, float]]] = {}
for entry in state.log_history:
    for name, value in entry.items():
        if name not in ("epoch", "step", "total_flos"):
            values.setdefault(name, []).append((entry["step"], value))
truth = {name: series(pairs, "step", rel_tolerance=5e-4) for name, pairs in values.items()}
for name, value in metrics.items():
    truth[name] = series([(state.global_step, value)], "step", tolerance=5e-7)
write_truth("setfit", setfit.__version__,
            "trainer.st_trainer.state.log_history + the dict trainer.evaluate() returned",
            truth, files=[f"checkpoints/checkpoint-{state.global_step}/trainer_state.json"],
            also_ok=["it/s"])
