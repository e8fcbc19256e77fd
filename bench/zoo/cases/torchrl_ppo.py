"""TorchRL 0.14 PPO as in its tutorial "Reinforcement Learning (PPO) with TorchRL"
(``tutorials/sphinx-tutorials/coding_ppo.py``), scaled down: gymnasium's ``Pendulum-v1``
(the tutorial's ``InvertedDoublePendulum-v4`` needs MuJoCo; Pendulum is continuous too, so the
tutorial's ``TanhNormal`` policy fits unchanged) wrapped in ``GymEnv`` with the tutorial's
transforms (``ObservationNorm`` + ``init_stats``, ``DoubleToFloat``, ``StepCounter``), its
spec/rollout prints and ``check_env_specs``, its policy, value net, ``GAE``, ``ClipPPOLoss``,
Adam + cosine schedule and its training loop with the tqdm bar (``pbar.update`` in frames and
``pbar.set_description(", ".join([eval_str, cum_reward_str, stepcount_str, lr_str]))``), the
collector ``Collector`` (0.14's name for the tutorial's ``SyncDataCollector``). Scaled: 256
frames per batch, 4 batches, 4 epochs per batch, 64 cells a layer. The tutorial evaluates
every 10 of its ~50 batches; here every batch (of 4), so the eval series has 4 points. Plus
``torchrl.record.loggers.csv.CSVLogger`` logging the same scalars each batch at the collected
frame count, as TorchRL's sota-implementations do (``logger.log_scalar(key, value,
collected_frames)``).

Printed (a bar whose description is rewritten each batch, after ``pbar.update`` has drawn a
frame with the previous description): ``eval cumulative reward: -1296.7212 (init:
-1284.4993), eval step-count: 199, average reward=-7.7075 (init=-6.4744), step count (max):
199, lr policy:  0.0003:  50%|...| 512/1024 [00:02<00:02, 239.38it/s]``, plus TorchRL's
coloured log lines (``[torchrl][INFO]    check_env_specs succeeded!``) and the tutorial's
spec and TensorDict prints. Under the 120-column pty tqdm fits the bar to the terminal
width, so the description is cut there. Pendulum truncates at 200 steps, so both step counts
are 199 throughout.

Truth: the CSVLogger's files ``csv_logs/ppo_pendulum/scalars/<key>.csv`` (``step,value`` rows,
``str(float)``: full precision).

Judgement calls:
- names: TorchRL keeps no key of its own for these values (the tutorial's ``logs`` dict and
  the logger's keys are the user's), so per bench/zoo/README.md the truth (and the CSV keys
  the script logs under) take the name the documented naming rule gives the printed words:
  ``eval cumulative reward`` -> ``eval_cumulative_reward``, ``eval step-count`` ->
  ``eval_step-count``, ``average reward`` -> ``average_reward``, ``step count (max)`` ->
  ``step_count_(max)`` (a statistic in parentheses after a name is part of it), ``lr
  policy`` -> ``lr_policy``.
- ``(init: ...)``/``(init= ...)`` repeat the first value of the series on every batch: no
  series of their own (like a running best): also_ok ``init``.
- key: ``step``, the collected frame count (the bar's position after ``pbar.update``), which
  the logger is given as its step.
- the step counts are metrics here (the tutorial plots them as "Max step count"): integers,
  printed exactly.
- tolerance: ``f"{x: 4.4f}"`` -> 5e-5 for the rewards and the lr; 0.5 for the integer
  counts (printed as ints; ``.item()`` of an int64 tensor).
"""

import glob
import os
import warnings
from collections import defaultdict

