"""OpenAI Baselines 0.1.6 (openai/baselines at commit
ea25b9e8b234e6ee1bca43083f8f3cf974143998, 2020-01-31, master's last; PyPI's ``baselines``
stops at 0.1.5) on TensorFlow 1.15.5 (its plain wheel, running on the CPU), gym 0.15.7 and
Python 3.7 (``venv-baselines``, see ``requirements-baselines.txt``): its PPO through its own
command line, as the README runs it, with a small rollout so that several updates are
logged::

    OPENAI_LOG_FORMAT=stdout,csv OPENAI_LOGDIR=<cwd>/openai_log \\
    python -m baselines.run --alg=ppo2 --env=CartPole-v0 --num_timesteps=6000 \\
        --network=mlp --nsteps=128 --seed=0

run with subprocess (the venv's python, stdout and stderr inherited) by
``_openai_baselines.run``, after ``check_install`` has checked the installed modules the run
goes through against their git blob ids at that commit. ``--nsteps=128`` (the
default is 2048: 6000 steps would make two updates, one logged) gives one environment times
128 steps an update, 6000 // 128 = 46 updates, and ppo2's default ``log_interval=10`` logs
updates 1, 10, 20, 30 and 40: five tables. Everything else is ppo2's default (4 minibatches,
4 epochs, lr 3e-4, clip 0.2; ``mlp``: two hidden layers of 64, tanh). About 7 s a run here,
most of it TensorFlow's import and graph building.

What it prints: on stderr TensorFlow 1.15's deprecation warnings (``WARNING:tensorflow:From
.../baselines/run.py:106: The name tf.ConfigProto is deprecated. Please use
tf.compat.v1.ConfigProto instead.``, about twenty), its C++ start-up lines (``I
tensorflow/core/platform/cpu_feature_guard.cc:142] Your CPU supports instructions that this
TensorFlow binary was not compiled to use: AVX2 AVX512F FMA``, ``CPU Frequency: 2596145000
Hz``, ``XLA service 0x55fd855fcaf0 initialized for platform Host ...``) and gym's ``WARN: Box
bound precision lowered by casting to float32``; on stdout the logger's ``Logging to
/tmp/.../openai_log``, run.py's ``env_type: classic_control`` and ``Training ppo2 on
classic_control:CartPole-v0 with arguments`` with the dict ``{'nsteps': 128, 'network':
'mlp'}``, then at each logged update (10, 20, ...) ``Stepping environment...`` and
``Done.`` around the rollout, and the logger's ``HumanOutputFormat`` table: the keys sorted,
each float value ``'%-8.3g'`` (three significant digits, an exponent past three integer
digits), between dash rules::

    ---------------------------------------
    | eplenmean               | 23.8      |
    | eprewmean               | 23.8      |
    | fps                     | 1.11e+03  |
    | loss/approxkl           | 3.61e-05  |
    | loss/clipfrac           | 0         |
    | loss/policy_entropy     | 0.677     |
    | loss/policy_loss        | -0.000905 |
    | loss/value_loss         | 54        |
    | misc/explained_variance | -0.000223 |
    | misc/nupdates           | 10        |
    | misc/serial_timesteps   | 1.28e+03  |
    | misc/time_elapsed       | 0.723     |
    | misc/total_timesteps    | 1.28e+03  |
    ---------------------------------------

Truth: the logger's own record, ``openai_log/progress.csv`` (``OPENAI_LOG_FORMAT``'s
``csv``, listed in ``files``): ``CSVOutputFormat`` writes each ``dumpkvs()`` row it also
prints, a header of the keys and a line an update, each value ``str(v)`` (full precision:
``23.826923076923077``, the float32 losses as numpy prints them, ``3.6144684e-05``).
Judgement calls:
- Names as the logger keys them, as printed: ``eprewmean``, ``eplenmean`` (the mean return
  and length of the last 100 episodes, baselines' ``Monitor`` records), ``fps``,
  ``misc/explained_variance``, ``misc/time_elapsed`` and ppo2's five ``loss/`` names
  (``model.loss_names``: ``policy_loss``, ``value_loss``, ``policy_entropy``, ``approxkl``,
  ``clipfrac``): 10 metrics, 5 points each (one row a logged update).
- ``misc/total_timesteps`` is the axis (``key: step``: ``update * nbatch``, 128 ... 5120),
  and it, ``misc/serial_timesteps`` (``update * nsteps``, the same with one environment)
  and ``misc/nupdates`` (the update number) are counters, no metrics (as
  ``time/total_timesteps`` and ``time/iterations`` in Stable-Baselines3's cases, whose
  logger is this one's descendant).
- ``fps`` (``int(nbatch / seconds of this update)``) and ``misc/time_elapsed`` (seconds
  since training began) are timing, but in the record: metrics, as SB3's ``time/fps`` and
  ``time/time_elapsed``; nothing timing-like is printed beyond the record, so no
  ``also_ok``.
- Tolerance: ``'%-8.3g'``, three significant digits: ``rel_tolerance`` 5e-3 (as SB3's
  ``%.3g`` box); the file holds the exact values.
- Not metrics: the arguments dict (settings), ``CPU Frequency: 2596145000 Hz`` and the
  other TensorFlow start-up lines, ``Stepping environment...``/``Done.`` (events).
  ``openai_log/0.0.monitor.csv`` (``Monitor``'s episode rows, ``r,l,t``) is the raw
  material of ``eprewmean``/``eplenmean``, not a printed series: not in ``files``.
- Determinism: ``--seed=0`` seeds numpy, ``random`` and TensorFlow (``set_global_seeds``)
  and the environment (``make_vec_env``), and run.py gives TensorFlow one intra-op and one
  inter-op thread for a classic-control env, so the losses and episodes repeat from run to
  run (the pipe and pty fixtures agree on them); ``fps`` and ``misc/time_elapsed`` are wall
  clock. Each run's truth is that run's own ``progress.csv``.
"""
# zoo-venv: baselines

from _openai_baselines import check_install, run, write_progress_truth

ARGS = ["--alg=ppo2", "--env=CartPole-v0", "--num_timesteps=6000", "--network=mlp",
        "--nsteps=128", "--seed=0"]
# ppo2's own modules, as git names them at the helper's REPO_COMMIT
BLOBS = {
    "ppo2/ppo2.py": "d307e9bc86cb4f2add624c096477e82512fda382",
    "ppo2/model.py": "3d56bc9011665156a245d797f02b2c17bc75ff85",
    "ppo2/runner.py": "5a30505fd622494df6e3facf4c02c4fa8c90eaf0",
}
STEP = "misc/total_timesteps"  # the axis
COUNTERS = {STEP, "misc/serial_timesteps", "misc/nupdates"}

check_install(BLOBS)
rows = run(ARGS)
# updates 1, 10, ..., 40 of 46: ppo2's default log_interval=10
assert [row["misc/nupdates"] for row in rows] == ["1", "10", "20", "30", "40"], rows
write_progress_truth("ppo2", rows, STEP, COUNTERS)
