"""RSL-RL (``rsl-rl-lib`` 5.5.1): ``OnPolicyRunner`` with PPO, as Isaac Lab and legged_gym run
it, on 16 torque-limited pendulums stepped together in torch (a ``VecEnv`` of the case's own:
Isaac Lab's environments are such batched torch simulations), 6 learning iterations of 24
steps an environment, TensorBoard as its writer.

What it prints, an iteration: a block under ``Learning iteration 3/6`` (bold, centred in a
row of ``#``), right-aligned ``Name: value`` lines: ``Total steps: 1536``, ``Steps per
second: 13873``, ``Collection time: 0.016s``, ``Learning time: 0.011s``, ``Mean value loss:
2844.3071`` (and ``surrogate``, ``entropy``), ``Mean reward: -327.05``, ``Mean episode
length: 50.00``, ``Mean action std: 1.06``, then under a rule ``Iteration time: 0.03s``,
``Time elapsed: 0:00:00``, ``ETA: 0:00:00``; before the first, the actor and critic models.

Truth: RSL-RL's own ``SummaryWriter`` event file (``logs/pendulum``, in ``files``), at the
iteration. Judged: each printed value is a metric named by its printed words (``Mean value
loss`` -> ``Mean_value_loss``), keyed ``step`` at the printed iteration (0-based, as
``Learning iteration 0/6`` prints the first), its value the tag's that RSL-RL writes beside
the print (``Loss/value``, ``Train/mean_reward``, ``Perf/total_fps``, ...), within the print's
rounding and the event file's float32 (``rel_tolerance=1e-6``); ``Iteration time`` (the
sum of the two times, no tag of its own) is ``also_ok``;
``Total steps`` counts, ``Time elapsed`` and ``ETA`` are clock strings, no metrics. Every tag
is a ``file_metrics`` series.
"""

# zoo-venv: rslrl

import math

import rsl_rl
import torch
from _records import tb_folder
from _truth import series, write_truth
from rsl_rl.env import VecEnv
from rsl_rl.runners import OnPolicyRunner
from tensordict import TensorDict

FOLDER = "logs/pendulum"
# the printed name -> (RSL-RL's tag, the print's rounding)
PRINTED = {"Steps_per_second": ("Perf/total_fps", 0.5),
           "Collection_time": ("Perf/collection_time", 0.0005),
           "Learning_time": ("Perf/learning_time", 0.0005),
           "Mean_value_loss": ("Loss/value", 0.00005),
           "Mean_surrogate_loss": ("Loss/surrogate", 0.00005),
           "Mean_entropy_loss": ("Loss/entropy", 0.00005),
           "Mean_reward": ("Train/mean_reward", 0.005),
           "Mean_episode_length": ("Train/mean_episode_length", 0.005),
           "Mean_action_std": ("Policy/mean_std", 0.005)}


class Pendulums(VecEnv):
    """Torque-limited pendulums, stepped together in torch, reset after 50 steps."""

    def __init__(self, num_envs: int = 16) -> None:
        self.num_envs, self.num_actions, self.max_episode_length = num_envs, 1, 50
        self.device, self.cfg = "cpu", {}
        self.generator = torch.Generator().manual_seed(0)
        self.theta = torch.zeros(num_envs)
        self.omega = torch.zeros(num_envs)
        self.episode_length_buf = torch.zeros(num_envs, dtype=torch.long)
        self._reset(torch.ones(num_envs, dtype=torch.bool))

    def _reset(self, which: torch.Tensor) -> None:
        n = int(which.sum())
        self.theta[which] = (torch.rand(n, generator=self.generator) * 2 - 1) * math.pi
        self.omega[which] = torch.rand(n, generator=self.generator) * 2 - 1
        self.episode_length_buf[which] = 0

    def get_observations(self) -> TensorDict:
        obs = torch.stack([torch.cos(self.theta), torch.sin(self.theta), self.omega], dim=1)
        return TensorDict({"policy": obs}, batch_size=[self.num_envs])

    def step(self, actions: torch.Tensor):
        u = actions[:, 0].clamp(-2.0, 2.0)
        angle = (self.theta + math.pi) % (2 * math.pi) - math.pi
        reward = -(angle ** 2 + 0.1 * self.omega ** 2 + 0.001 * u ** 2)
        self.omega = (self.omega + (15.0 * torch.sin(self.theta) + 3.0 * u) * 0.05).clamp(-8, 8)
        self.theta = self.theta + self.omega * 0.05
        self.episode_length_buf += 1
        dones = self.episode_length_buf >= self.max_episode_length
        timeouts = dones.clone()
        self._reset(dones)
        return self.get_observations(), reward, dones.long(), {"time_outs": timeouts}


torch.manual_seed(0)
CONFIG = {
    "num_steps_per_env": 24, "save_interval": 50, "multi_gpu": None, "logger": "tensorboard",
    "obs_groups": {"actor": ["policy"], "critic": ["policy"]},
    "algorithm": {"class_name": "PPO", "num_learning_epochs": 2, "num_mini_batches": 2,
                  "learning_rate": 1e-3},
    "actor": {"class_name": "MLPModel", "hidden_dims": [32, 32], "activation": "elu",
              "distribution_cfg": {"class_name": "GaussianDistribution", "init_std": 1.0}},
    "critic": {"class_name": "MLPModel", "hidden_dims": [32, 32], "activation": "elu"},
}
runner = OnPolicyRunner(Pendulums(), CONFIG, log_dir=FOLDER, device="cpu")
runner.learn(num_learning_iterations=6)  # closes its writer at the end

event_files, found = tb_folder(FOLDER)
metrics = {name: series(found[tag], "step", tolerance=rounding, rel_tolerance=1e-6)
           for name, (tag, rounding) in PRINTED.items()}
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in found.items()}
write_truth("rsl-rl", getattr(rsl_rl, "__version__", "5.5.1"),
            f"SummaryWriter event file under {FOLDER} (tb_folder)", metrics, files=event_files,
            file_metrics=file_metrics, also_ok=["Iteration_time"],
            notes="scalar tags found: " + ", ".join(sorted(found)))
