"""Meta's DLRM reference implementation (facebookresearch/dlrm, no PyPI release and no tag:
repository commit 090956ee2319ddd349a42232958aefccfe3f7b0a, 2025-10-02, its main branch; the
README's "Version 1.0"), its ``dlrm_s_pytorch.py`` ("Train Deep Learning Recommendation Model
(DLRM)") on the CPU with its built-in random data, with torch 2.13.0 (the CPU build),
scikit-learn 1.9.1, TensorBoard 2.21.0 and mlperf-logging 4.1.68. Unpack the repository under
``$ZOO_REPOS/dlrm`` (default ``~/.cache/exptrack-zoo/repos/dlrm``; ``git archive 090956ee |
tar -x -C ...``). The case checks the nine files the script needs against their git blob ids
(``BLOBS``: ``dlrm_s_pytorch.py``, ``dlrm_data_pytorch.py``, ``data_utils.py``,
``data_loader_terabyte.py``, ``extend_distributed.py``, ``mlperf_logger.py``,
``optim/rwsadagrad.py``, ``tricks/md_embedding_bag.py``, ``tricks/qr_embedding_bag.py``),
copies them unchanged into the run's cwd in the repository's layout (``mlperf_logger.py``
writes its ``dlrm.log`` beside itself: so it lands in the run's folder, not in the shared
checkout) and runs ``python dlrm_s_pytorch.py ...`` there in a subprocess, stdout and stderr
inherited. No line of the script is changed or added: it keeps its own record (below).
Flags: the shape of the README's random-data command (``--data-generation=random
--loss-function=bce --round-targets=True ... --print-freq=2 --print-time --test-freq=2
--test-mini-batch-size=2048 --num-batches=100``), small: ``--arch-sparse-feature-size=16
--arch-embedding-size=1000-1000-1000-1000 --arch-mlp-bot=13-64-16 --arch-mlp-top=64-32-1``
(the script puts the 26 dot interactions in front of the top MLP), ``--learning-rate=0.1``
(the Kaggle script's), ``--mini-batch-size=128 --num-batches=40 --nepochs=2 --print-freq=5
--print-time --test-freq=20 --test-mini-batch-size=128`` and ``--mlperf-logging`` (the richer
test line: recall, precision, F1, AP, AUC and accuracy from ``sklearn.metrics``; without it
the test line is only `` accuracy 50.000 %, best 50.000 %``). ``--round-targets=True``
makes the random click targets 0/1 (sklearn's recall and precision need binary targets).
Data: ``RandomDataset`` draws each batch from numpy's global generator (uniform dense
features, 1-10 random indices a table, targets ``round(rand)``), reset to
``--numpy-rand-seed`` (123, the default; it also seeds torch) at each dataset's first batch;
the test set is a second ``RandomDataset`` of the same size and batch (``--test-mini-batch-
size`` is not used for random data). Nothing is downloaded; about 15 s a run here. The values
repeat run to run; the times do not.

What it prints (stdout; stderr is empty): ``world size: 1, current rank: 0, local rank: 0``,
``Using CPU...``, the ``command line args:  {...}`` JSON of every option, ``time/loss/accuracy
(if enabled):``, 37 MLPerf ``:::MLLOG {"namespace": "", "time_ms": ..., "event_type":
"POINT_IN_TIME", "key": "seed", "value": 123, "metadata": {...}}`` lines (submission
fields, seed, batch size, the learning-rate schedule's settings, block/epoch/eval
start and stop; ``mllog`` also writes them to ``dlrm.log``), and every 5 training batches::

    Finished training it 5/40 of epoch 0, 7.09 ms/it, loss 0.789925

(``{:.2f} ms/it`` the mean time between iterations, ``{:.6f}`` the mean BCE loss over the
batches since the last line), and every 20 batches two lines (the second one line, wrapped
here)::

    Testing at - 20/40 of epoch 0,
    recall 0.4441, precision 0.5205, f1 0.4793, ap 0.5219, auc 0.4975, best auc 0.4975,
    accuracy 49.961 %, best accuracy 0.000 %

Truth: DLRM's own record, the TensorBoard event file its ``SummaryWriter`` writes under
``./run_kaggle_pt/`` (``--tensor-board-filename``'s default; listed in ``files``), read with
``_records.tb_folder`` (TensorBoard's loader): ``writer.add_scalar("Train/Loss", train_loss,
log_iter)`` right after each training line (the very ``train_loss`` it prints) and, in
``inference()``, ``add_scalar("mlperf-metrics-test/" + metric_name, ...)`` of each of
``validation_results``' ``recall``, ``precision``, ``f1``, ``ap``, ``roc_auc``, ``accuracy``
(the very values the test line formats), at ``log_iter = nbatches * epoch + batch``. Nothing
is parsed from stdout. Judgement calls:
- Names as printed: ``loss`` (16 values) and the test line's ``recall``, ``precision``,
  ``f1``, ``ap``, ``auc``, ``accuracy`` (4 values each). The line holds no phase word (the
  ``Testing at - 20/40 of epoch 0,`` line before it says what it is), so no ``test_`` prefix,
  as the event file's ``mlperf-metrics-test/recall`` is the printed ``recall`` under its
  logger's group. ``auc`` is the dict's and tag's ``roc_auc``: printed ``auc``, so named
  ``auc``.
- ``accuracy`` as printed, in percent (``{:3.3f} %`` of ``accuracy * 100``): the record's
  fraction times 100. The others as recorded.
- Every scalar tag is also a ``file_metrics`` series under its tag (``Train/Loss``,
  ``mlperf-metrics-test/roc_auc``, ``mlperf-metrics-test/accuracy`` as a fraction, ...), as
  ``cleanrl_dqn`` keeps its tags: with the file read, its series stands for the printed one
  it merges with.
- Axis ``step``: the event file's ``log_iter``, the batch counted over both epochs (5, 10, ..,
  80; the tests at 20, 40, 60, 80). The lines print the batch within the epoch
  (``it 5/40 of epoch 1`` is step 45).
- Tolerances: half a unit of the printed rounding (``loss`` 5e-7, the four-decimal ones
  5e-5, ``accuracy`` 5e-4) plus ``rel_tolerance`` 1e-7 for the event file's float32
  (``loss`` is a float32 already; sklearn's float64 values are rounded to float32 there).
- ``also_ok``: ``ms/it`` (timing: ``--print-time``'s mean iteration time, kept nowhere),
  ``best_auc`` and ``best_accuracy`` (running bests printed again: no series of their own;
  in this mode both are off anyway: ``run()`` never takes the best back from
  ``inference()``, so ``best auc`` repeats the current ``auc`` and ``best accuracy`` stays
  ``0.000 %``, the script's own behaviour with ``--mlperf-logging``).
- Not metrics: the ``it 5/40``/``epoch 0`` counters, the ``command line args`` JSON
  (settings), and the ``:::MLLOG`` events (settings and interval marks; this script logs no
  ``eval_accuracy`` event, so ``dlrm.log`` holds no metric and is not listed).
"""
# zoo-venv: dlrm

