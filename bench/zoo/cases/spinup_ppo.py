"""OpenAI Spinning Up (``spinup`` 0.2.0, ``spinup/version.py``; no PyPI release: repository
openai/spinningup at commit 038665d62d569055401d91856abb287263096178, 2020-02-07, its last)
on the CPU build of torch 2.13.0, gym 0.25.2, numpy 1.26.4 and mpi4py 4.1.2 over PyPI's
``mpich`` 5.0.2 wheel: its PyTorch PPO, ``spinup/algos/pytorch/ppo/ppo.py``, run through
that file's own ``__main__`` with small settings, one process:
``python -m spinup.algos.pytorch.ppo.ppo --env CartPole-v1 --cpu 1 --seed 0 --steps 400
--epochs 3 --exp_name ppo_cartpole`` (``--hid 64 --l 2``, its defaults: two hidden layers
of 64; 80 policy and 80 value iterations an epoch, ``target_kl`` 0.01), in-process
(``runpy``, as ``__main__``, that ``sys.argv``). About 12 s a run here, most of it
imports: the three epochs take about 2 s.

Files: the repository's ``spinup/`` package, from ``$ZOO_REPOS/spinningup`` (default
``~/.cache/exptrack-zoo/repos``; materialise it with ``git archive <commit> -- .
':(exclude)docs/images' | tar -x -C $ZOO_REPOS/spinningup``: a mirror may lack the docs'
videos), copied unchanged into the cwd, the repository's layout, so that
``spinup/user_config.py``'s ``DEFAULT_DATA_DIR`` (the folder above the package, ``data/``,
as in a clone installed with ``pip install -e .``) is the cwd's ``data/``; the files that
run are checked against their git blob ids at that commit (``BLOBS``).

Why ppo.py's ``__main__`` and not the docs' ``python -m spinup.run ppo_pytorch ...``: both
``spinup.run`` and ``spinup/__init__.py`` import every TensorFlow 1 algorithm
(``from spinup.algos.tf1.ppo.ppo import ppo as ppo_tf1``, ...), and
``spinup/utils/mpi_tf.py`` subclasses ``tf.train.AdamOptimizer`` at import, which
TensorFlow 2 no longer has; TensorFlow 1.x (setup.py pins ``tensorflow>=1.8.0,<2.0``) has
no wheel for Python 3.11. ppo.py itself needs none of it (it imports ``spinup.algos.
pytorch.ppo.core``, ``spinup.utils.logx``, ``mpi_pytorch``, ``mpi_tools`` and, in its
``__main__``, ``run_utils``). So the case makes the ``spinup`` package module as ``import
spinup`` would (its ``__path__`` the copied folder) without running its ``__init__.py``
(the re-exports of every algorithm and the TensorFlow log level), and ``logx.py``'s
unconditional ``import tensorflow as tf`` (used only by the TensorFlow saver,
``setup_tf_saver``/``_tf_simple_save``/``restore_tf_graph``, never on the PyTorch path)
finds a stand-in ``tensorflow.py`` in the cwd whose every attribute raises, as nanoGPT's
case stands in for ``requests``. The docs call the per-file command lines "vestigial"; they
run the same ``ppo()`` with the same ``EpochLogger``.

What it prints: gym's notice (``Gym has been unmaintained since 2022 ...``, 3 lines), then
the logger's ``Logging data to /.../data/ppo_cartpole/ppo_cartpole_s0/progress.txt``
(ANSI green, bold), ``Saving config:`` and the config as indented JSON (``"clip_ratio":
0.2``, ``"gamma": 0.99``, ..., the logger object's repr among them), gym's two
DeprecationWarnings about the old step API (stderr), ``Number of parameters:  pi: 4610,
v: 4545``, numpy's ``np.bool8`` DeprecationWarning (stderr), then per epoch any ``Warning:
trajectory cut off by epoch at 12 steps.``, ``Early stopping at step 8 due to reaching
max kl.`` (green) and ``EpochLogger.dump_tabular``'s table between dash rules, a row a
key, each value ``"%8.3g"``::

    ---------------------------------------
    |             Epoch |               0 |
    |      AverageEpRet |            17.6 |
    |          StdEpRet |            6.46 |
    ...
    | TotalEnvInteracts |             400 |
    |            LossPi |        3.46e-08 |
    |             LossV |             137 |
    ...
    |              Time |           0.433 |
    ---------------------------------------

Truth: the logger's own record, ``data/ppo_cartpole/ppo_cartpole_s0/progress.txt`` (listed
in ``files``): ``dump_tabular`` writes the same row it prints, a header of the keys and a
line an epoch, tab-separated, each value ``str(val)`` (full precision). Judgement calls:
- Names as the table and the file key them: ``AverageEpRet``, ``StdEpRet``, ``MaxEpRet``,
  ``MinEpRet`` (``log_tabular('EpRet', with_min_and_max=True)``), ``EpLen``,
  ``AverageVVals``, ``StdVVals``, ``MaxVVals``, ``MinVVals``, ``LossPi``, ``LossV``,
  ``DeltaLossPi``, ``DeltaLossV``, ``Entropy``, ``KL``, ``ClipFrac``, ``StopIter`` and
  ``Time``: 18 metrics, 3 points each (one row an epoch).
- ``Epoch`` (0, 1, 2) is the axis (``key: epoch``, from 0 as the table prints it) and
  ``TotalEnvInteracts`` (400, 800, ``1.2e+03``: ``(epoch+1)*steps_per_epoch``) the
  environment-step count: counters, no metrics (as ``time/total_timesteps`` in
  Stable-Baselines3's cases).
- ``StopIter`` (the policy iteration at which the KL early stop broke off, 79 when it did
  not) is kept: a per-epoch diagnostic the logger averages and records like the others.
- ``Time`` (seconds since training began) is in the record, so it is a metric, as SB3's
  ``time/time_elapsed`` is.
- Tolerance: the table prints ``%8.3g``, three significant digits: ``rel_tolerance`` 5e-3
  (as SB3's ``%.3g`` box); the file's values are the exact ones.
- Not metrics: the config JSON (settings), ``Number of parameters`` (``pi: 4610``, ``v:
  4545``: counts), ``trajectory cut off by epoch at N steps`` and ``Early stopping at step
  N`` (events).
- Determinism: ``--seed 0`` seeds torch and numpy (``seed += 10000 * proc_id()``); ppo.py
  never seeds the environment, whose first ``reset()`` seeds CartPole's ``np_random`` from
  the OS, so the episodes and every value differ from run to run (and between pipe and
  pty); each run's truth is that run's own ``progress.txt``.
"""
# zoo-venv: spinup

