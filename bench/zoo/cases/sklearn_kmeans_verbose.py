"""scikit-learn 1.9.1 and tslearn 0.10.0, k-means with ``verbose`` on: scikit-learn's
``KMeans(n_clusters=4, n_init=2, verbose=1, random_state=0).fit(X)`` (defaults otherwise:
``algorithm="lloyd"``, ``init="k-means++"``, ``max_iter=300``, ``tol=1e-4``) and
``MiniBatchKMeans(n_clusters=4, batch_size=30, random_state=0, verbose=1).fit(X)`` (its
``n_init="auto"`` is 1 for k-means++, ``max_iter=100``, ``max_no_improvement=10``;
``batch_size`` given as the API reference's example gives it, a tenth of the data, as the
default 1024 exceeds the 300 samples) on scikit-learn's own synthetic blobs,
``make_blobs(n_samples=300, centers=4, cluster_std=1.5, random_state=0)``; then tslearn's
``TimeSeriesKMeans(n_clusters=3, verbose=True, random_state=0).fit(X)`` (the default
``metric="euclidean"``, ``max_iter=50``, ``tol=1e-6``, ``n_init=1``) on tslearn's own
generator, ``random_walks(n_ts=50, sz=32, d=1, random_state=0)``, as its docstring example
fits it. Nothing downloaded; the fits take milliseconds (the imports take the rest). The
case prints nothing of its own; ``verbose`` is each estimator's documented switch.

What it prints (stdout; ``KMeans``' lines from ``_BaseKMeans.fit`` and
``_kmeans_single_lloyd``, ``MiniBatchKMeans``' from its ``fit`` and
``_mini_batch_convergence``, full ``repr`` floats in f-strings)::

    Initialization complete
    Iteration 0, inertia 1377.515877507016.
    ...
    Iteration 6, inertia 1007.8978228353071.
    Converged at iteration 6: strict convergence.
    Initialization complete
    Iteration 0, inertia 1434.1209337785033.
    ...
    Converged at iteration 11: strict convergence.
    Init 1/1 with method k-means++
    Inertia for init 1/1: 508.46591321689004
    Minibatch step 1/1000: mean batch inertia: 4.708798191244139
    Minibatch step 2/1000: mean batch inertia: 5.101205166977162, ewa inertia: 5.101205166977162
    ...
    Minibatch step 35/1000: mean batch inertia: 3.2608838097181607, ewa inertia: 3.3913462843498654
    Converged (lack of improvement in inertia) at step 35/1000
    203.479 --> 163.130 --> 161.348 --> 161.348 -->

(the last line is tslearn's: ``print("%.3f" % self.inertia_, end=" --> ")`` an iteration of
``_fit_one_init``, then ``print("")``; no names, no step). On stderr, at import, tslearn's
``UserWarning: h5py not installed, hdf5 features will not be supported.`` (h5py is an
optional dependency it leaves out; a plain ``pip install tslearn`` gets the warning too).

Truth: none of the three keeps a history (``KMeans`` keeps only the best run's
``inertia_``, ``n_iter_``; ``MiniBatchKMeans`` ``n_steps_``, ``n_iter_``, ``inertia_`` and
the last ``_ewa_inertia``; ``TimeSeriesKMeans`` ``inertia_`` and ``n_iter_``), so the case
replays each fit after it ran, with the libraries' own functions, in the order their
``fit`` calls them, from the same seed, and takes the values the verbose lines print from
the replay:
- ``KMeans``: a fresh ``RandomState(0)``, the data centred as ``fit`` centres it, each
  initialisation's centres from ``KMeans._init_centroids`` (k-means++), then
  ``_kmeans_single_lloyd``'s loop: ``lloyd_iter_chunked_dense`` and, per iteration, the
  ``_inertia_dense(X, sample_weight, centers, labels, n_threads)`` it prints (the labels of
  this iteration against the centres they were assigned to), the strict/``tol`` stop and
  the final inertia. Checked: the run ``fit`` keeps (same choice rule) has the model's
  ``inertia_``, ``n_iter_``, ``labels_`` and ``cluster_centers_``, bit for bit.
- ``MiniBatchKMeans``: ``fit``'s order again (validation indices, ``_init_centroids`` on
  ``init_size`` samples, the validation inertia of ``_labels_inertia_threadpool_limit``,
  then per step ``random_state.choice`` of a batch, ``_mini_batch_step`` and the
  exponentially weighted average and stop of ``_mini_batch_convergence``). Checked: the
  model's ``n_steps_``, ``n_iter_``, ``cluster_centers_``, its last ``_ewa_inertia`` and
  ``inertia_`` (``_labels_inertia`` of the final centres on all of ``X``), exactly.
- ``TimeSeriesKMeans``: ``_kmeans_plusplus`` on the flattened series (as ``fit`` calls it,
  with its ``x_squared_norms``), then ``_fit_one_init``'s loop: euclidean ``cdist``, labels,
  ``_compute_inertia`` (the mean squared distance to the assigned centre, tslearn's
  ``inertia_``, not scikit-learn's sum), the centroid update and the ``tol`` stop. Checked:
  the model's ``inertia_`` (the last iteration's), ``n_iter_`` and ``cluster_centers_``.
Judgement calls:
- ``Iteration i, inertia V.``: ``inertia``, scikit-learn's key (``inertia_``) and the printed
  word; key ``step`` = the printed iteration, 0-based, restarting at 0 for the second
  initialisation (7 + 12 points, both runs, as printed: the second has the lower inertia and
  is the one kept, but the first's are printed values too).
- tslearn's ``203.479 --> 163.130 --> ...`` chain: the same quantity under tslearn's own
  key ``inertia_``, so ``inertia`` too, 4 more points after scikit-learn's 19 (23 in output
  order), at tslearn's loop index ``it`` (0-based, as scikit-learn's iterations; the line
  prints no step). ``%.3f`` rounds them: the series' tolerance is 5e-4 (scikit-learn's
  values are exact reprs, well within it).
- ``mean batch inertia`` (``batch_inertia / batch_size``) and ``ewa inertia`` (the running
  exponentially weighted average that drives the early stop, printed every step from step
  2, and not a running best) are quantities of their own, named by the printed words,
  ``mean_batch_inertia`` and ``ewa_inertia`` (scikit-learn's locals ``batch_inertia``,
  ``_ewa_inertia``), key ``step`` = the printed step (1..35 and 2..35), exact reprs.
- ``Inertia for init 1/1: V``: the inertia of the k-means++ centres on the validation
  subset, which ``fit`` uses to choose among initialisations: a metric of one
  initialisation, named without it as docs/metrics.md names a metric of one split
  (``Validation Accuracy for Split 1: 0.7782`` -> ``Validation_Accuracy``, no step):
  ``Inertia``, one point at no step.
- ``Iteration``/``Minibatch step N/1000``/``Init 1/1`` are counters, ``Converged at
  iteration 6``/``at step 35/1000`` stopping notices; nothing is timed.
- Determinism: seeded data and ``random_state=0`` repeat all three fits exactly (one
  OpenMP thread under ``OMP_NUM_THREADS=1``, the replay using the model's ``_n_threads``),
  pipe and pty alike; nothing in the output changes run to run.
"""
# zoo-venv: kmeans

