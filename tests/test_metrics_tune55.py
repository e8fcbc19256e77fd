"""Round ``tune55`` (session 63): forms of held-out sets WW-XD once each was scored. Each
test of a rule fails on the parser before the round (5b34357e); each guard fails on the
rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named


def test_lightning_1s_test_results_dict_is_of_no_step() -> None:
    """Lightning 1.x prints ``trainer.test()``'s results after fit as a dict under
    "DATALOADER:0 TEST RESULTS": a final evaluation, of no epoch of the run."""
    text = ("Epoch 2: 100%|##| 6/6 [00:01<00:00, loss=0.618, val_accuracy=0.635]\n"
            "--------------------------------------------------------------------------------\n"
            "DATALOADER:0 TEST RESULTS\n"
            "{'test_accuracy': 0.6355999708175659, 'test_cross_entropy': 0.6506440043449402}\n")
    found = named(text)
    assert ("test_accuracy", 0.6355999708175659, None, None) in found
    assert ("test_cross_entropy", 0.6506440043449402, None, None) in found
    assert ("val_accuracy", 0.635, None, 2) in found



def test_a_gans_nested_call_is_one_name() -> None:
    """A GAN's "Mean D(x): 4.57, Mean D(G(z)): 3.94": the critic's score of fakes is a
    metric named as printed, as "D(x)" is."""
    line = "Epoch [0/300], Step[300/600], d_loss: -0.6322, Mean D(x): 4.57, Mean D(G(z)): 3.94\n"
    assert named(line) == [("d_loss", -0.6322, 300, 0), ("Mean_D(x)", 4.57, 300, 0),
                           ("Mean_D(G(z))", 3.94, 300, 0)]


def test_a_moment_is_no_metric() -> None:
    """PaddleHelix's "Starting Time: 1620636839.34" is when the run began, not a measure
    of it; a duration stays."""
    assert named("Starting Time: 1620636839.3391168\nDuration is: 278.85\n") == [
        ("Duration", 278.85, None, None)]
    assert named("end_time: 1620637118.19\n") == []


def test_a_phase_at_its_epoch_after_a_colon() -> None:
    """PaddleHelix's "Validation at epoch: 0, AUROC: 0.75, loss is: 0.63": the phase
    labels the values, the epoch places them."""
    line = "Validation at epoch: 0, AUROC: 0.7542, F1: 0.0, loss is: 0.6283\n"
    assert named(line) == [("validation_AUROC", 0.7542, None, 0), ("validation_f1", 0.0, None, 0),
                           ("validation_loss", 0.6283, None, 0)]
    assert named("Result at epoch: 3, AUROC: 0.75\n") == [("AUROC", 0.75, None, 3)]


def test_chainers_progress_lines_are_no_rows_of_its_report() -> None:
    """Chainer's ProgressBar prints "100 iter, 0 epoch / 20 epochs" between the rows of
    its PrintReport table: words between the values, a line of its own, not a row."""
    text = ("epoch       main/loss   validation/main/loss  main/accuracy  "
            "validation/main/accuracy  elapsed_time\n"
            "     this epoch [######..........................] 12.80%\n"
            "           100 iter, 0 epoch / 20 epochs\n"
            "        125.61 iters/sec. Estimated time to finish: 0:02:02.799182.\n"
            "1           1.63966     1.37119               0.391584       0.497811"
            "                  7.3451\n")
    assert named(text) == [("main/loss", 1.63966, None, 1),
                           ("validation/main/loss", 1.37119, None, 1),
                           ("main/accuracy", 0.391584, None, 1),
                           ("validation/main/accuracy", 0.497811, None, 1),
                           ("elapsed_time", 7.3451, None, 1)]


def test_placeholder_cells_still_make_a_row() -> None:
    """Guard: Flair's loss.tsv fills cells it did not compute with "_" (read by spaces
    when its tabs do not match its header's): the row stays."""
    text = ("EPOCH  LEARNING_RATE  TRAIN_LOSS  DEV_LOSS  DEV_F-SCORE\n"
            "0      0.1000         0.0215      _         _\n"
            "1      0.1000         0.0119      _         0.79\n")
    assert ("TRAIN_LOSS", 0.0215, None, 0) in named(text)


def test_a_bar_of_no_total_repeats_its_values_within_an_epoch() -> None:
    """Lightning 1.x over an iterable dataset draws "Epoch 0: : 392it [...]", its renders
    kept line by line: a value redrawn in its epoch is one value; a render at "0it" shows
    the epoch before's values."""
    text = ("Epoch 0: : 392it [00:01, 225.99it/s, loss=14.3, v_num=4]\n"
            "Epoch 0: : 442it [00:01, 223.67it/s, loss=14.3, v_num=4, val_loss=19.20]\n"
            "Epoch 1: : 0it [00:00, ?it/s, loss=14.3, v_num=4, val_loss=19.20]\n"
            "Epoch 1: : 392it [00:01, 233.84it/s, loss=9.79, v_num=4, val_loss=19.20]\n"
            "Epoch 1: : 442it [00:01, 235.14it/s, loss=9.79, v_num=4, val_loss=19.00]\n")
    assert [o for o in named(text) if o[0] == "loss"] == [("loss", 14.3, None, 0),
                                                          ("loss", 9.79, None, 1)]


