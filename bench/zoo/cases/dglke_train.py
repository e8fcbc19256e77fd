"""Amazon's DGL-KE 0.1.2 (PyPI's ``dglke`` 0.1.2, 2021-01-25, its last release) on DGL
0.4.3post2 (``dgl==0.4.3.post2``, the DGL its maintainers name: "You should use dgl 0.4.3.
DGL-KE is not compatable with DGL 0.5", awslabs/dgl-ke#139; ``pip3 install dgl==0.4.3post2``,
#261) with its PyTorch backend, torch 1.4.0 (PyPI's cp37 wheel, a CUDA build run on the
CPU), numpy 1.21.6, in a Python 3.7 venv (``requirements-dglke.txt``). Its command line
``dglke_train`` (the console script's ``dglke.train:main``) trains TransE (``TransE_l2``)
as the docs' "Train User-Defined Knowledge Graphs" section runs it on a raw user-defined
graph (``--format raw_udd_hrt``: tab-separated head, relation, tail names)::

    dglke_train --model_name TransE_l2 --dataset mykg --data_path ./data
        --format raw_udd_hrt --data_files train.tsv valid.tsv test.tsv
        --batch_size 64 --neg_sample_size 16 --hidden_dim 32 --gamma 12 --lr 0.1
        --max_step 400 --log_interval 100 --batch_size_eval 16 --test -adv
        --valid --eval_interval 200

(``--valid --eval_interval 200`` added to the brief's command so that the validation set is
evaluated during training too, twice, as DGL-KE's examples do; everything else as given;
CPU: ``--gpu`` keeps its default ``-1``, ``--num_proc`` its 1, so the test runs in the
main process.) Data: a synthetic graph of 60 entities ``e0`` .. ``e59`` and 4 relations
``r0`` .. ``r3``, 400 distinct triples from ``random.Random(0)`` (the tail a function of the
head and relation with a little noise, so there is something to learn), split 320 / 40 /
40 into ``data/train.tsv``, ``valid.tsv``, ``test.tsv``. Nothing is downloaded (the
``raw_udd_hrt`` path reads the files and writes ``entities.tsv``/``relations.tsv`` beside
them). A few seconds of CPU.

Run in-process: the case sets ``DGLBACKEND=pytorch`` (as DGL-KE's docs do; without it DGL
0.4 writes ``~/.dgl/config.json`` and prints a notice), seeds ``random``, numpy, torch and
DGL's sampler (``dgl.random.seed``; dglke seeds nothing, and its negative sampler draws
from DGL's RNG), runs the installed ``dglke/train_pytorch.py`` again with the record lines
below (``_verbatim.load_with_lines``: the file is checked against its git blob id first,
6598a41d..., the wheel's own file, RECORD ``sha256=oHdXHFCzUzxe7ObVnGlf804rY94TvgtdAId-
2-3ZvYs``), then imports ``dglke.train`` (which binds ``train``/``test`` from that module)
and calls ``main()`` with ``sys.argv`` the command line above, as the console script does.

What it prints (DGL's ``Using backend: pytorch`` and one ``UserWarning: multigraph will be
deprecated`` on stderr, the rest on stdout)::

    Using backend: pytorch
    Reading train triples....
    Finished. Read 320 train triples.
    ...
    |Train|: 320
    |valid|: 40
    |test|: 40
    Total initialize time 0.018 seconds
    [proc 0][Train](100/400) average pos_loss: 0.6096861137604719
    [proc 0][Train](100/400) average neg_loss: 1.1394706600904465
    [proc 0][Train](100/400) average loss: 0.8745783913135529
    [proc 0][Train](100/400) average regularization: 0.042590717709535965
    [proc 0][Train] 100 steps take 0.430 seconds
    [proc 0]sample: 0.064, forward: 0.165, backward: 0.177, update: 0.023
    ...
    [0]Valid average MRR: 0.07000853530254147
    [0]Valid average MR: 33.1375
    [0]Valid average HITS@1: 0.025
    [0]Valid average HITS@3: 0.0375
    [0]Valid average HITS@10: 0.1
    [proc 0]validation take 0.013 seconds:
    ...
    proc 0 takes 2.335 seconds
    training takes 2.347491502761841 seconds
    Save model to ckpts/TransE_l2_mykg_0
    [0]Test average MRR: 0.060118572372047596
    [0]Test average MR: 31.8375
    ...
    testing takes 0.061 seconds

(The brief's ``-------------- Test result --------------`` / ``Test average MRR : 0.1``
block is what ``train.py`` prints only when the test runs in several processes,
``num_test_proc > 1``; with one process ``test()`` prints ``[0]Test average MRR: ...``.)

Truth: DGL-KE keeps no record of its metrics (``ckpts/TransE_l2_mykg_0/config.json`` holds
the arguments, the ``.npy`` files the embeddings; no log file, no history), so the values
``train_pytorch.py`` computes are the record: two lines added to the stock text
(``RECORD_LINES``, no line changed), each right after the ``print`` that shows a value,
append that value to a list (``ZOO_RECORD``): in ``train()``, each of the log interval's
averages over the steps' ``log`` dicts (keys ``pos_loss``, ``neg_loss``, ``loss``,
``regularization`` from ``KEModel.forward``), with the step; in ``test()``, each of
``metrics`` (keys ``MRR``, ``MR``, ``HITS@1``, ``HITS@3``, ``HITS@10``, the means over the
test batches' logs from ``forward_test``), with the mode (``Valid``/``Test``). Nothing is
parsed from stdout. Judgement calls (docs/metrics.md):
- Training names as printed, ``average pos_loss``: ``average_pos_loss``,
  ``average_neg_loss``, ``average_loss``, ``average_regularization`` (the framework's log
  keys are ``pos_loss`` ...; docs/metrics.md keeps an average's word printed before a name,
  as most collectors of word2vec's and RotatE's logs wrote it, so the printed words are
  taken, which the zoo README allows). ``[Train]`` is a label naming the mode of a progress
  line (as ``[TRAIN] epoch: 1, loss: 2.08`` gives ``loss``), so no ``train_`` prefix.
- Evaluation names: the printed name with the phase word printed before it, lowercased as
  the rule's examples do: ``valid_average_MRR``, ``valid_average_MR``,
  ``valid_average_HITS@1`` ... and ``test_average_MRR`` .. ``test_average_HITS@10``. The
  same keys in two modes are two series each; the ``[0]`` before ``Valid``/``Test`` is the
  process rank, no name (nor a step).
- Counts: 4 points for each training name (steps 100, 200, 300, 400), 2 for each
  validation name (after steps 200 and 400, ``eval_interval``), 1 for each test name (after
  training, axis step 400).
- Tolerances: every value is printed with ``'{}'.format`` (Python's shortest repr of the
  float: all its digits), so 1e-9 absolute.
- ``also_ok``: the timings it prints and keeps no record of: ``[proc 0][Train] 100 steps
  take 0.430 seconds``, ``sample``/``forward``/``backward``/``update`` (seconds spent in
  each over the interval), ``validation take 0.013 seconds``, ``proc 0 takes 2.335
  seconds``, ``training takes 2.347... seconds``, ``Total initialize time 0.018 seconds``,
  ``testing takes 0.061 seconds``.
- Not metrics: ``|Train|: 320``, ``|valid|: 40``, ``|test|: 40`` and ``Finished. Read 320
  train triples.`` (data set sizes), the ``(100/400)`` step counter.
- Determinism: with the seeds above the values repeat on the CPU; only the times vary.
"""
# zoo-venv: dglke

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

