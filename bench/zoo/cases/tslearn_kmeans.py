"""tslearn 0.10.0, DBA k-means: ``TimeSeriesKMeans(n_clusters=3, metric="dtw", max_iter=10,
verbose=True, random_state=0).fit_predict(X_train)`` (defaults otherwise: ``n_init=1``,
``tol=1e-6``, ``max_iter_barycenter=100``, ``init="k-means++"``) on the data of tslearn's own
clustering example (``docs/examples/clustering/plot_kmeans.py``, "k-means"): the ``Trace``
set its wheel ships (``CachedDatasets().load_dataset("Trace")``, read from
``tslearn/.cached_datasets/Trace.npz``: Roverso's synthetic instrument-failure series, nothing
downloaded), the first three classes, shuffled under ``numpy.random.seed(0)``, the first 50
series scaled by ``TimeSeriesScalerMeanVariance`` and resampled to 40 points by
``TimeSeriesResampler``, exactly as the example prepares them. The example fits its DBA
k-means with ``n_init=2, max_iter_barycenter=10``; this case takes the brief's parameters
(one init, so no ``Init 1``/``Init 2`` lines). The example's ``print("DBA k-means")``
heading before the fit is kept (a user running the example prints it); nothing else of the
case's own is printed. The fit takes seconds, most of it numba compiling tslearn's DTW.

What it prints (stdout)::

    DBA k-means
    0.637 --> 0.458 --> 0.458 -->

the chain from ``_fit_one_init``: ``print("%.3f" % self.inertia_, end=" --> ")`` an
iteration, after the assignment step and before the barycenter update, then ``print("")``;
no name, no step. ``verbose=True`` also goes to joblib's ``Parallel`` inside ``_cdist_dtw``,
which prints nothing here (``n_jobs=None``, one job). On stderr, at import, tslearn's
``UserWarning: h5py not installed, hdf5 features will not be supported.`` (h5py is an
optional dependency left out; a plain ``pip install tslearn`` gets the warning too).

Truth: tslearn keeps no per-iteration history. What it keeps after ``fit`` is ``inertia_``
(the best init's last inertia; with one init, the last value printed) and ``n_iter_`` (the
number of iterations run). The value it prints each iteration is ``self.inertia_`` as
``_assign`` has just set it, so the case reads that attribute once per iteration, as the
framework holds it: the fitted model's ``_update_centroids`` (called exactly once per
iteration, right after the print, and nowhere else in ``fit``) is wrapped on the instance to
append ``float(model.inertia_)`` before calling tslearn's own method unchanged. Nothing is
parsed from stdout. Checked: as many points as ``n_iter_``, the last equal to the fitted
``inertia_`` bit for bit (no ``Resumed because of empty cluster`` retry happened).
Judgement calls:
- Name ``inertia``: tslearn's attribute ``inertia_`` (the trailing underscore is
  scikit-learn's fitted-attribute suffix, as ``sklearn_kmeans_verbose`` names its chain);
  nothing on the line names it.
- Step: tslearn's loop index ``it``, 0-based (the line prints none), key ``step`` 0..2.
- ``%.3f`` rounds the values: tolerance 5e-4. The third point repeats the second to the
  printed digits (the loop stops once the change is below ``tol``) but is a point of its own.
- ``n_iter_`` (3) is a count, not printed: notes only. Nothing is timed.
- Determinism: the seeded shuffle and ``random_state=0`` (k-means++ under DTW) repeat
  exactly, pipe and pty alike.
"""
# zoo-venv: misc3

import numpy
import tslearn
from _truth import series, write_truth
from tslearn.clustering import TimeSeriesKMeans
from tslearn.datasets import CachedDatasets
from tslearn.preprocessing import TimeSeriesResampler, TimeSeriesScalerMeanVariance

seed = 0
numpy.random.seed(seed)
X_train, y_train, X_test, y_test = CachedDatasets().load_dataset("Trace")
X_train = X_train[y_train < 4]  # Keep first 3 classes
numpy.random.shuffle(X_train)
# Keep only 50 time series
X_train = TimeSeriesScalerMeanVariance().fit_transform(X_train[:50])
# Make time series shorter
X_train = TimeSeriesResampler(sz=40).fit_transform(X_train)

print("DBA k-means")
dba_km = TimeSeriesKMeans(n_clusters=3, metric="dtw", max_iter=10, verbose=True,
                          random_state=seed)

# the inertia_ tslearn holds at each iteration (the value it prints), read as it updates
inertias = []
_update_centroids = dba_km._update_centroids


def _record_then_update(X):
    inertias.append(float(dba_km.inertia_))
    return _update_centroids(X)


dba_km._update_centroids = _record_then_update
y_pred = dba_km.fit_predict(X_train)

assert len(inertias) == dba_km.n_iter_, (inertias, dba_km.n_iter_)
assert inertias[-1] == float(dba_km.inertia_), (inertias, dba_km.inertia_)
write_truth(
    "tslearn", tslearn.__version__,
    "TimeSeriesKMeans.inertia_ as fit holds it at each iteration (read when "
    "_update_centroids is called, right after the verbose print); tslearn keeps no history: "
    "the last point is the fitted inertia_, the count its n_iter_",
    {"inertia": series(enumerate(inertias), "step", tolerance=5e-4)},
    notes=f"fitted inertia_ {float(dba_km.inertia_)!r}, n_iter_ {dba_km.n_iter_} of "
          f"max_iter={dba_km.max_iter}, tol={dba_km.tol}")
