"""EvalML 0.84.0 (Alteryx's AutoML library, PyPI's ``evalml``, its last release):
``AutoMLSearch(X_train, y_train, problem_type="binary", max_iterations=6, verbose=True)``
then ``automl.search()``, as its "Automated Machine Learning (AutoML) Search" guide runs it,
on a synthetic binary frame the case writes with numpy/pandas (``default_rng(0)``: 400 rows,
four numeric columns ``age``, ``income``, ``score``, ``tenure`` and two pandas categoricals
``region``, ``plan``; a logistic target ``churn``), rows 0-299 for the search and rows
300-399 kept back as the case's holdout. Then, as the guide does, ``print(automl.rankings)``
and ``print(automl.best_pipeline.score(X_holdout, y_holdout, objectives=["auc", "f1",
"log loss binary"]))``. Defaults otherwise: objective ``Log Loss Binary``, 3-fold
stratified CV (``make_data_splitter``), ``random_seed=0``, the ``SequentialEngine``, the
``DefaultAlgorithm`` (batch 1: a random forest on all features; batch 2: LightGBM, Extra
Trees, Elastic Net and XGBoost on the columns batch 1 selected). With 300 rows, under
evalml's ``_HOLDOUT_SET_MIN_ROWS`` (500), the search makes no holdout of its own and ranks
by mean CV score. About 30 s on two cores.

What it prints (evalml's ``get_logger``: a ``logging.StreamHandler(sys.stdout)``, format
``%(message)s``, level INFO when ``verbose=True``; plain lines, no bar, the same under a
pipe and a pty). The guide's older releases printed ``Batch 1: (1/6) Random Forest ...
Elapsed:00:00``; 0.84.0 prints instead::

    AutoMLSearch will use mean CV score to rank pipelines.

    *****************************
    * Beginning pipeline search *
    *****************************

    Optimizing for Log Loss Binary.
    Lower score is better.

    Using SequentialEngine to train and score pipelines.
    Searching up to 6 pipelines.
    Allowed model families:

    Evaluating Baseline Pipeline: Mode Baseline Binary Classification Pipeline
    Mode Baseline Binary Classification Pipeline:
    \\tStarting cross validation
    \\tFinished cross validation - mean Log Loss Binary: 14.778

    *****************************
    * Evaluating Batch Number 1 *
    *****************************

    Random Forest Classifier w/ Label Encoder + Imputer + One Hot Encoder + RF Classifier ...:
    \\tStarting cross validation
    \\tFinished cross validation - mean Log Loss Binary: 0.611
    ... (batch 2: four more pipelines)
    Search finished after 26.15 seconds
    Best pipeline: Elastic Net Classifier w/ Label Encoder + ...
    Best pipeline Log Loss Binary: 0.533437

(``engine_base.train_and_score_pipeline``: ``f"\\tFinished cross validation - mean
{objective.name}: {cv_score_mean:.3f}"``; the best's ``f"{ranking_score:3f}"``, which is
``%f``, six decimals). Then pandas' repr of ``automl.rankings`` (columns ``id``,
``pipeline_name``, ``search_order``, ``ranking_score``, ``mean_cv_score``,
``standard_deviation_cv_score``, ``percent_better_than_baseline``, ``high_variance_cv``,
``parameters``; sorted best first; pandas elides the middle columns to fit its width:
``id  ...  parameters`` and ``[6 rows x 9 columns]``), then the holdout scores' repr:
``OrderedDict([('AUC', 0.78...), ('F1', 0.70...), ('Log Loss Binary', 0.56...)])``.
stderr: woodwork's ``UserWarning: Could not infer format, so each element will be parsed
individually, falling back to `dateutil```, twice when ``AutoMLSearch`` infers the frame's
types and twice more when ``score`` does (those two in a several-line form: by then an
import during the search has replaced ``warnings.formatwarning``).

Truth: evalml's own in-memory record of the search, ``automl.results["pipeline_results"]``
(one dict a pipeline, keyed by its ``id``, with ``mean_cv_score``, the mean of the folds'
``Log Loss Binary``), checked against ``automl.full_rankings`` (the same numbers, sorted)
and ``results["search_order"]``; and the holdout scores the case computes with the best
pipeline's ``score``, full precision. Judgement calls:
- ``mean_Log_Loss_Binary`` is each pipeline's mean CV score, named as printed, its words
  joined by ``_`` as the zoo's naming rule joins a printed phrase (the objective's name after
  ``mean``; evalml keys it ``mean_cv_score`` under the search's
  objective). One series, a point a pipeline, keyed ``step`` = the pipeline's ``id``: evalml
  numbers pipelines 0.. in the order it evaluates them (``id = len(pipeline_results)``, and
  ``search_order`` is ``[0, 1, ..., 5]``); the baseline is 0 and its 14.778 is a point like
  the others. 0.84.0 prints no pipeline number beside the line (only the pipeline's name),
  so the id is the line's position among the ``Finished cross validation`` lines, which
  come in id order; the rankings table shows the ids beside the pipelines, best first.
  ``Evaluating Batch Number 2`` heads four pipelines (ids 2-5): a batch is no pipeline's
  axis, and the baseline comes before any batch.
  ``.3f``: tolerance 5e-4.
- The holdout scores (``AUC``, ``F1``, ``Log Loss Binary``): named as evalml keys them in
  the OrderedDict ``score`` returns (objective names), one point each at axis 0 (no axis
  printed), exact (repr of Python floats). ``Log Loss Binary`` here is the holdout's; the
  CV series is ``mean_Log_Loss_Binary``.
- ``Best pipeline Log Loss Binary: 0.533437`` is the best pipeline's ``ranking_score``
  again, the lowest point of the CV series (a running best printed once at the end):
  ``also_ok``, not a series of its own.
- ``Search finished after 26.15 seconds`` (``automl.search_duration``) is timing:
  ``also_ok``. The ``rankings`` table's columns are evalml's record again, best first: its
  ``ranking_score``/``mean_cv_score`` repeat the CV series in another order and its
  ``standard_deviation_cv_score`` and ``percent_better_than_baseline`` are elided by pandas
  at 80 columns (pipe) and at 120 (pty): nothing of them is printed, so they are neither
  truth nor ``also_ok``; ``id``, ``search_order``, ``[6 rows x 9 columns]`` are counters.
  ``Searching up to 6 pipelines`` is a setting.
- Determinism: ``random_seed=0`` seeds the splits and models; the frame is from a fixed
  seed. Only the timings vary between runs.
"""
# zoo-venv: evalml

