"""Hugging Face Transformers 3.5.1's own ``examples/text-classification/run_glue.py``
(huggingface/transformers at tag v3.5.1, commit d5b3e56de5376aa85ef46e7f0325139d9e299a41,
2020-11-13, "Release: v3.5.1"; the script's git blob 9ae039d1, held verbatim below and
checked against that id; no pip package ships the examples) on PyPI's ``transformers==3.5.1``
with ``datasets==1.3.0`` and torch 1.7.1 (PyPI's wheel, a CUDA 10.2 build that runs on the
CPU; see requirements-hfglue3.txt), Python 3.8.

The script at that tag is the rewrite of #7917 (2020-10-22, in v3.5.0 and v3.5.1): no longer
``GlueDataset`` with ``--data_dir``/``--task_name sst-2``, but ``datasets.load_dataset``:
``--task_name sst2`` would call ``load_dataset("glue", "sst2")`` and ``load_metric("glue",
...)``, both fetched from the Hub (offline here: an error), so the case takes the script's own
other way in, ``--train_file``/``--validation_file`` CSV files (``load_dataset("csv", ...)``,
the builder datasets 1.3.0 ships in its wheel: nothing downloaded). With no ``--task_name`` the
script's ``compute_metrics`` is its own plain accuracy (``{"accuracy": ...}``) and its result
file and header are named after ``data_args.task_name``, that is ``None``:
``eval_results_None.txt`` and ``***** Eval results None *****`` (as the script writes them for
any custom CSV task).

The case writes, in the cwd: ``tiny-bert/`` (a ``BertConfig`` with hidden 32, 2 layers, 2
heads, intermediate 64, 29-token ``vocab.txt``, saved with ``save_pretrained`` from a
``BertForSequenceClassification`` initialised from scratch under ``torch.manual_seed(0)``: the
script's ``--model_name_or_path`` loads it, no pretrained weights), and a synthetic SST-2
(``sst2/train.csv``, 320 rows; ``sst2/dev.csv``, 64 rows; columns ``sentence,label`` as
SST-2's, each sentence a few neutral words around one positive or negative word that gives
its label, ``random.Random(0)``). Then it runs run_glue.py in-process (``runpy``, as
``__main__``) with::

    --model_name_or_path tiny-bert --train_file sst2/train.csv --validation_file sst2/dev.csv
    --do_train --do_eval --num_train_epochs 2 --per_device_train_batch_size 16
    --logging_steps 10 --evaluation_strategy steps --eval_steps 20 --save_steps 40
    --max_seq_length 32 --output_dir output

(the defaults otherwise: learning rate 5e-5 with linear decay, eval batch 8, seed 42):
20 steps an epoch, 40 in all; a log at steps 10, 20, 30, 40, an evaluation at 20 and 40 and
a checkpoint at 40 (``--save_steps 40``, the last step, so that the Trainer writes its
``trainer_state.json``: 3.5.1 writes it only with a checkpoint). ``HF_DATASETS_CACHE`` is set
to a folder in the cwd so that datasets' Arrow cache starts empty each run (the same
"Downloading and preparing dataset csv/default ..." lines every time, nothing left in ~).

What it prints (3.5.1's Trainer, its ``ProgressCallback``): first torch 1.7.1's
``UserWarning: CUDA initialization: Found no NVIDIA driver on your system. ...`` on stderr
(its CUDA build probing for a GPU), the script's root logger lines (``%m/%d/%Y %H:%M:%S -
LEVEL - name -   message``: ``Training/evaluation parameters TrainingArguments(...)``, three
``Sample N of the training set: {'attention_mask': [...], 'input_ids': [...], 'label': 1,
'sentence': '...', 'token_type_ids': [...]}.``), datasets' ``Downloading and preparing
dataset csv/default ...`` (a local build: nothing is fetched) and its ``ba/s`` map bars, the
Transformers logger at INFO (``set_verbosity_info``: the model config, ``***** Running
training *****``, ``  Num examples = 320``, ``  Total optimization steps = 40``, ...), then
the tqdm bar of 40 steps on stderr and through it (``tqdm.write``) each log as ``str(dict)``
on stdout, Python floats in full, each evaluation with its own ``***** Running Evaluation
*****`` block and bar::

    {'loss': 0.6936988830566406, 'learning_rate': 3.7500000000000003e-05, 'epoch': 0.5}
    {'loss': 0.6935420036315918, 'learning_rate': 2.5e-05, 'epoch': 1.0}
    {'eval_loss': 0.6931116580963135, 'eval_accuracy': 0.59375, 'epoch': 1.0}
    {'loss': 0.6928366661071778, 'learning_rate': 1.25e-05, 'epoch': 1.5}
    {'loss': 0.6937326431274414, 'learning_rate': 0.0, 'epoch': 2.0}
    {'eval_loss': 0.6927586793899536, 'eval_accuracy': 0.59375, 'epoch': 2.0}
    {'epoch': 2.0}

(the last the end of training's ``self.log({"total_flos": ...})``, whose ``total_flos`` the
callback pops before printing; the loss barely moves at the default learning rate in 40
steps), then ``Training completed. Do
not forget to share your model on huggingface.co/models =)``, the saving messages, ``***
Evaluate ***``, the closing evaluation's ``***** Running Evaluation *****`` block and bar,
and its result block (the times vary run to run)::

    12/07/2026 23:12:39 - INFO - __main__ -   ***** Eval results None *****
    12/07/2026 23:12:39 - INFO - __main__ -     eval_loss = 0.6927586793899536
    12/07/2026 23:12:39 - INFO - __main__ -     eval_accuracy = 0.59375
    12/07/2026 23:12:39 - INFO - __main__ -     epoch = 2.0

The closing ``trainer.evaluate()`` goes through ``Trainer.log`` (into ``log_history``) but
prints no dict: the training bar is closed by then; the block is its only print. It is a new
evaluation of the same model on the same rows, so its values equal step 40's.

Truth: the framework's own record, never stdout: the Trainer's ``log_history`` as the
checkpoint's ``output/checkpoint-40/trainer_state.json`` keeps it (every log of the training,
the evaluations at steps 20 and 40 included), then the closing evaluation as the script
writes it to ``output/eval_results_None.txt`` (``f"{key} = {value}"``, full reprs), at the
last step, 40. Both files are listed in ``files``. Judgement calls:
- Names as the Trainer keys them (and prints them): ``loss``, ``learning_rate``,
  ``eval_loss``, ``eval_accuracy``. ``eval_loss``/``eval_accuracy`` have 3 values each
  (steps 20, 40 and the closing evaluation at 40: one more entry of the in-memory
  ``log_history``, the result file its record; same model at the last two, so the same
  values, as ``hf_trainer_v4`` counts its closing evaluation).
- ``learning_rate`` is in the record and printed in every log dict: a metric, not ``also_ok``.
- ``epoch`` and ``step`` are the axis; ``total_flos`` is never printed (and 3.5.1 logs it
  after the checkpoint, so the file lacks it). The end of training's ``{'epoch': 2.0}`` holds
  no metric.
- Tolerance: none (exact): both the dicts and the result block print ``repr`` of the same
  Python floats the JSON file and the result file hold.
- Not metrics: the Trainer's ``Num examples = 320``, ``Num Epochs = 2``, ``Instantaneous
  batch size per device = 16``, ``Total optimization steps = 40``, ``Batch size = 8`` (the
  set-up), the ``Sample N`` dicts (a data row: ``'label': 1`` is a class id), the
  ``TrainingArguments(...)`` dump (settings).
- ``also_ok``: ``it/s`` (tqdm's rate; the Trainer keeps no record of it).
- Determinism: seeds 0 (the case's model and data) and 42 (the script's ``set_seed``), one
  thread: the values repeat; only times and rates vary.
"""
# zoo-venv: hfglue3

