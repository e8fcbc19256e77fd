"""Round ``tune54`` (session 62): forms of held-out sets VM-WH once each was scored. Each
test of a rule fails on the parser before the round (44faa822); each guard fails on the
rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names


def test_value_stays_a_word_of_the_name() -> None:
    """Megatron's "lm loss value: 6.75" is ``lm_loss_value``, as six held-out sets name it
    (the word after the name is printed, not a filler to drop)."""
    line = ("validation loss at iteration 1000 | lm loss value: 6.758039E+00 | "
            "lm loss PPL: 8.609518E+02 | \n")
    assert named(line) == [("validation_lm_loss_value", 6.758039, 1000, None),
                           ("validation_lm_loss_PPL", 860.9518, 1000, None)]


def test_a_copula_still_points_at_the_name_before_it() -> None:
    """Guard: "loss is 2.5" is still the loss (only "value" stays a word)."""
    assert named("train loss is: 2.5\n") == [("train_loss", 2.5, None, None)]


def test_a_phase_word_after_an_opening_bracket_prefixes_the_name() -> None:
    """C^3-Framework's "[mae 54.00 mse 74.24], [val loss 0.0117]": the bracket opens a
    field whose words name the value, phase included."""
    line = "    [mae 54.00 mse 74.24], [val loss 0.0117]\n"
    assert named(line) == [("mae", 54.0, None, None), ("mse", 74.24, None, None),
                           ("val_loss", 0.0117, None, None)]
    assert named("[val loss 0.0117]\n") == [("val_loss", 0.0117, None, None)]


def test_an_uppercase_train_tag_labels_its_values() -> None:
    """mlprof's "[TRAIN]  loss=0.0003  acc=1%" (beside "[TEST] Accuracy: 71%"): the tag
    is the phase's, as a lowercase "[train]" is."""
    assert named("[TRAIN]  loss=0.0003  acc=1%\n") == [
        ("train_loss", 0.0003, None, None), ("train_acc", 1.0, None, None)]


def test_an_uppercase_train_tag_over_a_counter_is_the_mode() -> None:
    """Guard: "[TRAIN] epoch: 1, loss: 0.5" names the loop's mode, not its values."""
    assert named("[TRAIN] epoch: 1, loss: 0.5\n") == [("loss", 0.5, None, 1)]


def test_a_global_round_is_a_step() -> None:
    """FLSim's "(epoch = 1, round = 1, global round = 1), Loss/Training: 2.31": the
    global round counts the federated rounds, as a global step counts steps."""
    text = "".join(f"(epoch = 1, round = {r}, global round = {r}), Loss/Training: 2.{r}\n"
                   for r in (1, 2))
    assert named(text) == [("Loss/Training", 2.1, 1, 1), ("Loss/Training", 2.2, 2, 1)]


def test_tensorflow_1s_device_line_is_no_metric() -> None:
    """TF 1's "name: GeForce GTX 1080 major: 6 minor: 1 memoryClockRate(GHz): 1.7335"
    describes the GPU (its compute capability and clock); the loss after it is kept."""
    text = ("name: GeForce GTX 1080 major: 6 minor: 1 memoryClockRate(GHz): 1.7335\n"
            "pciBusID: 0000:01:00.0\nstep 1 loss 0.5\n")
    assert named(text) == [("loss", 0.5, 1, None)]


# Lightning's results table of trainer.test(), drawn by Rich (installed beside Lightning
# almost always), after the last epoch's bar
RICH_TEST = ("Epoch 2: 100%|##########| 63/63 [00:21<00:00,  2.99it/s, v_num=1]\n"
             "Testing DataLoader 0: 100%|##########| 63/63 [00:21<00:00,  2.99it/s]\n"
             "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
             "┃        Test metric        ┃       DataLoader 0        ┃\n"
             "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
             "│       test_kl_loss        │   0.003031092695891857    │\n"
             "│         test_loss         │      1616.8642578125      │\n"
             "└───────────────────────────┴───────────────────────────┘\n")


def test_richs_test_table_rows_are_the_runs_results() -> None:
    """Each "│ name │ value │" row of the box-drawn table is a metric, as the plain
    table's "  test_loss   1616.86" rows are; the table follows fit, so no epoch."""
    assert named(RICH_TEST) == [("test_kl_loss", 0.003031092695891857, None, None),
                                ("test_loss", 1616.8642578125, None, None)]


def test_the_plain_test_table_also_belongs_to_no_epoch() -> None:
    """Without Rich, Lightning prints the same table with rules: also after fit."""
    plain = RICH_TEST.replace("┃", " ").replace("│", " ")
    plain = "\n".join("─" * 40 if line[:1] in "┏┡└" else line for line in plain.split("\n"))
    assert named(plain) == [
        ("test_kl_loss", 0.003031092695891857, None, None),
        ("test_loss", 1616.8642578125, None, None)]


