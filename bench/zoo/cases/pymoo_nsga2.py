"""pymoo 0.6.2: the README's NSGA2 run, ``res = minimize(problem, NSGA2(pop_size=20),
('n_gen', 20), seed=1, verbose=True)``, on pymoo's built-in constrained test problem C2-DTLZ2
(``get_problem("c2dtlz2")``: 12 variables, 3 objectives, one inequality constraint, a known
Pareto front) instead of the README's unconstrained ZDT1, so the constraint-violation columns
appear, and with ``save_history=True`` (pymoo's documented way to keep each generation's
state) for the truth. No data at all; the README's ``Scatter`` plot is left out (nothing is
printed by it). Nothing of the case's own is printed.

What it prints (stdout; ``verbose=True``: the ``Display`` of NSGA2's ``MultiObjectiveOutput``,
its header with ``=`` rules once, then one row a generation, cells joined by `` | ``, each
right-aligned to its column's width)::

    ==========================================================================================
    n_gen  |  n_eval  | n_nds  |     cv_min    |     cv_avg    |      igd      |       gd
    ==========================================================================================
         1 |       20 |      1 |  0.1964126763 |  0.6515643135 |             - |             -
         2 |       40 |      1 |  0.1333179772 |  0.3634954001 |             - |             -
         3 |       60 |      1 |  0.000000E+00 |  0.2449635394 |  1.2073999156 |  0.3920657511
    ...
        20 |      400 |     11 |  0.000000E+00 |  0.000000E+00 |  0.7727340019 |  0.1069769085

(the header's last cell is centred and padded with spaces; no ``hv`` column: pymoo shows the
hypervolume only for two objectives; no ``eps``/``indicator``: the problem has a Pareto
front). A float cell is ``Column.text``'s ``number_to_text`` at width 13: ``'%.10f'``, or
``'%.6E'`` when the value is >= 10 or below 1e-5 (zero prints ``0.000000E+00``). ``-`` is a
cell whose value is ``None``: in generations 1 and 2 no solution is feasible, and
``MultiObjectiveOutput.update`` computes ``igd``/``gd`` on the feasible front only. Nothing on
stderr.

Truth: pymoo's own record, ``res.history`` (``save_history=True``: after each generation
``Algorithm._post_advance`` calls the display and then appends ``copy.deepcopy(algorithm)``),
each entry's ``output`` (the same ``MultiObjectiveOutput`` the display printed from, deep-copied
with its columns' values) read column by column, ``{col.name: col.value for col in
entry.output.columns}``. The case checks the record against pymoo's own indicators on the
same entry: ``n_gen`` is the entry's ``n_gen``, ``n_nds`` ``len(entry.opt)``, ``cv_min``/
``cv_avg`` ``entry.opt``'s min and ``entry.pop``'s mean ``cv``, ``igd``/``gd`` pymoo's
``IGD``/``GD(pf, zero_to_one=True)`` of the feasible ``entry.opt``'s ``F`` (``None`` when no
solution is feasible). Judgement calls:
- Key ``step`` = ``n_gen``, pymoo's generation counter (1-based, as printed; 20 rows). It is
  the step, no metric.
- ``n_eval`` (``evaluator.n_eval``, 20 more a generation) is the count of evaluations, a
  second counter, no metric (as cma's ``#Fevals``), and not ``also_ok``.
- Metrics, named by pymoo's column names: ``cv_min`` (the least constraint violation of the
  generation's optimum; NSGA2 is elitist, but it is the current population's value, no best
  kept over the run), ``cv_avg`` (the population's mean violation), ``igd`` and ``gd``
  (inverted and plain generational distance of the feasible front to the true front). 20
  points each for ``cv_min``, ``cv_avg``; 18 for ``igd`` and ``gd`` (generations 3-20): a
  ``-`` cell is no value, so no point at generations 1 and 2.
- ``n_nds`` (the size of the generation's non-dominated set, ``len(algorithm.opt)``) is a
  count of solutions. It rises and falls, and the MOO literature reports it as ONVG, but a
  number that counts things is no metric by the project's rule (issue #11, as ``n_eval``,
  ``num_samples``); a parser that keeps it is not wrong either: ``also_ok`` (the lead's call,
  session 99; the helper who wrote the case had it a metric).
- Tolerance for the float columns: ``'%.10f'`` rounds to 5e-11, ``'%.6E'`` to 5e-7 of the
  value: ``tolerance`` 1e-10 plus ``rel_tolerance`` 1e-6 (they add up).
- Nothing timed is printed; ``res.exec_time`` is not printed. No file is written.
- Determinism: the seeded run repeats exactly, pipe and pty alike.
"""
# zoo-venv: pymoo

import numpy as np
import pymoo
from _truth import series, write_truth
from pymoo.algorithms.moo.nsga2 import NSGA2
from pymoo.indicators.gd import GD
from pymoo.indicators.igd import IGD
from pymoo.optimize import minimize
from pymoo.problems import get_problem

problem = get_problem("c2dtlz2")

algorithm = NSGA2(pop_size=20)

res = minimize(problem,
               algorithm,
               ('n_gen', 20),
               seed=1,
               verbose=True,
               save_history=True)

COLUMNS = ["n_gen", "n_eval", "n_nds", "cv_min", "cv_avg", "igd", "gd"]
pf = problem.pareto_front()
rows = []
for entry in res.history:
    row = {col.name: col.value for col in entry.output.columns}
    assert list(row) == COLUMNS, list(row)
    assert row["n_gen"] == entry.n_gen and row["n_eval"] == entry.evaluator.n_eval
    assert row["n_nds"] == len(entry.opt)
    assert row["cv_min"] == entry.opt.get("cv").min()
    assert row["cv_avg"] == entry.pop.get("cv").mean()
    F, feas = entry.opt.get("F", "feas")
    if feas.sum() > 0:
        assert row["igd"] == IGD(pf, zero_to_one=True).do(F[feas])
        assert row["gd"] == GD(pf, zero_to_one=True).do(F[feas])
    else:
        assert row["igd"] is None and row["gd"] is None
    rows.append(row)
assert [row["n_gen"] for row in rows] == list(range(1, 21))

metrics = {}
for name in ["cv_min", "cv_avg", "igd", "gd"]:
    metrics[name] = series([(row["n_gen"], row[name]) for row in rows if row[name] is not None],
                           "step", tolerance=1e-10, rel_tolerance=1e-6)
write_truth("pymoo", pymoo.__version__,
            "res.history (save_history=True): each generation's deep-copied "
            "MultiObjectiveOutput columns (name -> value), keyed by n_gen",
            metrics, also_ok=["n_nds"],
            notes=f"problem c2dtlz2 (n_var {problem.n_var}, n_obj {problem.n_obj}, "
                  f"n_ieq_constr {problem.n_ieq_constr}); {len(res.F)} final solutions, "
                  f"min F {np.asarray(res.F).min(axis=0).tolist()}")
