"""lm-evaluation-harness (EleutherAI's ``lm_eval``: the evaluator LLM papers, the Open LLM
Leaderboard and most fine-tuning recipes run after training) on a 2-layer GPT-2 built from
a config with a word-level tokenizer made on the spot (nothing downloaded), over three local
tasks defined in YAML as a user defines their own (``--include_path``): ``colours``, a
multiple-choice task (``acc``, ``acc_norm``), ``sums``, a generation task scored by
``exact_match`` under two filters (``strict-match``, ``flexible-extract``), and the group
``quiz`` of two multiple-choice members (``quiz_a``, ``quiz_b``) with a mean ``acc``. The
command is the one its README gives: ``lm_eval --model hf --model_args pretrained=DIR
--tasks colours,sums,quiz --output_path out``. It prints its records through Python logging
(``2026-12-06:12:38:14 INFO     [evaluator:589] Running loglikelihood requests``: the logger
and its line, no value), tqdm bars, and at the end the results table (and a ``Groups``
table for the group) in markdown.

Truth: the results file lm_eval writes (``out/<model>/results_<time>.json``, its
``results``): each task's and the group's ``<metric>,<filter>`` keys, named as the table
names them in docs/metrics.md (round ``tune33``: ``<task>/<metric>``, the filter joined
when it is not ``none``: ``sums/exact_match,strict-match``), printed to four decimals. The
group's members (the table's `` - quiz_a`` rows) are tasks of their own, recorded as the
table names them (``quiz_a/acc``; only a member's member, MMLU's subjects under its
categories, is a breakdown). The ``Groups`` table prints the group's row again: no second
observation. The ``*_stderr`` error bars and ``sample_len`` are in neither list. One
evaluation: one observation each.

# zoo-venv: lmeval
"""

import json
import os
import random
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import transformers
from _truth import write_truth
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

random.seed(0)
COLOURS = ["red", "green", "blue", "yellow", "black", "white"]
THINGS = ["sky", "grass", "sea", "sun", "night", "snow"]
WORDS = sorted(set(COLOURS + THINGS + ["the", "is", "what", "colour", "of", "question",
                                       "answer", "plus", ":", "?", "."]
                   + [str(i) for i in range(20)]))
vocab = {w: i for i, w in enumerate(["[UNK]", "[PAD]", "[EOS]", *WORDS])}
tokenizer = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
tokenizer.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(),
                                                   pre_tokenizers.Punctuation()])
transformers.set_seed(0)
model = GPT2LMHeadModel(GPT2Config(vocab_size=len(vocab), n_positions=64, n_embd=32,
                                   n_layer=2, n_head=2, bos_token_id=2, eos_token_id=2,
                                   pad_token_id=1))
model.save_pretrained("tiny-lm")
PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                        eos_token="[EOS]", bos_token="[EOS]").save_pretrained("tiny-lm")


def jsonl(path: str, rows: list[dict]) -> None:
    Path(path).write_text("".join(json.dumps(row) + "\n" for row in rows))


def choice_rows(count: int) -> list[dict]:
    return [{"question": f"what is the colour of the {random.choice(THINGS)} ?",
             "choices": random.sample(COLOURS, 4), "label": random.randrange(4)}
            for _ in range(count)]


Path("data").mkdir()
Path("tasks").mkdir()
jsonl("data/colours.jsonl", choice_rows(24))
jsonl("data/quiz_a.jsonl", choice_rows(16))
jsonl("data/quiz_b.jsonl", choice_rows(8))
jsonl("data/sums.jsonl", [{"question": f"what is {a} plus {b} ?", "answer": str(a + b)}
                          for a, b in ((random.randrange(10), random.randrange(10))
                                       for _ in range(12))])
CHOICE_TASK = """task: {name}
dataset_path: json
dataset_kwargs:
  data_files:
    test: data/{name}.jsonl
test_split: test
output_type: multiple_choice
doc_to_text: "question : {{{{question}}}} answer :"
doc_to_choice: "{{{{choices}}}}"
doc_to_target: label
metric_list:
{metrics}metadata:
  version: 1.0
"""
METRIC = "  - metric: {}\n    aggregation: mean\n    higher_is_better: true\n"
Path("tasks/colours.yaml").write_text(CHOICE_TASK.format(
    name="colours", metrics=METRIC.format("acc") + METRIC.format("acc_norm")))
for member in ("quiz_a", "quiz_b"):
    Path(f"tasks/{member}.yaml").write_text(CHOICE_TASK.format(name=member,
                                                               metrics=METRIC.format("acc")))
Path("tasks/quiz.yaml").write_text("""group: quiz
task:
  - quiz_a
  - quiz_b
aggregate_metric_list:
  - metric: acc
    aggregation: mean
    weight_by_size: true
metadata:
  version: 1.0
""")
Path("tasks/sums.yaml").write_text("""task: sums
dataset_path: json
dataset_kwargs:
  data_files:
    test: data/sums.jsonl
test_split: test
output_type: generate_until
doc_to_text: "question : {{question}} answer :"
doc_to_target: "{{answer}}"
generation_kwargs:
  until: ["."]
  max_gen_toks: 4
  do_sample: false
metric_list:
  - metric: exact_match
    aggregation: mean
    higher_is_better: true
filter_list:
  - name: strict-match
    filter:
      - function: regex
        regex_pattern: "(\\\\d+)"
      - function: take_first
  - name: flexible-extract
    filter:
      - function: regex
        group_select: -1
        regex_pattern: "(\\\\w+)"
      - function: take_first
metadata:
  version: 2.0
""")

env = dict(os.environ, HF_HOME=str(Path("hf-home").resolve()), HF_HUB_OFFLINE="1",
           HF_DATASETS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
subprocess.run([sys.executable, "-m", "lm_eval", "--model", "hf", "--model_args",
                "pretrained=./tiny-lm", "--tasks", "colours,sums,quiz", "--include_path",
                "./tasks", "--output_path", "out", "--device", "cpu", "--batch_size", "4"],
               check=True, env=env)

results = json.loads(next(Path("out").rglob("results_*.json")).read_text())["results"]
metrics = {}
for task in ("colours", "sums", "quiz", "quiz_a", "quiz_b"):
    for key, value in results[task].items():
        if "," not in key or "_stderr," in key:  # (alias, sample_len: no metric's keys)
            continue
        metric, _, filtered = key.partition(",")
        name = f"{task}/{metric}" if filtered == "none" else f"{task}/{key}"
        metrics[name] = {"key": "step", "values": [[None, float(value)]], "tolerance": 0.00005}
write_truth("lm-evaluation-harness", version("lm_eval"),
            "out/<model>/results_<time>.json 'results' (colours, sums, the group quiz and its "
            "members)",
            metrics)
