"""DreamerV3 (danijar/dreamerv3; no PyPI release: the repository at commit
e3f02248693a79dc8b0ebd62c93683888ddaccfe, 2026-05-24, "Fix Atari frame maxpooling on reset",
unpacked under ``$ZOO_REPOS/dreamerv3`` with ``git archive``) run as its README runs it,
``python dreamerv3/main.py --logdir ... --configs ...``, here::

 python dreamerv3/main.py --configs debug --jax.platform cpu --run.envs 1 --run.steps 310 \\
     --logdir logdir

on JAX 0.4.33's CPU build (``jax[cpu]``; the repository's requirements pin
``jax[cuda12]==0.4.33``) with elements 3.22.4 (Hafner's logger, config and checkpoint
library, which prints and writes the metrics), ninjax 3.6.3, portal 3.8.3, optax 0.2.5 and
numpy 1.26.4 (the requirements' ``numpy<2``); see ``requirements-dreamerv3.txt``. The case
checks that ``dreamerv3/main.py``, ``dreamerv3/configs.yaml``, ``embodied/run/train.py`` and
``embodied/envs/dummy.py`` are that commit's (their git blob ids) and runs main.py with the
venv's python as a child process, its stdout and stderr the case's own; nothing of the
repository is changed and no line is added (it keeps its own record, below).

Settings: ``defaults`` then the repository's own ``debug`` block (its tiny model: 8 units,
deter 8, 4 classes, one layer; batch 8 of length 10; ``jax.debug: True``; replay 1e4;
``run.log_every: 5`` and ``report_every: 10`` seconds, ``save_every: 15``; ``train_ratio:
8``; ``run.debug: True``, so the environments step in this process). The task is the default
``dummy_disc``: ``embodied/envs/dummy.py``, an environment of constant observations (a white
64x64 image, a vector, tokens, ...) whose episode is 100 steps with a reward of 1 a step, so
nothing is downloaded. Two flags besides ``--jax.platform cpu`` and the logdir: ``--run.envs
1`` (debug's 4 environments would end their first episodes together around step 400; one ends
an episode every 101 steps, ``is_first`` step included) and ``--run.steps 310`` (of 1e10:
three episodes, 10 to 40 s of the training loop, with the machine's load, after about 30 s of
start-up and XLA compilation). ``seed: 0`` (the default) seeds the agent; the ``Dummy`` env
draws nothing.

What it prints (stdout): the ASCII-art DreamerV3 banner, ``Replica: 0 / 1``, ``Logdir:
logdir``, the observation and action spaces (``image  Space(uint8, shape=(64, 64, 3),
low=0, high=255)``), ``JAX devices (1): [TFRT_CPU_0]``, ``Optimizer opt has 17,137
params:`` with its per-module counts, the compiled programs' cost analysis (``FLOPS:
2.2e+09``), checkpoint lines, ``Start training loop``, then at each log (every 5 s of wall
time, at the first 10-step driver call after it) elements' ``TerminalOutput``::

 --------------------[Agent Step 120]--------------------
 Metrics filtered by: 'score|length|fps|ratio|train/loss/|train/rand/'
 episode/score 100 / episode/length 101 / train/loss/con 0.58 / train/loss/count 4.72 / \
train/loss/dyn 1 / train/loss/float2d 25.51 / train/loss/image 3841.67 / train/loss/int2d \
8.85 / train/loss/policy -2.6e-4 / train/loss/rep 1 / train/loss/repval 3.22 / \
train/loss/rew 1.61 / train/loss/token 6.67 / train/loss/value 0.3 / train/loss/vector 4.75 \
/ train/rand/act_disc 1 / replay/replay_ratio 4 / fps/policy 17.52 / fps/train 46.73

(one line of `` / ``-separated pairs, wrapped here), followed by ``Writing metrics:
logdir/metrics.jsonl`` and ``Writing metrics: logdir/scores.jsonl`` (the two JSONL writers'
threads, in either order). The banner's step is the largest step among the write's metrics.
After the loop, ``logger.close()`` writes what is pending: an episode that ended after the
last log (step 303 in some runs) gets a block of its own, ``[Agent Step 303]`` over
``episode/score 100 / episode/length 101``. Under a terminal, elements' ``print_`` colours
the tokens (numbers, ``/``, brackets) with ANSI escapes; through a pipe it prints them plain
(``sys.stdout.isatty()``). The metrics shown are those of the write whose key matches
``logger.filter`` (``re.search``); each value is ``TerminalOutput._format_value``: ``0`` for
zero, ``%.2f`` with trailing zeros and dot stripped for 0.01 < |v| < 10000 (``1``, ``4.7``,
``3841.67``), otherwise ``%.1e`` shortened (``-2.6e-4``, ``1.2e4``). The DreamerV3 banner,
the spaces, the parameter counts and XLA's cost analysis of the compiled train and report
programs (``Train cost analysis:``, ``  FLOPS:            2.2e+09``, ``  Memory (temp):
4.0e+07``, ...: static estimates of one call's operations and buffer bytes, printed once each
at start-up and kept nowhere) hold no metric: neither truth nor ``also_ok``. On stderr,
nothing but what JAX may say.

Truth: the framework's own record, the logger's ``JSONLOutput`` file ``logdir/metrics.jsonl``
(``{"step": 120, "train/adv": 0.0, ...}``, one JSON object a step of each write: the same
``logger.write()`` the terminal got, every scalar at full float precision), read after the run
as JSON lines; ``logdir/scores.jsonl`` (the second writer, ``episode/score`` alone) is kept
beside it in ``files``. Nothing is parsed from stdout. Judgement calls:
- Metrics: the record's keys that the run's own terminal filter matches, the filter read
  from the run's saved ``logdir/config.yaml`` (``logger.filter``), so exactly the series the
  terminal shows: ``episode/score``, ``episode/length``, the ``train/loss/*`` terms (``con``,
  ``count``, ``dyn``, ``float2d``, ``image``, ``int2d``, ``policy``, ``rep``, ``repval``,
  ``rew``, ``token``, ``value``, ``vector``), ``train/rand/act_disc``,
  ``replay/replay_ratio``, ``fps/policy`` and ``fps/train``. ``fps/*`` are throughput, but
  DreamerV3 records them in its metrics file like any other scalar, so they are truth
  metrics (as SB3's ``time/fps`` and CleanRL's ``SPS``), not ``also_ok``.
- Names: as the framework keys them and prints them (the same string): ``train/loss/image``.
  ``train/loss/count`` is the world model's loss on the ``Dummy`` env's ``count``
  observation (each observation key has its decoder's loss term): a loss like the others,
  whatever its last word.
- Not printed: the other ~40 keys of each row (``train/opt/grad_norm``, ``train/ret``,
  ``replay/items``, ``usage/psutil/...``, ``epstats/reward_rate``) are filtered from the
  terminal. exptrack reads no DreamerV3 metrics file (a ``metrics.jsonl`` is no kind of
  ``exptrack.metrics.files``), so they are not ``file_metrics`` (which would be expected
  of a file exptrack never opens); the file is in ``files`` for the record.
- Axis ``step``: the row's ``step``, the env-step counter at the ``logger.add``. An episode's
  ``episode/score`` and ``episode/length`` are added when it ends (step 101, 202, 303) and keep
  that step in the file, on a row of their own; the terminal prints them in the next write's
  block, under that write's larger step (``[Agent Step 120]``). The axis is a note, not
  scored.
- Counts: one value a row the key appears on: every log write holds each ``train/loss/*``,
  ``train/rand/*``, ``replay/replay_ratio`` and ``fps/*`` (the training aggregate is never
  empty once training began, before the first log); each episode's score and length once.
  The number of writes depends on wall time (every 5 s); each run's truth is its own file.
- Tolerances, from ``_format_value``: a series whose values all print ``%.2f`` gets
  ``tolerance`` 0.005; one printed in ``%.1e`` (|v| <= 0.01 or >= 10000, as
  ``train/loss/policy``) ``rel_tolerance`` 0.05 (a one-decimal mantissa of at least 1); a
  series with values of both kinds gets both (they add up). Zero prints ``0`` exactly.
- ``also_ok``: none (the terminal prints no timing or rate the record lacks).
- Determinism: the seed fixes the model's initialisation, but how many env steps pass
  between two logs, and so the training batches a log averages over, depend on wall time
  (``LocalClock``): the values and the number of rows change from run to run.
"""
# zoo-venv: dreamerv3

