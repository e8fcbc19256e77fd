"""Flower 1.42.0 (flwr, with its ``simulation`` extra: Ray 2.55.1): a federated simulation of
3 clients as Flower's scikit-learn quick start and its "Get started" tutorial run it.
``run_simulation(server_app=ServerApp(server_fn=server_fn), client_app=ClientApp(
client_fn=client_fn), num_supernodes=3, backend_config={"client_resources": {"num_cpus": 1,
"num_gpus": 0.0}})``; each client a ``NumPyClient`` around the example's
``LogisticRegression(penalty="l2", max_iter=1, warm_start=True)`` (its ``set_initial_params``
zeros, ``get_model_params``/``set_model_params``, the ConvergenceWarning silenced in ``fit``)
on its own partition of synthetic data (``make_classification`` with ``random_state`` =
partition id, 150/200/250 rows, an 80/20 ``train_test_split``): ``fit`` returns its parameters,
``len(X_train)`` and ``{"train_loss": log_loss}`` on its training rows (the PyTorch quick
start's fit metric), ``evaluate`` returns ``log_loss`` on its test rows, ``len(X_test)`` and
``{"accuracy": ...}``. The server: the legacy ``FedAvg(fraction_fit=1.0, fraction_evaluate=1.0,
min_available_clients=3, initial_parameters=<zeros>, fit_metrics_aggregation_fn=
weighted_average, evaluate_metrics_aggregation_fn=weighted_average)`` (the tutorial's
``weighted_average``: each client's value times its examples, over all examples) and
``ServerConfig(num_rounds=3)``, no centralised ``evaluate_fn``. Nothing downloaded.

What it prints (all on stderr, Flower's logger with ANSI colours even under a pipe):
``WARNING :   DEPRECATED FEATURE: The `run_simulation` function is deprecated ...`` (and
its indented note), ``INFO :      Starting Flower ServerApp, config: num_rounds=3, no
round_timeout``, ``[INIT]``, ``Evaluation returned no results (`None`)`` (no centralised
evaluation), then a block a round: ``[ROUND 1]``, ``configure_fit: strategy sampled 3 clients
(out of 3)``, ``aggregate_fit: received 3 results and 0 failures``, the same two for
``evaluate``; then::

    INFO :      [SUMMARY]
    INFO :      Run finished 3 round(s) in 8.66s
    INFO :      \tHistory (loss, distributed):
    INFO :      \t\tround 1: 0.6483718866837103
    ...
    INFO :      \tHistory (metrics, distributed, fit):
    INFO :      \t{'train_loss': [(1, 0.5759292739223543),
    INFO :      \t                (2, 0.5419007680975771),
    INFO :      \t                (3, 0.5475397318699087)]}
    INFO :      \tHistory (metrics, distributed, evaluate):
    INFO :      \t{'accuracy': [(1, 0.65), (2, 0.6416666666666667), (3, 0.6333333333333333)]}

(``str(History)``, a pprinted dict, logged a line at a time). Ray adds, once, its
``FutureWarning: Tip: In future versions of Ray, Ray will no longer override accelerator
visible devices ...`` with its source path, and now and then lines of its workers under a
coloured ``(pid=N)`` or ``(ClientAppActor pid=N)`` prefix: ``WARNING :   Manually
terminating ClientAppActor`` at shutdown, or an idle prestarted worker's abseil abort
(``[mutex.cc : 1957] RAW: Check ... failed: Lock: Mutex corrupt``, ``*** SIGABRT received
...``, ``Fatal Python error: Aborted``) that does not touch the run. Which of these show, the
pids and the timing vary run to run.

Truth: Flower's own record, the ``History`` object that ``Server.fit`` returns and
``run_fl`` prints under ``[SUMMARY]`` (``run_simulation`` returns nothing, so the case's
``Server`` subclass only keeps the ``History`` its ``fit`` returns; it changes nothing
printed): ``losses_distributed``, ``metrics_distributed_fit``, ``metrics_distributed``,
lists of ``(server_round, value)``. No metric file. Judgement calls:
- ``loss_distributed``: the FedAvg-weighted mean of the clients' evaluate losses a round,
  ``History.add_loss_distributed(server_round, loss)``, printed under ``History (loss,
  distributed):`` (the heading's words; ``losses_distributed`` is the list's name, the
  framework's name for one entry is ``loss_distributed``, as exptrack's docs read it).
- ``train_loss`` and ``accuracy``: the keys of the aggregated fit and evaluate metrics
  dicts, as printed (no key is in both dicts, so neither needs its heading's word).
- The axis is the round, Flower's 1-based ``server_round`` (``round N`` and each tuple's
  first element), as ``step`` (exptrack reads a federated ``Round N`` as its step); 3
  points each. Exact: the summary prints ``repr`` digits (the f-string and ``pprint``).
- ``Run finished 3 round(s) in 8.66s`` is the elapsed time (``hist, elapsed_time =
  server.fit(...)``): ``also_ok`` as ``elapsed_time`` and ``Run_finished``. The sampled
  clients, results and failures counts and ``num_rounds=3`` are counters and settings.
- Deterministic apart from the timings, Ray's chatter and the last digit or two: FedAvg and
  ``weighted_average`` sum the clients' results in the order they come back from Ray's
  actors, so a value may differ in its last bit between runs (``train_loss`` at round 3
  ``0.5475397318699087`` in one run, ``...086`` in the next); the truth is the same run's.
"""
# zoo-venv: flower

