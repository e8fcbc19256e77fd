"""LibKGE (uma-pi1/kge, the University of Mannheim's knowledge graph embedding library;
setup.py's ``libkge`` 0.1, no PyPI release) at 9bca31fefbfc41d48fdc03396acd0cf42eee9dc4
(2026-04-01, master's last), unpacked under ``$ZOO_REPOS/kge`` and installed editable
(``pip install --no-deps -e``, see requirements-libkge.txt) on the CPU build of torch 2.13.0,
run as its README's quick start runs it: ``kge start config.yaml --folder run``, its own
``kge`` console script run with subprocess (stdout and stderr inherited). The case checks
the files it relies on against their git blob ids first (``BLOBS``).

Config (``config.yaml``): the repository's ``examples/toy-complex-train.yaml`` as it is
(ComplEx, ``lookup_embedder`` dim 100 with ``normal_`` init std 0.1 and
``regularize_weight`` 8e-8, Adagrad lr 0.2, ``ReduceLROnPlateau`` mode max patience 4; the
defaults for the rest: ``train.type: KvsAll`` with its ``kl`` loss, batches of 100, validation by
``entity_ranking``), with ``dataset.name`` (below), ``job.device: cpu`` (the default is
``cuda``), ``random_seed.default: 0`` (the default -1 seeds nothing; 0 seeds Python, torch,
numpy and numba from it), ``train.max_epochs: 6`` (default 20), ``valid.every: 2`` (default
5) and ``train.trace_level: batch`` (default ``epoch``; below).
Data: a synthetic social graph of 48 people ``p00`` .. ``p47`` and 6 groups ``g0`` .. ``g5``
with four relations (``follows`` a ring, ``knows`` between partners both ways,
``member_of`` i mod 6, ``likes`` i+6), 192 triples shuffled with ``random.Random(0)``, 160
train, 16 valid, 16 test, written as LibKGE's downloads hold them (``train.txt`` etc.,
tab-separated names) and then prepared by the repository's own
``data/preprocess/preprocess_default.py <folder>`` (run in-process, as
``data/download_all.sh`` runs it after a download), which writes the layout ``kge/dataset.py``
reads: ``entity_ids.del``, ``relation_ids.del``, ``train.del``, ``valid.del``, ``test.del``
(index triples), its ``train_sample.del`` and ``*_without_unseen.del`` splits and
``dataset.yaml``. Its prints (``Found 160 triples in train.txt``, the dataset.yaml) go to
``data/preprocess.log``: data preparation, done before training as a download is; numpy's
global RNG (its ``train_sample`` draw) is seeded 0. The README has a dataset live in
``data/<name>/`` of the checkout (``Dataset.create`` joins ``<kge base>/data`` and
``dataset.name``); the case keeps its data in its own cwd and passes the folder's absolute
path as ``preprocess_default.py``'s folder (its ``dataset.yaml`` ``name``) and as
``dataset.name``, which ``os.path.join`` then takes as it is: nothing is written into the
checkout. About 20 s (the first evaluation alone takes 2-6 s, the later ones 0.02 s).

What it prints (stdout): ``Loading configuration config.yaml...``, ``Using folder: run``,
the dataset's ``Loaded 160 train triples`` ..., then, each line with the job's id
(``[a12be0f3]``), ``Initializing 1-to-N training job...``, ``Configuration:`` and the
whole configuration as indented YAML (about 250 lines: ``dim: 100``, ``p: 2``, ``s: 3``,
``max_epochs: 6``, ...), ``git commit: No working git repository found.`` (the checkout
is an archive; ``git`` says ``fatal: not a git repository`` on stderr, three times in
all). Each epoch: ``Starting epoch 1...``, then one
status line a batch, each drawn over the last with ``\\r`` and ``\\x1b[K`` and erased with
``\\x1b[2K\\r`` after the last::

    [a12be0f3]   batch 0/2, avg_loss 3.9471E+00, penalty 4.5269E-06, cost 3.9471E+00, time   0.23s

then the epoch's trace entry, ``yaml.dump`` of the very dict written to the trace (keys
sorted, full precision)::

    [a12be0f3]   avg_cost: 3.6666047233046064
    [a12be0f3]   avg_loss: 3.6665823459625244
    [a12be0f3]   avg_penalties:
    [a12be0f3]     complex.entity_embedder.L2_penalty: 2.151264152416843e-05
    [a12be0f3]     complex.relation_embedder.L2_penalty: 8.647005576752539e-07
    [a12be0f3]   avg_penalty: 2.2377342081843683e-05
    [a12be0f3]   backward_time: 0.1569969654083252
    [a12be0f3]   batches: 3
    ...
    [a12be0f3]   lr:
    [a12be0f3]   - 0.2
    [a12be0f3]   num_parameters: 5800
    ...

(``epoch_time``, ``forward_time``, ``optimizer_time``, ``other_time``, ``prepare_time``,
``size``, ``split: train``, ``timestamp``, ``type: KvsAll`` among them), ``Finished epoch
1.`` and checkpoint lines. Every second epoch the validation job (its own id) prints
``Evaluating on valid data (epoch 2)...``, one status line a batch (one batch here)::

    [dd0db8d5]   batch: 0/0, mrr (filt.): 0.765 (0.800), hits@1: 0.656 (0.656), hits@50:
        1.000 (1.000)

(one line, folded here) erased in the same way, then its trace entry as YAML: ``hits_at_1``,
``hits_at_1_filtered``, ``hits_at_1_filtered_with_test`` and the same for 3, 10 and 50 (the
``hits_at_k_s`` up to the 54 entities), ``mean_rank``, ``mean_reciprocal_rank`` each raw,
``_filtered`` and ``_filtered_with_test``, ``epoch_time``, ``filter_splits``, ``size: 16``,
``split: valid``, ...; after the last epoch ``Maximum number of epochs reached.``. Stderr:
the three git errors and torch's UserWarning about ``torch.sparse.FloatTensor`` (kge/job/util.py).

Truth: LibKGE's own record, the run folder's ``run/trace.yaml`` (``Config.trace``: one
single-line YAML record an event, listed in ``files``), read with LibKGE's own
``kge.job.trace.Trace``; nothing is parsed from stdout. ``train.trace_level: batch`` (a
documented option) makes the trace keep each batch too, so that everything the run prints
has its record: each training batch's record holds the ``avg_loss``, ``penalty`` and
``cost`` its status line prints (and its times, whose sum is the line's ``time``), each
evaluation batch's the ``mean_reciprocal_rank(_filtered)`` and ``hits_at_k(_filtered)``
its line prints; the epoch and evaluation records are the dumps printed. The setting
changes nothing printed. ``Trace`` is given a filter that leaves out the two
``job_created`` records: their ``torch_version`` is torch's ``TorchVersion``, which
``yaml.dump`` writes with a ``!!python/object/new`` tag that ``Trace``'s SafeLoader cannot
read (under torch 2.x ``Trace`` fails on any trace of this LibKGE). Judgement calls:
- Names: the trace's keys, printed as they are in the dumps. A value inside
  ``avg_penalties`` is named by its own key, as printed (``complex.entity_embedder.
  L2_penalty``, the L2 penalty of the entity embeddings averaged over the epoch's
  batches). The status lines print their own names: the training line the trace's
  ``avg_loss``, ``penalty``, ``cost``; the evaluation line ``mrr`` (the trace's
  ``mean_reciprocal_rank``), ``hits@1`` and ``hits@50`` (``hits_at_1``, ``hits_at_50``),
  each followed by the filtered value in parentheses: ``mrr (filt.): 0.765 (0.800)`` names
  its second value ``filt.`` (docs/metrics.md: a second name in parentheses names the
  second value; the abbreviation's dot dropped, as ``torchkge_transe``'s ``Filt.``) ->
  ``mrr_filt`` (``mean_reciprocal_rank_filtered``); ``hits@1: 0.656 (0.656)`` names no
  second value, so, like a spread printed after a value, it is no metric of its own.
- Pooling by name, in print order (no phase word on any of these lines): ``avg_loss`` is
  the training status line's value of each batch (that batch's mean loss) and the epoch
  dump's (the epoch's mean): per epoch 3 frames, then the epoch's value, 24 points (a bar's
  every frame is a value as printed, docs/metrics.md). ``epoch_time`` is each training
  epoch's and each evaluation's (``epoch_time`` of the evaluation job), 6 + 3 = 9 points.
  ``mrr`` (the evaluation batch's MRR) and ``mean_reciprocal_rank`` (the evaluation's) are
  two names: with one batch of 16 triples they agree, with more batches they would not
  (the status line shows the batch's own metrics, not a running mean); the same for
  ``hits@1``/``hits_at_1`` and ``hits@50``/``hits_at_50``.
- Timings: ``epoch_time``, ``prepare_time``, ``forward_time``, ``backward_time``,
  ``optimizer_time`` and ``other_time`` are in the record and printed to full precision:
  truth. ``time`` on the status line (``{:6.2f}s``, the batch's prepare, forward, backward
  and optimizer times summed) has no key of its own in the record: ``also_ok``.
- ``lr``: each epoch's record keeps the optimizer's learning rate, one a parameter group
  (one group here), printed as a YAML list (``lr:`` then ``- 0.2``); truth, 6 points
  (ReduceLROnPlateau with patience 4 leaves it at 0.2). The batch records' ``lr``,
  ``penalties``, ``size`` and times are not printed: not truth.
- Not metrics: ``batches``, ``size``, ``num_parameters``, ``epoch`` (counts),
  ``timestamp`` (a clock), ids, ``split``/``type``/``event``/``scope``; the configuration
  dump (settings); ``160 distinct sp pairs in train`` (counts).
- Axis ``epoch`` throughout: a batch's record carries its epoch (1..6), an evaluation the
  epoch it follows (2, 4, 6).
- Tolerances: ``{:.4E}`` on the training status line -> ``rel_tolerance`` 5e-5 for
  ``avg_loss``, ``penalty`` and ``cost`` (``avg_loss``'s epoch values print exactly);
  ``{:4.3f}`` on the evaluation line -> 5e-4 for ``mrr``, ``mrr_filt``, ``hits@1``,
  ``hits@50``; the dumps print Python's repr of each float: exact.
- Determinism: ``random_seed.default: 0``; the values repeat on this CPU (the times vary).
"""
# zoo-venv: libkge

