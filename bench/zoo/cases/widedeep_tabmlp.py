"""pytorch-widedeep (1.7.0): a tabular binary classifier as its quick start builds one. A
pandas DataFrame of 600 synthetic rows (two categorical columns, three continuous, a binary
target), ``TabPreprocessor`` (categorical embeddings; ``cols_to_scale="all"`` standardises
the continuous columns), ``TabMlp`` as the ``deeptabular`` part of ``WideDeep``,
``Trainer(model, objective="binary", metrics=[Accuracy])`` and ``trainer.fit(X_tab=...,
target=..., n_epochs=3, batch_size=64, val_split=0.2)`` on the CPU, ``verbose`` left at 1.
It prints, with tqdm, one training bar an epoch and one validation bar after it:
``epoch 1: 100%|██████████| 8/8 [00:00<00:00, 38.01it/s, loss=0.68, metrics={'acc': 0.5958}]``
and ``valid: 100%|██████████| 2/2 [00:00<00:00, 30.91it/s, loss=0.674, metrics={'acc': 0.625}]``
(tqdm formats the loss to 3 significant digits; the Trainer rounds the metrics to 4 decimals).

Truth: ``trainer.history`` (``train_loss``, ``train_acc``, ``val_loss``, ``val_acc``: one
value an epoch, the exact floats), which holds what the epoch's last redraw of each bar shows:
the loss is the running mean over the epoch's batches and the metric the epoch's accumulated
accuracy. Named as exptrack's rules name the printed values (docs/metrics.md): the training
bar's ``epoch 1`` label is the epoch, no phase, so its postfix gives ``loss`` and the keys of
``metrics={...}`` give ``acc``; ``valid:`` before the bar is a phase label (``phases._PHASE``),
so the validation bar gives ``valid_loss`` and ``valid_acc``. Keyed ``epoch``; tolerances to
the printed digits (relative 0.005 for the losses, tqdm's 3 significant digits; 0.00005
for the metrics). The bars' earlier redraws (a running loss and accuracy part-way through an
epoch: ``set_postfix`` redraws the bar at every batch, under a pipe and a terminal alike, so
each bar shows a frame a batch) are kept by no record of the framework's and are no metric
of their own: the decision is that they are not truth (the zoo's truth is what the framework
records, and the history is pytorch-widedeep's only record), so a series that counts them
beside the epoch's values is judged a miss. ``it/s`` is the bar's timing.

Environment: PyPI has torchvision only as CUDA builds, whose ``_C`` extension cannot load
beside the CPU torch 2.13.0 on disk, and torchvision 0.17 and later then fail at import
(``operator torchvision::nms does not exist``); pytorch-widedeep imports torchvision at the
top (its image components, unused here), so the venv carries torchvision 0.16.2 without its
deps (see requirements-widedeep.txt), and the case silences only the one warning that
torchvision prints about its image extension failing to load, which a matching install does
not print.
"""

# zoo-venv: widedeep

import warnings

warnings.filterwarnings("ignore", message="Failed to load image Python extension")

import pytorch_widedeep  # noqa: E402
import torch  # noqa: E402
from _truth import series, write_truth  # noqa: E402
from _widedeep_data import CAT_COLS, CONT_COLS, census  # noqa: E402
from pytorch_widedeep import Trainer  # noqa: E402
from pytorch_widedeep.metrics import Accuracy  # noqa: E402
from pytorch_widedeep.models import TabMlp, WideDeep  # noqa: E402
from pytorch_widedeep.preprocessing import TabPreprocessor  # noqa: E402

df = census(0)

cat_cols, cont_cols = CAT_COLS, CONT_COLS
tab_preprocessor = TabPreprocessor(cat_embed_cols=cat_cols, continuous_cols=cont_cols,
                                   cols_to_scale="all")
X_tab = tab_preprocessor.fit_transform(df)
target = df["income_50k"].to_numpy()

torch.manual_seed(0)  # the model's initial weights (the Trainer's seed=1 is for its split)
tab_mlp = TabMlp(column_idx=tab_preprocessor.column_idx,
                 cat_embed_input=tab_preprocessor.cat_embed_input,
                 continuous_cols=cont_cols, mlp_hidden_dims=[32, 16])
model = WideDeep(deeptabular=tab_mlp)
trainer = Trainer(model, objective="binary", metrics=[Accuracy], seed=1)
trainer.fit(X_tab=X_tab, target=target, n_epochs=3, batch_size=64, val_split=0.2)

history = trainer.history


def epochs(name):
    return list(enumerate(history[name], start=1))


metrics = {"loss": series(epochs("train_loss"), "epoch", rel_tolerance=0.005),
           "acc": series(epochs("train_acc"), "epoch", tolerance=0.00005),
           "valid_loss": series(epochs("val_loss"), "epoch", rel_tolerance=0.005),
           "valid_acc": series(epochs("val_acc"), "epoch", tolerance=0.00005)}
write_truth("pytorch-widedeep", pytorch_widedeep.__version__,
            "trainer.history (train_loss, train_acc, val_loss, val_acc)", metrics)
