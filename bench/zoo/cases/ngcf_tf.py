"""Neural Graph Collaborative Filtering, the authors' TensorFlow implementation of "Neural
Graph Collaborative Filtering" (Wang et al., SIGIR 2019; github.com/xiangwang1223/
neural_graph_collaborative_filtering, no PyPI release: master at commit
a718a4f2df7c3942ca0df6759926975762c61eed, "Update README.md", its last) on TensorFlow
1.15.5 (PyPI's ``tensorflow`` 1.15.5 wheel for Python 3.7, run on the CPU: graph-mode TF1,
``tf.contrib.layers.xavier_initializer``, ``tf.Session``) with scipy 1.7.3 (the adjacency
matrices) and scikit-learn 1.0.2 (``utility/metrics.py`` imports ``roc_auc_score``). The
repository's ``NGCF/`` folder (``NGCF.py``, ``BPRMF.py``, ``NMF.py``, ``README.md`` and
``utility/``: ``parser.py``, ``load_data.py``, ``batch_test.py``, ``metrics.py``,
``helper.py``, ``README.md``) is unpacked under ``$ZOO_REPOS/neural_graph_collaborative_filtering``
(default ``~/.cache/exptrack-zoo/repos``; ``git archive a718a4f2 NGCF | tar -x -C ...``, see
bench/zoo/requirements-ngcf.txt), copied whole into the cwd and checked against git's tree id
of ``NGCF/`` at that commit (035e36ec), then run as its README runs it, from ``NGCF/``
(``--data_path`` defaults to ``../Data/``)::

    python NGCF.py --dataset gowalla --regs [1e-5] --embed_size 16 --layer_size [16,16]
        --lr 0.001 --batch_size 256 --epoch 20 --verbose 1 --Ks [20,40]
        --mess_dropout [0.1,0.1]

in-process (``runpy``, as ``__main__``, ``sys.argv`` as above, ``NGCF/`` first on
``sys.path``). The README's gowalla command with a smaller model and run: ``--embed_size``
16 and ``--layer_size [16,16]`` (it uses 64 and ``[64,64,64]``), ``--Ks [20,40]`` (its
default is ``[20, 40, 60, 80, 100]``), 20 epochs. ``--mess_dropout`` needs one keep rate per
layer (``tf.nn.dropout(..., 1 - self.mess_dropout[k])`` indexes it per layer; its default
``[0.1]`` serves one layer only), as the README's command gives one a layer. Every other
flag at its default (``--adj_type norm``, ``--alg_type ngcf``, ``--node_dropout_flag 0``,
``--test_flag part``, ``--pretrain 0``, ``--save_flag 0``). NGCF.py seeds nothing; the case
seeds Python's ``random`` (``Data.sample``'s users), numpy's global generator (its positive
and negative items) and the default graph's TensorFlow seed (``tf.set_random_seed(0)``,
xavier initialisation and dropout) before it runs, so the losses and metrics repeat run to
run on this CPU; only the timings vary.
Data: the case writes a synthetic data set in the gowalla layout ``load_data.Data`` reads,
``Data/gowalla/train.txt`` and ``test.txt`` (a line a user: ``uid item item ...``): 300 users,
200 items in three taste groups of 66 items, each user 10-18 items, 70% from its group's
block; the last 3 of a user's shuffled items are its test items (900), the rest its training
items (3,287); numpy's ``RandomState(0)``. NGCF.py builds the adjacency matrices and saves
them beside (``s_adj_mat.npz``, ...), and appends its ``Best Iter`` line to
``output/gowalla/ngcf_norm_ngcf_l2.result`` (below ``NGCF/``, ``--proj_path`` being ``''``).
13 batches of 256 an epoch (``n_train // batch_size + 1``); testing every 10th epoch ranks
all 200 items for the 300 test users in a ``multiprocessing.Pool`` of ``cpu_count() // 2``
workers. About 35 s (most of it TensorFlow's import and the graph: 100 sparse folds a layer).

What it prints (stdout; ``Data.print_statistics``, the adjacency matrices' timings, then
NGCF.py's prints)::

    n_users=300, n_items=200
    n_interactions=4187
    n_train=3287, n_test=900, sparsity=0.06978
    already create adjacency matrix (500, 500) 0.02644515037536621
    generate single-normalized adjacency matrix.
    generate single-normalized adjacency matrix.
    already normalize adjacency matrix 0.016165733337402344
    use the normalized adjacency matrix
    using xavier initialization
    without pretraining.
    Epoch 0 [5.6s]: train==[9.01898=9.01857 + 0.00000]
    ...
    Epoch 9 [0.4s + 0.8s]: train==[8.87759=8.87717 + 0.00042 + 0.00000], recall=[0.11889, \
0.23667], precision=[0.01783, 0.01775], hit=[0.31000, 0.55667], ndcg=[0.10240, 0.16237]
    ...
    Epoch 19 [0.1s + 0.2s]: train==[6.64783=6.64739 + 0.00044 + 0.00000], recall=[0.24222, \
0.47111], precision=[0.03633, 0.03533], hit=[0.57000, 0.88000], ndcg=[0.18875, 0.28728]
    Best Iter=[1]@[27.2]<TAB>recall=[0.24222<TAB>0.47111], precision=[0.03633<TAB>0.03533], \
hit=[0.57000<TAB>0.88000], ndcg=[0.18875<TAB>0.28728]

(each ``Epoch`` line and the ``Best Iter`` line one line; the tabs are real tab
characters). Off the test beat (``(epoch + 1) % 10 != 0``) an epoch prints ``'Epoch %d
[%.1fs]: train==[%.5f=%.5f + %.5f]' % (epoch, time() - t1, loss, mf_loss, reg_loss)``: the
epoch's SUM of its 13 batch losses (BPR loss plus the L2 term), the sum of the BPR terms,
and ``reg_loss`` (a constant 0 in this model); the L2 term ``emb_loss`` is not printed there,
so the printed terms do not add up. On the beat it tests and prints ``'Epoch %d [%.1fs +
%.1fs]: train==[%.5f=%.5f + %.5f + %.5f], recall=[%.5f, %.5f], precision=[%.5f, %.5f],
hit=[%.5f, %.5f], ndcg=[%.5f, %.5f]'``: the training and test seconds, ``loss = mf_loss +
emb_loss + reg_loss``, then ``ret['recall'][0], ret['recall'][-1]``, ... ``ret['ndcg'][-1]``:
each metric at the first and the last of ``Ks``, here @20 and @40 (``batch_test.test``'s
means over the test users of ``recall_at_k``, ``precision_at_k``, ``hit_at_k``,
``ndcg_at_k`` at each K, training items excluded from the ranking). After the loop,
``'Best Iter=[%d]@[%.1f]\\trecall=[%s], precision=[%s], hit=[%s], ndcg=[%s]'``: the index
among the TESTS (not the epoch: ``[1]`` is the second test, epoch 19) of the best
``recall@20``, the seconds since the model was built, and that test's values again, all
Ks, tab-joined. On stderr TensorFlow 1.15's ``WARNING:tensorflow:From NGCF.py:53: The
name tf.placeholder is deprecated...`` lines (``tf.contrib``'s sunset notice,
``dropout``'s ``keep_prob``, ``tf.log``, ``AdamOptimizer``, ``where``, ``Saver``,
``ConfigProto``, ``Session``, ...), a blank line after most, while the graph is built; no
C++ log lines (NGCF.py sets ``TF_CPP_MIN_LOG_LEVEL=2`` before TensorFlow's first op). The
pipe's and the pty's output hold the same lines in the same order; 61 lines, 4 KB.

Truth: NGCF keeps no record of the epochs (no summary writer, no history returned: its
``loss_loger``, ``rec_loger``, ... lists are the script's locals, kept only on the test
beat; its ``.result`` file gets the one ``Best Iter`` line, the best test again), so the
values NGCF.py computes are the record: three lines added to the verbatim ``NGCF.py``
(``RECORD_LINES``, no stock line changed), each right after a ``print``, append what it
printed (the epoch's ``loss`` and, on the test beat, ``ret``'s arrays; the best test's
index) to a list the case passes in (``runpy``'s ``init_globals``), full precision;
nothing is parsed from stdout. Judgement calls (docs/metrics.md):
- ``train``: the number after ``train==[`` (the epoch's summed loss, NGCF.py's ``loss``),
  named by the only word the line gives it (the framework keys nothing: ``loss`` is a local,
  ``loss_loger`` a local list), one value each of the 20 epochs, axis ``epoch`` as printed
  (``Epoch 0`` .. ``Epoch 19``, from 0). The terms after ``=`` (``mf_loss``, ``emb_loss``,
  ``reg_loss``) are unnamed on the line (``9.01857 + 0.00000``: a breakdown with no label,
  as a spread after a mean is), so they are no metrics of their own.
- ``recall@20``, ``recall@40``, ``precision@20``, ``precision@40``, ``hit@20``, ``hit@40``,
  ``ndcg@20``, ``ndcg@40``: each bracketed pair's positions are ``Ks[0]`` and ``Ks[-1]``
  (``--Ks [20,40]``), named as printed (``hit``, whose ``ret`` key is ``hit_ratio``) with
  the cutoff as recommenders name it (``recall@20``, as RecBole keys its metrics); two
  values each, at epochs 9 and 19.
- The ``Best Iter`` line reprints one test's values (the best ``recall@20``): a running
  best printed again, no series of its own (docs/metrics.md); the names its brackets would
  take are in ``also_ok`` (``recall``, ``precision``, ``hit``, ``ndcg``: each bracket of
  tab-joined values, all Ks, has no position names). ``Best Iter=[1]`` is the test's index
  (no metric), ``@[16.6]`` the seconds since the model was built.
- Tolerances: ``%.5f`` -> 5e-6 for all.
- Timings: the bracketed seconds of each epoch line (``[5.6s]``, ``[0.4s + 0.8s]``) are
  unnamed on the line and kept by nothing; the adjacency matrices' seconds
  (``already create adjacency matrix (500, 500) 0.026...``) too: no names to allow.
- Not metrics: ``Epoch 9`` (the axis), the data statistics (``n_users``, ``n_items``,
  ``n_interactions``, ``n_train``, ``n_test``, ``sparsity``: settings of the data set), the
  matrix shape ``(500, 500)``.
"""
# zoo-venv: ngcf