import contextlib
import os
import random
import runpy
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import yaml
from _truth import series, write_truth
from _verbatim import first_changed

SOURCE_REPO = "uma-pi1/kge"
SOURCE_COMMIT = "9bca31fefbfc41d48fdc03396acd0cf42eee9dc4"
REPOS = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
KGE = REPOS / "kge"
# the files this case relies on, each to its git blob id at SOURCE_COMMIT
BLOBS = {
    "kge/cli.py": "892d28b632c10e03283c4fa6ee9ef959713156d4",
    "kge/config.py": "8385322c959e9882a653f4ae940d8c9bde4841a9",
    "kge/config-default.yaml": "2f77ea224a5c0f904445ef1c1f9f0ac39da9c296",
    "kge/job/train.py": "e81c529187a414c5f372a93f35ae569c85368f71",
    "kge/job/train_KvsAll.py": "c7ca05b3883c28dfa782e4d1f1c8e90c375e99f5",
    "kge/job/eval.py": "a19ffca394b030f3c784e0216d13eb0fd0d0bf18",
    "kge/job/eval_entity_ranking.py": "a8f2c5cad596bb3407bbc72a36f5d0d1d2f670e3",
    "data/preprocess/util.py": "7ab58f8e34b60a161b54eca52c5731e22e5c615f",
    "data/preprocess/preprocess_default.py": "232c312f7290d9d75a915e76d8fefc5d74b2143e",
    "examples/toy-complex-train.yaml": "d3a4d8a19be706b3fbcd2ab1ff4b53dcb95e7793",
}
PEOPLE, GROUPS = 48, 6  # entities p00 .. p47 and g0 .. g5
EPOCHS, VALID_EVERY = 6, 2
HITS_K = 50  # the largest of entity_ranking.hits_at_k_s under the number of entities
TIMES = ("epoch_time", "prepare_time", "forward_time", "backward_time", "optimizer_time",
         "other_time")
