"""Round ``tune40`` (session 48). Each test of a new form fails on the parser before the
round (16e8ddc); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named

PRETTY_JSON = ('{\n  "epoch": 1,\n  "train": {\n    "loss": 0.036,\n    "psnr": 25.8\n  },\n'
               '  "val": null\n}\n'
               '{\n  "epoch": 2,\n  "train": {\n    "loss": 0.032,\n    "psnr": 26.7\n  },\n'
               '  "val": {\n    "loss": 0.026,\n    "psnr": 27.5\n  }\n}\n')


def test_a_value_under_a_phase_key_keeps_it_when_the_other_phase_is_null() -> None:
    assert named(PRETTY_JSON) == [
        ("train/loss", 0.036, None, 1), ("train/psnr", 25.8, None, 1),
        ("train/loss", 0.032, None, 2), ("train/psnr", 26.7, None, 2),
        ("val/loss", 0.026, None, 2), ("val/psnr", 27.5, None, 2)]


def test_a_value_under_another_key_keeps_its_name() -> None:
    """Guard: only a phase's key names a value that no other key shares."""
    assert named('{"epoch": 3, "losses": {"g": 0.5, "d": 0.25}}\n') == [
        ("g", 0.5, None, 3), ("d", 0.25, None, 3)]


WAKEWORD = ("2025-12-23T15:28:27.082222Z [info     ] Epoch 1 [Train]: Loss=0.1778, Accuracy: "
            "0.7246 | F1: 0.6119 [src.training.training_loop]\n"
            "2025-12-23T15:29:34.541821Z [info     ] Epoch 1 [Val]: Loss=0.1220, Accuracy: "
            "0.9098 | F1: 0.0000 [src.training.training_loop]\n")


def test_a_bracketed_train_tag_with_a_colon_labels_its_line() -> None:
    assert named(WAKEWORD) == [
        ("train_loss", 0.1778, None, 1), ("train_accuracy", 0.7246, None, 1),
        ("train_f1", 0.6119, None, 1), ("val_loss", 0.122, None, 1),
        ("val_accuracy", 0.9098, None, 1), ("val_f1", 0.0, None, 1)]


def test_a_bracketed_train_tag_and_a_dash_label_the_record() -> None:
    assert named("2025-02-08 04:08:20,798 (train:702) INFO: [Train] - Epoch 19, "
                 "num_updates: 73500, {'loss': 0.12, 'DER': 0.25}, grad_norm: 0.21\n") == [
        ("train_loss", 0.12, 73500, 19), ("train_DER", 0.25, 73500, 19),
        ("train_grad_norm", 0.21, 73500, 19)]


def test_two_fractions_apart_by_a_slash_are_no_ratio() -> None:
    assert named("Epoch 1/200 - Loss: 0.1778/0.1220 - EER: 18.53%\n") == [
        ("Loss", 0.1778, None, 1), ("EER", 18.53, None, 1)]


def test_a_count_of_a_whole_and_a_used_total_stay_as_they_were() -> None:
    """Guard: "acc: 45/50" is a ratio still; "13.90/187.58G" is used of a total (a unit)."""
    assert named("step 3 acc: 45/50 loss: 0.5\n") == [
        ("acc", 0.9, 3, None), ("loss", 0.5, 3, None)]
    assert named('json_stats: {"RAM": "13.90/187.58G", "_type": "train_epoch", '
                 '"epoch": "1/20", "loss": 3.30153}\n') == [("loss", 3.30153, None, 1)]


PANDAS = ("Epoch: 1\n"
          "             Train loss  Test loss  F1 (macro)\n"
          "Iteration 0    1.566002   1.013741    0.583663\n"
          "Iteration 1    1.507190   0.941203    0.543526\n")


def test_a_pandas_tables_rows_labelled_by_an_index_are_its_rows() -> None:
    assert named(PANDAS) == [
        ("Train_loss", 1.566002, None, 1), ("Test_loss", 1.013741, None, 1),
        ("F1_(macro)", 0.583663, None, 1),
        ("Train_loss", 1.50719, None, 1), ("Test_loss", 0.941203, None, 1),
        ("F1_(macro)", 0.543526, None, 1)]


AVERAGES = ("Epoch Train loss   std    Test loss   std    P (macro) P std  F1 (macro) F1 std\n"
            "  1    1.510630  0.028765  0.977762 0.029722   0.6709  0.0805   0.5492   0.0250\n")


def test_a_header_of_spaced_names_is_read_by_where_its_words_sit() -> None:
    assert [(n, v) for n, v, _, _ in named(AVERAGES)] == [
        ("Train_loss", 1.51063), ("std", 0.028765), ("Test_loss", 0.977762),
        ("std", 0.029722), ("P_(macro)", 0.6709), ("P_std", 0.0805),
        ("F1_(macro)", 0.5492), ("F1_std", 0.025)]


def test_a_header_of_one_word_a_value_is_not_read_by_position() -> None:
    """Guard: names of one word each that line up with no edge of the values (Vowpal
    Wabbit's second header line) are not paired with them by overlap. (Since session 82 the
    two header lines are read as one, ``average_loss``, ``since_last``: test_metrics_zoo82;
    the second line's words alone still name nothing.)"""
    got = named("average    since         example     example  current  current  current\n"
                "loss       last          counter      weight    label  predict features\n"
                "1.000000   1.000000            1         1.0   1.0000   0.0000        1\n"
                "1.470775   1.941550            2         2.0  -1.0000   0.3934        1\n")
    assert {name for name, *_ in got} == {"average_loss", "since_last"}
    assert not {name for name, *_ in got} & {"loss", "last", "counter", "weight", "label"}


MOSEI = ("2025-05-01 15:34:01 - src.training.trainer - INFO - Epoch 15 - Validation loss: 0.0188\n"
         "2025-05-01 15:34:01 - src.training.metrics - INFO - Epoch 15 - Val metrics:\n"
         "2025-05-01 15:34:01 - src.training.metrics - INFO -   MAE: 0.1129\n"
         "2025-05-01 15:34:01 - src.training.metrics - INFO -   Binary F1: 0.9827\n"
         "2025-05-01 15:34:15 - src.training.metrics - INFO - Epoch 16 - Train metrics:\n"
         "2025-05-01 15:34:15 - src.training.metrics - INFO -   MAE: 0.1170\n")


def test_a_heading_with_its_epoch_names_the_phase_of_the_keys_under_it() -> None:
    assert named(MOSEI) == [
        ("validation_loss", 0.0188, None, 15), ("val_MAE", 0.1129, None, 15),
        ("val_Binary_F1", 0.9827, None, 15), ("train_MAE", 0.117, None, 16)]


T_V = ("2026-07-06 22:43:10,759  INFO     Epoch    1/200 | T total=0.2785  cloud.l1=0.0278\n"
       "2026-07-06 22:43:42,339  INFO     Epoch    1/200 | V total=0.2376  cloud.l1=0.0238\n")


def test_a_capital_letter_after_a_pipe_labels_the_pairs_after_it() -> None:
    assert named(T_V) == [
        ("T_total", 0.2785, None, 1), ("T_cloud.l1", 0.0278, None, 1),
        ("V_total", 0.2376, None, 1), ("V_cloud.l1", 0.0238, None, 1)]


def test_a_word_that_starts_with_a_phase_letter_is_not_the_phase_word() -> None:
    """Guard: under a letter's label, "train_loss" keeps its name; "total" is prefixed."""
    assert named("Epoch 2 | T total=0.5  train_loss=0.25\n") == [
        ("T_total", 0.5, None, 2), ("train_loss", 0.25, None, 2)]
