"""Round ``tune34`` (session 42). Each test of a new form fails on the parser before the
round (6892e17); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names

LOG_DIST = ("[2023-04-21 15:22:46,754] [INFO] [logging.py:96:log_dist] [Rank 0] step=10, "
            "skipped=5, lr=[4.99e-05, 4.99e-05], mom=[(0.9, 0.95), (0.9, 0.95)]\n")


def test_deepspeeds_rate_of_every_parameter_group_is_the_lr() -> None:
    assert named(LOG_DIST) == [("lr", 4.99e-05, 10, None)]


def test_guard_parameter_groups_at_different_rates_stay_apart() -> None:
    assert named("step=10, lr=[5e-05, 0.0001]\n") == [
        ("lr_0", 5e-05, 10, None), ("lr_1", 0.0001, 10, None)]


def test_which_way_is_better_between_a_name_and_its_value_is_a_remark() -> None:
    line = ("chosen_last_scores (higher is better) : 0.05, rejected_last_scores (lower is "
            "better) : -0.3, acc (higher is better) : 0.6\n")
    assert named(line) == [("chosen_last_scores", 0.05, None, None),
                           ("rejected_last_scores", -0.3, None, None), ("acc", 0.6, None, None)]


def test_a_loss_scale_reduced_after_an_overflow_is_an_event() -> None:
    text = ("[Rank 0] Overflow detected. Skipping step. Attempted loss scale: 65536, reducing "
            "to 32768.0\nstep 5 loss scale: 1024\n")
    assert named(text) == [("loss_scale", 1024.0, 5, None)]


def test_time_to_load_an_extension_is_start_up() -> None:
    text = ("Beginning of Epoch 1/1, Total Generation Batches 120\n"
            "Loading extension module utils...\nTime to load utils op: 0.00034 seconds\n"
            "Loading extension module utils...\nTime to load utils op: 0.00033 seconds\n")
    assert named(text) == []


def test_verl_timings_and_run_group_counters() -> None:
    line = ("step:3 - actor/lr:np.float64(1e-06) - training/global_step:3 - training/epoch:0 "
            "- timing_s/generate_sequences:0.85 - timing_s/gen:25.7\n")
    assert named(line) == [("actor/lr", 1e-06, 3, 0), ("timing_s/generate_sequences", 0.85, 3, 0),
                           ("timing_s/gen", 25.7, 3, 0)]


def test_sam2s_phased_step_counter_and_progress_fraction() -> None:
    line = ("Losses and meters: {'Losses/train_all_loss': 4.04, 'Trainer/where': 0.5, "
            "'Trainer/epoch': 29, 'Trainer/steps_train': 630}\n")
    assert named(line) == [("Losses/train_all_loss", 4.04, 630, 29)]


def test_megatrons_rates_per_second_and_per_gpu() -> None:
    line = (" iteration        3/      20 | lm loss: 1.003867E+01 | samples per second: 0.305 "
            "| tokens per gpu per second (tgs): 78.159 | TFLOPs: 4.61 |\n")
    assert named(line) == [
        ("lm_loss", 10.03867, 3, None), ("samples_per_second", 0.305, 3, None),
        ("tokens_per_gpu_per_second_(tgs)", 78.159, 3, None), ("TFLOPs", 4.61, 3, None)]


def test_guard_a_count_per_epoch_is_no_rate() -> None:
    assert names("step 1 | Num update steps per epoch: 250 | loss: 0.5\n") == {"loss"}


def test_a_json_step_record_after_a_log_prefix_and_a_label() -> None:
    line = ('2025-12-10 21:41:49,700 | INFO | METRICS {"phase": "train", "step": 16125, '
            '"epoch": 89, "train_total_loss": 83.41, "loss_mode": "capacity", "lr": 1.4e-05}\n')
    assert named(line) == [("train_total_loss", 83.41, 16125, 89), ("lr", 1.4e-05, 16125, 89)]


def test_a_results_records_per_class_rows_are_no_metrics() -> None:
    line = ('{"phase": "eval", "step": 5, "psnr_mean": 23.9, "per_class/glioma/psnr_mean": 22.1, '
            '"per_class/pituitary/psnr_mean": 25.3}\n')
    assert names(line) == {"psnr_mean"}


def test_names_after_a_remark_and_bits_per_dim() -> None:
    line = ("Iter 0010 | Time 132.2330(145.2730) | Bit/dim 25.0864(27.2284) | Steps 412(412.16) "
            "| Grad Norm 199.7057(215.2568) | Total Time 10.00(10.00)\n")
    assert names(line) == {"Time", "Bit/dim", "Grad_Norm", "Total_Time"}


def test_a_pair_at_the_end_of_a_bars_description() -> None:
    bar = "epoch 1 loss 0.10468: 100%|##########| 9432/9432 [44:26<00:00,  3.54it/s]\n"
    assert named(bar) == [("loss", 0.10468, None, 1)]


STATS = ('{"Loss/G/loss": {"num": 32, "mean": 3.48, "std": 0.89}, "Progress/tick": {"num": 1, '
         '"mean": 4.0, "std": 0.0}, "Progress/kimg": {"num": 1, "mean": 16.0, "std": 0.0}, '
         '"Timing/Gmain": {"num": 1, "mean": 549.7, "std": 0.0}, "timestamp": 1714470115.8}\n')


def test_a_record_of_running_statistics_is_each_keys_mean() -> None:
    assert named(STATS) == [("Loss/G/loss", 3.48, 4, None), ("Timing/Gmain", 549.7, 4, None)]


def test_guard_nested_dicts_of_a_mean_and_other_names_keep_them() -> None:
    line = "{'train': {'loss': 0.3, 'mean': 0.2}, 'val': {'loss': 0.4, 'mean': 0.1}}\n"
    assert names(line) == {"train/loss", "train/mean", "val/loss", "val/mean"}


def test_a_results_record_with_text_fields_and_a_networks_layer_table() -> None:
    text = ("Generator             Parameters  Buffers  Output shape         Datatype\n"
            "---                   ---         ---      ---                  ---     \n"
            "mapping.fc0           262656      -        [32, 512]            float32 \n"
            "mapping.fc1           262656      -        [32, 512]            float32 \n"
            '{"results": {"fid50k_full": 4.31}, "metric": "fid50k_full", "total_time": 506.4, '
            '"total_time_str": "8m 26s", "snapshot_pkl": "network-snapshot-000080.pkl"}\n')
    assert named(text) == [("fid50k_full", 4.31, None, None)]


def test_a_phase_word_before_a_rate_of_things() -> None:
    line = "[2025-08-21 22:13:19] (step=0000010) Train Loss: 0.3942, Train Steps/Sec: 2.80\n"
    assert named(line) == [("train_loss", 0.3942, 10, None), ("train_Steps/Sec", 2.8, 10, None)]


def test_r_knitr_output_lines_hold_a_table() -> None:
    text = ("    ## Iter   TrainDeviance   ValidDeviance   StepSize   Improve\n"
            "    ##      1 118373838.3858             nan     0.1000 -154663.8095\n"
            "    ##      2 117736740.6970             nan     0.1000 50184.3767\n")
    assert [(n, s) for n, _, s, _ in named(text) if n == "TrainDeviance"] == [
        ("TrainDeviance", 1), ("TrainDeviance", 2)]


def test_an_arrows_phase_names_the_lines_metrics() -> None:
    text = ("====> Epoch 486 Average train loss: 0.0005\n"
            "====> Validation loss: 0.3594,  acc: 93.54%\n")
    assert names(text) == {"Average_train_loss", "validation_loss", "validation_acc"}
