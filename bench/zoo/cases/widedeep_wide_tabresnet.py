"""pytorch-widedeep (1.7.0): the wide-and-deep model of its README, a ``Wide`` linear part
over crossed categorical columns (``WidePreprocessor``) and a ``TabResnet`` deep part
(``TabPreprocessor``, ``cols_to_scale="all"``), on 600 synthetic rows (a pandas DataFrame: two
categorical columns, three continuous, a binary target). ``Trainer(model, objective="binary",
metrics=[Accuracy, Precision, F1Score])`` and ``trainer.fit(X_train={"X_wide": ...,
"X_tab": ..., "target": ...}, X_val={...}, n_epochs=3, batch_size=64)`` with a held-out
fifth as ``X_val``, on the CPU, ``verbose`` left at 1. It prints one tqdm training bar an
epoch and one validation bar after it:
``epoch 1: 100%|██████████| 8/8 [00:00<00:00, 27.54it/s, loss=0.693, metrics={'acc': 0.5604,
'prec': 0.5199, 'f1': 0.6343}]`` and ``valid: 100%|██████████| 2/2 [..., loss=0.696,
metrics={'acc': 0.625, 'prec': 0.5714, 'f1': 0.698}]`` (tqdm formats the loss to 3 significant
digits; the Trainer rounds the metrics to 4 decimals).

Truth: ``trainer.history`` (``train_loss``, ``train_acc``, ``train_prec``, ``train_f1`` and
the ``val_`` ones: one value an epoch, the exact floats), which holds what each bar's last
redraw shows (the running mean loss over the epoch's batches, the epoch's accumulated
metrics). Named as exptrack's rules name the printed values (docs/metrics.md): the training
bar's ``epoch 1`` is the epoch, no phase, so ``loss`` and the keys of ``metrics={...}``
(``acc``, ``prec``, ``f1``); ``valid:`` is a phase label, so ``valid_loss``, ``valid_acc``,
``valid_prec``, ``valid_f1``. Keyed ``epoch``; tolerances to the printed digits (relative
0.005 for the losses, 0.00005 for the metrics). The bars' earlier redraws (running values
part-way through an epoch; ``set_postfix`` redraws the bar every batch) are kept by no record
of the framework's and are not truth: a series that counts them beside the epoch's values is
a miss (as in ``widedeep_tabmlp``). ``it/s`` is the bar's timing. The venv's torchvision and
the one warning silenced: see ``widedeep_tabmlp``.
"""

# zoo-venv: widedeep

import warnings

warnings.filterwarnings("ignore", message="Failed to load image Python extension")

import numpy as np  # noqa: E402
import pytorch_widedeep  # noqa: E402
import torch  # noqa: E402
from _truth import series, write_truth  # noqa: E402
from _widedeep_data import CAT_COLS, CONT_COLS, census  # noqa: E402
from pytorch_widedeep import Trainer  # noqa: E402
from pytorch_widedeep.metrics import Accuracy, F1Score, Precision  # noqa: E402
from pytorch_widedeep.models import TabResnet, Wide, WideDeep  # noqa: E402
from pytorch_widedeep.preprocessing import TabPreprocessor, WidePreprocessor  # noqa: E402

df = census(1, shift=-0.5)
train, valid = df.iloc[:480], df.iloc[480:]

cat_cols, cont_cols = CAT_COLS, CONT_COLS
wide_preprocessor = WidePreprocessor(wide_cols=cat_cols,
                                     crossed_cols=[("workclass", "education")])
tab_preprocessor = TabPreprocessor(cat_embed_cols=cat_cols, continuous_cols=cont_cols,
                                   cols_to_scale="all")
X_wide, X_tab = wide_preprocessor.fit_transform(train), tab_preprocessor.fit_transform(train)
X_wide_val, X_tab_val = wide_preprocessor.transform(valid), tab_preprocessor.transform(valid)

torch.manual_seed(0)
wide = Wide(input_dim=np.unique(X_wide).shape[0], pred_dim=1)
tab_resnet = TabResnet(column_idx=tab_preprocessor.column_idx,
                       cat_embed_input=tab_preprocessor.cat_embed_input,
                       continuous_cols=cont_cols, blocks_dims=[32, 16])
model = WideDeep(wide=wide, deeptabular=tab_resnet)
trainer = Trainer(model, objective="binary", metrics=[Accuracy, Precision, F1Score], seed=1)
trainer.fit(X_train={"X_wide": X_wide, "X_tab": X_tab, "target": train["income_50k"].to_numpy()},
            X_val={"X_wide": X_wide_val, "X_tab": X_tab_val,
                   "target": valid["income_50k"].to_numpy()},
            n_epochs=3, batch_size=64)

history = trainer.history
metrics = {}
for name in ("loss", "acc", "prec", "f1"):
    for stage, prefix in (("train", ""), ("val", "valid_")):
        tolerance = {"rel_tolerance": 0.005} if name == "loss" else {"tolerance": 0.00005}
        metrics[prefix + name] = series(enumerate(history[f"{stage}_{name}"], start=1), "epoch",
                                        **tolerance)
write_truth("pytorch-widedeep", pytorch_widedeep.__version__,
            "trainer.history (train_/val_ loss, acc, prec, f1)", metrics)
