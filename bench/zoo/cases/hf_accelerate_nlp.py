"""Hugging Face Accelerate 1.14.0: its own ``examples/nlp_example.py`` (fine-tuning BERT on
GLUE MRPC with a plain PyTorch loop and an ``Accelerator``), run as its examples README shows
for a single CPU "from any server with Accelerate launcher": ``accelerate launch --cpu
./nlp_example.py`` (a subprocess of this case, the venv's ``accelerate`` console script; with
no ``accelerate config`` file the launcher runs the script once, in one process, on the CPU).
The script is the file at tag v1.14.0 (commit beb0672aa8444ea7647aee056f624effe5996346, git
blob 7f7877120fd240f0b7d0d7c152aaa4479d648bbf, last changed by a5cb37c1, 2026-06-10, "Fix all
tests", which made the data set ``nyu-mll/glue``; the same blob is still on main at 16cb6eb8,
2026-07-24, the newest commit of the snapshot read). PyPI's sdist (1.16.0, of 2026-11-16, after
that snapshot) ships no ``examples/``, so the venv pins 1.14.0, the release whose tag holds this
text. It is kept verbatim below as ``EXAMPLE_PY``, checked against its blob id, and written to
the cwd with five lines changed, the loading only (``REPLACEMENTS``; the loop, the config
``{"lr": 2e-5, "num_epochs": 3, "seed": 42, "batch_size": 16}``, AdamW, the linear schedule
with 100 warm-up steps and ``accelerator.prepare`` are untouched):
- ``import evaluate`` and ``from datasets import load_dataset`` import from ``offline_glue.py``
  (written by the case) instead, whose ``load_dataset("nyu-mll/glue", "mrpc")`` returns an
  in-memory ``DatasetDict`` with GLUE MRPC's splits, columns and features (``sentence1``,
  ``sentence2``, ``label`` a ``ClassLabel`` not_equivalent/equivalent, ``idx``) built from the
  case's synthetic pairs, and whose ``load("glue", "mrpc")`` (for ``evaluate.load``) is a
  local equivalent of evaluate's glue/mrpc metric: ``add_batch``/``compute`` giving
  ``{"accuracy": ..., "f1": ...}`` as Python floats (accuracy; F1 of the "equivalent" class,
  as ``sklearn.metrics.f1_score`` gives it);
- ``"bert-base-cased"`` (tokenizer and model) becomes ``"./bert-tiny-cased"``, a checkpoint the
  case writes: a ``vocab.txt`` of the data's words with BERT's five special tokens and a
  cased ``tokenizer_config.json`` (``AutoTokenizer`` gives a ``BertTokenizer``), and a tiny
  ``BertConfig`` (2 layers, hidden 32, 2 heads) saved with random weights (``set_seed(0)``) as
  ``BertForPreTraining``, the layout of bert-base-cased on the Hub (pre-training heads and
  pooler), so the example's ``from_pretrained`` loads it as a user's run loads bert-base-cased:
  the heads unexpected, the classifier new.
Data: 256 train, 64 validation, 64 test pairs (MRPC: 3668/408/1725) of news-like sentences
from small word lists, ``random.Random(0)``, 68% "equivalent" (MRPC's share): a paraphrase
swaps words for synonyms and may move the time phrase, a non-paraphrase keeps the subject and
changes the rest. 16 steps an epoch, 3 epochs, two evaluation batches of 32 an epoch; about
15 s (pipe) on two shared cores, nothing downloaded. Nothing of the case's own is printed (its
checkpoint save runs with transformers' progress bars off).

What it prints, all the framework's and the example's:
- the launcher's warning (stderr), ``The following values were not passed to `accelerate
  launch` and had defaults used instead:`` with ``--num_processes`` (``0``, as it reports it
  for ``--cpu`` here), ``--num_machines``, ``--mixed_precision`` and ``--dynamo_backend``;
- datasets' ``Map: 100%|...| 256/256 [00:00<00:00, 10700.71 examples/s]`` bars, one a split
  (the validation bar's closing frame is drawn twice), transformers' ``Loading weights`` bar
  and its ``BertForSequenceClassification LOAD REPORT`` table (``cls.*`` UNEXPECTED,
  ``classifier.*`` MISSING; bold/coloured, and its rows in a set's order, which varies from
  run to run);
- per evaluation batch ``=====  tensor([0, 0, ...,`` wrapped by torch onto a second line: a
  debug print of the gathered predictions that came into the example with 8b55e62b
  (2025-09-03, "xpu INT64 all_gather issue fixed in 2.9", in every release since v1.11.0),
  kept as the example prints it;
- once an epoch ``epoch 0: {'accuracy': 0.3125, 'f1': 0.0}`` (``accelerator.print(f"epoch
  {epoch}:", eval_metric)``: the dict's repr, floats in full). At lr 2e-5, still warming up
  (48 steps of the 100 warm-up steps), the tiny model predicts one class: epochs 0 and 1 all
  "not_equivalent" (accuracy 0.3125, f1 0.0), epoch 2 all "equivalent" (0.6875,
  0.8148148148148148), as an untrained MRPC classifier does.

Truth: the metric dicts the loop computes, ``eval_metric = metric.compute()`` once an epoch,
which the local metric keeps as it returns them in ``glue_mrpc_metrics.json`` (the script's
own record: the example logs to no tracker and writes no metrics file). Judgement calls:
- names: the dict's keys, ``accuracy`` and ``f1`` (evaluate's glue/mrpc keys); keyed
  ``epoch``, the loop's 0-based ``epoch`` the line prints (0, 1, 2); exact (Python floats
  printed by repr, kept by JSON);
- the ``=====  tensor([...])`` lines are predictions, no metric; the launcher's defaults are
  settings; the load report is no metric;
- ``also_ok``: the bars' throughput, tqdm's ``it/s`` and datasets' ``examples/s``;
- determinism: ``set_seed(42)`` in the example (the classifier head, the shuffle), the seeded
  checkpoint and data; the values repeat pipe and pty alike, only the bars' rates and the load
  report's row order differ.
"""
# zoo-venv: accelnlp

