"""TensorFlow Model Garden's Orbit (the ``orbit`` package that ``tf-models-official`` 2.15.0
ships, on TensorFlow 2.15.1's CPU wheel): ``orbit.Controller.train_and_evaluate`` driving an
``orbit.StandardTrainer`` and an ``orbit.StandardEvaluator``, built as the official tutorial
"Training with Orbit" (tensorflow.org/tfmodels/orbit, ``docs/orbit/index.ipynb``) builds
them: ``import tensorflow_models as tfm`` and ``import orbit``; the strategy picked from the
logical devices (``OneDeviceStrategy`` on the CPU); ``orbit.utils.make_distributed_dataset``
over a ``_dataset_fn``; the model and the tutorial's ``optimization.create_optimizer(...,
optimizer_type='adamw')`` (linear warm-up and decay to 0) made in ``strategy.scope()``; a
``tf.train.CheckpointManager`` (``step_counter=optimizer.iterations``,
``checkpoint_interval`` one "epoch"); the tutorial's ``loss_fn``; a trainer with one
``tf.keras.metrics.Mean('training_loss')`` reset in ``train_loop_begin``, updated in
``train_step`` (``strategy.run(step_fn, args=(next(iterator),))``) and returned by
``train_loop_end`` as ``{self.train_loss.name: self.train_loss.result()}``; an evaluator with
``Mean('evaluation_loss')`` and ``SparseCategoricalAccuracy(name='accuracy')`` returned by
``eval_end``; ``Controller(trainer=..., evaluator=..., global_step=trainer.global_step,
steps_per_loop=..., checkpoint_manager=...)`` and ``train_and_evaluate(train_steps=...,
eval_steps=-1, eval_interval=steps_per_epoch)``, the tutorial's call. What differs from the
tutorial: the data and the model (the tutorial fine-tunes BERT on GLUE/MRPC records read from
``gs://`` and a checkpoint it downloads: here a two-class synthetic set, 512 training and 128
evaluation rows of 16 Gaussian features, seeded, as a dict with ``label_ids`` as the
tutorial's records, and a small Keras functional MLP 16 -> 32 (relu) -> 2 logits;
``train_batch_size=32``, ``eval_batch_size=64``, ``num_train_epochs=3``, ``steps_per_epoch =
int(512 / 32) = 16``, ``learning_rate=1e-2``, warm-up 10%); ``steps_per_loop=4`` (the tutorial's
20 is longer than this run's epoch); the evaluation step calls the model with
``training=False`` (the tutorial's ``training=True`` is a slip; the MLP has no dropout, so
the values are the same); no ``init_fn`` (nothing to restore); and ``summary_dir`` /
``eval_summary_dir`` set, as Orbit's own controller tests set them
(``model/summaries/train`` and ``model/summaries/eval``), so the Controller writes its
outputs to TensorBoard (the tutorial passes neither, and writes none). The case prints
nothing of its own (the tutorial's ``print`` of its batch sizes and its temp dir are setup
echoes; the notebook shows ``train_and_evaluate``'s return as a cell's value, which a script
does not print). Nothing downloaded; about 10 seconds on one core after a 15-20 second
import of ``tensorflow_models``.

What it prints: TensorFlow's start-up lines on stderr (oneDNN, the cuda stubs' "Could not
find cuda drivers", the cuDNN/cuFFT/cuBLAS "Unable to register" errors, cpu_feature_guard),
google.api_core's FutureWarning about Python 3.11 and ``TF-TRT Warning: Could not find
TensorRT`` (importing ``tensorflow_models``), then Orbit's controller lines on stdout: its
``_log`` does ``logging.info(message)`` and ``print(message)``; absl is not configured by the
tutorial (no ``app.run``, no ``set_verbosity``), so its INFO records are dropped and a user
sees each line once, from ``print``. One more TensorFlow line on stderr comes with the first
training loop: ``W tensorflow/core/framework/dataset.cc:959] Input of
GeneratorDatasetOp::Dataset will not be optimized because the dataset does not implement the
AsGraphDefInternal() method needed to apply optimizations.`` (the distributed dataset's
generator)::

    restoring or initializing model...
    train | step:      0 | training until step 16...
    train | step:      4 | steps/sec:    3.4 | output: {'training_loss': 0.7698616}
    saved checkpoint to model/ckpt-4.
    train | step:      8 | steps/sec:   24.4 | output: {'training_loss': 0.5872649}
    ...
    train | step:     16 | steps/sec:  336.8 | output: {'training_loss': 0.41429365}
     eval | step:     16 | running complete evaluation...
     eval | step:     16 | eval time:    0.3 sec | output: {'accuracy': 0.8359375, <same line>
    'evaluation_loss': 0.42085013}
    train | step:     16 | training until step 32...
    ...
    saved checkpoint to model/ckpt-48.

(``train | step: N | steps/sec: %6.1f | output: <pprint of the dict>`` every
``steps_per_loop`` steps, 12 lines for 48 steps; `` eval | step: N | eval time: %6.1f sec |
output: {...}`` after each 16 steps, 3 evaluations; the dict's values are numpy float32
scalars, printed as their repr; the CheckpointManager saves at steps 4 (its first save), 20,
36 and, at the end, 48.)

Truth: the TensorBoard event files the Controller's ``SummaryManager``s write (``files``),
read with ``_records.tb_folder``: ``model/summaries/train/`` holds what ``_train_n_steps``
writes after each inner loop, the trainer's output dict plus ``steps_per_second``, at the
global step the line prints; ``model/summaries/eval/`` holds each evaluation's dict at its
global step. ``train_and_evaluate``'s return (the last evaluation's dict) is asserted equal
to the eval file's last values. Judgement calls:
- names: the output dicts' keys, as the line prints them and Orbit tags them:
  ``training_loss`` (12 values, steps 4..48), ``evaluation_loss`` (3 values, steps 16,
  32, 48), which says its phase itself, and the evaluator's ``accuracy`` as
  ``eval_accuracy``: the `` eval |`` label names the Controller's mode, the run folder
  ``eval/`` (TensorBoard's run) the phase, as ``tf_estimator_dnn`` names its eval run's
  tags (the curator's call, session 102: the helper's first truth kept ``accuracy``).
- key: ``step``, the global step (``optimizer.iterations``) the line prints and the
  summaries are written at.
- tolerance: float32 in the files and float32's repr on the line: rel_tolerance 1e-6.
- ``steps/sec: %6.1f`` on the train lines is the train run's ``steps_per_second`` tag
  (``train_output["steps_per_second"]`` is set after the line is printed and written with
  the rest): a throughput, printed under another name than the record's, so ``steps/sec``
  goes in ``also_ok`` and the record's ``steps_per_second`` (12 values) in
  ``file_metrics``. ``eval time: %6.1f sec`` is a timing that nothing records
  (``also_ok``: ``eval_time``, as the collectors name it). With ``eval_steps=-1`` Orbit
  adds no ``steps_per_second`` to the evaluation's dict.
- ``step: 0 | training until step 16...``, ``running complete evaluation...`` and the
  checkpoint lines are progress messages, no values.
- Determinism: ``tf.keras.utils.set_random_seed(0)`` seeds the initialisers and the
  shuffle; the losses and accuracies repeat across runs, only steps/sec and eval time vary.
"""
# zoo-venv: tfmodels

