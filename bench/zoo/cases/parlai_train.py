"""ParlAI 1.7.2 (PyPI ``parlai``, its last release; Facebook AI's dialogue research
framework) training a tiny Transformer generator on its built-in ``integration_tests``
task, as its command line does: ``parlai train_model -t integration_tests -m
transformer/generator --n-layers 1 --embedding-size 16 --ffn-size 32 --n-heads 2 -bs 8
--max-train-steps 50 --validation-every-n-steps 20 --log-every-n-steps 10 -vmt ppl -vmm min
--seed 0 -mf <cwd>/model/model --datapath <cwd>/data``. It runs in a Python 3.9 venv
(ParlAI's time: it pins ``numpy~=1.23.0``) on torch 1.12.1, PyPI's cp39 wheel, a CUDA 10.2
build that carries its CUDA libraries and runs on the CPU (see requirements-parlai.txt).
``integration_tests`` is ``CandidateTeacher``: 500 training, 100 validation and 100 test
examples of 4 tokens generated in code from a 7-word vocabulary (``num words = 11`` with
ParlAI's 4 special tokens; nothing is downloaded, nothing written under ``--datapath``).
Default optimizer (SGD, lr 1) and ``--validation-metric ppl`` with mode ``min`` (ParlAI's
default ``accuracy`` stays 0 on so short a run, so the best model would never change).
About 10 s of CPU.

Run in-process: ``parlai.__main__.main()`` with ``sys.argv = ['parlai', ...]`` is exactly what
the ``parlai`` console script calls. The case seeds ``random``, numpy and torch with 0 first,
because ``--seed`` seeds ``random`` and torch only after ``TrainLoop`` has built (and so
initialised) the model (``TrainModel.run``): without that the values change from run to
run; with it they repeat (pipe and pty give the same record), only the clocks vary.

What it prints (ParlAI's logger writes to stdout: in a pipe ``2026-12-07 17:46:49,677 INFO
|``, under a terminal coloredlogs' ``17:37:43 |`` with bold ``valid:`` and green ``new
best`` lines): ``building dictionary first...``, the ``Opt:`` dump (every option, ``
activation: relu``, ``adam_eps: 1e-08``, ``learningrate: 1``, ... about 160 lines, printed
twice: for the dictionary and for the model), a tqdm bar on stderr (``Building dictionary:
100%|...| 500/500``), ``num words = 11``, ``Total parameters: 38,512 (5,744 trainable)``,
``training...``; every 10 steps a line and the report that ``parlai.utils.misc.nice_report``
renders with pandas (``DataFrame.to_string`` wrapped at the terminal's width, 88 columns in
a pipe, ``shutil.get_terminal_size``'s fallback, 120 in the pty; each wrapped block but the
last ends in `` \\``)::

    2026-12-07 17:49:18,309 INFO     | time:0s total_exs:80 total_steps:10 epochs:0.16 time_left:0s
        clen  clip  ctpb  ctps  ctrunc  ctrunclen  exps  exs  gnorm  llen  loss  lr  ltpb  \\
           4     1    32  5240       0          0  1306   80  1.558     5 2.511   1    40
        ltps  ltrunc  ltrunclen   ppl  token_acc  token_em  total_train_updates  tpb  \\
        6549       0          0 12.32      .0825         0                   10   72
         tps   ups
       11790 164.5

(values by ``float_formatter``: ints as they are, floats from 1000 on to the integer, others
``%.4g`` with the leading ``0`` dropped: ``.0825``). Every 20 steps ``running eval: valid``,
``eval completed in 4.67s``, ``REPORT   | valid:`` over the same kind of table (``accuracy
bleu-4 clen ... f1 gen_n_toks ... precision recall token_acc ...``), then ``new best ppl:
7.46`` (``new best ppl: 5.78 (previous best was 7.46)``) and ``saving best valid model:
...``. After 50 steps ``max_train_steps elapsed:50 time elapsed:6.9596734046936035s``
(the step-50 report is not printed: the loop stops before it logs), the best model is
loaded again and ``valid:`` and ``test:`` reports close the run.

Truth: ParlAI's own record, ``<model_file>.trainstats`` (JSON that ``TrainLoop.save_model``
writes): ``train_reports`` (each logged report, ``dict_report`` of the very report printed,
full precision), ``valid_reports`` (each validation's), ``final_valid_report`` and
``final_test_report``. Nothing is parsed from stdout; the file is in ``files`` (exptrack
reads no such file). Judgement calls:
- Names as ParlAI keys them and prints them as the table's header (``loss``, ``ppl``,
  ``token_acc``, ``bleu-4``, ...). The training tables carry no phase word: bare names. The
  validation and test tables are headed ``valid:`` and ``test:`` (a phase label on its own
  line over the table), so their names are ``valid_loss``, ``test_f1``, ... (docs/metrics.md:
  a phase label prefixes every name after it).
- Counts: 4 training reports (steps 10-40), 3 ``valid:`` tables (the validations at steps 20
  and 40, then the final one of the best model reloaded; ``valid_reports`` plus
  ``final_valid_report``), 1 ``test:`` table.
- Axis ``step``: each report's ``total_train_updates`` (the final reports' is the best
  model's, 40).
- Every key of a report is a metric except throughput (``exps``, ``ups``, ``ctps``,
  ``ltps``, ``tps``: per second), batch sizes (``exs``, the examples since the last report;
  ``ctpb``, ``ltpb``, ``tpb``, tokens a batch) and the step counter
  (``total_train_updates``), each phase's: ``also_ok``, as fairseq_lm judges ``wps``,
  ``ups``, ``wpb``, ``bsz`` and ``num_updates``. ``lr`` (in every phase's report: the
  learning rate when it ran), ``clip`` (the fraction of updates clipped), ``clen``/``llen``
  (mean context/label length) and ``ctrunc``/``ctrunclen``/``ltrunc``/``ltrunclen``
  (truncation rates and lengths) are ParlAI's own report metrics, kept in its record: truth.
  ``accuracy`` and ``token_em`` stay 0 and ``bleu-4`` is about 1e-8 on so short a run: as
  recorded.
- Tolerance: ``float_formatter`` rounds to 4 significant digits (to the integer from 1000
  on): rel 5e-4 for every metric.
- ``also_ok`` also: the progress line's ``time``, ``time_left`` (clocks), ``total_exs``,
  ``total_steps`` and ``epochs`` (counters, the axes); ``time_elapsed`` (``max_train_steps
  elapsed:50 time elapsed:6.96s``, the training clock); ``best_ppl`` (``new best ppl: 5.78
  (previous best was 7.46)``: a running best printed again).
- Not metrics: the ``Opt:`` dump (settings: ``learningrate: 1``, ``validation_patience:
  10``, ``topp: 0.9``, ...), ``num words = 11``, ``Total parameters: 38,512 (5,744
  trainable)``, ``dictionary built with 11 tokens in 0.0s``, ``eval completed in 1.93s``.
"""
# zoo-venv: parlai