import warnings

import flwr
import numpy as np
import ray
from _truth import series, write_truth
from flwr.client import ClientApp, NumPyClient
from flwr.common import Context, Metrics, ndarrays_to_parameters
from flwr.server import Server, ServerApp, ServerAppComponents, ServerConfig, SimpleClientManager
from flwr.server.strategy import FedAvg
from flwr.simulation import run_simulation
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split

NUM_CLIENTS = 3
NUM_ROUNDS = 3
N_FEATURES = 8


def load_data(partition_id: int):
    """Partition ``partition_id`` of a small synthetic binary task (fixed seed per client)."""
    X, y = make_classification(n_samples=150 + 50 * partition_id, n_features=N_FEATURES,
                               n_informative=4, random_state=partition_id)
    return train_test_split(X, y, test_size=0.2, random_state=0)


def get_model_params(model: LogisticRegression):
    return [model.coef_, model.intercept_]


def set_model_params(model: LogisticRegression, params) -> LogisticRegression:
    model.coef_ = params[0]
    model.intercept_ = params[1]
    return model


def set_initial_params(model: LogisticRegression) -> None:
    model.classes_ = np.array([0, 1])
    model.coef_ = np.zeros((1, N_FEATURES))
    model.intercept_ = np.zeros((1,))


class FlowerClient(NumPyClient):
    def __init__(self, model, X_train, X_test, y_train, y_test):
        self.model = model
        self.X_train, self.X_test = X_train, X_test
        self.y_train, self.y_test = y_train, y_test

    def fit(self, parameters, config):
        set_model_params(self.model, parameters)
        with warnings.catch_warnings():  # max_iter=1 does not converge, as the example says
            warnings.simplefilter("ignore")
            self.model.fit(self.X_train, self.y_train)
        train_loss = log_loss(self.y_train, self.model.predict_proba(self.X_train))
        return get_model_params(self.model), len(self.X_train), {"train_loss": train_loss}

    def evaluate(self, parameters, config):
        set_model_params(self.model, parameters)
        loss = log_loss(self.y_test, self.model.predict_proba(self.X_test))
        accuracy = accuracy_score(self.y_test, self.model.predict(self.X_test))
        return loss, len(self.X_test), {"accuracy": accuracy}


def client_fn(context: Context):
    partition_id = context.node_config["partition-id"]
    X_train, X_test, y_train, y_test = load_data(partition_id)
    model = LogisticRegression(penalty="l2", max_iter=1, warm_start=True)
    set_initial_params(model)
    return FlowerClient(model, X_train, X_test, y_train, y_test).to_client()


def weighted_average(metrics: list[tuple[int, Metrics]]) -> Metrics:
    """The tutorial's aggregation: each client's metric weighted by its number of examples."""
    examples = [num_examples for num_examples, _ in metrics]
    return {key: sum(num_examples * m[key] for num_examples, m in metrics) / sum(examples)
            for key in metrics[0][1]}


HISTORIES = []


class RecordingServer(Server):
    """Flower's own ``Server``; keeps the ``History`` its ``fit`` returns (run_simulation
    returns nothing)."""

    def fit(self, num_rounds, timeout):
        hist, elapsed = super().fit(num_rounds, timeout)
        HISTORIES.append(hist)
        return hist, elapsed


def server_fn(context: Context) -> ServerAppComponents:
    model = LogisticRegression()
    set_initial_params(model)
    strategy = FedAvg(fraction_fit=1.0, fraction_evaluate=1.0, min_available_clients=NUM_CLIENTS,
                      initial_parameters=ndarrays_to_parameters(get_model_params(model)),
                      fit_metrics_aggregation_fn=weighted_average,
                      evaluate_metrics_aggregation_fn=weighted_average)
    server = RecordingServer(client_manager=SimpleClientManager(), strategy=strategy)
    return ServerAppComponents(server=server, config=ServerConfig(num_rounds=NUM_ROUNDS))


client_app = ClientApp(client_fn=client_fn)
server_app = ServerApp(server_fn=server_fn)

if __name__ == "__main__":
    run_simulation(server_app=server_app, client_app=client_app, num_supernodes=NUM_CLIENTS,
                   backend_config={"client_resources": {"num_cpus": 1, "num_gpus": 0.0}})

    (hist,) = HISTORIES  # the History that Flower's [SUMMARY] printed
    rounds = list(range(1, NUM_ROUNDS + 1))
    assert [r for r, _ in hist.losses_distributed] == rounds and not hist.losses_centralized
    assert set(hist.metrics_distributed_fit) == {"train_loss"}
    assert set(hist.metrics_distributed) == {"accuracy"} and not hist.metrics_centralized
    metrics = {"loss_distributed": series(hist.losses_distributed, "step"),
               "train_loss": series(hist.metrics_distributed_fit["train_loss"], "step"),
               "accuracy": series(hist.metrics_distributed["accuracy"], "step")}
    write_truth("flwr", flwr.__version__,
                "History returned by Server.fit (what run_fl prints under [SUMMARY]): "
                "losses_distributed (add_loss_distributed), metrics_distributed_fit, "
                "metrics_distributed, each (server_round, value)",
                metrics, also_ok=["elapsed_time", "Run_finished"],
                notes=f"{NUM_CLIENTS} clients (sklearn LogisticRegression, max_iter=1), "
                      f"FedAvg, {NUM_ROUNDS} rounds; ray {ray.__version__}")
