"""PyTorch-BigGraph 1.0.0 (PyPI's ``torchbiggraph`` 1.0.0, its last release, 2019: tag
v1.0.0 of facebookresearch/PyTorch-BigGraph, 44ec60c8; a pure-Python wheel) on the CPU build
of torch 2.13.0, run as its README's walk-through runs the FB15k example, on a tiny graph of
its own: ``torchbiggraph_import_from_tsv --lhs-col=0 --rel-col=1 --rhs-col=2 config.py
data/example/train.txt data/example/test.txt``, then ``torchbiggraph_train config.py -p
edge_paths=data/example/train_partitioned``, then ``torchbiggraph_eval config.py -p
edge_paths=data/example/test_partitioned``. Each command runs in this process (``sys.argv``
set, then the ``main()`` its console script calls, as ``mace_train`` runs its command):
``import_from_tsv`` shuffles the entities with the ``random`` module, which the case seeds
first (0), and torch is seeded (0) for the trainer's own process (the embeddings'
initialisation, the edges' permutation); ``torchbiggraph_eval``'s record (below) needs it too.
Nothing is downloaded (the README's ``torchbiggraph_example_fb15k`` downloads FB15k: not used).

Config (``config.py``, written by the case in the layout of the repository's
``examples/configs/fb15k_config.py``): one entity type ``user`` (one partition), one relation
``follows`` (``user`` -> ``user``, operator ``none``), ``dimension=16``, ``global_emb=False``,
``comparator="dot"`` and ``lr=0.1`` (fb15k's; the defaults are ``cos`` and 0.01),
``num_epochs=3`` and ``workers=1``; the rest PBG's defaults: the ranking loss with margin
0.1, batches of 1000, 50 batch and 50 uniform negatives, row-wise Adagrad,
``eval_fraction=0.05`` (5% of each bucket's
edges held out of training and evaluated before and after it, with
``eval_num_batch_negs``/``eval_num_uniform_negs`` 1000). ``workers=1``: PBG's default is one
Hogwild worker a CPU (``os.cpu_count()``), so the run would depend on the machine; one worker
also has no Hogwild races. Data: a synthetic follower graph of 200 users ``u000`` ..
``u199`` in 10 communities (user index modulo 10), 90% of edges inside the follower's
community, 4,000 training and 400 test edges, ``random.Random(0)``, written as the TSV the
README describes (``u017<TAB>follows<TAB>u127``). About 15 s, most of it the worker
processes' start (PBG's pools use multiprocessing's ``spawn``).

What it prints (stdout): ``import_from_tsv``'s plain prints (``Using the 1 relation types
given in the config``, ``- Found 200 entities``, ``- Shuffling them...``, ``- Processed 4000
edges in total``, ...), then PBG's logging lines (its ``CustomLoggingFormatter``: time, the
process's name right-aligned in 12 columns, the message), a bucket's lines prefixed with the
bucket ``( 0 , 0 ):``. Each epoch of ``torchbiggraph_train`` (one bucket; one run's values)::

    2026-12-07 12:05:43,... [Trainer-0] Starting epoch 1 / 3, edge path 1 / 1, edge chunk 1 / 1
    ... [Trainer-0] ( 0 , 0 ): Stats before training: pos_rank:  563.75 , mrr:  0.0243679 ,
        r1:  0.0125 , r10:  0.05 , r50:  0.09 , auc:  0.7525 , count:  200
    ... [Trainer-0] ( 0 , 0 ): bucket 1 / 1 : Processed 3800 edges in 0.02 s ( 0.17 M/sec );
        io: 0.34 s ( 0.29 MB/sec )
    ... [Trainer-0] ( 0 , 0 ): loss:  10.9907 , violators_lhs:  24.455 , violators_rhs:
        24.2913 , count:  3800
    ... [Trainer-0] ( 0 , 0 ): Stats after training: pos_rank:  123.118 , mrr:  0.0411856 ,
        r1:  0.01 , r10:  0.085 , r50:  0.4025 , auc:  0.9525 , count:  200

(each one line in the output, folded here), with ``Writing the training stats`` and the
checkpoint lines after it; then ``torchbiggraph_eval``'s ``[Evaluator]`` lines::

    ... [Evaluator] ( 0 , 0 ): Processed 400 edges in 2.2 s (0.00018M/sec); load time: 0.0012 s
    ... [Evaluator] Stats for edge path 1 / 1, bucket ( 0 , 0 ): pos_rank:  9.07125 , mrr:
        0.266844 , r1:  0.0775 , r10:  0.8225 , r50:  0.96875 , auc:  0.92625 , count:  400
    ... [Evaluator] Stats for edge path 1 / 1: pos_rank:  9.07125 , ... , count:  400
    ... [Evaluator] Stats: pos_rank:  9.07125 , ... , count:  400

(``Stats.__str__``: ``%s:  %.6g`` joined by `` , ``, then ``count:  %d``). On stderr, the
UserWarnings of torch 2.13 about PBG 1.0.0's code: ``TypedStorage is deprecated``
(``tensorlist.py:94``, once in each process that loads edges) and ``Converting a tensor with
requires_grad=True to a scalar`` (``train.py:136``, ``loss=float(loss)``, in the worker).
(The brief's sample ``[Trainer-0] Stats for edge path 0, bucket (0, 0), epoch 1: loss: ...``
is the repository's later main-branch format; 1.0.0 prints the lines above.)

Truth: PBG's own record, ``model/example/training_stats.json`` in the checkpoint folder
(``CheckpointManager.append_stats``, written after each epoch's checkpoint: one JSON object a
line, an epoch's bucket, listed in ``files``): ``stats`` (``count`` and ``metrics``:
``loss``, ``violators_lhs``, ``violators_rhs``, the training bucket's ``Stats`` averaged over
its edges, the very object the ``loss:`` line prints), ``eval_stats_before`` and
``eval_stats_after`` (``pos_rank``, ``mrr``, ``r1``, ``r10``, ``r50``, ``auc`` over the
held-out edges: the ``Stats before/after training:`` lines), full precision.
``torchbiggraph_eval`` writes nothing: its ``do_eval`` runs the generator
``do_eval_and_report_stats`` and drops what it yields (a bucket's, an edge path's and the
overall mean ``Stats``, each of them logged); the case puts in ``torchbiggraph.eval`` a
``do_eval`` that runs the same generator with the same arguments and keeps what it yields
(the framework's in-memory values), then calls the module's own ``main()``. Nothing is
parsed from stdout. Judgement calls:
- Names: PBG's own keys, as printed: ``loss``, ``violators_lhs``, ``violators_rhs``,
  ``pos_rank`` (the mean rank of the positive edge among its negatives, lhs and rhs
  averaged), ``mrr``, ``r1``, ``r10``, ``r50`` (hits at 1, 10, 50, fractions), ``auc``. The
  file keeps the evaluations under ``eval_stats_before``/``eval_stats_after`` with the same
  keys; the lines print ``Stats before training:``/``Stats after training:``, no phase word
  (``training`` here names when, not a data split: the edges are the held-out ones), so by
  the naming rule each name is one series holding, in print order, every evaluation printed
  under it (as ``mace_train`` pools its ``Initial:`` evaluation with its epochs'): per epoch
  the before and the after value, then ``torchbiggraph_eval``'s on the test edges: 7 points
  each. That last evaluation uses the training negatives (50 + 50) where the in-training
  ones use 1000 + 1000, hence ``pos_rank`` 9 after 128: another evaluation of the same
  metric, as the screen names it.
- ``torchbiggraph_eval`` prints its result three times (bucket ``( 0 , 0 )``, edge path 1 /
  1, all edge paths): with one bucket and one edge path these are the same evaluation's same
  values (the case asserts they are equal), one point, the overall ``Stats`` yielded last.
- Axis ``epoch``: training ``loss``/``violators_*`` at ``epoch_idx + 1`` (1..3, as ``Starting
  epoch 1 / 3`` counts); an evaluation at the number of epochs trained when it ran (before
  epoch k: k - 1; after it: k; ``torchbiggraph_eval``: 3).
- Tolerances: ``%.6g`` -> ``rel_tolerance`` 5e-6 (half a unit of the sixth significant digit
  of any value); ``r1`` etc. print exactly when they are 0.
- ``violators_lhs``/``violators_rhs`` are the mean number of negatives scoring above the
  positive, per edge (``Stats.average``), PBG's metrics; ``count`` (edges behind each mean)
  is a count, not a metric, and so are ``still in queue: 0``, ``Processed 3800 edges``, the
  import's counts and the epoch/edge path/edge chunk/bucket counters.
- ``also_ok``: ``io`` and ``load_time`` (the bucket's I/O and the evaluator's load time in
  seconds), ``M/sec`` and ``MB/sec`` (throughputs), as they are printed (the compute time,
  ``in 0.02 s``, has no name). None is kept anywhere.
- Determinism: the case seeds ``random`` and torch, but PBG seeds each worker process itself
  with its pid (``util._pool_init``: ``torch.manual_seed(os.getpid())``) and has no seed
  option: the negatives sampled, hence every value, vary from run to run (in the second or
  third digit); each run's truth is that run's own ``training_stats.json`` and yields.
"""
# zoo-venv: pbg

