"""Round ``tune14`` (sets AA, AB, AC and AD: ``tests/data/heldout27`` to ``heldout30``,
each measured unseen first and tuned on since). Each test fails on the parser before the
round (ba13c59)."""

from __future__ import annotations

from pathlib import Path

from conftest import track
from parsed import last as _last
from parsed import names as _names
from parsed import obs as _obs


def test_a_word_opening_a_line_labels_its_pairs() -> None:
    # Stoix's sections, CopyMTL's rows after a tab: the same keys under two labels
    text = ("ACTOR - Steps per second: 21.900 | Episode return mean: -0.059\n"
            "TRAINER - Actor loss: 0.005 | Entropy: 0.637 | Value loss: 0.008\n"
            "EVALUATOR - Steps per second: 346.916 | Episode return mean: -0.065\n")
    assert _names(text) == {
        "actor_steps_per_second", "actor_episode_return_mean", "trainer_actor_loss",
        "trainer_entropy", "trainer_value_loss", "evaluator_steps_per_second",
        "evaluator_episode_return_mean"}
    rows = "".join(f"epoch {e} \t loss: 2{e}.5 \t F1: 0.0{e} \t P: 0.1{e}\n"
                   f"relation \t F1: 0.2{e} \t P: 0.3{e} \t\n" for e in (1, 2))
    assert _names(rows) == {"loss", "F1", "P", "relation_f1", "relation_p"}
    assert (_last(rows, "relation_f1").value, _last(rows, "relation_f1").epoch) == (0.22, 2)
    assert _last(rows, "F1").value == 0.02
    # a log level, a phase or a step key opening the line labels nothing
    assert _names("INFO  loss: 0.5  acc: 0.9\n") == {"loss", "acc"}


def test_validate_and_performance_at_epoch_phases() -> None:
    text = ("[INFO ] - Train: classAccuracy: 0.94, SingleShotDetectionLoss: 0.29\n"
            "[INFO ] - Validate: classAccuracy: 0.96, SingleShotDetectionLoss: 0.72\n")
    assert {"validate_classAccuracy", "validate_SingleShotDetectionLoss"} <= _names(text)
    text = ("Train performance at epoch 1 is precision: 0.51, recall: 0.42\n"
            "Validate performance at epoch 1 is precision: 0.43, recall: 0.40\n")
    assert _names(text) == {"train_precision", "train_recall", "validate_precision",
                            "validate_recall"}
    assert _last(text, "validate_recall").epoch == 1


def test_counts_inside_a_name_and_a_singular_second() -> None:
    text = ('{"train_lr": 2.6e-06, "train_n_ways": 5.0, "train_loss": 0.207, '
            '"test_num_imgs": 100.0, "test_acc1": 85.75}\n')
    assert _names(text) == {"train_lr", "train_loss", "test_acc1"}
    text = "Epoch 1 cost time: 273 second\n"
    assert (_last(text, "cost_time").value, _last(text, "cost_time").epoch) == (273, 1)


def test_an_iteration_printed_between_a_name_and_its_value() -> None:
    # Tacotron 2: "Train loss <iteration> <value>", "Validation loss <iteration>: <value>"
    text = ("Train loss 0 48.220909 Grad Norm 13.484264 5.71s/it\n"
            "Validation loss 0: 37.061010  \n"
            "Train loss 64999 0.314525 Grad Norm 1.23 4.37s/it\n"
            "Validation loss 64000:  0.323265  \n")
    found = [(o.name, o.value, o.step) for o in _obs(text)]
    assert ("train_loss", 0.314525, 64999) in found
    assert ("validation_loss", 0.323265, 64000) in found
    assert not any(o.value in (0, 64999, 64000) for o in _obs(text))


def test_single_letter_bracket_labels_of_a_gan() -> None:
    text = "".join(f"{i}: [D] real 0.05{i} fake 0.17 q -0.84  [G] fake 2.3{i} reg 0.17 q -0.9\n"
                   for i in (283, 284))
    assert _names(text) == {"d_real", "d_fake", "d_q", "g_fake", "g_reg", "g_q"}
    assert (_last(text, "g_fake").value, _last(text, "g_fake").step) == (2.3284, 284)