import importlib.metadata
import json
import random
import subprocess
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import git_blob_id
from transformers import BertConfig, BertForPreTraining, set_seed
from transformers.utils import logging as hf_logging

SOURCE_REPO = "huggingface/accelerate"
SOURCE_COMMIT = "beb0672aa8444ea7647aee056f624effe5996346"  # tag v1.14.0
EXAMPLE_PATH = "examples/nlp_example.py"
EXAMPLE_BLOB = "7f7877120fd240f0b7d0d7c152aaa4479d648bbf"  # EXAMPLE_PATH at SOURCE_COMMIT
CHECKPOINT = "bert-tiny-cased"  # the local stand-in for "bert-base-cased"
DATA_FILE = "glue_mrpc_synthetic.json"
METRIC_FILE = "glue_mrpc_metrics.json"
SIZES = {"train": 256, "validation": 64, "test": 64}  # GLUE MRPC: 3668, 408, 1725
POSITIVE = 0.68  # MRPC's share of "equivalent" pairs

# the adaptation, line by line: data, tokenizer, model and metric load locally
REPLACEMENTS = [
    ("import evaluate\n", "import offline_glue\n"),
    ("from datasets import load_dataset\n", "from offline_glue import load_dataset\n"),
    ('AutoTokenizer.from_pretrained("bert-base-cased")',
     f'AutoTokenizer.from_pretrained("./{CHECKPOINT}")'),
    ('metric = evaluate.load("glue", "mrpc")', 'metric = offline_glue.load("glue", "mrpc")'),
    ('AutoModelForSequenceClassification.from_pretrained("bert-base-cased", return_dict=True)',
     f'AutoModelForSequenceClassification.from_pretrained("./{CHECKPOINT}", return_dict=True)'),
]

# what the example imports in place of `evaluate` and `datasets.load_dataset`
OFFLINE_GLUE_PY = r"""# GLUE MRPC without the Hub (written by the zoo case hf_accelerate_nlp): the
# case's synthetic pairs as the DatasetDict load_dataset("nyu-mll/glue", "mrpc") returns (same
# splits, columns and features), and a metric with evaluate's glue/mrpc interface and result
# (accuracy, and F1 of the "equivalent" class as sklearn's f1_score gives it), which keeps
# each result it computes in a JSON file.
import json

from datasets import ClassLabel, Dataset, DatasetDict, Features, Value

FEATURES = Features({"sentence1": Value("string"), "sentence2": Value("string"),
                     "label": ClassLabel(names=["not_equivalent", "equivalent"]),
                     "idx": Value("int32")})


def load_dataset(path, name):
    assert (path, name) == ("nyu-mll/glue", "mrpc"), (path, name)
    with open("DATA_FILE", encoding="utf-8") as handle:
        splits = json.load(handle)
    return DatasetDict({split: Dataset.from_list(rows, features=FEATURES)
                        for split, rows in splits.items()})


class GlueMrpc:
    def __init__(self):
        self.predictions, self.references, self.results = [], [], []

    def add_batch(self, predictions, references):
        self.predictions += [int(p) for p in predictions]
        self.references += [int(r) for r in references]

    def compute(self):
        pairs = list(zip(self.predictions, self.references))
        self.predictions, self.references = [], []
        tp = sum(1 for p, r in pairs if p == 1 and r == 1)
        wrong = sum(1 for p, r in pairs if p != r)
        result = {"accuracy": float((len(pairs) - wrong) / len(pairs)),
                  "f1": float(2 * tp / (2 * tp + wrong)) if tp + wrong else 0.0}
        self.results.append(result)
        with open("METRIC_FILE", "w", encoding="utf-8") as handle:
            json.dump(self.results, handle)
        return result


def load(path, config_name):
    assert (path, config_name) == ("glue", "mrpc"), (path, config_name)
    return GlueMrpc()
""".replace("DATA_FILE", DATA_FILE).replace("METRIC_FILE", METRIC_FILE)

