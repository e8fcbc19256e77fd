"""Lasagne 0.2.dev1 on Theano 1.0.5 (CPU, Python 3.7): its own MNIST example,
``examples/mnist.py`` of ``Lasagne/Lasagne`` at commit
5d3c63cb315c50b1cbd27a6bc8664b406f34dd99 (2019-11-20, master's last; git blob
1ce61927c72d6e21fe060babaef13765e93c8576), "the foundation for the introductory Lasagne
tutorial", run as its usage line says (``python mnist.py mlp 3``: the two-hidden-layer
800-unit MLP with dropout, 3 epochs of its default 500). PyPI has only Lasagne 0.1 (2015),
whose ``lasagne.layers.pool`` imports ``theano.tensor.signal.downsample``, absent from
Theano 1.0.5; Lasagne's README
installs master from GitHub, as the requirements file does. The script is kept verbatim
below as ``MNIST_PY``, checked against its blob id, written into the cwd with the case's
record lines (below) and run in-process (``runpy``, as ``__main__``, ``sys.argv =
['mnist.py', 'mlp', '3']``). Theano runs as installed, no ``.theanorc`` or ``THEANO_FLAGS``:
``device=cpu``, ``floatX=float64``; it compiles its C ops with the machine's g++ into
``~/.theano/compiledir_*`` the first time (a minute or two: run the case once before
capturing), later runs load them from there and print nothing of it.

Data: ``load_dataset()`` reads ``train-images-idx3-ubyte.gz``, ``train-labels-idx1-ubyte.gz``,
``t10k-images-idx3-ubyte.gz`` and ``t10k-labels-idx1-ubyte.gz`` from the cwd and downloads
each only if it is missing (``os.path.exists``); the case writes them there first, gzipped
IDX files of a tiny synthetic set (numpy ``RandomState(0)``): 12,000 "training" images, of
which the script keeps the last 10,000 for validation (``X_train[-10000:]``, hard-coded) and
trains on 2,000 (4 batches of 500 an epoch, shuffled), and 1,000 test images (2 batches).
Each 28x28 image is its class's fixed random pattern (15% of the pixels) on black, each of
its pixels drawn or not (even odds) at a random intensity, with stray pixels (10%) over it:
learnable but not at once, so the validation accuracy climbs from about 16% to 66% in the 3
epochs. Nothing is downloaded. About 10-20 s of CPU once Theano's ops are cached (most of it
the validation passes over 10,000 images and writing and reading the gzipped files).

What it prints (the pipe's capture; stdout, with Theano's one warning on stderr)::

    Loading data...
    Building model and compiling functions...
    WARNING (theano.tensor.blas): We did not find a dynamic library in the library_dir of
    the library we use for blas. If you use ATLAS, make sure to compile it with dynamics
    library.
    Starting training...
    Epoch 1 of 3 took 2.057s
      training loss:\\t\\t2.372961
      validation loss:\\t\\t2.275873
      validation accuracy:\\t\\t15.51 %
    Epoch 2 of 3 took 1.706s
    ...
      validation accuracy:\\t\\t65.63 %
    Final results:
      test loss:\\t\\t\\t2.089082
      test accuracy:\\t\\t65.20 %

(the tabs as the script prints them; the warning is one line). The warning comes when
Theano first builds a function that uses BLAS: numpy 1.19.5's wheel bundles its own
OpenBLAS, which Theano's linker flags do not find, so Theano calls BLAS through numpy's C
API. The pty shows the same lines (with ``\\r\\n``).

Truth: Lasagne keeps no record (no logger, no history; the example only prints), so the
values the script computes are the record: two lines added to the stock text
(``RECORD_LINES``, no line changed), each right after the ``print`` calls it keeps, append
the very expressions those prints format (``train_err / train_batches``, ``val_err /
val_batches``, ``val_acc / val_batches * 100``; ``test_err / test_batches``, ``test_acc /
test_batches * 100``) to a list the case passes in (``runpy``'s ``init_globals``); nothing
is parsed from stdout. Judgement calls (docs/metrics.md):
- Names as printed, the phase word before each name prefixing it: ``training_loss``,
  ``validation_loss``, ``validation_accuracy``, ``test_loss``, ``test_accuracy``.
- Axis ``epoch``: ``Epoch 1 of 3`` heads each epoch's lines (``epoch + 1``, 1 to 3): 3
  points for each of the first three. The test block, printed once after the loop under
  ``Final results:``, is of the model after the last epoch: one point at epoch 3.
- Values as printed: losses are mean cross-entropies over the batches (training: with
  dropout, during the epoch's updates; validation and test: deterministic), accuracies in
  percent (``* 100``, printed ``{:.2f} %``).
- Tolerances from the printed rounding: ``{:.6f}`` -> 5e-7 for the losses, ``{:.2f}`` ->
  5e-3 for the accuracies.
- ``also_ok``: ``took``, the epoch's wall time (``took 2.057s``), which nothing keeps.
- Not metrics: ``Epoch 1 of 3`` (the epoch and the run's length).
- Determinism: mnist.py seeds nothing; Lasagne draws its initial weights and the seeds of
  its dropout streams from ``lasagne.random.get_rng()``, numpy's global ``RandomState``,
  which the script's shuffling also uses, so the case calls ``np.random.seed(0)`` before
  running it; the values repeat, pipe and pty alike; only the times vary.
"""
# zoo-venv: lasagne

