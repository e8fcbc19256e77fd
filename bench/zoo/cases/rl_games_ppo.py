"""rl_games (1.6.5): PPO (``a2c_discrete``) on gymnasium's CartPole-v1, run as Isaac Lab and
IsaacGymEnvs run it: an in-process vectorised environment registered with ``vecenv.register``
and ``env_configurations.register`` (8 CartPoles stepped together, numpy arrays like rl_games'
own Ray env), then ``Runner().load(config)`` and ``run({"train": True})`` with a config of
rl_games' ``ppo_cartpole.yaml`` shape, 12 epochs of 8 x 32 frames, ``save_best_after: 3``.

What it prints by default, once per epoch: ``fps step: 53619 fps step and policy inference:
11516 fps total: 6954 epoch: 2/12 frames: 512`` (``print_statistics``: each throughput
``.0f``); when the mean reward beats the best so far after ``save_best_after`` epochs,
``saving next best rewards:  [23.8]`` and a checkpoint line; the config summary at the start
(``seq_length: 4``, ``build mlp: 4``).

Truth: rl_games' own ``SummaryWriter`` event file (``runs/<name>_<date>/summaries``, in
``files``), keyed by frame there. Judged:
- the three printed throughputs are metrics named as printed (``fps_step``,
  ``fps_step_and_policy_inference``, ``fps_total``), keyed by the printed epoch; their values
  are rl_games' ``performance/step_fps``, ``performance/step_inference_fps`` and
  ``performance/step_inference_rl_update_fps`` (the same quotients, the print rounds them to
  units: ``tolerance=0.5``);
- ``frames`` is the step counter of the line, ``epoch`` its epoch: neither is a metric;
- ``saving next best rewards`` repeats the best mean reward so far (a running best, no series
  of its own: ``also_ok``); ``seq_length``, ``build mlp`` and the checkpoint's file name are
  settings;
- every TensorBoard tag is a ``file_metrics`` series at its frame.
"""

# zoo-venv: rlgames

import glob
import subprocess
import sys

import gymnasium as gym
import numpy as np
import rl_games
from _records import tb_folder
from _truth import series, write_truth
from rl_games.common import env_configurations, vecenv
from rl_games.common.ivecenv import IVecEnv
from rl_games.torch_runner import Runner

ACTORS, HORIZON = 8, 32
PRINTED = {"performance/step_fps": "fps_step",
           "performance/step_inference_fps": "fps_step_and_policy_inference",
           "performance/step_inference_rl_update_fps": "fps_total"}


class CartPoles(IVecEnv):
    """``num_actors`` CartPoles stepped together, reset as each episode ends."""

    def __init__(self, config_name, num_actors, **kwargs):
        self.envs = [gym.make("CartPole-v1") for _ in range(num_actors)]

    def step(self, actions):
        obs, rewards, dones = [], [], []
        for env, action in zip(self.envs, np.asarray(actions).reshape(-1), strict=True):
            o, r, terminated, truncated, _ = env.step(int(action))
            if terminated or truncated:
                o, _ = env.reset()
            obs.append(o)
            rewards.append(r)
            dones.append(terminated or truncated)
        return (np.array(obs, np.float32), np.array(rewards, np.float32),
                np.array(dones, np.uint8), {})

    def reset(self):
        return np.array([env.reset(seed=i)[0] for i, env in enumerate(self.envs)], np.float32)

    def get_number_of_agents(self):
        return 1

    def get_env_info(self):
        return {"observation_space": self.envs[0].observation_space,
                "action_space": self.envs[0].action_space, "agents": 1, "value_size": 1}


vecenv.register("CARTPOLES", lambda name, n, **kwargs: CartPoles(name, n, **kwargs))
env_configurations.register("cartpoles", {"vecenv_type": "CARTPOLES",
                                          "env_creator": lambda **kw: gym.make("CartPole-v1")})
CONFIG = {"params": {
    "seed": 5,
    "algo": {"name": "a2c_discrete"},
    "model": {"name": "discrete_a2c"},
    "network": {"name": "actor_critic", "separate": True, "space": {"discrete": {}},
                "mlp": {"units": [32, 32], "activation": "relu",
                        "initializer": {"name": "default"}, "regularizer": {"name": "None"}}},
    "config": {"name": "cartpole", "env_name": "cartpoles", "device": "cpu",
               "device_name": "cpu", "reward_shaper": {"scale_value": 0.1},
               "normalize_advantage": True, "gamma": 0.99, "tau": 0.9, "learning_rate": 3e-4,
               "score_to_win": 500, "grad_norm": 1.0, "entropy_coef": 0.01,
               "truncate_grads": True, "ppo": True, "e_clip": 0.2, "clip_value": True,
               "num_actors": ACTORS, "horizon_length": HORIZON, "minibatch_size": 64,
               "mini_epochs": 2, "critic_coef": 1, "lr_schedule": None, "kl_threshold": 0.008,
               "normalize_input": False, "max_epochs": 12, "bounds_loss_coef": 0.0,
               "save_best_after": 3},
}}
if sys.argv[1:] == ["train"]:
    runner = Runner()
    runner.load(CONFIG)
    runner.run({"train": True, "play": False})
    sys.exit()
# The training runs in a child (output inherited): rl_games never closes its SummaryWriter, whose
# last events reach the file only when the process exits.
subprocess.run([sys.executable, __file__, "train"], check=True)
(folder,) = glob.glob("runs/cartpole_*/summaries")
event_files, found = tb_folder(folder)
frames_per_epoch = ACTORS * HORIZON
metrics = {name: series([(frame // frames_per_epoch, value) for frame, value in found[tag]],
                        "epoch", tolerance=0.5)
           for tag, name in PRINTED.items()}
file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6) for tag, pairs in found.items()}
write_truth("rl_games", rl_games.__version__ if hasattr(rl_games, "__version__") else "1.6.5",
            f"SummaryWriter event file under {folder} (tb_folder)", metrics,
            files=event_files, file_metrics=file_metrics,
            also_ok=["saving_next_best_rewards", "best_rewards"],
            notes="scalar tags found: " + ", ".join(sorted(found)))