SOURCE = ("LibKGE's trace file run/trace.yaml (Config.trace: one YAML record an event), read "
          "with its own kge.job.trace.Trace: train.trace_level batch, so each batch's record "
          "as well as each epoch's and each evaluation's")
NOTES = ("train.trace_level batch (a documented option, the default is epoch) so that the "
         "status lines' values have their record too; see the case's docstring")


def raw_triples(seed: int = 0) -> list[tuple[str, str, str]]:
    """A small social graph: a ring of ``follows`` (p_i -> p_i+1), ``knows`` both ways
    between partners (p_2k <-> p_2k+1), ``member_of`` (p_i -> g_(i mod 6)) and
    ``likes`` (p_i -> p_i+6, a member of the same group); shuffled."""
    triples = []
    for i in range(PEOPLE):
        person = f"p{i:02d}"
        triples.append((person, "follows", f"p{(i + 1) % PEOPLE:02d}"))
        triples.append((person, "knows", f"p{i ^ 1:02d}"))
        triples.append((person, "member_of", f"g{i % GROUPS}"))
        triples.append((person, "likes", f"p{(i + GROUPS) % PEOPLE:02d}"))
    random.Random(seed).shuffle(triples)
    return triples


def write_dataset(folder: Path) -> None:
    """The raw splits (``train.txt``, ``valid.txt``, ``test.txt``: tab-separated names, as
    LibKGE's downloads hold them), then the repository's own ``data/preprocess/
    preprocess_default.py <folder>`` as ``data/download_all.sh`` runs it, which writes
    ``entity_ids.del``, ``relation_ids.del``, the ``.del`` splits and ``dataset.yaml``."""
    folder.mkdir(parents=True)
    triples = raw_triples()
    splits = {"test": triples[:16], "valid": triples[16:32], "train": triples[32:]}
    for name, rows in splits.items():
        (folder / f"{name}.txt").write_text("".join("\t".join(t) + "\n" for t in rows))
    preprocess = KGE / "data" / "preprocess"
    np.random.seed(0)  # its SampledSplit draws train_sample.del with numpy's global RNG
    saved = list(sys.argv), list(sys.path)
    sys.argv = ["preprocess_default.py", str(folder)]
    sys.path.insert(0, str(preprocess))
    try:
        with open(folder.parent / "preprocess.log", "w") as log, contextlib.redirect_stdout(log):
            runpy.run_path(str(preprocess / "preprocess_default.py"), run_name="__main__")
    finally:
        sys.argv, sys.path = saved


