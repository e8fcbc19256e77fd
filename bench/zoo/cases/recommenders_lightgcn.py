"""Microsoft's Recommenders (PyPI ``recommenders`` 1.2.1, its newest release; the package of
recommenders-team/recommenders at tag 1.2.1, commit 5c862afa, 2024-12-23) on TensorFlow 2.15.1
(``tensorflow-cpu``; recommenders asks for ``tensorflow>=2.8.4,<2.16``): its LightGCN,
``recommenders.models.deeprec.models.graphrec.lightgcn.LightGCN`` (a ``tf.compat.v1`` graph
run in a ``Session``, eager execution disabled at the module's import), trained as its
``examples/02_model_collaborative_filtering/lightgcn_deep_dive.ipynb`` trains it, cell by
cell: ``tf.get_logger().setLevel('ERROR')``, ``python_stratified_split(df, ratio=0.75)``,
``ImplicitCF(train=train, test=test, seed=SEED)``, ``prepare_hparams(yaml_file, n_layers=3,
batch_size=1024, epochs=EPOCHS, learning_rate=0.005, eval_epoch=..., top_k=10)``,
``LightGCN(hparams, data, seed=SEED)``, ``model.fit()`` under the package's ``Timer`` and
``print("Took {} seconds for training.")``, then the notebook's closing evaluation:
``recommend_k_items(test, top_k=10, remove_seen=True)`` scored by ``map``, ``ndcg_at_k``,
``precision_at_k`` and ``recall_at_k`` and printed ``"MAP:\\t%f"``, ``"NDCG:\\t%f"``,
``"Precision@K:\\t%f"``, ``"Recall@K:\\t%f"``. Changes from the notebook, to stay tiny and
offline: the YAML is the package's own ``config/lightgcn.yaml`` written by the case with
``embed_size: 8`` (of 64), ``epochs: 4`` (of 1000; the notebook passes 50),
``eval_epoch: 1`` (the notebook passes 5, so every epoch prints its metrics here) and
``MODEL_DIR: ./model/`` (``save_model`` stays False: nothing is written); SEED is the
package's ``recommenders.utils.constants.SEED`` (42) as in the notebook. Data: not
``movielens.load_pandas_df`` (a download) but a MovieLens-like frame of the same columns
(``userID``, ``itemID``, ``rating``, ``timestamp``), 120 users and 90 items in three taste
groups, each user rating 20-40 items, 70% from its group's third of the catalogue (ratings
3-5 there, 1-3 elsewhere), numpy ``default_rng(0)``: 3,523 ratings, 2,639 for training
(3 batches of 1024 an epoch), 884 for the test. About 8 s, most of it TensorFlow's import.

What it prints (stdout): ``Already create adjacency matrix.``, ``Already normalize adjacency
matrix.`` (ImplicitCF), ``Using xavier initialization.``, then an epoch a line::

 Epoch 1 (train)0.1s + (eval)0.1s: train loss = 0.69268 = (mf)0.69266 + (embed)0.00002, \
recall = 0.13237, ndcg = 0.12884, precision = 0.09917, map = 0.05422

(one line; ``%.1f`` timings, ``%.5f`` values; with ``eval_epoch`` -1 or off the beat the
line stops after ``(embed)``), then ``Took 0.37390455700005987 seconds for training.`` and the
notebook's four lines ``MAP:\\t0.098007``, ``NDCG:\\t0.205401``, ``Precision@K:\\t0.170833``,
``Recall@K:\\t0.225685``. On stderr TensorFlow's C++ log: the oneDNN and CPU-feature notices
at import and ``MLIR V1 optimization pass is not enabled`` (``I`` lines with timestamps).

Truth: LightGCN keeps no history (``fit`` returns None; no logger, no file: the print is
all), so the values its print statement formats are the record: two lines added to a
verbatim copy of the installed module (``RECORD_LINES``; the file checked against git's
blob d43cc089 of ``recommenders/models/deeprec/models/graphrec/lightgcn.py`` at the tag, no
stock line changed; ``_verbatim.load_with_lines`` runs it again in the module's namespace
before the case takes ``LightGCN`` from it), one right after each of ``fit``'s two epoch
prints, append ``(epoch, loss, mf_loss, emb_loss, dict(zip(self.metrics, ret)))``: the
epoch's mean batch losses and ``run_eval()``'s values, full precision. The closing cell's
values are the notebook's own variables (``eval_map`` ... ``eval_recall``, what
``python_evaluation`` returned). Nothing is parsed from stdout. Judgement calls
(docs/metrics.md):
- Names as printed (the loop's values have no keys: ``loss``, ``mf_loss``, ``emb_loss`` are
  local variables; ``self.metrics`` gives the four metric names, printed as they are):
  ``train_loss`` (``train loss =``: a phase word before the name prefixes it), ``mf`` and
  ``embed`` (the loss's two terms, the BPR loss and the L2 term, each labelled by the word
  in parentheses glued before its value: ``(mf)0.69266``, ``(embed)0.00002``), ``recall``,
  ``ndcg``, ``precision``, ``map`` (recall/NDCG/precision/MAP at k=10 of the top-10
  recommendations on the test split, seen items removed). Axis ``epoch``, 1 to 4.
- The closing cell: ``MAP`` and ``NDCG`` are ``map`` and ``ndcg`` in another case (one
  quantity, one name) and the same quantities of the same model as epoch 4's: the same test
  frame, k and ``ndcg_at_k``; ``map`` and ``map_at_k`` differ only for a user with more
  than k test items, and none has more than 10 here (the case asserts the values agree), so
  each is a reprint of epoch 4's value, no observation of its own (docs: one quantity
  printed again for the same step in another format). ``Precision@K`` and ``Recall@K`` are
  named otherwise (the ``@K`` is part of the printed name), so each is a series of its own:
  one point, at epoch 4 (the model after the last epoch), the value ``precision_at_k`` and
  ``recall_at_k`` returned (equal to epoch 4's ``precision`` and ``recall``).
- Tolerances: ``%.5f`` -> 5e-6; the closing ``%f`` -> 5e-7.
- ``also_ok``: the timings: ``train`` and ``eval`` (``(train)0.1s``, ``(eval)0.1s``, the
  epoch's wall seconds, kept by nothing) and ``took`` (``Took ... seconds for training.``,
  the notebook's ``Timer``: wall time, named by the sentence's verb as exptrack's sentence
  rule reads it).
- Not metrics: ``Epoch 1`` (the axis).
- Determinism: ``LightGCN`` seeds TensorFlow's graph and numpy, ``ImplicitCF`` Python's
  ``random`` (its negative sampling), the split uses the package's seed 42, so the values
  repeat run to run on this CPU; only the times vary.
"""
# zoo-venv: msrec

