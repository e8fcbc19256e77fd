"""NequIP 0.19.1 (``nequip``: E(3)-equivariant interatomic potentials of the MIR group, on
e3nn 0.6.0, PyTorch Lightning 2.6 and Hydra 1.3) trained through its own command line as its
docs run it: ``nequip-train -cn config.yaml`` in the folder holding the config (the docs'
``nequip-train -cp full/path/to/config/directory -cn config_name.yaml``; "if one runs
``nequip-train`` in the same directory where the config file is located, the ``-cp`` flag may
be omitted"), the ``nequip-train`` console script of the venv run with ``subprocess``, its
stdout and stderr inherited, so what is printed is what the command prints.

Version: 0.19.1, the newest release; it installs from PyPI on Python 3.11 over the CPU build
of torch 2.13.0 and trains on the CPU with nothing CUDA-only (its GPU kernels,
OpenEquivariance and cuEquivariance, are separate packages it does not require), so the
older 0.6.x line (its own
``nequip-train`` trainer and per-epoch tables, replaced from 0.7.0 on by Lightning) is not
needed.

The config is ``configs/tutorial.yaml`` of mir-group/nequip (the config the docs point new
users to) cut down to a tiny CPU run, its structure and objects kept: ``run: [train, test]``,
``ASEDataModule`` on an extxyz file split by counts (30 train, 5 val, 5 test; data ``seed``
456), ``ChemicalSpeciesToAtomTypeMapper`` and ``NeighborListTransform``,
``CommonDataStatisticsManager``, ``EMALightningModule`` (``ema_decay`` 0.999) with
``EnergyForceLoss`` (per-atom energy, coefficients 1 and 1) and ``EnergyForceMetrics``
(``total_energy_mae`` and ``forces_mae`` weighted 1 each) as train/val/test metrics, Adam lr
0.01, ``NequIPGNNModel`` (model ``seed`` 456, float32); the ``ModelCheckpoint`` (``best``,
monitoring ``val0_epoch/weighted_sum``, ``save_last``) and ``LearningRateMonitor``
(``logging_interval: epoch``) callbacks. Changed for size and for the CPU: ``accelerator:
cpu``; ``max_epochs: 4`` (validation after each, Lightning's default
``check_val_every_n_epoch`` 1); ``log_every_n_steps: 2`` (the tutorial's 20 is more than the 6
steps of an epoch here: no step would be logged); model ``num_layers`` 2, ``num_features`` 8,
``radial_mlp_depth`` 1, ``radial_mlp_width`` 16, ``cutoff_radius`` 4.0 (``r_max``),
``model_type_names: [Cu, Ni]``, 1.8 K parameters; ``batch_size`` 5 and no DataLoader workers;
no ``compile_mode: compile`` (the tutorial's comment: for GPUs), no ``ReduceLROnPlateau`` and
no ``EarlyStopping`` (4 epochs), no ZBL pair potential. The tutorial logs to Weights & Biases
(``WandbLogger``); the docs' "Logging" section says any Lightning logger can be used, and the
case uses Lightning's built-in ``CSVLogger`` with ``save_dir: ${hydra:runtime.output_dir}``, so
the record is a file in the run folder (nothing online). Hydra's output folder is set to
``outputs/zoo`` (``hydra.run.dir`` in the config; Hydra's default is a dated
``outputs/<date>/<time>``), so the fixture's file path is the same each capture.
Data: ``clusters.xyz`` written here with ASE (extxyz): 40 random Cu/Ni clusters of 3 to 6
atoms (positions uniform in a 4 A box, every pair at least 2.2 A apart, numpy
``default_rng(0)``; ``_emt_clusters``, as ``mace_train``'s), energies and forces from ASE's ``EMT``
calculator, stored as extxyz's ``energy`` and ``forces`` (ASE's single-point calculator, what
``nequip.data.ase.from_ase`` reads first); nothing downloaded. About 5 s of training, the rest
imports.

What it prints: on stdout Hydra-formatted log lines (``[2026-12-07 09:10:06,016][nequip.
scripts.train][INFO] - [rank: 0] Starting fresh training ...``), the versions, ``This
`nequip-train` run will perform the following tasks: ['train', 'test']``, Lightning's ``GPU
available: False, using: 0 GPUs`` lines and its litlogger tip, the data statistics::

    [...][nequip.data.stats_manager][INFO] - [rank: 0] num_neighbors_mean: 3.1492537313432836
    [...][nequip.data.stats_manager][INFO] - [rank: 0] per_atom_energy_mean: 2.2379079656936764
    [...][nequip.data.stats_manager][INFO] - [rank: 0] forces_rms: 1.1524607203223447

(and ``per_type_num_neighbors_mean_Cu``, ``per_type_forces_rms_Ni``, ...), ``TRAIN RUN START``;
on stderr Lightning's model summary table (``1.8 K     Trainable params``, ``0.007     Total
estimated model params size (MB)``, ``117       Modules in train mode``) and its default
``TQDMProgressBar``: ``Sanity Checking DataLoader 0: 100%|...| 1/1``, each epoch ``Epoch 0:
100%|██████████| 6/6 [00:00<00:00, 14.08it/s, v_num=0]`` redrawn with ``\\r`` each step, and
the ``Validation DataLoader 0`` bar under it. NequIP logs no metric with ``prog_bar=True``,
so the bar shows ``v_num`` alone: the per-epoch training and validation metrics are not
printed at all, only logged. Then ``Trainer.fit stopped: max_epochs=4 reached.``, ``TEST RUN
START``, ``Restoring states from the checkpoint path at .../outputs/zoo/best.ckpt``, the
``Testing DataLoader 0`` bar, and Lightning's plain-text test table (``rich`` is not
installed), 120 columns (the terminal's, or ``shutil.get_terminal_size``'s fallback of 120
under a pipe), each value ``f"{value}"`` of the metric's float::

    ────────────────────────────────────────────────────────────────────────
                 Test metric                         DataLoader 0
    ────────────────────────────────────────────────────────────────────────
           test0_epoch/forces_mae                 0.7982142498178706
    test0_epoch/per_atom_energy_maxabserr         0.7176109254283674
          test0_epoch/weighted_sum                 0.947173625888915

(ten rows, folded here), ``TEST RUN END``. On stderr also Lightning's warning that the
checkpoint folder (Hydra's output folder, which already holds ``.hydra/`` and ``train.log``)
is not empty.

Truth: the ``CSVLogger`` file, ``outputs/zoo/lightning_logs/version_0/metrics.csv`` (listed in
``files``): NequIP's ``log_dict`` calls as Lightning writes them, a row a logging call with
``epoch`` and ``step``, blank cells for what that call did not log. Judgement calls:
- Names: the file's columns, NequIP's own keys (``{train_loss,train_metric}_{step,epoch}/
  <name>``, ``val0_epoch/<name>``, ``test0_epoch/<name>``, the ``0`` being the dataloader
  index), as the test table prints them too.
- ``metrics`` (printed): the ten ``test0_epoch/*`` values of the test table (``forces_mae``,
  ``forces_rmse``, ``forces_maxabserr``, ``per_atom_energy_*``, ``total_energy_*`` and the
  ``weighted_sum``, the mean of ``total_energy_mae`` and ``forces_mae`` under their
  coefficients 1 and 1), one each, of the ``best.ckpt`` model (EMA weights) on the 5 test
  frames; axis ``epoch`` 4, what the file writes for the test row (Lightning's epoch counter
  after the 4 epochs of 0..3). ``f"{value}"`` of the same Python float the file holds: exact,
  no tolerance (the case asserts the file's test row is what ``repr`` would print).
- ``file_metrics`` (never printed): every other column. ``train_loss_step/*`` and
  ``train_metric_step/*`` (the batch's loss terms and metrics, every 2nd step: 3 an epoch, 12
  values, key ``step``); ``train_loss_epoch/*``, ``train_metric_epoch/*`` (the epoch's
  accumulated values) and ``val0_epoch/*`` (the validation after each epoch, EMA weights),
  4 values each, key ``epoch`` (0..3); ``lr-Adam`` (``LearningRateMonitor``'s learning rate,
  a row at each epoch's start with a ``step`` (0, 6, 12, 18) and no ``epoch``: key ``step``,
  4 values of 0.01). The validation before training (Lightning's 1-batch sanity check) is
  logged nowhere.
- ``also_ok``: ``it/s`` (the bar's throughput) and ``v_num`` (the logger's version number
  the bar shows).
- Not metrics: the data statistics the log prints (``num_neighbors_mean``,
  ``per_atom_energy_mean``, ``forces_rms`` and their per-type variants: properties of the
  training set computed before training, used to initialise the model's shifts and scales,
  no series), the model summary's parameter counts and size, the bar's counts and times.
- Determinism: NequIP seeds everything (``seed_everything(123)`` in its global state, data
  and model seeds 456), one thread, float32 on the CPU: the values repeat run to run; only
  timestamps and speeds differ.
"""
# zoo-venv: nequip

