"""Round ``tune32`` (session 40). Each test of a new form fails on the parser before the
round (47b4617); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import named, names

PYCIL = ("2022-05-24 16:22:26,000 [icarl.py] => Task 1, Epoch 170/170 => Loss 1.034, "
         "Train_accy 99.90\n")


def test_a_continual_learners_task_index_is_no_metric() -> None:
    # PyCIL: "Task 1, Epoch 170/170 => Loss 1.034, Train_accy 99.90"
    assert named(PYCIL) == [("Loss", 1.034, None, 170), ("Train_accy", 99.9, None, 170)]


def test_guard_a_task_loss_keeps_its_name() -> None:
    assert names("Task Loss: 0.5\n") == {"Task_Loss"}


SKORCH = ("  epoch    train_loss    valid_loss    cp      dur\n"
          "-------  ------------  ------------  ----  -------\n"
          "      1        0.4784        0.3017     +  12.1672\n"
          "      2        0.2024        0.2124        11.3582\n"
          "      3        0.2003        0.2136     +  11.3666\n")


def test_skorch_rows_with_a_blank_checkpoint_column_keep_their_duration() -> None:
    found = named(SKORCH)
    assert [o for o in found if o[0] == "dur"] == [
        ("dur", 12.1672, None, 1), ("dur", 11.3582, None, 2), ("dur", 11.3666, None, 3)]
    assert {o[0] for o in found} == {"train_loss", "valid_loss", "dur"}


RTDETR = ('{"train_lr": 1e-05, "train_loss": 19.7, "test_coco_eval_bbox": [0.1, 0.3], '
          '"epoch": 0, "n_parameters": 20083028, "model_type": "RTDETR", "backbone": "PResNet"}\n'
          '{"train_lr": 2e-05, "train_loss": 21.2, "test_coco_eval_bbox": [0.2, 0.4], '
          '"epoch": 1, "n_parameters": 20083028, "model_type": "RTDETR", "backbone": "PResNet"}\n')


def test_json_records_with_the_epoch_key_inside_and_text_fields_are_read() -> None:
    # RT-DETR's log.txt after a restart: text fields (model_type) and a list of COCO values
    assert named(RTDETR) == [("train_lr", 1e-05, None, 0), ("train_loss", 19.7, None, 0),
                             ("train_lr", 2e-05, None, 1), ("train_loss", 21.2, None, 1)]


CROWN = ("Time: prepare 0.6468    bound 1.0996    transfer 0.0316    \n"
         "Accumulated time: func 13.2442    prepare 2.4324    \n")


def test_a_headings_words_name_the_pairs_after_it() -> None:
    # alpha-beta-CROWN's timing breakdown per round
    assert named(CROWN) == [
        ("time_prepare", 0.6468, None, None), ("time_bound", 1.0996, None, None),
        ("time_transfer", 0.0316, None, None), ("accumulated_time_func", 13.2442, None, None),
        ("accumulated_time_prepare", 2.4324, None, None)]


def test_guard_a_doing_word_is_no_heading() -> None:
    assert names("Evaluating: loss 0.3 acc 0.5\n") == {"loss", "acc"}


AUTOATTACK = ("initial accuracy: 83.40%\n"
              "apgd-ce - 1/7 - 59 out of 128 successfully perturbed\n"
              "robust accuracy after APGD-CE: 47.30% (total time 6.0 s)\n"
              "robust accuracy after SQUARE: 45.60% (total time 196.0 s)\n"
              "robust accuracy: 45.60%\n")


def test_autoattack_robust_accuracy_after_each_attack() -> None:
    assert named(AUTOATTACK) == [
        ("initial_accuracy", 83.4, None, None), ("robust_accuracy_after_APGD-CE", 47.3, None, None),
        ("robust_accuracy_after_SQUARE", 45.6, None, None), ("robust_accuracy", 45.6, None, None)]


def test_guard_a_unit_before_a_hyphened_name_is_no_part_of_it() -> None:
    # MXNet's Speedometer: "samples/sec Train-Flow_L2Loss=0.32"
    line = "Epoch[3] Batch [260]    Speed: 2.26 samples/sec Train-Flow_L2Loss=0.321852,\n"
    assert "Train-Flow_L2Loss" in names(line)


def test_words_after_an_opening_parenthesis_name_a_value() -> None:
    line = "2026-03-18 13:51:34,545 [INFO]   (RMSE LightGBM: 16.67, XGBoost: 15.68)\n"
    assert ("RMSE_LightGBM", 16.67, None, None) in named(line)


PYCIL_EVAL = ("2022-05-24 16:47:05,586 [trainer.py] => CNN: {'total': 59.04, '00-09': 54.1, "
              "'old': 51.78, 'new': 88.1}\n")


def test_an_acronyms_dict_names_its_values_after_it() -> None:
    assert named(PYCIL_EVAL) == [("CNN_total", 59.04, None, None), ("CNN_old", 51.78, None, None),
                                 ("CNN_new", 88.1, None, None)]


def test_guard_a_lower_case_labels_dict_of_settings_stays_configuration() -> None:
    assert names("backbone: {'depth': 0.5, 'width': 0.25}\n") == set()
    assert names("CFG: {'depth': 0.5, 'width': 0.25}\n") == set()  # an acronym of settings


def test_the_learning_rate_in_parentheses_after_an_epoch() -> None:
    # PyCIL's PODNet: "Epoch 1/160 (LR 0.09999) => LSC_loss 2.87, ..."
    line = "Task 9, Epoch 1/160 (LR 0.09999) => LSC_loss 2.87, Spatial_loss 3.35\n"
    assert named(line) == [("LR", 0.09999, None, 1), ("LSC_loss", 2.87, None, 1),
                           ("Spatial_loss", 3.35, None, 1)]


def test_guard_a_bests_value_in_parentheses_stays_a_remark() -> None:
    line = "[INFO] Early stopping na epoch 117 (melhor: epoch 87, val_acc=0.7784)\n"
    assert "val_acc" not in names(line)
    assert "val_acc" not in names("Pesos restaurados da epoch 87 (val_acc=0.7784)\n")


OPENSET = ("[2025-04-03 21:04:12]   Binary (Unknown vs Known) - AUROC: 0.5568, F1: 0.1638\n"
           "[2025-04-03 21:04:12]   Closed Set - AUROC: 0.7116, F1: 0.1784\n")


def test_capitalised_words_before_a_dash_label_the_pairs_after_it() -> None:
    assert named(OPENSET) == [
        ("binary_unknown_vs_known_AUROC", 0.5568, None, None),
        ("binary_unknown_vs_known_f1", 0.1638, None, None),
        ("closed_set_AUROC", 0.7116, None, None), ("closed_set_f1", 0.1784, None, None)]


def test_guard_a_log_level_before_a_dash_is_no_label() -> None:
    assert names("[2025-04-03 21:04:12] INFO - loss: 0.5, acc: 0.9\n") == {"loss", "acc"}


def test_guard_a_phases_results_heading_names_the_phase_not_a_label() -> None:
    # "Training Summary - " and "Test set: " name their phase (as before the round)
    assert names("Training Summary - loss: 0.3, acc: 0.5\n") == {"training_loss",
                                                                "training_acc"}
    assert names("Final Results - acc: 0.9\n") == {"acc"}
    assert names("Test set: loss 0.3 acc 0.5\n") == {"test_loss", "test_acc"}
