"""MACE 0.3.16 (``mace-torch``: higher-order equivariant message-passing interatomic
potentials, on e3nn 0.4.4 and PyTorch) trained through its own command line as its README's
training example runs it, small: ``mace_run_train --name MACE_model --train_file train.xyz
--valid_fraction 0.2 --E0s average --model MACE --hidden_irreps 16x0e --r_max 4.0
--batch_size 4 --max_num_epochs 6 --eval_interval 1 --device cpu --default_dtype float32
--seed 1``, run in-process (``sys.argv`` set, then ``mace.cli.run_train.main()``, what the
``mace_run_train`` console script calls), so what is printed is what the command prints.
Everything else is MACE's default (Adam, lr 0.01, ``WeightedEnergyForcesLoss`` with energy
weight 1 and forces weight 100, ``--error_table PerAtomRMSE``, no EMA/SWA, ``--plot True``).
Data: ``train.xyz`` written here with ASE (extxyz): 40 random Cu/Ni clusters of 3 to 6
atoms (positions uniform in a 4 A box, every pair at least 2.2 A apart, numpy
``default_rng(0)``), energies and forces from ASE's ``EMT`` calculator stored under MACE's
default keys ``REF_energy`` (info) and ``REF_forces`` (arrays), as its README asks; nothing
downloaded. MACE splits 20% off for validation (8 of 40, ``--seed 1``), 8 steps an epoch.
About 10 s of training on one thread, the rest imports and TorchScript compilation.

What it prints (Python logging on stdout through the root handler MACE's ``setup_logger``
adds, format ``%(asctime)s.%(msecs)03d %(levelname)s: %(message)s`` at INFO; on stderr
UserWarnings of e3nn/torch (TorchScript annotations, ``weights_only``, ``pin_memory``), and
``cuequivariance or cuequivariance_torch is not available``): the settings sections (``MACE
version``, the key specification, the data set counts and the random validation indices,
``Atomic Energies used (z: eV) ...: {28: 2.33..., 29: 1.88...}`` (the least-squares E0s),
``Average number of neighbors: 3.0``, the model details, ``Batch size: 4``, ``Number of
gradient updates: 48``, ``Learning rate: 0.01, weight decay: 5e-07``, the loss' weights,
``Param group N: lr = 0.01``), then one line per validation, before training and after each
epoch::

    ... INFO: Initial: head: Default, loss=17.10268402, RMSE_E_per_atom=  345.34 meV,
    RMSE_F= 1169.20 meV / A
    ... INFO: Epoch 0: head: Default, loss=8.93794727, RMSE_E_per_atom=  298.43 meV,
    RMSE_F=  845.07 meV / A

(each one line in the output, folded here)

(``train.valid_err_log`` for ``log_errors == "PerAtomRMSE"``), ``Training complete``, the
checkpoint/model saving lines, and the final error table (``tables_utils.
create_error_table``, a prettytable after ``Error-table on TRAIN and VALID:``)::

    |  config_type  | RMSE E / meV / atom | RMSE F / meV / A | relative F RMSE % |
    | train_Default |          867.0      |        424.2     |         36.06     |
    | valid_Default |          819.2      |        404.5     |         40.03     |

Truth: MACE's own record, ``results/MACE_model_run-1_train.txt`` (``tools.MetricsLogger``:
one JSON object a line, listed in ``files``): each ``"mode": "eval"`` line is one validation
with ``loss``, ``mae_e``, ``mae_e_per_atom``, ``rmse_e``, ``rmse_e_per_atom``, ``q95_e``,
``mae_f``, ``rel_mae_f``, ``rmse_f``, ``rel_rmse_f``, ``q95_f``, ``time``, ``epoch`` (null for
the initial one) in eV, eV/atom, eV/A; each ``"mode": "opt"`` line one optimizer step's
training ``loss`` and ``time`` (never printed). ``valid_err_log`` writes the eval dict and
prints from the same dict, so the truth is that file's eval lines, converted as the print
converts. Judgement calls:
- Names: the printed labels, MACE's own keys in upper case (``rmse_e_per_atom`` is printed
  ``RMSE_E_per_atom``, ``rmse_f`` ``RMSE_F``); the naming rule takes a name's first printed
  spelling, and the printed one is the only spelling in the output. ``loss`` is the
  validation loss (the file's ``loss`` of the eval line; printed as ``loss=``, with no phase
  word before it: the section header says "reporting errors on validation set").
- Units: the print multiplies by 1e3 (``RMSE_E_per_atom`` in meV/atom, ``RMSE_F`` in meV/A);
  the truth values are the file's eV values times 1e3, as ``valid_err_log`` computes them.
  ``loss`` is unitless, as printed.
- Axis: key ``epoch``, MACE's 0-based epoch as printed (``Epoch 0`` .. ``Epoch 5``); the
  ``Initial:`` evaluation (file ``epoch: null``, before any training) is given the axis -1
  (it comes before epoch 0), 7 values per series. The ``head: Default`` label is the model
  head's name (one head), no metric.
- Tolerances: ``loss`` is printed ``%8.8f`` (5e-9); the RMSEs ``%8.2f`` of meV (5e-3).
- The final error table: ``create_error_table`` evaluates the train and valid sets once more
  with the loaded best checkpoint and keeps the values nowhere (it passes them to W&B only when
  ``--wandb`` is on), so they are not in the truth. ``also_ok`` names them row label first,
  then the column's name without its unit (``train_Default_RMSE_E``, ``valid_Default_RMSE_F``,
  ``valid_Default_relative_F_RMSE``, ...): six values, once, at the end (the valid row
  repeats the last epoch's RMSEs, rounded to ``.1f``).
- Not metrics: the E0s, the neighbour average, batch size, gradient update count, learning
  rate, weight decay and loss weights (settings/data statistics), the validation indices,
  timestamps. The per-step training losses and the eval ``time``s are only in the file.
- Determinism: fixed seeds, one thread, float32 on the CPU: the values repeat run to run;
  only the timestamps differ.
"""
# zoo-venv: mace