import importlib.metadata

import numpy as np
import pandas as pd
from _truth import series, write_truth
from evalml.automl import AutoMLSearch

rng = np.random.default_rng(0)
ROWS = 400
frame = pd.DataFrame({
    "age": rng.integers(18, 80, ROWS).astype(float),
    "income": rng.normal(50.0, 15.0, ROWS).round(2),
    "score": rng.normal(0.0, 1.0, ROWS),
    "tenure": rng.integers(0, 20, ROWS).astype(float),
    "region": pd.Categorical(rng.choice(["north", "south", "east", "west"], ROWS)),
    "plan": pd.Categorical(rng.choice(["basic", "plus", "pro"], ROWS)),
})
logit = (0.04 * (frame["age"] - 45) + 0.05 * (frame["income"] - 50) + 0.8 * frame["score"]
         + frame["plan"].map({"basic": -0.7, "plus": 0.0, "pro": 0.9}).astype(float)
         + frame["region"].map({"north": 0.4, "south": -0.3, "east": 0.0,
                                "west": 0.1}).astype(float))
y = pd.Series((rng.random(ROWS) < 1 / (1 + np.exp(-logit))).astype(int), name="churn")
X_train, X_holdout = frame.iloc[:300], frame.iloc[300:]
y_train, y_holdout = y.iloc[:300], y.iloc[300:]

automl = AutoMLSearch(X_train, y_train, problem_type="binary", max_iterations=6, verbose=True)
automl.search()
print(automl.rankings)
holdout = automl.best_pipeline.score(X_holdout, y_holdout,
                                     objectives=["auc", "f1", "log loss binary"])
print(holdout)

# truth: evalml's own record of each pipeline's mean CV score, by id
results = automl.results["pipeline_results"]
assert automl.results["search_order"] == sorted(results), automl.results["search_order"]
assert sorted(results) == list(range(6)), sorted(results)
assert automl.objective.name == "Log Loss Binary", automl.objective.name
full = automl.full_rankings
for row in full.itertuples():
    assert row.mean_cv_score == results[row.id]["mean_cv_score"], row
cv = [(pipeline_id, results[pipeline_id]["mean_cv_score"]) for pipeline_id in sorted(results)]
assert list(holdout) == ["AUC", "F1", "Log Loss Binary"], holdout

metrics = {"mean_Log_Loss_Binary": series(cv, "step", tolerance=5e-4)}
for name, value in holdout.items():
    metrics[name] = series([(0, value)], "step")
write_truth(
    "evalml", importlib.metadata.version("evalml"),
    "automl.results['pipeline_results'][id]['mean_cv_score'] (each pipeline's mean 3-fold CV "
    "Log Loss Binary, by id = search order, 0 the baseline), checked against "
    "automl.full_rankings; automl.best_pipeline.score(X_holdout, y_holdout, ['auc', 'f1', "
    "'log loss binary']) on the case's 100 held-out rows",
    metrics,
    also_ok=["Best pipeline Log Loss Binary", "best_pipeline_Log_Loss_Binary",
             "Search finished after", "search_duration"],
    notes="pipelines " + "; ".join(f"{pid}: {results[pid]['pipeline_name']}"
                                   for pid in sorted(results))
          + f"; best id {int(full.iloc[0]['id'])}; search_duration "
          f"{automl.search_duration:.2f} s",
)
