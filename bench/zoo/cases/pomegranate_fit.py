"""pomegranate 1.1.2 (Jacob Schreiber's probabilistic models, v1 rewritten on PyTorch; torch
2.13.0 CPU): the "General Mixture Models" tutorial's first example
(``docs/tutorials/B_Model_Tutorial_2_General_Mixture_Models.ipynb``, jmschrei/pomegranate at
e916273) as a script: ``numpy.random.seed(0)``, its three blobs (``numpy.random.normal((7, 2),
1, size=(100, 2))``, ``(2, 3)`` x 150, ``(7, 7)`` x 100, as float32) and
``model = GeneralMixtureModel([Normal(), Normal(), Normal()], verbose=True).fit(X)``, with
one argument the tutorial lacks: ``random_state=1``. Without it the k-means initialisation
(``_initialize_centroids``: ``numpy.random.RandomState(None)``) is seeded from the OS and the
run is not repeatable; seed 1 makes EM run 18 iterations (seeds 0, 2 and 4 stop after 2, as
the tutorial's printed run does), a longer series of the same printed line. The tutorial's
plots are left out; it prints nothing else.

What it prints (stdout, ``GeneralMixtureModel.fit``'s own ``print`` at ``verbose=True``), one
line per EM iteration after the first::

    [1] Improvement: 10.9129638671875, Time: 0.001069s
    [2] Improvement: 2.818359375, Time: 0.001029s
    ...
    [18] Improvement: 0.0706787109375, Time: 0.0009906s

(``"[{}] Improvement: {}, Time: {:4.4}s".format(i, improvement, duration)``: ``improvement``
is a 0-d float32 tensor, formatted through ``Tensor.__format__`` as its ``.item()``, the
Python float's repr; ``duration`` to 4 significant digits in a field of width 4, so a
duration of 0.1 s prints ``Time:  0.1s``, two spaces). ``fit`` stops when the
improvement drops under ``tol=0.1`` (here at iteration 18). Nothing on stderr.

Truth: pomegranate keeps no history of the fit (``fit`` returns ``self``; ``logp`` and
``improvement`` are locals), so the case records what the library itself computed: the
model's bound ``summarize`` is wrapped on the instance (``model.summarize = recording``, which
``fit``'s ``self.summarize(...)`` calls) to keep each returned ``logp``, the total
log-likelihood of ``X`` (``torch.sum(logsumexp(emission matrix))``, the E step's by-product)
under the parameters of that iteration; the improvement of iteration ``i`` is then
``logps[i] - logps[i - 1]``, the same float32 tensor subtraction ``fit`` does, so the values
are bit-identical to what it printed. Nothing is recomputed. Cross-check: ``fit`` breaks
before the last ``from_summaries``, so the returned model's
``model.log_probability(X).sum()`` is the last recorded ``logp`` (asserted to 1e-3: another
reduction order) and the last improvement is under ``tol``. Judgement calls:
- The metric is ``Improvement`` as printed (pomegranate's local is ``improvement``: one name
  up to case, docs/metrics.md "One quantity, one name"), the gain in total log-likelihood an
  EM iteration made: the fit's convergence measure, the only one it prints. Key ``step`` =
  the printed ``[i]`` (``fit``'s 0-based loop index ``i``, printed from 1: iteration 0 has
  no previous ``logp``), 18 points. Exact: the repr of a float32 widened to a float.
- The log-likelihood itself is never printed (no metric); the fitted priors, means and
  covariances are parameters, not metrics, and unprinted.
- ``Time: 0.001069s`` is each iteration's wall time (from the loop's ``start_time``, through
  the E step): a timing, ``also_ok`` as ``Time``; it differs run to run.
- No file: pomegranate writes none.
"""
# zoo-venv: pomegranate

import numpy
import pomegranate
import torch
from _truth import series, write_truth
from pomegranate.distributions import Normal
from pomegranate.gmm import GeneralMixtureModel

numpy.random.seed(0)
numpy.set_printoptions(suppress=True)

X = numpy.concatenate([numpy.random.normal((7, 2), 1, size=(100, 2)),
                       numpy.random.normal((2, 3), 1, size=(150, 2)),
                       numpy.random.normal((7, 7), 1, size=(100, 2))]).astype('float32')

model = GeneralMixtureModel([Normal(), Normal(), Normal()], verbose=True, random_state=1)

logps: list[torch.Tensor] = []
summarize = model.summarize


def recording(*args, **kwargs):
    logp = summarize(*args, **kwargs)
    logps.append(logp.detach().clone())
    return logp


model.summarize = recording
model = model.fit(X)

improvements = [(i, (logps[i] - logps[i - 1]).item()) for i in range(1, len(logps))]
assert len(improvements) == 18, len(improvements)
assert improvements[-1][1] < model.tol <= min(value for _, value in improvements[:-1])
final = model.log_probability(X).sum().item()
assert abs(final - logps[-1].item()) < 1e-3, (final, logps[-1].item())

write_truth(
    "pomegranate", f"{pomegranate.__version__} (torch {torch.__version__})",
    "the logp each GeneralMixtureModel.summarize call returned during fit (total "
    "log-likelihood of X, kept by wrapping the model's summarize), improvement = "
    "logp[i] - logp[i-1] as fit computes it",
    {"Improvement": series(improvements, "step")},
    also_ok=["Time"],
    notes=f"EM iterations {len(logps)}; log-likelihood per iteration "
          f"{[round(logp.item(), 4) for logp in logps]}; final "
          f"model.log_probability(X).sum() {final}; priors "
          f"{[round(p, 4) for p in model.priors.tolist()]}")