import json
import os
import random
import sys
from importlib.metadata import version

import numpy as np
import torch
from _truth import series, write_truth
from parlai.__main__ import main as parlai_main

MODEL_FILE = os.path.join(os.getcwd(), "model", "model")
ARGS = ["train_model", "-t", "integration_tests", "-m", "transformer/generator",
        "--n-layers", "1", "--embedding-size", "16", "--ffn-size", "32", "--n-heads", "2",
        "-bs", "8", "--max-train-steps", "50", "--validation-every-n-steps", "20",
        "--log-every-n-steps", "10", "-vmt", "ppl", "-vmm", "min", "--seed", "0",
        "-mf", MODEL_FILE, "--datapath", os.path.join(os.getcwd(), "data")]

# the console script `parlai` is parlai.__main__:main; seeded first, as --seed seeds random
# and torch only after TrainLoop has built the model (TrainModel.run)
random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
sys.argv = ["parlai", *ARGS]
parlai_main()

# truth: the training loop's own record, <model_file>.trainstats (TrainLoop.save_model)
with open(MODEL_FILE + ".trainstats", encoding="utf-8") as handle:
    stats = json.load(handle)

THROUGHPUT = ("exps", "ups", "ctps", "ltps", "tps")  # per second
BATCH = ("exs", "ctpb", "ltpb", "tpb")  # examples since the last report, tokens a batch
COUNTER = ("total_train_updates",)  # the step
# what TrainLoop adds to a report in the record (not in the printed table)
BOOKKEEPING = ("total_epochs", "total_exs", "parleys", "train_steps", "train_time")
TOLERANCE = 5e-4  # float_formatter: 4 significant digits ('%.4g'), integers from 1000 on

phases = [("", stats["train_reports"]),
          ("valid_", [*stats["valid_reports"], stats["final_valid_report"]]),
          ("test_", [stats["final_test_report"]])]
assert [len(reports) for _, reports in phases] == [4, 3, 1], stats.keys()
metrics: dict = {}
also_ok: list[str] = ["time", "time_left", "total_exs", "total_steps", "epochs",
                      "time_elapsed", "best_ppl"]
for prefix, reports in phases:
    pairs: dict[str, list] = {}
    for report in reports:
        for key, value in report.items():
            if key in BOOKKEEPING:
                continue
            if key in THROUGHPUT or key in BATCH or key in COUNTER:
                if prefix + key not in also_ok:
                    also_ok.append(prefix + key)
                continue
            pairs.setdefault(key, []).append((report["total_train_updates"], value))
    for key, values in pairs.items():
        metrics[prefix + key] = series(values, "step", rel_tolerance=TOLERANCE)

write_truth("ParlAI", version("parlai"),
            "parlai train_model's <model_file>.trainstats (TrainLoop.save_model): "
            "train_reports (bare names), valid_reports + final_valid_report (valid_), "
            "final_test_report (test_); each report's total_train_updates the step",
            metrics, files=["model/model.trainstats"], also_ok=also_ok,
            notes=f"torch {torch.__version__} on the CPU, Python {sys.version.split()[0]}; "
                  "the final valid/test reports are of the best model (lowest valid ppl) "
                  "reloaded, their step its total_train_updates")
