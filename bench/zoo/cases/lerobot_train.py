"""Hugging Face's LeRobot 0.4.4 (PyPI ``lerobot``, the newest release for Python 3.11: 0.5
and later require 3.12) training an ACT policy with its own ``lerobot-train`` command
(``lerobot.scripts.lerobot_train:main``, the console script's entry point, run in-process
with ``sys.argv`` set as the shell would) on the CPU, torch 2.14.1 and torchvision 0.29.1
(see ``requirements-lerobot.txt``). The command line is the one LeRobot's docs give for
ACT (``--dataset.repo_id --policy.type=act --output_dir --job_name --policy.device``) with
``--policy.device=cpu``, ``--wandb.enable=false`` (the default, said out loud),
``--policy.push_to_hub=false`` (instead of a ``--policy.repo_id`` to push to), a tiny ACT
(``dim_model=32``, 2 heads, ``dim_feedforward=64``, one encoder, decoder and VAE-encoder
layer, ``latent_dim=8``, ``chunk_size=n_action_steps=10``: 32,084 parameters, no image
backbone), ``--batch_size=8 --steps=40 --log_freq=5 --save_freq=100000 --eval_freq=0
--num_workers=0`` (two cores), the default ``--seed=1000``. ``HF_HUB_OFFLINE=1`` (run.py
sets it): nothing is downloaded.
Data: the case creates the dataset with LeRobot's own API, ``LeRobotDataset.create(repo_id=
"zoo/tiny_random", fps=10, features=..., root="data/tiny_random", use_videos=False)``, then
``add_frame`` x 20 and ``save_episode`` for 4 episodes and ``finalize()`` (80 frames, v3.0
layout: ``meta/info.json``, ``meta/stats.json``, parquet data and episodes), random
``observation.state`` (4), ``observation.environment_state`` (6) and ``action`` (4), float32
from numpy's ``default_rng(0)``, one task ``"reach"``; ``--dataset.root`` points the
training at it (a local dataset is loaded as it is, no hub call). ACT needs an image or the
environment state among its inputs: the environment state keeps it low-dimensional (no
frames, no video decoder, no ResNet). About 25 s.

What it prints (LeRobot's ``init_logging`` format on stderr, the file name cut to its last
15 characters): its warning ``WARNING:root:'torchcodec' is not available in your platform,
falling back to 'pyav' as a default decoder`` (three times: once as the case creates the
dataset, twice in the training; torchcodec is left out of the venv),
``datasets``' ``Map: 100%|...| 20/20 [..., 1245.80 examples/s]`` bars while the case saves
the episodes, the config as ``pformat(cfg.to_dict())`` (``{'batch_size': 8, ...`` over
about 110 lines, settings such as ``'lr': 1e-05``, ``'grad_clip_norm': 10.0`` under
``'optimizer'``, ``'tolerance_s': 0.0001``, ``'rabc_kappa': 0.01``: no metrics),
``Creating dataset``, ``cfg.steps=40 (40)``, ``dataset.num_frames=80 (80)``,
``num_learnable_params=32084 (32K)``, tqdm's
``Training:  50%|█████     | 20/40 [00:00<00:00, 43.19step/s]`` bar on stderr, and every
``log_freq`` steps ``logging.info(train_tracker)``, the ``MetricsTracker``'s line::

    INFO 2026-12-07 15:04:07 ot_train.py:435 step:10 smpl:80 ep:4 epch:1.00 loss:13.431
      grdn:107.767 lr:1.0e-05 updt_s:0.009 data_s:0.009

(one line, wrapped here), then ``ot_train.py:456 Checkpoint policy after step 40`` (the
last step always saves) and ``End of training``. Under a pipe the log lines and the bar's
``\\r`` frames share stderr as under the pty.

Truth: LeRobot keeps no metric file: the tracker's values go to W&B only
(``wandb_logger.log_dict(train_tracker.to_dict(), step)`` when ``--wandb.enable=true``),
and the checkpoint holds the model, optimizer and config, no metric. So one line is added
to the stock ``lerobot/scripts/lerobot_train.py`` (the wheel's file, checked against its git
blob id ``04d43d91``, compiled into its module in place of the stock text, as
``_verbatim.load_with_lines`` does; no stock line changed; the lines after it print one line
number later, ``ot_train.py:436``), right after ``logging.info(train_tracker)``:
``ZOO_RECORD.append(train_tracker)``, which writes at once, before ``reset_averages()``,
``train_tracker.to_dict()`` (what W&B would get: ``steps``, ``samples``, ``episodes``,
``epochs`` and each meter's ``avg``) and each meter's own name and format to
``zoo_record.jsonl``, one JSON line a logged step; nothing is parsed from stdout.
Judgement calls:
- Names: each ``AverageMeter``'s own name, which is what it prints (``loss``, ``grdn``,
  ``lr``, ``updt_s``, ``data_s``); ``to_dict()`` keys them by the tracker's dict keys
  (``grad_norm``, ``update_s``, ``dataloading_s``), names no line shows.
- Values: each meter's ``avg`` over the steps since the last log (5 here), as printed; the
  5 values of ``lr`` are the same 1e-05 (ACT's constant AdamW lr, no scheduler).
  ``updt_s`` (a step's forward, backward and optimizer time) and ``data_s`` (the batch's
  loading time) are timings, but the tracker records them as it records the loss, so they
  are truth metrics; each run's truth is that run's own times.
- Axis ``step``: the tracker's ``steps``, ``step:5`` .. ``step:40``, 8 points a metric.
- Tolerances from the meters' formats: ``:.3f`` -> 5e-4; ``lr``'s ``:0.1e`` (``1.0e-05``,
  two significant digits) -> half a unit of its last digit, 5e-7 at 1e-05.
- Not metrics: ``step`` (the axis), ``smpl`` (samples seen), ``ep`` (episodes seen, samples
  over the mean episode length) and ``epch`` (passes over the data): counters of progress
  that ``to_dict`` also keys (``samples``, ``episodes``, ``epochs``); the config's values;
  ``num_learnable_params``; the dataset's ``num_frames``.
- ``also_ok``: the bars' throughputs, ``step/s`` (the training bar) and ``examples/s``
  (``datasets``' ``Map`` bars, the case's dataset writing).
- Not printed and so not truth: ACT's ``l1_loss`` and ``kld_loss`` (its ``output_dict``,
  which W&B would get beside the tracker's values).
- Determinism: ``--seed=1000`` seeds LeRobot (``set_seed``) and the data is seeded, so the
  losses and gradient norms repeat on the CPU; only the times vary.
"""
# zoo-venv: lerobot

