"""openTSNE 1.0.4: ``TSNE(n_iter=300, verbose=True, random_state=42).fit(X)`` as its docs'
basic usage runs it (``TSNE(perplexity=30, metric="euclidean", n_jobs=8, random_state=42,
verbose=True)``, ``tsne.fit(x_train)``; here every option at its default but ``n_iter`` and
``n_jobs``, left at 1 so the Barnes-Hut gradient sums in one order), with its documented
``callbacks`` (``Callable[[int, float, np.ndarray] -> bool]``, "run every
``callbacks_every_iters`` iterations") at ``callbacks_every_iters=50``, the cadence of its
prints. Data: 300 points in 10 dimensions, three Gaussian clusters of 100 (numpy
``default_rng(0)``, centres drawn with scale 6). openTSNE picks exact neighbour search and
the Barnes-Hut gradient for so few points, PCA initialisation, ``early_exaggeration="auto"``
(12) for ``early_exaggeration_iter=250`` iterations, and learning rate ``"auto"`` (N /
exaggeration: 25, then 300). About a second of optimisation.

What it prints (stdout, ``verbose=True``): a banner of 80 dashes around the estimator's repr
(``TSNE(callbacks=KLRecord(), early_exaggeration=12, n_iter=300, random_state=42,`` /
``     verbose=True)``), then its ``Timer`` lines for each stage, ``===> Finding 90 nearest
neighbors using exact search using euclidean distance...`` / ``   --> Time elapsed: 0.05
seconds``, ``===> Calculating affinity matrix...``, ``===> Calculating PCA-based
initialization...``, and one ``===> Running optimization with exaggeration=12.00, lr=25.00 for
250 iterations...`` / ``===> Running optimization with exaggeration=1.00, lr=300.00 for 300
iterations...`` banner a phase, under which ``gradient_descent`` prints every 50th
iteration ``"Iteration %4d, KL divergence %6.4f, 50 iterations in %.4f sec"``::

    Iteration   50, KL divergence 1.1438, 50 iterations in 0.2602 sec
    ...
    Iteration  250, KL divergence 1.0966, 50 iterations in 0.0898 sec
       --> Time elapsed: 0.79 seconds
    ===> Running optimization with exaggeration=1.00, lr=300.00 for 300 iterations...
    Iteration   50, KL divergence 0.7073, 50 iterations in 0.1295 sec
    ...
    Iteration  300, KL divergence 0.6359, 50 iterations in 0.0978 sec

The callback's class gives itself a ``__repr__`` (``KLRecord()``): the banner prints the
estimator's parameters, the callbacks among them, and a default repr's memory address would
change the output from run to run. Nothing goes to stderr.

Truth: openTSNE's own record of the optimisation, what ``gradient_descent`` hands its
callbacks, ``c(iteration + 1, error, embedding)`` (the very ``error`` the iteration line
prints, computed on the same iterations since both cadences are 50). A ``Callback`` subclass
keeps ``(iteration, error)``, opening a list at each ``optimization_about_to_start`` (the
hook openTSNE's ``Callback`` base class documents, called at the start of each ``optimize``),
so the case asserts the two phases' iterations (50..250, 50..300). Judgement calls:
- One metric, ``KL_divergence``, 11 values: openTSNE keeps the value under no key of its
  own (the callback's argument is ``error``, "the current KL divergence";
  ``TSNEEmbedding.kl_divergence`` holds only the last optimize's final value, after the
  last update: unprinted, in ``notes``), so the truth takes the printed words' name
  (docs/metrics.md, "Phrases": ``KL divergence`` -> ``KL_divergence``).
- Phases: the early exaggeration phase and the normal phase are one series, not two. Both
  are ``optimize`` calls on one embedding (``fit`` runs them back to back), and the value
  is the same quantity in both: during early exaggeration openTSNE computes the KL
  divergence of the exaggerated P and corrects it (``error / exaggeration -
  np.log(exaggeration)``: "Correct the KL divergence w.r.t. the exaggeration"), which is the
  KL divergence of the true P, as in the normal phase. The lines print no phase word; the
  phase shows only in the ``Running optimization with exaggeration=...`` banner, a stage of
  the optimiser, not a data split (docs/metrics.md's phases are train/val/test). The drop
  from 1.0966 to 0.7073 across the boundary is the optimisation released from the
  exaggeration, not a change of quantity.
- Key ``step``: the iteration as openTSNE counts it, which starts again at each
  ``optimize``: 50..250 in early exaggeration, then 50..300 (the run's 300th to 550th
  iterations). Truth keeps the callback's counts, as printed, in order; the axis is a note
  in the score anyway.
- Tolerance 5e-5: ``%6.4f`` rounds to 4 decimals; the callback gets full precision.
- ``--> Time elapsed: 0.79 seconds`` (``Timer``, a stage's wall time) and ``50 iterations in
  0.1295 sec`` are timings: ``also_ok`` as ``Time_elapsed`` (none is kept by openTSNE).
- Not metrics: the banner's ``exaggeration=12.00, lr=25.00 for 250 iterations`` are the
  settings of the phase about to run (the exaggeration factor, the learning rate openTSNE
  chose, the iteration count), printed once before it, as ``key=value`` settings; ``90
  nearest neighbors`` is a count; the repr's ``early_exaggeration=12``, ``n_iter=300``,
  ``random_state=42`` are parameters.
- Deterministic apart from the timings (seeded data, ``random_state=42`` handed to the
  neighbour search and the PCA initialisation, one thread); pipe and pty print the same
  lines.
"""
# zoo-venv: opentsne

import numpy as np
import openTSNE
from _truth import series, write_truth
from openTSNE import TSNE
from openTSNE.callbacks import Callback

N_ITER = 300


class KLRecord(Callback):
    """openTSNE's own record of the optimisation: what it hands its callbacks every
    ``callbacks_every_iters`` iterations, ``(iteration, error, embedding)``, one list an
    ``optimize`` call (``optimization_about_to_start`` opens each)."""

    def __init__(self):
        self.phases = []

    def optimization_about_to_start(self):
        self.phases.append([])

    def __call__(self, iteration, error, embedding):
        self.phases[-1].append((iteration, float(error)))

    def __repr__(self):  # TSNE's verbose banner prints its repr: no memory address
        return "KLRecord()"


rng = np.random.default_rng(0)
centers = rng.normal(scale=6.0, size=(3, 10))
X = np.vstack([center + rng.normal(size=(100, 10)) for center in centers])

record = KLRecord()
tsne = TSNE(n_iter=N_ITER, verbose=True, random_state=42, callbacks=record,
            callbacks_every_iters=50)
embedding = tsne.fit(X)

early, final = record.phases
assert [it for it, _ in early] == list(range(50, tsne.early_exaggeration_iter + 1, 50))
assert [it for it, _ in final] == list(range(50, N_ITER + 1, 50))
write_truth("openTSNE", openTSNE.__version__,
            "callbacks (iteration, error): the KL divergence openTSNE hands its callbacks "
            "every 50 iterations, early exaggeration phase then normal phase",
            {"KL_divergence": series([*early, *final], "step", tolerance=5e-5)},
            also_ok=["Time_elapsed"],
            notes=f"embedding {embedding.shape}; embedding.kl_divergence "
                  f"{embedding.kl_divergence}")