import json
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import yaml
from _truth import series, write_truth
from _verbatim import first_changed

SOURCE_REPO = "danijar/dreamerv3"
SOURCE_COMMIT = "e3f02248693a79dc8b0ebd62c93683888ddaccfe"
BLOBS = {"dreamerv3/main.py": "10476e82bc7cf7e7b0399aa78afe3fbe20e9fe34",
         "dreamerv3/configs.yaml": "786b67e9bb790e835e7cb77feda530472b702766",
         "embodied/run/train.py": "fc791ec79f39640ebf5ff4a634500e98b279e088",
         "embodied/envs/dummy.py": "2875f98ff8aadf0bac3f90c273795d5d78b738fa"}
LOGDIR = "logdir"
STEPS = 310

repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos / "dreamerv3"
if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"needs {SOURCE_REPO} at {SOURCE_COMMIT[:8]} unpacked under {repo} "
             f"({rel} missing or not that commit's; see bench/zoo/README.md)")

subprocess.run([sys.executable, str(repo / "dreamerv3" / "main.py"),
                "--configs", "debug", "--jax.platform", "cpu", "--run.envs", "1",
                "--run.steps", str(STEPS), "--logdir", LOGDIR], check=True)

# truth: the logger's own JSONL record; the terminal's filter from the run's saved config
with open(f"{LOGDIR}/config.yaml", encoding="utf-8") as handle:
    shown = re.compile(yaml.safe_load(handle)["logger"]["filter"])