import pathlib
from importlib.metadata import version

import numpy as np
import orbit
import tensorflow as tf
import tensorflow_models as tfm  # noqa: F401  (the tutorial's import)
from _records import tb_folder
from _truth import series, write_truth
from official.nlp import optimization

tf.keras.utils.set_random_seed(0)

logical_device_names = [logical_device.name for logical_device in tf.config.list_logical_devices()]

if 'GPU' in ''.join(logical_device_names):
    strategy = tf.distribute.MirroredStrategy()
elif 'TPU' in ''.join(logical_device_names):
    resolver = tf.distribute.cluster_resolver.TPUClusterResolver(tpu='')
    tf.config.experimental_connect_to_cluster(resolver)
    tf.tpu.experimental.initialize_tpu_system(resolver)
    strategy = tf.distribute.TPUStrategy(resolver)
else:
    strategy = tf.distribute.OneDeviceStrategy(logical_device_names[0])

num_features = 16
learning_rate = 1e-2
num_train_epochs = 3
train_batch_size = 32
eval_batch_size = 64

train_data_size = 512
steps_per_epoch = int(train_data_size / train_batch_size)

train_steps = steps_per_epoch * num_train_epochs
warmup_steps = int(train_steps * 0.1)

model_dir = pathlib.Path("model")

