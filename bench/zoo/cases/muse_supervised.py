"""Facebook's MUSE (facebookresearch/MUSE, "Multilingual Unsupervised and Supervised
Embeddings"; no PyPI package, no release: repository commit
3159355b93f5c3c4883808ba785ba9d18d7f5e81, 2019-04-23, its last), its own ``supervised.py``
(iterative Procrustes alignment of two monolingual embedding spaces with a seed dictionary),
run as its README runs it (``python supervised.py --src_lang en --tgt_lang es --src_emb
data/wiki.en.vec --tgt_emb data/wiki.es.vec --n_refinement 5 --dico_train default``) on the CPU
build of torch 2.13.0 with numpy 2.4.6 and scipy 1.17.1, without Faiss (optional; ``src/
utils.py`` falls back to its own torch nearest-neighbour search):

    supervised.py --cuda False --seed 0 --src_emb wiki.en.vec --tgt_emb wiki.es.vec
        --emb_dim 30 --n_refinement 5 --dico_train en-es.train.txt
        --dico_eval en-es.eval.txt --exp_path dumped --exp_id zoo

The repository is not a pip package: the case finds it under ``$ZOO_REPOS/MUSE`` (default
``~/.cache/exptrack-zoo/repos``; ``git archive 3159355b supervised.py unsupervised.py src |
tar -x -C .../MUSE`` of a ``fetch`` of facebookresearch/MUSE), checks ``supervised.py`` and
every ``src/`` module it imports against their git blob ids at that commit, and runs
``supervised.py`` in-process (compiled from its own path, as ``__main__``, ``sys.argv`` as
above, the repository first on ``sys.path`` for its ``from src.utils import ...``), with one
line added (below). No line of ``src/`` is changed.

Options beyond the README's: ``--cuda False`` (the default True asserts
``torch.cuda.is_available()``); ``--emb_dim 30`` (the data's; the default 300 is fastText's
Wikipedia vectors'); ``--dico_train``/``--dico_eval`` name the dictionaries the case writes
(``default`` reads ``data/crosslingual/dictionaries/en-es.0-5000.txt`` and
``en-es.5000-6500.txt``, which ``data/get_evaluation.sh`` downloads); ``--exp_id zoo`` and
``--exp_path dumped`` (the run's folder, ``dumped/debug/zoo/``, instead of a random
10-character id under the repository's own ``dumped/``); ``--seed 0`` (seeds numpy and torch;
nothing in the supervised path draws from them: the run repeats without it). After the loop
the default ``--export txt`` calls ``trainer.reload_best()``, whose ``torch.load`` of the
saved ``best_mapping.pth`` (a pickled numpy array) fails under torch 2.6's
``weights_only=True`` default (``UnpicklingError: Weights only load failed ...
numpy._core.multiarray._reconstruct was not an allowed global``); the case sets torch's own
switch back to the old default, ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1``, for the run (torch
warns once on stderr that it forces ``weights_only=False``), so the script ends as it did on
the torch of its time: it maps the source vectors and writes ``vectors-en.txt`` and
``vectors-es.txt`` into its folder. The other evaluations need downloaded data and skip
themselves through MUSE's own checks, no line added: ``monolingual_wordsim`` and
``crosslingual_wordsim`` look for ``data/monolingual/en`` and
``data/crosslingual/wordsim/en-es-SEMEVAL17.txt`` relative to the cwd (the case's empty temp
folder: ``None``, nothing printed or logged), ``sent_translation`` for
``data/crosslingual/europarl/europarl-v7.en-es.en`` (``None``: returns).

Data, made here by ``_muse_data.write_data()`` (numpy ``default_rng(0)``): fastText's text
format (``300 30`` header, then ``word v1 .. v30`` with ``%.5f`` values) for 300 source words
``en000`` .. ``en299`` (standard normal vectors) in ``wiki.en.vec`` and 300 target words
``es000`` .. ``es299`` in ``wiki.es.vec``, each ``es<i>`` the source vector times a random
orthogonal matrix plus Gaussian noise of standard deviation 1.6, listed in a shuffled order;
the dictionaries (``source target`` a line, lowercase, as MUSE's): ``en-es.train.txt`` the
pairs 0-199, ``en-es.eval.txt`` the pairs 200-299. The noise keeps precision@1 near 50%.

What it prints: everything goes to stderr (MUSE's ``create_logger`` gives the root logger a
``logging.StreamHandler()`` beside its ``train.log`` ``FileHandler``, the same formatter):
``Impossible to import Faiss library!! Switching to standard nearest neighbors search
implementation, this will be significantly slower.`` (``sys.stderr.write`` at import), then
log lines ``INFO - 12/07/26 14:22:23 - 0:00:00 - <message>`` (level, date and time, elapsed
time): ``============ Initialized logger ============``, the parameters one ``name: value`` a
line (``dico_max_rank: 10000``, ``emb_dim: 30``, ``seed: 0``, ..., continuation lines indented
under the prefix), ``Loaded 300 pre-trained word embeddings.``, ``Found 200 pairs of words in
the dictionary (200 unique). 0 other pairs ...``, ``Validation metric:
precision_at_1-csls_knn_10``; then for each iteration ``Starting iteration 0...``, ``Building
the train dictionary ...``/``New train dictionary of 225 pairs.`` (from iteration 1), each
evaluation method's ``100 source words - nn - Precision at k = 1: 49.000000`` (k = 1, 5, 10;
``nn`` then ``csls_knn_10``), ``Mean cosine (nn method, S2T build, 10000 max size):
0.59226`` (and ``csls_knn_10``), the JSON line::

    __log__:{"n_iter": 0, "precision_at_1-nn": 49.0, "precision_at_5-nn": 84.0,
    "precision_at_10-nn": 91.0, "precision_at_1-csls_knn_10": 53.0, ...,
    "mean_cosine-nn-S2T-10000": 0.5922568440437317,
    "mean_cosine-csls_knn_10-S2T-10000": 0.591309666633606}

(one line), ``* Best value for "precision_at_1-csls_knn_10": 53.00000`` and ``* Saving the
mapping to dumped/debug/zoo/best_mapping.pth ...`` when the validation metric improves, and
``End of iteration 0.`` followed by two blank continuation lines. Then the export: ``*
Reloading the best model from dumped/debug/zoo/best_mapping.pth ...``, torch's
``UserWarning: Environment variable TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD detected ...``,
``Reloading all embeddings for mapping ...``, ``Map source embeddings to the target space
...``, torch's ``UserWarning: volatile was removed and now has no effect`` (MUSE's
``Variable(..., volatile=True)``) and ``Writing source embeddings to
dumped/debug/zoo/vectors-en.txt ...`` (and the target's).

Truth: MUSE keeps its metrics only in the ``to_log`` dict each iteration builds
(``OrderedDict({'n_iter': n_iter})`` filled by ``Evaluator.all_eval``) and logs as that JSON
line (``train.log`` holds the same log text as stderr); no metrics file, no history. So one
line is added to supervised.py right after ``logger.info("__log__:%s" %
json.dumps(to_log))`` (``RECORD_LINES``), appending a copy of the dict to a list the case
passes in; nothing is parsed from the output. Judgement calls:
- Names as MUSE keys them in ``to_log`` (``'%s-%s' % (k, method)`` in
  ``Evaluator.word_translation``, ``'mean_cosine-%s-%s-%i'`` in ``dist_mean_cosine``):
  ``precision_at_1-nn``, ``precision_at_5-nn``, ``precision_at_10-nn``, the three
  ``precision_at_k-csls_knn_10``, ``mean_cosine-nn-S2T-10000`` and
  ``mean_cosine-csls_knn_10-S2T-10000``: 8 series of 6 points (iterations 0 to 5).
  Precisions in percent, as MUSE computes them.
- Axis ``step``: ``n_iter``, the dict's own counter (0-based): no metric.
- No tolerance: the JSON line prints each value with Python's ``repr`` (``json.dumps``:
  ``55.00000000000001``, the float32 mean cosine's ``.item()``), exactly the recorded value.
- The human-readable lines print the same values again, rounded (``Precision at k = 1:
  49.000000``, ``%f``; ``Mean cosine (...): 0.59226``, ``%.5f``): the same quantities under
  no key of their own, not second series. ``* Best value for "precision_at_1-csls_knn_10":
  53.00000`` is the running best of the validation metric, printed again when it improves
  (no series of its own, docs/metrics.md). exptrack records none of these, so ``also_ok`` is
  empty.
- Not metrics: the parameter lines (settings), ``Loaded 300 ...``, ``Found 200 pairs ...``,
  ``New train dictionary of 225 pairs.`` and ``100 source words`` (counts), the elapsed
  ``0:00:00`` of the prefix.
- Determinism: Procrustes (``scipy.linalg.svd``), the dictionary induction and the
  evaluation involve no randomness; the values repeat on the CPU, only the times vary.
- ``unsupervised.py`` (adversarial training, then the same refinement) is the case
  ``muse_unsupervised``, in this venv group.
"""
# zoo-venv: muse

