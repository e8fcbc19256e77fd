"""pykan (0.2.8, ``import kan``): a Kolmogorov-Arnold network as pykan's "Hello, KAN!"
example builds it, ``KAN(width=[2, 3, 1], grid=3, k=3, seed=0)``, on its own
``create_dataset(f, n_var=2, train_num=200, test_num=200)`` of ``f(x, y) = exp(sin(pi x) +
y^2)`` (seeded: created locally), fitted with ``model.fit(dataset, opt="LBFGS", steps=20)``.
pykan prints ``checkpoint directory created: ./model`` and ``saving model version 0.0``
(its ``auto_save`` writes ``model/`` in the cwd: ``history.txt`` names only the method calls,
the ``*_state``/``*_config.yml`` files the weights) and, while fitting, a tqdm bar of
``ncols=100`` whose description it sets each step, ``| train_loss: 1.23e-01 | test_loss:
1.45e-01 | reg: 2.34e+00 | : 100%|...| 20/20 [00:02<00:00,  8.50it/s]``, then ``saving model
version 0.1``.

Truth: the ``results`` dict ``fit`` returns (``train_loss``, ``test_loss``: RMSE; ``reg``:
the regularisation term; one float32 a step), keyed ``step`` 0-based: pykan's loop index,
which is the bar's count on the render ``set_description`` makes when it shows the step's
values (``| train_loss: 1.78e-01 | ... :   0%| | 0/20``; docs/metrics.md: a bar's postfix
takes the bar's count as its step when nothing else gives one). With ``lamb=0`` (the
default) pykan computes no regularisation until the last step (``save_act`` is off), so
``reg`` is ``0.00e+00`` on 19 steps, then the last step's (12.0): 20 values, as the
bar shows them.
Judged to the printed 3 significant digits (rel 5e-3).
"""

# zoo-venv: sciml

import numpy as np
import torch
from _truth import series, write_truth
from kan import KAN, create_dataset

try:
    from importlib.metadata import version
    KAN_VERSION = version("pykan")
except Exception:  # pragma: no cover
    KAN_VERSION = "unknown"

torch.manual_seed(0)
np.random.seed(0)


def f(x):
    return torch.exp(torch.sin(torch.pi * x[:, [0]]) + x[:, [1]] ** 2)


dataset = create_dataset(f, n_var=2, train_num=200, test_num=200, seed=0)
model = KAN(width=[2, 3, 1], grid=3, k=3, seed=0)
results = model.fit(dataset, opt="LBFGS", steps=20)

metrics = {name: series(enumerate(results[name]), "step", rel_tolerance=5e-3)
           for name in ("train_loss", "test_loss", "reg")}
write_truth("pykan", KAN_VERSION, "results dict returned by MultKAN.fit (in memory)", metrics)
