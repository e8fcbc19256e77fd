"""CleanRL's single-file PPO, ``cleanrl/ppo.py`` of ``vwxyzjn/cleanrl`` at commit
fe8d8a03c41a7ef5b523e2e354bd01c363e786bb (2026-04-20; git blob
edde76baef51f05a8654160dfb19a4fdb34d14d3), run as CleanRL's README shows, small: ``python
cleanrl/ppo.py --env-id CartPole-v1 --total-timesteps 4096 --num-envs 4 --num-steps 128 --seed
1`` (no ``--track``, no ``--capture-video``; every other flag at its default: 8 iterations of
512 steps, lr 2.5e-4 annealed), in a subprocess with stdout/stderr inherited. The script is no
pip package: its text is kept verbatim below as ``PPO_PY`` (the case checks its git blob id
before writing it to ``cleanrl/ppo.py`` in the run's cwd, so ``exp_name`` is ``ppo`` as in the
repository); torch 2.14.1, tyro 1.0.17, tensorboard 2.21.0 and gymnasium 0.29.1 (CleanRL's own
pin: with gymnasium 1.x the script's ``"final_info" in infos`` branch never fires and it prints
no episode at all, only ``SPS:`` lines; venv-misc was moved to 0.29.1 for this).

What it prints by default: tyro's two ``UserWarning`` lines (``wandb-entity`` and
``target-kl`` default ``None``) on stderr, then one line per finished episode, e.g.
``global_step=60, episodic_return=[15.]`` (``info['episode']['r']``, a one-element float32
array from ``RecordEpisodeStatistics``, printed whole: CartPole returns are integers), and one
``SPS: 1498`` line per iteration (``int(global_step / elapsed)``).

Truth: the script's own ``SummaryWriter`` event file under ``runs/CartPole-v1__ppo__1__<unix
time>/`` (``_records.tb_folder``; listed in ``files``). Judgements:
- ``episodic_return`` (tag ``charts/episodic_return``) and ``SPS`` (tag ``charts/SPS``) are the
  printed series, named as printed (the print has no ``charts/`` prefix), keyed ``step`` at
  CleanRL's ``global_step`` (the same number the episode line prints; SPS at each iteration's
  last global step). Several envs can end an episode at the same global_step: those are
  separate points at one step, as the event file keeps them.
- ``episodic_return``: printed exactly (integers), no tolerance.
- ``SPS``: the printed integer and the recorded one come from two ``time.time()`` reads a
  moment apart (print first, then ``add_scalar(..., int(global_step / (time.time() -
  start_time)))``), so they can differ by a few units (1498 vs 1497, 1627 vs 1619 in a trial
  run): ``rel_tolerance=0.05`` (covers the int truncation too: SPS is over 1000 here; the
  fixtures' absolute tolerances must stay under 1). It is a throughput the framework records
  itself, so a truth metric (as SB3's ``time/fps``).
- Every scalar tag is also a ``file_metrics`` series under its tag, the printed ones'
  (``PRINTED``) too: with the file read, its exact series stands for the printed one
  (``charts/episodic_return`` for ``episodic_return``: session 82's review; the helper's
  first truth listed only the tags never printed, which left the file's own series of the
  printed ones unnamed). The tags written to the event file only, never printed, are
  ``file_metrics`` only, under their tag (``charts/episodic_length``, ``charts/learning_rate``
  (the annealed lr the optimizer used, a recorded series), ``losses/value_loss``,
  ``losses/policy_loss``, ``losses/entropy``, ``losses/old_approx_kl``, ``losses/approx_kl``,
  ``losses/clipfrac``, ``losses/explained_variance``), exact float32, ``rel_tolerance=1e-6``.
- The ``hyperparameters`` text summary (``add_text``) is a settings table, not a scalar.
- Counters (``global_step``, iteration) and the settings (batch size, num_iterations) are not
  logged as scalars and are no metrics.
"""
# zoo-venv: misc

import hashlib
import subprocess
import sys
from pathlib import Path

import gymnasium
from _records import tb_folder
from _truth import series, write_truth

SOURCE_REPO, SOURCE_COMMIT = "vwxyzjn/cleanrl", "fe8d8a03c41a7ef5b523e2e354bd01c363e786bb"
PPO_BLOB = "edde76baef51f05a8654160dfb19a4fdb34d14d3"  # cleanrl/ppo.py at SOURCE_COMMIT
PRINTED = {"charts/episodic_return": "episodic_return", "charts/SPS": "SPS"}


def git_blob_id(text: str) -> str:
    data = text.encode("utf-8")
    return hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()


