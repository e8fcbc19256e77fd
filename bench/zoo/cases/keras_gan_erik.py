"""Erik Linder-Norén's Keras-GAN (eriklindernoren/Keras-GAN, no pip package, no release),
its original GAN ``gan/gan.py`` as stored at commit 2ccd7cd4ec46a5d2e7782e57050cfc437e995e70,
held verbatim below as ``GAN_PY`` and checked against its git blob id
b7033d44f6f8dac08c7ea26ba1e9f1442a226624, run on TensorFlow 2.5.3 (``tensorflow-cpu``, CPU)
with standalone Keras 2.4.3 (which
re-exports tf.keras and still has the ``keras.layers.advanced_activations``,
``keras.layers.convolutional`` and ``keras.optimizers.Adam`` that gan.py imports: Keras
2.8 has no ``keras.optimizers.Adam``, 2.9..2.15 no ``advanced_activations``), Python 3.9.

Run: the script is loaded with ``runpy`` (not as ``__main__``, so its own
``gan.train(epochs=30000, batch_size=32, sample_interval=200)`` does not run), then the case
calls, as its ``__main__`` block does but shorter, ``GAN()`` and
``gan.train(epochs=200, batch_size=32, sample_interval=1000)``: 200 iterations (gan.py calls
each iteration an "epoch"), one sample grid ``images/0.png`` (matplotlib, Agg backend).
Seeds: numpy and TensorFlow seeded to 0 by the case (gan.py seeds nothing).

Data shim (outside the verbatim file): ``keras.datasets.mnist.load_data`` would download
``mnist.npz`` through ``get_file`` (checking its sha256), so the case replaces that module
attribute with a function returning synthetic MNIST-shaped uint8 arrays (1000 training,
100 test 28x28 images from ``_verbatim``'s generator); gan.py reads ``mnist.load_data`` at
call time, so its text is unchanged.

What it prints: the two ``model.summary()`` tables (stdout; ``predict`` prints no bar at its
default ``verbose=0``), TensorFlow's C++ log lines on stderr, and one line an iteration::

    0 [D loss: 0.788864, acc.: 28.12%] [G loss: 0.736447]
    1 [D loss: 0.404620, acc.: 78.12%] [G loss: 0.693372]
    ...
    199 [D loss: 0.478707, acc.: 70.31%] [G loss: 1.900038]

(``"%d [D loss: %f, acc.: %.2f%%] [G loss: %f]"``: the iteration, ``d_loss[0]``, ``100 *
d_loss[1]``, ``g_loss``).

Truth: gan.py keeps no record (``train_on_batch`` returns values, no History, no logger), so
the values its loop computes are the record: one line added after its print (``# zoo:``),
keeping ``(epoch, d_loss[0], 100*d_loss[1], g_loss)`` at full precision in a list the case
passes in; nothing parsed from stdout. Judgement calls:
- Names as printed inside their brackets (docs/metrics.md's rule for printed words):
  ``D loss`` -> ``D_loss``, ``G loss`` -> ``G_loss``; ``acc.`` inside the ``[D ...]`` group
  -> ``D_acc`` (docs/metrics.md: the network letter opening a bracketed group names every
  value in it, Keras-GAN's ``[D loss: ..., acc: ...]`` -> ``D_acc``); the discriminator's
  accuracy in percent, as printed (``100*d_loss[1]``).
- Axis ``step``: the printed leading counter (gan.py's ``epoch`` variable, one batch each),
  0..199; 200 points each.
- Tolerances from the printed rounding: 5e-7 for the losses (``%f``), 0.005 for ``D_acc``
  (``%.2f``).
- Nothing printed is a time or a learning rate: ``also_ok`` is empty. The summary tables'
  ``Total params: ...`` are counts, no metrics.
"""
# zoo-venv: kerasgan

import os
import runpy
import sys
from pathlib import Path

