"""PySwarms 1.3.0: the README's quick start, ``options = {'c1': 0.5, 'c2': 0.3, 'w': 0.9}``,
``optimizer = ps.single.GlobalBestPSO(n_particles=10, dimensions=2, options=options)``,
``best_cost, best_pos = optimizer.optimize(fx.sphere, iters=100)`` (its own sphere function
from ``pyswarms.utils.functions.single_obj``; no data at all), after ``np.random.seed(0)``:
pyswarms draws the swarm's start and its velocity updates from numpy's global generator, so
the seeded run repeats exactly. Nothing of the case's own is printed (the README prints
nothing either; ``optimize`` returns the pair).

What it prints (all on stderr; ``optimize(verbose=True)``, the default): ``GlobalBestPSO``'s
``Reporter`` loads pyswarms' default logging config (a ``StreamHandler`` on stderr, and a
``RotatingFileHandler`` writing the same lines to ``report.log`` in the cwd), so (one line,
wrapped here)::

    2026-12-06 23:34:07,945 - pyswarms.single.global_best - INFO - Optimize for 100 iters
        with {'c1': 0.5, 'c2': 0.3, 'w': 0.9}

then tqdm's bar (``trange(iters, desc=__name__, bar_format="{l_bar}{bar}|{n_fmt}/{total_fmt}
{postfix}")``), redrawn on ``\\r``: a first frame ``pyswarms.single.global_best:   0%|
|0/100``, then one frame an iteration from ``rep.hook(best_cost=...)`` (tqdm's
``set_postfix``, which refreshes at once): ``pyswarms.single.global_best:   0%|          |0/100,
best_cost=0.0609`` (tqdm's ``.3g``-like number format: ``0.000125``, ``9.95e-5``, ``1.85e-7``;
the counter shows the count tqdm last displayed on its own, every 0.1 s: this sub-second
run shows 0/100 until the end), a closing frame ``100%|██████████|100/100, best_cost=1.85e-7``
(102 frames: the first, 100 postfix frames, the closing one; under a pipe tqdm draws a 10-cell
bar, under the 120-column pty one as wide as the line allows), and last (one line)::

    2026-12-06 23:34:08,000 - pyswarms.single.global_best - INFO - Optimization finished |
        best cost: 1.8487738529535045e-07, best pos: [-4.29760031e-04 -1.35536212e-05]

Truth: pyswarms' own record, the optimizer's history lists (``SwarmOptimizer.
_populate_history``, one entry an iteration): ``cost_history`` (``swarm.best_cost``, the
global best), ``mean_pbest_history`` (the mean of the particles' personal best costs),
``mean_neighbor_history`` (for the star topology the global best again) and ``pos_history``
(the positions evaluated). The case checks them against each other: ``sphere`` of every
evaluated position in ``pos_history``, its running minimum over iterations is
``cost_history`` exactly and its per-particle running minima average to
``mean_pbest_history``; ``mean_neighbor_history == cost_history``; the returned (and
logged) best cost is ``cost_history[-1]``. Judgement calls:
- ``best_cost`` (the bar's postfix, pyswarms' key: ``hook(best_cost=...)``,
  ``ToHistory(best_cost=...)``) is the swarm's global best: ``Star.compute_gbest`` replaces
  it only when a personal best beats it, and a personal best only when that particle's new
  cost beats it, so it is the lowest cost of every position evaluated so far, a running best
  (100 values, 14 distinct). A running best is no series of its own (README, docs/metrics.md:
  mealpy's ``Global best:`` is one, as FLAML's per-iteration ``best error`` was with no
  trial's own loss printed): ``also_ok``, not truth. Nothing else is printed an iteration
  (no iteration's own cost: pyswarms keeps ``swarm.current_cost`` for the current iteration
  only), so the truth has no metric: a precision case, as ``sentencepiece_train`` is.
  ``cost_history`` is that running best's record; were the bar's value a series, it would be
  ``best_cost`` keyed ``step`` by the iteration (0 to 99, ``optimize``'s loop index; the bar
  prints no iteration of its own), rel_tolerance 0.005 (three significant digits printed), 100
  points (tqdm's first frame has no postfix and its closing frame repeats the last).
- ``Optimization finished | best cost: ...`` is the final global best printed again (repr
  digits): the same running best, ``also_ok`` as ``best_cost`` (``best cost``) and
  ``Optimization_finished_best_cost`` (the name were the message's head read as a phase).
  ``best pos`` is the best position, a vector of the search space (inputs), no metric;
  ``mean_pbest_history`` is never printed (notes only).
- ``Optimize for 100 iters with {'c1': 0.5, 'c2': 0.3, 'w': 0.9}``: the iteration count and
  the PSO coefficients (cognitive, social, inertia), settings. ``100/100`` counts; nothing
  timed is printed (the bar format leaves out tqdm's elapsed time and rate).
- Files: ``report.log`` (the logging file handler's copy of the two INFO lines, timestamps
  and all) is a log, not a metric record, so it is not listed.
- Determinism: the seeded run repeats exactly, pipe and pty alike; only the two log lines'
  timestamps differ run to run (and, in principle, an extra bar frame where a run takes over
  0.1 s: tqdm's own refresh repeats the last postfix).
"""
# zoo-venv: pyswarms

import importlib.metadata

import numpy as np
import pyswarms as ps
from _truth import write_truth
from pyswarms.utils.functions import single_obj as fx

np.random.seed(0)
options = {'c1': 0.5, 'c2': 0.3, 'w': 0.9}
optimizer = ps.single.GlobalBestPSO(n_particles=10, dimensions=2, options=options)
best_cost, best_pos = optimizer.optimize(fx.sphere, iters=100)

costs = [float(value) for value in optimizer.cost_history]
assert len(costs) == len(optimizer.mean_pbest_history) == len(optimizer.pos_history) == 100
# every evaluated position's cost, iteration by iteration (10 particles each)
evaluated = np.array([fx.sphere(np.asarray(position)) for position in optimizer.pos_history])
assert costs == [float(value) for value in np.minimum.accumulate(evaluated.min(axis=1))], costs
pbests = np.minimum.accumulate(evaluated, axis=0)
assert np.allclose(pbests.mean(axis=1), optimizer.mean_pbest_history, rtol=1e-12, atol=0)
assert [float(value) for value in optimizer.mean_neighbor_history] == costs
assert float(best_cost) == costs[-1] == min(costs)
write_truth("pyswarms", importlib.metadata.version("pyswarms"),
            "optimizer.cost_history (the global best a step: a running best, also_ok), checked "
            "against sphere of pos_history; no per-iteration value of its own is printed, so no "
            "metric: a precision case",
            {}, also_ok=["best_cost", "Optimization_finished_best_cost"],
            notes=f"cost_history (running best, 0-based iterations): {costs}; "
                  f"mean_pbest_history (never printed): "
                  f"{[float(value) for value in optimizer.mean_pbest_history]}; "
                  f"best pos {best_pos.tolist()}")