# Synthetic two-class data in place of the tutorial's GLUE/MRPC records.
rng = np.random.default_rng(0)
weights = rng.normal(size=num_features)
features = rng.normal(size=(train_data_size + 128, num_features)).astype("float32")
labels = (features @ weights + 0.5 * rng.normal(size=len(features)) > 0).astype("int32")
data = {"train": (features[:train_data_size], labels[:train_data_size]),
                "eval": (features[train_data_size:], labels[train_data_size:])}

with strategy.scope():
    inputs = tf.keras.Input(shape=(num_features,), name="features")
    hidden = tf.keras.layers.Dense(32, activation="relu")(inputs)
    classifier_model = tf.keras.Model(inputs, tf.keras.layers.Dense(2)(hidden))

    optimizer = optimization.create_optimizer(
            init_lr=learning_rate,
            num_train_steps=steps_per_epoch * num_train_epochs,
            num_warmup_steps=warmup_steps,
            end_lr=0.0,
            optimizer_type='adamw')

checkpoint = tf.train.Checkpoint(model=classifier_model, optimizer=optimizer)
checkpoint_manager = tf.train.CheckpointManager(
        checkpoint,
        directory=model_dir,
        max_to_keep=5,
        step_counter=optimizer.iterations,
        checkpoint_interval=steps_per_epoch)


def _dataset_fn(split, global_batch_size, is_training, input_context=None):
    x, y = data[split]
    dataset = tf.data.Dataset.from_tensor_slices({"features": x, "label_ids": y})
    if is_training:
        dataset = dataset.shuffle(len(y), seed=0).repeat()
    return dataset.batch(global_batch_size)


train_dataset = orbit.utils.make_distributed_dataset(
        strategy, _dataset_fn, split="train",
        global_batch_size=train_batch_size, is_training=True)
eval_dataset = orbit.utils.make_distributed_dataset(
        strategy, _dataset_fn, split="eval",
        global_batch_size=eval_batch_size, is_training=False)


def loss_fn(labels, logits):
    """Classification loss."""
    labels = tf.squeeze(labels)
    log_probs = tf.nn.log_softmax(logits, axis=-1)
    one_hot_labels = tf.one_hot(
            tf.cast(labels, dtype=tf.int32), depth=2, dtype=tf.float32)
    per_example_loss = -tf.reduce_sum(
            tf.cast(one_hot_labels, dtype=tf.float32) * log_probs, axis=-1)
    return tf.reduce_mean(per_example_loss)


class ClassifierTrainer(orbit.StandardTrainer):

    def __init__(self, train_dataset, model, optimizer, strategy):
        self.strategy = strategy
        with self.strategy.scope():
            self.model = model
            self.optimizer = optimizer
            self.global_step = self.optimizer.iterations

            self.train_loss = tf.keras.metrics.Mean(
                    'training_loss', dtype=tf.float32)
            orbit.StandardTrainer.__init__(self, train_dataset)

    def train_loop_begin(self):
        self.train_loss.reset_states()

    def train_step(self, iterator):

        def step_fn(inputs):
            labels = inputs.pop("label_ids")
            with tf.GradientTape() as tape:
                model_outputs = self.model(inputs, training=True)
                # Raw loss is used for reporting in metrics/logs.
                raw_loss = loss_fn(labels, model_outputs)
                # Scales down the loss for gradients to be invariant from replicas.
                loss = raw_loss / self.strategy.num_replicas_in_sync

            grads = tape.gradient(loss, self.model.trainable_variables)
            optimizer.apply_gradients(zip(grads, self.model.trainable_variables, strict=True))
            # For reporting, the metric takes the mean of losses.
            self.train_loss.update_state(raw_loss)

        self.strategy.run(step_fn, args=(next(iterator),))

    def train_loop_end(self):
        return {
                self.train_loss.name: self.train_loss.result(),
        }


