"""implicit 0.7.3 (Ben Frederickson's collaborative filtering for implicit-feedback data sets,
Cython/OpenMP models on the CPU): the README's "Basic Usage" (``model =
implicit.als.AlternatingLeastSquares(factors=50)``, ``model.fit(user_item_data)``) for each of
its three matrix-factorisation models (the three ``examples/movielens.py`` offers), one
after another: ``AlternatingLeastSquares(factors=32, iterations=15, calculate_training_loss=True)``
(the default ``iterations``, spelt out; ``calculate_training_loss``, documented as "Whether to
log out the training loss at each iteration", is what makes ALS print a loss), then
``BayesianPersonalizedRanking(factors=32)`` (its defaults: 100 iterations, learning rate
0.01) and ``LogisticMatrixFactorization(factors=32)`` (its defaults: 30 iterations), each
``.fit(user_items, show_progress=True)`` (``show_progress`` spelt out at its default) with
``random_state=42`` and ``num_threads=1``. The data: a synthetic 800 users x 300 items CSR
matrix of "play counts" (each user 15 distinct items drawn from a rank-8 softmax of random
user/item vectors, counts 1..5; numpy's ``default_rng(0)``), nothing downloaded (the
examples' last.fm/MovieLens loaders in ``implicit.datasets`` fetch files). Nothing of the
case's own is printed: the quick start prints nothing of fitting, and the examples' logging
(``logging.basicConfig(level=DEBUG)``) is their command line's, not the library's default,
so ``implicit``'s logger stays quiet (ALS's ``log.info("Final training loss %.4f")`` goes
nowhere). About two seconds of fitting.

What it prints (stderr only, tqdm's ``tqdm.auto`` bars, one a fit, redrawn on ``\\r``):
ALS ``with tqdm(total=self.iterations)``: each iteration ``progress.update(1)`` (which draws a
frame when tqdm's 0.1 s ``mininterval`` has passed, showing the new count with the previous
postfix), then ``progress.set_postfix({"loss": loss})`` (which always refreshes), so a frame
an iteration shows that iteration's loss beside its count in tqdm's ``format_num``
(``.3g``; a shorter render is padded with spaces after ``]``)::

      0%|          | 0/15 [00:00<?, ?it/s]
      7%|▋         | 1/15 [00:00<00:00, 39.69it/s, loss=0.072]
     27%|██▋       | 4/15 [00:00<00:00, 32.71it/s, loss=0.0517]     (update's frame)
     27%|██▋       | 4/15 [00:00<00:00, 32.71it/s, loss=0.0499]     (set_postfix's)
    100%|██████████| 15/15 [00:00<00:00, 24.62it/s, loss=0.0459]    (the closing frame)

BPR likewise, 100 epochs, its postfix two strings ``{"train_auc": "%.2f%%" % (100.0 *
correct / (total - skipped)), "skipped": "%.2f%%" % (100.0 * skipped / total)}``::

      1%|          | 1/100 [00:00<00:02, 46.32it/s, train_auc=49.92%, skipped=7.01%]
    100%|██████████| 100/100 [00:01<00:00, 72.81it/s, train_auc=94.46%, skipped=6.54%]

LMF's bar (30 epochs) has no postfix: ``100%|██████████| 30/30 [00:00<00:00, 39.87it/s]``.
Under the pty the bars are as wide as the 120-column line allows; which counts get an
``update`` frame of their own depends on the machine's pace.

Truth: each model's ``fit(..., callback=...)`` argument, the framework's own per-iteration
hook (implicit/cpu/als.py ``callback(iteration, time.time() - s, loss)``, the value it
passed to ``set_postfix``; implicit/cpu/bpr.pyx ``callback(epoch, time.time() - s, correct,
skipped)``, the counts the postfix is computed from; implicit/cpu/lmf.pyx ``callback(epoch,
time.time() - s)``, no metric). The case passes a callback that appends its arguments to a
list and prints nothing. Judgement calls:
- Names are the postfix keys implicit sets: ``loss`` (ALS's ``calculate_loss``: the
  confidence-weighted squared error of the whole matrix plus the L2 penalty, divided by the
  total confidence, on the training data), ``train_auc`` and ``skipped`` (BPR: the percentage of
  sampled (user, liked, other) triples the model already ranks right, over those not
  skipped, and the percentage of samples skipped because the "negative" item was one the
  user liked; both printed per epoch and computed per epoch from the callback's counts,
  ``total = len(user_items.data)``, as ``fit`` computes them, in percent as printed).
  ``skipped`` is a per-epoch rate of the sampler, printed as a ``key=value`` of its own each
  epoch; the lead's call: a diagnostic of the negative sampling, not of the model (the share
  of draws wasted on an item the user liked, which the data's density sets), so it is in
  ``also_ok``: recorded or not, neither a miss nor junk.
- Repeats: an epoch whose value prints as the previous epoch's did (BPR's ``train_auc=89.61%``
  at 68/100 and again at 69/100, where ``skipped`` moves) is a value of its own, as the
  callback's counts make it; ``update``'s frames (the previous postfix at the new count) and
  the closing frame repeat the last value and add none.
- Axis: ``step``, the bar's count beside the value: ``update(1)`` runs before
  ``set_postfix``, so the frame with iteration ``i``'s value (the callback's 0-based
  ``iteration``/``epoch``) shows ``i + 1``; ALS 1..15, BPR 1..100.
- Tolerances: ``loss`` rel_tolerance 5e-3 (``.3g``); ``train_auc``/``skipped`` 5e-3 absolute
  (``%.2f`` of a percentage).
- ``it/s`` (and ``s/it`` should a machine be slow) are tqdm's rates, ``also_ok``; the elapsed
  seconds the callbacks get are timings, never printed as such.
- ``num_threads=1``: BPR's Hogwild SGD updates race across OpenMP threads (two runs on two
  threads differ in the counts), and ALS's loss is a ``prange`` reduction whose order
  varies; one thread (as run.py's ``OMP_NUM_THREADS=1`` intends) repeats exactly. The
  factors start from ``random_state=42``. LMF runs on one thread for the same reason.
"""
# zoo-venv: implicit