from __future__ import annotations

import csv
import json
import os
import random
import runpy
import sys
from pathlib import Path

os.environ["HF_DATASETS_CACHE"] = str(Path("hf_datasets_cache").resolve())  # before datasets

import torch
import transformers
from _truth import series, write_truth
from _verbatim import git_blob_id
from transformers import BertConfig, BertForSequenceClassification

SOURCE = "huggingface/transformers@v3.5.1 (d5b3e56d) examples/text-classification/run_glue.py"
BLOB = "9ae039d111ba4710b378b62294be74a343c2e479"
TRAIN_ROWS, DEV_ROWS = 320, 64
ARGS = ["--model_name_or_path", "tiny-bert", "--train_file", "sst2/train.csv",
        "--validation_file", "sst2/dev.csv", "--do_train", "--do_eval",
        "--num_train_epochs", "2", "--per_device_train_batch_size", "16",
        "--logging_steps", "10", "--evaluation_strategy", "steps", "--eval_steps", "20",
        "--save_steps", "40", "--max_seq_length", "32", "--output_dir", "output"]
STATE = "output/checkpoint-40/trainer_state.json"
RESULTS = "output/eval_results_None.txt"

POSITIVE = ["good", "great", "fine", "nice", "superb", "lovely"]
NEGATIVE = ["bad", "awful", "poor", "dull", "boring", "weak"]
NEUTRAL = ["the", "film", "movie", "story", "actors", "plot", "is", "was", "a", "very", "and",
           "it"]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *NEUTRAL, *POSITIVE, *NEGATIVE]


