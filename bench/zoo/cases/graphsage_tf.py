"""William Hamilton's GraphSAGE, the reference TensorFlow implementation of "Inductive
Representation Learning on Large Graphs" (github.com/williamleif/GraphSAGE; no PyPI
release, no tag: master at commit a0fdef95dca7b456dab01cb35034717c8b6dd017, 2018-09-19,
its last, "Rename") on TensorFlow 1.15.5 (PyPI's ``tensorflow`` 1.15.5 wheel for Python
3.7, run on the CPU: graph-mode TF1 code, ``tf.app.flags``, ``tf.Session``,
``tf.summary.FileWriter``) with networkx 1.11 (``graphsage/utils.py`` asserts a networkx
no newer than 1.11 and uses its 1.x API: ``G.nodes()[0]``, ``G.node[n]``) and scikit-learn
1.0.2 (its F1 scores and ``StandardScaler``). Its ``graphsage/`` package at that commit (git
tree 23e492b7b968dbc285e49c56b4d8872b75e6047a) is read from ``$ZOO_REPOS/GraphSAGE``
(default ``~/.cache/exptrack-zoo/repos/GraphSAGE``, unpacked with ``git archive a0fdef95
graphsage | tar -x -C ...``), copied into the cwd and checked against that tree id, and run
as its ``example_supervised.sh`` runs it, ``python -m graphsage.supervised_train
--train_prefix ./example_data/toy-ppi --model graphsage_mean --sigmoid`` with ``--epochs 2
--batch_size 20 --validate_iter 10 --print_every 5`` (every other flag at its default:
``--learning_rate 0.01``, ``--samples_1 25``, ``--samples_2 10``, ``--dim_1 128``,
``--dim_2 128``, ``--max_degree 128``, ``--validate_batch_size 256``, ``--dropout 0``),
in-process (``runpy.run_module`` as ``__main__``, as ``-m`` runs it, the cwd first on
``sys.path``; ``tf.app.run()`` ends it with ``SystemExit``, which the case catches).
supervised_train.py seeds numpy and TensorFlow itself (``seed = 123``); the case seeds
nothing else, so the run repeats.

Data: the case writes a synthetic graph in the repository's ``toy-ppi`` format, the four
files ``load_data`` reads (``-walks.txt`` only for the unsupervised run):
``example_data/toy-ppi-G.json`` (networkx 1.11's ``node_link_data``: each node's ``val`` and
``test`` flags, the links), ``-id_map.json`` (node id -> feature row), ``-class_map.json``
(node id -> a 0/1 list, PPI's multi-label form, read with ``--sigmoid``) and ``-feats.npy``
(float64 rows; ``load_data`` standardises them with the training nodes' ``StandardScaler``).
400 nodes in 4 planted communities (each node 4 edges to its own community and 1 to any
node), 6 labels (a node carries each of its community's two labels with probability 0.8 and
any other with 0.1), 24 features (the community's mean plus unit noise); nodes 300..349
are ``val``, 350..399 ``test``, 0..299 the 300 training nodes: 15 minibatches of 20 an
epoch, 30 steps in all. numpy's ``RandomState(0)``. About 13 s (most of it TensorFlow's
import and graph building).

What it prints (supervised_train.py's own ``print`` calls)::

    Loading training data..
    Removed 0 nodes that lacked proper annotations due to networkx versioning issues
    Loaded data.. now preprocessing..
    Done loading training data..
    Epoch: 0001
    Iter: 0000 train_loss= 0.69311 train_f1_mic= 0.48544 train_f1_mac= 0.42174 val_loss= 0.61410 val_f1_mic= 0.43146 val_f1_mac= 0.31603 time= 0.68780
    Iter: 0005 train_loss= 0.48532 train_f1_mic= 0.58824 train_f1_mac= 0.41402 val_loss= 0.61410 val_f1_mic= 0.43146 val_f1_mac= 0.31603 time= 0.12365
    Iter: 0010 train_loss= 0.48843 train_f1_mic= 0.75610 train_f1_mac= 0.62896 val_loss= 0.45121 val_f1_mic= 0.79610 val_f1_mac= 0.65710 time= 0.08169
    Epoch: 0002
    Iter: 0000 train_loss= 0.46386 train_f1_mic= 0.71053 train_f1_mac= 0.59961 val_loss= 0.42900 val_f1_mic= 0.79138 val_f1_mac= 0.65268 time= 0.06760
    Iter: 0005 train_loss= 0.32547 train_f1_mic= 0.88312 train_f1_mac= 0.72091 val_loss= 0.42900 val_f1_mic= 0.79138 val_f1_mac= 0.65268 time= 0.05417
    Iter: 0010 train_loss= 0.36071 train_f1_mic= 0.82051 train_f1_mac= 0.67372 val_loss= 0.41092 val_f1_mic= 0.79568 val_f1_mac= 0.65944 time= 0.04974
    Optimization Finished!
    Full validation stats: loss= 0.38009 f1_micro= 0.81000 f1_macro= 0.66594 time= 0.01790
    Writing test set stats to file (don't peak!)

(the ``Iter:`` line every ``--print_every`` steps of the
global step ``total_steps``, so at steps 0, 5, ..., 25: ``Iter:`` counts the epoch's
minibatches from 0 again each epoch; every value ``{:.5f}``: the minibatch's sigmoid
cross-entropy, fetched in the same ``sess.run`` as the Adam step, and its micro/macro F1 of
the thresholded predictions; the ``val_`` values are those of the last validation
minibatch, run every ``--validate_iter`` minibatches of the epoch (its iter 0 and 10: 256
validation nodes drawn with replacement), so a value repeats on the lines between
validations; ``time=`` the running mean of a step's wall time; then the whole validation
set, 50 nodes, after training). On stderr before the first epoch: TensorFlow 1.15's
``WARNING:tensorflow:From ...`` deprecation lines, its ``cpu_feature_guard``/XLA ``I``
lines, absl's copy of each warning (``W1207 ... module_wrapper.py:139] From ...``: ``tf.app.run``
installs absl's handler), ``Scale of 0 disables regularizer.``; in epoch 2, twice,
scikit-learn's ``UndefinedMetricWarning: F-score is ill-defined and being set to 0.0 in
labels with no true nor predicted samples`` (a minibatch of 20 where a label is neither true
nor predicted; its macro F1 counts that label 0). The pipe's and the pty's output hold the
same lines.

Truth: GraphSAGE keeps two records of its own. Its ``val_stats.txt`` (under ``log_dir()``,
``./sup-example_data/graphsage_mean_small_0.0100/``), written right after the ``Full
validation stats:`` print, holds ``loss=0.38009 f1_micro=0.81000 f1_macro=0.66594
time=0.01582``, the same four values at the same rounding: the case reads the three
metrics from that file (``files``). Its ``tf.summary.FileWriter`` event file keeps the
merged summaries every ``--print_every`` steps, among them ``tf.summary.scalar('loss',
self.loss)``, the printed ``train_loss`` (the case checks the two agree) beside
``logging=True``'s weight histograms and the graph (with the feature matrix as a constant),
376 KB, which the fixture does not hold (at capture, ``track run`` reads it in the run's
folder and records its ``loss``, 6 values, where the output alone gives ``train_loss``;
score.py reads only the fixture's ``files/``). The writer is left open by train()
(flushed by its thread every 120 s or at exit), so the case joins the writer thread's
queue and flushes it before reading the file back. Nothing else of the ``Iter:`` lines is kept
(``epoch_val_costs`` sums the validation losses and is never read), so two lines added to
the stock ``supervised_train.py`` (``RECORD_LINES``, no line changed), each right after a
``print``, append what it printed (the float32 losses ``sess.run`` returned, sklearn's F1
floats) to lists the case passes in (``runpy``'s ``init_globals``); nothing is parsed from
stdout. ``test_stats.txt``, the test set's loss and F1 written after ``Writing test set
stats to file``, is never printed and not in the truth. Judgement calls (docs/metrics.md):
- Names as printed: ``train_loss``, ``train_f1_mic``, ``train_f1_mac``, ``val_loss``,
  ``val_f1_mic``, ``val_f1_mac``, one value a printed line, 6 each, axis ``step`` (the
  global step ``total_steps``, as the summary writer keys it; the printed ``Iter:`` starts
  again at 0 each epoch). ``val_*`` repeat the last validation's values as printed (a
  series of what the line shows, not of the validations run).
- ``Full validation stats: loss= ... f1_micro= ... f1_macro= ...``: val_stats.txt keys
  them ``loss``, ``f1_micro``, ``f1_macro`` under no phase, and the line's phase label
  prefixes every name after it (docs/metrics.md, "Phases": ``Validation metrics:`` gives
  ``validation_``), so ``validation_loss``, ``validation_f1_micro`` and
  ``validation_f1_macro``, one value each, put at the last step (29): printed after
  training, with no step of its own (score.py notes the axis, it is no miss).
- Tolerances: ``{:.5f}`` -> 5e-6 for the six ``Iter:`` series (full precision in the
  record); val_stats.txt rounds as the line does, so the file's values equal the printed
  ones (5e-6 kept for the parse).
- ``also_ok``: ``time`` (the running mean step time) and ``validation_time`` (the full
  validation's), which nothing but the rounded file keeps and no metric is.
- Not metrics: ``Epoch: 0001``, ``Iter: 0000`` (axes), ``Removed 0 nodes ...`` (a count of
  the data).
"""  # noqa: E501
# zoo-venv: graphsage

