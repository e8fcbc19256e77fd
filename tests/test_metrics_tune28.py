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
    # a word that is neither a phase nor an average stays out of the name ("Training
    # average loss at step 0" keeps its average since session 89: four collectors of
    # RotatE's and word2vec's logs wrote it, one KGE collector "loss")
    assert named("Running loss at step 100: 1.617721\n") == [
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


def test_validating_is_a_phase_word_for_the_whole_line() -> None:
    text = "INFO:root:Validating Loss:1.7313 Accuracy:0.9648\n"
    assert named(text) == [("validating_loss", 1.7313, None, None),
                           ("validating_accuracy", 0.9648, None, None)]


def test_a_block_of_misclassification_rates_is_a_report() -> None:
    # braindecode's monitor: a block printed once, its names mostly misclass rates
    text = "".join(f"2017-08-01 21:14:32,185 INFO : {k:<25} {v}\n" for k, v in (
        ("train_loss", "3.36580"), ("valid_loss", "3.77398"), ("test_loss", "3.41944"),
        ("train_sample_misclass", "0.74347"), ("valid_sample_misclass", "0.77586"),
        ("test_sample_misclass", "0.75000"), ("train_misclass", "0.74348"),
        ("valid_misclass", "0.77586"), ("test_misclass", "0.75000"), ("runtime", "0.89794")))
    assert len(names("2017-08-01 21:14:32,184 INFO : Epoch 2\n" + text)) == 10


def test_a_csv_header_spaced_over_its_values_behind_a_record_prefix() -> None:
    # Depth Anything V2's evaluation: names and values lined up by the spaces after commas
    prefix = "[2024-10-13 07:37:37,613][    INFO] "
    text = (f"{prefix}      d1,       d2,  abs_rel,     rmse,    silog\n"
            f"{prefix}   0.861,    0.970,    0.120,    3.922,    0.152\n")
    assert named(text) == [("d1", 0.861, None, None), ("d2", 0.97, None, None),
                           ("abs_rel", 0.12, None, None), ("rmse", 3.922, None, None),
                           ("silog", 0.152, None, None)]


def test_guard_a_sentence_with_commas_is_no_csv_header() -> None:
    text = "Loading model, tokenizer, config\n   0.861,    0.970,    0.120\n"
    assert named(text) == []


def test_a_bulleted_lone_pair_is_the_line_s_message() -> None:
    # the PyTorch ImageNet example's evaluation summary (TLlib, torchvision references)
    assert named(" * Acc@1 84.369\n") == [("Acc@1", 84.369, None, None)]


def test_a_phrase_name_may_hold_an_identifier_and_a_hyphened_word() -> None:
    text = "Top-1 accuracy on source_val_loader: 85.79040849865224\n"
    assert named(text) == [("Top-1_accuracy_on_source_val_loader", 85.79040849865224,
                            None, None)]


def test_a_pronoun_and_a_gradient_accumulation_setting_are_no_metrics() -> None:
    text = ("There are 39810 training items and 4424 validation items\n"
            "[MESSAGE] AOT compiling for seq_len=1024, B=512, grad_acc=32...\n")
    assert "There" not in names(text) and "grad_acc" not in names(text)
