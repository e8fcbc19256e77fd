"""Round ``tune96`` (session 96). Each test of a rule fails on 405816e1 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import named

from exptrack.metrics.tfevents import read_events

ZOO = Path(__file__).parent / "data" / "zoo"


def _events(case: str) -> list[Path]:
    found = sorted((ZOO / case / "pipe" / "files").rglob("events.out.tfevents.*"))
    assert found, case
    return found


def _tags(case: str) -> set[str]:
    return {o.name for path in _events(case) for o in read_events(path)}


def test_a_setting_said_twice_before_the_run_is_a_setting() -> None:
    # rl_games builds its actor's and its critic's network and says so twice ("build mlp:
    # 4", the observation size); each rank of a distributed run prints the same configuration.
    # The same value twice before the first epoch is a setting, as once is (before: recorded
    # as a series of two values, named "train_build_mlp" after "Started to train")
    text = ("Started to train\nseq_length: 4\nbuild mlp: 4\nbuild mlp: 4\n"
            "epoch 1 loss 0.5\nepoch 2 loss 0.4\n")
    assert named(text) == [("loss", 0.5, None, 1), ("loss", 0.4, None, 2)]


def test_names_printed_again_beside_a_changing_one_before_the_run_are_series() -> None:
    # guard: Darknet's "Region Avg IOU: ..., Class: 1.000000, Obj: ..." before its first
    # iteration line: "Class" stays 1.0, but beside values that change it is a column
    text = ("Region Avg IOU: 0.044, Class: 1.000000, Obj: 0.61\n"
            "Region Avg IOU: 0.101, Class: 1.000000, Obj: 0.63\n"
            "epoch 1 loss 0.5\n")
    assert [(n, v) for n, v, *_ in named(text) if n in ("Class", "Obj")] == [
        ("Class", 1.0), ("Obj", 0.61), ("Class", 1.0), ("Obj", 0.63)]


def test_a_setting_said_twice_and_printed_again_in_the_run_is_a_series() -> None:
    # a learning rate printed at set-up by two ranks, then at each epoch: the series, its
    # set-up value once (before: twice)
    text = "lr: 0.1\nlr: 0.1\nepoch 1 loss 0.5 lr: 0.1\nepoch 2 loss 0.4 lr: 0.05\n"
    assert [(n, v) for n, v, *_ in named(text) if n == "lr"] == [
        ("lr", 0.1), ("lr", 0.1), ("lr", 0.05)]


def test_an_event_tag_named_for_its_axis_under_a_quantity_is_the_quantity() -> None:
    # rl_games writes "rewards/step", "rewards/iter" and "rewards/time": the mean reward
    # against frames, epochs and seconds (as "episode_lengths/step"). A tag ending in a
    # counter's word was skipped whole (before: the three "/step" series were never read)
    tags = _tags("rl_games_ppo")
    assert {"rewards/step", "shaped_rewards/step", "episode_lengths/step",
            "rewards/iter"} <= tags


def test_an_event_tag_of_a_counter_stays_out() -> None:
    # guard: Tianshou's "info/epoch" counts (whole numbers that never go down), Hugging
    # Face's "train/epoch" is under a phase: neither is a metric
    assert "info/epoch" not in _tags("tianshou_dqn")
    hf = _tags("hf_trainer_tb")
    assert "train/epoch" not in hf and "train/loss" in hf


def test_add_scalars_series_are_named_as_their_folders() -> None:
    # PyTorch's SummaryWriter.add_scalars("Loss", {"train": a, "val": b}) writes each key to
    # a folder of its own (Loss_train, Loss_val) under the one tag "Loss": two series, named
    # as TensorBoard's runs (before: pooled under "Loss", ten values of two quantities)
    names = {path.parent.name: {o.name for o in read_events(path)}
             for path in _events("torch_add_scalars")}
    assert names == {"Loss_train": {"Loss_train"}, "Loss_val": {"Loss_val"},
                     "exp": {"MAE/val"}}


def test_a_phase_folder_still_prefixes_its_tags() -> None:
    # guard: TensorFlow's custom-loop tutorial's logs/.../test folder holds "loss" and
    # "accuracy": the test run's series (a folder named for a phase, not for its tag)
    test = [path for path in _events("tf_custom_loop") if path.parent.name == "test"]
    assert {o.name for o in read_events(test[0])} == {"test_loss", "test_accuracy"}


def test_a_key_of_words_joined_by_and_after_a_value() -> None:
    # rl_games' print_statistics: "fps step: 53619 fps step and policy inference: 11516 fps
    # total: 6954 epoch: 2/12 frames: 512": the words between a value and the next colon,
    # one "and" among them, name one measure (before: "inference", a junk name)
    line = ("fps step: 53619 fps step and policy inference: 11516 fps total: 6954 "
            "epoch: 2/12 frames: 512\n")
    assert [(n, v) for n, v, *_ in named(line)] == [
        ("fps_step", 53619.0), ("fps_step_and_policy_inference", 11516.0),
        ("fps_total", 6954.0)]


def test_words_joined_by_and_in_prose_stay_out() -> None:
    # guard: prose with "and" before a colon names nothing ("Loaded 3 files and skipped: 2")
    assert named("Loaded 3 files and skipped: 2\n") == []
