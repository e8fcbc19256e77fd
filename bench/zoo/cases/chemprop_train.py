"""Chemprop 2.3.1 (message-passing neural networks for molecules) through its own command line,
``chemprop train --data-path data.csv --task-type regression --epochs 4 --output-dir out
--data-seed 0 --pytorch-seed 0 --batch-size 1 --metrics mae rmse r2``, run in-process
(``sys.argv`` set, then ``chemprop.cli.main.main()``, what the ``chemprop`` console script
calls), so what is printed is what the command prints. Data: ``data.csv`` written here, 60
small molecules built from six series (n-alkanes, 1-alkanols, carboxylic acids,
alkylbenzenes, alkylphenols, 1-alkylamines; 1 to 10 chain carbons) with a synthetic
regression target ``logp``, rdkit's Crippen ``MolLogP`` of each rounded to 4 decimals (local,
nothing downloaded). Everything else is chemprop's default: random 0.8/0.1/0.1 split (48/6/6),
MSE loss, ``val_loss`` tracked by its ``ModelCheckpoint``/``EarlyStopping``, ``accelerator
"auto"`` (CPU here), the best checkpoint reloaded for the test predictions.

What it prints: chemprop's logging on stderr (``2026-... - INFO:chemprop.cli.train - ...``: the
arguments dict, the split sizes, rich tables "Summary of Training/Validation/Test Data" with
Mean/Std. dev./Median of the target, ``Train data: mean = [2.11] | std = [1.44]``, the model
repr), Lightning's lines (the CSVLogger fallback warning: tensorboard is not installed, see
requirements-chemprop.txt), Lightning's rich model summary on stdout, its default progress
bar (``RichProgressBar``: rich is installed) ``Epoch 3/3 ━━━ 48/48 0:00:00 • 0:00:00
138.26it/s v_num: 0.000 train_loss_step: 2.050 val_loss: 0.206 train_loss_epoch: 0.438``
(wrapped at 80 columns under a pipe, so a name and its value can fall on two lines), the
``Predicting`` bar, ``Restoring states from the checkpoint path at .../best-epoch=2-
val_loss=0.20.ckpt``, then ``Test Set results:`` and one line a metric ``test/mae:
0.6941991448402405`` (the full float), and ``Best model saved to 'out/model_0/best.pt'``.

Truth: Lightning's CSVLogger file that chemprop sets up, ``out/model_0/trainer_logs/version_0/
metrics.csv`` (listed in ``files``), and for the test lines the values chemprop computed: the
case wraps ``chemprop.cli.train.evaluate_and_save_predictions`` so that each metric object it
is handed records what it returns, and averages them over the target columns as chemprop does
before logging ``test/<alias>`` (chemprop 2.x writes no test-score file; ``test_predictions.csv``
holds predictions only). Judgements:
- Names are chemprop's keys as Lightning logs them: ``train_loss`` is logged with
  ``on_step`` and ``on_epoch``, so the file and the bar have ``train_loss_step`` and
  ``train_loss_epoch``; ``val_loss`` (the MSE criterion on the scaled targets); the test lines
  are ``test/<metric alias>`` (``test/mae``, ``test/rmse``, ``test/r2``).
- ``--batch-size 1``: Lightning's default ``log_every_n_steps=50`` (chemprop's CLI passes no
  other) writes ``train_loss_step`` only every 50th step; at the default batch size of 64 the
  48 training molecules are one step an epoch and the file would hold no step values at all
  (Lightning warns so). With 48 steps an epoch (192 in all) the file keeps three, at the
  ``step`` it writes (49, 99, 149), the key of that series; the bar shows the latest step's
  value (under a pipe rich draws only the last frame; under a terminal it redraws each step,
  and the first frames show the sanity check's ``val_loss``, which no logger records).
- ``train_loss_epoch`` and ``val_loss`` are keyed ``epoch`` (0-based, as the bar prints
  ``Epoch N/3`` and the file writes it).
- ``val/mae``, ``val/rmse``, ``val/r2`` are logged but not ``prog_bar``: only the file keeps
  them (``file_metrics``).
- The test values: one each, after training (axis: the last epoch, a note, not scored);
  ``r2`` comes back a float64, the others float32 tensors, printed in full: tolerance 5e-8 +
  rel_tolerance 1e-7, for rounding only.
- Tolerance for the bar: ``f"{value:.3f}"`` (RichProgressBar's ``metrics_format``), 5e-4.
- Not metrics: the target statistics of the data summary tables and the ``Train data: mean =
  ... | std = ...`` line (the data, not the training), the hyperparameters in the arguments
  dict (``init_lr``, ``max_lr``, ``dropout``, ...), the model summary's parameter counts, sizes
  and FLOPs, ``v_num`` (the logger version) and the ``val_loss=0.20`` inside the checkpoint
  file names (the ``ModelCheckpoint`` filename pattern, ``.2f`` of a val_loss the file already
  holds). ``also_ok``: ``it/s``, ``v_num``.
"""

