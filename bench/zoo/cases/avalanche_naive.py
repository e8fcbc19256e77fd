"""Avalanche 0.6 continual learning: a ``Naive`` strategy (plain fine-tuning) on a tiny
synthetic class-incremental benchmark (``nc_benchmark`` over two ``TensorDataset``s of 6
Gaussian-blob classes, 3 experiences of 2 classes each), ``train_epochs=2``, with the
``EvaluationPlugin`` as the docs show it: ``accuracy_metrics`` and ``loss_metrics`` with
``minibatch=False, epoch=True, experience=True, stream=True`` and
``loggers=[InteractiveLogger()]`` (the default printing: a tqdm bar per epoch and per eval
experience, then ``Epoch 2 ended.`` / ``> Eval on experience 1 (Task 0) from test stream
ended.`` / ``-- >> End of eval phase << --`` each followed by tab-indented
``<full name> = 0.1234`` lines, ``TextLogger._val_to_str``: ``f"{value:.4f}"``). As in the
tutorials, each experience is trained and then the whole test stream is evaluated.

Truth: ``eval_plugin.get_all_metrics()`` (``collect_all=True``, the default), the plugin's own
record: full metric name -> (x positions, values). Judgements:
- Names are Avalanche's full metric names as keyed there and printed, e.g.
  ``Top1_Acc_Epoch/train_phase/train_stream/Task000``,
  ``Loss_Exp/eval_phase/test_stream/Task000/Exp001``,
  ``Top1_Acc_Stream/eval_phase/test_stream/Task000``.
- ``key`` is "step": Avalanche indexes every value by ``x_plot = clock.train_iterations``
  (training minibatches so far, across experiences), not by epoch; the eval values of one
  eval phase share one x (the iteration count when it ran).
- Every experience metric is emitted at each of the 3 evals (all test experiences are
  evaluated each time, also those not trained yet), so each Exp series has 3 values; the
  train-phase epoch metrics have 3 experiences x 2 epochs = 6 values, the stream ones 3.
- Tolerance 5e-5 (``.4f``) plus a float32 margin.
"""

import avalanche
import torch
from _truth import series, write_truth
from avalanche.benchmarks import nc_benchmark
from avalanche.evaluation.metrics import accuracy_metrics, loss_metrics
from avalanche.logging import InteractiveLogger
from avalanche.training.plugins import EvaluationPlugin
from avalanche.training.supervised import Naive
from torch.utils.data import TensorDataset

torch.manual_seed(0)
N_CLASSES, N_FEATURES = 6, 16
centers = torch.randn(N_CLASSES, N_FEATURES)


def blobs(per_class: int) -> TensorDataset:
    y = torch.arange(N_CLASSES).repeat_interleave(per_class)
    x = centers[y] + torch.randn(len(y), N_FEATURES) * 1.5
    return TensorDataset(x, y)


benchmark = nc_benchmark(blobs(64), blobs(24), n_experiences=3, task_labels=False, seed=0)

model = torch.nn.Sequential(torch.nn.Linear(N_FEATURES, 32), torch.nn.ReLU(),
                            torch.nn.Linear(32, N_CLASSES))
eval_plugin = EvaluationPlugin(
    accuracy_metrics(minibatch=False, epoch=True, experience=True, stream=True),
    loss_metrics(minibatch=False, epoch=True, experience=True, stream=True),
    loggers=[InteractiveLogger()],
)
strategy = Naive(model=model, optimizer=torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9),
                 criterion=torch.nn.CrossEntropyLoss(), train_mb_size=16, train_epochs=2,
                 eval_mb_size=64, device="cpu", evaluator=eval_plugin)

print("Starting experiment...")
results = []
for experience in benchmark.train_stream:
    print("Start of experience:", experience.current_experience)
    print("Current Classes:", experience.classes_in_this_experience)
    strategy.train(experience)
    print("Training completed")
    print("Computing accuracy on the whole test set")
    results.append(strategy.eval(benchmark.test_stream))

metrics = {}
for name, (xs, values) in sorted(eval_plugin.get_all_metrics().items()):
    # printed by TextLogger._val_to_str as f"{value:.4f}"
    metrics[name] = series(zip(xs, values, strict=False), "step", tolerance=6e-5)
write_truth("avalanche", avalanche.__version__, "EvaluationPlugin.get_all_metrics()", metrics)
