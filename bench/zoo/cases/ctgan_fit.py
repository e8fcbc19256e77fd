r"""CTGAN 0.12.1 (sdv-dev/CTGAN, the standalone ``ctgan`` package; the CPU build of torch
2.13.0): a ``CTGANSynthesizer`` (``ctgan.CTGAN``, the same class) fitted as its README's
"Usage Example" fits one, ``ctgan = CTGAN(epochs=10)``, ``ctgan.fit(real_data,
discrete_columns)``, ``synthetic_data = ctgan.sample(1000)``, with ``verbose=True`` (the
constructor's documented switch for its progress output) and ``ctgan.set_random_state(0)``
(the synthesizer's own seeding method) before ``fit``. The README's Adult census table
(``load_demo()``, a download) is replaced by a small table of its shape drawn here with a
fixed seed: 500 rows, three continuous columns (``age``, ``hours-per-week``,
``capital-gain``) and three discrete ones (``workclass``, ``sex``, ``income``, passed as
``discrete_columns``). Everything else is CTGAN's default (batch 500, so one generator step
an epoch; ``pac=10``; 256x256 generator and discriminator; ``enable_gpu`` finds no GPU).

Printed: only the tqdm bar over epochs (stderr, one line of ``\r`` frames), whose description
``fit`` sets to ``'Gen. ({gen}) | Discrim. ({dis})'`` with ``_format_score`` (clipped to
+-99.99, ``f'{sign}{abs(score):05.2f}'``): first ``Gen. (+00.00) | Discrim. (+00.00):   0%|
| 0/10 [00:00<?, ?it/s]`` (the placeholder of ``_format_score(0)``, set before any epoch),
then after each epoch the epoch's last generator and discriminator losses::

    Gen. (+00.91) | Discrim. (+00.02):   0%|          | 0/10 [00:00<?, ?it/s]
    Gen. (+00.91) | Discrim. (+00.02):  10%|█         | 1/10 [00:00<00:01,  6.39it/s]
    Gen. (+00.99) | Discrim. (-00.01):  10%|█         | 1/10 [00:00<00:01,  6.39it/s]
    ...
    Gen. (+00.86) | Discrim. (-00.03): 100%|██████████| 10/10 [00:01<00:00,  7.92it/s]

``set_description`` refreshes the bar at once, so every epoch's values are drawn, first with
the count of epochs finished before it (``0/10`` for epoch 0); the count's own redraws (at
tqdm's ``mininterval`` pace, so which ones appear varies run to run) repeat them. Nothing
else is printed: ``sample`` prints nothing.

Truth: the synthesizer's own record, ``ctgan.loss_values``, the DataFrame ``fit`` builds one
row an epoch (``Epoch``, ``Generator Loss``, ``Discriminator Loss``: ``loss_g`` and ``loss_d``
of the epoch's last step, ``.item()`` of float32 tensors); it writes no file. Judgement calls:
- Names: the record's columns are ``Generator Loss`` and ``Discriminator Loss``, the bar
  prints ``Gen.`` and ``Discrim.``: they differ, so the series are named as docs/metrics.md's
  rule for a key written short with a trailing dot gives the printed words. That rule reads
  such a key as the word it starts only where the word is a known key (Marian's ``Ep.``,
  ``Up.``, ``Sen.``: epoch, step, a count of sentences) and otherwise keeps it as printed,
  dot included (``L.r. 2.5e-06`` -> ``L.r.``); ``Gen.`` and ``Discrim.`` stand before their
  value as ``L.r.`` does (no colon, so the ``Acc.:`` rule, whose dot before a colon is no
  part of the name, does not apply), hence ``Gen.`` and ``Discrim.``. The value's
  parentheses are its brackets, not a unit or a label. (Where this reading is judged wrong,
  the alternative is the record's ``Generator_Loss``/``Discriminator_Loss``, which no line
  prints.)
- Key ``epoch``: the record's ``Epoch`` column, 0-based (``range(epochs)``); the bar prints
  no epoch, only its count of finished epochs (``1/10``), which is no step.
- The placeholder ``(+00.00)`` of the first frame is no loss (``_format_score(0)`` before
  training): not in the truth, which has 10 points per series.
- Tolerance 5e-3: ``{:05.2f}``, half the last printed digit (no value here nears the +-99.99
  clip).
- ``also_ok``: ``it/s`` (and ``s/it``), tqdm's rate. ``10/10`` is the count of epochs.
- Determinism: ``set_random_state(0)`` seeds numpy and torch for ``fit`` (rdt's
  ``ClusterBasedNormalizer`` seeds its ``BayesianGaussianMixture`` itself) and
  ``OMP_NUM_THREADS=1``: two runs give the same losses; the bar's rates and which count
  redraws appear differ.
"""
# zoo-venv: ctgan

import ctgan as ctgan_package
import numpy as np
import pandas as pd
import torch
from _truth import series, write_truth
from ctgan import CTGAN

# a small table shaped like the README's Adult census demo, drawn with a fixed seed
rng = np.random.default_rng(0)
n = 500
workclass = rng.choice(["Private", "Self-emp", "Gov", "Unemployed"], size=n,
                       p=[0.6, 0.15, 0.15, 0.1])
sex = rng.choice(["Male", "Female"], size=n)
age = np.clip(rng.normal(40, 12, size=n), 17, 90).round()
hours = np.clip(rng.normal(40, 10, size=n) + (workclass == "Self-emp") * 8, 1, 99).round()
capital = rng.lognormal(7, 1.2, size=n).round(2)
score = 0.03 * age + 0.04 * hours + 0.5 * (sex == "Male") + rng.normal(0, 1, size=n)
income = np.where(score > 3.7, ">50K", "<=50K")
real_data = pd.DataFrame({"age": age, "workclass": workclass, "hours-per-week": hours,
                          "capital-gain": capital, "sex": sex, "income": income})

# Names of the columns that are discrete
discrete_columns = ["workclass", "sex", "income"]

ctgan = CTGAN(epochs=10, verbose=True)
ctgan.set_random_state(0)
ctgan.fit(real_data, discrete_columns)

# Create synthetic data
synthetic_data = ctgan.sample(1000)

record = ctgan.loss_values
assert list(record.columns) == ["Epoch", "Generator Loss", "Discriminator Loss"], record.columns
assert list(record["Epoch"]) == list(range(10)), record["Epoch"]
assert record[["Generator Loss", "Discriminator Loss"]].abs().max().max() < 99.99
epochs = [int(epoch) for epoch in record["Epoch"]]
metrics = {
    "Gen.": series(zip(epochs, record["Generator Loss"], strict=True), "epoch",
                   tolerance=5e-3),
    "Discrim.": series(zip(epochs, record["Discriminator Loss"], strict=True), "epoch",
                       tolerance=5e-3),
}
write_truth("ctgan", f"{ctgan_package.__version__} (torch {torch.__version__})",
            "ctgan.loss_values (the DataFrame fit builds: Epoch, Generator Loss -> Gen., "
            "Discriminator Loss -> Discrim.)", metrics, also_ok=["it/s", "s/it"],
            notes=f"synthetic_data {synthetic_data.shape}; the bar's first frame shows the "
                  "placeholder (+00.00) before any epoch")