from __future__ import annotations

import gzip
import runpy
import sys
from pathlib import Path

import lasagne
import numpy as np
import theano
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "Lasagne/Lasagne"
SOURCE_COMMIT = "5d3c63cb315c50b1cbd27a6bc8664b406f34dd99"
MNIST_BLOB = "1ce61927c72d6e21fe060babaef13765e93c8576"
MODEL, EPOCHS = "mlp", 3  # of mnist.py's default 500
TRAIN_IMAGES, TEST_IMAGES = 12000, 1000  # the last 10,000 "training" images validate

# the record: lines added to mnist.py right after the prints they keep (anchor -> the line
# after it); no line of the stock text changed. The expressions each print formats.
RECORD_LINES = {
    r"""        print("  validation accuracy:\t\t{:.2f} %".format(
            val_acc / val_batches * 100))
""":
        "        ZOO_RECORD.append(('epoch', epoch + 1, train_err / train_batches,"
        " val_err / val_batches, val_acc / val_batches * 100))  # zoo: the values just"
        " printed\n",
    r"""    print("  test accuracy:\t\t{:.2f} %".format(
        test_acc / test_batches * 100))
""":
        "    ZOO_RECORD.append(('test', num_epochs, test_err / test_batches,"
        " test_acc / test_batches * 100))  # zoo: the values just printed\n",
}


def write_mnist(count: int, prefix: str, rng: np.random.RandomState,
                patterns: np.ndarray) -> None:
    """``<prefix>-images-idx3-ubyte.gz`` and ``<prefix>-labels-idx1-ubyte.gz`` as
    ``load_dataset`` reads them (gzipped IDX: a 16-byte header before the images, 8 before
    the labels): each image its class's pattern at random intensities, plus stray pixels."""
    labels = rng.randint(0, 10, count).astype(np.uint8)
    shown = rng.rand(count, 28 * 28) < 0.5  # each pattern pixel drawn or not
    bright = shown * rng.randint(64, 256, (count, 28 * 28))
    stray = (rng.rand(count, 28 * 28) < 0.1) * rng.randint(0, 256, (count, 28 * 28))
    images = np.maximum(patterns[labels] * bright, stray).astype(np.uint8)
    header = bytes([0, 0, 0x08, 3]) + b"".join(n.to_bytes(4, "big") for n in (count, 28, 28))
    with gzip.open(f"{prefix}-images-idx3-ubyte.gz", "wb") as handle:
        handle.write(header + images.tobytes())
    with gzip.open(f"{prefix}-labels-idx1-ubyte.gz", "wb") as handle:
        handle.write(bytes([0, 0, 0x08, 1]) + count.to_bytes(4, "big") + labels.tobytes())