def test_identity_and_take_are_no_names() -> None:
    text = ("[proc 0][Train] 1000 steps take 11.759 seconds\n"
            "[proc 0]sample: 1.389, forward: 4.386, backward: 1.811\n")
    assert not {"proc", "take"} & _names(text)
    assert {"forward", "backward"} <= _names(text)


def test_a_csv_file_printed_as_it_is() -> None:
    rows = "".join(f'{e},0.{8 - e}824,0.7541,0.{2 + e}883,"{{0: np.float64(0.1), 1: 0.2}}",'
                   f"79{e}.32\n" for e in range(3))
    text = "epoch,train_loss,val_loss,mAP50,AP50_per_class,train_time\n" + rows
    assert _names(text) == {"train_loss", "val_loss", "mAP50", "train_time"}
    found = [(o.value, o.epoch) for o in _obs(text) if o.name == "mAP50"]
    assert found == [(0.2883, 0), (0.3883, 1), (0.4883, 2)]
    # a line of names between commas in prose is no header
    assert _names("Loaded modules: os,sys,json\n1,2,3\n") == set()


def test_a_two_column_step_table_and_symbol_headers_set_apart_by_one_space() -> None:
    text = "step\tloss\n" + "".join(f"{s}\t{9 - s / 10:.6f}\n" for s in (10, 20, 30))
    assert [(o.name, o.value, o.step) for o in _obs(text)] == [
        ("loss", 8.0, 10), ("loss", 7.0, 20), ("loss", 6.0, 30)]
    # YOLOv5 6.0: "mAP@.5 mAP@.5:.95" stand one space apart in the header
    header = (f"{'Class':>20}{'Images':>11}{'Labels':>11}{'P':>11}{'R':>11}{'mAP@.5':>11}"
              f"{'mAP@.5:.95':>11}: 100%|\u2588\u2588\u2588| 17/17 [00:25<00:00,  1.50s/it]\n")
    row = f"{'all':>20}{677:>11}{2449:>11}{0.87:>11}{0.535:>11}{0.658:>11}{0.339:>11}\n"
    found = {o.name: o.value for o in _obs("Validating best.pt...\n" + header + row)}
    assert found == {"P": 0.87, "R": 0.535, "mAP@.5": 0.658, "mAP@.5:.95": 0.339}
    # a phrase of words stays one cell (Vowpal Wabbit's second header line)
    assert "predict" not in _names("loss       last          counter      weight    label  "
                                   "predict features\n1.000000   1.000000            1       "
                                   "  1.0   1.0000   0.0000        1\n")


def test_a_banners_rules_glued_to_its_step() -> None:
    text = "".join(f"{'-' * 20}Iteration: {i}000{'-' * 20}\nLoss: 2.6e-0{i} L2: 1.0{i}\n"
                   for i in (1, 2))
    assert [(o.name, o.step) for o in _obs(text)] == [
        ("Loss", 1000), ("L2", 1000), ("Loss", 2000), ("L2", 2000)]


def test_track_parse_reads_a_printed_results_csv(tmp_path: Path) -> None:
    log = tmp_path / "out.log"
    log.write_text("epoch,train_loss,val_loss,precision\n0,0.88,0.75,0.014\n"
                   "1,0.70,0.66,0.018\n")
    result = track("parse", str(log), "--json")
    assert result.returncode == 0, result.stderr
    assert b'"val_loss"' in result.stdout and b"0.66" in result.stdout


def test_a_second_name_in_parentheses_names_the_second_value() -> None:
    text = ("Global Step:   9830, accuracy:  82.4%, loss = 0.46\n"
            "Discriminator Accuracy (Loss): 1.0 (0.008010604)\n")
    assert {"Discriminator_Accuracy", "Discriminator_Loss"} <= _names(text)
    assert (_last(text, "Discriminator_Loss").value, _last(text, "Discriminator_Loss").step) \
        == (0.008010604, 9830)
    text = "[epoch:  1, iter:     100, lr:(1.0e-04,)] [eta: 0:10:00, time (data): 1.9 (0.4)]\n"
    assert (_last(text, "data").value, _last(text, "time").value) == (0.4, 1.9)
    # a running average in parentheses stays unnamed
    assert _names("Loss 2.1135 (2.1180)\tLr: 0.0006\n") == {"Loss", "Lr"}


