"""kernlab 0.9-32 (R's Kernel-Based Machine Learning Lab; Debian bookworm's ``r-cran-kernlab``
0.9-32-1 on ``r-base-core`` 4.2.2, run by ``Rscript``), as its ``?ksvm`` example trains a
support vector machine with cross-validation and prints it: ``model <- ksvm(y ~ ., data =
df, kernel = "rbfdot", C = 1, cross = 5)`` then ``print(model)`` (the example's ``filter <-
ksvm(type~., data = spamtrain, kernel = "rbfdot", kpar = list(sigma = 0.05), C = 5, cross =
3)`` and ``filter``, here with ``kpar``'s default ``"automatic"``: ``sigest`` estimates
sigma from the data). kernlab is no pip package: the case writes the R script into its cwd
and runs ``Rscript kernlab_ksvm.R`` with ``subprocess``, its stdout and stderr let through
unchanged (install: ``apt-get install -y r-base-core r-cran-kernlab r-cran-jsonlite``).

Data: drawn in R (``set.seed(1)``): 200 rows of three standard normals ``x1``..``x3`` and a
two-class factor ``y`` (``yes`` when ``x1^2 + x2`` plus noise exceeds 1; ``x3`` noise).
``set.seed(2)`` before ``ksvm`` fixes ``sigest``'s sample and the 5 folds of ``cross``.
C-svc (a factor response), about a second.

What it prints: nothing on stderr (kernlab loads quietly); on stdout the ``show`` method of
class ``ksvm``::

    Support Vector Machine object of class "ksvm"

    SV type: C-svc  (classification)
     parameter : cost C = 1

    Gaussian Radial Basis kernel function.
     Hyperparameter : sigma =  0.474652939279935

    Number of Support Vectors : 98

    Objective Function Value : -71.0924
    Training error : 0.12
    Cross validation error : 0.155

(``cat`` lines end with a space before the newline). Nothing timed.

Truth: the model's own slots through kernlab's accessors: ``error(model)`` (the training
error), ``cross(model)`` (the mean cross-validation error over the 5 folds) and
``obj(model)`` (the objective function value), written by the R script with
``jsonlite::write_json(digits = NA)`` (15 significant digits) to ``kernlab_ksvm.json`` and
read back here. That file is the case's dump of the model object, not a file kernlab writes:
not in ``files``.

Judgement calls:
- Names, the printed phrases by exptrack's documented rules (docs/metrics.md; kernlab's own
  names are the slot accessors ``error``, ``cross``, ``obj``, never printed):
  ``Training error : 0.12`` -> ``training_error`` (a phase word before ``error``: "After a
  phase word ``error`` is a metric (``training error: 0.03`` -> ``training_error``)");
  ``Cross validation error : 0.155`` -> ``Cross_validation_error`` (a phrase's words joined
  with ``_``; "validation" follows "Cross", so it is part of the phrase, no phase prefix: as
  libsvm_train's ``Cross_Validation_Accuracy``); ``Objective Function Value : -71.0924`` ->
  ``Objective_Function_Value`` ("value" after a name that is no metric's is part of the
  quantity, docs/metrics.md: ``mean target value:`` -> ``mean_target_value``).
- ``Objective_Function_Value`` is a metric: the value of the dual objective at the solution
  (kernlab's ``obj`` slot, negated as kernlab reports it), the training objective the solver
  optimised, a final training loss in kind; unlike LIBSVM's printed ``obj`` (libsvm_train,
  also_ok there for want of a record) kernlab keeps it on the model.
- Key: each value is one result of the trained model, no step or epoch: axis ``None``
  (``key: step``), one value each.
- Not metrics (junk if recorded): ``Number of Support Vectors : 98`` (a count),
  ``cost C = 1`` and ``sigma = 0.4746...`` (settings: ``sigma`` is ``sigest``'s estimate, the
  kernel's hyperparameter, set before training).
- Tolerances: the show method prints ``round(obj(object), 4)`` through ``cat`` (7
  significant digits), ``paste`` of ``round(error(object), 6)`` and ``cat`` of
  ``round(cross(object), 6)``: half the last decimal kept (5e-5 for the objective, 5e-7 for
  the errors), or half a unit of the 7th significant digit where that is coarser.
- Deterministic: seeded data, ``sigest`` sample and folds; two runs print the same bytes.
"""
# zoo-venv: rmisc2

import math

from _rscript import curved_two_class, run_r
from _truth import write_truth

R_SCRIPT = r"""
library(kernlab)

""" + curved_two_class(200) + r"""

set.seed(2)
model <- ksvm(y ~ ., data = df, kernel = "rbfdot", C = 1, cross = 5)
print(model)

jsonlite::write_json(list(
  kernlab = packageDescription("kernlab")$Version,
  r = R.version.string,
  type = type(model),
  C = param(model)$C,
  sigma = kpar(kernelf(model))$sigma,
  nSV = nSV(model),
  error = error(model),
  cross = cross(model),
  obj = obj(model)),
  "kernlab_ksvm.json", auto_unbox = TRUE, digits = NA)
"""


def rounded(value: float, decimals: int) -> float:
    """What ``round(value, decimals)`` printed with 7 significant digits may be off by."""
    seventh = 0.5 * 10 ** (math.floor(math.log10(abs(value))) - 6) if value else 0.0
    return max(0.5 * 10 ** -decimals, seventh)


record = run_r("r_kernlab_ksvm", R_SCRIPT, "kernlab_ksvm", "kernlab_ksvm.json",
               "r-base-core r-cran-kernlab r-cran-jsonlite")

metrics = {}
for name, field, decimals in (("Objective_Function_Value", "obj", 4),
                              ("training_error", "error", 6),
                              ("Cross_validation_error", "cross", 6)):
    value = float(record[field])
    # one result of the trained model, at no step (axis None)
    metrics[name] = {"key": "step", "values": [[None, value]],
                     "tolerance": rounded(value, decimals)}

write_truth(
    "kernlab", record["kernlab"],
    "the ksvm object's slots through kernlab's accessors: obj(model) (Objective Function "
    "Value), error(model) (Training error), cross(model) (Cross validation error, the mean "
    "over the 5 folds), dumped by the R script with jsonlite to kernlab_ksvm.json "
    f"({record['r']}); one value each, no step",
    metrics,
    notes=f"{record['type']}, C = {record['C']}, sigma = {record['sigma']} (sigest's "
          f"estimate): settings; nSV = {record['nSV']} (Number of Support Vectors): a count; "
          "none is a metric")
