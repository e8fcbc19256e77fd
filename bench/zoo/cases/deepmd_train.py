"""DeePMD-kit 3.2.0 (deep potential models of interatomic energies and forces) through its own
command line, ``dp train input.json``, run in-process (``sys.argv`` set, then
``deepmd.main.main()``, what the ``dp`` console script calls): the default TensorFlow backend
(tensorflow-cpu 2.21.0, see requirements-deepmd.txt: the PyPI wheel's PyTorch ops need torch
2.11.0, so ``dp --pt`` is not installable beside the CPU torch 2.13.0 on disk). Data: two
systems written here in DeePMD's ``deepmd/npy`` format (``type.raw``, ``type_map.raw``,
``set.000/{coord,box,energy,force}.npy``): 32 argon atoms (ASE's ``bulk("Ar", "fcc", a=5.26,
cubic=True)`` repeated 2x2x2, periodic), rattled (stdev 0.15 A, seeded) and labelled with
ASE's ``LennardJones(sigma=3.4, epsilon=0.0104, rc=8.0, smooth=True)``; 40 frames for
``training_data``, 10 for ``validation_data``. ``input.json`` is the water ``se_e2_a``
example's layout shrunk: ``se_e2_a`` descriptor (``sel`` [40], ``rcut`` 6.0, ``neuron``
[8, 16], ``axis_neuron`` 4), fitting net [32, 32], ``exp`` learning rate 1e-3 -> 1e-5 with
``decay_steps`` 50, the example's ``ener`` loss prefactors, ``batch_size`` "auto" (1 frame),
validation ``batch_size`` 1 and ``numb_btch`` 3, ``numb_steps`` 200, ``disp_freq`` 20,
``save_freq`` 100000 (no checkpoint before the last), ``seed`` 10, ``disp_file``
"lcurve.out". Nothing downloaded; about 2 s of training after TensorFlow's import.

What it prints (all on stderr): TensorFlow's C++ lines (``I0000 ... oneDNN custom operations
are on``, ``cpu_feature_guard``, repeated ``W0000 ... util.cc:163] Not handling type
DT_DOUBLE``), the wheel's CUDA stand-in complaining (``DeePMD-kit: Cannot find
libcudart.so.12``, ``implib-gen: ...``: a CUDA build variant, on the CPU here), ``Switch to
serial execution due to lack of horovod module.``, then DeePMD's logger, each line
``[2026-... ,ms] DEEPMD INFO    ...``: neighbor statistics, the ASCII banner and build
summary, the data system tables, ``RMSE of energy per atom after linear regression is:
0.0018...``, ``start training at lr 1.00e-03 (== 1.00e-03), final lr will be 1.00e-05``, and
every ``disp_freq`` batches (and at batch 0) three lines::

    Batch      20: trn: rmse = 1.46e+00, rmse_e = 6.53e-01, rmse_f = 4.30e-02, lr = 1.00e-03
    Batch      20: val: rmse = 1.38e+00, rmse_e = 6.53e-01, rmse_f = 4.04e-02
    Batch      20: total wall time = 0.49 s, eta = 0:00:04 at 2026-12-07 06:49

(batch 0 has no timing line), then ``saved checkpoint model.ckpt``, ``average training time:
0.0041 s/batch (exclude first 20 batches)``, ``finished training``, ``wall time: 1.567 s``.

Truth: DeePMD's own learning curve ``lcurve.out`` (``disp_file``; listed in ``files``),
written by the same ``print_on_training`` call that logs the two lines above: a header
``# step rmse_val rmse_trn rmse_e_val rmse_e_trn rmse_f_val rmse_f_trn lr`` and a row each
display (steps 0, 20, ..., 200: 11 rows). Judgement calls:
- Names are the file header's (the framework's keys ``rmse``, ``rmse_e``, ``rmse_f`` of its
  loss's ``eval`` with ``_val``/``_trn`` appended, as the log line prints them after
  ``trn:``/``val:``), ``lr`` as both print it; the step is the file's ``step``, the log's
  ``Batch`` (the global step after that many training batches, 0 before the first).
- Tolerances: the errors are ``%11.2e`` in the file and ``%8.2e`` in the log (the same
  rounding of the same float), rel_tolerance 5e-3; ``lr`` is ``%8.1e`` in the file and
  ``%8.2e`` in the log, rel_tolerance 5.5e-2 (half a unit of the file's second significant
  digit plus the log's).
- The validation errors are the mean over ``numb_btch`` 3 validation frames, as DeePMD
  computes them; ``rmse`` is the loss-weighted total (its prefactors change with the lr).
- Timing (``total wall time``, ``eta``, ``average training time``, ``wall time``) is printed
  but not recorded: ``also_ok``. The energy-bias fit's ``RMSE of energy per atom after linear
  regression`` and the neighbor statistics are data statistics before training, in no record.
- Determinism: seeded data, model and batches; ``lcurve.out`` repeats exactly run to run,
  pipe and pty alike; the timestamps and timings in the log do not.
"""
# zoo-venv: deepmd

