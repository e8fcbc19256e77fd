"""THUML's Time-Series-Library (TSLib; no pip package, no release: repository commit
4e938a1767106324dd753b2a44832bf870a0252e, 2026-04-18, the newest; the CPU build of torch
2.13.0): its ``run.py`` for long-term forecasting, run as its
``scripts/long_term_forecast/ETT_script/Informer_ETTh1.sh`` and ``DLinear_ETTh1.sh`` run it
(``--task_name long_term_forecast --is_training 1 --features M --seq_len 96 --label_len 48
--pred_len 96 --e_layers 2 --d_layers 1 --factor 3 --enc_in 7 --dec_in 7 --c_out 7 --des
'Exp' --itr 1``), twice in one process: ``--model Informer``, then ``--model DLinear``, each
with the options a small CPU run needs: ``--d_model 16 --d_ff 32 --n_heads 2`` (the
defaults are 512/2048/8), ``--train_epochs 3`` (of 10), ``--batch_size 8`` (of 32),
``--num_workers 0`` (of 10 loader processes, on a 2-core runner) and ``--no_use_gpu``. At
this commit ``--use_gpu`` is a ``store_true`` flag that defaults to True (``--use_gpu
False`` is an argparse error, "unrecognized arguments: False"), and ``Exp_Basic`` puts the
model on ``cuda:0`` whenever ``args.use_gpu`` is set, whatever ``run.py`` printed ("Using
cpu or mps"): ``--no_use_gpu`` is the repository's own switch to the CPU, so no line is
added for the CPU.
Files: ``run.py`` and the folders ``exp/``, ``data_provider/``, ``utils/``, ``layers/`` and
``models/`` (run.py's imports; ``Exp_Basic`` lists the models it can build from the cwd's
``models/``), from ``$ZOO_REPOS/Time-Series-Library`` (default
``~/.cache/exptrack-zoo/repos/Time-Series-Library``, unpacked with ``git archive 4e938a17
run.py exp data_provider utils layers models requirements.txt | tar -x -C ...``), copied into
the cwd in the repository's layout and checked against git's blob id (run.py) and tree ids
(the folders). ``run.py`` runs in-process (``runpy``, as ``__main__``, ``sys.argv`` as the
shell scripts give it, the cwd first on ``sys.path``); it seeds ``random``, numpy and torch
with 2021 itself, so the values repeat on the CPU; only the times vary.
Data: ``--data custom --root_path ./dataset/ETT-small/ --data_path ETTh1.csv``: a CSV in
ETTh1's layout the case writes (``date`` hourly from 2016-07-01 00:00:00, then ``HUFL``,
``HULL``, ``MUFL``, ``MULL``, ``LUFL``, ``LULL``, ``OT``, three decimals: daily and weekly
sines plus noise from numpy's ``default_rng(0)``), 1,500 rows. The scripts' ``--data ETTh1``
(``Dataset_ETT_hour``) cuts the file at the real ETTh1's fixed borders (8,640 / 2,880 /
2,880 rows), about a minute of Informer training here; ``Dataset_Custom`` (the scripts'
``--data custom`` of the weather and electricity sets) splits the same layout 70/10/20:
1,050 training rows (859 windows, 108 batches of 8), 150 validation (55 windows) and 300
test (205 windows). Where the file is missing TSLib would ``load_dataset`` it from the
Hugging Face hub; it is there, so nothing is downloaded.

What it prints: ``Using cpu or mps``, ``Args in experiment:`` and ``print_args``' tables
(section titles in ANSI bold, ``\\033[1mBasic Config\\033[0m``), ``Use CPU``, ``🚀 Lazy
Loading: Informer ...``, ``>>>>>>>start training : long_term_forecast_ETTh1_96_96_Informer_
custom_ftM_sl96_ll48_pl96_dm16_nh2_el2_dl1_df32_expand2_dc4_fc3_ebtimeF_dtTrue_Exp_0>>>>...``,
the split sizes (``train 859``, ``val 55``, ``test 205``), then each epoch::

    \\titers: 100, epoch: 1 | loss: 1.0710242
    \\tspeed: 0.0317s/iter; left time: 7.1431s
    Epoch: 1 cost time: 3.3858325481414795
    Epoch: 1, Steps: 108 | Train Loss: 1.1696443 Vali Loss: 1.0341021 Test Loss: 1.0464202
    Validation loss decreased (inf --> 1.034102).  Saving model ...
    Updating learning rate to 0.0001

(``EarlyStopping counter: 1 out of 3`` in place of the ``Validation loss decreased`` line
when the validation loss does not improve; not in this run, where it falls every epoch),
then ``>>>>>>>testing : <setting><<<<...``,
``test 205``, twice ``test shape: (205, 96, 7) (205, 96, 7)`` and ``mse:0.9878987669944763,
mae:0.8722479343414307, dtw:Not calculated``; the same again for DLinear (``Steps: 108 |
Train Loss: 0.5778773 Vali Loss: 0.2493283 ...``, ``mse:0.0581798292696476, ...``).

Truth: TSLib keeps no per-epoch record (no logger, no history; ``checkpoint.pth`` holds the
weights alone), so the values ``Exp_Long_Term_Forecast.train`` computes are the record: two
lines added to ``exp/exp_long_term_forecasting.py`` (``RECORD_LINES``, no line changed; the
module is run from the cwd's verbatim file with them, ``_verbatim.load_with_lines``), each
right after a print, append what that print formats (``loss.item()`` of the ``iters`` line;
``train_loss``, ``vali_loss``, ``test_loss`` of the epoch line) to a list the case holds;
nothing is parsed from stdout. The test metrics come from TSLib's own result file,
``results/<setting>/metrics.npy`` (``np.array([mae, mse, rmse, mape, mspe])``, float32, as
``test()`` saves it; kept in the fixture's ``files/``, with ``result_long_term_forecast.txt``,
the text file ``test()`` appends the same ``mse:..., mae:..., dtw:...`` line to).
Judgement calls (docs/metrics.md):
- Names as printed, by the naming rule (a phase word before a name prefixes it): ``Train
  Loss`` -> ``train_loss``, ``Vali Loss`` -> ``vali_loss``, ``Test Loss`` -> ``test_loss``
  (they are also the variables the print formats). ``Vali`` is TSLib's word for its
  validation split throughout (``vali()``, ``vali_data``, ``vali_loader``, ``vali_loss``),
  the third phase of the line beside ``Train`` and ``Test``, as Ludwig's ``vali`` rows are
  (docs/metrics.md): a phase word, so ``vali_loss``, not a phrase ``Vali_Loss``. ``loss``
  of the ``iters`` line; ``mse`` and ``mae`` of the test line. TSLib computes ``rmse``,
  ``mape`` and ``mspe`` too but prints none of them: not in the truth.
- Two runs, one output: both models print the same names, so each name is one series in
  print order (Informer's 3 epochs, then DLinear's 3; 6 points each; ``mse``, ``mae`` 2
  points each, one a model), as a user sees them when two ``run.py`` commands share a
  ``track run``; ``notes`` says which model each point is.
- Axis ``epoch`` (the printed ``Epoch: N``, counted from 1) for the epoch losses; ``step``
  for ``loss``, the printed ``iters: 100`` (``i + 1``, counted again each epoch; one print
  an epoch: 108 batches); ``mse``/``mae`` at the last epoch trained, 3 (``test()`` runs
  the checkpoint of the best ``Vali Loss``, ``EarlyStopping``'s ``checkpoint.pth``).
- Tolerances: the losses print ``{:.7f}`` -> 5e-8. ``mse``/``mae`` print ``'{}'.format`` of
  numpy float32 values, which formats them as the Python float of the float32, the same
  double ``float()`` of ``metrics.npy`` gives: exact.
- ``also_ok``: ``speed`` (``s/iter``) and ``left time`` (timing of the ``iters`` line),
  ``cost time`` (the epoch's wall time), ``learning rate`` (``Updating learning rate to
  5e-05``, the ``type1`` schedule halving it each epoch, a setting printed, kept by nothing
  but the optimizer) and ``Validation loss`` of ``Validation loss decreased (1.034102 -->
  0.996723)``: ``EarlyStopping``'s running best (``val_loss_min``), the epoch's ``Vali
  Loss`` again at 6 decimals beside the previous best: no series of its own.
- Not metrics: ``train 859``/``val 55``/``test 205`` (window counts), ``Steps: 108`` (batches
  an epoch), ``EarlyStopping counter: 1 out of 3``, ``test shape: ...``, ``dtw:Not
  calculated`` (``--use_dtw`` is off) and ``print_args``' tables of the run's arguments
  (two padded ``Key:  value`` cells a line, ``  Seq Len:            96                  Label
  Len:          48``; its last, ``  P Hidden Dims:      128, 128            P Hidden Layers:
  2``, is the default ``--p_hidden_dims`` list, a setting like the rest).
"""
# zoo-venv: tslib

