"""mlpack's command-line programs (mlpack 4.4.0, the C++ machine-learning library's
``mlpack_*`` executables), run with ``--verbose`` on synthetic CSV data the case writes:
``mlpack_logistic_regression`` (L-BFGS, ``--lambda 0.1``, ``--print_training_accuracy``,
predicting its own training file) and ``mlpack_softmax_regression`` (three classes, with a
test file and its labels), each binary run with subprocess, its stdout and stderr inherited.

Install: Debian bookworm has no ``mlpack-bin`` (mlpack left Debian before bookworm; only
``r-cran-rcppmlpack`` remains) and PyPI's ``mlpack`` 4.8.0 is wheels of the Python bindings
alone, without the command-line binding's sources, so the case builds the two programs from
mlpack's source: mlpack/mlpack at 34dff29aeeb424beed60579866a2a5d9ed31fab9 (2024-05-28,
"Update and release version 4.4.0.", taken from the fork rcurtin/mlpack, which carries
upstream's history: upstream's own snapshot is too large to fetch here), unpacked with ``git
archive`` under ``$ZOO_REPOS/mlpack`` (default ``~/.cache/exptrack-zoo/repos/mlpack``), with
ensmallen 2.21.1 (mlpack/ensmallen at 9d8dfb25977602a4ad262b27b0495d941750f38c, tag
``2.21.1``) unpacked under ``$ZOO_REPOS/ensmallen``, and Debian bookworm's Armadillo 11.4.2
and cereal 1.3.2 (``apt-get install -y libarmadillo-dev libcereal-dev``). ``<venv>/bin/python
bench/zoo/cases/mlpack_cli.py --build`` runs mlpack's own CMake (Debian's cmake 3.25.1, g++
12.2.0; Release, command-line executables only, no tests, no OpenMP) and ``make -j2
mlpack_logistic_regression mlpack_softmax_regression`` in ``$ZOO_REPOS/mlpack/build`` (about
a minute of CPU each, nearly five minutes on a busy two-core machine). The case itself runs in
about two seconds.

Data (numpy's ``default_rng(0)``; mlpack reads a CSV row as a point): 300 points of 4
features with 0/1 labels from a noisy logistic model for the logistic regression; 450 points
of 3 features around three centres (labels 0, 1, 2), the first 300 for training and the last
150 for testing, for the softmax regression.

What it prints (stdout; mlpack's ``Log::Info`` colours its ``[INFO ]`` prefix with ANSI
escapes whether or not stdout is a terminal)::

    [INFO ] Loading 'lr_train.csv' as CSV data.  Size is 4 x 300.
    [INFO ] Training model with L-BFGS optimizer.
    [INFO ] LogisticRegression::LogisticRegression(): final objective of trained model is 126.151.
    [INFO ] 244 of 300 correct on training set (81.3333).
    [INFO ] Predicting classes of points in ''lr_train.csv' (300x4 matrix)'.
    ...
    [INFO ] SoftmaxRegression::SoftmaxRegression(): final objective of trained model is 0.517522.
    [INFO ] Accuracy for points with label 0 is 0.76 (38 of 50).
    [INFO ] Accuracy for points with label 1 is 0.857143 (42 of 49).
    [INFO ] Accuracy for points with label 2 is 0.901961 (46 of 51).
    [INFO ] Total accuracy for all points is 0.84 (126 of 150).

and after each program ``--verbose``'s ``Execution parameters:`` dump (every option and its
value, ``  lambda: 0.1``, ``  print_training_accuracy: 1``, ``  tolerance: 1e-10``, ...) and
``Program timers:`` (``  logistic_regression_optimization: 0.000154s``, ``  total_time:
0.031551s``, ...). There is no per-iteration trace: mlpack 4 optimises with ensmallen, whose
``L-BFGS iteration``/``SGD: iteration N, objective ...`` lines go to ``ens::Info``, a null
stream unless ``ENS_PRINT_INFO`` is defined, which mlpack's programs do not define (mlpack
2.x's own L-BFGS printed such lines); the final objective is all the optimiser reports.
Numbers are C++'s default stream format: six significant digits.

Truth: mlpack keeps no metrics file, but it saves what the printed figures are computed from.
``--output_model_file lr_model.json``/``sm_model.json`` (cereal's JSON: the fitted
``parameters`` as an Armadillo matrix, ``lambda``, for softmax ``numClasses`` and
``fitIntercept``) give each final objective, recomputed from the saved parameters exactly as
``LogisticRegressionFunction::Evaluate`` (the summed negative log-likelihood plus lambda/2
times the squared weights, the intercept unpenalised) and ``SoftmaxRegressionFunction::
Evaluate`` (the mean negative log-likelihood plus lambda/2 times the sum of all squared
parameters, intercepts included) compute it; the printed value is the optimiser's return,
that function at the saved parameters (checked to every printed digit when the case was
written). ``--predictions_file`` gives mlpack's own class predictions: the logistic program's
of its training file (``--test_file lr_train.csv``: the same matrix ``Classify`` reads for
``--print_training_accuracy``), the softmax program's of the test file, each compared with the
labels for the accuracy. The models and predictions files are in truth ``files``. Nothing is
parsed from stdout. Judgement calls:
- Names as printed, by exptrack's documented rule for ``NAME is VALUE`` (docs/metrics.md,
  "Round tune13 forms"): ``final_objective_of_trained_model`` (the ``LogisticRegression::
  LogisticRegression():`` qualifier before it is the C++ function that logs, no part of the
  name) and ``Total_accuracy_for_all_points`` (a fraction, ``0.84``; ``total`` belongs to the
  name). The training-set line names its percentage by the words between the count and the
  value: ``correct_on_training_set`` (``81.3333``, in percent as printed; mlpack keeps no key
  for either line).
- The two programs print the same ``final objective of trained model`` words: one series,
  the logistic objective then the softmax one, in print order (a model is no part of a name,
  as weka_naive_bayes.py pools its two ``Error on training data`` summaries). The two are
  different functions (a sum over points against a mean), but the name is what is printed.
- Key: no step or epoch: one-off values at axis ``None`` (``key: step``).
- Tolerance: six significant digits, ``rel_tolerance`` 5e-6 (half a unit of the sixth digit,
  relative to a value at least 1 in its first digit).
- Not metrics (junk if recorded): the per-class ``Accuracy for points with label 0 is 0.76``
  rows (per-class results beside their ``Total`` aggregate, docs/metrics.md "Per-class
  rows"), the counts in parentheses (``(126 of 150)``, ``244 of 300``), the ``Loading ...
  Size is 4 x 300`` shapes, and every line of the ``Execution parameters:`` dump (options:
  ``lambda``, ``tolerance``, ``max_iterations``, the flags' ``0``/``1``).
- ``also_ok``: the ``Program timers:`` names (``loading_data``, ``saving_data``,
  ``logistic_regression_optimization``, ``lr_prediction``,
  ``softmax_regression_optimization``, ``softmax_regression_classification``,
  ``total_time``: durations in seconds that differ between captures).
- Determinism: L-BFGS from mlpack's fixed starting point and the softmax weights' ``randn``
  initialisation from Armadillo's default seed give the same models on every run.
"""
# zoo-venv: mlpack

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from _truth import write_truth