def write_model(folder: Path) -> None:
    """A tiny BERT classifier initialised from scratch, with its vocab.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(VOCAB), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64,
                        max_position_embeddings=64, num_labels=2)
    BertForSequenceClassification(config).save_pretrained(str(folder))


def write_sst2(folder: Path) -> None:
    """SST-2-shaped CSVs (sentence, label): neutral words around one word of the label."""
    rng = random.Random(0)
    folder.mkdir(parents=True, exist_ok=True)
    for name, count in (("train", TRAIN_ROWS), ("dev", DEV_ROWS)):
        rows = []
        for _ in range(count):
            label = rng.randint(0, 1)
            words = [rng.choice(NEUTRAL) for _ in range(rng.randint(3, 8))]
            words.insert(rng.randint(0, len(words)), rng.choice(POSITIVE if label else NEGATIVE))
            rows.append((" ".join(words), label))
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["sentence", "label"])
            writer.writerows(rows)


def truth_pairs() -> dict[str, list]:
    """(step, value) of every metric: the checkpoint's log history, then the closing
    evaluation's result file at the last step."""
    with open(STATE, encoding="utf-8") as handle:
        state = json.load(handle)
    pairs: dict[str, list] = {}
    for entry in state["log_history"]:
        for name, value in entry.items():
            if name not in ("epoch", "step", "total_flos"):
                pairs.setdefault(name, []).append((entry["step"], value))
    with open(RESULTS, encoding="utf-8") as handle:
        for line in handle:
            name, _, value = line.strip().partition(" = ")
            if name != "epoch":
                pairs.setdefault(name, []).append((state["global_step"], float(value)))
    return pairs


def main() -> None:
    if git_blob_id(RUN_GLUE_PY) != BLOB:
        sys.exit(f"run_glue.py is not {SOURCE}")
    Path("run_glue.py").write_text(RUN_GLUE_PY, encoding="utf-8")
    write_model(Path("tiny-bert"))
    write_sst2(Path("sst2"))
    sys.argv = ["run_glue.py", *ARGS]
    runpy.run_path("run_glue.py", run_name="__main__")
    pairs = truth_pairs()
    write_truth("transformers", f"{transformers.__version__} (run_glue.py at v3.5.1; "
                f"torch {torch.__version__})", f"{STATE} log_history, then {RESULTS}",
                {name: series(values, "step") for name, values in pairs.items()},
                files=[STATE, RESULTS], also_ok=["it/s"])


