"""LightGCN-PyTorch, the PyTorch implementation of "LightGCN: Simplifying and Powering Graph
Convolution Network for Recommendation" (He et al., SIGIR 2020; github.com/gusye1234/
LightGCN-PyTorch, no PyPI release: master at commit 947ca2b3b1d2d3545b114145710cb06c4e57b3d2,
2023-03-20, its last) on the CPU build of torch 2.13.0 with tensorboardX 2.6.5, numpy 2.4.6,
scipy 1.17.1, pandas 3.1.2 and scikit-learn 1.9.1 (its requirements.txt pins a 2020 stack,
torch 1.4.0, tensorboardX 1.8, ...; the code uses no removed alias, so nothing old is
pinned: bench/zoo/requirements-lightgcn.txt). The repository's ``code/`` folder (``main.py``,
``world.py``, ``parse.py``, ``register.py``, ``dataloader.py``, ``model.py``, ``utils.py``,
``Procedure.py``, ``sources/sampling.cpp``) is unpacked under ``$ZOO_REPOS/LightGCN-PyTorch``
(default ``~/.cache/exptrack-zoo/repos``; ``git archive 947ca2b3 code | tar -x -C ...``),
copied whole into the cwd and checked against git's tree id of ``code/`` at that commit
(0d49032d), then run as its README runs it, from ``code/``::

    python main.py --decay=1e-4 --lr=0.001 --layer=2 --seed=2020 --dataset="gowalla"
        --topks="[20]" --recdim=32 --epochs 12 --tensorboard 1

in-process (``runpy``, as ``__main__``, ``sys.argv`` as above, ``code/`` first on
``sys.path``). The README's gowalla command with a smaller model and run: ``--layer=2`` and
``--recdim=32`` (it uses 3 and 64), ``--epochs 12`` (default 1000) so that main.py's test,
run before training ``if epoch %10 == 0``, runs twice (epochs 0 and 10); ``--tensorboard 1``
is its default. Every other flag at its default (``--bpr_batch 2048``, ``--testbatch 100``,
``--model lgn``, ``--dropout 0``, ``--multicore 0``, ``--load 0``). ``cppimport`` is not
installed, so utils.py prints ``Cpp extension not loaded`` and samples the BPR triples with
its Python sampler (``UniformSample_original_python``), as anyone without a C++ build;
``utils.set_seed(2020)`` seeds numpy's and torch's generators (the sampler, the shuffle, the
normal initialisation), so the losses and metrics repeat run to run on this CPU; only the
timings vary. The case imports ``world`` (main.py's first import: its ``parse_args``) itself
just before running main.py, to hand it the record list (below); main.py's import then finds
the module loaded.
Data: the case writes a synthetic data set in the gowalla layout ``dataloader.Loader``
reads, ``data/gowalla/train.txt`` and ``test.txt`` (a line a user: ``uid item item ...``):
290 users, 200 items in three taste groups of 66 items, each user 10-18 items, 70% from its
group's block; the last 3 of a user's shuffled items are its test items (870), the rest its
training items (3,183); numpy's ``RandomState(0)``. 290 users, not 300: ``Procedure.Test``
counts ``total_batch = len(users) // u_batch_size + 1`` and asserts it equals the number of
test batches, which fails when the users are a multiple of ``--testbatch`` (300 // 100 + 1 =
4 against 3 batches). main.py builds the normalised adjacency matrix and saves it beside
(``data/gowalla/s_pre_adj_mat.npz``) and the weights to ``code/checkpoints/``. An epoch
samples 3,183 triples, two batches (2048 and 1135). About 15 s, most of it torch's import.

What it prints (stdout; the ``cprint`` lines wrapped in ``\\033[0;30;43m ... \\033[0m``)::

    Cpp extension not loaded
    >>SEED: 2020
    loading [../data/gowalla]
    3183 interactions for training
    870 interactions for testing
    gowalla Sparsity : 0.06987931034482758
    gowalla is ready to go
    ===========config================
    {'A_n_fold': 100,
     'A_split': False,
     ...
     'test_u_batch_size': 100}
    cores for test: 1
    ...
    Test Topks: [20]
    using bpr loss
    ===========end===================
    use NORMAL distribution initilizer
    loading adjacency matrix
    generating adjacency matrix
    costing 0.03377246856689453s, saved norm_mat...
    don't split the matrix
    lgn is already to go(dropout:0)
    load and save to /tmp/.../code/checkpoints/lgn-gowalla-2-32.pth.tar
    [TEST]
    test_u_batch_size is too big for this dataset, try a small one 29
    {'precision': array([0.01534483]), 'recall': array([0.10229885]), 'ndcg': array([0.0446855])}
    EPOCH[1/12] loss0.690-|Sample:0.06|
    ...
    EPOCH[10/12] loss0.688-|Sample:0.07|
    [TEST]
    test_u_batch_size is too big for this dataset, try a small one 29
    {'precision': array([0.0187931]), 'recall': array([0.12528736]), 'ndcg': array([0.05735335])}
    EPOCH[11/12] loss0.688-|Sample:0.07|
    EPOCH[12/12] loss0.688-|Sample:0.06|

``EPOCH[{epoch+1}/{TRAIN_epochs}] {output_information}``, where ``BPR_train_original``
returns ``f"loss{aver_loss:.3f}-{time_info}"``: the epoch's batch losses (BPR loss plus
``decay`` times the L2 term, ``BPRLoss.stageOne``) summed and divided by ``len(users) //
bpr_batch + 1`` (2 here, the number of batches), glued to the word ``loss``, then ``-`` and
``utils.timer``'s ``|Sample:0.06|`` (seconds spent sampling the triples). The test prints
``[TEST]``, a notice when ``--testbatch`` exceeds a tenth of the test users (an ``assert``
caught; the test runs on), then ``print(results)``: numpy arrays of one value each (one per
``topks``) of the mean precision@20, recall@20 and NDCG@20 over the 290 test users, training
items excluded from the ranking, in numpy's repr (up to 8 decimals). On stderr torch's
``dataloader.py:330: UserWarning: torch.sparse.SparseTensor(indices, values, shape, *,
device=) is deprecated`` with its source line. The pipe and the pty hold the same lines
(the pty's end in ``\\r\\n``; the warning falls a line or two apart); 56 lines, 2.2 KB.

Truth: the framework's own record is its tensorboardX ``SummaryWriter`` under
``code/runs/<%m-%d-%Hh%Mm%Ss->-lgn/`` (``files``, read with ``_records.tb_scalars``):
- ``BPRLoss/BPR``: ``add_scalar`` of each batch's loss (``stageOne``'s return) at step
  ``epoch * int(len(users) / bpr_batch) + batch_i``; with 3,183 triples ``int(3183 / 2048)``
  is 1, so an epoch's second batch and the next epoch's first share a step (0, 1, 1, 2, 2,
  ..., 11, 11, 12): 24 points, kept as written. Never printed: a ``file_metrics`` series.
- ``add_scalars(f'Test/Recall@{world.topks}', {str(k): ...}, epoch)``, the same for
  ``Precision`` and ``NDCG``: tensorboardX 2.6.5 writes each key to a folder of its own,
  ``<run>/Test/Recall@[20]/20/``, whose file holds the tag cleaned of characters TensorBoard
  does not allow (``_clean_tag``: ``@``, ``[``, ``]`` to ``_``), ``Test/Recall__20_``; two
  points, steps 0 and 10 (the epoch before whose training the test ran). As ``file_metrics``
  they are named by the documented rule for tensorboardX's ``add_scalars`` folders
  (docs/metrics.md: ``Loss/train`` is ``Loss_train``): the tag as written, ``_``, the key:
  ``Test/Recall__20__20``, ``Test/Precision__20__20``, ``Test/NDCG__20__20``.
The printed epoch loss is written nowhere (only the per-batch losses are), so one line added
to the verbatim ``Procedure.py`` (``RECORD_LINES``, no stock line changed) right after
``aver_loss = aver_loss / total_batch`` appends ``(epoch, aver_loss)`` to a list the case
hands ``world`` (``world.ZOO_RECORD``), full precision; nothing is parsed from stdout.
Judgement calls (docs/metrics.md):
- ``loss``: the number glued to the word ``loss`` in ``loss0.690-``, the only name the line
  gives it; 12 values, axis ``epoch`` as printed (``EPOCH[1/12]`` .. ``EPOCH[12/12]``,
  from 1). Tolerance ``:.3f`` -> 5e-4.
- ``precision``, ``recall``, ``ndcg``: the printed dict's keys (the quantities of the
  event files' ``Test/...`` series; the one-element array is ``topks``' one cutoff, not
  printed), two values each, axis ``epoch`` 0 and 10 (the event files' steps), values from
  the event files: float32 there (``rel_tolerance`` 1e-6) of the float64 printed to 8
  decimals (``tolerance`` 5e-9). They stay printed series beside the files' (no name key
  joins ``recall`` to ``Test/Recall__20__20``), as the files' are expected only when read.
- ``also_ok``: ``Sample`` (the sampling seconds, kept by nothing).
- Not metrics: ``EPOCH[1/12]`` (the axis), ``try a small one 29`` (a suggested
  ``--testbatch``, a setting), the data statistics (``3183 interactions for training``,
  ``Sparsity : 0.0698...``), the config dict ``pprint`` prints (settings), ``cores for
  test: 1``, ``Test Topks: [20]``, ``>>SEED: 2020``, the matrix's ``costing 0.03...s``.
"""
# zoo-venv: lightgcn

