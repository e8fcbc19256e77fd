"""KerasTuner ``RandomSearch`` (Keras 3 on the torch backend) of 4 trials over a small MLP's
width and learning rate, ``objective="val_accuracy"``, each trial a 2-epoch ``fit`` with a
validation set, everything at its default verbosity: the search prints a hyperparameter table
per trial (``Search: Running Trial #2`` / ``Value |Best Value So Far |Hyperparameter``),
Keras' default ``fit`` progress bar per epoch (``8/8 ━━━━ 0s 9ms/step - accuracy: 0.7 -
loss: 0.6 - val_accuracy: 0.8 - val_loss: 0.5``) and a trial summary (``Trial 2 Complete
[00h 00m 01s]`` / ``val_accuracy: 0.84375`` / ``Best val_accuracy So Far: 0.875`` /
``Total elapsed time: 00h 00m 02s``). A ``keras.callbacks.LambdaCallback`` passed to
``search`` (it prints and writes nothing) keeps every trial's epoch logs: the dict Keras hands
its callbacks at each epoch end, the one its ``History`` appends (the tuner keeps no
``History``; ``search`` deep-copies callbacks per trial, the function is shared).

Truth: the oracle keeps, per trial, the metrics of the trial's best epoch only
(``tuner.oracle.trials[id].metrics`` at ``best_step``, and ``trial.score``), so the per-epoch
values the bars print come from those epoch logs; each trial's best-epoch logs are checked
equal to the oracle's record, and the oracle's trials (id, score, best_step,
hyperparameters) and ``get_best_hyperparameters()`` go in ``notes``. The oracle's own files
``kt/search/trial_*/trial.json`` (best-step metrics and score per trial, written by default)
are listed in ``files``. A CSVLogger was not used: it is no default, and its file (a first
version of this case had one) was what got scored instead of the printed lines.

Judged: ``loss``, ``accuracy``, ``val_loss``, ``val_accuracy`` are keyed by ``epoch``
(1-based as the bar's ``Epoch 1/2`` prints it), 4 trials x 2 epochs in trial order, so the
epoch restarts at 1 with each trial. The trial summary's ``val_accuracy: <score>`` is the
oracle's ``trial.score``, which is that trial's best epoch ``val_accuracy`` (the same record,
printed again under the same name), and ``Best val_accuracy So Far`` repeats an earlier
score: neither is a new value. Hyperparameter values (``units``, ``learning_rate`` in the
table) are inputs, not metrics; ``Total elapsed time`` and ``[00h 00m 01s]`` are timing.
Keras prints 4 decimals (``%.4f``, ``%.4e`` under 1e-3); the bar under a pty shows running
means mid-epoch, only the final frame of an epoch is the record. The trial score is printed
with ``str(float)``.
"""

import glob
import os

os.environ["KERAS_BACKEND"] = "torch"  # before keras is imported

import keras
import keras_tuner
import numpy as np
from _truth import series, write_truth

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(320, 8)).astype("float32")
y = (x[:, 0] + x[:, 1] > 0).astype("int64")


def build_model(hp: keras_tuner.HyperParameters) -> keras.Model:
    model = keras.Sequential([
        keras.Input((8,)),
        keras.layers.Dense(hp.Int("units", min_value=8, max_value=32, step=8), activation="relu"),
        keras.layers.Dense(2, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(hp.Float("learning_rate", 1e-3, 1e-1,
                                                           sampling="log")),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


tuner = keras_tuner.RandomSearch(build_model, objective="val_accuracy", max_trials=4, seed=0,
                                 directory="kt", project_name="search")
rows: list[dict] = []  # one dict per epoch, every trial in order: 0-based epoch + logs
tuner.search(x[:256], y[:256], validation_data=(x[256:], y[256:]), epochs=2, batch_size=32,
             callbacks=[keras.callbacks.LambdaCallback(
                 on_epoch_end=lambda epoch, logs: rows.append({"epoch": epoch, **logs}))])

trials = [tuner.oracle.trials[trial_id] for trial_id in sorted(tuner.oracle.trials)]
epochs = 2
assert len(rows) == epochs * len(trials), (len(rows), len(trials))
names = ("accuracy", "loss", "val_accuracy", "val_loss")
notes = []
for index, trial in enumerate(trials):
    best = rows[index * epochs + trial.best_step]
    for name in names:  # the oracle's record is the best epoch's row of the file
        assert abs(float(best[name]) - trial.metrics.get_last_value(name)) < 1e-6, (name, best)
    assert abs(float(best["val_accuracy"]) - trial.score) < 1e-6
    notes.append(f"trial {trial.trial_id}: score {trial.score} at best_step {trial.best_step}, "
                 f"hyperparameters {trial.hyperparameters.values}")
best_hp = tuner.get_best_hyperparameters()[0].values
notes.append(f"get_best_hyperparameters: {best_hp}")

metrics = {name: series([(int(row["epoch"]) + 1, row[name]) for row in rows], "epoch",
                        tolerance=5e-5) for name in names}
files = sorted(glob.glob("kt/search/trial_*/trial.json"))
write_truth("keras-tuner", keras_tuner.__version__,
            "tuner.oracle.trials (metrics at best_step, score) and every epoch's logs "
            "(what History keeps) from a LambdaCallback", metrics, files=files,
            also_ok=["ms/step", "s/step", "us/step"], notes="; ".join(notes))