import keras
import keras.datasets.mnist
import numpy as np
import tensorflow as tf
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "eriklindernoren/Keras-GAN"
SOURCE_COMMIT = "2ccd7cd4ec46a5d2e7782e57050cfc437e995e70"
BLOB = "b7033d44f6f8dac08c7ea26ba1e9f1442a226624"  # gan/gan.py at SOURCE_COMMIT
EPOCHS, BATCH, SAMPLE = 200, 32, 1000
N_TRAIN, N_TEST = 1000, 100
RECORD_LINES = {
    '            print ("%d [D loss: %f, acc.: %.2f%%] [G loss: %f]" % (epoch, d_loss[0], '
    '100*d_loss[1], g_loss))\n':
        "            ZOO_RECORD.append((epoch, float(d_loss[0]), float(100*d_loss[1]), "
        "float(g_loss)))  # zoo: the record\n",
}


def synthetic_mnist():
    """MNIST-shaped uint8 arrays: ten fixed stroke patterns, shifted, with noise."""
    rng = np.random.default_rng(0)
    protos = (rng.random((10, 28, 28)) > 0.8).astype(np.float64) * 255

    def make(n):
        y = rng.integers(0, 10, n)
        x = np.stack([np.roll(protos[k], tuple(rng.integers(-2, 3, 2)), (0, 1)) for k in y])
        x = np.clip(x + rng.normal(0, 20, x.shape), 0, 255).astype(np.uint8)
        return x, y.astype(np.uint8)

    train, test = make(N_TRAIN), make(N_TEST)
    return lambda path="mnist.npz": (train, test)


# eriklindernoren/Keras-GAN gan/gan.py at SOURCE_COMMIT, verbatim (blob id above)
GAN_PY = r'''from __future__ import print_function, division

from keras.datasets import mnist
from keras.layers import Input, Dense, Reshape, Flatten, Dropout
from keras.layers import BatchNormalization, Activation, ZeroPadding2D
from keras.layers.advanced_activations import LeakyReLU
from keras.layers.convolutional import UpSampling2D, Conv2D
from keras.models import Sequential, Model
from keras.optimizers import Adam

import matplotlib.pyplot as plt

import sys

import numpy as np

class GAN():
    def __init__(self):
        self.img_rows = 28
        self.img_cols = 28
        self.channels = 1
        self.img_shape = (self.img_rows, self.img_cols, self.channels)
        self.latent_dim = 100

        optimizer = Adam(0.0002, 0.5)

        # Build and compile the discriminator
        self.discriminator = self.build_discriminator()
        self.discriminator.compile(loss='binary_crossentropy',
            optimizer=optimizer,
            metrics=['accuracy'])

        # Build the generator
        self.generator = self.build_generator()

        # The generator takes noise as input and generates imgs
        z = Input(shape=(self.latent_dim,))
        img = self.generator(z)

        # For the combined model we will only train the generator
        self.discriminator.trainable = False

        # The discriminator takes generated images as input and determines validity
        validity = self.discriminator(img)

        # The combined model  (stacked generator and discriminator)
        # Trains the generator to fool the discriminator
        self.combined = Model(z, validity)
        self.combined.compile(loss='binary_crossentropy', optimizer=optimizer)


    def build_generator(self):

        model = Sequential()

        model.add(Dense(256, input_dim=self.latent_dim))
        model.add(LeakyReLU(alpha=0.2))
        model.add(BatchNormalization(momentum=0.8))
        model.add(Dense(512))
        model.add(LeakyReLU(alpha=0.2))
        model.add(BatchNormalization(momentum=0.8))
        model.add(Dense(1024))
        model.add(LeakyReLU(alpha=0.2))
        model.add(BatchNormalization(momentum=0.8))
        model.add(Dense(np.prod(self.img_shape), activation='tanh'))
        model.add(Reshape(self.img_shape))

        model.summary()

        noise = Input(shape=(self.latent_dim,))
        img = model(noise)

        return Model(noise, img)

    def build_discriminator(self):

        model = Sequential()

        model.add(Flatten(input_shape=self.img_shape))
        model.add(Dense(512))
        model.add(LeakyReLU(alpha=0.2))
        model.add(Dense(256))
        model.add(LeakyReLU(alpha=0.2))
        model.add(Dense(1, activation='sigmoid'))
        model.summary()

        img = Input(shape=self.img_shape)
        validity = model(img)

        return Model(img, validity)

    def train(self, epochs, batch_size=128, sample_interval=50):

        # Load the dataset
        (X_train, _), (_, _) = mnist.load_data()

        # Rescale -1 to 1
        X_train = X_train / 127.5 - 1.
        X_train = np.expand_dims(X_train, axis=3)

        # Adversarial ground truths
        valid = np.ones((batch_size, 1))
        fake = np.zeros((batch_size, 1))

        for epoch in range(epochs):

            # ---------------------
            #  Train Discriminator
            # ---------------------

            # Select a random batch of images
            idx = np.random.randint(0, X_train.shape[0], batch_size)
            imgs = X_train[idx]

            noise = np.random.normal(0, 1, (batch_size, self.latent_dim))

            # Generate a batch of new images
            gen_imgs = self.generator.predict(noise)

            # Train the discriminator
            d_loss_real = self.discriminator.train_on_batch(imgs, valid)
            d_loss_fake = self.discriminator.train_on_batch(gen_imgs, fake)
            d_loss = 0.5 * np.add(d_loss_real, d_loss_fake)

            # ---------------------
            #  Train Generator
            # ---------------------

            noise = np.random.normal(0, 1, (batch_size, self.latent_dim))

            # Train the generator (to have the discriminator label samples as valid)
            g_loss = self.combined.train_on_batch(noise, valid)

            # Plot the progress
            print ("%d [D loss: %f, acc.: %.2f%%] [G loss: %f]" % (epoch, d_loss[0], 100*d_loss[1], g_loss))

            # If at save interval => save generated image samples
            if epoch % sample_interval == 0:
                self.sample_images(epoch)

    def sample_images(self, epoch):
        r, c = 5, 5
        noise = np.random.normal(0, 1, (r * c, self.latent_dim))
        gen_imgs = self.generator.predict(noise)

        # Rescale images 0 - 1
        gen_imgs = 0.5 * gen_imgs + 0.5

        fig, axs = plt.subplots(r, c)
        cnt = 0
        for i in range(r):
            for j in range(c):
                axs[i,j].imshow(gen_imgs[cnt, :,:,0], cmap='gray')
                axs[i,j].axis('off')
                cnt += 1
        fig.savefig("images/%d.png" % epoch)
        plt.close()


if __name__ == '__main__':
    gan = GAN()
    gan.train(epochs=30000, batch_size=32, sample_interval=200)
'''  # noqa: E501


