"""Shared by the atomistic cases (``mace_train``, ``nequip_train``): small Cu/Ni clusters
labelled by ASE's EMT calculator, the data their trainers fit (nothing downloaded).

Runs in the case's virtualenv (ASE and numpy); imported as ``from _emt_clusters import
emt_clusters``."""

from __future__ import annotations

import numpy as np
from ase import Atoms
from ase.calculators.emt import EMT


def emt_clusters(count: int = 40, seed: int = 0) -> list[Atoms]:
    """``count`` clusters of 3-6 Cu or Ni atoms in a 4 Å box, no two closer than 2.2 Å,
    each with its EMT calculator attached and its energy and forces computed."""
    rng = np.random.default_rng(seed)
    frames = []
    for _ in range(count):
        n = int(rng.integers(3, 7))
        while True:
            positions = rng.uniform(0.0, 4.0, size=(n, 3))
            gaps = np.linalg.norm(positions[:, None] - positions[None], axis=-1)
            if gaps[np.triu_indices(n, 1)].min() > 2.2:
                break
        atoms = Atoms(numbers=rng.choice([29, 28], size=n), positions=positions)
        atoms.calc = EMT()
        atoms.get_potential_energy()
        atoms.get_forces()
        frames.append(atoms)
    return frames