def main() -> None:
    if git_blob_id(PPO_PY) != PPO_BLOB:
        sys.exit("PPO_PY is not cleanrl/ppo.py as stored at " + SOURCE_COMMIT)
    Path("cleanrl").mkdir()
    Path("cleanrl/ppo.py").write_text(PPO_PY, encoding="utf-8")
    subprocess.run([sys.executable, "cleanrl/ppo.py", "--env-id", "CartPole-v1",
                    "--total-timesteps", "4096", "--num-envs", "4", "--num-steps", "128",
                    "--seed", "1"], check=True)

    (run_dir,) = sorted(Path("runs").glob("CartPole-v1__ppo__1__*"))
    event_files, found = tb_folder(str(run_dir))
    metrics = {
        "episodic_return": series(found["charts/episodic_return"], "step"),
        "SPS": series(found["charts/SPS"], "step", rel_tolerance=0.05),
    }
    file_metrics = {tag: series(pairs, "step", rel_tolerance=1e-6)
                    for tag, pairs in found.items()}  # the printed ones' tags too (PRINTED)
    write_truth("cleanrl", f"repo {SOURCE_COMMIT[:12]}",
                f"SummaryWriter event file under {run_dir} (tb_folder)", metrics,
                files=event_files, file_metrics=file_metrics,
                notes=f"{SOURCE_REPO} cleanrl/ppo.py at {SOURCE_COMMIT} (blob {PPO_BLOB}), "
                      f"gymnasium {gymnasium.__version__}; scalar tags found: "
                      + ", ".join(sorted(found)))