# synthetic news-like sentence pairs: a paraphrase ("equivalent") swaps words for synonyms
# and may move the time phrase; a non-paraphrase shares the subject and changes the rest
SUBJECTS = ["The company", "Shares of Microsoft", "The Senate", "Police", "The central bank",
            "Apple", "The government", "Officials in Texas", "The union", "Investors"]
VERBS = [("said", "stated"), ("rose", "climbed"), ("fell", "dropped"), ("approved", "passed"),
         ("reported", "announced"), ("cut", "reduced"), ("expects", "anticipates"),
         ("bought", "acquired")]
OBJECTS = [("a new plan", "a fresh proposal"), ("its profit", "its earnings"),
           ("the deal", "the agreement"), ("higher prices", "rising costs"),
           ("the bill", "the legislation"), ("two suspects", "a pair of suspects"),
           ("its forecast", "its outlook"), ("the shares", "the stock")]
TIMES = [("on Monday", "Monday"), ("last week", "a week ago"), ("in March", "during March"),
         ("on Tuesday", "Tuesday"), ("this year", "in the current year")]
TAILS = [", according to a statement", ", sources said", " in New York", " after the vote",
         ", the report said", ""]


def pair(rng: random.Random, equivalent: bool) -> tuple[str, str]:
    subject, verb, obj, time, tail = (rng.choice(SUBJECTS), rng.choice(VERBS),
                                      rng.choice(OBJECTS), rng.choice(TIMES), rng.choice(TAILS))
    first = f"{subject} {verb[0]} {obj[0]} {time[0]}{tail}."
    if equivalent:
        words = [subject, rng.choice(verb), rng.choice(obj)]
        if rng.random() < 0.5:
            second = f"{time[1][0].upper()}{time[1][1:]}, {' '.join(words)}{tail}."
        else:
            second = f"{' '.join(words)} {rng.choice(time)}{tail}."
    else:
        other_verb = rng.choice([v for v in VERBS if v != verb])
        other_obj = rng.choice([o for o in OBJECTS if o != obj])
        second = (f"{subject} {rng.choice(other_verb)} {rng.choice(other_obj)} "
                  f"{rng.choice(rng.choice(TIMES))}{rng.choice(TAILS)}.")
    return first, second


def write_data(rng: random.Random) -> list[str]:
    splits, idx = {}, 0
    for split, size in SIZES.items():
        rows = []
        for _ in range(size):
            label = int(rng.random() < POSITIVE)
            first, second = pair(rng, bool(label))
            rows.append({"sentence1": first, "sentence2": second, "label": label, "idx": idx})
            idx += 1
        splits[split] = rows
    Path(DATA_FILE).write_text(json.dumps(splits, indent=1), encoding="utf-8")
    text = " ".join(row[key] for rows in splits.values() for row in rows
                    for key in ("sentence1", "sentence2"))
    return sorted(set(text.replace(",", " , ").replace(".", " . ").split()))


def write_checkpoint(words: list[str]) -> None:
    """A tiny cased BERT checkpoint laid out as bert-base-cased's on the Hub (its pre-training
    heads and pooler, a WordPiece vocab.txt), its weights
    random from a config. The case's own save prints nothing (no shard bar)."""
    folder = Path(CHECKPOINT)
    set_seed(0)
    config = BertConfig(vocab_size=5 + len(words), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64,
                        max_position_embeddings=128)
    hf_logging.disable_progress_bar()
    BertForPreTraining(config).save_pretrained(folder)
    (folder / "vocab.txt").write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n",
        encoding="utf-8")
    (folder / "tokenizer_config.json").write_text(
        json.dumps({"do_lower_case": False, "model_max_length": 128}), encoding="utf-8")


