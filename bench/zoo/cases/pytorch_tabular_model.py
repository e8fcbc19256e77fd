"""PyTorch Tabular 1.2.0 (the dist's version; its ``pytorch_tabular.__version__`` still says
1.1.0) on Lightning 2.6, used as its README shows: ``TabularModel(data_config=DataConfig(...),
model_config=CategoryEmbeddingModelConfig(task="classification", layers=..., activation=
"LeakyReLU", learning_rate=1e-3), optimizer_config=OptimizerConfig(), trainer_config=
TrainerConfig(max_epochs=3, batch_size=64), experiment_config=ExperimentConfig(project_name=
"tabular_logs", log_target="tensorboard"))``, ``fit(train=train, validation=val)``, then
``evaluate(test)``. Data: a synthetic binary-classification DataFrame made here (4 continuous
columns ``num_*``, 2 categorical ``cat_a``/``cat_b``, 3600/700/700 rows). Everything else is
default: ``fit``'s seed 42, Adam, early stopping and checkpointing on ``valid_loss`` (never
triggered in 3 epochs), the best checkpoint loaded after training, CPU (``accelerator="cpu"``
only to skip the device probe).

What it prints, all by default: pytorch_tabular's own logging lines on stderr
(``2026-... - {pytorch_tabular.tabular_model:677} - INFO - Training Started``), Lightning's
rich model summary, Lightning's default progress bar (``RichProgressBar``: rich is installed;
``TrainerConfig.progress_bar`` is left at its default ``"simple"``, which only means
pytorch_tabular adds no bar of its own) ``Epoch 2/2 ━━━ 57/57 0:00:00 • 0:00:00 77.37it/s v_num:
1.000 train_loss: 0.512 valid_loss: 0.314 valid_accuracy: 0.849 train_accuracy: 0.854``, and
``evaluate``'s Lightning test table ``│ test_accuracy │ 0.8571428656578064 │``.

Truth: without an ``ExperimentConfig`` pytorch_tabular gives Lightning ``logger=None`` (no
logger, no file); the ``ExperimentConfig`` above is the framework's own tracking switch (its
documented TensorBoard target), so the Lightning ``TensorBoardLogger`` it builds writes
``tabular_logs/classification/version_1/events.out.tfevents.*`` (two files: fit, then
evaluate's test run). Those files are the truth (listed in ``files``), read with
``_records.tb_folder``; the test values are also checked against the dict ``evaluate``
returns (the same numbers). Judgements:
- Key "step" for all: TensorBoard indexes every scalar by Lightning's global step (epoch-end
  values at the step of each epoch's end; the test values at the step after training).
- ``train_loss`` is logged ``on_step`` and written only every 50th step
  (``log_every_n_steps`` default 50; 57 steps an epoch so it is written 3 times); the bar
  shows the latest step's value.
- Under a pipe rich draws the bar once, its last frame (epoch 2: the last step's
  train_loss, epoch 2's valid/train values); under a terminal it redraws every step, and its
  first frames of epoch 0 still show the sanity check's ``valid_loss``/``valid_accuracy``
  (Lightning's 2 sanity-check validation batches, which no logger records).
- Tolerance: the rich bar prints ``f"{value:.3f}"`` -> 5e-4 for the train/valid series; the
  test table prints the full float (``str`` of the float32 value), the file keeps the same
  float32: rel_tolerance 1e-6.
- ``test_loss_0`` (the loss of output 0, logged because the classification head has 2
  outputs) is printed in the test table: a metric. ``train_loss_0``/``valid_loss_0`` (the
  same per-output loss, epoch means) are only in the file: ``file_metrics``.
- Not metrics: ``epoch`` (Lightning's loop counter written beside each row), ``hp_metric``
  (the -1 placeholder for the hparams tab), the bar's ``v_num`` (the logger version) and the
  summary's parameter counts / sizes / FLOPs. ``also_ok``: ``it/s``, ``v_num``.
"""
# zoo-venv: ts

import math
import os
from importlib.metadata import version

import numpy as np
import pandas as pd
from _records import tb_folder
from _truth import series, write_truth
from pytorch_tabular import TabularModel
from pytorch_tabular.config import DataConfig, ExperimentConfig, OptimizerConfig, TrainerConfig
from pytorch_tabular.models import CategoryEmbeddingModelConfig

rng = np.random.default_rng(0)
n = 5000
df = pd.DataFrame({f"num_{i}": rng.normal(size=n) for i in range(4)})
df["cat_a"] = rng.choice(["red", "green", "blue"], size=n)
df["cat_b"] = rng.choice(["x", "y", "z", "w"], size=n)
score = (df.num_0 - 0.5 * df.num_1 + (df.cat_a == "red") - 0.5 * (df.cat_b == "w")
         + rng.normal(scale=0.5, size=n))
df["target"] = (score > 0.2).astype(int)
train, val, test = df.iloc[:3600], df.iloc[3600:4300], df.iloc[4300:]

data_config = DataConfig(target=["target"], continuous_cols=[f"num_{i}" for i in range(4)],
                         categorical_cols=["cat_a", "cat_b"])
trainer_config = TrainerConfig(batch_size=64, max_epochs=3, accelerator="cpu")
optimizer_config = OptimizerConfig()
model_config = CategoryEmbeddingModelConfig(task="classification", layers="64-32",
                                            activation="LeakyReLU", learning_rate=1e-3)
experiment_config = ExperimentConfig(project_name="tabular_logs", log_target="tensorboard")
tabular_model = TabularModel(data_config=data_config, model_config=model_config,
                             optimizer_config=optimizer_config, trainer_config=trainer_config,
                             experiment_config=experiment_config)
tabular_model.fit(train=train, validation=val)
result = tabular_model.evaluate(test)

log_dir = os.path.relpath(tabular_model.logger.log_dir)
paths, scalars = tb_folder(log_dir)
for name, value in result[0].items():
    (logged,) = scalars[name]
    assert math.isclose(logged[1], value, rel_tol=1e-7), (name, logged, value)
metrics = {name: series(scalars[name], "step", tolerance=5e-4)
           for name in ("train_loss", "valid_loss", "valid_accuracy", "train_accuracy")}
metrics.update({name: series(scalars[name], "step", rel_tolerance=1e-6)
                for name in ("test_accuracy", "test_loss", "test_loss_0")})
file_metrics = {name: series(scalars[name], "step")
                for name in ("train_loss_0", "valid_loss_0")}
write_truth("pytorch_tabular", version("pytorch_tabular"),
            f"ExperimentConfig(log_target='tensorboard') TensorBoardLogger event files in "
            f"{log_dir} (tensorboard's loader); test values equal evaluate()'s dict",
            metrics, files=paths, also_ok=["it/s", "v_num"], file_metrics=file_metrics,
            notes="scalar tags in the event files: " + ", ".join(sorted(scalars)))