import json
import sys

import mace
from _emt_clusters import emt_clusters
from _truth import series, write_truth
from ase.io import write
from mace.cli.run_train import main

frames = emt_clusters()
for atoms in frames:  # (MACE reads its labels from the REF_ keys, not a calculator)
    energy, forces = atoms.get_potential_energy(), atoms.get_forces()
    atoms.calc = None
    atoms.info["REF_energy"] = energy
    atoms.arrays["REF_forces"] = forces
write("train.xyz", frames, format="extxyz")

sys.argv = ["mace_run_train", "--name", "MACE_model", "--train_file", "train.xyz",
            "--valid_fraction", "0.2", "--E0s", "average", "--model", "MACE",
            "--hidden_irreps", "16x0e", "--r_max", "4.0", "--batch_size", "4",
            "--max_num_epochs", "6", "--eval_interval", "1", "--device", "cpu",
            "--default_dtype", "float32", "--seed", "1"]
main()

path = "results/MACE_model_run-1_train.txt"
with open(path, encoding="utf-8") as handle:
    records = [json.loads(line) for line in handle if line.strip()]
evals = [r for r in records if r["mode"] == "eval"]
assert [r["epoch"] for r in evals] == [None, 0, 1, 2, 3, 4, 5], [r["epoch"] for r in evals]
assert all(r["head"] == "Default" for r in evals)
axis = [-1 if r["epoch"] is None else r["epoch"] for r in evals]
metrics = {
    "loss": series(zip(axis, (r["loss"] for r in evals), strict=True), "epoch",
                   tolerance=5e-9),
    "RMSE_E_per_atom": series(zip(axis, (r["rmse_e_per_atom"] * 1e3 for r in evals),
                                  strict=True), "epoch", tolerance=5e-3),
    "RMSE_F": series(zip(axis, (r["rmse_f"] * 1e3 for r in evals), strict=True), "epoch",
                     tolerance=5e-3),
}
opt_steps = sum(r["mode"] == "opt" for r in records)
write_truth("mace-torch", mace.__version__,
            f"{path} (tools.MetricsLogger): the 'mode: eval' JSON lines that valid_err_log "
            "writes and prints from; RMSE_E_per_atom = rmse_e_per_atom * 1e3 (meV/atom), "
            "RMSE_F = rmse_f * 1e3 (meV/A), loss as is; epoch -1 = the Initial evaluation "
            "(epoch null in the file)",
            metrics, files=[path],
            also_ok=[f"{row}_{column}" for row in ("train_Default", "valid_Default")
                     for column in ("RMSE_E", "RMSE_F", "relative_F_RMSE")],
            notes=f"{len(evals)} eval lines, {opt_steps} opt lines (per-step training loss, "
                  "not printed); the final error table (train_Default/valid_Default rows) is "
                  "computed by create_error_table and recorded nowhere (W&B only): its names "
                  "are in also_ok")