import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from _records import tb_folder
from _truth import series, write_truth
from _verbatim import first_changed

REPO = "facebookresearch/dlrm"
COMMIT = "090956ee2319ddd349a42232958aefccfe3f7b0a"
# the files dlrm_s_pytorch.py imports (and it), each to its git blob id at COMMIT
BLOBS = {"dlrm_s_pytorch.py": "e1b42b74662a96c8d320ae58e13c1da0272e432a",
         "dlrm_data_pytorch.py": "40ce9419ca79c93483e8ee1f1f60af81cea3cae2",
         "data_utils.py": "a0dbdd284ed570a19a344756bc754e7ad2f17aba",
         "data_loader_terabyte.py": "e639886d26029d5dcc024dc6cacb80fb4afc2f34",
         "extend_distributed.py": "fe77dedf63264a56964dd7f1f3923fb63af16d05",
         "mlperf_logger.py": "326a2994b08e23d29ad4a96d752fc5024047b852",
         "optim/rwsadagrad.py": "e474e9fbb2ef5ff6e619b17eb0ce635e095c3225",
         "tricks/md_embedding_bag.py": "796b852fbda23e932432565f8e92538aa7ae56d5",
         "tricks/qr_embedding_bag.py": "7c34b488a60881fe110529b6cbcda1d996a2865f"}