# cleanrl/ppo.py at SOURCE_COMMIT, verbatim
PPO_PY = r'''# docs and experiment results can be found at https://docs.cleanrl.dev/rl-algorithms/ppo/#ppopy
import os
import random
import time
from dataclasses import dataclass

import gymnasium as gym
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import tyro
from torch.distributions.categorical import Categorical
from torch.utils.tensorboard import SummaryWriter


@dataclass
class Args:
    exp_name: str = os.path.basename(__file__)[: -len(".py")]
    """the name of this experiment"""
    seed: int = 1
    """seed of the experiment"""
    torch_deterministic: bool = True
    """if toggled, `torch.backends.cudnn.deterministic=False`"""
    cuda: bool = True
    """if toggled, cuda will be enabled by default"""
    track: bool = False
    """if toggled, this experiment will be tracked with Weights and Biases"""
    wandb_project_name: str = "cleanRL"
    """the wandb's project name"""
    wandb_entity: str = None
    """the entity (team) of wandb's project"""
    capture_video: bool = False
    """whether to capture videos of the agent performances (check out `videos` folder)"""

    # Algorithm specific arguments
    env_id: str = "CartPole-v1"
    """the id of the environment"""
    total_timesteps: int = 500000
    """total timesteps of the experiments"""
    learning_rate: float = 2.5e-4
    """the learning rate of the optimizer"""
    num_envs: int = 4
    """the number of parallel game environments"""
    num_steps: int = 128
    """the number of steps to run in each environment per policy rollout"""
    anneal_lr: bool = True
    """Toggle learning rate annealing for policy and value networks"""
    gamma: float = 0.99
    """the discount factor gamma"""
    gae_lambda: float = 0.95
    """the lambda for the general advantage estimation"""
    num_minibatches: int = 4
    """the number of mini-batches"""
    update_epochs: int = 4
    """the K epochs to update the policy"""
    norm_adv: bool = True
    """Toggles advantages normalization"""
    clip_coef: float = 0.2
    """the surrogate clipping coefficient"""
    clip_vloss: bool = True
    """Toggles whether or not to use a clipped loss for the value function, as per the paper."""
    ent_coef: float = 0.01
    """coefficient of the entropy"""
    vf_coef: float = 0.5
    """coefficient of the value function"""
    max_grad_norm: float = 0.5
    """the maximum norm for the gradient clipping"""
    target_kl: float = None
    """the target KL divergence threshold"""

    # to be filled in runtime
    batch_size: int = 0
    """the batch size (computed in runtime)"""
    minibatch_size: int = 0
    """the mini-batch size (computed in runtime)"""
    num_iterations: int = 0
    """the number of iterations (computed in runtime)"""


def make_env(env_id, idx, capture_video, run_name):
    def thunk():
        if capture_video and idx == 0:
            env = gym.make(env_id, render_mode="rgb_array")
            env = gym.wrappers.RecordVideo(env, f"videos/{run_name}")
        else:
            env = gym.make(env_id)
        env = gym.wrappers.RecordEpisodeStatistics(env)
        return env

    return thunk


def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias_const)
    return layer


class Agent(nn.Module):
    def __init__(self, envs):
        super().__init__()
        self.critic = nn.Sequential(
            layer_init(nn.Linear(np.array(envs.single_observation_space.shape).prod(), 64)),
            nn.Tanh(),
            layer_init(nn.Linear(64, 64)),
            nn.Tanh(),
            layer_init(nn.Linear(64, 1), std=1.0),
        )
        self.actor = nn.Sequential(
            layer_init(nn.Linear(np.array(envs.single_observation_space.shape).prod(), 64)),
            nn.Tanh(),
            layer_init(nn.Linear(64, 64)),
            nn.Tanh(),
            layer_init(nn.Linear(64, envs.single_action_space.n), std=0.01),
        )

    def get_value(self, x):
        return self.critic(x)

    def get_action_and_value(self, x, action=None):
        logits = self.actor(x)
        probs = Categorical(logits=logits)
        if action is None:
            action = probs.sample()
        return action, probs.log_prob(action), probs.entropy(), self.critic(x)


if __name__ == "__main__":
    args = tyro.cli(Args)
    args.batch_size = int(args.num_envs * args.num_steps)
    args.minibatch_size = int(args.batch_size // args.num_minibatches)
    args.num_iterations = args.total_timesteps // args.batch_size
    run_name = f"{args.env_id}__{args.exp_name}__{args.seed}__{int(time.time())}"
    if args.track:
        import wandb

        wandb.init(
            project=args.wandb_project_name,
            entity=args.wandb_entity,
            sync_tensorboard=True,
            config=vars(args),
            name=run_name,
            monitor_gym=True,
            save_code=True,
        )
    writer = SummaryWriter(f"runs/{run_name}")
    writer.add_text(
        "hyperparameters",
        "|param|value|\n|-|-|\n%s" % ("\n".join([f"|{key}|{value}|" for key, value in vars(args).items()])),
    )

    # TRY NOT TO MODIFY: seeding
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.backends.cudnn.deterministic = args.torch_deterministic

    device = torch.device("cuda" if torch.cuda.is_available() and args.cuda else "cpu")

    # env setup
    envs = gym.vector.SyncVectorEnv(
        [make_env(args.env_id, i, args.capture_video, run_name) for i in range(args.num_envs)],
    )
    assert isinstance(envs.single_action_space, gym.spaces.Discrete), "only discrete action space is supported"

    agent = Agent(envs).to(device)
    optimizer = optim.Adam(agent.parameters(), lr=args.learning_rate, eps=1e-5)

    # ALGO Logic: Storage setup
    obs = torch.zeros((args.num_steps, args.num_envs) + envs.single_observation_space.shape).to(device)
    actions = torch.zeros((args.num_steps, args.num_envs) + envs.single_action_space.shape).to(device)
    logprobs = torch.zeros((args.num_steps, args.num_envs)).to(device)
    rewards = torch.zeros((args.num_steps, args.num_envs)).to(device)
    dones = torch.zeros((args.num_steps, args.num_envs)).to(device)
    values = torch.zeros((args.num_steps, args.num_envs)).to(device)

    # TRY NOT TO MODIFY: start the game
    global_step = 0
    start_time = time.time()
    next_obs, _ = envs.reset(seed=args.seed)
    next_obs = torch.Tensor(next_obs).to(device)
    next_done = torch.zeros(args.num_envs).to(device)

    for iteration in range(1, args.num_iterations + 1):
        # Annealing the rate if instructed to do so.
        if args.anneal_lr:
            frac = 1.0 - (iteration - 1.0) / args.num_iterations
            lrnow = frac * args.learning_rate
            optimizer.param_groups[0]["lr"] = lrnow

        for step in range(0, args.num_steps):
            global_step += args.num_envs
            obs[step] = next_obs
            dones[step] = next_done

            # ALGO LOGIC: action logic
            with torch.no_grad():
                action, logprob, _, value = agent.get_action_and_value(next_obs)
                values[step] = value.flatten()
            actions[step] = action
            logprobs[step] = logprob

            # TRY NOT TO MODIFY: execute the game and log data.
            next_obs, reward, terminations, truncations, infos = envs.step(action.cpu().numpy())
            next_done = np.logical_or(terminations, truncations)
            rewards[step] = torch.tensor(reward).to(device).view(-1)
            next_obs, next_done = torch.Tensor(next_obs).to(device), torch.Tensor(next_done).to(device)

            if "final_info" in infos:
                for info in infos["final_info"]:
                    if info and "episode" in info:
                        print(f"global_step={global_step}, episodic_return={info['episode']['r']}")
                        writer.add_scalar("charts/episodic_return", info["episode"]["r"], global_step)
                        writer.add_scalar("charts/episodic_length", info["episode"]["l"], global_step)

        # bootstrap value if not done
        with torch.no_grad():
            next_value = agent.get_value(next_obs).reshape(1, -1)
            advantages = torch.zeros_like(rewards).to(device)
            lastgaelam = 0
            for t in reversed(range(args.num_steps)):
                if t == args.num_steps - 1:
                    nextnonterminal = 1.0 - next_done
                    nextvalues = next_value
                else:
                    nextnonterminal = 1.0 - dones[t + 1]
                    nextvalues = values[t + 1]
                delta = rewards[t] + args.gamma * nextvalues * nextnonterminal - values[t]
                advantages[t] = lastgaelam = delta + args.gamma * args.gae_lambda * nextnonterminal * lastgaelam
            returns = advantages + values

        # flatten the batch
        b_obs = obs.reshape((-1,) + envs.single_observation_space.shape)
        b_logprobs = logprobs.reshape(-1)
        b_actions = actions.reshape((-1,) + envs.single_action_space.shape)
        b_advantages = advantages.reshape(-1)
        b_returns = returns.reshape(-1)
        b_values = values.reshape(-1)

        # Optimizing the policy and value network
        b_inds = np.arange(args.batch_size)
        clipfracs = []
        for epoch in range(args.update_epochs):
            np.random.shuffle(b_inds)
            for start in range(0, args.batch_size, args.minibatch_size):
                end = start + args.minibatch_size
                mb_inds = b_inds[start:end]

                _, newlogprob, entropy, newvalue = agent.get_action_and_value(b_obs[mb_inds], b_actions.long()[mb_inds])
                logratio = newlogprob - b_logprobs[mb_inds]
                ratio = logratio.exp()

                with torch.no_grad():
                    # calculate approx_kl http://joschu.net/blog/kl-approx.html
                    old_approx_kl = (-logratio).mean()
                    approx_kl = ((ratio - 1) - logratio).mean()
                    clipfracs += [((ratio - 1.0).abs() > args.clip_coef).float().mean().item()]

                mb_advantages = b_advantages[mb_inds]
                if args.norm_adv:
                    mb_advantages = (mb_advantages - mb_advantages.mean()) / (mb_advantages.std() + 1e-8)

                # Policy loss
                pg_loss1 = -mb_advantages * ratio
                pg_loss2 = -mb_advantages * torch.clamp(ratio, 1 - args.clip_coef, 1 + args.clip_coef)
                pg_loss = torch.max(pg_loss1, pg_loss2).mean()

                # Value loss
                newvalue = newvalue.view(-1)
                if args.clip_vloss:
                    v_loss_unclipped = (newvalue - b_returns[mb_inds]) ** 2
                    v_clipped = b_values[mb_inds] + torch.clamp(
                        newvalue - b_values[mb_inds],
                        -args.clip_coef,
                        args.clip_coef,
                    )
                    v_loss_clipped = (v_clipped - b_returns[mb_inds]) ** 2
                    v_loss_max = torch.max(v_loss_unclipped, v_loss_clipped)
                    v_loss = 0.5 * v_loss_max.mean()
                else:
                    v_loss = 0.5 * ((newvalue - b_returns[mb_inds]) ** 2).mean()

                entropy_loss = entropy.mean()
                loss = pg_loss - args.ent_coef * entropy_loss + v_loss * args.vf_coef

                optimizer.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(agent.parameters(), args.max_grad_norm)
                optimizer.step()

            if args.target_kl is not None and approx_kl > args.target_kl:
                break

        y_pred, y_true = b_values.cpu().numpy(), b_returns.cpu().numpy()
        var_y = np.var(y_true)
        explained_var = np.nan if var_y == 0 else 1 - np.var(y_true - y_pred) / var_y

        # TRY NOT TO MODIFY: record rewards for plotting purposes
        writer.add_scalar("charts/learning_rate", optimizer.param_groups[0]["lr"], global_step)
        writer.add_scalar("losses/value_loss", v_loss.item(), global_step)
        writer.add_scalar("losses/policy_loss", pg_loss.item(), global_step)
        writer.add_scalar("losses/entropy", entropy_loss.item(), global_step)
        writer.add_scalar("losses/old_approx_kl", old_approx_kl.item(), global_step)
        writer.add_scalar("losses/approx_kl", approx_kl.item(), global_step)
        writer.add_scalar("losses/clipfrac", np.mean(clipfracs), global_step)
        writer.add_scalar("losses/explained_variance", explained_var, global_step)
        print("SPS:", int(global_step / (time.time() - start_time)))
        writer.add_scalar("charts/SPS", int(global_step / (time.time() - start_time)), global_step)

    envs.close()
    writer.close()
'''  # noqa: E501


if __name__ == "__main__":
    main()
