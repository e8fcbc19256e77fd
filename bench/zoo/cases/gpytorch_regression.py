"""GPyTorch 1.15.2: the "Simple GP Regression" tutorial (``examples/01_Exact_GPs/
Simple_GP_Regression.ipynb``, cornellius-gp/gpytorch at 090ad1bb) as a script: 100 regularly
spaced points on [0, 1], ``train_y = sin(2*pi*x) + 0.2 * noise`` (drawn after
``torch.manual_seed(0)``, the one line the tutorial lacks), its ``ExactGPModel`` (a
``ConstantMean`` and ``ScaleKernel(RBFKernel())``) with a ``GaussianLikelihood``, Adam at lr
0.1 over ``model.parameters()`` (the likelihood's noise included) minimising
``-ExactMarginalLogLikelihood``, 50 iterations, then the tutorial's evaluation
(``model.eval()``, ``likelihood.eval()``, ``likelihood(model(test_x))`` on 51 test points under
``torch.no_grad()`` and ``gpytorch.settings.fast_pred_var()``; its plot left out) and one
closing print a user adds: the test mean squared error of the predictive mean against the
noise-free ``sin(2*pi*test_x)``, ``print(f"Test MSE: {mse:.4f}")``.

What it prints (stdout, plain ``print``): the tutorial's line an iteration, verbatim,
``Iter 1/50 - Loss: 0.939   lengthscale: 0.693   noise: 0.693`` (``%.3f`` each; the
lengthscale and noise printed are the values the iteration's loss was computed with, before
``optimizer.step()``), then ``Test MSE: 0.0xxx``. GPyTorch itself prints nothing.

Truth: GPyTorch keeps no history of training (the loop is the user's, as the tutorial says),
so the truth is what the loop computed, kept in lists as it printed them: ``loss.item()``,
``model.covar_module.base_kernel.lengthscale.item()`` and ``model.likelihood.noise.item()``
each iteration (the exact floats), and the MSE. Judgement calls:
- Names as printed: ``Loss``, ``lengthscale``, ``noise``; key ``step`` = the printed ``Iter``
  (1-based, ``i + 1``), 50 points each. Tolerance 5e-4, half the printed 3rd decimal.
- ``lengthscale`` and ``noise`` are metrics. They are the GP's hyperparameters, but learned:
  the tutorial trains them ("Type-II MLE to train the hyperparameters"), Adam moves them every
  iteration and the line reports them beside the loss. docs/metrics.md: hyperparameters
  (``weight_decay``) are settings inside a printed configuration, but "beside a metric, as in
  timm's ``Averaged stats: lr: ... loss: ... weight_decay: 0.05``, they are a report"; a
  learning rate printed as it changes is the schedule's value, recorded; and of
  ``temperature`` it says a sampling or distillation setting is denied while "a learned one
  prints as ``temp``" and is recorded. A learned quantity tracked over training is the
  model's state, a series, as a learned temperature is. (The outputscale of the
  ``ScaleKernel`` and the constant mean are learned too, but the tutorial prints neither:
  not in the truth.)
- ``Test MSE`` -> ``test_MSE`` (docs/metrics.md: a phase word before a name of two capitals
  or more keeps them, NGBoost's ``Test MSE``); one point at step 50, after the last
  iteration (the axis is a note). Tolerance 5e-5 (``:.4f``).
- No file: GPyTorch writes none. Nothing timed is printed.
"""
# zoo-venv: gpytorch

import math

import gpytorch
import torch
from _truth import series, write_truth

torch.manual_seed(0)

# Training data is 100 points in [0,1] inclusive regularly spaced
train_x = torch.linspace(0, 1, 100)
# True function is sin(2*pi*x) with Gaussian noise
train_y = torch.sin(train_x * (2 * math.pi)) + torch.randn(train_x.size()) * 0.2


# We will use the simplest form of GP model, exact inference
class ExactGPModel(gpytorch.models.ExactGP):
    def __init__(self, train_x, train_y, likelihood):
        super(ExactGPModel, self).__init__(train_x, train_y, likelihood)  # noqa: UP008
        self.mean_module = gpytorch.means.ConstantMean()
        self.covar_module = gpytorch.kernels.ScaleKernel(gpytorch.kernels.RBFKernel())

    def forward(self, x):
        mean_x = self.mean_module(x)
        covar_x = self.covar_module(x)
        return gpytorch.distributions.MultivariateNormal(mean_x, covar_x)


# initialize likelihood and model
likelihood = gpytorch.likelihoods.GaussianLikelihood()
model = ExactGPModel(train_x, train_y, likelihood)

# Find optimal model hyperparameters
model.train()
likelihood.train()

# Use the adam optimizer
optimizer = torch.optim.Adam([
    {'params': model.parameters()},  # Includes GaussianLikelihood parameters
], lr=0.1)

# "Loss" for GPs - the marginal log likelihood
mll = gpytorch.mlls.ExactMarginalLogLikelihood(likelihood, model)

losses: list[float] = []
lengthscales: list[float] = []
noises: list[float] = []

training_iter = 50
for i in range(training_iter):
    # Zero gradients from previous iteration
    optimizer.zero_grad()
    # Output from model
    output = model(train_x)
    # Calc loss and backprop gradients
    loss = -mll(output, train_y)
    loss.backward()
    print('Iter %d/%d - Loss: %.3f   lengthscale: %.3f   noise: %.3f' % (  # noqa: UP031
        i + 1, training_iter, loss.item(),
        model.covar_module.base_kernel.lengthscale.item(),
        model.likelihood.noise.item()
    ))
    losses.append(loss.item())
    lengthscales.append(model.covar_module.base_kernel.lengthscale.item())
    noises.append(model.likelihood.noise.item())
    optimizer.step()

# Get into evaluation (predictive posterior) mode
model.eval()
likelihood.eval()

# Test points are regularly spaced along [0,1]
# Make predictions by feeding model through likelihood
with torch.no_grad(), gpytorch.settings.fast_pred_var():
    test_x = torch.linspace(0, 1, 51)
    observed_pred = likelihood(model(test_x))

test_y = torch.sin(test_x * (2 * math.pi))
mse = torch.mean((observed_pred.mean - test_y) ** 2).item()
print(f"Test MSE: {mse:.4f}")

steps = range(1, training_iter + 1)
write_truth(
    "gpytorch", gpytorch.__version__,
    "the values the tutorial's loop computed, kept in lists as printed (loss.item(), "
    "lengthscale.item(), likelihood.noise.item() each iteration) + the test MSE",
    {
        "Loss": series(zip(steps, losses, strict=True), "step", tolerance=5e-4),
        "lengthscale": series(zip(steps, lengthscales, strict=True), "step", tolerance=5e-4),
        "noise": series(zip(steps, noises, strict=True), "step", tolerance=5e-4),
        "test_MSE": series([(training_iter, mse)], "step", tolerance=5e-5),
    },
    notes=f"torch {torch.__version__}; lengthscale and noise are the GP's learned "
          f"hyperparameters (Adam moves them each iteration), printed beside the loss")
