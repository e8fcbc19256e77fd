"""CellBender 0.4.0 (pip ``cellbender``, the Broad Institute's background-removal tool for
droplet single-cell RNA-seq; on pyro-ppl 1.9.2, anndata 0.12.19 and the CPU build of torch
2.13.0): its command line ``cellbender remove-background --input raw.h5ad --output out.h5
--epochs 10 --cpu-threads 2`` (no ``--cuda``: the CPU), run with subprocess as a user runs it
from an activated virtualenv (the venv's ``bin/`` first on ``PATH``, where CellBender's report
step finds ``jupyter``; without it the run still succeeds but prints ``/bin/sh: 1: jupyter: not
found`` and a ``FileNotFoundError`` traceback under ``Unable to create report.``), its stdout
and stderr inherited. Everything else is CellBender's default: its ``full`` model, ``--z-dim
64``, ``--fpr 0.01``, the ``mckp`` estimator, pyro's ``OneCycleLR`` over ``ClippedAdam``, a
90/10 split of the analysed droplets, a test evaluation every 5 epochs, its own seed
(``consts.RANDOM_SEED`` 1234 through ``pyro.util.set_rng_seed``): the losses repeat run to run
and mode to mode (pipe and pty print the same values). About 25-50 s on two cores: ten epochs
of about 0.4 s, the checkpoint, the posterior, the summary PDF, and the HTML report
(``jupyter nbconvert --execute`` of its ``report.ipynb``, about 7 s). It also writes
``ckpt.tar.gz`` (about 30 MB), ``out_filtered.h5``, ``out_posterior.h5``,
``out_cell_barcodes.csv``, ``out_metrics.csv``, ``out.pdf`` and ``out_report.html`` in the
temp cwd; none is kept in the fixture.

Data: ``raw.h5ad``, an AnnData file the case writes (``.X`` a float32 CSR matrix, barcodes
``BC00000-1``.., genes ``Gene000``..): 500 barcodes x 200 genes from numpy's
``default_rng(0)``: 60 cells (lognormal totals about 2,000 UMIs, multinomial over one of three
Dirichlet cell-type profiles with a tenth of an ambient profile mixed in), 200 empty droplets
(about 60 UMIs each of the ambient profile) and 240 near-empty ones (1-9 UMIs), the knee plot
CellBender expects of a raw, unfiltered matrix, small enough for seconds (a first try with 800
x 300 took 60-100 s, mostly in the epochs and the posterior). Nothing is downloaded.

What it prints (Python ``logging`` on stderr, every line prefixed
``cellbender:remove-background: ``, plus a few bare lines): the command, ``CellBender 0.4.0``,
``(Workflow hash 49957f698f)``, the data summary (``Only 500 barcodes were found.`` with its
warning, as the matrix is tiny; ``Features in dataset: 200 NA``, ``Prior on counts for cells is
2066``, ``Prior on counts for empty droplets is 66``, ``Excluding barcodes with counts below
33``, ``Using 30 probable cell barcodes, plus an additional 54 barcodes, and 168 empty
droplets.``, ``Largest surely-empty droplet has 84 UMI counts.``), then training (the prefix
left out below)::

    [epoch 001]  average training loss: 1022.1927
    [epoch 002]  average training loss: 749.2483  (0.4 seconds per epoch)
    Will not checkpoint due to projected run completion in under 7.0 min
    [epoch 003]  average training loss: 1002.5413
    [epoch 004]  average training loss: 942.7189
    [epoch 005]  average training loss: 799.2176
    [epoch 005] average test loss: 701.0214
    ...
    [epoch 010] average test loss: 462.1843

then the checkpoint's and posterior's lines (the unpacked checkpoint's eight file names printed
bare, ``/tmp/tmp.../49957f698f_args.npy``), ``[0.00 mins per chunk]``, ``2026-12-07 12:32:42
Total MCKP estimation time = 0.15 sec``, the files written, and, for the report, nbconvert's
own ``[NbConvertApp] ...`` lines and the kernel's ``[IPKernelApp] WARNING | Kernel is running
over TCP without encryption. ...``.

Truth: CellBender's own record of the losses, ``model.loss`` (``train.run_training``
appends ``-total_epoch_loss_train`` to ``loss["train"]["elbo"]`` with its epoch each epoch,
and ``-total_epoch_loss_test`` to ``loss["test"]["elbo"]`` on every 5th epoch), which
``run.py`` writes into the output file's ``metadata`` group as the learning curve:
``out.h5`` ``metadata/learning_curve_train_epoch``, ``..._train_elbo``,
``..._test_epoch``, ``..._test_elbo`` (the ELBO per droplet, the printed loss's negative),
read back with h5py; nothing is parsed from stdout. Judgement calls:
- Names: CellBender keys the series ``train``/``test`` ``elbo``, but the value it keeps is the
  ELBO, the negative of what it prints; the printed value is the loss, so the truth takes the
  name exptrack's documented naming rule gives the printed words, the values the record's
  ``-elbo``. ``average training loss`` -> ``average_training_loss``, ``average test loss`` ->
  ``average_test_loss``: the phase word stays in the name as printed (docs/metrics.md,
  "Phases": ``Training Loss`` -> ``training_loss``), and the statistic's word before it stays
  too, as the docs and tests keep it elsewhere (the BERT tutorial's ``Average training loss:
  0.50`` -> ``Average_training_loss``, ``Training average loss at step`` keeps its average,
  ``Train set (epoch 0): Average loss`` -> ``train_average_loss``). A call that could go the
  other way (``training_loss``/``test_loss``, taking ``average`` as a mere qualifier as the
  MNIST example's ``Test set: Average loss`` -> ``test_loss`` does after a label's colon).
- Counts and axis: key ``epoch``, CellBender's own 1-based epochs, as printed (``[epoch
  001]``): ``average_training_loss`` 10 values, epochs 1-10; ``average_test_loss`` 2 values,
  epochs 5 and 10.
- Tolerance: printed ``%.4f``, hence 5e-5 (absolute); the file keeps full float64.
- ``learning_curve_learning_rate_value`` (the OneCycle rate each epoch) is kept but never
  printed (only at ``--debug``): not in the truth; its last value is in the notes.
  ``out_metrics.csv`` holds the run's output summary (``fraction_counts_removed``,
  ``found_cells``, ``overall_change_in_train_elbo``, ...; one row a key, no header), none of it
  printed and no loss series: not listed in ``files``; ``out.h5`` is the count matrix with the
  metadata, no metric file exptrack reads: ``files`` is empty.
- ``also_ok``: the timings CellBender prints and keeps no record of, as exptrack's rule names
  them: ``Total_MCKP_estimation_time`` (the estimator's wall time). ``(0.4 seconds per
  epoch)``, ``[0.00 mins per chunk]`` and ``projected run completion in under 7.0 min`` are
  timings too (exptrack records none of them today).
- Not metrics: the data summary's counts and priors (``Prior on counts for cells is 2066``,
  ``counts below 33``, the barcode and feature counts, ``Features in dataset: 200``), the
  ``--fpr`` (``Using MCKP noise targets computed for FPR 0.01``), ``Working on chunk (1/1)``,
  the workflow hash, times of day, nbconvert's byte counts.
"""
# zoo-venv: cellbender

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import anndata
import h5py
import numpy as np
import pandas as pd
import scipy.sparse as sp
from _truth import series, write_truth

