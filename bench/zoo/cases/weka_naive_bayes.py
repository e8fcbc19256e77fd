"""Weka 3.6.14 (Debian's ``weka`` package, 3.6.14-3: ``/usr/share/java/weka.jar``) through its
command line, as its help (``-h``) documents a classifier's run: ``java -cp weka.jar
weka.classifiers.bayes.NaiveBayes -t train.arff -T test.arff`` (a train and a test file), then
``java -cp weka.jar weka.classifiers.trees.J48 -t train.arff -i`` (no test file: Weka's default
10-fold stratified cross-validation, seed 1; ``-i`` adds the per-class table that the Explorer
shows by default and the 3.6 command line prints only on request). The data are the case's
own: a synthetic three-class ARFF set (three numeric attributes and a nominal ``band`` of no
use, classes ``setosa``/``versicolor``/``virginica``), 150 training rows and 60 test rows
drawn with ``random.Random(0)``. Both runs take well under a second.

Printed (stdout, nothing on stderr): NaiveBayes' model (a table of each class's prior,
``(0.36)``, then each attribute's ``mean``, ``std. dev.``, ``weight sum``, ``precision`` and
the nominal attribute's counts), ``Time taken to build model: 0.01 seconds``, ``Time taken to
test model on training data: 0.01 seconds``, then two evaluations, each a summary and a
confusion matrix::

    === Error on training data ===

    Correctly Classified Instances         109               72.6667 %
    Incorrectly Classified Instances        41               27.3333 %
    Kappa statistic                          0.5864
    Mean absolute error                      0.2055
    Root mean squared error                  0.3301
    Relative absolute error                 46.5306 %
    Root relative squared error             70.2437 %
    Total Number of Instances              150

    === Confusion Matrix ===
    ...
    === Error on test data ===

    Correctly Classified Instances          52               86.6667 %
    ...

J48's run prints its pruned tree (``|   |   x3 > -3.02: versicolor (28.0/6.0)``, ``Number of
Leaves  : \\t16``, ``Size of the tree : \\t30``), the two timing lines, then ``=== Error on
training data ===`` and ``=== Stratified cross-validation ===``, each a summary as above, a
``=== Detailed Accuracy By Class ===`` table and a confusion matrix::

                   TP Rate   FP Rate   Precision   Recall  F-Measure   ROC Area  Class
                     0.759     0.167      0.719     0.759     0.739      0.858    setosa
                     ...
    Weighted Avg.    0.667     0.176      0.667     0.667     0.666      0.78

Truth: Weka keeps no record but what it prints (no metric file), so the case loads the same
weka.jar in-process (JPype, on the JVM the ``java`` command runs) and repeats each
evaluation as the command line does it (``weka.classifiers.Evaluation.evaluateModel(Classifier,
String[])``: the priors from the training file, the model built on it; the cross-validation
with ``crossValidateModel(J48, train, 10, new Random(1))``, which randomises and stratifies
the copy as the command line's does), then reads the ``Evaluation`` object's own figures:
``pctCorrect()``, ``pctIncorrect()``, ``kappa()``, ``meanAbsoluteError()``,
``rootMeanSquaredError()``, ``relativeAbsoluteError()``, ``rootRelativeSquaredError()`` and
the weighted averages ``weightedTruePositiveRate()``, ``weightedFalsePositiveRate()``,
``weightedPrecision()``, ``weightedRecall()``, ``weightedFMeasure()``,
``weightedAreaUnderROC()``. NaiveBayes (no randomness) and J48 (the cross-validation's seed) are
deterministic, so these are the printed evaluations' figures (checked to every printed digit
when the case was written).

Judgement calls:
- What is a metric. The summary's ``Correctly Classified Instances`` line prints a count and
  its percentage: the percentage is the accuracy (Weka's ``pctCorrect()``, its Experimenter's
  ``Percent_correct``), the metric; the count (``109``) is none. So for ``Incorrectly
  Classified Instances`` (the error rate, ``pctIncorrect()``). ``Kappa statistic``, the
  absolute and squared errors and their relative forms (in percent, ``relativeAbsoluteError()``
  returns the percentage as printed) are metrics. Not metrics (junk if recorded): ``Total
  Number of Instances`` (a count), the confusion matrices (counts), the per-class rows of the
  ``Detailed Accuracy By Class`` table (per-class results; its ``Weighted Avg.`` row is the
  aggregate, docs/metrics.md "Per-class rows"), NaiveBayes' model table (the class priors in
  parentheses, each attribute's ``mean``/``std. dev.``/``weight sum``/``precision``: the
  fitted model's parameters and its numeric attributes' precision, no measure of the fit),
  J48's tree (split thresholds, leaf counts), ``Number of Leaves`` and ``Size of the tree``
  (the model's size).
- Names. Weka keeps no key for the printed figures (they are ``Evaluation`` methods; the
  summary's labels are text), so each takes the name exptrack's documented rule gives the
  printed words (docs/metrics.md "Aligned phrases": ``Kappa statistic      0.0651`` ->
  ``Kappa_statistic``): ``Correctly_Classified_Instances``,
  ``Incorrectly_Classified_Instances``, ``Kappa_statistic``, ``Mean_absolute_error``,
  ``Root_mean_squared_error``, ``Relative_absolute_error``, ``Root_relative_squared_error``
  (the last five are also the Experimenter's result keys). The table's columns are named by
  their header, as printed: ``TP_Rate``, ``FP_Rate``, ``Precision``, ``Recall``,
  ``F-Measure`` (a hyphened word keeps its hyphen), ``ROC_Area``; the ``Weighted Avg.`` row
  label is the aggregate's row, no part of the name (an ``all``/``mean`` row's values are the
  metric).
- Phases. Each evaluation is headed by the data it was made on (``=== Error on training
  data ===``, ``=== Error on test data ===``, ``=== Stratified cross-validation ===``), on a
  line of its own, above a summary whose labels carry no phase. The summaries are one series
  a name, pooled over the evaluations in print order: the convention of the project's
  held-out collections of Weka's output (two logs of the tuning half, whose collectors kept
  the bare names, "the section headers are separate lines, so the keys are not prefixed").
  The lead's call, session 99; the helper who wrote the case had prefixed each evaluation's
  names by its heading's data set (``training_Kappa_statistic``, ``test_...``), a reading
  docs/metrics.md's heading rule also allows (training-data error and cross-validated error
  are different quantities: the pooled series mixes them, as the held-out logs expect).
- Two models print ``Error on training data``: one series a name, NaiveBayes' value then
  J48's, in print order (a model is no part of a name, as statsmodels_summary.py pools its
  two tables' ``Log-Likelihood``).
- Key: no step or epoch; one-off values at axis ``None`` (``key: step``).
- Tolerances: half the last printed digit. The summary prints ``Utils.doubleToString(x, 12,
  4)`` (four decimals: 5e-5), the per-class table three decimals (5e-4).
- ``also_ok``: the timing lines, ``Time taken to build model: 0.01 seconds`` and ``Time taken
  to test model on training data: 0.01 seconds`` (durations; they differ between captures).

# zoo-venv: weka
"""

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import jpype
import jpype.imports  # Java packages import as Python modules (weka.classifiers, ...)
from _truth import write_truth