class ClassifierEvaluator(orbit.StandardEvaluator):

    def __init__(self, eval_dataset, model, strategy):
        self.strategy = strategy
        with self.strategy.scope():
            self.model = model

            self.eval_loss = tf.keras.metrics.Mean(
                    'evaluation_loss', dtype=tf.float32)
            self.eval_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(
                    name='accuracy', dtype=tf.float32)
            orbit.StandardEvaluator.__init__(self, eval_dataset)

    def eval_begin(self):
        self.eval_accuracy.reset_states()
        self.eval_loss.reset_states()

    def eval_end(self):
        return {
                self.eval_accuracy.name: self.eval_accuracy.result(),
                self.eval_loss.name: self.eval_loss.result(),
        }

    def eval_step(self, iterator):

        def step_fn(inputs):
            labels = inputs.pop("label_ids")
            model_outputs = self.model(inputs, training=False)
            loss = loss_fn(labels, model_outputs)
            self.eval_loss.update_state(loss)
            self.eval_accuracy.update_state(labels, model_outputs)

        self.strategy.run(step_fn, args=(next(iterator),))


trainer = ClassifierTrainer(
        train_dataset, classifier_model, optimizer, strategy)

evaluator = ClassifierEvaluator(
        eval_dataset, classifier_model, strategy)

controller = orbit.Controller(
        trainer=trainer,
        evaluator=evaluator,
        global_step=trainer.global_step,
        steps_per_loop=4,
        checkpoint_manager=checkpoint_manager,
        summary_dir=str(model_dir / "summaries" / "train"),
        eval_summary_dir=str(model_dir / "summaries" / "eval"))

result = controller.train_and_evaluate(
        train_steps=steps_per_epoch * num_train_epochs,
        eval_steps=-1,
        eval_interval=steps_per_epoch)

# --- truth: the Controller's TensorBoard event files ---
train_files, train_scalars = tb_folder("model/summaries/train")
eval_files, eval_scalars = tb_folder("model/summaries/eval")
assert set(train_scalars) == {"training_loss", "steps_per_second"}, sorted(train_scalars)
assert set(eval_scalars) == {"accuracy", "evaluation_loss"}, sorted(eval_scalars)
for name, value in result.items():
    assert eval_scalars[name][-1][1] == float(value), (name, eval_scalars[name], value)

metrics = {name: series(eval_scalars.get(name) or train_scalars[name], "step",
                        rel_tolerance=1e-6)
           for name in ("training_loss", "evaluation_loss")}
metrics["eval_accuracy"] = series(eval_scalars["accuracy"], "step", rel_tolerance=1e-6)
write_truth("tf-models-official (orbit)", version("tf-models-official"),
            "model/summaries/train and model/summaries/eval event files (orbit.Controller's "
            "SummaryManagers: each train loop's output dict plus steps_per_second, each "
            "evaluation's output dict, at the global step)",
            metrics, files=train_files + eval_files,
            also_ok=["steps/sec", "eval_time"],
            file_metrics={"steps_per_second": series(train_scalars["steps_per_second"],
                                                     "step", rel_tolerance=1e-6)},
            notes=f"TensorFlow {tf.__version__}; {train_steps} steps, steps_per_loop=4, "
                  f"eval_interval={steps_per_epoch}, eval_steps=-1; "
                  f"train_and_evaluate returned {({k: float(v) for k, v in result.items()})}")