import warnings

import numpy as np
import sklearn
import tslearn
from _truth import series, write_truth
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.cluster._k_means_common import _inertia_dense, _is_same_clustering
from sklearn.cluster._k_means_lloyd import lloyd_iter_chunked_dense
from sklearn.cluster._kmeans import (
    _kmeans_plusplus,
    _labels_inertia_threadpool_limit,
    _mini_batch_step,
)
from sklearn.datasets import make_blobs
from sklearn.utils import check_random_state
from sklearn.utils.extmath import row_norms
from sklearn.utils.validation import _check_sample_weight
from threadpoolctl import threadpool_limits
from tslearn.clustering import TimeSeriesKMeans
from tslearn.clustering.utils import _check_full_length, _compute_inertia
from tslearn.generators import random_walks

X, _ = make_blobs(n_samples=300, centers=4, cluster_std=1.5, random_state=0)

km = KMeans(n_clusters=4, n_init=2, verbose=1, random_state=0).fit(X)
mbk = MiniBatchKMeans(n_clusters=4, batch_size=30, random_state=0, verbose=1).fit(X)

X_ts = random_walks(n_ts=50, sz=32, d=1, random_state=0)
tskm = TimeSeriesKMeans(n_clusters=3, verbose=True, random_state=0).fit(X_ts)


