"""Round ``tune22`` (session 30). Each test of a new form fails on the parser before the
round (6bc3cba); the two guards (a stopword ends no field's name, a line's opening word is no
epoch key's) fail on the round's rule without its checks."""

from __future__ import annotations

from parsed import named as _named
from parsed import obs as _obs


def test_the_words_of_a_field_name_its_value_whatever_the_quantity() -> None:
    # Kaldi's "epoch 0, learning rate 0.001", CPM-2's "| loss scale 512.0 |", a DDQN's
    # "- Learning Rate 0.00025 - Time Delta 12.3 -": every word between the field's
    # separator and the value is the name, not the last word alone
    assert _named("2020-01-31 16:17:23,226 INFO [train.py:185] epoch 0, learning rate 0.001\n") \
        == [("learning_rate", 0.001, None, 0)]
    assert _named("iter 10 | lm loss 0.76 | loss scale 512.0 |\n") == [
        ("lm_loss", 0.76, 10, None), ("loss_scale", 512.0, 10, None)]
    assert _named("Episode 12 - Step 400 - Learning Rate 0.00025 - Time Delta 12.3\n") == [
        ("Learning_Rate", 0.00025, 400, None), ("Time_Delta", 12.3, 400, None)]
    assert _named("Epoch 149, Step 125, total used time 6133.4 (s)\n") == [
        ("total_used_time", 6133.4, 125, 149)]


def test_a_field_whose_last_word_is_a_stopword_names_nothing() -> None:
    # "completed in 4730.85s", "retrain lgbm for 0.0s", "starting at 72.0%": prose
    assert "completed_in" not in {o.name for o in _obs(
        "Epoch 1 completed in 4730.85s | Avg Loss: 0.4735\n")}
    assert _obs("Warm-down: Linear warmdown, starting at 72.0%, iteration 504 of 700\n") == []
    assert _obs("INFO:flaml.automl:retrain lgbm for 0.0s\n") == []


def test_a_line_opening_word_is_not_glued_to_the_epoch_key() -> None:
    # CNTK's "Starting Epoch 18: learning rate per sample = ...": "Starting" is no name's
    assert _named("Starting Epoch 18: learning rate per sample = 0.000047  effective momentum ="
                  " 0.900000  momentum as time constant = 607.4 samples\n") == [
        ("learning_rate_per_sample", 0.000047, None, 18), ("effective_momentum", 0.9, None, 18)]
    # while capitalised words that open a line still name a metric's value with it
    assert [o.name for o in _obs("Regression Loss 2.84, Classification Loss 0.3\n")] == [
        "Regression_Loss", "Classification_Loss"]


def test_a_retrievals_mean_and_median_rank_are_metrics() -> None:
    # OpenCLIP's zero-shot retrieval: "image_to_text_mean_rank: 2.3887\t"
    text = ("image_to_text_mean_rank: 2.3887\t\nimage_to_text_median_rank: 2.0000\t\n"
            "image_to_text_R@1: 0.4132\t\n")
    assert [(o.name, o.value) for o in _obs(text)] == [
        ("image_to_text_mean_rank", 2.3887), ("image_to_text_median_rank", 2.0),
        ("image_to_text_R@1", 0.4132)]
    # a process's rank stays no metric
    assert _obs("local_rank: 0\nrank: 3\n") == []


def test_a_one_value_phrase_after_pythons_logging_prefix() -> None:
    # TensorFlow's Estimator: "INFO:tensorflow:Loss for final step: 21.471064."
    assert _named("INFO:tensorflow:Loss for final step: 21.471064.\n") == [
        ("Loss_for_final_step", 21.471064, None, None)]


def test_a_json_log_records_own_fields_are_not_configuration() -> None:
    # OpenPifPaf's trainer logs through python-json-logger: the record's "levelname" and
    # "name" are text, yet the line is a report of the batch
    line = ('{"message": null, "levelname": "INFO", "name": "openpifpaf.network.trainer", '
            '"asctime": "2021-09-15 14:55:42,371", "type": "train", "epoch": 138, "batch": 154,'
            ' "n_batches": 1080, "time": 0.711, "data_time": 0.0, "lr": 1e-05, "loss": -440.91,'
            ' "head_losses": [261.086, -191.182]}\n')
    assert [(n, v, s, e) for n, v, s, e in _named(line) if n != "head_losses"] == [
        ("time", 0.711, 154, 138), ("data_time", 0.0, 154, 138), ("lr", 1e-05, 154, 138),
        ("loss", -440.91, 154, 138)]
    # a printed configuration with two text values stays configuration
    assert _obs('{"model": "resnet50", "optimizer": "adam", "lr": 0.1}\n') == []
    # an unquoted "name: ..." (TensorFlow's device line) still reads as configuration
    assert _obs("device: 0, name: Tesla T4, pci bus id: 0000:00:04.0, compute capability:"
                " 7.5\n") == []


def test_a_federated_round_is_a_step() -> None:
    # LG-FedAvg: "Round  42, Average loss 1.663, Test loss 1.564, Test accuracy: 89.68"
    text = ("Round  41, Average loss 1.627, Test loss 1.627, Test accuracy: 83.36\n"
            "Round  42, Average loss 1.663, Test loss 1.564, Test accuracy: 89.68\n")
    assert _named(text)[-3:] == [("Average_loss", 1.663, 42, None),
                                 ("test_loss", 1.564, 42, None),
                                 ("test_accuracy", 89.68, 42, None)]


def test_a_double_colon_separates_a_name_from_its_value() -> None:
    # a llama2.c-style fine-tuning script: "epoch 0: train loss :: 1.696, train acc :: 0.412"
    assert _named("epoch 0: train loss :: 1.696, train acc :: 0.412, dev acc :: 0.391\n"
                  "test acc :: 0.390\n") == [
        ("train_loss", 1.696, None, 0), ("train_acc", 0.412, None, 0),
        ("dev_acc", 0.391, None, 0), ("test_acc", 0.39, None, 0)]


def test_a_bracket_opening_with_a_phase_and_its_position_labels_the_values() -> None:
    # Prototypical Networks (TensorFlow): "[epoch 98/100, episode 100/100] => loss: ..." in
    # training, "[test episode 600/600] => loss: ..." at test time
    text = ("[epoch 98/100, episode 100/100] => loss: 2.66873, acc: 0.18000\n"
            "[test episode 600/600] => loss: 1.72494, acc: 0.20000\n")
    assert [(o.name, o.value) for o in _obs(text)] == [
        ("loss", 2.66873), ("acc", 0.18), ("test_loss", 1.72494), ("test_acc", 0.2)]
    # "[dev 0]" is a device's bracket, "[dev epoch 3]" the dev set's
    assert [o.name for o in _obs("[dev 0] loss: 0.5\n[dev epoch 3] loss: 0.4\n")] == [
        "loss", "dev_loss"]


def test_a_name_that_says_its_phase_takes_no_other() -> None:
    # "Random Forest Training...." heads the keys below it, yet "RF Test accuracy" is the
    # test set's, not "train_RF_Test_accuracy"
    text = ("Random Forest Training....\nRF Train accuracy:  0.8063666666666667\n"
            "RF Test accuracy: 0.7887777777777778\n")
    assert [(o.name, o.value) for o in _obs(text)] == [
        ("RF_Train_accuracy", 0.8063666666666667), ("RF_Test_accuracy", 0.7887777777777778)]
    # a standard deviation's "dev" is no phase
    assert [o.name for o in _obs("Validation results:\nreward_std_dev: 0.5\n")] == [
        "validation_reward_std_dev"]