os.environ.setdefault("DGLBACKEND", "pytorch")

import dgl
import dglke
import dglke.train_pytorch
import numpy as np
import torch
from _truth import series, write_truth
from _verbatim import load_with_lines

TRAIN_PYTORCH_BLOB = "6598a41db89fdced22c11a6d9ddaa55193b67415"  # dglke 0.1.2's wheel
MAX_STEP, LOG_INTERVAL, EVAL_INTERVAL = 400, 100, 200
COMMAND = ["dglke_train", "--model_name", "TransE_l2", "--dataset", "mykg",
           "--data_path", "./data", "--format", "raw_udd_hrt",
           "--data_files", "train.tsv", "valid.tsv", "test.tsv",
           "--batch_size", "64", "--neg_sample_size", "16", "--hidden_dim", "32",
           "--gamma", "12", "--lr", "0.1", "--max_step", str(MAX_STEP),
           "--log_interval", str(LOG_INTERVAL), "--batch_size_eval", "16", "--test", "-adv",
           "--valid", "--eval_interval", str(EVAL_INTERVAL)]
TRAIN_KEYS = ("pos_loss", "neg_loss", "loss", "regularization")
EVAL_KEYS = ("MRR", "MR", "HITS@1", "HITS@3", "HITS@10")
TOLERANCE = 1e-9  # printed with '{}'.format: all of the float's digits