import json
import sys
from importlib.metadata import version
from pathlib import Path

import lerobot.scripts.lerobot_train as lerobot_train
import numpy as np
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines
from lerobot.datasets.lerobot_dataset import LeRobotDataset

SCRIPT_BLOB = "04d43d91e9823da6554d0d983cb01145f88297e8"  # lerobot 0.4.4's lerobot_train.py
EPISODES, FRAMES, STEPS, LOG_FREQ = 4, 20, 40, 5
RECORD = Path("zoo_record.jsonl")

# the record: a line added right after the tracker's values are logged (anchor -> the
# anchor and the line after it); no stock line changed
RECORD_LINES = {
    "            logging.info(train_tracker)\n":
        "            ZOO_RECORD.append(train_tracker)  # zoo: the values just logged\n",
}


class JsonLines:
    """``ZOO_RECORD``: each ``append(tracker)`` writes the tracker's ``to_dict()`` and its
    meters' names and formats to ``zoo_record.jsonl`` at once."""

    def append(self, tracker) -> None:
        row = {"to_dict": tracker.to_dict(),
               "meters": {key: [meter.name, meter.fmt] for key, meter in tracker.metrics.items()}}
        with RECORD.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(row) + "\n")


def write_dataset() -> None:
    """A tiny LeRobot dataset through LeRobot's own recording API: random low-dimensional
    state, environment state and action, 4 episodes of 20 frames."""
    rng = np.random.default_rng(0)
    features = {
        "observation.state": {"dtype": "float32", "shape": (4,), "names": None},
        "observation.environment_state": {"dtype": "float32", "shape": (6,), "names": None},
        "action": {"dtype": "float32", "shape": (4,), "names": None},
    }
    dataset = LeRobotDataset.create(repo_id="zoo/tiny_random", fps=10, features=features,
                                    root="data/tiny_random", use_videos=False)
    for _ in range(EPISODES):
        for _ in range(FRAMES):
            dataset.add_frame({name: rng.standard_normal(spec["shape"]).astype(np.float32)
                               for name, spec in features.items()} | {"task": "reach"})
        dataset.save_episode()
    dataset.finalize()


