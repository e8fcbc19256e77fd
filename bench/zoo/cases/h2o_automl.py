"""H2O-3 3.46.0.12 AutoML (``h2o``, H2O's Python client; its wheel bundles ``h2o.jar``, run on
the system's OpenJDK 17): ``h2o.init(nthreads=1, max_mem_size="1G")`` starts a local one-node
cluster (one thread, as h2o_gbm.py, so XGBoost and the rest repeat), the case uploads a
pandas frame (``h2o.H2OFrame(df)``), makes the response a factor (``train[y] =
train[y].asfactor()``, as the AutoML docs' Python example does), runs ``aml =
H2OAutoML(max_models=2, seed=1, exclude_algos=["DeepLearning", "StackedEnsemble"],
verbosity="info")`` and ``aml.train(x=x, y=y, training_frame=train)`` (every other parameter
at its default: 5-fold cross-validation, ``sort_metric`` AUC for a binary response), then
``print(aml.leaderboard)`` ("View the AutoML Leaderboard", as the docs do; ``lb.head(rows=
lb.nrows)`` there prints the same rows), and shuts the cluster down
(``h2o.cluster().shutdown()``). Binary classification (``y`` is ``"pos"``/``"neg"``) on the
synthetic frame of ``_pos_neg_frame`` (four normal features, numpy seed 0, 300 rows; no
validation or leaderboard frame: the leaderboard scores cross-validation). The docs' example
uses ``max_models=20``; 2 (XGBoost def_2, then GLM) and no DeepLearning/StackedEnsemble keep
it to about 6 s of AutoML (20-30 s in all with the JVM's start). Why 2, not 4: on a terminal
H2O's progress bar redraws itself, mostly unchanged, up to hundreds of times a second while a
model trains (``h2o/utils/progressbar.py``, ``ProgressBar.execute``), a rate that varies from
run to run with the machine's load; four models (about 25 s) wrote 1.0 MB of pty log, three
0.1 to 0.8 MB over two tries, two 0.17 MB twice. Nothing downloaded.

What it prints (all on stdout; nothing on stderr). ``h2o.init``'s connection notes, the
version-age warning, the cluster table (``H2O_cluster_uptime:         04 secs``, memory, core
counts, the random cluster name ...) and the community-edition box, as h2o_gbm.py describes;
``Parse progress: |███...| (done) 100%``. Then ``AutoML progress: |`` with, at
``verbosity="info"``, AutoML's event log streamed into the bar as it happens, a line an INFO
event, each led by its time of day::

    02:30:58.575: 5-fold cross-validation will be used.
    02:30:58.584: Setting stopping tolerance adaptively based on the training frame: 0.05
    02:30:58.585: Build control seed: 1
    02:30:58.585: training frame: Frame key: AutoML_1_..._training_py_1_sid_9cf0    cols: 5 ...
    02:30:58.609: Loading execution steps: [{XGBoost : [def_2 (1g, 10w), ...]}, ...]
    02:30:58.701: AutoML: starting XGBoost_1_AutoML_1_20261207_23058 model training
    02:31:03.57: New leader: XGBoost_1_AutoML_1_20261207_23058, auc: 0.8083777777777778
    02:31:03.60: AutoML: starting GLM_1_AutoML_1_20261207_23058 model training
    02:31:05.30: New leader: GLM_1_AutoML_1_20261207_23058, auc: 0.8560888888888889
    ...
    02:31:05.38: AutoML build done: built 2 models
    02:31:05.38: AutoML duration:  6.379 sec

(the milliseconds unpadded, ``.57`` for 57 ms; the bar's ``█`` blocks between them, under a
pipe; on the pty the bar is redrawn on ``\\r``, thousands of times), and the leaderboard, an
``H2OFrame`` printed as a tabulate table (its cells to six significant digits, tabulate's
``g``, pipe and pty alike) with the footer ``[2 rows x 7 columns]`` (the training frame line
goes on ``rows: 300  chunks: 1    size: 10540  checksum: 1926341528758792976``; the table's
last three columns, ``mean_per_class_error  rmse  mse``, are cut here: ``0.22  0.392806
0.154297`` and ``0.223333  0.420325  0.176673``)::

    model_id                                auc    logloss     aucpr    ...
    GLM_1_AutoML_1_20261207_23058      0.856089   0.477281  0.842204    ...
    XGBoost_1_AutoML_1_20261207_23058  0.808378   0.53737   0.764448    ...

Last, ``shutdown()``'s ``H2O session _sid_xxxx closed.``

Truth: H2O's own record, not stdout: ``aml.leaderboard.as_data_frame()`` (the leaderboard
frame, full precision, a row a model, best first by ``auc``). The case asserts that each row
is the model's cross-validation metrics (``h2o.get_model(model_id).model_performance(
xval=True)``, its metric JSON's ``AUC``, ``logloss``, ``pr_auc``, ``mean_per_class_error``,
``RMSE``, ``MSE``) and that each ``New leader: <model>, auc: <value>`` event of
``aml.event_log`` (the record those lines print) is the leaderboard's ``auc`` of that model.
Judgement calls:
- The leaderboard: each metric column is a series named by its column, H2O's own key
  (``auc``, ``logloss``, ``aucpr``, ``mean_per_class_error``, ``rmse``, ``mse``), a value
  per model in the leaderboard's order (its rows, best first), at no step (axis ``None``,
  ``key: step``): the rows are models, not iterations or epochs of one training, and their
  order is a ranking, no axis (``model_id`` names a row, no step), as h2o_gbm.py pools its
  two metrics blocks at no step. 2 points a series. ``rel_tolerance=5e-6``: the table prints
  six significant digits.
- ``New leader: XGBoost_1_..., auc: 0.8083777777777778``: the AUC of the model that leads the
  leaderboard so far, printed when the leader changes (twice here, both models leading in
  turn): a running best, a reprint of a leaderboard value (asserted), so no series of its own
  (bench/zoo/README.md); a tracker that records these as ``auc`` gets the two values in
  training order (0.808, 0.856) where the leaderboard ranks them (0.856, 0.808).
- Not metrics (junk if recorded): the cluster table (memory, core and node counts, the
  version and its age), the progress bars' percentages, the event times of day
  (``02:30:58.584``), ``5-fold``, the adaptive stopping tolerance (``0.05``, a setting AutoML
  derives from the frame's size), ``Build control seed: 1``, the training frame's
  ``cols``/``rows``/``chunks``/``size``/``checksum`` (a description of the data), the
  execution steps' priorities and weights (``1g, 10w``), ``built 2 models`` (a count) and
  ``[2 rows x 7 columns]``.
- ``also_ok``: ``H2O_cluster_uptime`` (the cluster table's ``04 secs``) and the event log's
  ``AutoML duration:  6.379 sec`` (kept by H2O as the event ``duration_secs``): timings,
  under the names the key and the printed words give (``duration_secs``,
  ``AutoML_duration``, ``duration``).
- Deterministic: the frame is seeded, AutoML with ``seed=1`` and ``max_models`` (no time
  budget) builds the same two models (XGBoost def_2, GLM def_1) on one thread, pipe and pty
  alike (every run gave the same leaderboard values). What changes: the times of day,
  durations and uptime, the project name (``AutoML_1_<date>_<time>``, so every model id),
  the cluster name, the ice root's temp path, the session id, the frame key, the version-age
  notice, the order of the two ``Disabling Algo`` lines (a set) and, on the pty, how many
  times the bar is redrawn.
"""
# zoo-venv: h2oautoml