def test_a_tabular_row_after_a_timestamp_and_itr_steps() -> None:
    text = ("2022-03-28 02:50:30.284811 | dqn_0 itr #9999 Agent at itr 9999, eval eps 0.001\n"
            "2022-03-28 02:51:48.688613 | Diagnostics/StepsPerSecond 0.84723\n"
            "2022-03-28 02:51:48.688627 | Diagnostics/CumTrainTime 11803.6\n")
    found = {o.name: (o.value, o.step) for o in _obs(text)}
    assert found["Diagnostics/StepsPerSecond"] == (0.84723, 9999)
    assert found["Diagnostics/CumTrainTime"] == (11803.6, 9999)
    assert "itr" not in found


def test_arrow_pairs_tensor_names_and_stage_split_train() -> None:
    text = ("INFO - 07/15/19 02:02:09 - 14:44:32 - epoch -> 6.000000\n"
            "INFO - 07/15/19 02:02:09 - 14:44:32 - valid_en-fr_mt_ppl -> 9790.193192\n")
    assert (_last(text, "valid_en-fr_mt_ppl").value, _last(text, "valid_en-fr_mt_ppl").epoch) \
        == (9790.193192, 6)
    text = "INFO:tensorflow:words_per_sec/features:0: 3275.1\n"
    assert _names(text) == {"words_per_sec/features:0"}
    text = "[05-20-2018 11:58:37]\t[Train:train] Iter:102\tloss=0.091576\n"
    assert (_last(text, "train_loss").value, _last(text, "train_loss").step) == (0.091576, 102)


def test_a_tag_before_a_tables_header_and_rows() -> None:
    text = ("[------------] Epoch      Train log_loss       Test log_loss            Test AUC\n"
            "[    1%      ]     1            0.615199            0.614211            0.632410\n"
            "[    2%      ]     2            0.614572            0.613964            0.632814\n")
    found = {o.name: (o.value, o.epoch) for o in _obs(text)}
    assert found == {"Train_log_loss": (0.614572, 2), "Test_log_loss": (0.613964, 2),
                     "Test_AUC": (0.632814, 2)}


def test_a_parameter_in_a_name() -> None:
    text = ("2021-01-25 07:49:46,177 P8266 INFO [Metrics] F1(k=20): 0.141451 - NDCG(k=20): "
            "0.228186 - Recall(k=50): 0.382371\n")
    assert {o.name: o.value for o in _obs(text)} == {
        "F1(k=20)": 0.141451, "NDCG(k=20)": 0.228186, "Recall(k=50)": 0.382371}
    # an object's configuration stays unread
    assert _names("optimizer: SGD(lr=0.1, momentum=0.9) loss: 0.3\n") == {"loss"}


def test_angle_bracket_keys_and_slash_separated_pairs() -> None:
    text = "<epoch:512, lr:5.000e-05> loss: 3.215e-02 \n"
    assert {(o.name, o.epoch) for o in _obs(text)} == {("lr", 512), ("loss", 512)}
    text = "[5847536] kl_loss 0.67 / image_loss 1.1e4 / reward_loss 0.92 / actor_loss -1.5e-5\n"
    assert {o.name: (o.value, o.step) for o in _obs(text)} == {
        "kl_loss": (0.67, 5847536), "image_loss": (11000.0, 5847536),
        "reward_loss": (0.92, 5847536), "actor_loss": (-1.5e-5, 5847536)}


def test_a_per_epoch_table_after_a_stale_step_and_its_times() -> None:
    text = ("Starting training - 50 epochs, batch=256\n\n"
            " Epoch | TrainLoss | TrainAcc |  ValLoss |   Time\n"
            "-----------------------------------------------\n"
            "     1 |    1.0164 |   50.80% |   0.8634 |  19.6s  <- best\n"
            "     2 |    0.8442 |   62.22% |   1.1590 |  19.4s\n")
    found = [(o.name, o.value, o.step, o.epoch) for o in _obs(text) if o.name != "batch"]
    assert ("ValLoss", 1.159, None, 2) in found
    assert ("Time", 19.6, None, 1) in found and ("Time", 19.4, None, 2) in found
    # a time left is no metric, in a table as on a line
    assert "Remaining_Time" not in _names("      Iter       Train Loss   Remaining Time \n"
                                          "         1           1.2345            0.89s\n"
                                          "         2           1.1345            0.79s\n")


