"""Ax 1.3.1 (ax-platform, on BoTorch 0.18.1): the Service API loop of Ax's docs ("Service
API": ``AxClient``, ``create_experiment``, ``get_next_trial``, ``complete_trial``) on Branin,
Ax's own ``ax.utils.measurement.synthetic_functions.branin``, evaluated locally:
``AxClient(random_seed=0)``, ``create_experiment(name="branin_test_experiment", parameters=[x1
in [-5, 10], x2 in [0, 15]], objectives={"branin": ObjectiveProperties(minimize=True)})``,
then 12 trials, each ``parameters, trial_index = ax_client.get_next_trial()`` and
``ax_client.complete_trial(trial_index=trial_index, raw_data=evaluate(parameters))`` with the
Service API tutorial's ``evaluate`` (``{"branin": (value, 0.0)}``: mean and SEM, 0.0 as Ax's
``complete_trial`` docstring asks for noiseless data), then ``best_parameters, values =
ax_client.get_best_parameters()``, ``print(best_parameters)``, ``means, covariances =
values`` and ``print(means)``, as the tutorial and the scripts copied from it print them.
The default strategy is 5 Sobol trials, then BoTorch (a GP fitted each trial).

What it prints: Ax's own logging (its ``ax`` logger's stream handler on stderr, ``[%(levelname)s
%(asctime)s] %(name)s: %(message)s`` with ``%m-%d %H:%M:%S``): a DeprecationWarning for
``AxClient`` (removed in 1.4.0), ``[WARNING ...] ax.service.ax_client: Random seed set to 0.
...``, two ``ax.generation_strategy.dispatch_utils`` INFO lines (the chosen strategy, its long
repr), then per trial ``[INFO 12-06 20:38:10] ax.service.ax_client: Generated new trial 3 with
parameters {'x1': -3.193132, 'x2': 3.921633} using model Sobol.`` and ``... Completed trial 3
with data: {'branin': 72.279854}.`` (``Trial.update_trial_data`` logs each metric's mean alone,
rounded to 6 decimals by Ax's ``round_floats_for_logging``; Ax 0.x printed ``(mean, sem)``
tuples there). From the first BoTorch trial on, each GP fit warns on stderr through gpytorch,
two lines (``.../noise_models.py:150: NumericalWarning: Very small noise values detected. ...
Rounding small noise values up to 1e-06.`` and ``  warnings.warn(``): the SEM of 0.0. Then the
best parameters dict (full floats) and the means dict, ``{'branin': np.float64(0.40...)}``.

Truth: Ax's own record of the observations, ``ax_client.experiment.lookup_data().df`` (a row
per trial and metric: ``trial_index``, ``metric_name``, ``mean``, ``sem``), checked against
``get_trials_data_frame()``. Judgement calls, after the project's searches (``optuna_study``:
``value`` at the trial number, ``hyperopt_fmin``, ``skopt_gp_minimize``):
- The metric is ``branin``, the name Ax keys it by (the objective's metric name, printed as the
  data dict's key), keyed by the trial index as ``step`` (0-based, as ``Completed trial 3``
  prints it): 12 points. Tolerance 5e-7, half the logged 6th decimal.
- The SEM (0.0, in the record's ``sem`` column) is not printed; it would be the value's spread,
  no metric of its own (README). The gpytorch warning's ``1e-06`` is a noise floor, no metric.
- The parameters (``Generated new trial 3 with parameters {...}``, the closing best
  parameters) are the search's inputs, not metrics; the trial number is the step.
- The closing ``{'branin': np.float64(0.40...)}`` is ``get_best_parameters()``'s model
  prediction at the best arm (the GP's posterior mean there, 0.4019 beside trial 10's observed
  0.4006, not any trial's observation): a best-so-far summary of no trial, no value of the
  ``branin`` series (as Optuna's "Best is trial N with value" and
  skopt's ``Best score`` are none). It carries the series' own name, so it cannot go in
  ``also_ok``: a parser that records it adds a 13th point to ``branin``.
- No file: AxClient without a storage config writes nothing. Nothing timed is printed.
"""
# zoo-venv: ax

import ax
from _truth import series, write_truth
from ax.service.ax_client import AxClient, ObjectiveProperties
from ax.utils.measurement.synthetic_functions import branin


def evaluate(parameters: dict) -> dict:
    return {"branin": (branin(parameters["x1"], parameters["x2"]), 0.0)}


ax_client = AxClient(random_seed=0)
ax_client.create_experiment(
    name="branin_test_experiment",
    parameters=[
        {"name": "x1", "type": "range", "bounds": [-5.0, 10.0], "value_type": "float"},
        {"name": "x2", "type": "range", "bounds": [0.0, 15.0], "value_type": "float"},
    ],
    objectives={"branin": ObjectiveProperties(minimize=True)},
)

for _ in range(12):
    parameters, trial_index = ax_client.get_next_trial()
    # Local evaluation here can be replaced with deployment to external system.
    ax_client.complete_trial(trial_index=trial_index, raw_data=evaluate(parameters))

best_parameters, values = ax_client.get_best_parameters()
print(best_parameters)
means, covariances = values
print(means)

data = ax_client.experiment.lookup_data().df
rows = data[data["metric_name"] == "branin"].sort_values("trial_index")
points = [(int(i), float(m)) for i, m in zip(rows["trial_index"], rows["mean"], strict=True)]
frame = ax_client.get_trials_data_frame().sort_values("trial_index")
assert len(points) == 12 and [i for i, _ in points] == list(range(12))
assert [v for _, v in points] == [float(v) for v in frame["branin"]]
assert set(float(s) for s in rows["sem"]) == {0.0}
write_truth("ax-platform", ax.__version__,
            "ax_client.experiment.lookup_data().df (trial_index, metric_name 'branin', mean); "
            "the same as get_trials_data_frame()",
            {"branin": series(points, "step", tolerance=5e-7)},
            notes=f"best parameters {best_parameters}; predicted means {dict(means)} "
                  f"(a model prediction, not a trial's value)")