# --- replay of KMeans.fit (lloyd): the inertia _kmeans_single_lloyd prints per iteration
def replay_kmeans():
    rs = check_random_state(km.random_state)
    x_mean = X.mean(axis=0)
    xc = X - x_mean  # fit: a copy of X, then X -= X_mean
    weights = _check_sample_weight(None, xc, dtype=xc.dtype)
    norms = row_norms(xc, squared=True)
    fresh = KMeans(n_clusters=km.n_clusters)
    runs, best = [], None
    for _ in range(km._n_init):
        centers = fresh._init_centroids(xc, x_squared_norms=norms, init=km.init,
                                        random_state=rs, sample_weight=weights)
        centers_new = np.zeros_like(centers)
        labels = np.full(xc.shape[0], -1, dtype=np.int32)
        labels_old = labels.copy()
        in_clusters = np.zeros(km.n_clusters, dtype=xc.dtype)
        shift = np.zeros(km.n_clusters, dtype=xc.dtype)
        printed, strict = [], False
        for i in range(km.max_iter):
            lloyd_iter_chunked_dense(xc, weights, centers, centers_new, in_clusters, labels,
                                     shift, km._n_threads)
            printed.append((i, _inertia_dense(xc, weights, centers, labels, km._n_threads)))
            centers, centers_new = centers_new, centers
            if np.array_equal(labels, labels_old):
                strict = True
                break
            if (shift**2).sum() <= km._tol:
                break
            labels_old[:] = labels
        if not strict:
            lloyd_iter_chunked_dense(xc, weights, centers, centers, in_clusters, labels,
                                     shift, km._n_threads, update_centers=False)
        inertia = _inertia_dense(xc, weights, centers, labels, km._n_threads)
        runs.append(printed)
        if best is None or (inertia < best[0]
                            and not _is_same_clustering(labels, best[1], km.n_clusters)):
            best = (inertia, labels, centers + x_mean, i + 1)
    inertia, labels, centers, n_iter = best
    assert inertia == km.inertia_ and n_iter == km.n_iter_, (best, km.inertia_, km.n_iter_)
    assert np.array_equal(labels, km.labels_) and np.array_equal(centers, km.cluster_centers_)
    return runs


# --- replay of MiniBatchKMeans.fit: its init's validation inertia, then per step the mean
# batch inertia and the ewa inertia _mini_batch_convergence prints
def replay_minibatch():
    rs = check_random_state(mbk.random_state)
    n_samples = X.shape[0]
    weights = _check_sample_weight(None, X, dtype=X.dtype)
    norms = row_norms(X, squared=True)
    fresh = MiniBatchKMeans(n_clusters=mbk.n_clusters)
    valid = rs.randint(0, n_samples, mbk._init_size)
    init_inertias, best = [], None
    for _ in range(mbk._n_init):
        centers = fresh._init_centroids(X, x_squared_norms=norms, init=mbk.init,
                                        random_state=rs, init_size=mbk._init_size,
                                        sample_weight=weights)
        _, inertia = _labels_inertia_threadpool_limit(X[valid], weights[valid], centers,
                                                      n_threads=mbk._n_threads)
        init_inertias.append(inertia)
        if best is None or inertia < best[0]:
            best = (inertia, centers)
    centers = best[1]
    centers_new = np.empty_like(centers)
    counts = np.zeros(mbk.n_clusters, dtype=X.dtype)
    ewa = ewa_min = None
    no_improvement = since_reassign = 0
    batch = mbk._batch_size
    n_steps = (mbk.max_iter * n_samples) // batch
    unit = np.ones_like(weights, shape=(batch,))
    means, ewas = [], []
    with threadpool_limits(limits=1, user_api="blas"):
        for i in range(n_steps):
            indices = rs.choice(n_samples, batch, p=weights / weights.sum(), replace=True)
            since_reassign += batch  # _random_reassign
            reassign = bool((counts == 0).any() or since_reassign >= 10 * mbk.n_clusters)
            if reassign:
                since_reassign = 0
            batch_inertia = _mini_batch_step(
                X=X[indices], sample_weight=unit, centers=centers, centers_new=centers_new,
                weight_sums=counts, random_state=rs, random_reassign=reassign,
                reassignment_ratio=mbk.reassignment_ratio, verbose=False,
                n_threads=mbk._n_threads)
            diff = np.sum((centers_new - centers) ** 2) if mbk._tol > 0.0 else 0
            centers, centers_new = centers_new, centers
            step = i + 1  # _mini_batch_convergence
            mean = batch_inertia / batch
            means.append((step, mean))
            if step == 1:
                continue
            if ewa is None:
                ewa = mean
            else:
                alpha = min(batch * 2.0 / (n_samples + 1), 1)
                ewa = ewa * (1 - alpha) + mean * alpha
            ewas.append((step, ewa))
            if mbk._tol > 0.0 and diff <= mbk._tol:
                break
            if ewa_min is None or ewa < ewa_min:
                no_improvement, ewa_min = 0, ewa
            else:
                no_improvement += 1
            if mbk.max_no_improvement is not None and no_improvement >= mbk.max_no_improvement:
                break
    _, inertia = _labels_inertia_threadpool_limit(X, weights, centers, n_threads=mbk._n_threads)
    assert (i + 1 == mbk.n_steps_ and int(np.ceil((i + 1) * batch / n_samples)) == mbk.n_iter_
            and ewa == mbk._ewa_inertia and inertia == mbk.inertia_), (i, ewa, inertia)
    assert np.array_equal(centers, mbk.cluster_centers_)
    return init_inertias, means, ewas


