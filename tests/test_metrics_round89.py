"""Round ``tune89`` (session 89). Each test of a rule fails on 0252011f (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import columns_named, named


def test_an_averaged_name_at_its_step() -> None:
    # word2vec's "Average loss at step  N :" (the step padded) and RotatE's "Training
    # average loss at step N:": the average is the quantity's name, not a phase's filler
    text = ("Average loss at step  2000 :  4.1802\n"
            "Average loss at step  4000 :  3.9213\n")
    want = [("Average_loss", 4.1802, 2000, None), ("Average_loss", 3.9213, 4000, None)]
    assert named(text) == want
    assert columns_named(text) == want
    kge = ("2022-05-17 23:02:38 INFO     Training average positive_sample_loss at step 90600:"
           " 0.190721\n2022-05-17 23:02:38 INFO     Training average loss at step 90600:"
           " 0.190536\n")
    assert named(kge) == [("Training_average_positive_sample_loss", 0.190721, 90600, None),
                          ("Training_average_loss", 0.190536, 90600, None)]


def test_a_name_at_its_step_unchanged() -> None:
    # (guard) the plain forms keep their names
    assert named("Loss at step 100: 0.5\neval loss at step 200: 0.4\n") == [
        ("Loss", 0.5, 100, None), ("eval_loss", 0.4, 200, None)]


_HEADER = ("      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n"
           "     44/100      2.16G      0.866     0.9091      2.382         15        640: "
           "100%|##########| 131/131 [00:29<00:00,  4.5it/s]\n")


def test_a_validation_row_glued_to_a_bar_cut_inside_its_bracket() -> None:
    # a notebook's stream kept the validation bar's render up to "[00:05<" and glued
    # stdout's "all" row after its padding
    text = _HEADER + (
        "                 Class     Images  Instances      Box(P          R      mAP50  "
        "mAP50-95): 100%|##########| 29/29 [00:05<                   all        457     "
        "   593      0.745      0.766       0.78      0.578\n")
    got = named(text)
    assert ("P", 0.745, None, 44) in got and ("mAP50-95", 0.578, None, 44) in got
    assert [n for n, *_ in got] == ["GPU_mem", "box_loss", "cls_loss", "dfl_loss",
                                    "P", "R", "mAP50", "mAP50-95"]


_SB3 = ("---------------------------------\n"
        "| rollout/           |          |\n"
        "|    ep_len_mean     | 200      |\n"
        "|    ep_rew_mean     | -1.23e+03 |\n"
        "| time/              |          |\n"
        "|    fps             | 8102     |\n"
        "|    total_timesteps | 4096     |\n"
        "---------------------------------\n")


def test_a_box_table_a_logger_printed() -> None:
    # Stable-Baselines3's table through a logging handler: the record's prefix before each
    # line's first "|" is no part of the table
    want = named(_SB3)
    assert [n for n, *_ in want] == ["rollout/ep_len_mean", "rollout/ep_rew_mean", "time/fps"]
    for prefix in ("2024-11-25 10:31:15,542 - INFO - ", "INFO:__main__:",
                   "[INFO|trainer.py:2070] 2024-11-25 10:31:15,542 >> "):
        text = "".join(prefix + line for line in _SB3.splitlines(True))
        assert named(text) == want, prefix
        assert columns_named(text) == want, prefix


def test_a_value_in_thousands() -> None:
    # nanotron's human-readable figures: "16.2K" tokens a second is 16200
    text = ("08/31/2024 14:37:31 [INFO|DP=0|PP=0|TP=0]: iteration: 1 / 15 | consumed_tokens: 512"
            " | elapsed_time_per_iteration_ms: 4.71K | tokens_per_sec: 109 | lm_loss: 5.32\n"
            "08/31/2024 14:37:31 [INFO|DP=0|PP=0|TP=0]: iteration: 2 / 15 | consumed_tokens: 1.54K"
            " | elapsed_time_per_iteration_ms: 10 | tokens_per_sec: 51.2K | lm_loss: 5.28\n")
    want = [("elapsed_time_per_iteration_ms", 4710.0, 1, None), ("tokens_per_sec", 109.0, 1, None),
            ("lm_loss", 5.32, 1, None), ("elapsed_time_per_iteration_ms", 10.0, 2, None),
            ("tokens_per_sec", 51200.0, 2, None), ("lm_loss", 5.28, 2, None)]
    assert named(text) == want  # (consumed_tokens: a count, in thousands or not)
    assert columns_named(text) == want


def test_other_unit_letters_stay_as_they_were() -> None:
    # (guard) a memory name's letter is its figure; millions and FLOP counts are no metric
    text = "iter: 10 | loss: 0.5 | max_mem: 433M | MACs: 81.5G | params: 5M\n"
    assert named(text) == [("loss", 0.5, 10, None), ("max_mem", 433.0, 10, None)]


def test_prose_with_one_word_after_its_article() -> None:
    text = "The accuracy is 0.91\nThe loss was: 0.5\n"
    assert named(text) == [("accuracy", 0.91, None, None), ("loss", 0.5, None, None)]
    # (guard) a setting's or a version's word stays out
    assert named("The batch_size is 24\nThe version is 2.4\n") == []


def test_a_best_so_fars_epoch_is_not_the_lines() -> None:
    # the line's own epoch, then the best so far and the epoch it was reached at
    for text, name in (("Epoch 20: val_acc 0.8 (best 0.85 at epoch 10)\n", "val_acc"),
                       ("Epoch: 20, val_acc: 0.8, best: 0.85 at epoch 10\n", "val_acc"),
                       ("Epoch: 20 Loss 0.5 (Best AUROC 0.56 at Epoch 10)\n", "Loss"),
                       ("[Epoch 20] loss=0.5 (best at epoch 10)\n", "loss"),
                       ("Epoch 20 loss=0.5 (best at epoch 10)\n", "loss")):
        assert [(o[0], o[3]) for o in named(text)] == [(name, 20)], text


def test_a_best_so_fars_line_stays_out() -> None:
    # (guard) a line that is the best so far alone is no report
    assert named("Best val loss 0.3 at epoch 12\n") == []
    assert named("Best Test acc: 0.769261(Epoch 130)\n") == []


def test_a_window_in_parentheses_is_no_value() -> None:
    # "(last 100 episodes)", "(avg over last 100)": the window a value was averaged over
    text = ("Episode 5000: average reward (last 100 episodes) = 398.37\n"
            "Stage 1, Epoch 1, Batch 25, Training Loss (avg over last 100): 2.5459\n")
    want = [("average_reward", 398.37, 5000, None), ("training_loss", 2.5459, 25, 1)]
    assert named(text) == want
    # (guard) a window with no parentheses names as before
    assert named("mean reward over last 100 episodes: 200.5\n") == [
        ("mean_reward", 200.5, None, None)]