# zoo-venv: chemprop

import csv
import sys

import chemprop
import chemprop.cli.train as chemprop_train
from _truth import series, write_truth
from chemprop.cli.main import main
from rdkit import Chem
from rdkit.Chem import Crippen

smiles = []
for n in range(1, 11):
    smiles += ["C" * n, "C" * n + "O", "C" * (n - 1) + "C(=O)O", "c1ccccc1" + "C" * (n - 1),
               "Oc1ccccc1" + "C" * (n - 1), "C" * n + "N"]
with open("data.csv", "w", encoding="utf-8") as handle:
    handle.write("smiles,logp\n")
    for s in smiles:
        handle.write(f"{s},{Crippen.MolLogP(Chem.MolFromSmiles(s)):.4f}\n")


class _Spy:
    """Stands in for one of chemprop's test metrics: calls it, keeps what it returns."""

    def __init__(self, metric):
        self.metric, self.alias, self.returned = metric, metric.alias, []

    def __call__(self, *args, **kwargs):
        value = self.metric(*args, **kwargs)
        self.returned.append(float(value))
        return value


spies = []
_evaluate = chemprop_train.evaluate_and_save_predictions


def _evaluate_spied(preds, test_loader, metrics, model_output_dir, args):
    spies.extend(_Spy(metric) for metric in metrics)
    return _evaluate(preds, test_loader, spies, model_output_dir, args)


chemprop_train.evaluate_and_save_predictions = _evaluate_spied

sys.argv = ["chemprop", "train", "--data-path", "data.csv", "--task-type", "regression",
            "--epochs", "4", "--output-dir", "out", "--data-seed", "0", "--pytorch-seed", "0",
            "--batch-size", "1", "--metrics", "mae", "rmse", "r2"]
main()

path = "out/model_0/trainer_logs/version_0/metrics.csv"
with open(path, encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))


def column(name: str, key: str) -> list[tuple[str, str]]:
    return [(row[key], row[name]) for row in rows if row.get(name)]


metrics = {"train_loss_step": series(column("train_loss_step", "step"), "step", tolerance=5e-4)}
for name in ("train_loss_epoch", "val_loss"):
    metrics[name] = series(column(name, "epoch"), "epoch", tolerance=5e-4)
last_epoch = max(int(row["epoch"]) for row in rows)
assert len(metrics["val_loss"]["values"]) == 4 and last_epoch == 3, rows
assert [spy.alias for spy in spies] == ["mae", "rmse", "r2"], spies
for spy in spies:
    # evaluate_and_save_predictions: the mean over the target columns (one here)
    value = sum(spy.returned) / len(spy.returned)
    metrics[f"test/{spy.alias}"] = series([(last_epoch, value)], "epoch", tolerance=5e-8,
                                          rel_tolerance=1e-7)
file_metrics = {name: series(column(name, "epoch"), "epoch")
                for name in ("val/mae", "val/rmse", "val/r2")}
write_truth("chemprop", chemprop.__version__,
            f"Lightning CSVLogger {path} (chemprop train's fallback without tensorboard); "
            "test/* the values chemprop's test metrics returned in evaluate_and_save_predictions",
            metrics, files=[path], also_ok=["it/s", "v_num"], file_metrics=file_metrics,
            notes="metrics.csv columns: " + ", ".join(rows[0]))
