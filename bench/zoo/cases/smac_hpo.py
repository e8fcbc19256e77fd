"""SMAC3 2.4.1 (ConfigSpace 1.2.2): ``HyperparameterOptimizationFacade(scenario, train)`` with
``Scenario(configspace, deterministic=True, n_trials=20, output_directory="smac3_output")``
tuning scikit-learn's ``SVC`` by 5-fold ``cross_val_score`` accuracy on generated data
(``make_classification``, 300 rows; nothing downloaded), as SMAC's own example "Support
Vector Machine with Cross-Validation" (``examples/1_basics/2_svm_cv.py``) does: its
configuration space verbatim (``kernel``, ``C`` log-scaled, ``shrinking``, ``degree``,
``coef0``, ``gamma``, ``gamma_value``, with its four ``InCondition``s), its target function
(``cost = 1 - np.mean(scores)``), the facade's default initial design (Sobol, reduced to 5
configurations), then the README quickstart's ``print(incumbent)`` and the example's closing
``print(f"Default cost: {default_cost}")`` and ``print(f"Incumbent cost: {incumbent_cost}")``,
each cost what ``smac.validate(config)`` returned.

What it prints (stdout; SMAC's ``logging.yml`` gives the root logger a StreamHandler on
stdout at INFO, format ``[%(levelname)s][%(filename)s:%(lineno)d] %(message)s``): the initial
design (``Reducing the number of initial configurations from 70 to 5 (max_ratio == 0.25).``,
``Using 5 initial design configurations and 0 additional configurations.``), the intensifier
(``Using only one seed for deterministic scenario.``, ``Added config 6e02b1 as new incumbent
because there are no incumbents yet.``, then for each new incumbent ``Added config 4ff25a and
rejected config 6e02b1 as incumbent because it is not better than the incumbents on 1
instances:`` (sic: SMAC 2.4.1's wording, no value)), and the budget's end (``Configuration
budget is exhausted:``, ``--- Remaining wallclock time: inf``, ``--- Remaining cpu time:
inf``, ``--- Remaining trials: 0``); then ``Configuration(values={`` over lines with the
incumbent's hyperparameters (``'C': 0.0025722290921,``, ``'kernel': np.str_('poly'),``,
``'degree': 4,`` ...), ``validate``'s own ``Using only one seed ...`` line, ``Default cost:
0.2066...`` and ``Incumbent cost: 0.0566...``. On stderr, numpy's ``RuntimeWarning: Mean of
empty slice`` (SMAC's local search averages an empty list of timings, ``local_search.py``
line 588) with its source lines. SMAC never prints a trial's cost.

Truth: SMAC's own record, ``smac.runhistory`` (``RunHistory.items()``: each ``TrialKey`` and
its ``TrialValue``, in the order the trials ran), checked equal to the ``runhistory.json`` it
writes under ``smac3_output/<scenario name>/0/`` (``data``: one dict a trial, same order and
values); ``validate``'s returned costs for the two printed lines. Judgement calls:
- Per-trial ``cost`` (the target function's ``1 - mean accuracy``), and the trial's ``time``
  and ``cpu_time`` (seconds; timing, but SMAC records them as the file's fields, as the
  ``flaml_automl`` case keeps ``trial_time``): never printed, so ``file_metrics``, named by
  runhistory.json's keys, at the trial's 1-based index as ``step`` (SMAC counts trials from 1:
  ``intensifier.json``'s trajectory ``"trial": 1``, ``stats.finished``; ``config_id`` is 1-based
  too and equals it here, one trial a configuration). Exact (JSON floats).
  ``starttime``/``endtime`` (epoch timestamps), ``config_id``, ``seed``, ``status``,
  ``instance``, ``budget`` are no metrics.
- ``Default cost`` and ``Incumbent cost``: SMAC keeps no key for them (``validate`` returns a
  float: it runs the target function again, "on seeds different from the ones used in the
  optimization process"), so they take the printed words (docs/metrics.md "Phrases"):
  ``Default_cost``, ``Incumbent_cost``, one point each after the 20th trial (step 20; the axis
  is not scored). ``Incumbent cost`` is a fresh evaluation of the incumbent, not the
  record's running best printed again (the README's rule for ``Best score``-like lines): here
  (an ``SVC`` whose ``random_state`` does not matter without ``probability=True``) it equals
  the incumbent's runhistory cost, which the case asserts. f-strings of numpy float64 print
  every digit (repr): no tolerance.
- Not metrics: the incumbent's hyperparameters in ``Configuration(values={...})`` (settings),
  the config hashes, ``70 to 5``, ``max_ratio == 0.25``, ``1 instances``, ``Remaining
  trials: 0`` (counts). ``Remaining wallclock time``/``Remaining cpu time`` (``inf``: no limit)
  are timing: ``also_ok``, as are ``optimization.json``'s ``used_walltime``,
  ``used_target_function_walltime``, ``used_target_function_cputime`` and the trajectory's
  ``walltime``. ``intensifier.json``'s trajectory ``costs`` are the incumbent's cost at each
  change, a running best (``also_ok``). ``scenario.json`` and ``configspace.json`` are settings.
- Files: the five SMAC writes under the run's output directory (``scenario.json``,
  ``runhistory.json``, ``configspace.json``, ``optimization.json``, ``intensifier.json``). The
  scenario name is a hash of its settings, the target function's bytecode among them, so the
  folder's name changes with this file.
- Reproducibility: SMAC's local search gathers its start points in a ``set`` of
  ``Configuration``s, hashed by their ``repr`` (a str: salted per interpreter), so from the
  6th trial on the proposals differ between runs unless ``PYTHONHASHSEED`` is fixed; the
  script sets ``PYTHONHASHSEED=0`` and re-executes itself before anything is printed (as
  ``gensim_word2vec`` does). With it the pipe and pty runs try the same 20 configurations.
"""
# zoo-venv: smac

