"""Keras 3 ``fit(verbose=2)`` on the torch backend (the keras_v2 setup: a small MLP on
synthetic data, ``metrics=["accuracy"]``, a validation set) for up to 8 epochs with the three
callbacks a tutorial shows first, each with ``verbose=1`` so it prints its own lines between
the epoch lines: ``EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)``
(``Epoch 6: early stopping``, ``Restoring model weights from the end of the best epoch: 4.``),
``ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1)`` (``Epoch 5:
ReduceLROnPlateau reducing learning rate to 0.004999999888241291.``) and
``ModelCheckpoint("best.keras", save_best_only=True)`` (``Epoch 1: val_loss improved from
None to 0.54321, saving model to best.keras`` / ``Epoch 3: val_loss did not improve from
0.41234``). Truth: the returned ``History``.

Judged: the metrics are what ``History.history`` keeps, by epoch (1-based, as printed). That
includes ``learning_rate``: ReduceLROnPlateau writes it into the epoch logs, so the epoch line
prints it (``learning_rate: 0.0100``) and History records it. The callbacks' own numbers are
not new records: "improved from A to B" / "did not improve from A" repeat ``val_loss`` (B is
this epoch's val_loss, A the best so far), "reducing learning rate to X" announces the next
epoch's ``learning_rate``, and the epoch numbers in "early stopping" / "best epoch" are
indexes. Keras prints 4 decimals (``%.4f``, ``%.4e`` under 1e-3), hence the tolerance.
"""

import os

os.environ["KERAS_BACKEND"] = "torch"  # before keras is imported

import keras
import numpy as np
from _truth import series, write_truth

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(320, 8)).astype("float32")
y = (x[:, 0] + x[:, 1] > 0).astype("int64")
y[rng.random(320) < 0.2] ^= 1  # 20% label noise: val_loss plateaus within 8 epochs
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer=keras.optimizers.Adam(0.05),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, verbose=1,
                                  restore_best_weights=True),
    keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1, verbose=1),
    keras.callbacks.ModelCheckpoint("best.keras", save_best_only=True, verbose=1),
]
history = model.fit(x[:256], y[:256], validation_data=(x[256:], y[256:]), epochs=8,
                    batch_size=32, verbose=2, callbacks=callbacks)

metrics = {name: series(zip((e + 1 for e in history.epoch), values, strict=True), "epoch",
                        tolerance=5e-5)
           for name, values in history.history.items()}
write_truth("keras", keras.__version__, "model.fit(...) History.history", metrics,
            also_ok=["ms/step", "s/step", "us/step"])