import json
import random
import sys
from importlib.metadata import version
from pathlib import Path

import torch
from _truth import series, write_truth

USERS, COMMUNITIES = 200, 10  # u000 .. u199; community = index % 10
TRAIN_EDGES, TEST_EDGES = 4000, 400
EPOCHS = 3
CONFIG = '''\
def get_torchbiggraph_config():

    config = dict(
        # I/O data
        entity_path="data/example",
        edge_paths=[
            "data/example/train_partitioned",
            "data/example/test_partitioned",
        ],
        checkpoint_path="model/example",

        # Graph structure
        entities={
            "user": {"num_partitions": 1},
        },
        relations=[{
            "name": "follows",
            "lhs": "user",
            "rhs": "user",
            "operator": "none",
        }],

        # Scoring model
        dimension=16,
        global_emb=False,
        comparator="dot",

        # Training
        num_epochs=3,
        lr=0.1,
        workers=1,
    )

    return config
'''
CHECKPOINT = "model/example"
STATS_FILE = f"{CHECKPOINT}/training_stats.json"
REL = 5e-6  # Stats.__str__ prints "%.6g": half a unit of the 6th significant digit


def write_edges() -> None:
    """A follower graph of 10 communities of 20 users: 90% of edges inside a community."""
    rng = random.Random(0)
    folder = Path("data/example")
    folder.mkdir(parents=True, exist_ok=True)

    def edge() -> str:
        lhs = rng.randrange(USERS)
        if rng.random() < 0.9:
            rhs = rng.randrange(USERS // COMMUNITIES) * COMMUNITIES + lhs % COMMUNITIES
        else:
            rhs = rng.randrange(USERS)
        return f"u{lhs:03d}\tfollows\tu{rhs:03d}\n"

    for name, count in (("train", TRAIN_EDGES), ("test", TEST_EDGES)):
        (folder / f"{name}.txt").write_text("".join(edge() for _ in range(count)))


def run_command(entry_point, argv: list[str]) -> None:
    """What the console script does (``sys.exit(main())``), in this process."""
    sys.argv = argv
    result = entry_point()
    if result:
        sys.exit(result)


def main() -> None:
    import torchbiggraph.eval
    from torchbiggraph.converters.import_from_tsv import main as import_from_tsv
    from torchbiggraph.train import main as train

    Path("config.py").write_text(CONFIG)
    write_edges()
    random.seed(0)  # import_from_tsv shuffles the entities with random.shuffle
    torch.manual_seed(0)  # the embeddings' initialisation, the edges' permutation
    run_command(import_from_tsv, ["torchbiggraph_import_from_tsv", "--lhs-col=0", "--rel-col=1",
                                  "--rhs-col=2", "config.py", "data/example/train.txt",
                                  "data/example/test.txt"])
    run_command(train, ["torchbiggraph_train", "config.py",
                        "-p", "edge_paths=data/example/train_partitioned"])

    # torchbiggraph_eval keeps no record: do_eval runs do_eval_and_report_stats and throws
    # away what it yields; the same loop here keeps it (the module's own do_eval replaced)
    eval_yields = []

    def do_eval(config, model=None, evaluator=None, subprocess_init=None) -> None:
        for item in torchbiggraph.eval.do_eval_and_report_stats(config, model, evaluator,
                                                                subprocess_init):
            eval_yields.append(item)

    torchbiggraph.eval.do_eval = do_eval
    run_command(torchbiggraph.eval.main, ["torchbiggraph_eval", "config.py",
                                          "-p", "edge_paths=data/example/test_partitioned"])

    # truth: PBG's own training_stats.json (one JSON object a line, a bucket of an epoch)
    with open(STATS_FILE, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    assert [r["epoch_idx"] for r in records] == list(range(EPOCHS)), records
    assert all(r["edge_path_idx"] == 0 and r["edge_chunk_idx"] == 0 for r in records)
    train_names = list(records[0]["stats"]["metrics"])
    eval_names = list(records[0]["eval_stats_before"]["metrics"])
    metrics = {}
    for name in train_names:
        metrics[name] = series([(r["epoch_idx"] + 1, r["stats"]["metrics"][name])
                                for r in records], "epoch", rel_tolerance=REL)
    assert len(eval_yields) == 3, eval_yields  # bucket (0, 0), edge path 1, all edge paths
    final = eval_yields[-1][2]
    assert eval_yields[-1][:2] == (None, None)
    for _, _, stats in eval_yields:
        assert stats.count == final.count and stats.metrics == final.metrics, eval_yields
    for name in eval_names:
        points = []
        for r in records:
            points.append((r["epoch_idx"], r["eval_stats_before"]["metrics"][name]))
            points.append((r["epoch_idx"] + 1, r["eval_stats_after"]["metrics"][name]))
        points.append((EPOCHS, final.metrics[name]))
        metrics[name] = series(points, "epoch", rel_tolerance=REL)

    write_truth(
        "PyTorch-BigGraph (torchbiggraph)", version("torchbiggraph"),
        f"{STATS_FILE} (CheckpointManager.append_stats, one JSON line an epoch's bucket): "
        "each line's stats.metrics (loss, violators_lhs, violators_rhs: the training "
        "bucket's means) at epoch epoch_idx + 1, and its eval_stats_before.metrics and "
        "eval_stats_after.metrics (pos_rank, mrr, r1, r10, r50, auc on the held-out "
        "eval_fraction edges) at epoch epoch_idx and epoch_idx + 1, in print order; then "
        "torchbiggraph_eval's overall Stats (the last thing do_eval_and_report_stats "
        "yields) at epoch 3",
        metrics, files=[STATS_FILE],
        also_ok=["io", "load_time", "M/sec", "MB/sec"],
        notes=f"{len(records)} lines in training_stats.json; training count "
              f"{records[0]['stats']['count']} edges an epoch, eval count "
              f"{records[0]['eval_stats_before']['count']} edges; torchbiggraph_eval: "
              f"{final.count} test edges, its three Stats lines (bucket ( 0 , 0 ), edge path "
              "1 / 1, all) are one evaluation's same values, one point",
    )


if __name__ == "__main__":
    main()
