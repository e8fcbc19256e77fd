"""EPyMARL (uoe-agents/epymarl, the maintained fork of oxwhirl's PyMARL; no PyPI release:
its last commit cbc38c09588064eab978501d0f12c2cf58fa7fc2, 2024-09-24, ``git describe``
v2.0.0-8-gcbc38c0), its independent advantage actor-critic IA2C on PettingZoo's MPE
``simple_spread_v3`` (3 agents, pettingzoo 1.24.3, nothing downloaded), run as its README runs
an MPE task: ``python src/main.py --config=ia2c --env-config=gymma with
env_args.time_limit=25 env_args.key=pz-mpe-simple-spread-v3`` (the README's example names
``--config=qmix``), plus ``t_max=3000`` (of ia2c.yaml's 20,050,000 env steps),
``log_interval=500``, ``runner_log_interval=500``, ``learner_log_interval=500`` and
``test_interval=500`` (gymma.yaml's 50,000/10,000) so that the stats table prints six
times, ``test_nepisode=10`` (of 100) and ``seed=1`` (Sacred draws a random seed when none is
given). ia2c.yaml's ``runner: parallel`` with ``batch_size_run: 10``: ten environment
worker processes, 250 env steps a batch of episodes. Torch's CPU build (use_cuda is
switched off with a warning). About 10-25 s.
Files: the repository's ``src/`` (114 files), from ``$ZOO_REPOS/epymarl`` (default
``~/.cache/exptrack-zoo/repos/epymarl``; ``git archive <commit> | tar -x -C ...``), copied
into the cwd and checked against git's tree id of ``src`` at that commit; main.py runs as a
subprocess from the cwd, the repository root as the README has it, so that Sacred's
FileStorageObserver writes ``results/sacred/ia2c/pz-mpe-simple-spread-v3/1/`` there
(``results_path`` is ``dirname(dirname(abspath(main.py)))/results``). See
requirements-epymarl.txt for smaclite, which ``src/envs/__init__.py`` imports whatever the
environment.

What it prints (stderr, its logging handler ``[%(levelname)s %(asctime)s] %(name)s
%(message)s``): ``[INFO 11:30:48] root Saving to FileStorageObserver in results/sacred.``,
Sacred's ``Running command 'my_main'`` and ``Started run with ID "1"``, GitPython's
``[DEBUG ...] git.cmd Popen(['git', 'version'], ...)``, ``Experiment Parameters:`` and the
config as ``pprint`` shows it (``'lr': 0.0005,``, ``'t_max': 3000,``, ...), Python warnings
from each worker (pettingzoo's ``The `action_spaces` dictionary is deprecated``, gymnasium's
env checker's ``The reward returned by `step()` must be a float``, torch's non-tuple
indexing), then at each test (every ``test_interval``)::

    [INFO 11:30:50] my_main t_env: 750 / 3000
    [INFO 11:30:50] my_main Estimated time left: 2 seconds. Time passed: 0 seconds

and every ``log_interval`` ``Logger.print_recent_stats``, the stats in alphabetical order,
four a line, each ``"{:<25}{:>8}".format(k + ":", "{:.4f}")``, tab-separated::

    [INFO 11:30:51] my_main Recent Stats | t_env:       1000 | Episode:       40
    advantage_mean:            0.0055\tagent_grad_norm:           0.5710\tcritic_grad_norm: ...
    ep_length_mean:           25.0000\tpg_loss:                   0.0234\tpi_max: ...
    return_mean:             -73.1893\treturn_std:               20.9076\ttarget_mean: ...
    test_ep_length_mean:      25.0000\ttest_return_mean:        -79.9811\ttest_return_std: ...

and at the end ``Estimated time left: -. Time passed: 3 seconds``, ``Finished Training``,
``Exiting Main``, ``Completed after 0:00:06``.

Truth: EPyMARL's ``Logger.log_stat(key, value, t_env)`` hands every stat to Sacred's
``_run.log_scalar`` (and appends it to ``info["<key>"]``/``info["<key>_T"]``); the
FileStorageObserver keeps them in ``results/sacred/ia2c/pz-mpe-simple-spread-v3/1/metrics.json``
(``{"return_mean": {"steps": [250, 750, ...], "values": [...], "timestamps": [...]}}``,
full precision; in ``files``), checked against the run's ``info.json``. Judgement calls:
- A table's value is not the stat's last value: ``print_recent_stats`` prints the mean of
  each stat's last 5 values (``window = 5 if k != "epsilon"``) logged so far, so
  ``metrics`` (what the tables show) are those window means, computed from the record at
  each table's t_env (the steps of the ``episode`` stat, which ``run_sequential`` logs just
  before printing; every value logged by then has a step at or below it, t_env only grows):
  the first table's mean of one value, the sixth's of the values at 750..2750. Six values
  per name, keyed ``step`` by the table's ``t_env`` (log_stat's own axis). Tolerance 5e-5:
  ``{:.4f}``.
- ``file_metrics``: the record's own series under the same names, 7 values each at t_env
  250, 750, ..., 3250 (the runner, learner and test stats are logged at the first batch and
  then every 500 steps; the last, at 3250, is after the last table and never printed): when
  the file is read, each is the series, as the file keeps it; exact.
- Names as EPyMARL keys (and prints) them: ``return_mean``, ``return_std``,
  ``ep_length_mean`` (the runner's training episodes), ``test_return_mean``,
  ``test_return_std``, ``test_ep_length_mean`` (the greedy test episodes, its ``test_``
  prefix), and the learner's ``advantage_mean``, ``pg_loss``, ``agent_grad_norm``,
  ``pi_max``, ``critic_loss``, ``critic_grad_norm``, ``td_error_abs``, ``q_taken_mean``,
  ``target_mean``; 15 metrics.
- ``episode`` (``Episode: 40`` in the table's header, the count of episodes run) is a
  counter, like ``t_env``: no metric. EPyMARL logs it with log_stat as well, so it is in
  metrics.json, and exptrack reading the file records it: ``also_ok``.
- ``also_ok`` too: ``Time passed`` and ``Estimated time left`` (wall-clock time since
  training began and its projection, printed at each test, kept nowhere).
- Not metrics: the config pprint's settings (``'lr': 0.0005``), ``t_env: 750 / 3000``.
- Determinism: the seed is fixed (torch and numpy in main.py, each worker's environment
  ``seed + i``); the values repeat run to run on the CPU; only the times vary.
"""
# zoo-venv: epymarl

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
from _truth import series, write_truth
from _verbatim import tree_id

