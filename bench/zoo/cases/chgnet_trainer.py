"""CHGNet 0.4.2 (``chgnet``, the Crystal Hamiltonian Graph neural Network of CederGroupHub:
a universal interatomic potential on PyTorch, its cp311 wheel with the compiled
``cygraph`` graph converter) trained with its own ``chgnet.trainer.Trainer`` as its README's
fine-tuning example runs it (``StructureData(structures=..., energies=..., forces=...,
stresses=..., magmoms=...)``, ``get_train_val_test_loader(dataset, batch_size=...,
train_ratio=..., val_ratio=...)``, ``Trainer(model=chgnet, targets="efsm",
optimizer="Adam", criterion="MSE", learning_rate=1e-2, epochs=..., use_device="cpu")``,
``trainer.train(train_loader, val_loader, test_loader)``), small and on the CPU with the
CPU build of torch 2.13.0: ``CHGNet()`` built from scratch with its default configuration
(412,525 parameters; its composition model's ``MPtrj`` atom reference energies are constants
in the package's code), not ``CHGNet.load()``; ``batch_size=4``, ``train_ratio=0.8``,
``val_ratio=0.1``, ``epochs=3``, ``print_freq=4`` (the default 100 would print only each
epoch's first batch), everything else the Trainer's default (CosLR schedule, the loss
ratios 1/1/0.1/0.1, ``save_dir`` a date-named folder in the cwd, where ``train`` writes its
``epochN_...``/``bestE_...``/``bestF_...`` checkpoints and reads ``bestE_`` back for the
test set).
Data: 40 four-atom fcc Cu/Ni cells written here (ASE's cubic ``bulk("Cu", "fcc",
a=3.6)``, each site Cu or Ni at random, the cell scaled by 0.97-1.03, positions rattled by
0.08 A, numpy ``default_rng(0)``) as pymatgen Structures, labelled by ASE's ``EMT``
calculator: energies per atom (eV/atom, as StructureData wants), forces (eV/A) and
stresses in VASP's convention (kBar, compression positive: ``-stress / GPa * 10``, which
StructureData converts back with its ``* -0.1``); EMT has no spins, so the magnetic moments
are synthetic (0.6 on Ni, 0 on Cu, plus normal noise of 0.05; CHGNet takes their absolute
value). The loader splits 32/4/4 (8 training batches an epoch, one validation and one test
batch). ``random``, numpy and torch are seeded (0) before the data set shuffles: the values
repeat run to run on one thread; only the times vary. About 25 s of training, 40 s in
all with the imports.

What it prints (stdout, ``print``): ``StructureData imported 40 structures``, ``CHGNet
initialized with 412,525 parameters``, ``Begin Training: using cpu device``, ``training
targets: efsm``, then per epoch the training progress at its first batch and every fourth
(``idx == 0 or (idx + 1) % print_freq == 0``), each ``AverageMeter``'s value and running
average in parentheses, then the validation set's summary (``_validate``'s ``"*   "`` and
one ``{key}_MAE ({avg:.3f}) \\t`` a target)::

    Epoch: [0][1/8] | Time (1.442)(0.035) | Loss 19.5195(19.5195) | MAE e 4.006(4.006)  f
    0.725(0.725)  s 3.155(3.155)  m 0.384(0.384)
    Epoch: [0][8/8] | Time (1.161)(0.022) | Loss 22.1361(22.4315) | MAE e 4.366(4.320)  f
    0.869(0.751)  s 3.003(3.302)  m 0.087(0.171)
    *   e_MAE (4.085)   f_MAE (0.886)   s_MAE (3.038)   m_MAE (0.090)

(each one line in the output, folded here; tabs shown as spaces), and after the last epoch
``---------Evaluate Model on Test Set---------------`` and the test set's summary, the same
with ``"**  "``: ``**  e_MAE (0.440) \\tf_MAE (0.807) \\t...``. No ``Val: [i/n]``/``Test:
[i/n]`` batch lines: they print at ``(ii + 1) % print_freq == 0``, and each set is one
batch. The epoch is 0-based as printed. Nothing on stderr.

Truth: the Trainer's own record, ``trainer.training_history`` (``{"e": {"train": [...],
"val": [...], "test": x}, "f": ..., "s": ..., "m": ...}``: each epoch's training and
validation MAE per target, ``round(meter.avg, 6)``, and the test set's after training, the
dict ``save()`` writes into every checkpoint). It keeps no value of a batch: ``_train``
prints each printed batch's ``losses.val`` and ``mae_errors[key].val`` and drops the
meters, so for those the case adds the record itself (as ``pytorch_imagenet_example`` adds
lines to its script): it puts a subclass of the Trainer's ``AverageMeter`` that also keeps
each ``update``'s value in ``chgnet.trainer.trainer``'s namespace (where ``_train`` looks the
name up) and wraps ``Trainer._train`` to take, after each epoch, the values of the batches
the Trainer's own condition printed (the same numbers the print formats; nothing is parsed
from stdout). Judgement calls (docs/metrics.md):
- The summaries: named as printed, ``e_MAE``, ``f_MAE``, ``s_MAE``, ``m_MAE`` (the value in
  parentheses is the only value on the line): the 3 epochs' validation MAEs
  (``training_history[k]["val"]``, axis epoch 0-2). The test set's line has no phase word
  of its own, but the banner over it, ``---------Evaluate Model on Test Set---------------``,
  names its phase, and the record keeps it apart (``training_history[k]["test"]``, of the
  ``bestE_`` checkpoint): ``test_e_MAE`` ..., one value each, keyed epoch 3 (after the last
  epoch; the docs put a final test at no epoch, and score.py does not score axes), as the
  corpus's CHGNet log (an older release printing the same summaries) names it.
- The training lines: ``Loss`` (the batch's combined loss, ``.4f``) and the four MAEs of
  the batch, ``.3f``. The field ``| MAE e 4.366(4.320)  f 0.869(0.751)  s ...  m ...`` is
  one label, ``MAE``, over four ``key value(avg)`` pairs, the Trainer's target keys:
  named ``MAE_e``, ``MAE_f``, ``MAE_s``, ``MAE_m`` (the label qualifies each pair after it,
  as ``Mean: P=52.88%  R=61.59%`` gives ``mean_p``, ``mean_r``); a bare ``f``, ``s``, ``m``
  would lose what they measure. 9 values each (3 printed batches x 3 epochs), axis
  ``step``: the printed batch count (``[8/8]`` -> 8), starting again each epoch (the epochs
  in ``notes``). The running averages in parentheses are remarks (docs, "Values"), so the
  epochs' training MAEs (``training_history[k]["train"]``: each epoch's last
  parenthesised average, ``[8/8]``'s) are printed only as remarks and are no metric of the
  truth; they are kept in ``notes``.
- Tolerances: ``.4f`` -> 5e-5 (``Loss``), ``.3f`` -> 5e-4 (the MAEs); the summaries'
  record is rounded to 6 decimals, so theirs is 5e-4 + 5e-7.
- ``also_ok``: ``Time`` (``Time (batch_time.avg)(data_time.avg)``, the running averages of
  the batch time and the data loading time, kept nowhere).
- Not metrics: the structure count, the parameter count, the device and targets lines.
"""
# zoo-venv: chgnet

