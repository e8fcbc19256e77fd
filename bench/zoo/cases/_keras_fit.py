"""Shared by keras_v1 and keras_v2: Keras 3 ``fit`` on the torch backend with a validation
set and ``metrics=["accuracy"]``; truth from the returned ``History``."""

import os

os.environ["KERAS_BACKEND"] = "torch"  # before keras is imported

import keras
import numpy as np
from _truth import series, write_truth


def fit_and_write_truth(verbose: int, csv_log: str | None = None) -> None:
    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(320, 8)).astype("float32")
    y = (x[:, 0] + x[:, 1] > 0).astype("int64")
    model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                              keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    callbacks = [keras.callbacks.CSVLogger(csv_log)] if csv_log else []
    history = model.fit(x[:256], y[:256], validation_data=(x[256:], y[256:]), epochs=4,
                        batch_size=32, verbose=verbose, callbacks=callbacks)
    # Keras prints 4 decimals ("loss: 0.6812") and, for values under 1e-3, "%.4e"
    metrics = {name: series(enumerate(values, 1), "epoch", tolerance=5e-5)
               for name, values in history.history.items()}
    write_truth("keras", keras.__version__,
                "model.fit(...) History.history" + (f" (and CSVLogger {csv_log})"
                                                    if csv_log else ""),
                metrics, files=[csv_log] if csv_log else [],
                also_ok=["ms/step", "s/step", "us/step"])