SOURCE_REPO = "uoe-agents/epymarl"
SOURCE_COMMIT = "cbc38c09588064eab978501d0f12c2cf58fa7fc2"  # v2.0.0-8-gcbc38c0, 2024-09-24
SRC_TREE = "cae57fa7fef8dd573f6409370db419ebe9ea11b2"  # git's id of src/ at SOURCE_COMMIT
ENV_KEY = "pz-mpe-simple-spread-v3"
# the README's MPE command (`--config=qmix` there, ia2c here), a few thousand steps with a
# table every 500; the seed fixed (Sacred draws one at random when none is given)
COMMAND = ["src/main.py", "--config=ia2c", "--env-config=gymma", "with",
           "env_args.time_limit=25", f"env_args.key={ENV_KEY}", "t_max=3000",
           "log_interval=500", "runner_log_interval=500", "learner_log_interval=500",
           "test_interval=500", "test_nepisode=10", "seed=1"]
RUN_DIR = f"results/sacred/ia2c/{ENV_KEY}/1"  # FileStorageObserver's first run id
WINDOW = 5  # Logger.print_recent_stats: the mean of each stat's last 5 values ("epsilon": 1)


repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos / "epymarl"
if not (repo / "src" / "main.py").is_file():
    sys.exit(f"unpack {SOURCE_REPO} at {SOURCE_COMMIT} under {repo} "
             "(see bench/zoo/requirements-epymarl.txt)")
shutil.copytree(repo / "src", "src", ignore=shutil.ignore_patterns("__pycache__"))
if tree_id(Path("src")) != SRC_TREE:
    sys.exit(f"{repo}/src is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")

# as its README runs it, from the repository's root (here the cwd, holding its src/):
# main.py writes Sacred's record under <root>/results/sacred/<alg>/<env key>/<run id>/
sys.stdout.flush()
completed = subprocess.run([sys.executable, *COMMAND], check=False)
if completed.returncode != 0:
    sys.exit(completed.returncode)

# truth: the FileStorageObserver's metrics.json, every Logger.log_stat(key, value, t_env)
# (Sacred's log_scalar), checked against info.json, the Logger's own lists in Sacred's info
# dict (`key` and `key_T`; a numpy float there as jsonpickle writes it, {"py/object":
# "numpy.float64", "value": ...})
logged = json.loads(Path(RUN_DIR, "metrics.json").read_text(encoding="utf-8"))
info = json.loads(Path(RUN_DIR, "info.json").read_text(encoding="utf-8"))
for name, record in logged.items():
    kept = [value["value"] if isinstance(value, dict) else value for value in info[name]]
    assert kept == record["values"] and info[f"{name}_T"] == record["steps"], name

# each "Recent Stats | t_env: T | Episode: N" table is printed right after
# log_stat("episode", N, T); it shows every other stat as the mean of its last WINDOW
# values logged up to then (all logged at t_env <= T: t_env only grows)
tables = logged["episode"]["steps"]
metrics, file_metrics = {}, {}
for name, record in logged.items():
    if name == "episode":
        continue
    pairs = list(zip(record["steps"], record["values"], strict=True))
    window = 1 if name == "epsilon" else WINDOW
    shown = []
    for t_env in tables:
        upto = [value for step, value in pairs if step <= t_env]
        if upto:
            shown.append((t_env, float(np.mean(upto[-window:]))))
    metrics[name] = series(shown, "step", tolerance=5e-5)  # "{:.4f}"
    file_metrics[name] = series(pairs, "step")

write_truth(
    "EPyMARL", "2.0.0-8-gcbc38c0",
    f"Sacred's FileStorageObserver {RUN_DIR}/metrics.json (EPyMARL's Logger.log_stat -> "
    "log_scalar, checked against info.json); the printed tables' values are the mean of each "
    f"stat's last {WINDOW} values up to the table's t_env, as Logger.print_recent_stats "
    "computes them",
    metrics, files=[f"{RUN_DIR}/metrics.json"], file_metrics=file_metrics,
    also_ok=["episode", "Time_passed", "Estimated_time_left"],
    notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (src/ tree {SRC_TREE}); sacred "
          f"{version('sacred')}, torch {version('torch')}, pettingzoo {version('pettingzoo')}, "
          f"gymnasium {version('gymnasium')}; command: python {' '.join(COMMAND)}",
)