WEKA_JAR = "/usr/share/java/weka.jar"
CLASSES = {"setosa": 0.0, "versicolor": 1.5, "virginica": 3.0}
HEADER = ("@relation synthetic\n\n"
          "@attribute x1 numeric\n@attribute x2 numeric\n@attribute x3 numeric\n"
          "@attribute band {low,mid,high}\n"
          f"@attribute class {{{','.join(CLASSES)}}}\n\n@data\n")

rng = random.Random(0)


def write_arff(path: str, rows: int) -> None:
    lines = []
    for _ in range(rows):
        label = rng.choice(list(CLASSES))
        centre = CLASSES[label]
        lines.append(f"{rng.gauss(centre, 1.0):.2f},{rng.gauss(centre * 0.5, 1.0):.2f},"
                     f"{rng.gauss(-centre, 1.5):.2f},{rng.choice(['low', 'mid', 'high'])},"
                     f"{label}")
    Path(path).write_text(HEADER + "\n".join(lines) + "\n")


write_arff("train.arff", 150)
write_arff("test.arff", 60)
java = shutil.which("java")
if java is None or not Path(WEKA_JAR).is_file():
    sys.exit("needs Debian's weka package (apt-get install -y weka) and a java on PATH")
sys.stdout.flush()
subprocess.run([java, "-cp", WEKA_JAR, "weka.classifiers.bayes.NaiveBayes",
                "-t", "train.arff", "-T", "test.arff"], check=True)