import os
import random
import runpy
import shutil
import sys
from pathlib import Path

import numpy as np
import scipy
import sklearn
import tensorflow as tf
from _gowalla_data import write_data
from _truth import series, write_truth
from _verbatim import git_blob_id, tree_id, with_lines

SOURCE_REPO = "xiangwang1223/neural_graph_collaborative_filtering"
SOURCE_COMMIT = "a718a4f2df7c3942ca0df6759926975762c61eed"
NGCF_TREE = "035e36ec264688db8d63c7700e7cb1c82b422346"  # git rev-parse <commit>:NGCF
NGCF_BLOB = "dc88372343cf9e54fda6fd761e98345db55b30e6"  # NGCF/NGCF.py
KS = [20, 40]
EPOCHS = 20
ARGV = ["NGCF.py", "--dataset", "gowalla", "--regs", "[1e-5]", "--embed_size", "16",
        "--layer_size", "[16,16]", "--lr", "0.001", "--batch_size", "256",
        "--epoch", str(EPOCHS), "--verbose", "1", "--Ks", "[20,40]",
        "--mess_dropout", "[0.1,0.1]"]
USERS, ITEMS, GROUPS, TEST_ITEMS = 300, 200, 3, 3
METRICS = [("recall", "recall"), ("precision", "precision"), ("hit", "hit_ratio"),
           ("ndcg", "ndcg")]  # printed name, ret's key, in print order