def test_a_bar_of_no_total_shows_each_epochs_value() -> None:
    """Guard: GluonTS draws one render an epoch ("99it [..., avg_epoch_loss=-199,
    epoch=5]"): a value equal to the epoch before's is the new epoch's."""
    text = "".join(f"99it [00:10,  9.03it/s, avg_epoch_loss=-199, epoch={e}]\n" for e in (4, 5))
    assert named(text) == [("avg_epoch_loss", -199.0, None, 4), ("avg_epoch_loss", -199.0, None, 5)]


def test_timms_ema_test_lines_are_their_own_series() -> None:
    """timm with --model-ema prints "Test (EMA): [ 48/48] ... Loss: 0.70 (1.13)" after
    "Test:": the averaged weights' test, test_ema_loss, beside the model's test_loss."""
    text = ("Test: [  48/48]  Time: 0.022 (0.195)  Loss:  0.7070 (1.1279)  "
            "Acc@1: 84.3160 (74.1040)\n"
            "Test (EMA): [  48/48]  Time: 0.019 (0.197)  Loss:  0.7012 (1.1273)  "
            "Acc@1: 84.1981 (74.0600)\n")
    assert [o[0] for o in named(text)] == ["test_time", "test_loss", "test_acc@1", "test_ema_time",
                                           "test_ema_loss", "test_ema_acc@1"]


def test_a_best_so_far_of_a_named_loss_is_no_series() -> None:
    """AllenNLP's metrics end with "best_validation_reg_loss": the best so far of the
    run's validation_reg_loss, which repeats one of its values."""
    text = '{"validation_reg_loss": 0.31, "best_validation_reg_loss": 0.29}\n'
    assert named(text) == [("validation_reg_loss", 0.31, None, None)]


def test_sagemakers_spread_records_are_no_metrics() -> None:
    """SageMaker's built-in algorithms print "#metrics {"Metrics": {"Total Records Seen":
    {"count": 1, "max": 328, "sum": 328.0, "min": 328}}, "EndTime": ...}": an interval's
    spread of a counter, no metric (and no mean printed); the run's loss stays."""
    text = ('step 1 loss 0.5\n#metrics {"Metrics": {"Total Records Seen": {"count": 1, '
            '"max": 328, "sum": 328.0, "min": 328}, "Reset Count": {"count": 1, "max": 1, '
            '"sum": 1.0, "min": 1}}, "EndTime": 1581561688.561849, "StartTime": 1581561688.5}\n')
    assert named(text) == [("loss", 0.5, 1, None)]


def test_a_train_epoch_bracket_bar_labels_its_values() -> None:
    """CS231n's SimCLR bars "Train Epoch: [1/10] Loss: 2.55 ACC@1: 10.70%: 100%|..."
    beside "Test Epoch: [1/10] ...": the train bar's values are train_, as the test bar's
    are test_; PyTorch's MNIST "Train Epoch: 1 [0/60000 (0%)]" keeps its bare loss."""
    bar = ("Train Epoch: [1/10] Loss: 2.5539 ACC@1: 10.70%: 100%|##| 40/40 "
           "[00:07<00:00,  5.02it/s]\n")
    assert named(bar) == [("train_loss", 2.5539, None, 1), ("train_ACC@1", 10.7, None, 1)]
    assert named("Train Epoch: 1 [0/60000 (0%)]\tLoss: 2.300\n") == [("Loss", 2.3, 0, 1)]


def test_a_mean_over_the_last_episodes_is_no_count() -> None:
    """CS182's DQN log.txt: "Avg_Last_100_Episodes" is the return's mean over a window of
    episodes, not a number of episodes; "Num_Episodes" is one."""
    text = ("Steps\tAvg_Last_100_Episodes\tStd_Last_100_Episodes\tNum_Episodes\n"
            "1000\t23.23\t13.81\t43\n")
    assert named(text) == [("Avg_Last_100_Episodes", 23.23, 1000, None),
                           ("Std_Last_100_Episodes", 13.81, 1000, None)]


def test_sb3s_progress_csv_is_placed_by_its_timesteps() -> None:
    """Stable-Baselines3's progress.csv: its "time/total_timesteps" column is the step of
    the row (as "total_timesteps" is in its printed table); "time/iterations" is no step."""
    text = ("time/total_timesteps,rollout/ep_rew_mean,time/fps,time/iterations\n"
            "2048,19.2,161,1\n4096,19.17,173,2\n")
    assert named(text) == [("rollout/ep_rew_mean", 19.2, 2048, None),
                           ("time/fps", 161.0, 2048, None),
                           ("rollout/ep_rew_mean", 19.17, 4096, None),
                           ("time/fps", 173.0, 4096, None)]


def test_a_monitors_start_time_is_no_metric() -> None:
    """SB3's monitor.csv opens with '#{"t_start": 1771225423.69, ...}': when it started."""
    assert named('#{"t_start": 1771225423.6887798, "env_id": "None"}\n') == []


def test_sb3s_monitor_csv_is_read() -> None:
    """Stable-Baselines3's monitor.csv: a JSON comment, then "r,l,t" (each finished
    episode's reward, length and time): a table, its header short as it is."""
    text = ('#{"t_start": 1771225423.6887798, "env_id": "None"}\nr,l,t\n'
            "-399.34995,285,18.400352\n-383.56598,321,20.919249\n")
    assert named(text) == [("r", -399.34995, None, None), ("l", 285.0, None, None),
                           ("t", 18.400352, None, None), ("r", -383.56598, None, None),
                           ("l", 321.0, None, None), ("t", 20.919249, None, None)]