# --- replay of TimeSeriesKMeans.fit (euclidean, k-means++, n_init=1): the inertia_ that
# _fit_one_init prints ("%.3f -->") per iteration
def replay_tslearn():
    rs = check_random_state(tskm.random_state)
    data = np.asarray(X_ts, dtype=float)
    n_ts, sz, d = data.shape
    flat = data.reshape((n_ts, -1))
    norms = cdist(flat, np.zeros((1, sz * d)), metric="sqeuclidean").reshape((1, -1))
    centers = _kmeans_plusplus(flat, tskm.n_clusters, x_squared_norms=norms,
                               sample_weight=_check_sample_weight(None, data, dtype=data.dtype),
                               random_state=rs)[0].reshape((-1, sz, d))
    centers = _check_full_length(centers)
    printed, old = [], np.inf
    for it in range(tskm.max_iter):
        dists = cdist(flat, centers.reshape((tskm.n_clusters, -1)), metric="euclidean")
        labels = dists.argmin(axis=1)
        assert len(set(labels.tolist())) == tskm.n_clusters  # no EmptyClusterError retry
        inertia = _compute_inertia(dists, labels, True)
        printed.append((it, inertia))
        for k in range(tskm.n_clusters):
            centers[k] = np.average(data[labels == k], axis=0)
        if np.abs(old - inertia) < tskm.tol:
            break
        old = inertia
    assert inertia == tskm.inertia_ and it + 1 == tskm.n_iter_, (printed, tskm.inertia_)
    assert np.array_equal(centers, tskm.cluster_centers_)
    return printed


with warnings.catch_warnings():
    warnings.simplefilter("error")  # the replay itself must not warn
    kmeans_runs = replay_kmeans()
    init_inertias, mean_batch, ewa_batch = replay_minibatch()
    tslearn_inertia = replay_tslearn()

write_truth(
    "scikit-learn", sklearn.__version__,
    "replays of KMeans.fit (lloyd), MiniBatchKMeans.fit and tslearn "
    f"{tslearn.__version__}'s TimeSeriesKMeans.fit with the libraries' own functions from "
    "the same seed (none keeps a per-iteration history): the inertia each verbose line "
    "prints; checked against each fitted model's inertia_, n_iter_ (n_steps_, _ewa_inertia) "
    "and cluster_centers_",
    {"inertia": series([point for run in kmeans_runs for point in run] + tslearn_inertia,
                       "step", tolerance=5e-4),
     "Inertia": {"key": "step", "values": [[None, float(v)] for v in init_inertias]},
     "mean_batch_inertia": series(mean_batch, "step"),
     "ewa_inertia": series(ewa_batch, "step")},
    notes=f"KMeans: {len(kmeans_runs)} runs of {[len(run) for run in kmeans_runs]} "
          f"iterations, inertia_ {float(km.inertia_)}, n_iter_ {km.n_iter_}; "
          f"MiniBatchKMeans: n_steps_ {mbk.n_steps_}, n_iter_ {mbk.n_iter_}, inertia_ "
          f"{float(mbk.inertia_)}; TimeSeriesKMeans (tslearn {tslearn.__version__}): "
          f"inertia_ {float(tskm.inertia_)}, n_iter_ {tskm.n_iter_}")