import os
import runpy
import shutil
import sys
import types
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, load_with_lines, tree_id

SOURCE_REPO = "thuml/Time-Series-Library"
SOURCE_COMMIT = "4e938a1767106324dd753b2a44832bf870a0252e"
RUN_PY_BLOB = "9fe7530617791f654d3353002fd4013001089f1d"
TREES = {  # git's tree id of each folder at SOURCE_COMMIT
    "exp": "16d3c5391e29db5ff0f6941960af06aec2f45e20",
    "data_provider": "7a3525f36adcd85fa136dc5f6c3b78b477698aed",
    "utils": "9839b0be58a13b8f7a5a53cdee8b1689730af314",
    "layers": "d7ddc69a03f9cff86871f7d0bc161c2190344966",
    "models": "14dfb69309767c6b84152e9b95f15f29cf3603bb",
}
EXP_PATH = "exp/exp_long_term_forecasting.py"
EXP_BLOB = "5c1d282eb6feed27b8ca4034c7268462fe26ebfe"
MODELS = ("Informer", "DLinear")
EPOCHS = 3
ROWS = 1500
COLUMNS = ["HUFL", "HULL", "MUFL", "MULL", "LUFL", "LULL", "OT"]

# the record: lines added to exp/exp_long_term_forecasting.py right after the prints whose
# values they keep (anchor -> the line after it); no line of the stock text changed
RECORD_LINES = {
    '                    print("\\titers: {0}, epoch: {1} | loss: {2:.7f}".format('
    'i + 1, epoch + 1, loss.item()))\n':
        "                    ZOO_RECORD.append((self.args.model, 'iters', epoch + 1, i + 1,"
        " loss.item()))  # zoo: the values just printed\n",
    "                epoch + 1, train_steps, train_loss, vali_loss, test_loss))\n":
        "            ZOO_RECORD.append((self.args.model, 'epoch', epoch + 1, train_steps,"
        " float(train_loss), float(vali_loss), float(test_loss)))"
        "  # zoo: the values just printed\n",
}