import torch
import torchrl
from _truth import series, write_truth
from tensordict.nn import TensorDictModule
from tensordict.nn.distributions import NormalParamExtractor
from torch import nn
from torchrl.collectors import Collector
from torchrl.data.replay_buffers import ReplayBuffer
from torchrl.data.replay_buffers.samplers import SamplerWithoutReplacement
from torchrl.data.replay_buffers.storages import LazyTensorStorage
from torchrl.envs import Compose, DoubleToFloat, ObservationNorm, StepCounter, TransformedEnv
from torchrl.envs.libs.gym import GymEnv
from torchrl.envs.utils import ExplorationType, check_env_specs, set_exploration_type
from torchrl.modules import ProbabilisticActor, TanhNormal, ValueOperator
from torchrl.objectives import ClipPPOLoss
from torchrl.objectives.value import GAE
from torchrl.record.loggers.csv import CSVLogger
from tqdm import tqdm

warnings.filterwarnings("ignore")  # as the tutorial does
torch.manual_seed(0)

device = torch.device("cpu")
num_cells = 64
lr = 3e-4
max_grad_norm = 1.0

frame_skip = 1
frames_per_batch = 256 // frame_skip
total_frames = 1024 // frame_skip

sub_batch_size = 64
num_epochs = 4
clip_epsilon = 0.2
gamma = 0.99
lmbda = 0.95
entropy_eps = 1e-4

base_env = GymEnv("Pendulum-v1", device=device, frame_skip=frame_skip)
env = TransformedEnv(
    base_env,
    Compose(
        ObservationNorm(in_keys=["observation"]),
        DoubleToFloat(),
        StepCounter(),
    ),
)
env.set_seed(0)
env.transform[0].init_stats(num_iter=1000, reduce_dim=0, cat_dim=0)
print("normalization constant shape:", env.transform[0].loc.shape)

print("observation_spec:", env.observation_spec)
print("reward_spec:", env.reward_spec)
print("input_spec:", env.input_spec)
print("action_spec (as defined by input_spec):", env.action_spec)

check_env_specs(env)

rollout = env.rollout(3)
print("rollout of three steps:", rollout)
print("Shape of the rollout TensorDict:", rollout.batch_size)

actor_net = nn.Sequential(
    nn.LazyLinear(num_cells, device=device),
    nn.Tanh(),
    nn.LazyLinear(num_cells, device=device),
    nn.Tanh(),
    nn.LazyLinear(num_cells, device=device),
    nn.Tanh(),
    nn.LazyLinear(2 * env.action_spec.shape[-1], device=device),
    NormalParamExtractor(),
)
policy_module = TensorDictModule(actor_net, in_keys=["observation"], out_keys=["loc", "scale"])
policy_module = ProbabilisticActor(
    module=policy_module,
    spec=env.action_spec,
    in_keys=["loc", "scale"],
    distribution_class=TanhNormal,
    distribution_kwargs={
        "low": env.action_spec.space.low,
        "high": env.action_spec.space.high,
    },
    return_log_prob=True,
)

value_net = nn.Sequential(
    nn.LazyLinear(num_cells, device=device),
    nn.Tanh(),
    nn.LazyLinear(num_cells, device=device),
    nn.Tanh(),
    nn.LazyLinear(num_cells, device=device),
    nn.Tanh(),
    nn.LazyLinear(1, device=device),
)
value_module = ValueOperator(module=value_net, in_keys=["observation"])

print("Running policy:", policy_module(env.reset()))
print("Running value:", value_module(env.reset()))

collector = Collector(
    env,
    policy_module,
    frames_per_batch=frames_per_batch,
    total_frames=total_frames,
    split_trajs=False,
    device=device,
)

replay_buffer = ReplayBuffer(
    storage=LazyTensorStorage(max_size=frames_per_batch),
    sampler=SamplerWithoutReplacement(),
)

advantage_module = GAE(
    gamma=gamma, lmbda=lmbda, value_network=value_module, average_gae=True, device=device,
)
loss_module = ClipPPOLoss(
    actor_network=policy_module,
    critic_network=value_module,
    clip_epsilon=clip_epsilon,
    entropy_bonus=bool(entropy_eps),
    entropy_coeff=entropy_eps,
    critic_coeff=1.0,
    loss_critic_type="smooth_l1",
)