import json
import os
import sys

import deepmd
import numpy as np
from _truth import series, write_truth
from ase.build import bulk
from ase.calculators.lj import LennardJones
from deepmd.main import main


def write_system(path: str, nframes: int, seed: int) -> None:
    """A deepmd/npy system: 32 argon atoms (a 2x2x2 fcc supercell), rattled, LJ labels."""
    rng = np.random.default_rng(seed)
    base = bulk("Ar", "fcc", a=5.26, cubic=True).repeat((2, 2, 2))
    coord, box, energy, force = [], [], [], []
    for _ in range(nframes):
        atoms = base.copy()
        atoms.rattle(stdev=0.15, seed=int(rng.integers(1 << 31)))
        atoms.calc = LennardJones(sigma=3.4, epsilon=0.0104, rc=8.0, smooth=True)
        coord.append(atoms.get_positions().reshape(-1))
        box.append(atoms.get_cell().array.reshape(-1))
        energy.append(atoms.get_potential_energy())
        force.append(atoms.get_forces().reshape(-1))
    os.makedirs(f"{path}/set.000")
    np.savetxt(f"{path}/type.raw", np.zeros(len(base), dtype=int), fmt="%d")
    with open(f"{path}/type_map.raw", "w", encoding="utf-8") as handle:
        handle.write("Ar\n")
    for name, frames in (("coord", coord), ("box", box), ("energy", energy), ("force", force)):
        np.save(f"{path}/set.000/{name}.npy", np.array(frames))


write_system("data/train", 40, 0)
write_system("data/valid", 10, 1)

config = {
    "model": {
        "type_map": ["Ar"],
        "descriptor": {"type": "se_e2_a", "sel": [40], "rcut_smth": 0.5, "rcut": 6.0,
                       "neuron": [8, 16], "resnet_dt": False, "axis_neuron": 4,
                       "type_one_side": True, "seed": 1},
        "fitting_net": {"neuron": [32, 32], "resnet_dt": True, "seed": 1},
    },
    "learning_rate": {"type": "exp", "decay_steps": 50, "start_lr": 0.001, "stop_lr": 1e-5},
    "loss": {"type": "ener", "start_pref_e": 0.02, "limit_pref_e": 1, "start_pref_f": 1000,
             "limit_pref_f": 1, "start_pref_v": 0, "limit_pref_v": 0},
    "training": {
        "training_data": {"systems": ["data/train"], "batch_size": "auto"},
        "validation_data": {"systems": ["data/valid"], "batch_size": 1, "numb_btch": 3},
        "numb_steps": 200, "seed": 10, "disp_file": "lcurve.out", "disp_freq": 20,
        "save_freq": 100000,
    },
}
with open("input.json", "w", encoding="utf-8") as handle:
    json.dump(config, handle, indent=2)

sys.argv = ["dp", "train", "input.json"]
main()

with open("lcurve.out", encoding="utf-8") as handle:
    names = handle.readline().lstrip("#").split()
table = np.loadtxt("lcurve.out", comments="#", ndmin=2)
assert names[0] == "step" and table.shape[1] == len(names), (names, table.shape)
steps = [int(step) for step in table[:, 0]]
assert steps == list(range(0, 201, 20)), steps
metrics = {}
for index, name in enumerate(names[1:], start=1):
    # lcurve.out writes the errors "%11.2e" as the log line prints them, lr "%8.1e" where the
    # log line prints "%8.2e": half a unit of the file's last digit plus the log's
    rel = 5.5e-2 if name == "lr" else 5e-3
    metrics[name] = series(zip(steps, table[:, index], strict=True), "step", rel_tolerance=rel)
write_truth("deepmd-kit", deepmd.__version__,
            "lcurve.out (dp train's disp_file: step, then rmse*_val/rmse*_trn and lr, names "
            "as its header line)",
            metrics, files=["lcurve.out"],
            also_ok=["total_wall_time", "eta", "average_training_time", "wall_time"],
            notes="lcurve.out header: " + " ".join(names))