def main() -> None:
    changed = first_changed(KGE, BLOBS)
    if changed:
        sys.exit(f"{KGE}/{changed} is not {SOURCE_REPO}'s at {SOURCE_COMMIT[:8]}")
    dataset = Path("data", "social").resolve()
    write_dataset(dataset)
    # examples/toy-complex-train.yaml, with the dataset, the CPU, a seed and a short run
    config = yaml.safe_load((KGE / "examples" / "toy-complex-train.yaml").read_text())
    config["dataset.name"] = str(dataset)
    config["job.device"] = "cpu"
    config["random_seed"] = {"default": 0}
    config["train"].update({"max_epochs": EPOCHS, "trace_level": "batch"})
    config["valid"] = {"every": VALID_EVERY}
    Path("config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    kge = Path(sys.executable).with_name("kge")
    subprocess.run([str(kge), "start", "config.yaml", "--folder", "run"], check=True)

    from kge.job.trace import Trace

    # LibKGE's own reader of its own record; the two job_created entries are left out:
    # their torch_version is a TorchVersion, dumped with a python/object tag that the
    # SafeLoader Trace reads with cannot construct
    entries = Trace("run/trace.yaml", regex_filter=r"^(?!.*event: job_created)").entries
    write_truth("LibKGE", version("libkge"), SOURCE, truth_from(entries), files=["run/trace.yaml"],
                also_ok=["time"], notes=NOTES)


def truth_from(entries: list[dict]) -> dict[str, dict]:
    """The truth metrics from the trace's entries, in the trace's (= the print's) order."""
    points: dict[str, list[tuple[int, float]]] = {}

    def add(name: str, epoch: int, value: float) -> None:
        points.setdefault(name, []).append((epoch, value))

    for entry in entries:
        job, scope, epoch = entry.get("job"), entry.get("scope"), entry.get("epoch")
        if job == "train" and scope == "batch":  # the \r line: avg_loss, penalty, cost
            for key in ("avg_loss", "penalty", "cost"):
                add(key, epoch, entry[key])
        elif job == "train" and scope == "epoch":  # the epoch's YAML dump
            for key in ("avg_loss", "avg_cost", "avg_penalty", *TIMES):
                add(key, epoch, entry[key])
            for key, value in entry["avg_penalties"].items():
                add(key, epoch, value)
            (lr,) = entry["lr"]  # one parameter group
            add("lr", epoch, lr)
        elif job == "eval" and scope == "batch":  # the \r line: mrr (filt.), hits@1, hits@K
            add("mrr", epoch, entry["mean_reciprocal_rank"])
            add("mrr_filt", epoch, entry["mean_reciprocal_rank_filtered"])
            add("hits@1", epoch, entry["hits_at_1"])
            add(f"hits@{HITS_K}", epoch, entry[f"hits_at_{HITS_K}"])
        elif job == "eval" and scope == "epoch":  # the evaluation's YAML dump
            add("epoch_time", epoch, entry["epoch_time"])
            for key, value in entry.items():
                if key.startswith(("hits_at_", "mean_rank", "mean_reciprocal_rank")):
                    add(key, epoch, value)
    tolerances = {"avg_loss": {"rel_tolerance": 5e-5}, "penalty": {"rel_tolerance": 5e-5},
                  "cost": {"rel_tolerance": 5e-5}, "mrr": {"tolerance": 5e-4},
                  "mrr_filt": {"tolerance": 5e-4}, "hits@1": {"tolerance": 5e-4},
                  f"hits@{HITS_K}": {"tolerance": 5e-4}}
    return {name: series(values, "epoch", **tolerances.get(name, {}))
            for name, values in points.items()}

if __name__ == "__main__":
    main()