import os
import sys

# SMAC's LocalSearch orders its start points through a set of Configurations (hash of their
# repr string, salted per interpreter): fix the salt before SMAC runs, once, by re-executing
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

import json
from importlib.metadata import version

import numpy as np
from _truth import series, write_truth
from ConfigSpace import Categorical, Configuration, ConfigurationSpace, Float, Integer
from ConfigSpace.conditions import InCondition
from sklearn import svm
from sklearn.datasets import make_classification
from sklearn.model_selection import cross_val_score
from smac import HyperparameterOptimizationFacade, Scenario

X, y = make_classification(n_samples=300, n_features=10, n_informative=4, random_state=0)


class SVM:
    @property
    def configspace(self) -> ConfigurationSpace:
        cs = ConfigurationSpace(seed=0)
        kernel = Categorical("kernel", ["linear", "poly", "rbf", "sigmoid"], default="poly")
        C = Float("C", (0.001, 1000.0), default=1.0, log=True)
        shrinking = Categorical("shrinking", [True, False], default=True)
        degree = Integer("degree", (1, 5), default=3)
        coef = Float("coef0", (0.0, 10.0), default=0.0)
        gamma = Categorical("gamma", ["auto", "value"], default="auto")
        gamma_value = Float("gamma_value", (0.0001, 8.0), default=1.0, log=True)
        use_degree = InCondition(child=degree, parent=kernel, values=["poly"])
        use_coef = InCondition(child=coef, parent=kernel, values=["poly", "sigmoid"])
        use_gamma = InCondition(child=gamma, parent=kernel, values=["rbf", "poly", "sigmoid"])
        use_gamma_value = InCondition(child=gamma_value, parent=gamma, values=["value"])
        cs.add([kernel, C, shrinking, degree, coef, gamma, gamma_value])
        cs.add([use_degree, use_coef, use_gamma, use_gamma_value])
        return cs

    def train(self, config: Configuration, seed: int = 0) -> float:
        config_dict = dict(config)
        if "gamma" in config:
            config_dict["gamma"] = (config_dict["gamma_value"] if config_dict["gamma"] == "value"
                                    else "auto")
            config_dict.pop("gamma_value", None)
        classifier = svm.SVC(**config_dict, random_state=seed)
        scores = cross_val_score(classifier, X, y, cv=5)
        return 1 - np.mean(scores)


classifier = SVM()
configspace = classifier.configspace
scenario = Scenario(configspace, deterministic=True, n_trials=20, output_directory="smac3_output")
smac = HyperparameterOptimizationFacade(scenario, classifier.train)
incumbent = smac.optimize()
print(incumbent)

default_cost = smac.validate(configspace.get_default_configuration())
print(f"Default cost: {default_cost}")
incumbent_cost = smac.validate(incumbent)
print(f"Incumbent cost: {incumbent_cost}")

# SMAC's record: the runhistory in memory, and the runhistory.json it wrote (same order)
out_dir = scenario.output_directory
trials = [(key, value) for key, value in smac.runhistory.items()]
with open(out_dir / "runhistory.json", encoding="utf-8") as handle:
    saved = json.load(handle)["data"]
assert len(trials) == len(saved) == 20, (len(trials), len(saved))
for (key, value), entry in zip(trials, saved, strict=True):
    assert (key.config_id, value.cost, value.time, value.cpu_time) == (
        entry["config_id"], entry["cost"], entry["time"], entry["cpu_time"]), (key, entry)
assert float(incumbent_cost) == smac.runhistory.get_cost(incumbent), incumbent_cost

steps = range(1, len(trials) + 1)
file_metrics = {field: series(zip(steps, [getattr(value, field) for _, value in trials],
                                  strict=True), "step")
                for field in ("cost", "time", "cpu_time")}
last = len(trials)
best = {name: value.item() if isinstance(value, np.generic) else value
        for name, value in incumbent.items()}
files = [str(out_dir / name) for name in ("scenario.json", "runhistory.json", "configspace.json",
                                          "optimization.json", "intensifier.json")]
write_truth("smac", f"{version('smac')} (ConfigSpace {version('ConfigSpace')})",
            "smac.runhistory items (TrialValue.cost/time/cpu_time, in trial order, 1-based) == "
            "runhistory.json's data; smac.validate()'s returned costs for the printed lines",
            {"Default_cost": series([(last, default_cost)], "step"),
             "Incumbent_cost": series([(last, incumbent_cost)], "step")},
            files=files,
            also_ok=["Remaining_wallclock_time", "Remaining_cpu_time", "used_walltime",
                     "used_target_function_walltime", "used_target_function_cputime",
                     "walltime", "costs"],
            file_metrics=file_metrics,
            notes=f"scikit-learn {version('scikit-learn')}; incumbent config_id "
                  f"{smac.runhistory.get_config_id(incumbent)} {best}")