def test_a_box_drawn_grid_table_keeps_its_columns() -> None:
    """Guard: tabulate's fancy_grid rows ("│ epoch │ loss │") are still a table's rows,
    one metric per column, with the bars read as pipes."""
    grid = ("╒═════════╤════════╤═══════╕\n"
            "│   epoch │   loss │   acc │\n"
            "╞═════════╪════════╪═══════╡\n"
            "│       1 │  0.52  │  0.81 │\n"
            "├─────────┼────────┼───────┤\n"
            "│       2 │  0.41  │  0.86 │\n"
            "╘═════════╧════════╧═══════╛\n")
    assert named(grid) == [("loss", 0.52, None, 1), ("acc", 0.81, None, 1),
                           ("loss", 0.41, None, 2), ("acc", 0.86, None, 2)]


# YOLOX prints its Exp as a key-value table drawn by tabulate (fancy_grid)
YOLOX_EXP = ("╒══════════════════╤════════════════════════════╕\n"
             "│ keys             │ values                     │\n"
             "╞══════════════════╪════════════════════════════╡\n"
             "│ seed             │ None                       │\n"
             "├──────────────────┼────────────────────────────┤\n"
             "│ output_dir       │ './YOLOX_outputs'          │\n"
             "├──────────────────┼────────────────────────────┤\n"
             "│ depth            │ 0.33                       │\n"
             "├──────────────────┼────────────────────────────┤\n"
             "│ momentum         │ 0.9                        │\n"
             "╘══════════════════╧════════════════════════════╛\n")


def test_a_box_drawn_table_of_settings_is_no_metric() -> None:
    """A key-value table that prints a setting ("None", a quoted path) is a printed
    configuration: its numbers (depth, momentum) are settings too."""
    assert named(YOLOX_EXP) == []


def test_a_key_value_table_after_a_settings_table_is_read() -> None:
    """Guard: the settings table ends at its bottom border; Stable-Baselines' table after
    it is metrics, at the step one of its rows holds."""
    sb3 = ("----------------------------------\n"
           "| rollout/           |           |\n"
           "|    ep_len_mean     | 200       |\n"
           "|    ep_rew_mean     | -213      |\n"
           "| time/              |           |\n"
           "|    total_timesteps | 4000      |\n"
           "----------------------------------\n")
    assert named(YOLOX_EXP + sb3) == [("rollout/ep_len_mean", 200.0, 4000, None),
                                      ("rollout/ep_rew_mean", -213.0, 4000, None)]


def test_timms_train_line_after_a_timestamp_is_the_phases() -> None:
    """timm's "Train: 0 [  50/1251 (  4%)]  Loss: 6.91 (6.91)" labels its values with the
    phase, also when a logger printed the time first (RepGhost's train.log)."""
    line = ("2022-09-16 06:27:32  Train: 0 [  50/1251 (  4%)]  Loss:  6.911827 (6.9133)  "
            "Acc@1:  0.0977 ( 0.0488)\n")
    assert named(line) == [("train_loss", 6.911827, 50, None),
                           ("train_acc@1", 0.0977, 50, None)]


def test_a_phase_at_its_counter_labels_the_values_after_it() -> None:
    """ResRep's "val at epoch 177, top1=76.17, top5=92.95, loss=0.97": the phase's values,
    at the epoch it names."""
    line = "2020-05-03 04:27:10,629 train INFO: val at epoch 177, top1=76.168, loss=0.972127\n"
    assert named(line) == [("val_top1", 76.168, None, 177), ("val_loss", 0.972127, None, 177)]


def test_a_phase_at_a_word_is_no_label() -> None:
    """Guard: "best val at epoch" prose without a counter right after it labels nothing new
    ("Saving model at step 100: loss=0.5" keeps its name)."""
    assert named("Saving model at step 100: loss=0.5\n") == [("loss", 0.5, 100, None)]


def test_a_side_of_a_two_output_model_is_no_time_left() -> None:
    """Keras 3's two-output model: "Left_accuracy" is the left head's accuracy, not a
    remaining quantity; "time_left" still is."""
    line = ("25/25 - 2s 88ms/step - Left_accuracy: 0.6128 - Right_accuracy: 0.6094 - "
            "loss: 2.0393 - val_Left_accuracy: 0.6480 - val_loss: 1.9788\n")
    assert {"Left_accuracy", "val_Left_accuracy", "Right_accuracy"} <= names(line)
    assert "time_left" not in names("step 5 loss 0.5 time_left: 120\n")


def test_a_bracket_of_phase_and_epoch_labels_the_line() -> None:
    """The ML 2022 course's sample code (its homework template): "[ Train | 001/010 ] loss =
    1.97, acc = 0.33" and "[ Valid | 001/010 ] ...": the phase's values at that epoch."""
    text = ("[ Train | 001/010 ] loss = 1.96928, acc = 0.32708\n"
            "[ Valid | 001/010 ] loss = 1.86290, acc = 0.34781 -> best\n")
    assert named(text) == [("train_loss", 1.96928, None, 1), ("train_acc", 0.32708, None, 1),
                           ("valid_loss", 1.8629, None, 1), ("valid_acc", 0.34781, None, 1)]


def test_a_bracketed_count_after_another_word_is_no_epoch() -> None:
    """Guard: "[ Batch | 3/10 ]" is no phase's bracket; its values keep their names."""
    assert ("loss", 0.5) in [f[:2] for f in named("[ Batch | 3/10 ] loss = 0.5\n")]
    assert all(f[3] is None for f in named("[ Batch | 3/10 ] loss = 0.5\n"))