import warnings

import h2o
from _pos_neg_frame import pos_neg_frame
from _truth import write_truth
from h2o.automl import H2OAutoML

h2o.init(nthreads=1, max_mem_size="1G")

train = h2o.H2OFrame(pos_neg_frame())
x = train.columns
y = "y"
x.remove(y)
train[y] = train[y].asfactor()

aml = H2OAutoML(max_models=2, seed=1, exclude_algos=["DeepLearning", "StackedEnsemble"],
                verbosity="info")
aml.train(x=x, y=y, training_frame=train)

lb = aml.leaderboard
print(lb)

# --- truth: H2O's own record (the leaderboard frame, its models, the event log) ---
with warnings.catch_warnings():  # as_data_frame's single-thread notice: not the run's output
    warnings.simplefilter("ignore")
    board = lb.as_data_frame()
    events = aml.event_log.as_data_frame()
columns = ["auc", "logloss", "aucpr", "mean_per_class_error", "rmse", "mse"]
assert list(board.columns) == ["model_id", *columns], list(board.columns)
model_ids = list(board["model_id"])
for row, model_id in enumerate(model_ids):
    xval = h2o.get_model(model_id).model_performance(xval=True)._metric_json
    for name, key in [("auc", "AUC"), ("logloss", "logloss"), ("aucpr", "pr_auc"),
                      ("mean_per_class_error", "mean_per_class_error"), ("rmse", "RMSE"),
                      ("mse", "MSE")]:
        value = xval[key]
        assert abs(float(board[name][row]) - float(value)) <= 1e-12, (model_id, name, value)
leaders = [message for message in events["message"] if str(message).startswith("New leader: ")]
for message in leaders:
    model_id, printed = message.removeprefix("New leader: ").split(", auc: ")
    assert float(printed) == float(board["auc"][model_ids.index(model_id)]), message
metrics = {name: {"key": "step",
                  "values": [[None, float(value)] for value in board[name]],
                  "rel_tolerance": 5e-6}
           for name in columns}

write_truth("h2o", h2o.__version__,
            "aml.leaderboard.as_data_frame(): a row a model (best first), columns auc, "
            "logloss, aucpr, mean_per_class_error, rmse, mse (each model's cross-validation "
            "metrics), a value per model at no step",
            metrics, also_ok=["H2O_cluster_uptime", "duration_secs", "AutoML_duration",
                              "duration"],
            notes=f"models in leaderboard order: {model_ids}; {len(leaders)} New leader "
                  f"events")

h2o.cluster().shutdown()