COMMIT = "34dff29aeeb424beed60579866a2a5d9ed31fab9"  # mlpack 4.4.0
ENSMALLEN = "9d8dfb25977602a4ad262b27b0495d941750f38c"  # ensmallen 2.21.1
PROGRAMS = ["mlpack_logistic_regression", "mlpack_softmax_regression"]
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
source, build_dir = repos / "mlpack", repos / "mlpack" / "build"


def build() -> None:
    """mlpack's own CMake, the command-line programs only, then make of the two targets."""
    build_dir.mkdir(exist_ok=True)
    subprocess.run(["cmake", "..", "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_CLI_EXECUTABLES=ON",
                    "-DBUILD_PYTHON_BINDINGS=OFF", "-DBUILD_JULIA_BINDINGS=OFF",
                    "-DBUILD_GO_BINDINGS=OFF", "-DBUILD_R_BINDINGS=OFF", "-DBUILD_TESTS=OFF",
                    "-DDOWNLOAD_DEPENDENCIES=OFF", "-DUSE_OPENMP=OFF",
                    f"-DENSMALLEN_INCLUDE_DIR={repos / 'ensmallen' / 'include'}"],
                   cwd=build_dir, check=True)
    subprocess.run(["make", "-j2", *PROGRAMS], cwd=build_dir, check=True)


