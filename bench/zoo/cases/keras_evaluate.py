"""Keras 3 (torch backend): ``fit`` with a validation set, verbose 1, then
``model.evaluate(x_test, y_test)`` as the getting-started guides end: its own bar, printing
``loss`` and ``accuracy`` under the same names as the training's. Truth: ``History`` for the
four epochs; the test values ``evaluate(return_dict=True)`` returned, one each at no epoch,
are the test set's, named ``test_loss`` and ``test_accuracy`` (Keras keys them ``loss`` and
``accuracy``; recorded in the training's series they would make its last value the test
set's)."""

import os

os.environ["KERAS_BACKEND"] = "torch"  # before keras is imported

import keras
import numpy as np
from _truth import series, write_truth

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(384, 8)).astype("float32")
y = (x[:, 0] + x[:, 1] > 0).astype("int64")
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
history = model.fit(x[:256], y[:256], validation_data=(x[256:320], y[256:320]), epochs=4,
                    batch_size=32, verbose=1)
tested = model.evaluate(x[320:], y[320:], batch_size=32, verbose=1, return_dict=True)
metrics = {name: series(enumerate(values, 1), "epoch", tolerance=5e-5)
           for name, values in history.history.items()}
for name, value in tested.items():
    metrics[f"test_{name}"] = {"key": "epoch", "values": [[None, float(value)]],
                               "tolerance": 5e-5}
write_truth("keras", keras.__version__, "model.fit(...) History.history + model.evaluate()",
            metrics, also_ok=["ms/step", "s/step", "us/step"])