from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd
import recommenders.models.deeprec.models.graphrec.lightgcn as lightgcn_module
import tensorflow as tf
from _truth import series, write_truth
from _verbatim import load_with_lines
from recommenders.datasets.python_splitters import python_stratified_split
from recommenders.evaluation.python_evaluation import map, ndcg_at_k, precision_at_k, recall_at_k
from recommenders.models.deeprec.DataModel.ImplicitCF import ImplicitCF
from recommenders.models.deeprec.deeprec_utils import prepare_hparams
from recommenders.utils.constants import SEED as DEFAULT_SEED
from recommenders.utils.timer import Timer

tf.get_logger().setLevel("ERROR")  # the notebook's first cell: only show error messages

SOURCE = "recommenders-team/recommenders"
SOURCE_TAG, SOURCE_COMMIT = "1.2.1", "5c862afa751f53559b5ad98b92e098760f530ad8"
LIGHTGCN_BLOB = "d43cc0895b5a5c680d56b516bf355aca143a8e82"  # .../graphrec/lightgcn.py there
TOP_K, EPOCHS, BATCH_SIZE, SEED = 10, 4, 1024, DEFAULT_SEED
USERS, ITEMS, GROUPS = 120, 90, 3

RECORD_LINES = {
    "                    % (epoch, train_time, loss, mf_loss, emb_loss)\n"
    "                )\n":
        "                ZOO_RECORD.append((epoch, loss, mf_loss, emb_loss, {}))"
        "  # zoo: the values just printed\n",
    "                            for metric, r in zip(self.metrics, ret)\n"
    "                        ),\n"
    "                    )\n"
    "                )\n":
        "                ZOO_RECORD.append((epoch, loss, mf_loss, emb_loss,"
        " dict(zip(self.metrics, ret))))  # zoo: the values just printed\n",
}

YAML = f"""\
#model
model:
    model_type : "lightgcn"
    embed_size : 8 # the embedding dimension of users and items
    n_layers : 3 # number of layers of the model

#train
train:
    batch_size : {BATCH_SIZE}
    decay : 0.0001 # l2 regularization for embedding parameters
    epochs : {EPOCHS} # number of epochs for training
    learning_rate : 0.005
    eval_epoch : 1 # if it is not -1, evaluate the model every eval_epoch
    top_k : {TOP_K} # number of items to recommend when calculating evaluation metrics

#show info
#metric : "recall", "ndcg", "precision", "map"
info:
    save_model : False # whether to save model
    save_epoch : 100 # if save_model is set to True, save the model every save_epoch
    metrics : ["recall", "ndcg", "precision", "map"] # metrics for evaluation
    MODEL_DIR : ./model/ # directory of saved models
"""


