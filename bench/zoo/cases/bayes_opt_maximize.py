"""bayesian-optimization 3.4.0 (the ``bayes_opt`` package): its README quick start, the
README's ``black_box_function(x, y) = -x ** 2 - (y - 1) ** 2 + 1`` under
``BayesianOptimization(f=black_box_function, pbounds={'x': (2, 4), 'y': (-3, 3)},
random_state=1, verbose=2)`` (``verbose=2``, the default, written out), then
``optimizer.maximize(init_points=2, n_iter=10)`` (the README's ``n_iter=3`` made 10, for a
longer series: 12 evaluations) and the README's ``print(optimizer.max)``. No data at all: the
objective is the README's closed form. The GP (scikit-learn's ``GaussianProcessRegressor``,
Matern 2.5, seeded through ``random_state``) and the UCB acquisition (kappa 2.576) are the
defaults; one process, deterministic.

What it prints (stdout): ``ScreenLogger``'s table, a header, a rule, one row an evaluation
(the 2 random points, then the 10 suggested ones) and a closing rule::

    |   iter    |  target   |     x     |     y     |
    -------------------------------------------------
    | \\x1b[39m1        \\x1b[39m | \\x1b[39m-7.135455\\x1b[39m | \\x1b[39m2.8340440\\x1b[39m | ...
    | \\x1b[35m4        \\x1b[39m | \\x1b[35m-6.587708\\x1b[39m | \\x1b[35m2.7410995\\x1b[39m | ...
    | \\x1b[39m10       \\x1b[39m | \\x1b[39m-31.0    \\x1b[39m | \\x1b[39m4.0      \\x1b[39m | ...
    =================================================

Every cell is wrapped in colorama's escapes (``Fore.RESET`` ``\\x1b[39m``; ``Fore.MAGENTA``
``\\x1b[35m`` on a row whose target is a new maximum), under a pipe too: the logger writes
them unconditionally (colorama's ``just_fix_windows_console`` does nothing on Linux). A cell
is ``str(value)`` cut to 9 characters (``ScreenLogger._format_number``: truncated, not
rounded; ``-7.135455`` for -7.135455292718879). Then ``print(optimizer.max)``: ``{'target':
np.float64(-3.012568041689679), 'params': {'x': np.float64(2.0), 'y':
np.float64(1.1121072775946295)}}`` (numpy 2 reprs). Nothing on stderr.

Truth: bayes_opt's own record of the evaluations, ``optimizer.res`` (``TargetSpace.res()``:
a dict an evaluation, ``target`` and ``params``, in probe order), checked equal to the
``target`` list of the JSON state ``optimizer.save_state("optimizer_state.json")`` writes
(3.x's record on disk: it dropped 1.x's ``JSONLogger``/``Events`` logs; the basic tour's
"Saving and loading" writes it), which ``files`` lists. Judgement calls:
- The metric is ``target``, bayes_opt's own key (``res[i]['target']``, ``max['target']``,
  the table's column, ``save_state``'s ``target``): 12 points keyed by the table's ``iter``
  as ``step`` (1-based: the logger counts ``_iterations`` from 1, one a probe, random and
  suggested alike). Tolerance 1e-5 (absolute): the cell keeps 9 characters of the value's
  ``str``, cut: under 1e-6 off for a value with one integer digit, under 1e-5 for two (the
  case asserts every printed cell is within it).
- ``x`` and ``y`` are the probed point (``res[i]['params']``): the search's inputs, no
  metrics; ``iter`` is the step. The colour (magenta: a new best) marks a row, no value.
- ``print(optimizer.max)`` is ``TargetSpace.max()``, the best evaluation so far (here the
  12th), reprinted after the table: a running best of the ``target`` series printed again
  (README, docs/metrics.md), no 13th point; the README rule puts such a line in ``also_ok``
  under a name of its own, but this one carries the series' own key, ``'target'``, so no
  name can allow it: a parser that reads it records 13 ``target`` points (a count miss), as
  it should not. Its ``params`` are inputs.
- Nothing timed is printed.
- Files: ``optimizer_state.json`` (pbounds, keys, params, target, GP settings, the
  RandomState; the same bytes run to run: the seeded search is deterministic, pipe and pty).
"""
# zoo-venv: bayesopt

import json

import bayes_opt
from _truth import series, write_truth
from bayes_opt import BayesianOptimization

STATE = "optimizer_state.json"
TOLERANCE = 1e-5


def black_box_function(x, y):
    """Function with unknown internals we wish to maximize.

    This is just serving as an example, for all intents and
    purposes think of the internals of this function, i.e.: the process
    which generates its output values, as unknown.
    """
    return -x ** 2 - (y - 1) ** 2 + 1


# Bounded region of parameter space
pbounds = {'x': (2, 4), 'y': (-3, 3)}

optimizer = BayesianOptimization(
    f=black_box_function,
    pbounds=pbounds,
    random_state=1,
    verbose=2,
)

optimizer.maximize(
    init_points=2,
    n_iter=10,
)

print(optimizer.max)

optimizer.save_state(STATE)
with open(STATE, encoding="utf-8") as handle:
    saved = json.load(handle)

targets = [float(entry["target"]) for entry in optimizer.res]
assert len(targets) == 12 and targets == saved["target"], (targets, saved["target"])
assert all(float(entry["target"]) == black_box_function(**entry["params"])
           for entry in optimizer.res)
assert float(optimizer.max["target"]) == max(targets)
# the table's cells: str(target) cut to 9 characters, within the tolerance
cell = optimizer.logger._format_number
assert all(abs(float(cell(value)) - value) <= TOLERANCE for value in targets)

write_truth("bayesian-optimization", bayes_opt.__version__,
            f"optimizer.res (each probe's 'target', in order; step = the table's 1-based iter) "
            f"== the 'target' list of optimizer.save_state('{STATE}')",
            {"target": series(enumerate(targets, start=1), "step", tolerance=TOLERANCE)},
            files=[STATE],
            notes=f"max {float(optimizer.max['target'])} at "
                  f"{ {k: float(v) for k, v in optimizer.max['params'].items()} }")