EPOCHS = 10
GENES, CELLS, EMPTIES, NEAR_EMPTY = 200, 60, 200, 240


def write_raw_h5ad(path: str, seed: int = 0) -> None:
    """A raw (unfiltered) droplet count matrix: cells, ambient-RNA empty droplets and
    near-empty barcodes, as an AnnData file with the counts in ``.X``."""
    rng = np.random.default_rng(seed)
    ambient = rng.dirichlet(np.full(GENES, 0.5))
    profiles = [rng.dirichlet(np.full(GENES, 0.3)) for _ in range(3)]
    rows = []
    for i in range(CELLS):
        total = int(rng.lognormal(np.log(2000), 0.3))
        rows.append(rng.multinomial(total, 0.9 * profiles[i % 3] + 0.1 * ambient))
    for _ in range(EMPTIES):
        rows.append(rng.multinomial(int(rng.lognormal(np.log(60), 0.3)), ambient))
    for _ in range(NEAR_EMPTY):
        rows.append(rng.multinomial(int(rng.integers(1, 10)), ambient))
    matrix = sp.csr_matrix(np.array(rows, dtype=np.float32))
    barcodes = [f"BC{i:05d}-1" for i in range(matrix.shape[0])]
    genes = [f"Gene{i:03d}" for i in range(GENES)]
    anndata.AnnData(X=matrix, obs=pd.DataFrame(index=barcodes),
                    var=pd.DataFrame(index=genes)).write_h5ad(path)


write_raw_h5ad("raw.h5ad")

bindir = Path(sys.executable).parent  # the venv's bin/, as an activated venv puts it on PATH
env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
subprocess.run([str(bindir / "cellbender"), "remove-background", "--input", "raw.h5ad",
                "--output", "out.h5", "--epochs", str(EPOCHS), "--cpu-threads", "2"],
               check=True, env=env)

# truth: the learning curve CellBender writes into out.h5 (its model.loss, as ELBO)
with h5py.File("out.h5", "r") as handle:
    meta = handle["metadata"]
    curve = {name: np.asarray(meta[f"learning_curve_{name}"][()])
             for name in ("train_epoch", "train_elbo", "test_epoch", "test_elbo",
                          "learning_rate_epoch", "learning_rate_value")}
assert list(curve["train_epoch"]) == list(range(1, EPOCHS + 1)), curve["train_epoch"]
assert list(curve["test_epoch"]) == [5, 10], curve["test_epoch"]
# printed "%.4f" of the loss, the ELBO's negative
metrics = {
    f"average_{phase}_loss": series(
        zip(curve[f"{split}_epoch"].tolist(), (-curve[f"{split}_elbo"]).tolist(), strict=True),
        "epoch", tolerance=5e-5)
    for phase, split in (("training", "train"), ("test", "test"))
}
write_truth(
    "CellBender (cellbender remove-background)",
    f"{version('cellbender')} (pyro-ppl {version('pyro-ppl')}, torch {version('torch')})",
    "out.h5 metadata/learning_curve_{train,test}_{epoch,elbo} (CellBender's model.loss "
    "written by remove-background), loss = -elbo",
    metrics,
    also_ok=["Total_MCKP_estimation_time"],
    notes="kept in out.h5 but never printed: learning_curve_learning_rate_value (OneCycle "
          f"rate per epoch; last {curve['learning_rate_value'][-1]:.6g}). out_metrics.csv: "
          "the output summary (no loss series), not printed",
)
