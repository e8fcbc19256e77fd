"""Round ``tune26`` (session 34). Each test of a new form fails on the parser before the
round (521caae); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import named

_PREFIX = "2025-11-30 16:31:56,017 - __main__ - INFO - "
# a fixed-width table whose headers are phrases, set apart by one space where a column's
# name fills its width ("Train Recall Val Loss"): rows left-aligned under the names
_LEFT = ("Epoch  Train Loss   Train Recall Val Loss     Val Recall  \n"
         "------------------------------------------------------------\n"
         "1      1.6931       0.2629       2.0026       0.2500      \n"
         "2      1.6714       0.3548       1.9700       0.6667      \n")
_LEFT_FOUND = [("Train_Loss", 1.6931, None, 1), ("Train_Recall", 0.2629, None, 1),
               ("Val_Loss", 2.0026, None, 1), ("Val_Recall", 0.25, None, 1),
               ("Train_Loss", 1.6714, None, 2), ("Train_Recall", 0.3548, None, 2),
               ("Val_Loss", 1.97, None, 2), ("Val_Recall", 0.6667, None, 2)]


def test_a_header_of_phrases_is_split_where_the_rows_columns_start() -> None:
    assert named(_LEFT) == _LEFT_FOUND


def test_the_table_under_a_python_logging_prefix_is_read_the_same() -> None:
    text = "".join(_PREFIX + line + "\n" for line in _LEFT.splitlines())
    assert named(text) == _LEFT_FOUND
    loguru = "2024-05-01 12:00:00.123 | INFO     | train:main:42 - "
    assert named("".join(loguru + line + "\n" for line in _LEFT.splitlines())) == _LEFT_FOUND


def test_right_aligned_columns_split_where_the_numbers_end() -> None:
    text = ("  step train loss val loss  val acc      lr\n"
            "   100      0.512    0.634    0.811   0.001\n"
            "   200      0.433    0.598    0.825   0.001\n")
    assert named(text) == [("train_loss", 0.512, 100, None), ("val_loss", 0.634, 100, None),
                           ("val_acc", 0.811, 100, None), ("lr", 0.001, 100, None),
                           ("train_loss", 0.433, 200, None), ("val_loss", 0.598, 200, None),
                           ("val_acc", 0.825, 200, None), ("lr", 0.001, 200, None)]


def test_rows_that_do_not_line_up_with_the_header_stay_unread() -> None:
    # guard: the numbers start inside the header's words, not under their starts or ends
    text = ("Epoch  Train Loss   Train Recall Val Loss     Val Recall\n"
            "1    1.6931    0.2629    2.0026    0.2500\n"
            "2    1.6714    0.3548    1.9700    0.6667\n")
    assert named(text) == []


def test_a_log_prefix_with_a_tag_after_the_level_still_leaves_the_table() -> None:
    # JDE's "2021-01-25 07:42:01 [INFO]:    Epoch  Batch  box ..." (the tag's colon too)
    text = ("2021-01-25 07:42:01 [INFO]:    Epoch       Batch       box      conf     total\n"
            "2021-01-25 07:42:14 [INFO]:     2/29       0/165    0.0281    0.0586     -6.55\n")
    assert named(text) == [("box", 0.0281, 0, 2), ("conf", 0.0586, 0, 2), ("total", -6.55, 0, 2)]


def test_loguru_s_module_function_and_line_name_no_value() -> None:
    # "| train:main:42 - ": where the record was made; "train:main" = 42 was recorded
    prefix = "2024-05-01 12:00:00.123 | INFO     | train:main:42 - "
    assert named(prefix + "starting\n" + prefix + "Epoch 3 loss=0.5\n") == [("loss", 0.5, None, 3)]


def test_autogluon_s_value_then_its_name() -> None:
    text = ("Fitting model: LightGBMXT ...\n"
            "\t0.8563\t = Validation score   (accuracy)\n"
            "\t1.23s\t = Training   runtime\n"
            "Fitting model: DeepAR ...\n"
            "\t-16.9511      = Validation score (-MAE)\n"
            "\t0.11    s     = Validation (prediction) runtime\n")
    # the runtimes are each model's report, recorded with no step or epoch (tune52: eight
    # held-out AutoGluon logs in six sets count them; they were dropped as one-off timings)
    # (the phase word lower-cased as the phrase rules write it: round zoo81)
    assert named(text) == [("validation_score", 0.8563, None, None),
                           ("training_runtime", 1.23, None, None),
                           ("validation_score", -16.9511, None, None),
                           ("validation_prediction_runtime", 0.11, None, None)]
    with_epochs = "Epoch 1 loss=0.5\n\t0.11    s     = Validation (prediction) runtime\n"
    assert named(with_epochs)[-1] == ("validation_prediction_runtime", 0.11, None, 1)


def test_an_equals_sign_after_a_value_names_nothing_else() -> None:
    # guard: prose after "=" is no name; a denied name stays denied
    assert named("\t12 = the number of workers we use here\n\t3 = Epochs\n\t1 = enabled\n") == []


def test_a_phrase_after_a_timestamp_and_a_level_keeps_its_words() -> None:
    line = ("2024-11-28 21:12:03,043 Learner INFO value loss: 0.0189, policy gradient loss: 1.39,"
            " IS max: 0.97, IS min: 0.16\n")
    assert named(line) == [("value_loss", 0.0189, None, None),
                           ("policy_gradient_loss", 1.39, None, None),
                           ("IS_max", 0.97, None, None), ("IS_min", 0.16, None, None)]


def test_an_acronym_spelled_like_a_stopword_belongs_to_the_name() -> None:
    assert named("step 5 | GPU Allocated: 3.2 | IS avg: 0.71\n") == [
        ("GPU_Allocated", 3.2, 5, None), ("IS_avg", 0.71, 5, None)]
    # guard: a lower-case stopword still is no part of a name ("is" of prose)
    assert named("step 5 | the mean is max: 0.97\n") == []


def test_a_gradient_step_is_the_step() -> None:
    assert named("grad_step = 000311, loss = 0.001628\ngrad_step = 000312, loss = 0.0016\n") == [
        ("loss", 0.001628, 311, None), ("loss", 0.0016, 312, None)]