if sys.argv[1:] == ["--build"]:
    build()
    sys.exit(0)

binaries = {name: build_dir / "bin" / name for name in PROGRAMS}
if not all(path.is_file() for path in binaries.values()):
    sys.exit(f"needs mlpack's command-line programs built under {build_dir}: unpack mlpack at "
             f"{COMMIT} under {source} and ensmallen at {ENSMALLEN} under "
             f"{repos / 'ensmallen'}, then run `<venv>/bin/python {__file__} --build`")

# synthetic data: mlpack reads a CSV row as a point (and transposes to its column-major form)
rng = np.random.default_rng(0)
X = rng.normal(size=(300, 4))
w_true = np.array([1.5, -2.0, 0.7, 0.0])
y = (X @ w_true + 0.3 + rng.logistic(size=300) > 0).astype(int)
np.savetxt("lr_train.csv", X, delimiter=",", fmt="%.6f")
np.savetxt("lr_labels.csv", y, fmt="%d")
centres = np.array([[0.0, 0.0, 0.0], [2.0, 0.5, -1.0], [-1.0, 2.0, 1.0]])
labels = rng.integers(0, 3, size=450)
points = centres[labels] + rng.normal(scale=1.2, size=(450, 3))
np.savetxt("sm_train.csv", points[:300], delimiter=",", fmt="%.6f")
np.savetxt("sm_labels.csv", labels[:300], fmt="%d")
np.savetxt("sm_test.csv", points[300:], delimiter=",", fmt="%.6f")
np.savetxt("sm_test_labels.csv", labels[300:], fmt="%d")

sys.stdout.flush()
subprocess.run([str(binaries["mlpack_logistic_regression"]), "--training_file", "lr_train.csv",
                "--labels_file", "lr_labels.csv", "--optimizer", "lbfgs", "--lambda", "0.1",
                "--print_training_accuracy", "--test_file", "lr_train.csv",
                "--predictions_file", "lr_predictions.csv",
                "--output_model_file", "lr_model.json", "--verbose"], check=True)
subprocess.run([str(binaries["mlpack_softmax_regression"]), "--training_file", "sm_train.csv",
                "--labels_file", "sm_labels.csv", "--number_of_classes", "3",
                "--test_file", "sm_test.csv", "--test_labels_file", "sm_test_labels.csv",
                "--predictions_file", "sm_predictions.csv",
                "--output_model_file", "sm_model.json", "--verbose"], check=True)


# truth: the fitted parameters mlpack saved (cereal JSON) and the predictions it wrote
def load_model(path: str) -> dict:
    """cereal writes an Armadillo matrix's elements as repeated ``"elem"`` keys."""
    def pairs(items: list) -> dict:
        out: dict = {}
        for key, value in items:
            if key == "elem":
                out.setdefault("elem", []).append(value)
            else:
                out[key] = value
        return out
    return json.loads(Path(path).read_text(), object_pairs_hook=pairs)["model"]