import random

import numpy as np
import torch
from _truth import series, write_truth
from ase import units
from ase.build import bulk
from ase.calculators.emt import EMT
from pymatgen.io.ase import AseAtomsAdaptor

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)

import chgnet  # noqa: E402
import chgnet.trainer.trainer as trainer_module  # noqa: E402
from chgnet.data.dataset import StructureData, get_train_val_test_loader  # noqa: E402
from chgnet.model import CHGNet  # noqa: E402
from chgnet.trainer import Trainer  # noqa: E402

# zoo: the record of the printed batches (the Trainer keeps only each epoch's averages)
METERS: list = []
BATCHES: list[tuple] = []  # (epoch, batch, loss, mae of each target)


class RecordingMeter(trainer_module.AverageMeter):
    """The Trainer's AverageMeter, keeping each update's value too."""

    def __init__(self) -> None:
        self.values: list[float] = []
        super().__init__()
        METERS.append(self)

    def update(self, val: float, n: int = 1) -> None:
        super().update(val, n)
        self.values.append(val)


trainer_module.AverageMeter = RecordingMeter
train_epoch = Trainer._train


def recorded_train(self, train_loader, current_epoch, *args, **kwargs):
    first = len(METERS)
    result = train_epoch(self, train_loader, current_epoch, *args, **kwargs)
    # _train's meters, in the order it makes them: batch_time, data_time, losses, then one
    # a target
    losses, *maes = METERS[first + 2:first + 3 + len(self.targets)]
    for idx in range(len(train_loader)):
        if idx == 0 or (idx + 1) % self.print_freq == 0:  # _train's own print condition
            BATCHES.append((current_epoch, idx + 1, losses.values[idx],
                            *(meter.values[idx] for meter in maes)))
    return result