ARGS = ["--arch-sparse-feature-size=16", "--arch-embedding-size=1000-1000-1000-1000",
        "--arch-mlp-bot=13-64-16", "--arch-mlp-top=64-32-1", "--data-generation=random",
        "--loss-function=bce", "--round-targets=True", "--learning-rate=0.1",
        "--mini-batch-size=128", "--num-batches=40", "--nepochs=2", "--print-freq=5",
        "--print-time", "--test-freq=20", "--test-mini-batch-size=128", "--mlperf-logging"]
BATCHES, EPOCHS, PRINT_FREQ, TEST_FREQ = 40, 2, 5, 20
# the test line's printed names -> their validation_results keys (the tags' last part)
TEST_NAMES = {"recall": "recall", "precision": "precision", "f1": "f1", "ap": "ap",
              "auc": "roc_auc", "accuracy": "accuracy"}
FLOAT32 = 1e-7  # the event file's float32, relative

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "dlrm"
if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"{repo / rel} is not {REPO}'s at {COMMIT} (git archive {COMMIT[:8]} | tar -x -C "
             f"{repo})")
for rel in BLOBS:  # the repository's layout in the cwd, unchanged
    Path(rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repo / rel, rel)

subprocess.run([sys.executable, "dlrm_s_pytorch.py", *ARGS], check=True)

# --- the truth: the SummaryWriter's event file ---
event_files, found = tb_folder("run_kaggle_pt")
steps = [PRINT_FREQ * (i + 1) for i in range(EPOCHS * BATCHES // PRINT_FREQ)]
tests = [TEST_FREQ * (i + 1) for i in range(EPOCHS * BATCHES // TEST_FREQ)]
assert [step for step, _ in found["Train/Loss"]] == steps, found["Train/Loss"]
metrics = {"loss": series(found["Train/Loss"], "step", tolerance=5e-7, rel_tolerance=FLOAT32)}
for name, key in TEST_NAMES.items():
    pairs = found[f"mlperf-metrics-test/{key}"]
    assert [step for step, _ in pairs] == tests, (key, pairs)
    if name == "accuracy":  # printed in percent: "accuracy {:3.3f} %" of accuracy * 100
        metrics[name] = series([(step, value * 100) for step, value in pairs], "step",
                               tolerance=5e-4, rel_tolerance=FLOAT32)
    else:
        metrics[name] = series(pairs, "step", tolerance=5e-5, rel_tolerance=FLOAT32)
file_metrics = {tag: series(pairs, "step", rel_tolerance=FLOAT32)
                for tag, pairs in found.items()}
write_truth(
    "DLRM (dlrm_s_pytorch.py)", f"{COMMIT[:8]} (no release)",
    "the script's own SummaryWriter event file under run_kaggle_pt/ (tb_folder): "
    "Train/Loss = each training line's train_loss, mlperf-metrics-test/<key> = inference()'s "
    "validation_results[key], at log_iter = nbatches * epoch + batch",
    metrics, files=event_files, file_metrics=file_metrics,
    also_ok=["ms/it", "best_auc", "best_accuracy"],
    notes=f"{REPO} at {COMMIT}, its files copied from $ZOO_REPOS/dlrm into the cwd "
          f"(blob ids checked); torch {version('torch')}, scikit-learn "
          f"{version('scikit-learn')}, tensorboard {version('tensorboard')}, mlperf-logging "
          f"{version('mlperf-logging')}; flags: {' '.join(ARGS)}; scalar tags found: "
          + ", ".join(sorted(found)))
