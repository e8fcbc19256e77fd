"""DeepXDE (1.15.0, PyTorch backend: ``DDE_BACKEND=pytorch``): the PINN of DeepXDE's docs
"Poisson equation in 1D with Dirichlet boundary conditions": ``-u'' = pi^2 sin(pi x)`` on
``dde.geometry.Interval(-1, 1)`` with ``dde.icbc.DirichletBC`` (``u = sin(pi x)``),
``dde.data.PDE(..., num_domain=16, num_boundary=2, solution=func, num_test=100)``, an
``FNN([1] + [20] * 2 + [1], "tanh", "Glorot uniform")``, ``model.compile("adam", lr=0.001,
metrics=["l2 relative error"])`` and ``model.train(iterations=3000, display_every=500)``
(seed 0). DeepXDE prints its backend notice, ``'compile' took 0.9 s``, then a table every 500
steps, ``Step      Train loss              Test loss               Test metric``, rows such as
``500       [2.00e-02, 1.16e-03]    [9.39e-03, 1.16e-03]    [2.85e-02]`` (each loss a list: the
PDE residual's term, then the boundary condition's), then ``Best model at step 3000:``,
``  train loss: 2.43e-04`` (the terms' sum), ``  test loss: ...``, ``  test metric:
[7.96e-04]`` and ``'train' took 3.3 s``.

Truth: the ``LossHistory`` ``model.train`` returns (``steps``, ``loss_train``, ``loss_test``,
``metrics_test``; float32, full precision), keyed ``step`` as the table's ``Step`` column.
Names: a column is named by its header phrase (docs/metrics.md, "Tables": ``Train loss`` ->
``Train_loss``), and a metric's short list of 2 to 8 numbers is a series per position
(docs/metrics.md: ``recall=[0.124, 0.268]`` -> ``recall_0``, ``recall_1``), so a list cell
under ``Train loss`` gives ``Train_loss_0`` (PDE) and ``Train_loss_1`` (BC), likewise
``Test_loss_0``/``Test_loss_1``; a one-value list is its value (a one-value array ``[ 0.08]``
in a table cell), so ``Test metric`` is ``Test_metric``. The docs say nothing of list cells
in a whitespace table: these are the natural names by those two rules. Judged to the printed
3 significant digits (rel 5e-3). The ``Best model at step`` block prints the best row again
(its losses summed): no series of its own (``also_ok``); the two ``took`` lines are clocks.
DeepXDE writes no metric file unless asked (``dde.saveplot``), so ``files`` is empty.
"""

# zoo-venv: sciml

import os

os.environ.setdefault("DDE_BACKEND", "pytorch")

import deepxde as dde
import numpy as np
from _truth import series, write_truth

dde.config.set_random_seed(0)


def pde(x, y):
    dy_xx = dde.grad.hessian(y, x)
    return -dy_xx - np.pi ** 2 * dde.backend.sin(np.pi * x)


def boundary(x, on_boundary):
    return on_boundary


def func(x):
    return np.sin(np.pi * x)


geom = dde.geometry.Interval(-1, 1)
bc = dde.icbc.DirichletBC(geom, func, boundary)
data = dde.data.PDE(geom, pde, bc, num_domain=16, num_boundary=2, solution=func, num_test=100)
net = dde.nn.FNN([1] + [20] * 2 + [1], "tanh", "Glorot uniform")
model = dde.Model(data, net)
model.compile("adam", lr=0.001, metrics=["l2 relative error"])
losshistory, train_state = model.train(iterations=3000, display_every=500)

steps = losshistory.steps
metrics = {}
for column, rows in (("Train_loss", losshistory.loss_train), ("Test_loss", losshistory.loss_test)):
    for position in range(len(rows[0])):
        metrics[f"{column}_{position}"] = series(
            [(step, row[position]) for step, row in zip(steps, rows, strict=True)], "step",
            rel_tolerance=5e-3)
metrics["Test_metric"] = series(
    [(step, row[0]) for step, row in zip(steps, losshistory.metrics_test, strict=True)], "step",
    rel_tolerance=5e-3)
write_truth("deepxde", dde.__version__, "LossHistory returned by model.train (in memory)",
            metrics, also_ok=["train_loss", "test_loss", "test_metric", "took"])
