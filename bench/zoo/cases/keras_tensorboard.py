"""Keras 3 on the TensorFlow backend (``import keras``, the default backend) as Keras'
TensorBoard guide shows it: ``model.fit(x, y, validation_data=..., epochs=4,
callbacks=[keras.callbacks.TensorBoard(log_dir="logs")])`` with the default ``verbose``
("auto": the progress bar, one line per epoch under a pipe) and the callback's defaults
(``update_freq="epoch"``, ``write_graph=True``, no histograms). A small MLP on synthetic
binary data, ``metrics=["accuracy"]``, batch size 32 (8 steps an epoch).

Truth, two records the framework keeps itself:
- printed series (``metrics``): the returned ``History.history`` (``loss``, ``accuracy``,
  ``val_loss``, ``val_accuracy``), key ``epoch`` 1-based as the bar's ``Epoch i/4`` prints
  it; Keras' progress bar prints 4 decimals (``%.4f``, ``%.4e`` under 1e-3), tolerance 5e-5.
- the callback's event files (``files``, ``file_metrics``): ``logs/train/events.out.tfevents.*``
  and ``logs/validation/events.out.tfevents.*``, read back with TensorFlow's record reader
  (``_records.tb_folder``). The callback writes, in the ``train`` run, ``epoch_loss``,
  ``epoch_accuracy`` and ``epoch_learning_rate`` (the optimizer's rate, added by the
  callback, never printed nor in History) at ``step=epoch`` (0-based); in the
  ``validation`` run, ``epoch_loss`` and ``epoch_accuracy`` (the ``val_`` logs with the
  prefix dropped) at ``step=epoch``, and after each validation pass
  ``evaluation_loss_vs_iterations`` / ``evaluation_accuracy_vs_iterations`` at
  ``step=optimizer.iterations`` (8, 16, 24, 32). No ``batch_*`` scalars
  (``update_freq="epoch"``); the graph and the model config are not scalars.
  Judged: names. TensorBoard shows a series as run + tag; the two runs share their tags, so
  the tag alone cannot name them apart. As in the zoo's ``tf_custom_loop`` case (and the
  phase-folder rule of docs/format.md), the ``train`` run's tags keep their own names
  (``epoch_loss``) and the ``validation`` run's take the run's name as a prefix
  (``validation_epoch_loss``, ``validation_evaluation_loss_vs_iterations``); a
  ``<run>/<tag>`` spelling (``validation/epoch_loss``) was the alternative.
  Keys: the ``epoch_*`` tags ``epoch`` (the summary's step + 1, as printed), the
  ``evaluation_*_vs_iterations`` tags ``step`` (optimizer iterations, as written).
  Values are float32 in the file: rel_tolerance 1e-6.
TensorFlow's own start-up log lines (cuda, cpu_feature_guard) are printed as a user sees them.
"""
# zoo-venv: tf

import os

import keras
import numpy as np
import tensorflow as tf
from _records import tb_folder
from _truth import series, write_truth

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(320, 8)).astype("float32")
y = (x[:, 0] + x[:, 1] > 0).astype("int64")
x_train, y_train, x_val, y_val = x[:256], y[:256], x[256:], y[256:]

model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
tensorboard_callback = keras.callbacks.TensorBoard(log_dir="logs")
history = model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=4,
                    callbacks=[tensorboard_callback])

metrics = {name: series(zip((e + 1 for e in history.epoch), values, strict=True), "epoch",
                        tolerance=5e-5)
           for name, values in history.history.items()}

files = []
file_metrics = {}
for run, prefix in (("train", ""), ("validation", "validation_")):
    paths, found = tb_folder(os.path.join("logs", run))
    files += paths
    for tag, pairs in sorted(found.items()):
        if tag.startswith("epoch_"):
            file_metrics[prefix + tag] = series(((s + 1, v) for s, v in pairs), "epoch",
                                                rel_tolerance=1e-6)
        else:
            file_metrics[prefix + tag] = series(pairs, "step", rel_tolerance=1e-6)

write_truth("keras", keras.__version__,
            "model.fit(...) History.history; file_metrics: the TensorBoard callback's event "
            "files logs/train and logs/validation (the validation run's tags prefixed "
            "validation_)", metrics, files=files, file_metrics=file_metrics,
            also_ok=["ms/step", "s/step", "us/step"],
            notes=f"backend {keras.backend.backend()}, tensorflow {tf.__version__}")