subprocess.run([java, "-cp", WEKA_JAR, "weka.classifiers.trees.J48", "-t", "train.arff", "-i"],
               check=True)

# truth: the same evaluations in-process, read from weka.classifiers.Evaluation
home = Path(os.path.realpath(java)).parent.parent
jpype.startJVM(str(home / "lib" / "server" / "libjvm.so"), classpath=[WEKA_JAR])
from java.io import FileReader  # noqa: E402
from java.util import Random  # noqa: E402
from weka.classifiers import Evaluation  # noqa: E402
from weka.classifiers.bayes import NaiveBayes  # noqa: E402
from weka.classifiers.trees import J48  # noqa: E402
from weka.core import Instances, Version  # noqa: E402


def load(path: str):
    data = Instances(FileReader(path))
    data.setClassIndex(data.numAttributes() - 1)  # the command line's default: the last
    return data


train, test = load("train.arff"), load("test.arff")


def evaluate(model, data):
    """``Evaluation`` as the command line makes it: the priors from the training file."""
    evaluation = Evaluation(train)
    evaluation.evaluateModel(model, data)
    return evaluation


bayes = NaiveBayes()
bayes.buildClassifier(train)
tree = J48()
tree.buildClassifier(train)
cross_validation = Evaluation(train)
cross_validation.crossValidateModel(J48(), train, 10, Random(1), [])
# (phase prefix, Evaluation, whether its Detailed Accuracy By Class table is printed): the
# names pooled over the evaluations, no prefix (see Phases above)
evaluations = [("", evaluate(bayes, train), False), ("", evaluate(bayes, test), False),
               ("", evaluate(tree, train), True), ("", cross_validation, True)]

SUMMARY = {"Correctly_Classified_Instances": "pctCorrect",
           "Incorrectly_Classified_Instances": "pctIncorrect",
           "Kappa_statistic": "kappa", "Mean_absolute_error": "meanAbsoluteError",
           "Root_mean_squared_error": "rootMeanSquaredError",
           "Relative_absolute_error": "relativeAbsoluteError",
           "Root_relative_squared_error": "rootRelativeSquaredError"}
TABLE = {"TP_Rate": "weightedTruePositiveRate", "FP_Rate": "weightedFalsePositiveRate",
         "Precision": "weightedPrecision", "Recall": "weightedRecall",
         "F-Measure": "weightedFMeasure", "ROC_Area": "weightedAreaUnderROC"}
values: dict[str, list[float]] = {}
tolerances: dict[str, float] = {}
for prefix, evaluation, detailed in evaluations:
    for names, tolerance in ((SUMMARY, 5e-5), (TABLE if detailed else {}, 5e-4)):
        for name, method in names.items():
            values.setdefault(prefix + name, []).append(float(getattr(evaluation, method)()))
            tolerances[prefix + name] = tolerance
write_truth(
    "weka", str(Version.VERSION),
    "weka.classifiers.Evaluation of the same evaluations in-process (JPype, the same weka.jar):"
    " NaiveBayes built on train.arff, evaluated on train.arff and test.arff; J48 on train.arff"
    " and crossValidateModel(J48, train, 10, new Random(1)); pctCorrect/pctIncorrect/kappa/"
    "meanAbsoluteError/rootMeanSquaredError/relativeAbsoluteError/rootRelativeSquaredError and"
    " the weighted per-class averages; pooled over the evaluations in print order",
    {name: {"key": "step", "values": [[None, value] for value in series_values],
            "tolerance": tolerances[name]}
     for name, series_values in values.items()},
    also_ok=["Time_taken_to_build_model", "Time_taken_to_test_model_on_training_data"],
    notes="Debian package weka 3.6.14-3 run by the system java; Weka writes no metric file")