rows = []
with open(f"{LOGDIR}/metrics.jsonl", encoding="utf-8") as handle:
    rows = [json.loads(line) for line in handle if line.strip()]
pairs: dict[str, list[tuple[int, float]]] = {}
for row in rows:
    for key, value in row.items():
        if key != "step" and shown.search(key):
            pairs.setdefault(key, []).append((row["step"], value))
assert "episode/score" in pairs and "train/loss/image" in pairs, sorted(pairs)


def tolerances(values: list[float]) -> dict[str, float]:
    """The printed rounding of ``TerminalOutput._format_value``: ``%.2f`` in (0.01, 1e4),
    ``%.1e`` outside it, zero exact."""
    fixed = [v for v in values if 0.01 < abs(v) < 10000]
    expo = [v for v in values if v != 0 and not 0.01 < abs(v) < 10000]
    found: dict[str, float] = {}
    if fixed:
        found["tolerance"] = 0.005
    if expo:
        found["rel_tolerance"] = 0.05
    return found


metrics = {key: series(values, "step", **tolerances([v for _, v in values]))
           for key, values in pairs.items()}
write_truth(
    "DreamerV3",
    f"danijar/dreamerv3@{SOURCE_COMMIT[:8]} (elements {version('elements')}, "
    f"jax {version('jax')})",
    "elements' JSONLOutput record logdir/metrics.jsonl (every scalar of each logger.write), "
    "the keys matching the run's logger.filter (logdir/config.yaml), which the terminal shows",
    metrics,
    files=[f"{LOGDIR}/metrics.jsonl", f"{LOGDIR}/scores.jsonl"],
    notes="names as DreamerV3 keys and prints them; axis: the row's step (an episode's "
          "score and length at the step it ended, printed under the next write's larger "
          "step); the other ~40 keys of each row are filtered from the terminal",
)