import csv
import subprocess
import sys
from pathlib import Path

import nequip
from _emt_clusters import emt_clusters
from _truth import series, write_truth
from ase.io import write

CONFIG = """\
# configs/tutorial.yaml of mir-group/nequip, cut down to a tiny CPU run (see the case's notes)
run: [train, test]

cutoff_radius: 4.0
num_layers: 2
l_max: 1
num_features: 8
model_type_names: [Cu, Ni]
chemical_species: ${model_type_names}
monitored_metric: val0_epoch/weighted_sum

hydra:
  run:
    dir: outputs/zoo

data:
  _target_: nequip.data.datamodule.ASEDataModule
  seed: 456
  split_dataset:
    file_path: clusters.xyz
    train: 30
    val: 5
    test: 5
  transforms:
    - _target_: nequip.data.transforms.ChemicalSpeciesToAtomTypeMapper
      model_type_names: ${model_type_names}
    - _target_: nequip.data.transforms.NeighborListTransform
      r_max: ${cutoff_radius}
  train_dataloader:
    _target_: torch.utils.data.DataLoader
    batch_size: 5
    shuffle: true
  val_dataloader:
    _target_: torch.utils.data.DataLoader
    batch_size: 5
  test_dataloader: ${data.val_dataloader}
  stats_manager:
    _target_: nequip.data.CommonDataStatisticsManager
    dataloader_kwargs:
      batch_size: 10
    type_names: ${model_type_names}

trainer:
  _target_: lightning.Trainer
  accelerator: cpu
  enable_checkpointing: true
  max_epochs: 4
  log_every_n_steps: 2
  logger:
    _target_: lightning.pytorch.loggers.CSVLogger
    save_dir: ${hydra:runtime.output_dir}
  callbacks:
    - _target_: lightning.pytorch.callbacks.ModelCheckpoint
      monitor: ${monitored_metric}
      dirpath: ${hydra:runtime.output_dir}
      filename: best
      save_last: true
    - _target_: lightning.pytorch.callbacks.LearningRateMonitor
      logging_interval: epoch

training_module:
  _target_: nequip.train.EMALightningModule
  ema_decay: 0.999
  loss:
    _target_: nequip.train.EnergyForceLoss
    per_atom_energy: true
    coeffs:
      total_energy: 1.0
      forces: 1.0
  val_metrics:
    _target_: nequip.train.EnergyForceMetrics
    coeffs:
      total_energy_mae: 1.0
      forces_mae: 1.0
  train_metrics: ${training_module.val_metrics}
  test_metrics: ${training_module.val_metrics}
  optimizer:
    _target_: torch.optim.Adam
    lr: 0.01
  model:
    _target_: nequip.model.NequIPGNNModel
    seed: 456
    model_dtype: float32
    type_names: ${model_type_names}
    r_max: ${cutoff_radius}
    num_bessels: 8
    bessel_trainable: false
    polynomial_cutoff_p: 6
    num_layers: ${num_layers}
    l_max: ${l_max}
    parity: true
    num_features: ${num_features}
    radial_mlp_depth: 1
    radial_mlp_width: 16
    avg_num_neighbors: ${training_data_stats:num_neighbors_mean}
    per_type_energy_scales: ${training_data_stats:per_type_forces_rms}
    per_type_energy_shifts: ${training_data_stats:per_atom_energy_mean}
    per_type_energy_scales_trainable: false
    per_type_energy_shifts_trainable: false
"""