import json
import os
import runpy
import shutil
import sys
import threading
from pathlib import Path

import networkx as nx
import numpy as np
import sklearn
import tensorflow as tf
from _truth import series, write_truth
from _verbatim import tree_id, with_lines

SOURCE_REPO = "williamleif/GraphSAGE"
SOURCE_COMMIT = "a0fdef95dca7b456dab01cb35034717c8b6dd017"
PACKAGE_TREE = "23e492b7b968dbc285e49c56b4d8872b75e6047a"  # graphsage/ at SOURCE_COMMIT
PREFIX = "./example_data/toy-ppi"
ARGS = ["--train_prefix", PREFIX, "--model", "graphsage_mean", "--sigmoid",
        "--epochs", "2", "--batch_size", "20", "--validate_iter", "10", "--print_every", "5"]
LOG_DIR = Path("sup-example_data/graphsage_mean_small_0.0100")  # supervised_train's log_dir()
NODES, COMMUNITIES, LABELS, FEATURES = 400, 4, 6, 24
VAL, TEST = range(300, 350), range(350, 400)
NAMES = ["train_loss", "train_f1_mic", "train_f1_mac", "val_loss", "val_f1_mic", "val_f1_mac"]

# the record: lines added to supervised_train.py right after what they keep (anchor -> the
# line after it); no line of the stock text changed
RECORD_LINES = {
    '                      "time=", "{:.5f}".format(avg_time))\n':
        "                ZOO_RECORD.append((total_steps, train_cost, train_f1_mic, train_f1_mac,"
        " val_cost, val_f1_mic, val_f1_mac))  # zoo: the values just printed\n",
    '                  "time=", "{:.5f}".format(duration))\n':
        "    ZOO_FULL_VAL.append((val_cost, val_f1_mic, val_f1_mac))"
        "  # zoo: the values just printed\n",
}


