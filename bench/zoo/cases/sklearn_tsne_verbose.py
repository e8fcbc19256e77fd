"""scikit-learn 1.9.1: ``TSNE(n_components=2, verbose=2, max_iter=500,
random_state=0).fit_transform(X)`` (defaults otherwise: ``perplexity=30``,
``early_exaggeration=12``, ``learning_rate="auto"``, ``init="pca"``,
``method="barnes_hut"``, ``angle=0.5``), as the API reference's example calls it
(``TSNE(n_components=2, learning_rate='auto', init='random', perplexity=3).fit_transform(X)``,
here with the documented ``verbose`` switch and ``max_iter``, the 1.5+ name of ``n_iter``,
and the defaults that suit 300 points), on scikit-learn's own synthetic blobs,
``make_blobs(n_samples=300, n_features=20, centers=3, random_state=0)``. Nothing
downloaded; about two seconds of Barnes-Hut optimisation on one thread. The case prints
nothing of its own.

What it prints (stdout only; ``TSNE._fit``, ``_binary_search_perplexity`` in ``_utils.pyx``,
``_gradient_descent`` every ``_N_ITER_CHECK`` = 50 iterations, and ``TSNE._tsne``)::

    [t-SNE] Computing 91 nearest neighbors...
    [t-SNE] Indexed 300 samples in 0.000s...
    [t-SNE] Computed neighbors for 300 samples in 0.049s...
    [t-SNE] Computed conditional probabilities for sample 300 / 300
    [t-SNE] Mean sigma: 2.178812
    [t-SNE] Computed conditional probabilities in 0.022s
    [t-SNE] Iteration 50: error = 46.2883110, gradient norm = 0.1814938 (50 iterations in 0.206s)
    ...
    [t-SNE] Iteration 250: error = 44.9106331, gradient norm = 0.2020280 (50 iterations in 0.176s)
    [t-SNE] KL divergence after 250 iterations with early exaggeration: 44.910633
    [t-SNE] Iteration 300: error = 0.8097532, gradient norm = 0.0064179 (50 iterations in 0.147s)
    ...
    [t-SNE] Iteration 500: error = 0.7390887, gradient norm = 0.0018366 (50 iterations in 0.150s)
    [t-SNE] KL divergence after 500 iterations: 0.739089

(``"[t-SNE] Iteration %d: error = %.7f, gradient norm = %.7f (%s iterations in %0.3fs)"``,
then ``"[t-SNE] KL divergence after %d iterations with early exaggeration: %f"`` and
``"[t-SNE] KL divergence after %d iterations: %f"``; the optimisation neither stalls nor
reaches ``min_grad_norm``, so no ``Finished.`` line.)

Truth: ``TSNE`` keeps only ``kl_divergence_`` (the final value) and ``n_iter_``; the
per-iteration values exist only inside its optimiser. The case wraps sklearn's own
``sklearn.manifold._t_sne._gradient_descent`` (the module global ``TSNE._tsne`` calls, once
for the early exaggeration phase and once for the rest) and, inside it, the objective it is
handed (``_kl_divergence_bh``): the wrappers call the originals with the same arguments,
return what they return and print nothing. From them: the ``error`` the objective returns
at each checked iteration (``compute_error`` true, ``(i + 1) % n_iter_check == 0``), the
very value the line prints; the gradient array the objective returns, which
``_gradient_descent`` scales in place by its gains (``grad *= gains``) before it prints
``linalg.norm(grad)``, so the norm of that same array after the call is the printed
gradient norm; and what each ``_gradient_descent`` returns, ``(p, error, i)``, the
``kl_divergence`` and ``it`` that ``_tsne`` prints after each phase. Checked: the last
phase's return equals the model's ``kl_divergence_`` and ``n_iter_``, and each phase's
returned error equals its last checked iteration's. Judgement calls:
- ``error``: the printed word (``_gradient_descent``'s local ``error``; docs/metrics.md:
  t-SNE's ``error = 115.9`` names a measure). One series of 10 points, key ``step`` = the
  printed iteration (``i + 1``: 50..250 in early exaggeration, then 300..500; sklearn's
  count runs on across the two phases). In the first phase it is the KL divergence of the
  exaggerated P (sklearn does not correct it, hence ~46 against ~0.8), but it is the same
  objective's return printed on the same line under the same word, so no second series;
  the phase shows only as the step. Tolerance 5e-8 (``%.7f``).
- ``gradient_norm``: the printed words ``gradient norm`` (sklearn's local ``grad_norm``,
  kept nowhere), 10 points at the same steps, tolerance 5e-8 (``%.7f``).
- ``KL divergence after N iterations [with early exaggeration]``: ``KL_divergence``, the
  printed words, as the openTSNE case names the same quantity (``kl_divergence_`` is a
  fitted attribute, not a key sklearn logs, as ``validation_scores_`` in
  ``sklearn_verbose``). 2 points, key ``step`` = the printed ``it + 1`` (250, 500): what
  each ``_gradient_descent`` returned, the second the model's ``kl_divergence_``. It repeats
  the last ``error`` of its phase at 6 decimals, but it is the one value sklearn keeps, no
  running best, so a series of its own; ``with early exaggeration`` qualifies the phase (no
  train/val/test phase word), so both lines are one series. Tolerance 5e-7 (``%f``).
- ``Mean sigma: 2.178812``: the mean Gaussian bandwidth the perplexity calibration found for
  the input (``sqrt(n_samples / sum(beta))`` in ``_binary_search_perplexity``), printed once
  before any optimisation and kept nowhere: a diagnostic of the input affinities, not of
  the fit, so no truth metric; ``also_ok`` as ``Mean_sigma`` (the printed words) if a
  tracker keeps it.
- Timings (none is kept): ``(50 iterations in 0.206s)``, ``Indexed 300 samples in
  0.000s``, ``Computed neighbors for 300 samples in 0.049s``, ``Computed conditional
  probabilities in 0.022s``: sentences whose seconds carry no name of their own, so no
  metric and no ``also_ok`` name (none is guessed for them).
- Counts and settings: ``91 nearest neighbors`` (``3 * perplexity + 1``), ``300 samples``,
  ``sample 300 / 300``, ``Iteration N``, ``after 500 iterations`` (``n_iter_`` = 499, the
  0-based last iteration), ``50 iterations``.
- Determinism: seeded blobs, ``random_state=0`` (the PCA initialisation) and one OpenMP
  thread for the Barnes-Hut gradient (``OMP_NUM_THREADS=1``) repeat the optimisation
  exactly, pipe and pty alike; only the four timings differ run to run.
"""
# zoo-venv: tsne