def main() -> None:
    if git_blob_id(GAN_PY) != BLOB:
        sys.exit(f"gan.py is not gan/gan.py at {SOURCE_COMMIT}")
    keras.datasets.mnist.load_data = synthetic_mnist()  # the shim: nothing downloaded
    run_dir = Path.cwd()
    (run_dir / "images").mkdir()
    (run_dir / "gan.py").write_text(with_lines(GAN_PY, RECORD_LINES), encoding="utf-8")
    np.random.seed(0)
    tf.random.set_seed(0)
    record: list = []
    mod = runpy.run_path("gan.py", init_globals={"ZOO_RECORD": record}, run_name="gan")
    gan = mod["GAN"]()
    gan.train(epochs=EPOCHS, batch_size=BATCH, sample_interval=SAMPLE)

    assert len(record) == EPOCHS, len(record)
    write_truth(
        "Keras-GAN", f"{SOURCE_COMMIT[:8]} (tensorflow {tf.__version__}, keras "
        f"{keras.__version__})",
        f"{SOURCE_REPO} gan/gan.py at {SOURCE_COMMIT[:8]}: d_loss[0], 100*d_loss[1] and g_loss "
        "of each iteration, kept by one line added after its print (it keeps no record)",
        {"D_loss": series([(e, d) for e, d, _, _ in record], "step", tolerance=5e-7),
         "D_acc": series([(e, a) for e, _, a, _ in record], "step", tolerance=0.005),
         "G_loss": series([(e, g) for e, _, _, g in record], "step", tolerance=5e-7)},
        notes=f"synthetic MNIST-shaped data ({N_TRAIN} training images) served by a shim of "
              "keras.datasets.mnist.load_data; step = gan.py's iteration counter 'epoch'")


if __name__ == "__main__":
    os.environ.setdefault("MPLBACKEND", "Agg")
    main()
