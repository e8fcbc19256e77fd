"""gplearn 0.4.3: the documentation's first example ("Example 1: Symbolic regressor",
``examples.rst``), its data and settings: ``rng = check_random_state(0)``, 50 training rows
``X_train = rng.uniform(-1, 1, 100).reshape(50, 2)``, ``y_train = X0**2 - X1**2 + X1 - 1``,
then ``est_gp = SymbolicRegressor(population_size=500, generations=10,
stopping_criteria=0.01, p_crossover=0.7, p_subtree_mutation=0.1, p_hoist_mutation=0.05,
p_point_mutation=0.1, max_samples=0.9, verbose=1, parsimony_coefficient=0.01,
random_state=0)`` (the example's 5000 programs and 20 generations made 500 and 10, so it
runs in seconds; the early stop at a fitness of 0.01 is not reached), ``est_gp.fit(X_train,
y_train)`` and the example's ``print(est_gp._program)``. One process (``n_jobs=1``),
deterministic apart from timings.

What it prints (stdout; ``verbose=1``: ``BaseSymbolic._verbose_reporter``): a two-level
header, a group row over a rule, the column names, then one row a generation::

        |   Population Average    |             Best Individual              |
    ---- ------------------------- ------------------------------------------ ----------
     Gen   Length          Fitness   Length          Fitness      OOB Fitness  Time Left
       0    37.60          369.807       31         0.607299         0.758801      9.34s
       1    10.08          1.73375       17         0.422188         0.383267      5.96s
    ...
       9     6.86         0.917639        7         0.224091         0.594009      0.00s

then the best program, ``sub(-0.851, mul(X1, add(-0.851, X1)))``. A row is
``'{:4d} {:8.2f} {:16g} {:8d} {:16g} {:16g} {:>10}'`` (the OOB cell is ``N/A`` when
``max_samples`` is 1.0; here it is 0.9, so it is a number). ``Time Left`` is
``(generations - gen - 1) * generation_time``, ``'%.2fs'`` (``'%.2fm'`` in minutes past 60
s), so ``0.00s`` on the last row. Nothing on stderr.

Truth: gplearn's own record, ``est_gp.run_details_`` (a dict of per-generation lists:
``generation``, ``average_length``, ``average_fitness``, ``best_length``, ``best_fitness``,
``best_oob_fitness``, ``generation_time``; the reporter prints each row from the lists' last
entries). Judgement calls:
- Names are gplearn's keys of that record: the first ``Fitness`` column, under the group
  header ``Population Average``, is ``average_fitness`` (the mean raw fitness, here the mean
  absolute error, of the generation's programs); the second, under ``Best Individual``, is
  ``best_fitness`` (the raw fitness of the generation's best program) and ``OOB Fitness`` is
  ``best_oob_fitness`` (that program's fitness on the 10% of rows left out of its own
  subsample). The group header is what tells the two ``Fitness`` columns apart; a bare
  ``Fitness`` (or ``OOB_Fitness``) is not the framework's name for either.
- ``best_fitness`` is the best of this generation, no running best: gplearn keeps no elite,
  and it goes up as well as down (0.222108 then 0.224091 at generations 8, 9), so it is a
  series of its own (as EvoTorch's ``pop_best_eval``, docs/metrics.md round tune98).
- Key ``step`` = ``Gen``, gplearn's ``generation`` (0-based, as printed): 10 points each.
- ``Length`` (both columns: ``average_length``, the mean number of nodes of the
  generation's programs, and ``best_length``, the best program's node count) is a program
  size, a count of nodes, no measure of fit: no metric by the project's rule (a number that
  counts things, as pymoo's ``n_nds``), though GP tracks the average as bloat; a parser that
  keeps them under gplearn's keys is not wrong either: ``also_ok``.
- ``Time Left`` is an estimate of the remaining time, a timing: ``also_ok`` as
  ``Time_Left``. ``generation_time`` (the record's seconds a generation) is not printed.
- Tolerance: ``{:16g}`` keeps six significant digits, so ``rel_tolerance`` 5e-6 (the case
  asserts every printed cell is within it of the record).
- The printed program (``print(est_gp._program)``) is the model, its constants no metrics.
- No file is written.
"""
# zoo-venv: gplearn

import importlib.metadata

from _truth import series, write_truth
from gplearn.genetic import SymbolicRegressor
from sklearn.utils.random import check_random_state

REL_TOLERANCE = 5e-6

# Training samples
rng = check_random_state(0)
X_train = rng.uniform(-1, 1, 100).reshape(50, 2)
y_train = X_train[:, 0]**2 - X_train[:, 1]**2 + X_train[:, 1] - 1

est_gp = SymbolicRegressor(population_size=500,
                           generations=10, stopping_criteria=0.01,
                           p_crossover=0.7, p_subtree_mutation=0.1,
                           p_hoist_mutation=0.05, p_point_mutation=0.1,
                           max_samples=0.9, verbose=1,
                           parsimony_coefficient=0.01, random_state=0)
est_gp.fit(X_train, y_train)
print(est_gp._program)

details = est_gp.run_details_
generations = details["generation"]
assert generations == list(range(10)), generations
metrics = {}
for name in ["average_fitness", "best_fitness", "best_oob_fitness"]:
    values = [float(value) for value in details[name]]
    for value in values:
        assert abs(float(f"{value:16g}") - value) <= REL_TOLERANCE * abs(value), (name, value)
    metrics[name] = series(zip(generations, values, strict=True), "step",
                           rel_tolerance=REL_TOLERANCE)
write_truth("gplearn", importlib.metadata.version("gplearn"),
            "est_gp.run_details_ (per-generation lists): average_fitness, best_fitness, "
            "best_oob_fitness, keyed by generation",
            metrics, also_ok=["average_length", "best_length", "Time_Left"],
            notes=f"program {est_gp._program}; average_length "
                  f"{[float(v) for v in details['average_length']]}; best_length "
                  f"{[int(v) for v in details['best_length']]}")