def main() -> None:
    if git_blob_id(EXAMPLE_PY) != EXAMPLE_BLOB:
        sys.exit(f"{EXAMPLE_PATH} is not as stored at {SOURCE_COMMIT}")
    script = EXAMPLE_PY
    for old, new in REPLACEMENTS:
        assert script.count(old) == 1, old
        script = script.replace(old, new)
    Path("nlp_example.py").write_text(script, encoding="utf-8")
    Path("offline_glue.py").write_text(OFFLINE_GLUE_PY, encoding="utf-8")
    write_checkpoint(write_data(random.Random(0)))

    accelerate = Path(sys.executable).with_name("accelerate")
    subprocess.run([str(accelerate), "launch", "--cpu", "./nlp_example.py"], check=True)

    results = json.loads(Path(METRIC_FILE).read_text(encoding="utf-8"))
    assert len(results) == 3, results  # config["num_epochs"]
    write_truth("accelerate", importlib.metadata.version("accelerate"),
                f"the metric dicts the example's loop computes, metric.compute() once an "
                f"epoch, kept by the local glue/mrpc stand-in in {METRIC_FILE}",
                {name: series(((epoch, result[name]) for epoch, result in enumerate(results)),
                              "epoch")
                 for name in ("accuracy", "f1")},
                also_ok=["it/s", "examples/s"],
                notes=f"{SOURCE_REPO} {EXAMPLE_PATH} at {SOURCE_COMMIT} (v1.14.0, blob "
                      f"{EXAMPLE_BLOB}); transformers "
                      f"{importlib.metadata.version('transformers')}, datasets "
                      f"{importlib.metadata.version('datasets')}; synthetic MRPC-shaped pairs "
                      f"{SIZES}")