def half_unit(value: float, digits: int) -> float:
    """Half a unit of the last digit of ``value`` printed ``:.{digits}e``."""
    exponent = int(np.floor(np.log10(abs(value))))
    return 0.5 * 10.0 ** (exponent - digits)


def load_script() -> None:
    """The module's stock text (the wheel's file, checked against its blob id) with the
    record's line, compiled into the module in place of the stock one. Not
    ``_verbatim.load_with_lines``: its ``compile`` inherits that file's ``from __future__
    import annotations``, which makes ``train``'s annotation a string, and LeRobot's
    ``parser.wrap`` reads the config class from it."""
    path = Path(lerobot_train.__file__)
    text = path.read_text(encoding="utf-8")
    if git_blob_id(text) != SCRIPT_BLOB:
        sys.exit(f"{path} is not lerobot 0.4.4's lerobot_train.py")
    lerobot_train.ZOO_RECORD = JsonLines()
    code = compile(with_lines(text, RECORD_LINES), str(path), "exec", dont_inherit=True)
    exec(code, lerobot_train.__dict__)


write_dataset()
load_script()
sys.argv = [
    "lerobot-train",
    "--dataset.repo_id=zoo/tiny_random", "--dataset.root=data/tiny_random",
    "--policy.type=act", "--policy.device=cpu", "--policy.push_to_hub=false",
    "--policy.dim_model=32", "--policy.n_heads=2", "--policy.dim_feedforward=64",
    "--policy.n_encoder_layers=1", "--policy.n_decoder_layers=1",
    "--policy.n_vae_encoder_layers=1", "--policy.latent_dim=8",
    "--policy.chunk_size=10", "--policy.n_action_steps=10",
    "--batch_size=8", f"--steps={STEPS}", f"--log_freq={LOG_FREQ}", "--save_freq=100000",
    "--eval_freq=0", "--num_workers=0", "--wandb.enable=false",
    "--output_dir=outputs/train/act_zoo", "--job_name=act_zoo",
]
lerobot_train.main()

# --- the truth: the tracker's values at each logged step, under its meters' own names ---
rows = [json.loads(line) for line in RECORD.read_text(encoding="utf-8").splitlines()]
assert [row["to_dict"]["steps"] for row in rows] == list(range(LOG_FREQ, STEPS + 1, LOG_FREQ))
metrics = {}
for key, (name, fmt) in rows[0]["meters"].items():
    pairs = [(row["to_dict"]["steps"], row["to_dict"][key]) for row in rows]
    if fmt == ":.3f":
        tolerance = 5e-4
    else:
        assert fmt == ":0.1e", fmt
        tolerance = max(half_unit(value, 1) for _, value in pairs)
    metrics[name] = series(pairs, "step", tolerance=tolerance)
write_truth(
    "lerobot", version("lerobot"),
    "lerobot_train.py's MetricsTracker at each log step: train_tracker.to_dict() (what it "
    "sends W&B) and its meters' names, written to zoo_record.jsonl by a line the case adds "
    "right after logging.info(train_tracker)",
    metrics,
    also_ok=["step/s", "examples/s"],
    notes="meters (to_dict key -> printed name): " + ", ".join(
        f"{key} -> {name}" for key, (name, _) in rows[0]["meters"].items())
    + "; step/smpl/ep/epch are the tracker's progress counters (steps, samples, episodes, "
    "epochs), no metrics",
)
