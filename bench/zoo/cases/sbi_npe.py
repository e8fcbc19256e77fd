"""sbi 0.27.0 (simulation-based inference on PyTorch, torch 2.13.0 CPU): neural posterior
estimation as its "Getting started" tutorial (docs/tutorials/00_getting_started.ipynb) runs it:
``_ = torch.manual_seed(0)``, the tutorial's linear Gaussian simulator (``theta + 1.0 +
torch.randn_like(theta) * 0.1``) under ``BoxUniform(low=-2 * torch.ones(3), high=2 *
torch.ones(3))``, ``inference = NPE(prior=prior)``, its ``print("theta.shape", theta.shape)``
and ``print("x.shape", x.shape)``, ``inference.append_simulations(theta, x)``, ``.train()``,
``build_posterior()``, ``print(posterior)`` and ``posterior.sample((10000,), x=x_obs)``. Two
changes: 1000 simulations (the tutorial's opening snippet's ``num_simulations = 1000``; its
cell has 2000, which trained 160 epochs here, near a minute on this loaded CPU; 1000 train
101 epochs, 10 s) and ``train(show_train_summary=True)``, which prints the round's summary.
``NPE`` is ``NPE_C`` (SNPE-C, the ``SNPE`` of older releases) with its default MAF density
estimator, defaults otherwise (batch 200, lr 5e-4, 10% validation, ``stop_after_epochs=20``).

What it prints (stdout): ``theta.shape torch.Size([1000, 3])``, ``x.shape ...``; then a frame
an epoch, ``print("\\r", f"Training neural network. Epochs trained: {epoch}", end="")``: no
newline, ``\\r Training neural network. Epochs trained: 1\\r Training neural network. Epochs
trained: 2...`` on one line (``\\r``, then print's separating space), ended by ``\\r Neural
network successfully converged after 101 epochs.``; then ``_describe_round``'s block::

        -------------------------
        ||||| ROUND 1 STATS |||||:
        -------------------------
        Epochs trained: 101
        Best validation performance: -2.6889
        -------------------------

then ``Posterior p(θ|x) of type DirectPosterior. It samples the posterior network and
rejects samples that`` / ``lie outside of the prior bounds.``; on stderr the sampler's tqdm bar,
no description (``  0%|          | 0/10000 [00:00<?, ?it/s]``, ``100%|██████████| 10000/10000
[00:00<00:00, 34431.22it/s]``, its last render twice, as tqdm closes it).

Truth: sbi's own record of the training, ``inference.summary`` (the ``_summary`` dict:
``training_loss``, ``validation_loss``, ``epoch_durations_sec``, one value an epoch;
``epochs_trained``, ``best_validation_loss``, one a round), which its default tracker also
writes to a TensorBoard event file, ``sbi-logs/NPE_C/<start time>/events.out.tfevents.*``
(``TensorBoardTracker(SummaryWriter)``: ``add_scalar`` of each, at the epoch, 0-based, for the
per-epoch series and at ``round + 1`` for the per-round ones; listed in ``files``). The case
checks the file's scalars against the dict (float32). Judgement calls:
- No printed value is a truth metric (``metrics`` is empty): the losses are never printed.
  ``Best validation performance: -2.6889`` is ``summary["best_validation_loss"][-1]``, the
  lowest ``validation_loss`` of the round (the case asserts it is the list's ``min``; the
  network is reset to that epoch's weights): a running best printed again at the end, no
  series of its own (README, docs/metrics.md "Running bests"), ``also_ok`` as
  ``Best_validation_performance`` (the printed words) and ``best_validation_loss`` (sbi's
  key), ``%.4f``. ``Epochs trained: N`` (the frames and the block) and ``converged after N
  epochs`` count epochs: the progress counter, no metric (a parser that reads the frames as
  the epoch is right to).
- ``file_metrics``: every scalar tag of the event file under its tag, as the zoo's other
  event-file cases keep them (cleanrl, rsl_rl, tianshou): ``training_loss``,
  ``validation_loss`` (the mean negative log-probability of the posterior net over the train
  and validation samples of the epoch), ``epoch_durations_sec`` (sbi's timing of each
  epoch), each keyed ``step`` at the file's step (the epoch, 0-based, 0 to N-1), and the
  round's ``epochs_trained`` and ``best_validation_loss`` at step 1 (``round + 1``).
  Values from the dict, ``rel_tolerance=1e-6`` for the file's float32.
  ``epoch_durations_sec`` differs run to run (timing); the rest repeats (seeded, one thread).
- ``it/s`` of the sampler's tqdm bar is throughput, ``also_ok``; the shapes, the bar's
  counts, the posterior's description are no metrics.
"""
# zoo-venv: sbi

import glob
import os

import sbi
import torch
from _records import tb_folder
from _truth import series, write_truth
from sbi.inference import NPE
from sbi.utils import BoxUniform

_ = torch.manual_seed(0)

num_dim = 3


def simulator(theta):
    # Linear Gaussian.
    return theta + 1.0 + torch.randn_like(theta) * 0.1


prior = BoxUniform(low=-2 * torch.ones(num_dim), high=2 * torch.ones(num_dim))
inference = NPE(prior=prior)

num_simulations = 1000
theta = prior.sample((num_simulations,))
x = simulator(theta)
print("theta.shape", theta.shape)
print("x.shape", x.shape)

inference = inference.append_simulations(theta, x)
density_estimator = inference.train(show_train_summary=True)
posterior = inference.build_posterior()
print(posterior)

x_obs = torch.as_tensor([0.8, 0.6, 0.4])
samples = posterior.sample((10000,), x=x_obs)

# the truth: sbi's summary dict, and the event file its default tracker wrote from it
summary = inference.summary
epochs = summary["epochs_trained"][-1]
assert summary["epochs_trained"] == [epochs]
assert len(summary["training_loss"]) == len(summary["validation_loss"]) == epochs
assert summary["best_validation_loss"] == [min(summary["validation_loss"])]
PER_EPOCH = ("training_loss", "validation_loss", "epoch_durations_sec")
PER_ROUND = ("epochs_trained", "best_validation_loss")
[run_dir] = glob.glob(os.path.join("sbi-logs", type(inference).__name__, "*"))
event_files, found = tb_folder(run_dir)
assert sorted(found) == sorted(PER_EPOCH + PER_ROUND), sorted(found)
file_metrics = {}
for name in PER_EPOCH + PER_ROUND:
    pairs = list(enumerate(summary[name])) if name in PER_EPOCH \
        else [(1, value) for value in summary[name]]
    assert [step for step, _ in found[name]] == [step for step, _ in pairs], name
    assert all(abs(got - float(want)) <= 1e-6 * abs(float(want)) + 1e-12
               for (_, got), (_, want) in zip(found[name], pairs, strict=True)), name
    file_metrics[name] = series(pairs, "step", rel_tolerance=1e-6)
write_truth("sbi", f"{sbi.__version__} (torch {torch.__version__})",
            f"inference.summary (sbi's _summary dict), as its default TensorBoardTracker "
            f"wrote it to {run_dir} (tb_folder)",
            {}, files=event_files, file_metrics=file_metrics,
            also_ok=["Best_validation_performance", "best_validation_loss", "it/s"],
            notes=f"{type(inference).__name__}: converged after {epochs} epochs; "
                  f"best_validation_loss {summary['best_validation_loss'][-1]} is printed "
                  "(%.4f) as 'Best validation performance', a running best")
