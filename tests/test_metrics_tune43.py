"""Round ``tune43`` (session 51). Each test of a new form fails on the parser before the
round (b548a17a); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names


def test_an_epoch_counter_after_an_equals_sign_is_the_epoch() -> None:
    """FastMRI challenge code: ``Epoch = [ 45/ 50]`` is the epoch, its ``Iter = [..]`` the step."""
    text = ("Epoch = [ 45/ 50] Iter = [4600/4651] Loss = 0.03149 Time = 225.0127s\n"
            "Epoch = [  45/  50] Train = 0.06445 ValSSIMFull = 0.9098 TrainAnnotatedSlices = 1824"
            " LR = 1.8e-05\n")
    assert named(text) == [
        ("Loss", 0.03149, 4600, 45), ("Time", 225.0127, 4600, 45), ("Train", 0.06445, None, 45),
        ("ValSSIMFull", 0.9098, None, 45), ("LR", 1.8e-05, None, 45)]  # (slices: a count)


def test_a_results_heading_on_a_task_is_over_its_whole_line() -> None:
    """FACIL's ``Test on task 0 :`` labels every ``|`` field of its line."""
    text = ">>> Test on task  0 : loss=2.146 | TAw acc= 60.9%, forg= -0.8%| TAg acc= 47.8% <<<\n"
    assert {"test_loss", "test_TAw_acc", "test_TAg_acc"} <= names(text)


def test_a_label_over_pairs_still_ends_at_a_pipe() -> None:
    """Guard: a phase label (not a results heading) ends at the ``|`` after its pairs."""
    assert names("Val: loss = 1.7, acc = 0.5 | Time: 16.7\n") == {"val_loss", "val_acc", "Time"}


MMENGINE_EVAL = (
    "2025/12/05 13:26:40 - mmengine - INFO - Epoch(val) [0][40/40]    "
    + "  ".join(f"teacher/coco/{key}: {value}" for key, value in (
        ("Broken_precision", "0.0160"), ("Chipped_precision", "0.0370"), ("bbox_mAP", "0.0350"),
        ("bbox_mAP_50", "0.1280"), ("bbox_mAP_75", "0.0120"), ("bbox_mAP_s", "-1.0000"),
        ("bbox_mAP_m", "0.0350"), ("bbox_mAP_l", "0.0370"), ("mv_num_crops_evaluated", "320"),
        ("mv_evaluation_mode", "per_crop"), ("mv_aggregation_method", "none"),
        ("bbox_mAP_x", "0.0371"), ("bbox_mAP_y", "0.0372")))
    + "  data_time: 0.0127  time: 0.1798\n")


def test_an_evaluation_record_with_a_few_text_fields_is_a_report() -> None:
    """An MMEngine evaluation line with two text fields among thirteen numbers reports."""
    assert {"teacher/coco/bbox_mAP", "teacher/coco/bbox_mAP_50", "val_time"} <= names(MMENGINE_EVAL)


def test_text_settings_among_a_few_numbers_stay_configuration() -> None:
    """Guard: a model's settings (two texts among six numbers) record nothing."""
    assert named("name: exp1, backbone: vit_b, img_size: 224, patch: 16, depth: 12, heads: 12, "
                 "dim: 768, mlp_ratio: 4.0\n") == []


def test_fairseq_epoch_summary_is_named_as_its_json_log_names_it() -> None:
    """``| train | epoch 001 |``: train_loss, train_train_wall, apart from train_inner's keys."""
    text = ("2023-02-10 14:01:41 | INFO | train_inner | epoch 001:    100 / 1102 loss=12.627, "
            "num_updates=100, train_wall=17, wall=27\n"
            "2023-02-10 14:04:57 | INFO | train | epoch 001 | loss 10.912 | nll_loss 10.498 | "
            "num_updates 1102 | train_wall 181 | wall 221\n")
    assert named(text) == [
        ("loss", 12.627, 100, 1), ("train_wall", 17.0, 100, 1), ("wall", 27.0, 100, 1),
        ("train_loss", 10.912, 1102, 1), ("train_nll_loss", 10.498, 1102, 1),
        ("train_train_wall", 181.0, 1102, 1), ("train_wall", 221.0, 1102, 1)]


def test_a_bare_names_dict_names_its_values() -> None:
    text = ("  Official validation by acceleration | full={'acc4': 0.9142, 'acc8': 0.8822} "
            "bbox={'acc4': 0.9348, 'acc8': 0.9093}\n")
    assert names(text) == {"full/acc4", "full/acc8", "bbox/acc4", "bbox/acc8"}


def test_a_feature_switched_on_with_its_settings_is_configuration() -> None:
    text = ("[LR] MultiStepLR enabled | initial=0.0002 milestones=[16, 27] gamma=0.3\n"
            "[MaskAug] enabled | acc=[4, 8] random_ratio=0.0 schedule=exp start=16 plateau=25\n")
    assert named(text) == []


def test_a_models_name_over_its_counters_prefixes_every_key() -> None:
    """PyCIL's FOSTER: the student (``SNet:``) apart from the teacher, its phase keys too."""
    text = ("2024-01-05 14:54:19,291 [foster.py] => Task 4, Epoch 170/170 => Loss 2.280,  "
            "Train_accy 91.89\n"
            "2024-01-05 14:54:25,044 [foster.py] => SNet: Task 4, Epoch 1/130 => Loss 2.849,  "
            "Train_accy 35.27, Test_accy 51.23\n")
    assert named(text) == [
        ("Loss", 2.28, None, 170), ("Train_accy", 91.89, None, 170),
        ("snet_Loss", 2.849, None, 1), ("snet_Train_accy", 35.27, None, 1),
        ("snet_Test_accy", 51.23, None, 1)]