# the record: a line added right after each print of a value (anchor -> the line after
# it); no line of the stock text changed.
RECORD_LINES = {
    "                    print('[proc {}][Train]({}/{}) average {}: {}'.format(rank, (step + 1),"
    " args.max_step, k, v))\n":
        "                    ZOO_RECORD.append(('Train', step + 1, k, v))"
        "  # zoo: the value just printed\n",
    "                print('[{}]{} average {}: {}'.format(rank, mode, k, v))\n":
        "                ZOO_RECORD.append((mode, None, k, v))  # zoo: the value just printed\n",
}


def write_graph(folder: Path, seed: int = 0) -> None:
    """400 distinct (head, relation, tail) triples over 60 entities and 4 relations, split
    320 / 40 / 40, as ``raw_udd_hrt`` reads them (tab-separated names)."""
    rng = random.Random(seed)
    triples: set[tuple[str, str, str]] = set()
    while len(triples) < 400:
        head, rel = rng.randrange(60), rng.randrange(4)
        tail = (head * (rel + 2) + rel * 7 + rng.randrange(3)) % 60
        triples.add((f"e{head}", f"r{rel}", f"e{tail}"))
    rows = sorted(triples)
    rng.shuffle(rows)
    folder.mkdir(parents=True, exist_ok=True)
    for name, part in (("train.tsv", rows[:320]), ("valid.tsv", rows[320:360]),
                       ("test.tsv", rows[360:])):
        (folder / name).write_text("".join("\t".join(row) + "\n" for row in part),
                                   encoding="utf-8")


def main() -> None:
    write_graph(Path("data"))
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    dgl.random.seed(0)

    record: list = []
    module = dglke.train_pytorch
    load_with_lines(module, Path(module.__file__), TRAIN_PYTORCH_BLOB, RECORD_LINES, record,
                    "dglke 0.1.2")
    from dglke.train import main as dglke_train  # binds the module's train/test

    sys.argv = list(COMMAND)
    dglke_train()
    sys.stdout.flush()

    # --- the truth: the values train() and test() printed, in print order ---
    metrics = {}
    for key in TRAIN_KEYS:
        points = [(step, value) for mode, step, k, value in record
                  if mode == "Train" and k == key]
        assert len(points) == MAX_STEP // LOG_INTERVAL, (key, points)
        metrics[f"average_{key}"] = series(points, "step", tolerance=TOLERANCE)
    for mode, steps in (("Valid", range(EVAL_INTERVAL, MAX_STEP + 1, EVAL_INTERVAL)),
                        ("Test", [MAX_STEP])):
        for key in EVAL_KEYS:
            values = [value for m, _, k, value in record if m == mode and k == key]
            assert len(values) == len(steps), (mode, key, values)
            points = [(step, values[index]) for index, step in enumerate(steps)]
            metrics[f"{mode.lower()}_average_{key}"] = series(points, "step",
                                                              tolerance=TOLERANCE)
    write_truth("dglke", version(),
                "dglke/train_pytorch.py's own values (train(): the log interval's averages of"
                " KEModel.forward's log dicts; test(): the means of forward_test's logs), kept"
                " by record lines added after its prints",
                metrics,
                also_ok=["steps_take", "steps", "take", "sample", "forward", "backward",
                         "update", "validation_take", "takes", "training_takes",
                         "Total_initialize_time", "testing_takes", "seconds"],
                notes=f"dglke {version()}, dgl {dgl.__version__}, torch {torch.__version__};"
                      " valid_* after steps 200 and 400 (eval_interval), test_* after"
                      " training")


def version() -> str:
    path = Path(dglke.__file__).with_name("VERSION.txt")
    return path.read_text(encoding="utf-8").strip() if path.is_file() else "?"


if __name__ == "__main__":
    main()