def main() -> None:
    if git_blob_id(MNIST_PY) != MNIST_BLOB:
        sys.exit(f"MNIST_PY is not {SOURCE_REPO}'s examples/mnist.py at {SOURCE_COMMIT}")
    Path("mnist.py").write_text(with_lines(MNIST_PY, RECORD_LINES), encoding="utf-8")
    rng = np.random.RandomState(0)
    patterns = (rng.rand(10, 28 * 28) < 0.15).astype(np.int64)
    write_mnist(TRAIN_IMAGES, "train", rng, patterns)
    write_mnist(TEST_IMAGES, "t10k", rng, patterns)

    np.random.seed(0)  # mnist.py seeds nothing: Lasagne's init, dropout seeds, shuffling
    record: list = []
    sys.argv = ["mnist.py", MODEL, str(EPOCHS)]
    runpy.run_path("mnist.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")
    sys.stdout.flush()

    epochs = [row for row in record if row[0] == "epoch"]
    tests = [row for row in record if row[0] == "test"]
    assert [row[1] for row in epochs] == list(range(1, EPOCHS + 1)), record
    assert len(tests) == 1, record
    metrics = {
        "training_loss": series([(e, loss) for _, e, loss, _, _ in epochs], "epoch",
                                tolerance=5e-7),
        "validation_loss": series([(e, loss) for _, e, _, loss, _ in epochs], "epoch",
                                  tolerance=5e-7),
        "validation_accuracy": series([(e, acc) for _, e, _, _, acc in epochs], "epoch",
                                      tolerance=5e-3),
        "test_loss": series([(e, loss) for _, e, loss, _ in tests], "epoch", tolerance=5e-7),
        "test_accuracy": series([(e, acc) for _, e, _, acc in tests], "epoch",
                                tolerance=5e-3),
    }
    write_truth("Lasagne", lasagne.__version__,
                f"{SOURCE_REPO}@{SOURCE_COMMIT[:8]} examples/mnist.py ({MODEL}, {EPOCHS} "
                "epochs): the values its epoch and final prints format, appended by lines "
                "the case adds after them (Lasagne keeps no record)",
                metrics, also_ok=["took"],
                notes=f"Theano {theano.__version__}, floatX={theano.config.floatX}, "
                      f"device={theano.config.device}; numpy {np.__version__}")