import glob
import os
import runpy
import shutil
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import torch
from _gowalla_data import write_data
from _records import tb_scalars
from _truth import series, write_truth
from _verbatim import git_blob_id, tree_id, with_lines

SOURCE_REPO = "gusye1234/LightGCN-PyTorch"
SOURCE_COMMIT = "947ca2b3b1d2d3545b114145710cb06c4e57b3d2"
CODE_TREE = "0d49032d2affd2377886dbb2010d771d776b5a0f"  # git rev-parse <commit>:code
PROCEDURE_BLOB = "ab1426d66cc828be8198b3db73e32157c1c82477"  # code/Procedure.py
EPOCHS = 12
ARGV = ["main.py", "--decay=1e-4", "--lr=0.001", "--layer=2", "--seed=2020",
        "--dataset=gowalla", "--topks=[20]", "--recdim=32", "--epochs", str(EPOCHS),
        "--tensorboard", "1"]
USERS, ITEMS, GROUPS, TEST_ITEMS = 290, 200, 3, 3
# printed key in Test's results dict -> the add_scalars tag it is written under
TESTED = {"precision": "Test/Precision@[20]", "recall": "Test/Recall@[20]",
          "ndcg": "Test/NDCG@[20]"}

# the record: a line added to Procedure.py right after what it keeps (anchor -> the line
# after it); no line of the stock text changed
RECORD_LINES = {
    "    aver_loss = aver_loss / total_batch\n":
        "    world.ZOO_RECORD.append((epoch, aver_loss))  # zoo: the loss main.py prints\n",
}


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos / "LightGCN-PyTorch"
    if not (repo / "code" / "main.py").is_file():
        sys.exit(f"unpack {SOURCE_REPO} at {SOURCE_COMMIT} under {repo} "
                 "(see bench/zoo/requirements-lightgcn.txt)")
    shutil.copytree(str(repo / "code"), "code", ignore=shutil.ignore_patterns("__pycache__"))
    procedure = Path("code/Procedure.py")
    text = procedure.read_text(encoding="utf-8")
    if tree_id(Path("code")) != CODE_TREE or git_blob_id(text) != PROCEDURE_BLOB:
        sys.exit(f"{repo}/code is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    procedure.write_text(with_lines(text, RECORD_LINES), encoding="utf-8")
    write_data(Path("data/gowalla"), USERS, ITEMS, GROUPS, TEST_ITEMS)

    top = Path.cwd()
    record: list[tuple[int, float]] = []
    sys.argv = list(ARGV)
    os.chdir("code")  # register.py's Loader(path="../data/" + dataset)
    sys.path.insert(0, str(top / "code"))
    try:
        import world  # main.py's first import, here first to hand it the record list

        world.ZOO_RECORD = record
        runpy.run_path("main.py", run_name="__main__")
    finally:
        os.chdir(str(top))
    sys.stdout.flush()

    assert [epoch for epoch, _ in record] == list(range(EPOCHS)), record
    files = sorted(glob.glob("code/runs/*/**/events.out.tfevents.*", recursive=True))
    file_metrics = {}
    tested = {}
    for path in files:
        folder = Path(path).parent
        for tag, pairs in tb_scalars([path]).items():
            if folder.parent.parent.name == "Test":  # add_scalars' <run>/<main_tag>/<key>/
                main_tag = f"{folder.parent.parent.name}/{folder.parent.name}"
                tested[main_tag] = pairs
                name = f"{tag}_{folder.name}"
            else:
                name = tag
            file_metrics[name] = series(pairs, "step", rel_tolerance=1e-6)
    assert sorted(tested) == sorted(TESTED.values()), sorted(tested)
    metrics = {"loss": series([(epoch + 1, loss) for epoch, loss in record], "epoch",
                              tolerance=5e-4)}
    for name, main_tag in TESTED.items():
        assert [step for step, _ in tested[main_tag]] == [0, 10], tested[main_tag]
        metrics[name] = series(tested[main_tag], "epoch", tolerance=5e-9, rel_tolerance=1e-6)
    write_truth(
        "LightGCN-PyTorch (gusye1234)", f"repo {SOURCE_COMMIT[:12]}",
        "its tensorboardX event files under code/runs/<time>-lgn/ (BPRLoss/BPR a batch; "
        "Test/Recall@[20], Test/Precision@[20], Test/NDCG@[20] each test, add_scalars' "
        "folders); the printed epoch loss, which it writes nowhere, kept by a line added to "
        "Procedure.py (RECORD_LINES)",
        metrics, files=files, file_metrics=file_metrics,
        also_ok=["Sample"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), torch {torch.__version__}, "
              f"tensorboardX {version('tensorboardX')}, numpy {np.__version__}, scipy "
              f"{version('scipy')}, pandas {version('pandas')}; synthetic gowalla-layout "
              f"data: {USERS} users, {ITEMS} items, {TEST_ITEMS} test items a user")

if __name__ == "__main__":
    main()