# the record: lines added to NGCF.py right after what they keep (anchor -> the line after
# it); no line of the stock text changed
RECORD_LINES = {
    "                    epoch, time() - t1, loss, mf_loss, reg_loss)\n"
    "                print(perf_str)\n":
        "                ZOO_RECORD.append((epoch, loss, None))"
        "  # zoo: the values just printed\n",
    "                        ret['ndcg'][0], ret['ndcg'][-1])\n"
    "            print(perf_str)\n":
        "            ZOO_RECORD.append((epoch, loss, {k: list(v) for k, v in ret.items()"
        " if k != 'auc'}))  # zoo: the values just printed\n",
    "                  '\\t'.join(['%.5f' % r for r in ndcgs[idx]]))\n"
    "    print(final_perf)\n":
        "    ZOO_BEST.append(idx)  # zoo: the test index just printed\n",
}


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos / "neural_graph_collaborative_filtering"
    if not (repo / "NGCF" / "NGCF.py").is_file():
        sys.exit(f"unpack {SOURCE_REPO} at {SOURCE_COMMIT} under {repo} "
                 "(see bench/zoo/requirements-ngcf.txt)")
    shutil.copytree(str(repo / "NGCF"), "NGCF", ignore=shutil.ignore_patterns("__pycache__"))
    script = Path("NGCF/NGCF.py")
    text = script.read_text(encoding="utf-8")
    if tree_id(Path("NGCF")) != NGCF_TREE or git_blob_id(text) != NGCF_BLOB:
        sys.exit(f"{repo}/NGCF is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
    script.write_text(with_lines(text, RECORD_LINES), encoding="utf-8")
    write_data(Path("Data/gowalla"), USERS, ITEMS, GROUPS, TEST_ITEMS)

    top = Path.cwd()
    record = []
    best = []
    random.seed(0)
    np.random.seed(0)
    tf.compat.v1.set_random_seed(0)  # the default graph NGCF.py builds its model in
    sys.argv = list(ARGV)
    os.chdir("NGCF")
    sys.path.insert(0, str(top / "NGCF"))  # NGCF.py's `from utility.helper import *`
    try:
        runpy.run_path("NGCF.py", init_globals={"ZOO_RECORD": record, "ZOO_BEST": best},
                       run_name="__main__")
    finally:
        os.chdir(str(top))
    sys.stdout.flush()

    epochs = [row[0] for row in record]
    assert epochs == list(range(EPOCHS)), epochs
    tests = [row for row in record if row[2] is not None]
    assert [row[0] for row in tests] == [9, 19] and len(best) == 1, (tests, best)
    metrics = {"train": series([(epoch, loss) for epoch, loss, _ in record], "epoch",
                               tolerance=5e-6)}
    for name, key in METRICS:
        for position, k in enumerate(KS):
            assert all(len(row[2][key]) == len(KS) for row in tests)
            metrics[f"{name}@{k}"] = series([(row[0], row[2][key][position]) for row in tests],
                                            "epoch", tolerance=5e-6)
    write_truth(
        "NGCF (xiangwang1223)", f"repo {SOURCE_COMMIT[:12]}",
        "the values NGCF.py prints, kept by lines added after its prints (RECORD_LINES): it "
        "keeps no record of its own",
        metrics,
        also_ok=["recall", "precision", "hit", "ndcg"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), tensorflow {tf.__version__}, "
              f"numpy {np.__version__}, scipy {scipy.__version__}, scikit-learn "
              f"{sklearn.__version__}; synthetic gowalla-layout data: {USERS} users, {ITEMS} "
              f"items, {TEST_ITEMS} test items a user; Ks {KS}; Best Iter=[{best[0]}] is "
              f"the test at epoch {tests[best[0]][0]}")


if __name__ == "__main__":
    main()