import csv
import importlib.machinery
import os
import runpy
import shutil
import sys
import types
from importlib.metadata import version
from pathlib import Path

from _truth import series, write_truth
from _verbatim import git_blob_id

REPO_COMMIT = "038665d62d569055401d91856abb287263096178"
# the files the run imports, as git names them at REPO_COMMIT
BLOBS = {
    "spinup/algos/pytorch/ppo/ppo.py": "a77ed9dafd6e19549d9179a4d5e39003a81935ba",
    "spinup/algos/pytorch/ppo/core.py": "84e9f98893e50bacd4056bddffa9831ad1701b0d",
    "spinup/algos/__init__.py": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
    "spinup/utils/__init__.py": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
    "spinup/utils/logx.py": "281b736bdbfa0df4d6cd91febe9fab38c9c92b20",
    "spinup/utils/mpi_tools.py": "0d032129f6def08ac4e41f63f736d59a497c8dba",
    "spinup/utils/mpi_pytorch.py": "1b46e4efb54bea77ed82117fee97f24b1ff29114",
    "spinup/utils/run_utils.py": "a2f607d5934ad95441ed3b4e210afa4e69ed8db9",
    "spinup/utils/serialization_utils.py": "a21e94af9e783f2961651b7fe4e6e23eece2af48",
    "spinup/user_config.py": "a5dd6864d4cd8658e254dc1bd11812fcfeed4c0f",
    "spinup/version.py": "1a6eee97834175c51b82366ee3fe947529338f25",
}
EXP_NAME = "ppo_cartpole"
ARGS = ["--env", "CartPole-v1", "--cpu", "1", "--seed", "0", "--steps", "400", "--epochs", "3",
        "--exp_name", EXP_NAME]
PROGRESS = f"data/{EXP_NAME}/{EXP_NAME}_s0/progress.txt"  # setup_logger_kwargs(exp_name, 0)
COUNTERS = ("Epoch", "TotalEnvInteracts")  # the axis and the environment-step count
# logx.py's `import tensorflow as tf` serves only its TensorFlow saver
TENSORFLOW_STAND_IN = '''"""A stand-in for logx.py's `import tensorflow as tf`
(bench/zoo/cases/spinup_ppo.py): only Spinning Up's TensorFlow saver uses it, never its
PyTorch algorithms."""


def __getattr__(name):
    raise AttributeError(f"tensorflow is not installed (the zoo's stand-in): tf.{name}")
'''

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "spinningup"
if not (repo / "spinup" / "algos" / "pytorch" / "ppo" / "ppo.py").is_file():
    sys.exit(f"needs openai/spinningup at {REPO_COMMIT[:8]} unpacked under {repo} "
             "(bench/zoo/requirements-spinup.txt)")
shutil.copytree(repo / "spinup", "spinup")
for rel, blob in BLOBS.items():
    if git_blob_id(Path(rel).read_text(encoding="utf-8")) != blob:
        sys.exit(f"{repo / rel} is not openai/spinningup's at {REPO_COMMIT[:8]}")
Path("tensorflow.py").write_text(TENSORFLOW_STAND_IN, encoding="utf-8")

# the package as `import spinup` makes it, without its __init__.py (every TF1 algorithm)
sys.path.insert(0, str(Path.cwd()))
package_dir = str(Path("spinup").resolve())
package = types.ModuleType("spinup")
package.__path__ = [package_dir]
package.__spec__ = importlib.machinery.ModuleSpec("spinup", None, is_package=True)
package.__spec__.submodule_search_locations = [package_dir]
sys.modules["spinup"] = package

sys.argv = ["spinup/algos/pytorch/ppo/ppo.py", *ARGS]
runpy.run_module("spinup.algos.pytorch.ppo.ppo", run_name="__main__", alter_sys=True)

# --- the truth: the EpochLogger's progress.txt, one row an epoch ---
with open(PROGRESS, encoding="utf-8", newline="") as handle:
    rows = list(csv.DictReader(handle, delimiter="\t"))
assert len(rows) == 3, rows
metrics = {name: series([(row["Epoch"], row[name]) for row in rows], "epoch",
                        rel_tolerance=5e-3)
           for name in rows[0] if name not in COUNTERS}

spinup_version = runpy.run_path("spinup/version.py")["__version__"]
write_truth(
    "spinup", spinup_version,
    f"{PROGRESS} (EpochLogger.dump_tabular's tab-separated record; openai/spinningup@"
    f"{REPO_COMMIT[:8]}, torch {version('torch')}, gym {version('gym')})",
    metrics, files=[PROGRESS],
    notes="ppo.py's __main__ with " + " ".join(ARGS) + "; Epoch is the axis and "
          "TotalEnvInteracts the environment-step count (counters). The environment is "
          "never seeded: values differ from run to run",
)