def movielens_like(seed: int = 0) -> pd.DataFrame:
    """userID, itemID, rating, timestamp as movielens.load_pandas_df gives them: each user
    rates 20-40 items, mostly from the third of the catalogue its taste group likes."""
    rng = np.random.default_rng(seed)
    rows = []
    for user in range(1, USERS + 1):
        group = user % GROUPS
        liked = [item for item in range(1, ITEMS + 1) if item % GROUPS == group]
        others = [item for item in range(1, ITEMS + 1) if item % GROUPS != group]
        count = int(rng.integers(20, 41))
        n_liked = min(len(liked), round(count * 0.7))
        items = list(rng.choice(liked, n_liked, replace=False)) + list(
            rng.choice(others, count - n_liked, replace=False))
        for item in items:
            rating = float(rng.integers(3, 6) if item % GROUPS == group else rng.integers(1, 4))
            rows.append((user, int(item), rating, int(881250949 + rng.integers(0, 10**7))))
    return pd.DataFrame(rows, columns=["userID", "itemID", "rating", "timestamp"])


record: list = []
load_with_lines(lightgcn_module, Path(lightgcn_module.__file__), LIGHTGCN_BLOB, RECORD_LINES,
                record, f"{SOURCE} at {SOURCE_TAG}")
LightGCN = lightgcn_module.LightGCN

Path("lightgcn.yaml").write_text(YAML, encoding="utf-8")
df = movielens_like()
train, test = python_stratified_split(df, ratio=0.75)
data = ImplicitCF(train=train, test=test, seed=SEED)
hparams = prepare_hparams("lightgcn.yaml", n_layers=3, batch_size=BATCH_SIZE, epochs=EPOCHS,
                          learning_rate=0.005, eval_epoch=1, top_k=TOP_K)
model = LightGCN(hparams, data, seed=SEED)

with Timer() as train_time:
    model.fit()

# the notebook's cells, as written
print("Took {} seconds for training.".format(train_time.interval))  # noqa: UP032

topk_scores = model.recommend_k_items(test, top_k=TOP_K, remove_seen=True)
eval_map = map(test, topk_scores, k=TOP_K)
eval_ndcg = ndcg_at_k(test, topk_scores, k=TOP_K)
eval_precision = precision_at_k(test, topk_scores, k=TOP_K)
eval_recall = recall_at_k(test, topk_scores, k=TOP_K)

print("MAP:\t%f" % eval_map,  # noqa: UP031
      "NDCG:\t%f" % eval_ndcg,  # noqa: UP031
      "Precision@K:\t%f" % eval_precision,  # noqa: UP031
      "Recall@K:\t%f" % eval_recall, sep='\n')  # noqa: UP031

# truth: fit's values as its print formatted them (RECORD_LINES), and the closing cell's
assert [epoch for epoch, *_ in record] == list(range(1, EPOCHS + 1)), record
last = record[-1][4]
# MAP and NDCG reprint epoch 4's map and ndcg (docstring); Precision@K and Recall@K too,
# under names of their own
for closing, printed in ((eval_map, "map"), (eval_ndcg, "ndcg"),
                         (eval_precision, "precision"), (eval_recall, "recall")):
    assert abs(closing - last[printed]) < 1e-9, (printed, closing, last[printed])
metrics = {
    "train_loss": series([(e, loss) for e, loss, _, _, _ in record], "epoch", tolerance=5e-6),
    "mf": series([(e, mf) for e, _, mf, _, _ in record], "epoch", tolerance=5e-6),
    "embed": series([(e, emb) for e, _, _, emb, _ in record], "epoch", tolerance=5e-6),
}
for name in hparams.metrics:
    metrics[name] = series([(e, values[name]) for e, *_, values in record], "epoch",
                           tolerance=5e-6)
metrics["Precision@K"] = series([(EPOCHS, eval_precision)], "epoch", tolerance=5e-7)
metrics["Recall@K"] = series([(EPOCHS, eval_recall)], "epoch", tolerance=5e-7)
write_truth(
    "recommenders", version("recommenders"),
    f"LightGCN.fit's own values (lightgcn.py of {SOURCE} at {SOURCE_TAG}, git blob "
    f"{LIGHTGCN_BLOB[:8]}, with two lines that append what each epoch's print formats: "
    "loss, mf_loss, emb_loss and run_eval()'s metrics); the notebook's closing "
    "map/ndcg_at_k/precision_at_k/recall_at_k return values",
    metrics,
    also_ok=["train", "eval", "took"],
    notes=f"TensorFlow {version('tensorflow-cpu')}; {len(df)} synthetic ratings, "
          f"{len(train)} train / {len(test)} test, {USERS} users, {ITEMS} items. "
          "MAP and NDCG of the closing cell reprint epoch 4's map and ndcg (same model, test "
          "frame and k; no user has more than k test items, so map equals map_at_k); "
          "Precision@K and Recall@K are the same values as epoch 4's precision and recall "
          "under printed names of their own",
)
