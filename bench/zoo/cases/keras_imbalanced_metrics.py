"""Keras 3 ``fit(verbose=2)`` with the metrics of TensorFlow's tutorial "Classification on
imbalanced data" (the credit-card fraud one): ``cross entropy``, ``Brier score``, ``tp``,
``fp``, ``tn``, ``fn``, ``accuracy``, ``precision``, ``recall``, ``auc`` and ``prc`` (the
PR curve's AUC), on a synthetic set of 2% positives with class weights, on the torch
backend. Keras prints each epoch's line (``- loss: 0.6812 - tp: 3.0000 - fp: 71.0000 ...
- val_tp: 1.0000``): the confusion counts are compiled metrics, kept in ``History`` as
every other key (a bare ``tp`` elsewhere is a tensor-parallel degree, a setting).

Truth: ``History.history``, to the four decimals Keras prints; a key's spaces are
underscores in its name, as in every name the parser gives printed words (``Brier
score`` -> ``Brier_score``, docs/metrics.md).
"""

import os

os.environ["KERAS_BACKEND"] = "torch"  # before keras is imported

import keras
import numpy as np
from _truth import series, write_truth

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(2000, 6)).astype("float32")
y = ((x[:, 0] + 0.5 * x[:, 1] + rng.normal(0, 0.3, 2000)) > 2.2).astype("float32")[:, None]
METRICS = [keras.metrics.BinaryCrossentropy(name="cross entropy"),
           keras.metrics.MeanSquaredError(name="Brier score"),
           keras.metrics.TruePositives(name="tp"), keras.metrics.FalsePositives(name="fp"),
           keras.metrics.TrueNegatives(name="tn"), keras.metrics.FalseNegatives(name="fn"),
           keras.metrics.BinaryAccuracy(name="accuracy"),
           keras.metrics.Precision(name="precision"), keras.metrics.Recall(name="recall"),
           keras.metrics.AUC(name="auc"), keras.metrics.AUC(name="prc", curve="PR")]
model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dropout(0.5), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.BinaryCrossentropy(),
              metrics=METRICS)
positives = float(y[:1600].mean())
history = model.fit(x[:1600], y[:1600], validation_data=(x[1600:], y[1600:]), epochs=5,
                    batch_size=256, verbose=2,
                    class_weight={0: 0.5 / (1 - positives), 1: 0.5 / positives})
metrics = {name.replace(" ", "_"): series(enumerate(values, 1), "epoch", tolerance=5e-5)
           for name, values in history.history.items()}
write_truth("keras", keras.__version__, "model.fit(...) History.history (the imbalanced-data "
            "tutorial's metrics)", metrics, also_ok=["ms/step", "s/step", "us/step"])