def write_toy_ppi(prefix: str, seed: int = 0) -> None:
    """``<prefix>-G.json``, ``-id_map.json``, ``-class_map.json`` and ``-feats.npy``, as
    ``graphsage.utils.load_data`` reads them."""
    rng = np.random.RandomState(seed)
    community = rng.randint(0, COMMUNITIES, NODES)
    members = [np.flatnonzero(community == c) for c in range(COMMUNITIES)]
    edges = set()
    for node in range(NODES):
        ends = [*rng.choice(members[community[node]], 4), rng.randint(NODES)]
        for end in ends:
            if int(end) != node:
                edges.add((min(node, int(end)), max(node, int(end))))
    labels = (rng.rand(NODES, LABELS) < 0.1).astype(int)
    for node in range(NODES):
        for label in (community[node], (community[node] + 1) % LABELS):
            labels[node, label] = int(rng.rand() < 0.8)
    centres = rng.randn(COMMUNITIES, FEATURES)
    feats = centres[community] + rng.randn(NODES, FEATURES)
    graph = {"directed": False, "multigraph": False, "graph": {},
             "nodes": [{"id": node, "val": node in VAL, "test": node in TEST}
                       for node in range(NODES)],
             "links": [{"source": a, "target": b} for a, b in sorted(edges)]}
    Path(prefix).parent.mkdir(parents=True, exist_ok=True)
    Path(prefix + "-G.json").write_text(json.dumps(graph), encoding="utf-8")
    Path(prefix + "-id_map.json").write_text(
        json.dumps({str(node): node for node in range(NODES)}), encoding="utf-8")
    Path(prefix + "-class_map.json").write_text(
        json.dumps({str(node): [int(v) for v in labels[node]] for node in range(NODES)}),
        encoding="utf-8")
    np.save(prefix + "-feats.npy", feats)


