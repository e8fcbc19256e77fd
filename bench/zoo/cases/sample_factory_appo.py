"""Sample Factory (``sample-factory`` 2.1.1): APPO on gymnasium's ``CartPole-v1``, registered
and launched as ``sf_examples/train_gym_env.py`` does (``register_env("CartPole-v1",
make_gym_env_func)``, ``parse_sf_args``/``parse_full_cfg``, ``run_rl``), in serial mode on
the CPU: 1 rollout worker with 2 environments, rollouts of 32, batches of 64, 20000 env
frames (about 30 s at ~700 frames a second), summaries every 5 s (``--experiment_summaries_
interval 5``, the runner's own fixed report period), episode stats averaged over 20
episodes (``--stats_avg 20``, so the summary holds the reward from the first report on).

What it prints (Sample Factory's ``rl`` logger, colorlog, to stderr; ``[time][pid]`` and a
colour code before each line): the configuration, the components starting, then every 5 s
``Fps is (10 sec: 741.9, 60 sec: 741.9, 300 sec: 741.9). Total num frames: 4928.
Throughput: 0: 825.0. Samples: 4128. Policy #0 lag: (min: 0.0, avg: 0.0, max: 1.0)`` (the
first report's rates are ``nan``: no window yet) and ``Avg episode reward: [(0, '47.050')]``;
at the end the components' timing profiles, ``Collected {0: 20096}, FPS: 701.9``.

Truth: Sample Factory's own ``SummaryWriter`` event file under
``train_dir/cartpole_appo/.summary/0`` (in ``files``; every scalar tag a ``file_metrics``
series, at the env frames). Both timers run on the runner's event loop with the same 5 s
period and fire in the same iteration, so each summary is written right after a report from
the same state, at the printed ``Total num frames``. Judged (docs/metrics.md, Sample
Factory): ``avg_episode_reward`` is the tag ``reward/reward`` (the mean over the last 20
episodes, printed to 3 decimals), ``fps_10_sec`` the tag ``perf/_fps`` (the 10 s window
printed) and ``throughput`` ``perf/_sample_throughput`` (to 0.1), keyed ``step`` at the
frames; the summary skips a ``nan`` rate, so the first report's ``nan`` rates are truth
``nan`` at that step (what was printed: no rate yet). The 60 s and 300 s windows and the
closing ``FPS`` are no tags (``also_ok``); samples and the policy lag are counts and no
metrics.
"""

# zoo-venv: samplefactory

import math
import sys
from importlib.metadata import version

import gymnasium as gym
from sample_factory.cfg.arguments import parse_full_cfg, parse_sf_args
from sample_factory.envs.env_utils import register_env
from sample_factory.train import run_rl

EXPERIMENT = "cartpole_appo"
FOLDER = f"train_dir/{EXPERIMENT}/.summary/0"
ARGV = ["--env=CartPole-v1", f"--experiment={EXPERIMENT}", "--train_dir=train_dir",
        "--restart_behavior=overwrite", "--device=cpu", "--serial_mode=True", "--seed=0",
        "--num_workers=1", "--num_envs_per_worker=2", "--rollout=32", "--batch_size=64",
        "--train_for_env_steps=20000", "--experiment_summaries_interval=5", "--stats_avg=20",
        "--save_every_sec=600", "--with_wandb=False"]
# the printed name (exptrack's, docs/metrics.md) -> (Sample Factory's tag, the print's rounding)
PRINTED = {"avg_episode_reward": ("reward/reward", 0.0005),
           "fps_10_sec": ("perf/_fps", 0.05),
           "throughput": ("perf/_sample_throughput", 0.05)}


def make_gym_env_func(full_env_name, cfg=None, env_config=None, render_mode: str | None = None):
    return gym.make(full_env_name, render_mode=render_mode)


def main() -> int:
    register_env("CartPole-v1", make_gym_env_func)
    parser, cfg = parse_sf_args(argv=ARGV)
    cfg = parse_full_cfg(parser, ARGV)
    status = run_rl(cfg)
    sys.stdout.flush()
    sys.stderr.flush()
    write_case_truth()
    return status


def write_case_truth() -> None:
    from _records import tb_folder
    from _truth import series, write_truth

    event_files, found = tb_folder(FOLDER)
    # every report is followed by a summary at its frames; the frames of the reports are
    # the steps of the memory tag, written at every summary
    frames = [step for step, _ in found["stats/master_process_memory_mb"]]
    metrics = {}
    for name, (tag, rounding) in PRINTED.items():
        held = dict(found.get(tag, []))
        pairs = [(step, held.get(step, math.nan)) for step in frames]
        metrics[name] = series(pairs, "step", tolerance=rounding, rel_tolerance=1e-6)
    file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in found.items()}
    write_truth("sample-factory", version("sample-factory"),
                f"SummaryWriter event file under {FOLDER} (tb_folder)", metrics,
                files=event_files, file_metrics=file_metrics,
                also_ok=["fps_60_sec", "fps_300_sec", "FPS", "samples", "Samples"],
                notes="scalar tags found: " + ", ".join(sorted(found)))


if __name__ == "__main__":
    sys.exit(main())
