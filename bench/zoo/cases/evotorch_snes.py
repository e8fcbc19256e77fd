"""EvoTorch 0.6.1: ``SNES`` (separable natural evolution strategies, ``stdev_init=0.5``, its
default population of 10 for 10 variables) minimising the 10-dimensional Rastrigin function,
``Problem("min", rastrigin, solution_length=10, initial_bounds=(-1, 1), seed=0)`` (no data at
all), with ``StdOutLogger(searcher)`` and ``PandasLogger(searcher)`` attached and
``searcher.run(20)``, as EvoTorch's quick start does.

Printed (stdout): EvoTorch's own logging, four ``[2026-...] INFO     < 1234> evotorch.core:
Instance of `Problem` (id:...) -- The `dtype` for the problem's decision variables is set as
torch.float32``-style lines when the problem is built (the dtype, eval dtype, device and
``The number of actors that will be allocated for parallelized evaluation is 0``), then
``StdOutLogger``'s block a generation: each scalar status item on its own line, the key
right-aligned to the longest, `` : `` and ``str(value)`` (a Python float in full), ``iter``
first, a blank line after the block::

             iter : 1
        mean_eval : 107.47770690917969
    pop_best_eval : 74.229248046875
      median_eval : 106.86583709716797
        best_eval : 74.229248046875
       worst_eval : 139.57583618164062

Truth: ``PandasLogger(searcher).to_dataframe()`` (EvoTorch's own record of the same status
dicts, one row a generation, indexed by ``iter``), keyed ``step`` = ``iter`` (1-based, the
generation count, as printed).

Judgement calls:
- The status's vectors (``center``, ``stdev``) and solutions (``pop_best``, ``best``,
  ``worst``) are neither printed nor kept by the ``ScalarLogger``s; SNES reports no scalar
  ``stepsize`` (its step sizes are the ``stdev`` vector), so nothing of them is expected.
- Metrics: the generation's own values, ``mean_eval``, ``median_eval`` (the population's mean
  and median fitness) and ``pop_best_eval`` (the best fitness of this generation's population),
  named by EvoTorch's status keys.
- ``best_eval`` and ``worst_eval`` are the ``Problem``'s best and worst fitness over every
  solution evaluated so far (``Problem._get_best_and_worst``: it replaces them only when a
  batch beats them), a running best and a running worst: ``best_eval`` is ``pop_best_eval``'s
  running minimum printed again, ``worst_eval`` stays at its first generation's value until a
  worse solution appears. A running best is no series of its own (README, docs/metrics.md),
  so both are ``also_ok``, as skopt's ``Current minimum`` is.
- ``iter`` is the step, not a metric.
- Tolerance: ``str(float)`` prints the float64 in full (shortest round-trip repr), so the
  allowance (rel_tolerance 1e-12) is for float parsing only.
- The logging lines' ``id:`` and ``< pid>`` numbers, the problem's settings and the actor
  count are no metrics.
"""
# zoo-venv: evotorch

import math

import evotorch
import torch
from _truth import series, write_truth
from evotorch import Problem
from evotorch.algorithms import SNES
from evotorch.logging import PandasLogger, StdOutLogger

torch.manual_seed(0)


def rastrigin(x: torch.Tensor) -> torch.Tensor:
    return 10 * x.shape[-1] + torch.sum(x**2 - 10 * torch.cos(2 * math.pi * x))


problem = Problem("min", rastrigin, solution_length=10, initial_bounds=(-1, 1), seed=0)
searcher = SNES(problem, stdev_init=0.5)
StdOutLogger(searcher)
pandas_logger = PandasLogger(searcher)
searcher.run(20)

frame = pandas_logger.to_dataframe()
assert list(frame.index) == list(range(1, 21)), frame.index
assert set(frame.columns) == {"mean_eval", "median_eval", "pop_best_eval", "best_eval",
                              "worst_eval"}, frame.columns
# best_eval: the running minimum of pop_best_eval (every evaluated solution is a population's)
assert list(frame["best_eval"]) == list(frame["pop_best_eval"].cummin()), frame
metrics = {name: series(zip(frame.index, frame[name], strict=True), "step", rel_tolerance=1e-12)
           for name in ("mean_eval", "median_eval", "pop_best_eval")}
write_truth("evotorch", evotorch.__version__,
            "PandasLogger(searcher).to_dataframe() (the status of each generation, index iter)",
            metrics, also_ok=["best_eval", "worst_eval"],
            notes=f"final best_eval {frame['best_eval'].iloc[-1]}, "
                  f"worst_eval {frame['worst_eval'].iloc[-1]}")
