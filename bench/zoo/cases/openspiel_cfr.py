"""OpenSpiel 2.0.2 (``open_spiel`` on PyPI): its own CFR example,
``open_spiel/python/examples/cfr_example.py`` of ``google-deepmind/open_spiel`` at commit
112b77704631fc2ce7ad8e4581f6ca09798ce15a (2026-07-17, the 2.0.1 release merge; git blob
662b53b279734eb852180f04393f6e226d5a1fba, unchanged since 2022 and identical to the copy the
2.0.2 wheel ships), run as the example is (``python cfr_example.py``: every absl flag at its
default, ``--game kuhn_poker --players 2 --iterations 100 --print_freq 10``). Vanilla CFR
(``cfr.CFRSolver``) on two-player Kuhn poker; no data, nothing random (CFR's full-tree
traversal is deterministic). The script is kept verbatim below as ``EXAMPLE_PY``, checked
against its blob id, written to the cwd and run in-process (``runpy``, as ``__main__``;
``sys.argv`` is the script alone, so absl parses no flag); absl's ``app.run`` ends with
``sys.exit(main(argv))``, whose ``SystemExit(None)`` the case catches.

What it prints (stdout, the example's own ``print``), every 10th iteration::

    Iteration 0 exploitability 0.45833333333333326
    Iteration 10 exploitability 0.06046924690611866
    ...
    Iteration 90 exploitability 0.00983365028965788

(``"Iteration {} exploitability {}".format(i, conv)``: ``i`` the 0-based loop index, ``conv``
a numpy float64, whose ``str`` is its repr digits). Nothing on stderr, nothing timed.

Truth: OpenSpiel's own measure, ``exploitability.exploitability(game,
solver.average_policy())``, computed by the case at the same iterations from the same solver
run: ``cfr.CFRSolver.__init__`` is wrapped to keep the example's solver, and
``exploitability.exploitability`` swapped for a wrapper that, each time the example calls
it, calls it again itself on that solver's ``average_policy()`` at that moment and records
the value with the solver's own iteration count (``solver._iteration``, the updates done:
``i + 1``); it asserts the example got the same number. Judgement calls:
- The metric is ``exploitability``: OpenSpiel's name for it (the function, the example's flag
  help "How often to print the exploitability") and the printed word. 10 points, key
  ``step`` at the printed iteration ``i`` (``solver._iteration - 1``: 0, 10, ..., 90; the
  solver has then done ``i + 1`` updates). Exact: ``str`` of a float64 prints its repr.
- ``Iteration`` is the loop counter (the step), no metric. The game and flags are settings.
"""
# zoo-venv: openspiel

import importlib.metadata
import runpy
import sys
from pathlib import Path

from _truth import series, write_truth
from _verbatim import git_blob_id
from open_spiel.python.algorithms import cfr, exploitability

SOURCE_REPO = "google-deepmind/open_spiel"
SOURCE_COMMIT = "112b77704631fc2ce7ad8e4581f6ca09798ce15a"
EXAMPLE_PATH = "open_spiel/python/examples/cfr_example.py"
EXAMPLE_BLOB = "662b53b279734eb852180f04393f6e226d5a1fba"  # EXAMPLE_PATH at SOURCE_COMMIT

solvers: list = []
recorded: list[tuple[int, float]] = []
_exploitability = exploitability.exploitability


_cfr_solver_init = cfr.CFRSolver.__init__


def recording_cfr_solver_init(self, game):
    """``CFRSolver.__init__`` that keeps the example's solver for the truth (its ``__init__``
    wrapped in place: a subclass or a factory in ``cfr.CFRSolver``'s stead would break its
    ``super(CFRSolver, self)``)."""
    _cfr_solver_init(self, game)
    solvers.append(self)


def recording_exploitability(game, policy):
    conv = _exploitability(game, policy)
    (solver,) = solvers
    own = _exploitability(game, solver.average_policy())
    assert own == conv, (own, conv)
    recorded.append((solver._iteration - 1, float(own)))
    return conv


def main() -> None:
    if git_blob_id(EXAMPLE_PY) != EXAMPLE_BLOB:
        sys.exit(f"{EXAMPLE_PATH} is not as stored at {SOURCE_COMMIT}")
    script = Path("cfr_example.py")
    script.write_text(EXAMPLE_PY, encoding="utf-8")
    cfr.CFRSolver.__init__ = recording_cfr_solver_init
    exploitability.exploitability = recording_exploitability
    sys.argv = [str(script)]
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            raise
    sys.stdout.flush()

    assert [step for step, _ in recorded] == list(range(0, 100, 10)), recorded
    write_truth("open_spiel", importlib.metadata.version("open_spiel"),
                "exploitability.exploitability(game, solver.average_policy()) computed by the "
                "case at each printed iteration, on the example's own CFRSolver",
                {"exploitability": series(recorded, "step")},
                notes=f"{SOURCE_REPO} {EXAMPLE_PATH} at {SOURCE_COMMIT} (blob {EXAMPLE_BLOB}); "
                      f"kuhn_poker, 2 players, 100 iterations, print_freq 10; "
                      f"solver iterations done: {solvers[0]._iteration}")


# EXAMPLE_PATH at SOURCE_COMMIT, verbatim
EXAMPLE_PY = r'''# Copyright 2019 DeepMind Technologies Limited
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#      http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

"""Example use of the CFR algorithm on Kuhn Poker."""

from absl import app
from absl import flags

from open_spiel.python.algorithms import cfr
from open_spiel.python.algorithms import exploitability
import pyspiel

FLAGS = flags.FLAGS

flags.DEFINE_integer("iterations", 100, "Number of iterations")
flags.DEFINE_string("game", "kuhn_poker", "Name of the game")
flags.DEFINE_integer("players", 2, "Number of players")
flags.DEFINE_integer("print_freq", 10, "How often to print the exploitability")


def main(_):
  game = pyspiel.load_game(FLAGS.game, {"players": FLAGS.players})
  cfr_solver = cfr.CFRSolver(game)

  for i in range(FLAGS.iterations):
    cfr_solver.evaluate_and_update_policy()
    if i % FLAGS.print_freq == 0:
      conv = exploitability.exploitability(game, cfr_solver.average_policy())
      print("Iteration {} exploitability {}".format(i, conv))


if __name__ == "__main__":
  app.run(main)
'''

if __name__ == "__main__":
    main()