# examples/mnist.py at SOURCE_COMMIT, verbatim
MNIST_PY = r'''#!/usr/bin/env python

"""
Usage example employing Lasagne for digit recognition using the MNIST dataset.

This example is deliberately structured as a long flat file, focusing on how
to use Lasagne, instead of focusing on writing maximally modular and reusable
code. It is used as the foundation for the introductory Lasagne tutorial:
http://lasagne.readthedocs.org/en/latest/user/tutorial.html

More in-depth examples and reproductions of paper results are maintained in
a separate repository: https://github.com/Lasagne/Recipes
"""

from __future__ import print_function

import sys
import os
import time

import numpy as np
import theano
import theano.tensor as T

import lasagne


# ################## Download and prepare the MNIST dataset ##################
# This is just some way of getting the MNIST dataset from an online location
# and loading it into numpy arrays. It doesn't involve Lasagne at all.

def load_dataset():
    # We first define a download function, supporting both Python 2 and 3.
    if sys.version_info[0] == 2:
        from urllib import urlretrieve
    else:
        from urllib.request import urlretrieve

    def download(filename, source='http://yann.lecun.com/exdb/mnist/'):
        print("Downloading %s" % filename)
        urlretrieve(source + filename, filename)

    # We then define functions for loading MNIST images and labels.
    # For convenience, they also download the requested files if needed.
    import gzip

    def load_mnist_images(filename):
        if not os.path.exists(filename):
            download(filename)
        # Read the inputs in Yann LeCun's binary format.
        with gzip.open(filename, 'rb') as f:
            data = np.frombuffer(f.read(), np.uint8, offset=16)
        # The inputs are vectors now, we reshape them to monochrome 2D images,
        # following the shape convention: (examples, channels, rows, columns)
        data = data.reshape(-1, 1, 28, 28)
        # The inputs come as bytes, we convert them to float32 in range [0,1].
        # (Actually to range [0, 255/256], for compatibility to the version
        # provided at http://deeplearning.net/data/mnist/mnist.pkl.gz.)
        return data / np.float32(256)

    def load_mnist_labels(filename):
        if not os.path.exists(filename):
            download(filename)
        # Read the labels in Yann LeCun's binary format.
        with gzip.open(filename, 'rb') as f:
            data = np.frombuffer(f.read(), np.uint8, offset=8)
        # The labels are vectors of integers now, that's exactly what we want.
        return data

    # We can now download and read the training and test set images and labels.
    X_train = load_mnist_images('train-images-idx3-ubyte.gz')
    y_train = load_mnist_labels('train-labels-idx1-ubyte.gz')
    X_test = load_mnist_images('t10k-images-idx3-ubyte.gz')
    y_test = load_mnist_labels('t10k-labels-idx1-ubyte.gz')

    # We reserve the last 10000 training examples for validation.
    X_train, X_val = X_train[:-10000], X_train[-10000:]
    y_train, y_val = y_train[:-10000], y_train[-10000:]

    # We just return all the arrays in order, as expected in main().
    # (It doesn't matter how we do this as long as we can read them again.)
    return X_train, y_train, X_val, y_val, X_test, y_test


# ##################### Build the neural network model #######################
# This script supports three types of models. For each one, we define a
# function that takes a Theano variable representing the input and returns
# the output layer of a neural network model built in Lasagne.

def build_mlp(input_var=None):
    # This creates an MLP of two hidden layers of 800 units each, followed by
    # a softmax output layer of 10 units. It applies 20% dropout to the input
    # data and 50% dropout to the hidden layers.

    # Input layer, specifying the expected input shape of the network
    # (unspecified batchsize, 1 channel, 28 rows and 28 columns) and
    # linking it to the given Theano variable `input_var`, if any:
    l_in = lasagne.layers.InputLayer(shape=(None, 1, 28, 28),
                                     input_var=input_var)

    # Apply 20% dropout to the input data:
    l_in_drop = lasagne.layers.DropoutLayer(l_in, p=0.2)

    # Add a fully-connected layer of 800 units, using the linear rectifier, and
    # initializing weights with Glorot's scheme (which is the default anyway):
    l_hid1 = lasagne.layers.DenseLayer(
            l_in_drop, num_units=800,
            nonlinearity=lasagne.nonlinearities.rectify,
            W=lasagne.init.GlorotUniform())

    # We'll now add dropout of 50%:
    l_hid1_drop = lasagne.layers.DropoutLayer(l_hid1, p=0.5)

    # Another 800-unit layer:
    l_hid2 = lasagne.layers.DenseLayer(
            l_hid1_drop, num_units=800,
            nonlinearity=lasagne.nonlinearities.rectify)

    # 50% dropout again:
    l_hid2_drop = lasagne.layers.DropoutLayer(l_hid2, p=0.5)

    # Finally, we'll add the fully-connected output layer, of 10 softmax units:
    l_out = lasagne.layers.DenseLayer(
            l_hid2_drop, num_units=10,
            nonlinearity=lasagne.nonlinearities.softmax)

    # Each layer is linked to its incoming layer(s), so we only need to pass
    # the output layer to give access to a network in Lasagne:
    return l_out


def build_custom_mlp(input_var=None, depth=2, width=800, drop_input=.2,
                     drop_hidden=.5):
    # By default, this creates the same network as `build_mlp`, but it can be
    # customized with respect to the number and size of hidden layers. This
    # mostly showcases how creating a network in Python code can be a lot more
    # flexible than a configuration file. Note that to make the code easier,
    # all the layers are just called `network` -- there is no need to give them
    # different names if all we return is the last one we created anyway; we
    # just used different names above for clarity.

    # Input layer and dropout (with shortcut `dropout` for `DropoutLayer`):
    network = lasagne.layers.InputLayer(shape=(None, 1, 28, 28),
                                        input_var=input_var)
    if drop_input:
        network = lasagne.layers.dropout(network, p=drop_input)
    # Hidden layers and dropout:
    nonlin = lasagne.nonlinearities.rectify
    for _ in range(depth):
        network = lasagne.layers.DenseLayer(
                network, width, nonlinearity=nonlin)
        if drop_hidden:
            network = lasagne.layers.dropout(network, p=drop_hidden)
    # Output layer:
    softmax = lasagne.nonlinearities.softmax
    network = lasagne.layers.DenseLayer(network, 10, nonlinearity=softmax)
    return network


def build_cnn(input_var=None):
    # As a third model, we'll create a CNN of two convolution + pooling stages
    # and a fully-connected hidden layer in front of the output layer.

    # Input layer, as usual:
    network = lasagne.layers.InputLayer(shape=(None, 1, 28, 28),
                                        input_var=input_var)
    # This time we do not apply input dropout, as it tends to work less well
    # for convolutional layers.

    # Convolutional layer with 32 kernels of size 5x5. Strided and padded
    # convolutions are supported as well; see the docstring.
    network = lasagne.layers.Conv2DLayer(
            network, num_filters=32, filter_size=(5, 5),
            nonlinearity=lasagne.nonlinearities.rectify,
            W=lasagne.init.GlorotUniform())
    # Expert note: Lasagne provides alternative convolutional layers that
    # override Theano's choice of which implementation to use; for details
    # please see http://lasagne.readthedocs.org/en/latest/user/tutorial.html.

    # Max-pooling layer of factor 2 in both dimensions:
    network = lasagne.layers.MaxPool2DLayer(network, pool_size=(2, 2))

    # Another convolution with 32 5x5 kernels, and another 2x2 pooling:
    network = lasagne.layers.Conv2DLayer(
            network, num_filters=32, filter_size=(5, 5),
            nonlinearity=lasagne.nonlinearities.rectify)
    network = lasagne.layers.MaxPool2DLayer(network, pool_size=(2, 2))

    # A fully-connected layer of 256 units with 50% dropout on its inputs:
    network = lasagne.layers.DenseLayer(
            lasagne.layers.dropout(network, p=.5),
            num_units=256,
            nonlinearity=lasagne.nonlinearities.rectify)

    # And, finally, the 10-unit output layer with 50% dropout on its inputs:
    network = lasagne.layers.DenseLayer(
            lasagne.layers.dropout(network, p=.5),
            num_units=10,
            nonlinearity=lasagne.nonlinearities.softmax)

    return network


# ############################# Batch iterator ###############################
# This is just a simple helper function iterating over training data in
# mini-batches of a particular size, optionally in random order. It assumes
# data is available as numpy arrays. For big datasets, you could load numpy
# arrays as memory-mapped files (np.load(..., mmap_mode='r')), or write your
# own custom data iteration function. For small datasets, you can also copy
# them to GPU at once for slightly improved performance. This would involve
# several changes in the main program, though, and is not demonstrated here.
# Notice that this function returns only mini-batches of size `batchsize`.
# If the size of the data is not a multiple of `batchsize`, it will not
# return the last (remaining) mini-batch.

def iterate_minibatches(inputs, targets, batchsize, shuffle=False):
    assert len(inputs) == len(targets)
    if shuffle:
        indices = np.arange(len(inputs))
        np.random.shuffle(indices)
    for start_idx in range(0, len(inputs) - batchsize + 1, batchsize):
        if shuffle:
            excerpt = indices[start_idx:start_idx + batchsize]
        else:
            excerpt = slice(start_idx, start_idx + batchsize)
        yield inputs[excerpt], targets[excerpt]


# ############################## Main program ################################
# Everything else will be handled in our main program now. We could pull out
# more functions to better separate the code, but it wouldn't make it any
# easier to read.

def main(model='mlp', num_epochs=500):
    # Load the dataset
    print("Loading data...")
    X_train, y_train, X_val, y_val, X_test, y_test = load_dataset()

    # Prepare Theano variables for inputs and targets
    input_var = T.tensor4('inputs')
    target_var = T.ivector('targets')

    # Create neural network model (depending on first command line parameter)
    print("Building model and compiling functions...")
    if model == 'mlp':
        network = build_mlp(input_var)
    elif model.startswith('custom_mlp:'):
        depth, width, drop_in, drop_hid = model.split(':', 1)[1].split(',')
        network = build_custom_mlp(input_var, int(depth), int(width),
                                   float(drop_in), float(drop_hid))
    elif model == 'cnn':
        network = build_cnn(input_var)
    else:
        print("Unrecognized model type %r." % model)
        return

    # Create a loss expression for training, i.e., a scalar objective we want
    # to minimize (for our multi-class problem, it is the cross-entropy loss):
    prediction = lasagne.layers.get_output(network)
    loss = lasagne.objectives.categorical_crossentropy(prediction, target_var)
    loss = loss.mean()
    # We could add some weight decay as well here, see lasagne.regularization.

    # Create update expressions for training, i.e., how to modify the
    # parameters at each training step. Here, we'll use Stochastic Gradient
    # Descent (SGD) with Nesterov momentum, but Lasagne offers plenty more.
    params = lasagne.layers.get_all_params(network, trainable=True)
    updates = lasagne.updates.nesterov_momentum(
            loss, params, learning_rate=0.01, momentum=0.9)

    # Create a loss expression for validation/testing. The crucial difference
    # here is that we do a deterministic forward pass through the network,
    # disabling dropout layers.
    test_prediction = lasagne.layers.get_output(network, deterministic=True)
    test_loss = lasagne.objectives.categorical_crossentropy(test_prediction,
                                                            target_var)
    test_loss = test_loss.mean()
    # As a bonus, also create an expression for the classification accuracy:
    test_acc = T.mean(T.eq(T.argmax(test_prediction, axis=1), target_var),
                      dtype=theano.config.floatX)

    # Compile a function performing a training step on a mini-batch (by giving
    # the updates dictionary) and returning the corresponding training loss:
    train_fn = theano.function([input_var, target_var], loss, updates=updates)

    # Compile a second function computing the validation loss and accuracy:
    val_fn = theano.function([input_var, target_var], [test_loss, test_acc])

    # Finally, launch the training loop.
    print("Starting training...")
    # We iterate over epochs:
    for epoch in range(num_epochs):
        # In each epoch, we do a full pass over the training data:
        train_err = 0
        train_batches = 0
        start_time = time.time()
        for batch in iterate_minibatches(X_train, y_train, 500, shuffle=True):
            inputs, targets = batch
            train_err += train_fn(inputs, targets)
            train_batches += 1

        # And a full pass over the validation data:
        val_err = 0
        val_acc = 0
        val_batches = 0
        for batch in iterate_minibatches(X_val, y_val, 500, shuffle=False):
            inputs, targets = batch
            err, acc = val_fn(inputs, targets)
            val_err += err
            val_acc += acc
            val_batches += 1

        # Then we print the results for this epoch:
        print("Epoch {} of {} took {:.3f}s".format(
            epoch + 1, num_epochs, time.time() - start_time))
        print("  training loss:\t\t{:.6f}".format(train_err / train_batches))
        print("  validation loss:\t\t{:.6f}".format(val_err / val_batches))
        print("  validation accuracy:\t\t{:.2f} %".format(
            val_acc / val_batches * 100))

    # After training, we compute and print the test error:
    test_err = 0
    test_acc = 0
    test_batches = 0
    for batch in iterate_minibatches(X_test, y_test, 500, shuffle=False):
        inputs, targets = batch
        err, acc = val_fn(inputs, targets)
        test_err += err
        test_acc += acc
        test_batches += 1
    print("Final results:")
    print("  test loss:\t\t\t{:.6f}".format(test_err / test_batches))
    print("  test accuracy:\t\t{:.2f} %".format(
        test_acc / test_batches * 100))

    # Optionally, you could now dump the network weights to a file like this:
    # np.savez('model.npz', *lasagne.layers.get_all_param_values(network))
    #
    # And load them again later on like this:
    # with np.load('model.npz') as f:
    #     param_values = [f['arr_%d' % i] for i in range(len(f.files))]
    # lasagne.layers.set_all_param_values(network, param_values)


if __name__ == '__main__':
    if ('--help' in sys.argv) or ('-h' in sys.argv):
        print("Trains a neural network on MNIST using Lasagne.")
        print("Usage: %s [MODEL [EPOCHS]]" % sys.argv[0])
        print()
        print("MODEL: 'mlp' for a simple Multi-Layer Perceptron (MLP),")
        print("       'custom_mlp:DEPTH,WIDTH,DROP_IN,DROP_HID' for an MLP")
        print("       with DEPTH hidden layers of WIDTH units, DROP_IN")
        print("       input dropout and DROP_HID hidden dropout,")
        print("       'cnn' for a simple Convolutional Neural Network (CNN).")
        print("EPOCHS: number of training epochs to perform (default: 500)")
    else:
        kwargs = {}
        if len(sys.argv) > 1:
            kwargs['model'] = sys.argv[1]
        if len(sys.argv) > 2:
            kwargs['num_epochs'] = int(sys.argv[2])
        main(**kwargs)
'''


if __name__ == "__main__":
    main()
