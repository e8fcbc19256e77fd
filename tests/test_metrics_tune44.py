"""Round ``tune44`` (session 52). Each test of a new form fails on the parser before the
round (ae95c3af); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names

PYMARL = (
    "[INFO 21:27:36] my_main t_env: 193894 / 20050000\n"
    "[INFO 21:27:36] my_main Estimated time left: 1 days, 15 minutes. Time passed: 15 minutes\n"
    "[INFO 21:27:37] my_main Recent Stats | t_env:     193894 | Episode:     8672\n"
    "battle_won_mean:           0.3563\tep_length_mean:           23.6482\n"
    "loss:                      1.5967\ttest_return_mean:         12.8714\n")


def test_pymarl_t_env_is_the_step_not_a_metric() -> None:
    """PyMARL's ``t_env`` (environment steps) is a counter, on the stats header and on its
    ``t_env: N / T`` progress line (under the logger's name ``my_main``)."""
    found = names(PYMARL)
    assert {"battle_won_mean", "loss", "test_return_mean"} <= found
    assert not {n for n in found if "t_env" in n}


def test_a_phase_word_after_a_bracketed_tag_labels_every_pair() -> None:
    """``[sae_proto] Test FVU=0.22  VarExp=77.88%``: all the test's, not the tag's."""
    text = "[sae_proto] Test FVU=0.221157  VarExp=77.88%  L0=128.0  Dead=1.57%\n"
    assert names(text) == {"test_FVU", "test_VarExp", "test_l0", "test_dead"}


def test_a_bracketed_tag_still_labels_pairs_without_a_phase_word() -> None:
    """Guard: ``[sae_proto] FVU=0.22  L0=128.0`` keeps the tag's label."""
    assert names("[sae_proto] FVU=0.221157  L0=128.0\n") == {"sae_proto_FVU", "sae_proto_l0"}


PER_CATEGORY = (
    "QUALITY METRICS (tau=0.0001):\n"
    "  F1@tau:           66.50%\n"
    "\n"
    "PER-CATEGORY METRICS:\n"
    "  02691156 (plane   ): CD=0.000230  F1@tau=82.0%  F1@2tau=90.0%\n"
    "  02958343 (car     ): CD=0.000254  F1@tau=66.3%  F1@2tau=82.5%\n"
    "======================================================================\n"
    "Epoch 3 | Throughput: 10.79\n")


def test_the_rows_under_a_per_class_heading_are_no_aggregates() -> None:
    """A per-category breakdown's rows record nothing, to the rule that ends it."""
    assert named(PER_CATEGORY) == [("F1@tau", 66.5, None, None), ("Throughput", 10.79, None, 3)]


def test_a_blank_line_ends_a_per_class_breakdown() -> None:
    """Guard: ``Per-class details:`` rows end at a blank line; what follows is read."""
    text = ("    Per-class details:\n"
            "      non-causal  : F1=0.8471 (P=0.9184, R=0.7860, Support=229.0\n"
            "      causal      : F1=0.8632 (P=0.8071, R=0.9276, Support=221.0\n"
            "\n"
            "Macro F1: 0.8551\n")
    assert named(text) == [("Macro_F1", 0.8551, None, None)]


KERAS_THEN_SUMMARY = (
    "Epoch 21/100\n"
    "\r\x1b[1m23/23\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m1s\x1b[0m"
    " 40ms/step - accuracy: 0.9930 - loss: 0.0196 - val_accuracy: 0.7300 - val_loss: 1.8994\n"
    "Per-Class:\n"
    "  stress:\n"
    "    Precision: 0.5378\n"
    "\n"
    "Training time: 9.48s (0.16 min)\n")


def test_a_blank_line_ends_a_block_under_terminal_replay_too() -> None:
    """Output with bars goes through the terminal replay, whose blank lines end a block as
    on the byte path: the timing after the per-class rows is still the epoch's."""
    assert ("training_time", 9.48, None, 21) in named(KERAS_THEN_SUMMARY)
    assert "Precision" not in names(KERAS_THEN_SUMMARY)


MVSNET_ARGS = (
    "################################  args  ################################\n"
    "lr        \t0.0007                        \t<class 'float'>     \n"
    "numdepth  \t192                           \t<class 'int'>       \n"
    "interval_scale\t1.06                          \t<class 'float'>     \n"
    "########################################################################\n"
    "Epoch 0/32, Iter 0/99, train loss = 9.671, time = 5.666\n")


def test_settings_printed_with_their_python_type_are_configuration() -> None:
    """MVSNet's ``print_args``: ``lr  0.0007  <class 'float'>`` is a setting."""
    assert names(MVSNET_ARGS) == {"train_loss", "train_time"}


def test_a_record_prefix_of_function_and_line_names_no_value() -> None:
    """``| INFO | utils.train_utils | run_evaluation:598 | msg``: the record's fields."""
    text = ("2025-08-11 16:38:01 |     INFO | utils.train_utils | run_evaluation:598 | Evaluated"
            " 100 batches\n"
            "2025-08-11 16:38:21 |     INFO | utils.train_utils | log_evaluation:612 | eval loss:"
            " 7.44\n")
    assert named(text) == [("eval_loss", 7.44, None, None)]


def test_loguru_records_still_lose_their_prefix() -> None:
    """Guard: loguru's ``module:function:line - `` prefix names no value either."""
    text = "2024-05-01 12:00:00.123 | INFO     | train:main:42 - loss: 0.25\n"
    assert named(text) == [("loss", 0.25, None, None)]


def test_words_counted_in_an_epoch_are_no_metric() -> None:
    """``words this epoch: 11425469`` counts words; ``avg loss`` on the line is a metric."""
    text = "Epoch 3/4 complete | avg loss: 5.371141 | words this epoch: 11425469\n"
    assert names(text) == {"avg_loss"}


def test_words_per_batch_is_a_rate() -> None:
    """Guard: a count noun before a slash names a rate (fairseq's ``words/batch``)."""
    assert "words/batch" in names("| epoch 001 | loss 9.1 | words/batch 2861 | wps 4581\n")


def test_best_model_with_score_repeats_the_validation() -> None:
    """scGPT's ``Best model with score 1.1115`` repeats the epoch's validation loss."""
    text = ("| end of epoch   1 | time: 85.86s | valid loss/mse 1.1115 | err 0.3553\n"
            "Best model with score 1.1115\n")
    assert "score" not in names(text)
