"""DEAP 1.4.4: DEAP's OneMax example as its ``examples/ga/onemax_short.py`` (DEAP/deap at
20bfce6c) writes it, verbatim apart from this docstring, its four ``from deap import`` lines
merged into one (the project's import sorting) and the truth written once ``main()``
returns: bit-string individuals (``array.array`` of 100 bits, ``creator.create("FitnessMax",
base.Fitness, weights=(1.0,))``), ``evalOneMax`` = the sum of the bits, ``cxTwoPoint``,
``mutFlipBit(indpb=0.05)``, ``selTournament(tournsize=3)``, ``random.seed(64)``, a population
of 300, a ``HallOfFame(1)``, ``tools.Statistics(lambda ind: ind.fitness.values)`` registering
``avg`` (``numpy.mean``), ``std``, ``min``, ``max``, then ``algorithms.eaSimple(pop, toolbox,
cxpb=0.5, mutpb=0.2, ngen=40, stats=stats, halloffame=hof, verbose=True)``. No data at all
(the bits come from the seeded ``random``). Nothing of the case's own is printed.

What it prints (stdout; ``verbose=True``: ``eaSimple`` prints ``logbook.stream`` after each
``logbook.record``): the ``Logbook``'s header once, then one row a generation, cells joined by
tabs and each left-justified (padded with spaces) to its column's width so far::

    gen	nevals	avg    	std    	min	max
    0  	300   	50.4933	5.33822	34 	64
    1  	181   	54.8333	4.34958	44 	66
    ...
    40 	180   	98.8333	2.11003	90 	100

(the header cells are padded to the width of the first row's cells, ``avg    ``; a float
cell is ``"{0:n}".format(value)``, six significant digits, so a whole number prints without
its ``.0``: ``34``, ``2.9025 ``). 41 rows, generations 0 to 40. Nothing on stderr.

Truth: DEAP's own record, the ``Logbook`` ``eaSimple`` returns (``logbook.record(gen=gen,
nevals=..., **stats.compile(population))`` each generation), read with ``log.select("gen",
"avg", "std", "min", "max")``; the case checks its header (``['gen', 'nevals', 'avg', 'std',
'min', 'max']``), its generations (0 to 40) and that the hall of fame's best fitness is the
largest ``max`` recorded. Judgement calls:
- Key ``step`` = ``gen``, DEAP's generation counter (0-based as printed: generation 0 is the
  initial population, evaluated before any variation). It is the step, no metric.
- ``nevals`` (the individuals evaluated this generation: the 300 of the first, then the
  offspring whose fitness crossover or mutation invalidated) is a count of evaluations, no
  metric (as pymoo's ``n_eval``, pagmo's ``Fevals``), and not ``also_ok``.
- Metrics, named by DEAP's keys (the names registered on ``Statistics``, the logbook's
  keys; no chapters, so no prefix): ``avg``, ``std``, ``min``, ``max`` of the population's
  fitness (41 points each). ``max`` is the current population's best, not a running best:
  ``eaSimple`` replaces the whole population by its offspring (no elitism; the hall of fame
  is kept aside and never put back), so ``max`` may fall; in this seeded run it never does
  (64 up to 100 from generation 35), where ``min`` falls and rises (52 at generation 3, 47
  at 4).
- Tolerance: ``{0:n}`` keeps six significant digits, 5e-6 of the value at most:
  ``rel_tolerance`` 1e-5 for every column (``min``/``max`` are whole numbers, printed exactly).
- The hall of fame's individual is not printed (the example returns it), nor is anything
  timed. No file is written.
- Determinism: the seeded run repeats exactly, pipe and pty alike.
"""
# zoo-venv: deap

#    This file is part of DEAP.
#
#    DEAP is free software: you can redistribute it and/or modify
#    it under the terms of the GNU Lesser General Public License as
#    published by the Free Software Foundation, either version 3 of
#    the License, or (at your option) any later version.
#
#    DEAP is distributed in the hope that it will be useful,
#    but WITHOUT ANY WARRANTY; without even the implied warranty of
#    MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
#    GNU Lesser General Public License for more details.
#
#    You should have received a copy of the GNU Lesser General Public
#    License along with DEAP. If not, see <http://www.gnu.org/licenses/>.

import array
import importlib.metadata
import random

import numpy
from _truth import series, write_truth
from deap import algorithms, base, creator, tools

creator.create("FitnessMax", base.Fitness, weights=(1.0,))
creator.create("Individual", array.array, typecode='b', fitness=creator.FitnessMax)

toolbox = base.Toolbox()

# Attribute generator
toolbox.register("attr_bool", random.randint, 0, 1)

# Structure initializers
toolbox.register("individual", tools.initRepeat, creator.Individual, toolbox.attr_bool, 100)
toolbox.register("population", tools.initRepeat, list, toolbox.individual)


def evalOneMax(individual):
    return sum(individual),

toolbox.register("evaluate", evalOneMax)
toolbox.register("mate", tools.cxTwoPoint)
toolbox.register("mutate", tools.mutFlipBit, indpb=0.05)
toolbox.register("select", tools.selTournament, tournsize=3)


def main():
    random.seed(64)

    pop = toolbox.population(n=300)
    hof = tools.HallOfFame(1)
    stats = tools.Statistics(lambda ind: ind.fitness.values)
    stats.register("avg", numpy.mean)
    stats.register("std", numpy.std)
    stats.register("min", numpy.min)
    stats.register("max", numpy.max)

    pop, log = algorithms.eaSimple(pop, toolbox, cxpb=0.5, mutpb=0.2, ngen=40,
                                   stats=stats, halloffame=hof, verbose=True)

    return pop, log, hof

if __name__ == "__main__":
    pop, log, hof = main()

    NAMES = ["avg", "std", "min", "max"]
    assert log.header == ["gen", "nevals", *NAMES], log.header
    gens = log.select("gen")
    assert gens == list(range(41)), gens
    columns = dict(zip(NAMES, log.select(*NAMES), strict=True))
    assert hof[0].fitness.values[0] == max(columns["max"])
    write_truth("deap", importlib.metadata.version("deap"),
                "the Logbook eaSimple returns: log.select('gen', 'avg', 'std', 'min', 'max'), "
                "one record a generation, keyed by gen",
                {name: series(zip(gens, columns[name], strict=True), "step", rel_tolerance=1e-5)
                 for name in NAMES},
                notes=f"hall of fame best fitness {hof[0].fitness.values[0]}; nevals "
                      f"{log.select('nevals')}")
