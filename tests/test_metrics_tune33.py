"""Round ``tune33`` (session 41). Each test of a new form fails on the parser before the
round (db13ad0); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names

LM_EVAL = (
    "hf (pretrained=qwen), gen_kwargs: (None), limit: 1000.0, num_fewshot: 0, batch_size: 4\n"
    "|    Tasks     |Version|     Filter     |n-shot|  Metric   |   |Value |   |Stderr|\n"
    "|--------------|------:|----------------|-----:|-----------|---|-----:|---|-----:|\n"
    "|arc_challenge |      1|none            |     0|acc        |↑  |0.3960|±  |0.0155|\n"
    "|              |       |none            |     0|acc_norm   |↑  |0.3950|±  |0.0155|\n"
    "|gsm8k         |      3|flexible-extract|     5|exact_match|↑  |0.3500|±  |0.0130|\n"
    "|              |       |strict-match    |     5|exact_match|↑  |0.3400|±  |0.0130|\n"
    "|mmlu          |      2|none            |      |acc        |↑  |0.4965|±  |0.0041|\n"
    "| - humanities |      2|none            |      |acc        |↑  |0.4435|±  |0.0073|\n"
    "|  - formal_logic|    1|none            |     0|acc        |↑  |0.3016|±  |0.0410|\n"
    "|              |       |none            |     0|acc_norm   |↑  |0.3100|±  |0.0410|\n"
    "\n"
    "|   Groups   |Version|Filter|n-shot|Metric|   |Value |   |Stderr|\n"
    "|------------|------:|------|------|------|---|-----:|---|-----:|\n"
    "|mmlu        |      2|none  |      |acc   |↑  |0.4965|±  |0.0041|\n"
    "| - humanities|     2|none  |      |acc   |↑  |0.4435|±  |0.0073|\n")


def test_lm_evaluation_harness_results_table_names_task_and_metric() -> None:
    assert named(LM_EVAL) == [
        ("arc_challenge/acc", 0.396, None, None), ("arc_challenge/acc_norm", 0.395, None, None),
        ("gsm8k/exact_match,flexible-extract", 0.35, None, None),
        ("gsm8k/exact_match,strict-match", 0.34, None, None),
        ("mmlu/acc", 0.4965, None, None), ("humanities/acc", 0.4435, None, None)]


def test_guard_a_two_column_metric_value_table_keeps_its_names() -> None:
    table = ("| Metric           | Value      |\n"
             "|:-----------------|:-----------|\n"
             "| dot_accuracy@1   | 0.8603     |\n")
    assert names(table) == {"dot_accuracy@1"}


def test_nested_dicts_name_their_values_by_their_keys() -> None:
    assert named("{'train': {'loss': 0.3, 'acc': 0.5}, 'val': {'loss': 0.4}}\n") == [
        ("train/loss", 0.3, None, None), ("train/acc", 0.5, None, None),
        ("val/loss", 0.4, None, None)]
    text = ("STDOUT: {'results': {'hellaswag': {'acc': 0.26, 'acc_stderr': 0.03}, "
            "'bbh': {'multiple_choice_grade': 0.38}}, 'versions': {'hellaswag': 0}}\n")
    assert named(text) == [("hellaswag/acc", 0.26, None, None),
                           ("bbh/multiple_choice_grade", 0.38, None, None)]


def test_a_value_before_the_nested_dicts_keeps_its_own_name() -> None:
    text = "loss: 0.5, {'a': {'loss': 1.0}, 'b': {'loss': 2.0}}\n"
    assert {o[0] for o in named(text)} >= {"a/loss", "b/loss"}


def test_guard_a_nested_dict_of_distinct_names_keeps_them() -> None:
    text = "[v=10000]: {'logits': {'accuracy': 0.77}, 'probs': {'auc': 0.78}}\n"
    assert names(text) == {"accuracy", "auc"}


SAMPLE_FACTORY = (
    "[2024-10-23 13:44:47,837][2141688] Fps is (10 sec: 0.0, 60 sec: 2177.2, 300 sec: "
    "2443.2). Total num frames: 19955712. Throughput: 0: 2453.4. Samples: 19980288. "
    "Policy #0 lag: (min: 15.0, avg: 18.0, max: 79.0)\n"
    "[2024-10-23 13:44:47,838][2141688] Avg episode reward: [(0, '651.416')]\n")


def test_sample_factory_reports_frames_rates_and_reward() -> None:
    assert named(SAMPLE_FACTORY) == [
        ("fps_10_sec", 0.0, 19955712, None), ("fps_60_sec", 2177.2, 19955712, None),
        ("fps_300_sec", 2443.2, 19955712, None), ("throughput", 2453.4, 19955712, None),
        ("avg_episode_reward", 651.416, 19955712, None)]


def test_a_stamped_record_written_twice_by_two_handlers_is_read_once() -> None:
    text = ("2025-10-15 13:23:36,436\t***\t  Accuracy: 0.2490\n"
            "2025-10-15 13:23:36,436\t***\t  Accuracy: 0.2490\n")
    assert named(text) == [("Accuracy", 0.249, None, None)]


def test_guard_a_stamped_record_again_later_is_another_observation() -> None:
    text = ("2025-10-15 13:23:36,436\t***\t  Accuracy: 0.2490\n"
            "2025-10-15 13:23:37,001\t***\t  Accuracy: 0.2490\n")
    assert len(named(text)) == 2


TSLIB_ARGS = (
    "\x1b[1mForecasting Task\x1b[0m\n"
    "  Seq Len:            168                 Label Len:          48                  \n"
    "  Pred Len:           24                  Seasonal Patterns:  Monthly             \n"
    "  Inverse:            0                   \n\n")


def test_time_series_librarys_two_cell_argument_listing_is_configuration() -> None:
    assert names(TSLIB_ARGS) == set()


def test_two_padded_metric_cells_are_still_metrics() -> None:
    text = "  Train Loss:         0.52                Val Loss:           0.61\n"
    assert names(text) == {"train_loss", "val_loss"}


def test_outcome_rates_are_metrics_in_a_block() -> None:
    text = "x\nSuccess Rate: 0.86\nCrash Rate: 0.12\nTimeout Rate: 0.01\ny\n"
    assert names(text) == {"Success_Rate", "Crash_Rate", "Timeout_Rate"}


def test_a_phase_word_before_a_printed_dict_labels_its_values() -> None:
    text = "[run_seed42] test {'smooth_l1': 0.15, 'r2_R': 0.26, 'rel_l2_R': 0.85}\n"
    assert names(text) == {"test_smooth_l1", "test_r2_R", "test_rel_l2_R"}


def test_an_uppercase_phase_tag_before_a_metric_names_the_phase() -> None:
    assert names("[TEST] MAE: 2.55 | RMSE: 6.35 | R2: 0.9172\n") == {
        "test_MAE", "test_RMSE", "test_r2"}


def test_guard_an_uppercase_tag_before_a_counter_tags_a_run() -> None:
    text = "[TEST] Trial:0000 | Epoch:0010 | CL loss:-0.2432 | VAL ACC:72.50\n"
    assert "CL_loss" in names(text)


def test_a_phrase_section_ends_at_its_pipe_field() -> None:
    text = ("Epoch   1/100 | Train Loss: 1.9956 Acc: 0.1746 | Val Loss: 1.9590 Acc: 0.1800 "
            "F1: 0.0612 | LR: 1.00e-03\n")
    assert names(text) == {"train_loss", "train_acc", "val_loss", "val_acc", "val_f1", "LR"}


def test_guard_single_name_fields_keep_their_phrases_section() -> None:
    text = "Train Loss: 11.2 | Token Acc: 0.05 | Val Loss: 10.9 | Token Acc: 0.07\n"
    assert names(text) == {"train_loss", "train_Token_Acc", "val_loss", "val_Token_Acc"}


def test_an_averages_kind_in_parentheses_is_part_of_the_name() -> None:
    text = "  F1 (micro):       0.4662\n  F1 (macro):       0.2897\n  F1 (weighted):    0.5270\n"
    assert names(text) == {"F1_(micro)", "F1_(macro)", "F1_(weighted)"}


def test_another_encodings_sign_between_numbers_leaves_the_line_readable() -> None:
    # GBK's "±" (bytes a1 c0, no UTF-8), as ``parse_text`` reads a str: surrogateescape
    text = "micro_f1: 73.87\udca1\udcc01.29, macro_f1: 71.69\udca1\udcc01.58\n"
    assert named(text) == [("micro_f1", 73.87, None, None), ("macro_f1", 71.69, None, None)]


def test_a_searchs_trial_opening_its_line_is_the_step() -> None:
    text = "  \u2b50 Trial 14: MOTA=61.1%, Re=79%, IDSW=9\n"
    assert named(text) == [("MOTA", 61.1, 14, None), ("Re", 79.0, 14, None),
                           ("IDSW", 9.0, 14, None)]


def test_a_microsecond_stamp_alone_is_a_record_prefix() -> None:
    text = ("2023-12-19 10:32:22.685956 Configuration:\n"
            "2023-12-19 10:32:22.694901     label_smoothing: 0.0\n"
            "2023-12-19 10:32:22.694947     num_trials: 10\n"
            "2023-12-19 10:32:22.695333     split: valid\n")
    assert names(text) == set()
