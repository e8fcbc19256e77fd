"""Facebook's MUSE (facebookresearch/MUSE at 3159355b93f5c3c4883808ba785ba9d18d7f5e81,
2019-04-23, its last commit; no PyPI package, no release), its own ``unsupervised.py``:
adversarial training of a linear mapping against a discriminator, then iterative Procrustes
refinement, run as its README runs it (``python unsupervised.py --src_lang en --tgt_lang es
--src_emb data/wiki.en.vec --tgt_emb data/wiki.es.vec --n_refinement 5``) on the CPU build of
torch 2.13.0 with numpy 2.4.6 and scipy 1.17.1, without Faiss (as ``muse_supervised``, whose
docstring says how the repository is unpacked under ``$ZOO_REPOS/MUSE``, checked against
its git blob ids and run in-process):

    unsupervised.py --cuda False --seed 0 --src_emb wiki.en.vec --tgt_emb wiki.es.vec
        --emb_dim 30 --dis_most_frequent 0 --dis_hid_dim 512 --n_epochs 2
        --epoch_size 4032 --n_refinement 5 --dico_eval en-es.eval.txt
        --exp_path dumped --exp_id zoo

Options beyond the README's, each to fit tiny data and a short run: ``--cuda False``;
``--emb_dim 30`` (the data's); ``--dis_most_frequent 0`` (the default 75000 trips
``assert mf <= min(len(self.src_dico), len(self.tgt_dico))`` with 300 words; 0 draws from
all of them); ``--dis_hid_dim 512`` (of 2048: the run takes 9 s, not 50); ``--n_epochs 2``
(of 5) and ``--epoch_size 4032`` (of 1,000,000): 126 iterations of batch 32 an epoch, each 5
discriminator steps and one mapping step, the fewest that print the loss line twice an
epoch (it prints when ``n_iter % 500 == 0``, ``n_iter`` stepping by 32: at 0 and 4000);
``--dico_eval`` the case's evaluation dictionary (the default needs
``data/crosslingual/dictionaries/en-es.5000-6500.txt``, downloaded); ``--exp_path
dumped --exp_id zoo`` (a fixed run folder); ``--seed 0`` (seeds torch and numpy: the
discriminator's initialisation, dropout and the batches' word ids, so the run repeats).
The export stays on (``--export txt``: ``vectors-en.txt``, ``vectors-es.txt``).

Two things of today's Python and torch the 2019 code does not meet, set by the case for the
run (no line of MUSE changed): ``src/utils.py``'s ``get_optimizer`` checks the optimiser's
arguments with ``inspect.getargspec``, which Python 3.11 removed (``AttributeError``, before
training): the case sets ``inspect.getargspec = inspect.getfullargspec``, whose ``[0]`` is
the same list of argument names; and the refinement begins with ``trainer.reload_best()``,
whose ``torch.load`` of ``best_mapping.pth`` (a pickled numpy array) fails under torch 2.6's
``weights_only=True`` default: the case sets ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1``, torch's
own switch back to the old default (torch warns once that it forces it).

Data: ``_muse_data.write_data(angle=1.0)``, the 300 + 300 words of ``muse_supervised`` (30
dimensions, Gaussian noise 1.6, the same draws), but the target space is the source rotated
by ``expm`` of a random skew-symmetric matrix of norm 1 (at most 1 radian in each plane)
rather than by a random orthogonal matrix: adversarial training starts from MUSE's identity
mapping (``--map_id_init True``) and in 250 steps does not find an arbitrary rotation (with
``muse_supervised``'s rotation every precision stays at 0 or 1%). ``en-es.eval.txt`` holds
the pairs 200-299 (``en-es.train.txt`` is written too; unsupervised.py has no
``--dico_train``).

What it prints (all on stderr, MUSE's logger as in ``muse_supervised``): the Faiss notice,
the parameters, ``----> ADVERSARIAL TRAINING <----``, ``Starting adversarial training epoch
0...``, torch's ``UserWarning: volatile was removed and now has no effect`` (MUSE's
``Variable(..., volatile=True)``; once a source line: trainer.py 69-72, evaluator.py 232 and
237, trainer.py 262), then each epoch::

    000000 - Discriminator loss: 0.6709 - 2503 samples/s
    004000 - Discriminator loss: 0.4359 - 4595 samples/s

the evaluation's ``100 source words - nn - Precision at k = 1: 32.000000`` and ``Mean cosine
(nn method, S2T build, 10000 max size): 0.54504`` lines, ``eval_dis``'s ``Discriminator
source / target predictions: 0.86799 / 0.26476`` and ``Discriminator source / target /
global accuracy: 1.00000 / 0.92000 / 0.96000``, the JSON line ``__log__:{"n_epoch": 0,
"precision_at_1-nn": 32.0, ..., "mean_cosine-csls_knn_10-S2T-10000": 0.543..., "dis_accu":
0.96, "dis_src_pred": 0.867..., "dis_tgt_pred": 0.264...}``, ``* Best value for
"mean_cosine-csls_knn_10-S2T-10000": 0.54352`` (when it improves), ``End of epoch 0.`` and
``Decreasing learning rate: 0.10000000 -> 0.09800000``; then ``----> ITERATIVE PROCRUSTES
REFINEMENT <----``, the reload, and five ``Starting refinement iteration 0...`` blocks with
the same evaluation lines and ``__log__:{"n_iter": 0, ...}`` (no discriminator keys), and
the export's lines.

Truth: as in ``muse_supervised``, MUSE keeps its metrics only in the ``to_log`` dict it
logs as JSON; the running discriminator loss it keeps only in ``stats['DIS_COSTS']``, a list
it prints the mean of and empties. Lines added to unsupervised.py (``RECORD_LINES``), right
after each JSON log line (the adversarial loop's and the refinement's) and after the
``Discriminator loss`` line, append the dict and ``np.mean(stats['DIS_COSTS'])`` to lists the
case passes in; nothing is parsed from the output. Judgement calls:
- Names as MUSE keys them in ``to_log``. The evaluation keys (``precision_at_1-nn`` ..
  ``mean_cosine-csls_knn_10-S2T-10000``) are the same in the adversarial epochs' dicts and
  the refinement's, with no phase word: one series a key, in print order, 7 points (epochs
  0 and 1, then refinement iterations 0 to 4), axis each dict's own counter (``n_epoch``,
  then ``n_iter``; key ``step``). ``dis_accu``, ``dis_src_pred`` and ``dis_tgt_pred``: 2
  points each, key ``epoch`` (``n_epoch``). No tolerance: the JSON prints Python's ``repr``.
- ``Discriminator_loss``: no key of MUSE's own reaches the output (``stats_str`` maps its
  list ``DIS_COSTS`` to the label ``Discriminator loss``), so the printed words by
  docs/metrics.md's naming (``Time taken`` -> ``Time_taken``); the value is the mean BCE
  loss of the discriminator steps since the last print (the first iteration's 5 at
  ``000000``, the next 625 at ``004000``), 4 points, key ``epoch`` (``n_epoch``; the printed
  ``%06i`` is ``n_iter`` within the epoch), tolerance 5e-5 (``%.4f``).
- ``also_ok``: ``samples/s`` (throughput, printed on the loss lines, kept nowhere).
- The human-readable lines print values of the dict again: ``Precision at k = 1:
  32.000000``, ``Mean cosine (...): 0.54504``, ``Discriminator source / target predictions:
  0.86799 / 0.26476`` (``dis_src_pred`` / ``dis_tgt_pred``, ``%.5f``) and ``Discriminator
  source / target / global accuracy: 1.00000 / 0.92000 / 0.96000``, whose last figure is
  ``dis_accu`` (the source's and target's accuracies are computed in ``eval_dis`` and kept
  nowhere). These are reprints, not series of their own; ``* Best value for ...`` is the
  running best. ``Decreasing learning rate: 0.10000000 -> 0.09800000`` is the SGD decay
  schedule (a setting; exptrack records nothing of it).
- Not metrics: the parameter lines, ``Loaded 300 ...``, ``Found 100 pairs ...``, ``New
  train dictionary of 300 pairs.``, the ``000000``/``004000`` counters.
- Determinism: ``--seed 0`` with one thread: the values repeat (the pipe and pty runs
  record the same truth); only the times and ``samples/s`` vary.
"""
# zoo-venv: muse

