"""Round ``tune105`` (session 105). Each test of a rule fails on 566cfc63 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import named

from exptrack.metrics.tfevents import read_events

ZOO = Path(__file__).parent / "data" / "zoo"

# MXNet 1.9.1's Gluon Estimator: the closing line restates the last epoch's values beside
# the run's total time (a name of its own, printed nowhere else)
GLUON = (
    "[Epoch 2] Finished in 0.065s, training accuracy: 0.8396, training "
    "softmaxcrossentropyloss: 0.5551\n"
    "Train finished using total 0s with 3 epochs. training accuracy: 0.8396, training "
    "softmaxcrossentropyloss: 0.5551\n")


def test_a_closing_line_restating_an_epoch_beside_a_total_is_no_new_epoch() -> None:
    found = named(GLUON)
    assert [n for n, *_ in found].count("training_accuracy") == 1
    assert ("training_softmaxcrossentropyloss", 0.5551, None, 2) in found


def test_a_guard_a_new_epoch_of_the_same_values_counts() -> None:
    # the same values at the next epoch are a new point
    text = GLUON.replace("Train finished using total 0s with 3 epochs.",
                         "[Epoch 3] Finished in 0.06s,")
    assert [n for n, *_ in named(text)].count("training_accuracy") == 2


# Time-Series-Library's epoch line: "Vali" is its validation phase's word (its variable
# vali_loss), named like the Train and Test beside it
TSLIB = ("Epoch: 1, Steps: 108 | Train Loss: 1.1696443 Vali Loss: 1.0341021 "
         "Test Loss: 1.0464202\n")


def test_vali_is_a_phase_word() -> None:
    assert named(TSLIB) == [("train_loss", 1.1696443, None, 1),
                            ("vali_loss", 1.0341021, None, 1),
                            ("test_loss", 1.0464202, None, 1)]


def test_a_print_args_cell_of_a_list_is_a_setting() -> None:
    from exptrack.metrics import dumps
    assert dumps.two_cells("  P Hidden Dims:      128, 128            P Hidden Layers:    2"
                           "                   ")
    assert dumps.two_cells("  Seq Len:            96                  Label Len:          48")


def test_a_spaced_pair_of_phases_before_a_quantity_names_each_value() -> None:
    # the second value was the first's name's ("val_loss" = 0.5, train's)
    assert named("Train / Val loss: 0.5 / 0.6\n") == [("Train_loss", 0.5, None, None),
                                                     ("Val_loss", 0.6, None, None)]
    assert named("train/val loss: 0.5 / 0.6\n") == [("train_loss", 0.5, None, None),
                                                   ("val_loss", 0.6, None, None)]


def test_a_spaced_triple_names_each_value() -> None:
    # MUSE's unsupervised.py: three quantities of one measure
    line = ("INFO - 12/07/26 14:32:14 - 0:00:03 - Discriminator source / target / global "
            "accuracy: 1.00000 / 0.92000 / 0.96000\n")
    assert named(line) == [("source_accuracy", 1.0, None, None),
                           ("target_accuracy", 0.92, None, None),
                           ("global_accuracy", 0.96, None, None)]
    assert named("Epoch 3 train/valid/test loss: 0.0077 / 0.0238 / 0.0341\n") == [
        ("train_loss", 0.0077, None, 3), ("valid_loss", 0.0238, None, 3),
        ("test_loss", 0.0341, None, 3)]


def test_a_guard_two_names_around_a_spaced_slash_stay_apart() -> None:
    # Flower's "Join ratio / total clients": not one quantity's pair; a shape stays no values
    assert "ratio_clients" not in [n for n, *_ in named("Join ratio / total clients: 1.0 / 4\n")]
    assert named("bsz: 1024 / 1024 / 32\n") == []
    assert named("min/max/mean loss: 0.1/0.9/0.5\n") == []


def _names_by_folder(case: str) -> dict[str, set[str]]:
    files = sorted((ZOO / case / "pipe" / "files").rglob("events.out.tfevents.*"))
    assert files
    return {"/".join(path.parent.parts[-2:]): {o.name for o in read_events(path)}
            for path in files}


def test_tensorboardx_add_scalars_folders_name_their_series() -> None:
    # tensorboardX 2.6.5 writes add_scalars("Loss", {"train": a, "val": b}) to Loss/train
    # and Loss/val (PyTorch's SummaryWriter to Loss_train): Loss_train, Loss_val, as
    # PyTorch's are named (before: "Loss" and "val_Loss", read as phase runs)
    names = _names_by_folder("efficientdet_zylo")
    assert names["Loss/train"] == {"Loss_train"} and names["Loss/val"] == {"Loss_val"}
    assert names["Classfication_loss/val"] == {"Classfication_loss_val"}


def test_a_guard_a_key_that_repeats_its_tag_keeps_the_tag() -> None:
    # MAPPO's add_scalars("policy_loss", {"policy_loss": v}): policy_loss/policy_loss
    names = _names_by_folder("mappo_onpolicy")
    assert {"policy_loss"} in names.values()
    assert not any(n.endswith("_policy_loss") for found in names.values() for n in found)


# LibKGE's start-up configuration (YAML behind its job id): "p" under three sections,
# "s" (a subject's count) once
LIBKGE_CONFIG = "".join(f"[d6140ae0] {line}\n" for line in (
    "Configuration:", "  lookup_embedder:", "    class_name: LookupEmbedder", "    dim: 100",
    "    dropout: 0.0", "    normalize:", "      p: -1.0", "    pretrain:",
    "      ensure_all: false", "    regularize: lp", "    regularize_args:", "      +++: +++",
    "      p: 2", "      weighted: false", "    regularize_weight: 8.0e-08",
    "  negative_sampling:", "    class_name: TrainingJobNegativeSampling", "    filtering:",
    "      o: false", "      split: ''", "    frequency:", "      smoothing: 1",
    "    num_samples:", "      o: -1", "      p: 0", "      s: 3",
    "    sampling_type: uniform", "    shared: false", "  random_seed:", "    default: -1",
    "Dataset folder: data/social"))


def test_a_one_letter_key_of_a_configuration_is_a_setting() -> None:
    assert named(LIBKGE_CONFIG) == []


def test_a_reciprocal_rank_is_a_metric() -> None:
    # LibKGE's evaluation dump: "mean_reciprocal_rank" (its "_rank" read as a process's)
    found = named("[672bf4e3]   hits_at_1: 0.65\n[672bf4e3]   mean_reciprocal_rank: 0.7654\n"
                  "[672bf4e3]   mean_reciprocal_rank_filtered: 0.8\n")
    assert ("mean_reciprocal_rank", 0.7654, None, None) in found
    assert "local_rank" not in [n for n, *_ in named("local_rank: 0, loss: 0.5\n")]


# OLMo-core 3.0's console logger behind its tab-separated record prefix (host:rank first)
OLMO = ("2026-12-07 15:07:11.886\tvm:0\tolmo_core.train.callbacks.console_logger:71\tINFO\t"
        "[step=5/30,epoch=1,eta=1m]\n"
        "    train/CE loss=5.445\n"
        "    throughput/device/TPS=28,469\n"
        "    throughput/device/flopsPS=26.62B\n"
        "    throughput/device/flopsPS (actual avg)=23.34B\n")


def test_a_tab_separated_record_prefix_names_no_value() -> None:
    found = named(OLMO)
    assert "vm" not in [n for n, *_ in found]
    assert ("train/CE_loss", 5.445, 5, 1) in found


def test_a_rates_letter_scales_it() -> None:
    # "B" (billions) after a rate's name, as "K" after one was already read
    found = {n: v for n, v, *_ in named(OLMO)}
    assert found["throughput/device/flopsPS"] == 26.62e9
    assert found["throughput/device/flopsPS_(actual_avg)"] == 23.34e9
    assert found["throughput/device/TPS"] == 28469


def test_a_guard_a_count_in_billions_stays_out() -> None:
    assert named("step 10 params: 7B, loss=0.5\n") == [("loss", 0.5, 10, None)]
    assert [n for n, *_ in named("model Qwen2.5-0.5B loss=0.5\n")] == ["loss"]


def _zoo_lines(case: str, first: int, last: int) -> str:
    lines = (ZOO / case / "pipe" / "output.log").read_bytes().decode().split("\n")
    return "".join(line + "\n" for line in lines[first - 1:last])


def test_a_configuration_key_of_long_words_is_a_setting() -> None:
    # MaxText prints ~400 "Config param <key>: <value>" lines at start-up; a key's word past
    # 31 characters left its line out of the block, read as a metric
    text = _zoo_lines("maxtext_train", 1, 420)
    assert "Config param heartbeat_reporting_interval_in_seconds: 5\n" in text
    assert [n for n, *_ in named(text)] == []


def test_a_log_records_object_over_lines_is_read_whole() -> None:
    # LeRobot's start-up configuration, pprinted behind its record prefix ("INFO 2026-12-07
    # 15:07:41 ot_train.py:197 {'batch_size': 8,"): its "lr", "grad_clip_norm" and
    # "'steps': 40" were read line by line as metrics and a step, not as one dict
    text = _zoo_lines("lerobot_train", 8, 118)
    assert text.startswith("INFO 2026-12-07 15:07:41 ot_train.py:197 {'batch_size': 8,")
    assert "               'lr': 1e-05,\n" in text
    assert named(text) == []


def test_a_reports_last_key_with_a_spaced_colon_keeps_the_line() -> None:
    # StarSpace's test summary: "mean ranks : 1.52" after the hits made the whole line a
    # printed setting ("learning_rate : 0.001"); the count after it stays out
    line = ("hit@1: 0.48 hit@10: 1 hit@20: 1 hit@50: 1 mean ranks : 1.52 "
            "Total examples : 100\n")
    assert named(line) == [("hit@1", 0.48, None, None), ("hit@10", 1.0, None, None),
                           ("hit@20", 1.0, None, None), ("hit@50", 1.0, None, None),
                           ("mean_ranks", 1.52, None, None)]


def test_a_guard_spaced_settings_stay_settings() -> None:
    assert named("lr: 0.1 batch size : 32\n") == []
    assert named("Num examples = 3668\n") == []


def test_heldout_is_a_phase_word() -> None:
    # UDPipe 1.4's tagger: the heldout accuracy was read as a second "accuracy" at the step
    line = "Iteration 1: done, accuracy 92.10%, heldout accuracy 97.27%t/100.00%l/97.27%b\n"
    assert named(line) == [("accuracy", 92.1, 1, None), ("heldout_accuracy", 97.27, 1, None)]


def test_an_options_line_is_a_setting() -> None:
    # UDPipe's "Tagger model 1 options: iterations=3, early_stopping=1, templates=tagger": its
    # "iterations=3" was read as the step and "early_stopping" as a metric
    assert named("Tagger model 1 options: iterations=3, early_stopping=1, "
                 "templates=tagger\nIteration 1: done, accuracy 92.10%\n") == [
        ("accuracy", 92.1, 1, None)]