import os
import sys
from pathlib import Path

import numpy as np
import scipy
import torch
from _muse_data import COMMIT, DIM, REPO, SRC_BLOBS, write_data
from _truth import series, write_truth
from _verbatim import first_changed, git_blob_id, with_lines

# supervised.py and every module it imports, at COMMIT
BLOBS = {"supervised.py": "3675082e2c66f5d80f615a4e1afe41b009dd5314", **SRC_BLOBS}
N_REFINEMENT = 5  # supervised.py's default: iterations 0..5

# the record: a line added to supervised.py right after the JSON log line of each
# iteration, keeping the dict that line dumps (no line of the stock text changed)
RECORD_LINES = {
    '    logger.info("__log__:%s" % json.dumps(to_log))\n':
        "    ZOO_RECORD.append(dict(to_log))  # zoo: the to_log dict just logged\n",
}


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos.expanduser() / "MUSE"
    if (rel := first_changed(repo, BLOBS)) is not None:
        sys.exit(f"{repo / rel} is not {REPO}'s at {COMMIT} (git archive {COMMIT[:8]} "
                 f"supervised.py src | tar -x -C {repo})")
    write_data()  # a random rotation plus noise (_muse_data)
    script = repo / "supervised.py"
    text = script.read_text(encoding="utf-8")
    assert git_blob_id(text) == BLOBS["supervised.py"]
    record: list[dict] = []
    sys.path.insert(0, str(repo))  # supervised.py's `from src.utils import ...`
    sys.argv = ["supervised.py", "--cuda", "False", "--seed", "0",
                "--src_emb", "wiki.en.vec", "--tgt_emb", "wiki.es.vec", "--emb_dim", str(DIM),
                "--n_refinement", str(N_REFINEMENT), "--dico_train", "en-es.train.txt",
                "--dico_eval", "en-es.eval.txt", "--exp_path", "dumped", "--exp_id", "zoo"]
    # torch.load of MUSE's best_mapping.pth (a pickled numpy array) at the end: torch's own
    # switch back to its pre-2.6 default, weights_only=False (see the docstring)
    os.environ["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] = "1"
    namespace = {"__name__": "__main__", "__file__": str(script), "ZOO_RECORD": record}
    exec(compile(with_lines(text, RECORD_LINES), str(script), "exec"), namespace)

    assert [row["n_iter"] for row in record] == list(range(N_REFINEMENT + 1)), record
    metrics = {key: series(((row["n_iter"], row[key]) for row in record), "step")
               for key in record[0] if key != "n_iter"}
    write_truth(
        "MUSE", f"{COMMIT[:8]} (no release)",
        "supervised.py's to_log dict of each refinement iteration, the one its "
        "logger.info('__log__:%s' % json.dumps(to_log)) line prints (a line the case adds "
        "after it keeps it)",
        metrics,
        also_ok=[],
        notes=f"{REPO} at {COMMIT}, run from $ZOO_REPOS/MUSE in-process; torch "
              f"{torch.__version__}, numpy {np.__version__}, scipy {scipy.__version__}; no "
              "faiss (MUSE's fallback nearest-neighbour search)")


if __name__ == "__main__":
    main()
