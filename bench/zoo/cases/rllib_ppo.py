"""Ray RLlib PPO on CartPole-v1 (gymnasium, nothing downloaded), the Python API as RLlib's
"Getting Started" page shows it first (``doc/source/rllib/doc_code/getting_started.py``):
``PPOConfig().environment("CartPole-v1").env_runners(num_env_runners=1)``, ``build_algo()``,
then a loop of ``result = algo.train(); result.pop("config"); pprint(result)`` with a
checkpoint saved after the first iteration (``algo.save_to_path(...)``, here into the cwd
rather than a temp dir, and ``Checkpoint saved in directory ...`` printed as the docs do).
3 iterations instead of the docs' 10 (each samples the default 4000 env steps and runs the
default PPO update), RLlib's new API stack (its default), ``.debugging(seed=0)``,
``ray.init(num_cpus=2, include_dashboard=False)``. Besides the pprinted dicts the console
shows Ray's own log lines (``Started a local Ray instance``, deprecation warnings).
``Algorithm`` (a Tune ``Trainable``) makes an empty ``~/ray_results/<date><random>`` logdir
and writes no result file when run outside Tune.

Truth: the result dicts ``algo.train()`` returns (RLlib's own record; no file), nested keys
joined with "/" as Tune's ``progress.csv`` flattens them
(``env_runners/episode_return_mean``, ``learners/default_policy/total_loss``), each value at
the dict's ``training_iteration`` (1-based) as ``step``. ``pprint`` shows the values as
their repr (``np.float64(18.79)``: exact), so the tolerance only covers float round trips.

Judged (what is a metric in a dict of ~120 numbers):
- metrics: the episode statistics of ``env_runners`` (return and length mean/min/max, and
  the per-agent/per-module return means) and the loss statistics of
  ``learners/default_policy`` (``total_loss``, ``policy_loss``, ``vf_loss``,
  ``vf_loss_unclipped``, ``vf_explained_var``, ``entropy``, ``mean_kl_loss``);
- ``also_ok`` (in the record and printed, fine to record, not required): timing (every
  ``*timer*`` and ``timers/...`` key, ``sample``, ``episode_duration_sec_mean``,
  ``time_*``, ``timestamp``), throughput (``*_throughput*``), memory/CPU (``perf/...``),
  the learning rate and loss coefficients (``default_optimizer_learning_rate``,
  ``curr_kl_coeff``, ``curr_entropy_coeff``: settings, adapted by schedule or KL target) and
  the counters of the run's progress (``num_*`` steps/episodes/parameters/workers, the
  connector batch lengths ``*_sum_episodes_length_*``, ``weights_seq_no``,
  ``diff_num_grad_updates_vs_sampler_policy``, ``module_train_batch_size_mean``,
  ``iterations_since_restore``, ``actor_manager_num_outstanding_async_reqs``,
  ``fault_tolerance/...``): counts of what ran, not measures of how well it learned (as the
  SB3 cases leave counters out of the truth);
- neither: ``training_iteration`` (the axis), ``pid``, ``done`` and the strings
  (``date``, ``hostname``, ``node_ip``, ``trial_id``).
"""
# zoo-venv: more

import copy
import os
from pprint import pprint

import ray
from _truth import series, write_truth
from ray.rllib.algorithms.ppo import PPOConfig

ray.init(num_cpus=2, include_dashboard=False)
config = (
    PPOConfig()
    .environment("CartPole-v1")
    .env_runners(num_env_runners=1)
    .debugging(seed=0)
)
algo = config.build_algo()

records = []
for i in range(3):
    result = algo.train()
    records.append(copy.deepcopy({k: v for k, v in result.items() if k != "config"}))
    result.pop("config")
    pprint(result)
    if i % 5 == 0:
        checkpoint_dir = algo.save_to_path(os.path.abspath(f"checkpoint_{i}"))
        print(f"Checkpoint saved in directory {checkpoint_dir}")
algo.stop()
ray.shutdown()


def flatten(d: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in d.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}/"))
        else:
            out[name] = value
    return out


METRIC_PREFIXES = ("env_runners/episode_return_", "env_runners/episode_len_",
                   "env_runners/agent_episode_return_mean/",
                   "env_runners/module_episode_return_mean/")
LOSSES = ("total_loss", "policy_loss", "vf_loss", "vf_loss_unclipped", "vf_explained_var",
          "entropy", "mean_kl_loss")
NEITHER = {"training_iteration", "pid", "done"}

flat = [flatten(record) for record in records]
metrics, also_ok = {}, []
every = {name: value for row in reversed(flat) for name, value in row.items()}  # (keys that
for name in dict.fromkeys(name for row in flat for name in row):  # come after iteration 1)
    if name in NEITHER or isinstance(every[name], (str, bool)):
        continue
    leaf = name.rsplit("/", 1)[-1]
    if name.startswith(METRIC_PREFIXES) or (name.startswith("learners/default_policy/")
                                            and leaf in LOSSES):
        metrics[name] = series([(row["training_iteration"], row[name]) for row in flat
                                if name in row],
                               "step", rel_tolerance=1e-9)
    else:
        also_ok.append(name)
write_truth("ray[rllib]", ray.__version__,
            "the result dicts algo.train() returns (nested keys joined with '/')",
            metrics, also_ok=also_ok)