import inspect
import os
import sys
from pathlib import Path

import numpy as np
import scipy
import torch
from _muse_data import COMMIT, DIM, REPO, SRC_BLOBS, write_data
from _truth import series, write_truth
from _verbatim import first_changed, git_blob_id, with_lines

# unsupervised.py and every module it imports, at COMMIT
BLOBS = {"unsupervised.py": "1c8d9cd9dd023e24b7337eb746204ab8073fdcaf", **SRC_BLOBS}
N_EPOCHS, EPOCH_SIZE, N_REFINEMENT = 2, 4032, 5  # 126 iterations of 32 an epoch
DIS_HID_DIM = 512  # of the default 2048: the run in seconds, not a minute

# the record: lines added to unsupervised.py right after what they keep; no line of the
# stock text changed. The running discriminator loss each "%06i - Discriminator loss:" line
# prints (stats_log's np.mean(stats['DIS_COSTS']), before the loop resets it), and the
# to_log dict each JSON log line dumps, of the adversarial epochs and of the refinement.
RECORD_LINES = {
    "                logger.info(('%06i - ' % n_iter) + ' - '.join(stats_log))\n":
        "                ZOO_LOSS.append((n_epoch, n_iter, float(np.mean(stats['DIS_COSTS']))))"
        "  # zoo: the value just printed\n",
    "        evaluator.eval_dis(to_log)\n\n"
    "        # JSON log / save best model / end of epoch\n"
    '        logger.info("__log__:%s" % json.dumps(to_log))\n':
        "        ZOO_RECORD.append(('epoch', dict(to_log)))  # zoo: the to_log dict just logged\n",
    "        to_log = OrderedDict({'n_iter': n_iter})\n"
    "        evaluator.all_eval(to_log)\n\n"
    "        # JSON log / save best model / end of epoch\n"
    '        logger.info("__log__:%s" % json.dumps(to_log))\n':
        "        ZOO_RECORD.append(('refinement', dict(to_log)))"
        "  # zoo: the to_log dict just logged\n",
}


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos.expanduser() / "MUSE"
    if (rel := first_changed(repo, BLOBS)) is not None:
        sys.exit(f"{repo / rel} is not {REPO}'s at {COMMIT} (git archive {COMMIT[:8]} "
                 f"unsupervised.py src | tar -x -C {repo})")
    write_data(angle=1.0)  # a rotation of at most 1 radian a plane, plus noise (_muse_data)
    script = repo / "unsupervised.py"
    text = script.read_text(encoding="utf-8")
    assert git_blob_id(text) == BLOBS["unsupervised.py"]
    record: list[tuple[str, dict]] = []
    losses: list[tuple[int, int, float]] = []
    sys.path.insert(0, str(repo))  # unsupervised.py's `from src.utils import ...`
    sys.argv = ["unsupervised.py", "--cuda", "False", "--seed", "0",
                "--src_emb", "wiki.en.vec", "--tgt_emb", "wiki.es.vec", "--emb_dim", str(DIM),
                "--dis_most_frequent", "0", "--dis_hid_dim", str(DIS_HID_DIM),
                "--n_epochs", str(N_EPOCHS),
                "--epoch_size", str(EPOCH_SIZE), "--n_refinement", str(N_REFINEMENT),
                "--dico_eval", "en-es.eval.txt", "--exp_path", "dumped", "--exp_id", "zoo"]
    # Python 3.11 removed inspect.getargspec, which src/utils.py's get_optimizer calls to
    # check the optimiser's arguments: its successor, whose [0] is the same list of names
    inspect.getargspec = inspect.getfullargspec
    # torch.load of MUSE's best_mapping.pth (a pickled numpy array): torch's own switch back
    # to its pre-2.6 default, weights_only=False (see the docstring)
    os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] = "1"
    namespace = {"__name__": "__main__", "__file__": str(script), "ZOO_RECORD": record,
                 "ZOO_LOSS": losses}
    exec(compile(with_lines(text, RECORD_LINES), str(script), "exec"), namespace)

    epochs = [row for phase, row in record if phase == "epoch"]
    refinement = [row for phase, row in record if phase == "refinement"]
    assert [row["n_epoch"] for row in epochs] == list(range(N_EPOCHS)), record
    assert [row["n_iter"] for row in refinement] == list(range(N_REFINEMENT)), record
    assert [(epoch, it) for epoch, it, _ in losses] == [
        (epoch, it) for epoch in range(N_EPOCHS) for it in (0, 4000)], losses
    # one series a key, in print order: the evaluation keys of the adversarial epochs and
    # of the refinement iterations are the same; the axis is each dict's own counter
    pairs: dict[str, list[tuple[int, float]]] = {}
    for phase, row in record:
        counter = row["n_epoch"] if phase == "epoch" else row["n_iter"]
        for key, value in row.items():
            if key not in ("n_epoch", "n_iter"):
                pairs.setdefault(key, []).append((counter, value))
    # the discriminator's keys are the adversarial epochs' alone: their axis is n_epoch
    metrics = {key: series(values, "epoch" if key.startswith("dis_") else "step")
               for key, values in pairs.items()}
    metrics["Discriminator_loss"] = series(((epoch, loss) for epoch, _, loss in losses),
                                           "epoch", tolerance=5e-5)
    write_truth(
        "MUSE", f"{COMMIT[:8]} (no release)",
        "unsupervised.py's to_log dict of each adversarial epoch and refinement iteration, "
        "the one its logger.info('__log__:%s' % json.dumps(to_log)) lines print, and the "
        "np.mean(stats['DIS_COSTS']) its '%06i - Discriminator loss: %.4f' lines print "
        "(lines the case adds after them keep them)",
        metrics,
        also_ok=["samples/s"],
        notes=f"{REPO} at {COMMIT}, run from $ZOO_REPOS/MUSE in-process; torch "
              f"{torch.__version__}, numpy {np.__version__}, scipy {scipy.__version__}; no "
              "faiss (MUSE's fallback nearest-neighbour search). Print order: "
              + ", ".join(f"{phase} {row.get('n_epoch', row.get('n_iter'))}"
                          for phase, row in record))


if __name__ == "__main__":
    main()