import implicit
import numpy as np
import scipy.sparse as sp
from _truth import series, write_truth
from implicit.als import AlternatingLeastSquares
from implicit.bpr import BayesianPersonalizedRanking
from implicit.lmf import LogisticMatrixFactorization

rng = np.random.default_rng(0)
n_users, n_items, rank, per_user = 800, 300, 8, 15
user_vecs = rng.normal(size=(n_users, rank))
item_vecs = rng.normal(size=(n_items, rank))
scores = user_vecs @ item_vecs.T
rows, cols = [], []
for user in range(n_users):
    weights = np.exp(scores[user] - scores[user].max())
    items = rng.choice(n_items, size=per_user, replace=False, p=weights / weights.sum())
    rows += [user] * per_user
    cols += items.tolist()
counts = rng.integers(1, 6, size=len(rows)).astype(np.float32)
user_items = sp.csr_matrix((counts, (rows, cols)), shape=(n_users, n_items))

als_log, bpr_log, lmf_log = [], [], []

model = AlternatingLeastSquares(factors=32, iterations=15, calculate_training_loss=True,
                                num_threads=1, random_state=42)
model.fit(user_items, show_progress=True, callback=lambda *args: als_log.append(args))

model = BayesianPersonalizedRanking(factors=32, num_threads=1, random_state=42)
model.fit(user_items, show_progress=True, callback=lambda *args: bpr_log.append(args))

model = LogisticMatrixFactorization(factors=32, num_threads=1, random_state=42)
model.fit(user_items, show_progress=True, callback=lambda *args: lmf_log.append(args))

assert [entry[0] for entry in als_log] == list(range(15)), als_log
assert [entry[0] for entry in bpr_log] == list(range(100)), bpr_log
assert [entry[0] for entry in lmf_log] == list(range(30)), lmf_log
total = len(user_items.data)
write_truth(
    "implicit", implicit.__version__,
    "fit(..., callback=...) arguments: ALS (iteration, elapsed, loss); BPR (epoch, elapsed, "
    "correct, skipped), train_auc = 100 * correct / (total - skipped) with total = nnz, as "
    "fit's postfix computes it; LMF (epoch, elapsed)",
    {"loss": series(((it + 1, loss) for it, _, loss in als_log), "step", rel_tolerance=5e-3),
     "train_auc": series(((epoch + 1, 100.0 * correct / (total - skipped))
                          for epoch, _, correct, skipped in bpr_log), "step", tolerance=5e-3)},
    also_ok=["it/s", "s/it", "skipped"],
    notes=f"{n_users}x{n_items} matrix, {total} non-zeros; LMF ran {len(lmf_log)} epochs "
          f"(its bar prints no metric)")
