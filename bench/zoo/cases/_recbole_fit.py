"""Shared by the RecBole zoo cases (``recbole_bpr``, ``recbole_bpr_progress``): write the
synthetic ``dataset/toy/toy.inter``, run ``run_recbole(model="BPR", dataset="toy", ...)`` with
the trainer's returned values caught in memory, and write ``truth.yaml`` (the judgements are
in ``recbole_bpr``'s docstring).

Not a case itself (its name starts with ``_``); imported as ``from _recbole_fit import fit``.
"""

from __future__ import annotations

import glob
import os
from typing import Any

# RecBole 1.2.1 loads its best-model checkpoint (config, optimizer state) with a plain
# torch.load; torch >= 2.6 defaults to weights_only=True, which refuses it. torch's own switch:
os.environ.setdefault("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")

import numpy as np
import recbole
from _records import tb_scalars
from _truth import series, write_truth
from recbole.quick_start import run_recbole
from recbole.trainer import Trainer


def write_data() -> None:
    """100 users x 200 items, 30 interactions each: five user groups, each preferring 40
    items (24 picks among them, 6 elsewhere), in RecBole's atomic ``.inter`` format."""
    rng = np.random.default_rng(0)
    os.makedirs("dataset/toy", exist_ok=True)
    with open("dataset/toy/toy.inter", "w", encoding="utf-8") as handle:
        handle.write("user_id:token\titem_id:token\trating:float\ttimestamp:float\n")
        for user in range(1, 101):
            group = user % 5
            liked = np.arange(group * 40, group * 40 + 40) + 1
            others = np.setdiff1d(np.arange(1, 201), liked)
            picks = np.concatenate([rng.choice(liked, 24, replace=False),
                                    rng.choice(others, 6, replace=False)])
            rng.shuffle(picks)
            for order, item in enumerate(picks):
                rating = float(rng.integers(1, 6))
                stamp = float(1_600_000_000 + user * 10_000 + order * 60)
                handle.write(f"{user}\t{int(item)}\t{rating}\t{stamp}\n")


def fit(show_progress: bool) -> None:
    write_data()

    # the trainer's own values, caught as it returns them (RecBole prints them itself)
    train_losses: list[tuple[int, float]] = []
    valid_results: list[tuple[float, dict[str, Any]]] = []
    train_epoch, valid_epoch = Trainer._train_epoch, Trainer._valid_epoch

    def caught_train_epoch(self, train_data, epoch_idx, *args, **kwargs):
        loss = train_epoch(self, train_data, epoch_idx, *args, **kwargs)
        train_losses.append((epoch_idx, float(loss)))
        return loss

    def caught_valid_epoch(self, *args, **kwargs):
        score, result = valid_epoch(self, *args, **kwargs)
        valid_results.append((float(score), dict(result)))
        return score, result

    Trainer._train_epoch, Trainer._valid_epoch = caught_train_epoch, caught_valid_epoch

    config = {"data_path": "dataset", "epochs": 4, "eval_step": 1, "stopping_step": 10,
              "train_batch_size": 256, "eval_batch_size": 512, "topk": [10],
              "metrics": ["Recall", "MRR", "NDCG", "Hit", "Precision"],
              "valid_metric": "MRR@10", "use_gpu": False, "show_progress": show_progress,
              "log_wandb": False, "learning_rate": 0.01}
    result = run_recbole(model="BPR", dataset="toy", config_dict=config)

    # eval_step 1: one validation after each training epoch, in order
    epochs = [epoch for epoch, _ in train_losses]
    metrics = {"train_loss": series(train_losses, "epoch", tolerance=5e-5),
               "valid_score": series(zip(epochs, [s for s, _ in valid_results], strict=True),
                                     "epoch")}
    for name in valid_results[0][1]:
        metrics[name] = series(
            zip(epochs, [r[name] for _, r in valid_results], strict=True), "epoch")
    for name, value in result["test_result"].items():
        metrics[f"test_{name}"] = series([(epochs[-1], value)], "epoch")

    event_files = sorted(glob.glob("log_tensorboard/**/events.out.tfevents.*", recursive=True))
    found = tb_scalars(event_files)
    file_metrics = {tag: series(pairs, "epoch", rel_tolerance=1e-6)
                    for tag, pairs in found.items()}
    best = list(result["best_valid_result"])
    also_ok = ["training_time", "evaluating_time", "FLOPs",
               *(f"best_valid_{name}" for name in best), "CPU", "GPU", "Memory"]
    if show_progress:
        also_ok += ["it/s", "s/it"]
    write_truth("recbole", recbole.__version__,
                "Trainer._train_epoch/_valid_epoch return values, "
                "run_recbole()['test_result']; log_tensorboard/ events (SummaryWriter)",
                metrics, files=event_files, file_metrics=file_metrics, also_ok=also_ok,
                notes="tensorboard scalar tags: " + ", ".join(sorted(found)))
