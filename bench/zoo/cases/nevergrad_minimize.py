"""Nevergrad 1.0.12: the README's minimisation, ``square(x) = sum((x - .5)**2)`` under
``optimizer = ng.optimizers.NGOpt(parametrization=ng.p.Array(shape=(4,)), budget=60)`` (the
README's ``parametrization=2`` as a 4-vector; the array's ``random_state`` seeded with 0, as
nevergrad's docs on reproducibility seed it), with a ``ParametersLogger`` registered on
``"tell"`` as its docstring shows (``optimizer.register_callback("tell", logger)``), then
``recommendation = optimizer.minimize(square, verbosity=2)``, the README's
``print(recommendation.value)`` and ``print("Recommendation loss:", recommendation.loss)``.
No data at all. NGOpt picks ``MetaModel`` here (a quadratic surrogate over CMA), sequential
(one worker), so ``minimize`` tells each evaluation before asking the next.

What it prints (stdout, ``minimize``'s own ``print``s at ``verbosity=2``), per evaluation::

    Launching 1 jobs with new suggestions
    Updating fitness with value 4.868011134109157
    59 remaining budget and 0 running jobs
    Current pessimistic best is: MultiValue<mean: 4.868011134109157, count: 1, parameter: ...

(the last line goes on ``Array{(4,)}:[1.76405235 0.40016221 0.97876245 2.24097723]>``;
``Updating fitness with value {job.result()}``: the objective's numpy float64, repr digits;
near the minimum in e-notation, ``1.0395684061798297e-17``, ``6.406417358849938e-18``), then
``[0.5 0.5 0.5 0.5]`` (the recommended point) and ``Recommendation loss:
6.406417358849938e-18``. On stderr, once, right after the first ``Launching`` line (the first
``ask`` imports cma), cma's ``UserWarning: Could not import matplotlib.pyplot, therefore
``cma.plot()`` etc. is not available`` (nevergrad does not require matplotlib) and its
source line.

Truth: nevergrad's own record of the evaluations, the ``ParametersLogger`` file
``nevergrad_log.json`` (JSON lines, one a ``tell``: ``#loss``, ``#num-tell``, ``#num-ask``,
``#uid``, ``#generation``, the point under ``"0"`` and its ``"0#sigma"``...), read back with
``logger.load()`` and listed in ``files``. Each line's ``#loss`` is checked against
``square`` of the point the same line logs. Judgement calls, after the project's searches
(``hyperopt_fmin``, ``skopt_gp_minimize``, ``optuna_study``, ``ax_service_loop``):
- The metric is ``loss``, the name nevergrad keys it by (``optimizer.tell(candidate, loss)``,
  ``Parameter.loss``, the logger's ``#loss``; ``#`` is the logger's mark for its own fields,
  apart from the parametrization's names): 60 points, keyed by the file's ``#num-tell`` as
  ``step`` (the tells before this one: 0-based, 0 to 59; nothing prints an evaluation's
  index). ``Updating fitness with value`` is the message's wording, no key: ``fitness`` is
  no name nevergrad keeps, and ``value`` points at the number (as skopt's ``Function value
  obtained`` is read when a framework has no key, only here it has one). Exact: the f-string
  prints numpy's float64 repr.
- ``Current pessimistic best is: MultiValue<mean: ..., count: 1, ...>`` is
  ``optimizer.current_bests["pessimistic"]``, the best of the points evaluated so far (its
  ``mean`` over its ``count`` evaluations, one each here): a running best of the ``loss``
  series printed again, no series of its own (README, docs/metrics.md), ``also_ok`` as
  ``pessimistic_best`` (nevergrad's key) and ``Current_pessimistic_best`` (the printed
  words). Its ``count`` is a count of evaluations and its ``parameter`` the point: no metrics.
  ``mean`` alone is not allowed: it is that running best's own field, not a measure of its
  own (a parser that keeps it records the best so far under a name that hides it).
- ``Recommendation loss``: ``recommendation.loss``, the loss nevergrad recorded for the
  recommended candidate (MetaModel recommends the best evaluated point here: the case asserts
  it is ``min`` of the file's losses), so the final running best printed again, as skopt's
  ``Best score`` is: ``also_ok`` as ``Recommendation_loss``, not a 61st ``loss`` point.
- ``59 remaining budget and 0 running jobs`` and ``Launching 1 jobs`` are counters; the
  recommended ``[0.5 0.5 0.5 0.5]`` and the points in the MultiValue are the search's inputs.
  Nothing timed is printed.
- Files: the logger file (its ``#session`` timestamp differs run to run; everything else
  repeats: the seeded search is deterministic, pipe and pty alike).
"""
# zoo-venv: nevergrad

import nevergrad as ng
import numpy as np
from _truth import series, write_truth

LOG = "nevergrad_log.json"


def square(x):
    return sum((x - .5)**2)


parametrization = ng.p.Array(shape=(4,))
parametrization.random_state.seed(0)
optimizer = ng.optimizers.NGOpt(parametrization=parametrization, budget=60)
logger = ng.callbacks.ParametersLogger(LOG, append=False)
optimizer.register_callback("tell", logger)
recommendation = optimizer.minimize(square, verbosity=2)
print(recommendation.value)
print("Recommendation loss:", recommendation.loss)

entries = logger.load()
assert [entry["#num-tell"] for entry in entries] == list(range(60))
assert all(entry["#loss"] == float(square(np.asarray(entry["0"]))) for entry in entries)
losses = [(entry["#num-tell"], entry["#loss"]) for entry in entries]
assert recommendation.loss == min(value for _, value in losses)
write_truth("nevergrad", ng.__version__,
            f"ParametersLogger file {LOG} (#num-tell, #loss): each tell's loss",
            {"loss": series(losses, "step")}, files=[LOG],
            also_ok=["pessimistic_best", "Current_pessimistic_best", "Recommendation_loss"],
            notes=f"optimizer {optimizer.optim.name}; recommendation "
                  f"{recommendation.value.tolist()}, loss {recommendation.loss}")