# run_glue.py at v3.5.1, verbatim
RUN_GLUE_PY = r'''# coding=utf-8
# Copyright 2020 The HuggingFace Inc. team. All rights reserved.
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
""" Finetuning the library models for sequence classification on GLUE."""
# You can also adapt this script on your own text classification task. Pointers for this are left as comments.

import logging
import os
import random
import sys
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from datasets import load_dataset, load_metric

import transformers
from transformers import (
    AutoConfig,
    AutoModelForSequenceClassification,
    AutoTokenizer,
    EvalPrediction,
    HfArgumentParser,
    PretrainedConfig,
    Trainer,
    TrainingArguments,
    default_data_collator,
    set_seed,
)
from transformers.trainer_utils import is_main_process


task_to_keys = {
    "cola": ("sentence", None),
    "mnli": ("premise", "hypothesis"),
    "mrpc": ("sentence1", "sentence2"),
    "qnli": ("question", "sentence"),
    "qqp": ("question1", "question2"),
    "rte": ("sentence1", "sentence2"),
    "sst2": ("sentence", None),
    "stsb": ("sentence1", "sentence2"),
    "wnli": ("sentence1", "sentence2"),
}

logger = logging.getLogger(__name__)


@dataclass
class DataTrainingArguments:
    """
    Arguments pertaining to what data we are going to input our model for training and eval.

    Using `HfArgumentParser` we can turn this class
    into argparse arguments to be able to specify them on
    the command line.
    """

    task_name: Optional[str] = field(
        default=None,
        metadata={"help": "The name of the task to train on: " + ", ".join(task_to_keys.keys())},
    )
    max_seq_length: int = field(
        default=128,
        metadata={
            "help": "The maximum total input sequence length after tokenization. Sequences longer "
            "than this will be truncated, sequences shorter will be padded."
        },
    )
    overwrite_cache: bool = field(
        default=False, metadata={"help": "Overwrite the cached preprocessed datasets or not."}
    )
    pad_to_max_length: bool = field(
        default=True,
        metadata={
            "help": "Whether to pad all samples to `max_seq_length`. "
            "If False, will pad the samples dynamically when batching to the maximum length in the batch."
        },
    )
    train_file: Optional[str] = field(
        default=None, metadata={"help": "A csv or a json file containing the training data."}
    )
    validation_file: Optional[str] = field(
        default=None, metadata={"help": "A csv or a json file containing the validation data."}
    )

    def __post_init__(self):
        if self.task_name is not None:
            self.task_name = self.task_name.lower()
            if self.task_name not in task_to_keys.keys():
                raise ValueError("Unknown task, you should pick one in " + ",".join(task_to_keys.keys()))
        elif self.train_file is None or self.validation_file is None:
            raise ValueError("Need either a GLUE task or a training/validation file.")
        else:
            extension = self.train_file.split(".")[-1]
            assert extension in ["csv", "json"], "`train_file` should be a csv or a json file."
            extension = self.validation_file.split(".")[-1]
            assert extension in ["csv", "json"], "`validation_file` should be a csv or a json file."


@dataclass
class ModelArguments:
    """
    Arguments pertaining to which model/config/tokenizer we are going to fine-tune from.
    """

    model_name_or_path: str = field(
        metadata={"help": "Path to pretrained model or model identifier from huggingface.co/models"}
    )
    config_name: Optional[str] = field(
        default=None, metadata={"help": "Pretrained config name or path if not the same as model_name"}
    )
    tokenizer_name: Optional[str] = field(
        default=None, metadata={"help": "Pretrained tokenizer name or path if not the same as model_name"}
    )
    cache_dir: Optional[str] = field(
        default=None, metadata={"help": "Where do you want to store the pretrained models downloaded from s3"}
    )
    use_fast_tokenizer: bool = field(
        default=True,
        metadata={"help": "Whether to use one of the fast tokenizer (backed by the tokenizers library) or not."},
    )


def main():
    # See all possible arguments in src/transformers/training_args.py
    # or by passing the --help flag to this script.
    # We now keep distinct sets of args, for a cleaner separation of concerns.

    parser = HfArgumentParser((ModelArguments, DataTrainingArguments, TrainingArguments))
    if len(sys.argv) == 2 and sys.argv[1].endswith(".json"):
        # If we pass only one argument to the script and it's the path to a json file,
        # let's parse it to get our arguments.
        model_args, data_args, training_args = parser.parse_json_file(json_file=os.path.abspath(sys.argv[1]))
    else:
        model_args, data_args, training_args = parser.parse_args_into_dataclasses()

    if (
        os.path.exists(training_args.output_dir)
        and os.listdir(training_args.output_dir)
        and training_args.do_train
        and not training_args.overwrite_output_dir
    ):
        raise ValueError(
            f"Output directory ({training_args.output_dir}) already exists and is not empty. "
            "Use --overwrite_output_dir to overcome."
        )

    # Setup logging
    logging.basicConfig(
        format="%(asctime)s - %(levelname)s - %(name)s -   %(message)s",
        datefmt="%m/%d/%Y %H:%M:%S",
        level=logging.INFO if is_main_process(training_args.local_rank) else logging.WARN,
    )

    # Log on each process the small summary:
    logger.warning(
        f"Process rank: {training_args.local_rank}, device: {training_args.device}, n_gpu: {training_args.n_gpu}"
        + f"distributed training: {bool(training_args.local_rank != -1)}, 16-bits training: {training_args.fp16}"
    )
    # Set the verbosity to info of the Transformers logger (on main process only):
    if is_main_process(training_args.local_rank):
        transformers.utils.logging.set_verbosity_info()
    logger.info(f"Training/evaluation parameters {training_args}")

    # Set seed before initializing model.
    set_seed(training_args.seed)

    # Get the datasets: you can either provide your own CSV/JSON training and evaluation files (see below)
    # or specify a GLUE benchmark task (the dataset will be downloaded automatically from the datasets Hub).
    #
    # For CSV/JSON files, this script will use as labels the column called 'label' and as pair of sentences the
    # sentences in columns called 'sentence1' and 'sentence2' if such column exists or the first two columns not named
    # label if at least two columns are provided.
    #
    # If the CSVs/JSONs contain only one non-label column, the script does single sentence classification on this
    # single column. You can easily tweak this behavior (see below)
    #
    # In distributed training, the load_dataset function guarantee that only one local process can concurrently
    # download the dataset.
    if data_args.task_name is not None:
        # Downloading and loading a dataset from the hub.
        datasets = load_dataset("glue", data_args.task_name)
    elif data_args.train_file.endswith(".csv"):
        # Loading a dataset from local csv files
        datasets = load_dataset(
            "csv", data_files={"train": data_args.train_file, "validation": data_args.validation_file}
        )
    else:
        # Loading a dataset from local json files
        datasets = load_dataset(
            "json", data_files={"train": data_args.train_file, "validation": data_args.validation_file}
        )
    # See more about loading any type of standard or custom dataset at
    # https://huggingface.co/docs/datasets/loading_datasets.html.

    # Labels
    if data_args.task_name is not None:
        is_regression = data_args.task_name == "stsb"
        if not is_regression:
            label_list = datasets["train"].features["label"].names
            num_labels = len(label_list)
        else:
            num_labels = 1
    else:
        # Trying to have good defaults here, don't hesitate to tweak to your needs.
        is_regression = datasets["train"].features["label"].dtype in ["float32", "float64"]
        if is_regression:
            num_labels = 1
        else:
            # A useful fast method:
            # https://huggingface.co/docs/datasets/package_reference/main_classes.html#datasets.Dataset.unique
            label_list = datasets["train"].unique("label")
            label_list.sort()  # Let's sort it for determinism
            num_labels = len(label_list)

    # Load pretrained model and tokenizer
    #
    # In distributed training, the .from_pretrained methods guarantee that only one local process can concurrently
    # download model & vocab.
    config = AutoConfig.from_pretrained(
        model_args.config_name if model_args.config_name else model_args.model_name_or_path,
        num_labels=num_labels,
        finetuning_task=data_args.task_name,
        cache_dir=model_args.cache_dir,
    )
    tokenizer = AutoTokenizer.from_pretrained(
        model_args.tokenizer_name if model_args.tokenizer_name else model_args.model_name_or_path,
        cache_dir=model_args.cache_dir,
        use_fast=model_args.use_fast_tokenizer,
    )
    model = AutoModelForSequenceClassification.from_pretrained(
        model_args.model_name_or_path,
        from_tf=bool(".ckpt" in model_args.model_name_or_path),
        config=config,
        cache_dir=model_args.cache_dir,
    )

    # Preprocessing the datasets
    if data_args.task_name is not None:
        sentence1_key, sentence2_key = task_to_keys[data_args.task_name]
    else:
        # Again, we try to have some nice defaults but don't hesitate to tweak to your use case.
        non_label_column_names = [name for name in datasets["train"].column_names if name != "label"]
        if "sentence1" in non_label_column_names and "sentence2" in non_label_column_names:
            sentence1_key, sentence2_key = "sentence1", "sentence2"
        else:
            if len(non_label_column_names) >= 2:
                sentence1_key, sentence2_key = non_label_column_names[:2]
            else:
                sentence1_key, sentence2_key = non_label_column_names[0], None

    # Padding strategy
    if data_args.pad_to_max_length:
        padding = "max_length"
        max_length = data_args.max_seq_length
    else:
        # We will pad later, dynamically at batch creation, to the max sequence length in each batch
        padding = False
        max_length = None

    # Some models have set the order of the labels to use, so let's make sure we do use it.
    label_to_id = None
    if (
        model.config.label2id != PretrainedConfig(num_labels=num_labels).label2id
        and data_args.task_name is not None
        and is_regression
    ):
        # Some have all caps in their config, some don't.
        label_name_to_id = {k.lower(): v for k, v in model.config.label2id.items()}
        if list(sorted(label_name_to_id.keys())) == list(sorted(label_list)):
            label_to_id = {i: label_name_to_id[label_list[i]] for i in range(num_labels)}
        else:
            logger.warn(
                "Your model seems to have been trained with labels, but they don't match the dataset: ",
                f"model labels: {list(sorted(label_name_to_id.keys()))}, dataset labels: {list(sorted(label_list))}."
                "\nIgnoring the model labels as a result.",
            )
    elif data_args.task_name is None:
        label_to_id = {v: i for i, v in enumerate(label_list)}

    def preprocess_function(examples):
        # Tokenize the texts
        args = (
            (examples[sentence1_key],) if sentence2_key is None else (examples[sentence1_key], examples[sentence2_key])
        )
        result = tokenizer(*args, padding=padding, max_length=max_length, truncation=True)

        # Map labels to IDs (not necessary for GLUE tasks)
        if label_to_id is not None and "label" in examples:
            result["label"] = [label_to_id[l] for l in examples["label"]]
        return result

    datasets = datasets.map(preprocess_function, batched=True, load_from_cache_file=not data_args.overwrite_cache)

    train_dataset = datasets["train"]
    eval_dataset = datasets["validation_matched" if data_args.task_name == "mnli" else "validation"]
    if data_args.task_name is not None:
        test_dataset = datasets["test_matched" if data_args.task_name == "mnli" else "test"]

    # Log a few random samples from the training set:
    for index in random.sample(range(len(train_dataset)), 3):
        logger.info(f"Sample {index} of the training set: {train_dataset[index]}.")

    # Get the metric function
    if data_args.task_name is not None:
        metric = load_metric("glue", data_args.task_name)
    # TODO: When datasets metrics include regular accuracy, make an else here and remove special branch from
    # compute_metrics

    # You can define your custom compute_metrics function. It takes an `EvalPrediction` object (a namedtuple with a
    # predictions and label_ids field) and has to return a dictionary string to float.
    def compute_metrics(p: EvalPrediction):
        preds = p.predictions[0] if isinstance(p.predictions, tuple) else p.predictions
        preds = np.squeeze(preds) if is_regression else np.argmax(preds, axis=1)
        if data_args.task_name is not None:
            result = metric.compute(predictions=preds, references=p.label_ids)
            if len(result) > 1:
                result["combined_score"] = np.mean(list(result.values())).item()
            return result
        elif is_regression:
            return {"mse": ((preds - p.label_ids) ** 2).mean().item()}
        else:
            return {"accuracy": (preds == p.label_ids).astype(np.float32).mean().item()}

    # Initialize our Trainer
    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=train_dataset,
        eval_dataset=eval_dataset if training_args.do_eval else None,
        compute_metrics=compute_metrics,
        tokenizer=tokenizer,
        # Data collator will default to DataCollatorWithPadding, so we change it if we already did the padding.
        data_collator=default_data_collator if data_args.pad_to_max_length else None,
    )

    # Training
    if training_args.do_train:
        trainer.train(
            model_path=model_args.model_name_or_path if os.path.isdir(model_args.model_name_or_path) else None
        )
        trainer.save_model()  # Saves the tokenizer too for easy upload

    # Evaluation
    eval_results = {}
    if training_args.do_eval:
        logger.info("*** Evaluate ***")

        # Loop to handle MNLI double evaluation (matched, mis-matched)
        tasks = [data_args.task_name]
        eval_datasets = [eval_dataset]
        if data_args.task_name == "mnli":
            tasks.append("mnli-mm")
            eval_datasets.append(datasets["validation_mismatched"])

        for eval_dataset, task in zip(eval_datasets, tasks):
            eval_result = trainer.evaluate(eval_dataset=eval_dataset)

            output_eval_file = os.path.join(training_args.output_dir, f"eval_results_{task}.txt")
            if trainer.is_world_process_zero():
                with open(output_eval_file, "w") as writer:
                    logger.info(f"***** Eval results {task} *****")
                    for key, value in eval_result.items():
                        logger.info(f"  {key} = {value}")
                        writer.write(f"{key} = {value}\n")

            eval_results.update(eval_result)

    if training_args.do_predict:
        logger.info("*** Test ***")

        # Loop to handle MNLI double evaluation (matched, mis-matched)
        tasks = [data_args.task_name]
        test_datasets = [test_dataset]
        if data_args.task_name == "mnli":
            tasks.append("mnli-mm")
            test_datasets.append(datasets["test_mismatched"])

        for test_dataset, task in zip(test_datasets, tasks):
            # Removing the `label` columns because it contains -1 and Trainer won't like that.
            test_dataset.remove_columns_("label")
            predictions = trainer.predict(test_dataset=test_dataset).predictions
            predictions = np.squeeze(predictions) if is_regression else np.argmax(predictions, axis=1)

            output_test_file = os.path.join(training_args.output_dir, f"test_results_{task}.txt")
            if trainer.is_world_process_zero():
                with open(output_test_file, "w") as writer:
                    logger.info(f"***** Test results {task} *****")
                    writer.write("index\tprediction\n")
                    for index, item in enumerate(predictions):
                        if is_regression:
                            writer.write(f"{index}\t{item:3.3f}\n")
                        else:
                            item = label_list[item]
                            writer.write(f"{index}\t{item}\n")
    return eval_results


def _mp_fn(index):
    # For xla_spawn (TPUs)
    main()


if __name__ == "__main__":
    main()
'''  # noqa: E501


if __name__ == "__main__":
    main()