def test_a_table_after_a_timestamped_log_tag() -> None:
    head = "2021-01-25 07:42:01 [INFO]:    Epoch       Batch       box      conf     total\n"
    rows = "".join(f"2021-01-25 07:4{i}:14 [INFO]:     2/29     {i}0/165    0.02{i}    "
                   f"0.05{i}     -6.5{i}\n" for i in range(1, 4))
    found = {o.name: (o.value, o.step, o.epoch) for o in _obs(head + rows)}
    assert found == {"box": (0.023, 30, 2), "conf": (0.053, 30, 2), "total": (-6.53, 30, 2)}
    # a running evaluation's rows with a time the header does not name; counts are no metrics
    text = ("      Image      Total          P          R        mAP\n"
            "         32      30353     0.0286     0.0234    0.00716          2s\n"
            "       1312      30353     0.0658      0.161      0.127       2.02s\n")
    assert _names(text) == {"P", "R", "mAP"}


def test_a_statistics_block_after_a_step_is_its_report() -> None:
    block = ("                   Learning iteration 156025/10000000                   \n\n"
             "               Value function loss: 736518.8656\n"
             "                    Surrogate loss: -0.0096\n"
             "             Mean action noise std: 8.40\n"
             "                         Mean cost: 0.00\n"
             "               Mean episode length: 42.41\n"
             "                     Penalty_scale: 0.001403\n\n")
    found = {o.name: (o.value, o.step) for o in _obs(block)}
    assert found["Mean_episode_length"] == (42.41, 156025)
    assert found["Mean_cost"] == (0.0, 156025) and "Mean_action_noise_std" in found
    # printed at start-up, before any step, the same block's means of quantities are
    # measured (round tune93: a mean of a quantity is a metric), at no step
    assert {o.step for o in _obs(block.split("\n\n", 1)[1])} == {None}


def test_labels_of_a_line_and_what_is_no_label() -> None:
    text = "  Mean: P=52.88%  R=61.59%  mIoU=42.87%  mDice=54.50%\n"
    assert _names(text) == {"mean_p", "mean_r", "mean_mIoU", "mean_mDice"}
    text = ("2024-04-06 20:30:51,219 INFO [default] global iter = 3, total local iter = 207, "
            "diff = 0.0999313\n")
    assert (_last(text, "diff").value, _last(text, "diff").step) == (0.0999313, 3)
    text = ("[INFO 2021/06/19 16:01:34 model.py:61] Train: Rank: 0, epoch: 1, step: 5310, "
            "lr: 0.00000000, data time: 0.000s, train_loss: 16.030918\n")
    assert {"lr", "data_time", "train_loss"} <= _names(text)
    text = ("epoch   1/ 10 | global iteration      470/    3402 | learning rate 3e-06 | "
            "lm loss 0.793413 |\n")
    assert {o.name: (o.value, o.step, o.epoch) for o in _obs(text)} == {
        "learning_rate": (3e-06, 470, 1), "lm_loss": (0.793413, 470, 1)}


def test_what_follows_the_end_of_training_is_at_no_step() -> None:
    text = ("Epoch 3 loss: 0.52 acc: 0.81\nTraining completed\nTest accuracy: 0.79\n")
    assert (_last(text, "test_accuracy").value, _last(text, "test_accuracy").epoch) == (0.79, None)
    assert _last(text, "loss").epoch == 3
    # YOLOv5's closing validation of best.pt: its row is no step of a table either
    header = (f"{'Class':>20}{'Images':>11}{'Labels':>11}{'P':>11}{'R':>11}{'mAP@.5':>11}"
              f"{'mAP@.5:.95':>11}: 100%|\u2588\u2588\u2588| 17/17 [00:25<00:00,  1.50s/it]\n")
    row = f"{'all':>20}{677:>11}{2449:>11}{0.87:>11}{0.535:>11}{0.658:>11}{0.339:>11}\n"
    text = ("   245/299     4.89G   0.01268  0.007712         0         1      1280\n"
            + header + row + "\nValidating runs/train/exp/weights/best.pt...\n" + header + row)
    found = [(o.step, o.epoch) for o in _obs(text) if o.name == "P"]
    assert found[-1] == (None, None)