Trainer._train = recorded_train

# the data: EMT-labelled Cu/Ni fcc cells
rng = np.random.default_rng(0)
structures, energies, forces, stresses, magmoms = [], [], [], [], []
for _ in range(40):
    atoms = bulk("Cu", "fcc", a=3.6, cubic=True)
    atoms.set_atomic_numbers(rng.choice([29, 28], size=len(atoms)))
    atoms.set_cell(atoms.cell * rng.uniform(0.97, 1.03), scale_atoms=True)
    atoms.positions += rng.normal(0.0, 0.08, size=atoms.positions.shape)
    atoms.calc = EMT()
    structures.append(AseAtomsAdaptor.get_structure(atoms))
    energies.append(atoms.get_potential_energy() / len(atoms))
    forces.append(atoms.get_forces())
    stresses.append(-atoms.get_stress(voigt=False) / units.GPa * 10)  # VASP's kBar
    magmoms.append(np.where(atoms.numbers == 28, 0.6, 0.0)
                   + rng.normal(0.0, 0.05, len(atoms)))

# as the README's fine-tuning example
dataset = StructureData(structures=structures, energies=energies, forces=forces,
                        stresses=stresses, magmoms=magmoms)
train_loader, val_loader, test_loader = get_train_val_test_loader(
    dataset, batch_size=4, train_ratio=0.8, val_ratio=0.1)
model = CHGNet()
trainer = Trainer(model=model, targets="efsm", optimizer="Adam", criterion="MSE",
                  learning_rate=1e-2, epochs=3, use_device="cpu", print_freq=4)
trainer.train(train_loader, val_loader, test_loader)

# truth: the Trainer's training_history, and the printed batches' meter values
history = trainer.training_history
epochs = len(history["e"]["val"])
assert epochs == 3 and len(BATCHES) == 9, (epochs, BATCHES)
metrics = {}
for key in "efsm":
    metrics[f"{key}_MAE"] = series(list(enumerate(history[key]["val"])), "epoch",
                                   tolerance=5e-4 + 5e-7)
    metrics[f"test_{key}_MAE"] = series([(epochs, history[key]["test"])], "epoch",
                                        tolerance=5e-4 + 5e-7)
metrics["Loss"] = series([(row[1], row[2]) for row in BATCHES], "step", tolerance=5e-5)
for index, key in enumerate("efsm"):
    metrics[f"MAE_{key}"] = series([(row[1], row[3 + index]) for row in BATCHES], "step",
                                   tolerance=5e-4)
write_truth(
    "chgnet (Trainer)", chgnet.__version__,
    "Trainer.training_history: {key}_MAE = history[key]['val'] (epochs 0-2), "
    "test_{key}_MAE = history[key]['test'] (keyed epoch 3); Loss, MAE_{key} = the printed "
    "training batches' AverageMeter values (losses.val, mae_errors[key].val), kept by a "
    "recording subclass of the Trainer's AverageMeter",
    metrics,
    also_ok=["Time"],
    notes="training batches (epoch, batch): "
          + ", ".join(f"({row[0]}, {row[1]})" for row in BATCHES)
          + "; training_history train (each epoch's running average, printed only in "
          "parentheses on the [8/8] line): "
          + "; ".join(f"{key}: {history[key]['train']}" for key in "efsm"),
)
