"""Keras 2 through tf-keras (``TF_USE_LEGACY_KERAS=1`` set before TensorFlow is imported, as
code written for TF 2.15 and older runs today): a small ``tf.keras.Sequential`` classifier,
``model.fit(..., validation_data=..., epochs=4)`` with the default ``verbose`` ("auto": the
``Progbar``, ``Epoch 1/4`` then ``8/8 [====] - 0s 3ms/step - loss: 0.6812 - accuracy: 0.5430
- val_loss: ... - val_accuracy: ...``). Truth: the returned ``History.history``, its own keys
(``loss``, ``accuracy``, ``val_loss``, ``val_accuracy``), one value an epoch, keyed by the
1-based epoch the bar prints. The Progbar prints ``f"{avg:.4f}"`` (``.4e`` under 1e-3), so
the tolerance is 5e-5. The bar's timing (``ETA: 0s``, ``0s 3ms/step``, ``us/step``) is
also_ok."""
# zoo-venv: tf

import os

os.environ["TF_USE_LEGACY_KERAS"] = "1"  # before tensorflow is imported: tf.keras is tf_keras

import numpy as np
import tensorflow as tf
import tf_keras
from _truth import series, write_truth

tf.keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(320, 8)).astype("float32")
y = (x[:, 0] + x[:, 1] > 0).astype("int64")

model = tf.keras.Sequential([
    tf.keras.layers.Dense(16, activation="relu", input_shape=(8,)),
    tf.keras.layers.Dense(2, activation="softmax"),
])
model.compile(optimizer=tf.keras.optimizers.Adam(0.01),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x[:256], y[:256], validation_data=(x[256:], y[256:]), epochs=4,
                    batch_size=32)

metrics = {name: series(enumerate(values, 1), "epoch", tolerance=5e-5)
           for name, values in history.history.items()}
write_truth("tf-keras", tf_keras.__version__, "model.fit(...) History.history", metrics,
            also_ok=["ETA", "ms/step", "s/step", "us/step", "ms/epoch", "s/epoch"])