def write_csv(path: Path, seed: int = 0) -> None:
    """ETTh1's layout: ``date`` then six loads and the oil temperature ``OT`` (the target
    last), hourly, three decimals; daily and weekly cycles plus noise."""
    rng = np.random.default_rng(seed)
    hours = np.arange(ROWS)
    frame = pd.DataFrame({"date": pd.date_range("2016-07-01 00:00:00", periods=ROWS,
                                                freq="h").strftime("%Y-%m-%d %H:%M:%S")})
    for j, name in enumerate(COLUMNS):
        values = (5 + j + 2 * np.sin(2 * np.pi * hours / 24 + j)
                  + 0.5 * np.sin(2 * np.pi * hours / 168) + 0.3 * rng.standard_normal(ROWS))
        frame[name] = np.round(values, 3)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False)


def argv(model: str) -> list[str]:
    return ["run.py", "--task_name", "long_term_forecast", "--is_training", "1",
            "--root_path", "./dataset/ETT-small/", "--data_path", "ETTh1.csv",
            "--model_id", "ETTh1_96_96", "--model", model, "--data", "custom",
            "--features", "M", "--seq_len", "96", "--label_len", "48", "--pred_len", "96",
            "--e_layers", "2", "--d_layers", "1", "--factor", "3", "--enc_in", "7",
            "--dec_in", "7", "--c_out", "7", "--des", "Exp", "--itr", "1",
            "--d_model", "16", "--d_ff", "32", "--n_heads", "2",
            "--train_epochs", str(EPOCHS), "--batch_size", "8", "--num_workers", "0",
            "--no_use_gpu"]


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos / "Time-Series-Library"
    source = f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]}"
    if not (repo / "run.py").is_file():
        sys.exit(f"needs {source} unpacked under {repo} (see this case's docstring)")
    shutil.copyfile(repo / "run.py", "run.py")
    if git_blob_id(Path("run.py").read_text(encoding="utf-8")) != RUN_PY_BLOB:
        sys.exit(f"{repo}/run.py is not {source}'s")
    for folder, tree in TREES.items():
        shutil.copytree(repo / folder, folder, ignore=shutil.ignore_patterns("__pycache__"))
        if tree_id(Path(folder)) != tree:
            sys.exit(f"{repo}/{folder} is not {source}'s")
    write_csv(Path("dataset/ETT-small/ETTh1.csv"))

    sys.path.insert(0, str(Path.cwd()))  # run.py's `from exp... import`, as in its repo
    import exp  # the cwd's package: its long-term module is run with the record lines

    record: list[tuple] = []
    module = types.ModuleType("exp.exp_long_term_forecasting")
    module.__file__ = str(Path(EXP_PATH).resolve())
    module.__package__ = "exp"
    sys.modules[module.__name__] = module
    exp.exp_long_term_forecasting = module
    load_with_lines(module, Path(EXP_PATH), EXP_BLOB, RECORD_LINES, record, source)

    for model in MODELS:
        sys.argv = argv(model)
        runpy.run_path("run.py", run_name="__main__")

    # --- the truth: the values each print formatted, in print order; the test metrics
    # from each run's results/<setting>/metrics.npy ---
    iters = [row for row in record if row[1] == "iters"]
    epochs = [row for row in record if row[1] == "epoch"]
    assert len(epochs) == EPOCHS * len(MODELS), record
    assert len(iters) == EPOCHS * len(MODELS), record
    metrics = {
        "train_loss": series([(row[2], row[4]) for row in epochs], "epoch", tolerance=5e-8),
        "vali_loss": series([(row[2], row[5]) for row in epochs], "epoch", tolerance=5e-8),
        "test_loss": series([(row[2], row[6]) for row in epochs], "epoch", tolerance=5e-8),
        "loss": series([(row[3], row[4]) for row in iters], "step", tolerance=5e-8),
    }
    files, mse, mae = [], [], []
    for model in MODELS:
        found = sorted(Path("results").glob(f"long_term_forecast_ETTh1_96_96_{model}_*/"
                                            "metrics.npy"))
        assert len(found) == 1, found
        values = np.load(found[0])  # [mae, mse, rmse, mape, mspe]
        mae.append((EPOCHS, float(values[0])))
        mse.append((EPOCHS, float(values[1])))
        files.append(str(found[0]))
    metrics["mse"] = series(mse, "epoch")
    metrics["mae"] = series(mae, "epoch")
    files.append("result_long_term_forecast.txt")
    write_truth(
        "Time-Series-Library", f"{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__})",
        "exp/exp_long_term_forecasting.py's loss.item() at each `iters` print and "
        "train_loss, vali_loss, test_loss at each epoch print (lines the case adds after "
        "them); mse and mae from each run's results/<setting>/metrics.npy",
        metrics, files=files,
        also_ok=["speed", "left_time", "cost_time", "learning_rate", "validation_loss"],
        notes="print order: " + ", ".join(f"{row[0]} epoch {row[2]}" for row in epochs)
              + "; mse/mae: " + ", ".join(MODELS))


if __name__ == "__main__":
    main()