# EXAMPLE_PATH at SOURCE_COMMIT, verbatim
EXAMPLE_PY = r'''# Copyright 2021 The HuggingFace Inc. team. All rights reserved.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
import argparse

import evaluate
import torch
from datasets import load_dataset
from torch.optim import AdamW
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup, set_seed

from accelerate import Accelerator, DistributedType


########################################################################
# This is a fully working simple example to use Accelerate
#
# This example trains a Bert base model on GLUE MRPC
# in any of the following settings (with the same script):
#   - single CPU or single GPU
#   - multi GPUS (using PyTorch distributed mode)
#   - (multi) TPUs
#   - fp16 (mixed-precision) or fp32 (normal precision)
#
# To run it in each of these various modes, follow the instructions
# in the readme for examples:
# https://github.com/huggingface/accelerate/tree/main/examples
#
########################################################################


MAX_GPU_BATCH_SIZE = 16
EVAL_BATCH_SIZE = 32


def get_dataloaders(accelerator: Accelerator, batch_size: int = 16):
    """
    Creates a set of `DataLoader`s for the `glue` dataset,
    using "bert-base-cased" as the tokenizer.

    Args:
        accelerator (`Accelerator`):
            An `Accelerator` object
        batch_size (`int`, *optional*):
            The batch size for the train and validation DataLoaders.
    """
    tokenizer = AutoTokenizer.from_pretrained("bert-base-cased")
    datasets = load_dataset("nyu-mll/glue", "mrpc")

    def tokenize_function(examples):
        # max_length=None => use the model max length (it's actually the default)
        outputs = tokenizer(examples["sentence1"], examples["sentence2"], truncation=True, max_length=None)
        return outputs

    # Apply the method we just defined to all the examples in all the splits of the dataset
    # starting with the main process first:
    with accelerator.main_process_first():
        tokenized_datasets = datasets.map(
            tokenize_function,
            batched=True,
            remove_columns=["idx", "sentence1", "sentence2"],
        )

    # We also rename the 'label' column to 'labels' which is the expected name for labels by the models of the
    # transformers library
    tokenized_datasets = tokenized_datasets.rename_column("label", "labels")

    def collate_fn(examples):
        # For Torchxla, it's best to pad everything to the same length or training will be very slow.
        max_length = 128 if accelerator.distributed_type == DistributedType.XLA else None
        # When using mixed precision we want round multiples of 8/16
        if accelerator.mixed_precision == "fp8":
            pad_to_multiple_of = 16
        elif accelerator.mixed_precision != "no":
            pad_to_multiple_of = 8
        else:
            pad_to_multiple_of = None

        return tokenizer.pad(
            examples,
            padding="longest",
            max_length=max_length,
            pad_to_multiple_of=pad_to_multiple_of,
            return_tensors="pt",
        )

    # Instantiate dataloaders.
    train_dataloader = DataLoader(
        tokenized_datasets["train"], shuffle=True, collate_fn=collate_fn, batch_size=batch_size, drop_last=True
    )
    eval_dataloader = DataLoader(
        tokenized_datasets["validation"],
        shuffle=False,
        collate_fn=collate_fn,
        batch_size=EVAL_BATCH_SIZE,
        drop_last=(accelerator.mixed_precision == "fp8"),
    )

    return train_dataloader, eval_dataloader


def training_function(config, args):
    # Initialize accelerator
    accelerator = Accelerator(cpu=args.cpu, mixed_precision=args.mixed_precision)
    # Sample hyper-parameters for learning rate, batch size, seed and a few other HPs
    lr = config["lr"]
    num_epochs = int(config["num_epochs"])
    seed = int(config["seed"])
    batch_size = int(config["batch_size"])

    metric = evaluate.load("glue", "mrpc")

    # If the batch size is too big we use gradient accumulation
    gradient_accumulation_steps = 1
    if batch_size > MAX_GPU_BATCH_SIZE and accelerator.distributed_type != DistributedType.XLA:
        gradient_accumulation_steps = batch_size // MAX_GPU_BATCH_SIZE
        batch_size = MAX_GPU_BATCH_SIZE

    set_seed(seed)
    train_dataloader, eval_dataloader = get_dataloaders(accelerator, batch_size)
    # Instantiate the model (we build the model here so that the seed also control new weights initialization)
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased", return_dict=True)

    # We could avoid this line since the accelerator is set with `device_placement=True` (default value).
    # Note that if you are placing tensors on devices manually, this line absolutely needs to be before the optimizer
    # creation otherwise training will not work on TPU (`accelerate` will kindly throw an error to make us aware of that).
    model = model.to(accelerator.device)
    # Instantiate optimizer
    optimizer = AdamW(params=model.parameters(), lr=lr)

    # Instantiate scheduler
    lr_scheduler = get_linear_schedule_with_warmup(
        optimizer=optimizer,
        num_warmup_steps=100,
        num_training_steps=(len(train_dataloader) * num_epochs) // gradient_accumulation_steps,
    )

    # Prepare everything
    # There is no specific order to remember, we just need to unpack the objects in the same order we gave them to the
    # prepare method.

    model, optimizer, train_dataloader, eval_dataloader, lr_scheduler = accelerator.prepare(
        model, optimizer, train_dataloader, eval_dataloader, lr_scheduler
    )

    # Now we train the model
    for epoch in range(num_epochs):
        model.train()
        for step, batch in enumerate(train_dataloader):
            # We could avoid this line since we set the accelerator with `device_placement=True`.
            batch.to(accelerator.device)
            outputs = model(**batch)
            loss = outputs.loss
            loss = loss / gradient_accumulation_steps
            accelerator.backward(loss)
            if step % gradient_accumulation_steps == 0:
                optimizer.step()
                lr_scheduler.step()
                optimizer.zero_grad()

        model.eval()
        for step, batch in enumerate(eval_dataloader):
            # We could avoid this line since we set the accelerator with `device_placement=True`.
            batch.to(accelerator.device)
            with torch.no_grad():
                outputs = model(**batch)
            predictions = outputs.logits.argmax(dim=-1)
            predictions, references = accelerator.gather_for_metrics((predictions, batch["labels"]))
            print(f"=====  {predictions}")
            metric.add_batch(
                predictions=predictions,
                references=references,
            )

        eval_metric = metric.compute()
        # Use accelerator.print to print only on the main process.
        accelerator.print(f"epoch {epoch}:", eval_metric)
    accelerator.end_training()


def main():
    parser = argparse.ArgumentParser(description="Simple example of training script.")
    parser.add_argument(
        "--mixed_precision",
        type=str,
        default=None,
        choices=["no", "fp16", "bf16", "fp8"],
        help="Whether to use mixed precision. Choose"
        "between fp16 and bf16 (bfloat16). Bf16 requires PyTorch >= 1.10."
        "and an Nvidia Ampere GPU.",
    )
    parser.add_argument("--cpu", action="store_true", help="If passed, will train on the CPU.")
    args = parser.parse_args()
    config = {"lr": 2e-5, "num_epochs": 3, "seed": 42, "batch_size": 16}
    training_function(config, args)


if __name__ == "__main__":
    main()
'''  # noqa: E501

if __name__ == "__main__":
    main()