write("clusters.xyz", emt_clusters(), format="extxyz")
Path("config.yaml").write_text(CONFIG, encoding="utf-8")

nequip_train = Path(sys.executable).with_name("nequip-train")
subprocess.run([str(nequip_train), "-cn", "config.yaml"], check=True)

path = "outputs/zoo/lightning_logs/version_0/metrics.csv"
with open(path, encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
columns = [c for c in rows[0] if c not in ("epoch", "step")]


def column(name: str, key: str) -> list[tuple[str, str]]:
    return [(row[key], row[name]) for row in rows if row.get(name)]


metrics, file_metrics = {}, {}
for name in columns:
    if name.startswith("test0_epoch/"):
        (test_row,) = [row for row in rows if row.get(name)]
        assert repr(float(test_row[name])) == test_row[name], test_row[name]
        metrics[name] = series(column(name, "epoch"), "epoch")
    elif name == "lr-Adam" or "_step/" in name:
        file_metrics[name] = series(column(name, "step"), "step")
    else:
        file_metrics[name] = series(column(name, "epoch"), "epoch")
assert len(metrics) == 10, sorted(metrics)
assert len(file_metrics["val0_epoch/weighted_sum"]["values"]) == 4, file_metrics
write_truth("nequip", nequip.__version__,
            f"Lightning CSVLogger {path} (nequip-train's log_dict calls): test0_epoch/* as "
            "the test table prints them, every other column file-only",
            metrics, files=[path], also_ok=["it/s", "v_num"], file_metrics=file_metrics,
            notes="metrics.csv columns: " + ", ".join(rows[0]))