def summary_losses(folder: Path) -> dict:
    """The ``loss`` scalars of the run's event file (step -> value), once the summary
    writer train() leaves open (its thread flushes every 120 s, or at exit) has written
    what it holds."""
    for thread in threading.enumerate():  # the writer's logger thread outlives train()
        if type(thread).__name__ == "_EventLoggerThread":
            thread._queue.join()
            thread._ev_writer.Flush()
    tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)  # summary_iterator's notice
    losses = {}
    for path in sorted(folder.glob("events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(str(path)):
            for value in event.summary.value:
                if value.tag == "loss":
                    losses[event.step] = value.simple_value
    return losses


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    package = repos / "GraphSAGE" / "graphsage"
    source = f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]}"
    if not (package / "supervised_train.py").is_file():
        sys.exit(f"needs {source} unpacked under {package.parent} (see this case's docstring)")
    shutil.copytree(str(package), "graphsage", ignore=shutil.ignore_patterns("__pycache__"))
    if tree_id(Path("graphsage")) != PACKAGE_TREE:
        sys.exit(f"{package} is not {source}'s")
    script = Path("graphsage/supervised_train.py")
    script.write_text(with_lines(script.read_text(encoding="utf-8"), RECORD_LINES),
                      encoding="utf-8")
    write_toy_ppi(PREFIX)

    sys.path.insert(0, str(Path.cwd()))  # `python -m graphsage.supervised_train` from here
    record: list = []
    full_val: list = []
    sys.argv = ["supervised_train.py", *ARGS]
    try:
        runpy.run_module("graphsage.supervised_train", run_name="__main__", alter_sys=True,
                         init_globals={"ZOO_RECORD": record, "ZOO_FULL_VAL": full_val})
    except SystemExit as stop:  # tf.app.run() exits after main()
        if stop.code not in (None, 0):
            raise
    sys.stdout.flush()

    steps = [row[0] for row in record]
    assert steps == list(range(0, 30, 5)) and len(full_val) == 1, (steps, full_val)
    losses = summary_losses(LOG_DIR)
    assert sorted(losses) == steps, losses
    assert all(abs(losses[row[0]] - float(row[1])) < 1e-6 for row in record), losses
    stats = dict(part.split("=") for part in
                 (LOG_DIR / "val_stats.txt").read_text(encoding="utf-8").split())
    assert all(abs(float(stats[key]) - float(full_val[0][i])) < 5e-6
               for i, key in enumerate(["loss", "f1_micro", "f1_macro"])), stats

    metrics = {name: series([(row[0], row[1 + i]) for row in record], "step", tolerance=5e-6)
               for i, name in enumerate(NAMES)}
    last = steps[-1] + 4  # the last step run (total_steps - 1)
    for key in ["loss", "f1_micro", "f1_macro"]:
        metrics["validation_" + key] = series([(last, stats[key])], "step", tolerance=5e-6)
    write_truth(
        "GraphSAGE (williamleif)", f"repo {SOURCE_COMMIT[:12]}",
        "val_stats.txt for the full validation; the Iter lines' values kept by lines added "
        "after their print (RECORD_LINES): it keeps no record of them but the event file's "
        "train loss, checked equal",
        metrics, files=[str(LOG_DIR / "val_stats.txt")], also_ok=["time", "validation_time"],
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), tensorflow {tf.__version__}, "
              f"numpy {np.__version__}, networkx {nx.__version__}, scikit-learn "
              f"{sklearn.__version__}; synthetic toy-ppi files: {NODES} nodes, {LABELS} "
              f"labels, {FEATURES} features, 300 train, 50 val, 50 test; {last + 1} steps run")


if __name__ == "__main__":
    main()