def test_a_capitalised_word_before_a_count_is_no_models_name() -> None:
    """Guard: ``GRPO step 250/500 |`` and ``Epoch: 3`` name no model."""
    assert names("GRPO step 250/500 | loss: 0.0001 | mean_reward: 0.7668 | KL: 0.0007\n") \
        == {"loss", "mean_reward", "KL"}
    assert names("Train: Epoch 3 => loss 0.5\n") == {"loss"}


def test_a_growing_accuracy_curve_records_its_last_entry() -> None:
    """PyCIL prints the accuracy after each task so far; the last is the new one."""
    text = ("2024-01-05 15:07:02,485 [foster.py] => CNN top1 curve: 56.98\n"
            "2024-01-05 15:07:55,940 [trainer.py] => CNN top1 curve: [83.4, 74.9, 68.7, 59.46]\n")
    assert named(text) == [("CNN_top1_curve", 56.98, None, None),
                           ("CNN_top1_curve", 59.46, None, None)]


def test_a_pair_heading_names_each_pairs_values() -> None:
    """coral-cnn: ``MAE/RMSE: | Train: 0.09/0.50``; a ``Best`` pair is a running best."""
    text = ("Epoch: 200/200 | Batch 0150/0155 | Cost: 0.1137\n"
            "MAE/RMSE: | Current Valid: 2.93/4.14 Ep. 199 | Best Valid : 2.79/3.94 Ep. 90\n")
    assert named(text) == [("Cost", 0.1137, 150, 200), ("Current_Valid_MAE", 2.93, None, 199),
                           ("Current_Valid_RMSE", 4.14, None, 199)]


def test_a_slash_heading_of_no_metrics_names_no_pairs() -> None:
    """Guard: ``bsz/gpus:`` names no pair of measures."""
    assert names("bsz/gpus: | Current Valid: 32.5/8.5 Ep. 3\n") == {"Current_Valid"}


def test_offlinerl_kit_box_table_steps_by_its_timestep_row() -> None:
    text = ("-" * 60 + "\n| alpha                              | 0.979    |\n"
            "| loss/actor                         | 10.8     |\n"
            "| timestep                           | 1000     |\n" + "-" * 60 + "\n")
    assert named(text) == [("alpha", 0.979, 1000, None), ("loss/actor", 10.8, 1000, None)]


def test_an_aligned_results_heading_labels_its_values() -> None:
    """Ignite's ``Testing Results    - Epoch: 431`` (aligned under "Validation Results")."""
    text = ("Validation Results - Epoch: 431 SROCC: 0.0865 OR: 86.42%\n"
            "Testing Results    - Epoch: 431 SROCC: -0.0685 OR: 86.88%\n")
    assert names(text) == {"validation_SROCC", "validation_OR", "testing_SROCC", "testing_OR"}


def test_a_capitals_label_opens_a_line_of_lower_case_pairs() -> None:
    text = ("Epoch Done elbo_loss 42.444348 kl_loss 15.480998\n"
            "ELBO_VALID elbo_loss 59.449103 kl_loss 16.076289\n")
    assert names(text) == {"elbo_loss", "kl_loss", "elbo_valid_elbo_loss", "elbo_valid_kl_loss"}


def test_a_spaced_dash_before_a_decimal_names_it() -> None:
    text = ("Epoch 1: training loss - 4.28138 | validation loss - 3.9499 | accuracy - 0.22175 "
            "(6.1559s)\n")
    assert named(text) == [("training_loss", 4.28138, None, 1),
                           ("validation_loss", 3.9499, None, 1), ("accuracy", 0.22175, None, 1)]


def test_a_spaced_dash_before_a_count_is_a_labels() -> None:
    """Guard: AutoAttack's ``apgd-ce - 1/7 - 59 out of 128``: no apgd-ce value."""
    assert "apgd-ce" not in names("apgd-ce - 1/7 - 59 out of 128 successfully perturbed\n"
                                  "apgd-t - 2 - 61 out of 128 successfully perturbed\n")


def test_a_long_format_json_record_is_named_by_its_name_field() -> None:
    """FACIL's raw_log.txt: one value per line, named by group and name, at its iter."""
    text = ('{"group": "test", "iter": 0, "name": "loss", "task": 2, '
            '"time": "2023-05-26-16-07", "value": 3.0297788155555727}\n'
            '{"group": "valid", "iter": 1, "name": "acc", "task": 0, "value": 65.68}\n')
    assert named(text) == [("test_loss", 3.0297788155555727, 0, None),
                           ("valid_acc", 65.68, 1, None)]


def test_nielsens_cost_phrases() -> None:
    text = ("Epoch 38 training complete\nCost on training data: 0.36639228065\n"
            "Cost on evaluation data: 0.36731290024\n")
    assert named(text) == [("Cost_on_training_data", 0.36639228065, None, 38),
                           ("Cost_on_evaluation_data", 0.36731290024, None, 38)]


def test_a_device_and_its_index_name_its_quantity() -> None:
    """AllenNLP's ``GPU 0 memory usage: 37G``: one series per device."""
    text = "".join(f"2022-07-08 11:21:41,235 - INFO - allennlp.training.trainer - {line}\n"
                   for line in ("Worker 0 memory usage: 9.4G", "GPU 0 memory usage: 37G",
                                "GPU 1 memory usage: 35G"))
    assert named(text) == [("Worker_0_memory_usage", 9.4, None, None),
                           ("GPU_0_memory_usage", 37.0, None, None),
                           ("GPU_1_memory_usage", 35.0, None, None)]


def test_a_devices_index_before_a_non_quantity_is_not_named() -> None:
    """Guard: ``GPU 0 loss: 0.5``'s loss is no device's quantity."""
    assert names("GPU 0 loss: 0.5\n") == {"loss"}