import inspect
import math

import numpy as np
import sklearn
from _truth import series, write_truth
from sklearn.datasets import make_blobs
from sklearn.manifold import TSNE, _t_sne

X, _ = make_blobs(n_samples=300, n_features=20, centers=3, random_state=0)

# The record: what sklearn's own optimiser computes, taken by wrapping it and the objective
# it is handed; nothing printed, the originals' arguments and returns passed through.
_original_gradient_descent = _t_sne._gradient_descent
_signature = inspect.signature(_original_gradient_descent)
phases = []


def _recording_gradient_descent(objective, p0, *args, **kwargs):
    bound = _signature.bind(objective, p0, *args, **kwargs)
    bound.apply_defaults()
    phase = {"it": bound.arguments["it"], "n_iter_check": bound.arguments["n_iter_check"],
             "checks": []}
    state = {"i": bound.arguments["it"]}

    def recorded_objective(params, *objective_args, **objective_kwargs):
        error, grad = objective(params, *objective_args, **objective_kwargs)
        i = state["i"]
        state["i"] += 1
        if (i + 1) % phase["n_iter_check"] == 0:
            # grad is the array _gradient_descent scales in place (grad *= gains) and then
            # prints the norm of: its norm is taken once the phase is over
            phase["checks"].append((i + 1, float(error), grad))
        return error, grad

    p, error, i = _original_gradient_descent(recorded_objective, p0, *args, **kwargs)
    phase["returned"] = (i, float(error))
    phases.append(phase)
    return p, error, i


_t_sne._gradient_descent = _recording_gradient_descent

tsne = TSNE(n_components=2, verbose=2, max_iter=500, random_state=0)
embedding = tsne.fit_transform(X)

_t_sne._gradient_descent = _original_gradient_descent

errors, grad_norms, kl = [], [], []
for phase in phases:
    last_i, returned_error = phase["returned"]
    checks = phase["checks"]
    assert checks and checks[-1][0] == last_i + 1, (checks[-1][:2], last_i)
    assert checks[-1][1] == returned_error, (checks[-1][1], returned_error)
    errors += [(step, error) for step, error, _ in checks]
    grad_norms += [(step, float(np.linalg.norm(grad))) for step, _, grad in checks]
    kl.append((last_i + 1, returned_error))
assert len(phases) == 2, len(phases)
assert [step for step, _ in errors] == list(range(50, 501, 50)), errors
assert phases[-1]["returned"] == (tsne.n_iter_, float(tsne.kl_divergence_)), (
    phases[-1]["returned"], tsne.n_iter_, tsne.kl_divergence_)
assert all(math.isfinite(value) for _, value in errors + grad_norms)

write_truth(
    "scikit-learn", sklearn.__version__,
    "sklearn.manifold._t_sne._gradient_descent wrapped (and the objective it is handed): "
    "each checked iteration's error and the norm of the gain-scaled gradient it prints, and "
    "each phase's returned error (the KL divergence _tsne prints); the last equals the "
    "model's kl_divergence_ and n_iter_",
    {"error": series(errors, "step", tolerance=5e-8),
     "gradient_norm": series(grad_norms, "step", tolerance=5e-8),
     "KL_divergence": series(kl, "step", tolerance=5e-7)},
    also_ok=["Mean_sigma"],
    notes=f"embedding {embedding.shape}; kl_divergence_ {float(tsne.kl_divergence_)}, "
          f"n_iter_ {tsne.n_iter_}, learning_rate_ {tsne.learning_rate_}")