def matrix(spec: dict) -> np.ndarray:
    """An ``arma::mat``'s cereal form: n_rows, n_cols, elements in column-major order."""
    return np.array(spec["elem"], dtype=float).reshape(
        int(spec["n_rows"]), int(spec["n_cols"]), order="F")


# LogisticRegressionFunction::Evaluate (logistic_regression_function_impl.hpp): the summed
# negative log-likelihood plus lambda/2 times the squared norm of the weights, the intercept
# parameters(0) left out of the penalty
lr = load_model("lr_model.json")
theta = matrix(lr["parameters"]).ravel()
X_lr = np.loadtxt("lr_train.csv", delimiter=",", ndmin=2)
y_lr = np.loadtxt("lr_labels.csv")
sigmoid = 1.0 / (1.0 + np.exp(-(theta[0] + X_lr @ theta[1:])))
lr_objective = (0.5 * lr["lambda"] * theta[1:] @ theta[1:]
                - np.sum(np.log(1.0 - y_lr + sigmoid * (2.0 * y_lr - 1.0))))
lr_accuracy = 100.0 * np.mean(np.loadtxt("lr_predictions.csv") == y_lr)

# SoftmaxRegressionFunction::Evaluate (softmax_regression_function_impl.hpp): the mean
# negative log-likelihood plus lambda/2 times the sum of all squared parameters, the
# intercepts (column 0, fitIntercept) included
sm = load_model("sm_model.json")
weights = matrix(sm["parameters"])
X_sm = np.loadtxt("sm_train.csv", delimiter=",", ndmin=2)
y_sm = np.loadtxt("sm_labels.csv").astype(int)
scores = weights[:, :1] + weights[:, 1:] @ X_sm.T if sm["fitIntercept"] else weights @ X_sm.T
scores -= scores.max(axis=0)
log_prob = scores - np.log(np.exp(scores).sum(axis=0))
sm_objective = (-np.mean(log_prob[y_sm, np.arange(y_sm.size)])
                + 0.5 * sm["lambda"] * np.sum(weights * weights))
sm_test_labels = np.loadtxt("sm_test_labels.csv").astype(int)
sm_accuracy = np.mean(np.loadtxt("sm_predictions.csv").astype(int) == sm_test_labels)

OBJECTIVE, TRAIN_ACC, TEST_ACC = ("final_objective_of_trained_model", "correct_on_training_set",
                                  "Total_accuracy_for_all_points")
metrics = {  # C++'s default stream: six significant digits, so half a unit of the sixth
    OBJECTIVE: {"key": "step",
                "values": [[None, float(lr_objective)], [None, float(sm_objective)]],
                "rel_tolerance": 5e-6},
    TRAIN_ACC: {"key": "step", "values": [[None, float(lr_accuracy)]], "rel_tolerance": 5e-6},
    TEST_ACC: {"key": "step", "values": [[None, float(sm_accuracy)]], "rel_tolerance": 5e-6},
}


def debian_version(package: str) -> str:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


write_truth(
    "mlpack (command-line programs)", "4.4.0",
    "the models mlpack_logistic_regression and mlpack_softmax_regression saved "
    "(--output_model_file, cereal JSON: the fitted parameters and lambda), each objective "
    "recomputed from them as mlpack's *Function::Evaluate computes it; the accuracies from "
    "the predictions files the programs wrote (--predictions_file) against the labels",
    metrics,
    files=["lr_model.json", "sm_model.json", "lr_predictions.csv", "sm_predictions.csv"],
    also_ok=["loading_data", "logistic_regression_optimization", "lr_prediction",
             "saving_data", "total_time", "softmax_regression_optimization",
             "softmax_regression_classification"],
    notes=f"mlpack 4.4.0 built from source (mlpack/mlpack {COMMIT[:8]}) with ensmallen 2.21.1 "
          f"({ENSMALLEN[:8]}), Debian Armadillo {debian_version('libarmadillo-dev')} and "
          f"cereal {debian_version('libcereal-dev')}",
)
