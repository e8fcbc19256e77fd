"""OpenAI Baselines 0.1.6 (openai/baselines at commit
ea25b9e8b234e6ee1bca43083f8f3cf974143998, 2020-01-31, master's last) on TensorFlow 1.15.5
(CPU), gym 0.15.7 and Python 3.7, ``baselines_ppo2``'s venv and set-up (see its docstring
and ``requirements-baselines.txt``): its A2C through its own command line, every setting
its default::

    OPENAI_LOG_FORMAT=stdout,csv OPENAI_LOGDIR=<cwd>/openai_log \\
    python -m baselines.run --alg=a2c --env=CartPole-v0 --num_timesteps=6000 \\
        --network=mlp --seed=0

run with subprocess by ``_openai_baselines.run`` after ``check_install``. a2c's defaults:
``nsteps=5`` (one environment: 5 steps an update), so 6000 // 5 = 1200 updates, and
``log_interval=100`` logs updates 1, 100, 200, ..., 1200: 13 tables; RMSprop at lr 7e-4,
linear decay; ``mlp``: two hidden layers of 64. About 12 s a run here.

What it prints: TensorFlow 1.15's deprecation warnings and C++ start-up lines and gym's
float32 warning on stderr, as ``baselines_ppo2``; on stdout ``Logging to
/tmp/.../openai_log``, ``env_type: classic_control``, ``Training a2c on
classic_control:CartPole-v0 with arguments`` with ``{'network': 'mlp'}``, then a table a
logged update, the keys sorted, floats ``'%-8.3g'``; the first, after 5 steps, before any
episode has ended::

    ---------------------------------
    | eplenmean          | nan      |
    | eprewmean          | nan      |
    | explained_variance | 0.0255   |
    | fps                | 31       |
    | nupdates           | 1        |
    | policy_entropy     | 0.693    |
    | total_timesteps    | 5        |
    | value_loss         | 10.5     |
    ---------------------------------

Truth: the logger's own ``openai_log/progress.csv`` (listed in ``files``), the row it prints
each time, full precision (``nan,nan,0.02549821138381958,31,1,0.6931471824645996,5,...``).
Judgement calls:
- Names as a2c keys them (``logger.record_tabular``), flat, as printed: ``eprewmean``,
  ``eplenmean``, ``fps``, ``policy_entropy``, ``value_loss``, ``explained_variance``: 6
  metrics, 13 points each. (a2c computes a policy loss too but logs none.)
- ``total_timesteps`` (``update * nbatch``, 5 ... 6000) is the axis (``key: step``) and,
  with ``nupdates``, a counter: no metric.
- The ``nan`` of ``eprewmean``/``eplenmean`` at the first update (``safemean`` of an empty
  episode buffer) is what the logger recorded and printed: it stays in the series (the
  score matches ``nan`` with ``nan``), 13 points.
- ``fps`` here is ``int(update * nbatch / seconds since training began)`` (a running rate,
  unlike ppo2's per-update one): timing, but in the record, so a metric.
- Tolerance: three significant digits printed: ``rel_tolerance`` 5e-3.
- Determinism: as ``baselines_ppo2``: ``--seed=0`` and one TensorFlow thread make the
  losses and episodes repeat; ``fps`` is wall clock; each run's truth is its own file.
"""
# zoo-venv: baselines

from _openai_baselines import check_install, run, write_progress_truth

ARGS = ["--alg=a2c", "--env=CartPole-v0", "--num_timesteps=6000", "--network=mlp",
        "--seed=0"]
# a2c's own modules, as git names them at the helper's REPO_COMMIT
BLOBS = {
    "a2c/a2c.py": "12d5769e726e59d6178abe21ef0369edf0ae8a7e",
    "a2c/runner.py": "c9d610a6204c9424ff14207fce67bf50d54f28e1",
    "a2c/utils.py": "f38085bc472a0e2f2681b64836bd84d99a9fa2f7",
}
STEP = "total_timesteps"  # the axis
COUNTERS = {STEP, "nupdates"}

check_install(BLOBS)
rows = run(ARGS)
# updates 1, 100, ..., 1200: a2c's default log_interval=100
assert [row["nupdates"] for row in rows] == ["1", *(str(n) for n in range(100, 1201, 100))], rows
write_progress_truth("a2c", rows, STEP, COUNTERS)