optim = torch.optim.Adam(loss_module.parameters(), lr)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(
    optim, total_frames // frames_per_batch, 0.0
)

logger = CSVLogger(exp_name="ppo_pendulum", log_dir="csv_logs")

logs = defaultdict(list)
pbar = tqdm(total=total_frames)
eval_str = ""
collected_frames = 0

for i, tensordict_data in enumerate(collector):
    for _ in range(num_epochs):
        advantage_module(tensordict_data)
        data_view = tensordict_data.reshape(-1)
        replay_buffer.extend(data_view.cpu())
        for _ in range(frames_per_batch // sub_batch_size):
            subdata = replay_buffer.sample(sub_batch_size)
            loss_vals = loss_module(subdata.to(device))
            loss_value = (
                loss_vals["loss_objective"]
                + loss_vals["loss_critic"]
                + loss_vals["loss_entropy"]
            )
            loss_value.backward()
            torch.nn.utils.clip_grad_norm_(loss_module.parameters(), max_grad_norm)
            optim.step()
            optim.zero_grad()

    collected_frames += tensordict_data.numel()
    logs["reward"].append(tensordict_data["next", "reward"].mean().item())
    pbar.update(tensordict_data.numel())
    cum_reward_str = (
        f"average reward={logs['reward'][-1]: 4.4f} (init={logs['reward'][0]: 4.4f})"
    )
    logs["step_count"].append(tensordict_data["step_count"].max().item())
    stepcount_str = f"step count (max): {logs['step_count'][-1]}"
    logs["lr"].append(optim.param_groups[0]["lr"])
    lr_str = f"lr policy: {logs['lr'][-1]: 4.4f}"
    log_info = {
        "average_reward": logs["reward"][-1],
        "step_count_(max)": logs["step_count"][-1],
        "lr_policy": logs["lr"][-1],
    }
    if i % 1 == 0:  # the tutorial: every 10 batches
        with set_exploration_type(ExplorationType.DETERMINISTIC), torch.no_grad():
            eval_rollout = env.rollout(1000, policy_module)
            logs["eval reward"].append(eval_rollout["next", "reward"].mean().item())
            logs["eval reward (sum)"].append(eval_rollout["next", "reward"].sum().item())
            logs["eval step_count"].append(eval_rollout["step_count"].max().item())
            eval_str = (
                f"eval cumulative reward: {logs['eval reward (sum)'][-1]: 4.4f} "
                f"(init: {logs['eval reward (sum)'][0]: 4.4f}), "
                f"eval step-count: {logs['eval step_count'][-1]}"
            )
            log_info["eval_cumulative_reward"] = logs["eval reward (sum)"][-1]
            log_info["eval_step-count"] = logs["eval step_count"][-1]
            del eval_rollout
    pbar.set_description(", ".join([eval_str, cum_reward_str, stepcount_str, lr_str]))
    for key, value in log_info.items():
        logger.log_scalar(key, value, collected_frames)

    scheduler.step()

pbar.close()
collector.shutdown()

folder = os.path.join("csv_logs", "ppo_pendulum", "scalars")
paths = sorted(glob.glob(os.path.join(folder, "*.csv")))
TOLERANCE = {"average_reward": 5e-5, "eval_cumulative_reward": 5e-5, "lr_policy": 5e-5,
             "step_count_(max)": 0.5, "eval_step-count": 0.5}
metrics = {}
for path in paths:
    name = os.path.basename(path)[: -len(".csv")]
    with open(path, encoding="utf-8") as handle:
        rows = [line.strip().split(",") for line in handle if line.strip()]
    metrics[name] = series(((int(step), float(value)) for step, value in rows), "step",
                           tolerance=TOLERANCE[name])
write_truth("torchrl", torchrl.__version__, f"CSVLogger {folder}/*.csv", metrics, files=paths,
            also_ok=["init", "it/s", "s/it"])
