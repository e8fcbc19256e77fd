"""Round ``tune28`` (session 36). Each test of a new form fails on the parser before the
round (c2c73d2); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import named, names


def test_a_hyphenated_experiment_name_is_no_phase_label() -> None:
    # Diffusion-SVC: "exp/diffusion-test" is the run's folder, not a test phase
    text = ("epoch: 2 |   1/  9 | exp/diffusion-test | batch/s: 0.96 | lr: 0.0002 | "
            "loss: 0.992 | time: 0:00:27.7 | step: 20\n")
    assert names(text) == {"batch/s", "lr", "loss"}


def test_guard_a_phase_after_a_spaced_dash_still_labels() -> None:
    assert names("[epoch 3]-test: loss 0.5 acc 0.9\n") == {"test_loss", "test_acc"}


def test_model_size_shape_and_year_are_no_metrics() -> None:
    text = ("--- model size ---\nmodel: 114,198,016\n"
            "INFO - Number of samples per year: 336\n"
            "INFO - Found data at path /data/train. Number of examples: 2352. "
            "Image Shape: 128 x 256 x 13\n")
    assert named(text) == []


def test_a_duration_phrase_before_for_epoch_keeps_its_words() -> None:
    text = ("2024-02-17 17:51:33,324 - root - INFO - Time taken for epoch 1 is "
            "131.6311058998108 sec\n")
    assert named(text) == [("Time_taken", 131.6311058998108, None, 1)]
    assert names("Total time for epoch 2 is 12.5 sec\n") == {"Total_time"}


def test_guard_other_words_before_at_step_stay_out_of_the_name() -> None:
    # KGE's "Training average loss at step 0": the key is "loss", as its annotator wrote
    assert named("Training average loss at step 100: 1.617721\n") == [
        ("loss", 1.617721, 100, None)]


def test_a_timestep_is_a_step_and_a_predicted_timestep_its_position() -> None:
    assert named("timestep: 1000 reward: 5.0\n") == [("reward", 5.0, 1000, None)]
    text = ("2024-03-19 21:54:04,961 - root - INFO - Predicted timestep 1 of 8. "
            "z500 RMS Error: 34.4258, ACC: 0.99964\n")
    assert named(text) == [("z500_RMS_Error", 34.4258, 1, None), ("ACC", 0.99964, 1, None)]


def test_guard_a_step_after_another_word_is_no_position() -> None:
    # only a past participle ("Predicted", "Processed") makes "<word> step" the position
    loss = [o for o in named("INFO - Accumulate step: 3, loss: 0.5\n") if o[0] == "loss"]
    assert loss == [("loss", 0.5, None, None)]


def test_a_short_epoch_key_with_a_fraction_is_a_metric() -> None:
    # ProDiff's "'e'" is the energy loss; an epoch counts in wholes
    text = "Valid results: {'total_loss': 1.4424, 'l1': 0.1656, 'e': 0.0222}\n"
    assert named(text) == [("valid_total_loss", 1.4424, None, None),
                           ("valid_l1", 0.1656, None, None), ("valid_e", 0.0222, None, None)]
    assert named("e: 3, loss: 0.5\n") == [("loss", 0.5, None, 3)]


def test_a_dict_labelled_results_is_a_report_whatever_its_names() -> None:
    text = ("Valid results: {'total_loss': 1.4424, 'ssim': 0.199, 'pdur': 0.0264, "
            "'wdur': 0.058, 'uv': 0.685, 'f0': 0.2621}\n")
    assert names(text) == {"valid_total_loss", "valid_ssim", "valid_pdur", "valid_wdur",
                           "valid_uv", "valid_f0"}


def test_guard_an_unlabelled_dict_of_settings_stays_configuration() -> None:
    text = "{'warmup_min_lr': 0, 'warmup_num_steps': 1000, 'pdur': 3, 'loss': 0.5}\n"
    assert names(text) == {"loss"}
