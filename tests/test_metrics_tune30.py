"""Round ``tune30`` (session 38). Each test of a new form fails on the parser before the
round (8747737); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import last, named, names


def test_pytracking_loader_lines_give_epoch_batch_and_phase() -> None:
    text = ("[train: 19, 50 / 1875] FPS: 26.2 (41.7)  ,  Loss/total: 0.82552  ,  IoU: 0.80635\n"
            "[val: 20, 100 / 312] FPS: 62.0 (108.2)  ,  Loss/total: 0.82488  ,  IoU: 0.81117\n")
    assert named(text) == [
        ("train_FPS", 26.2, 50, 19), ("train_loss/total", 0.82552, 50, 19),
        ("train_IoU", 0.80635, 50, 19),
        ("val_FPS", 62.0, 100, 20), ("val_loss/total", 0.82488, 100, 20),
        ("val_IoU", 0.81117, 100, 20)]


def test_guard_the_tutorials_epoch_batch_pair_keeps_its_value_after_it() -> None:
    # "[2,  4000] loss: 1.312": no total after the batch, and the value stays a metric
    assert named("[2,  4000] loss: 1.312\n") == [("loss", 1.312, 4000, 2)]


def test_guard_a_train_label_over_a_key_path_keeps_it_as_printed() -> None:
    # Composer's "Train memory/current_active_mem: 0.5": no loader's tag, no prefix
    assert names("[batch=1/100]:\n\t Train memory/peak_allocated_mem: 0.5\n") == {
        "memory/peak_allocated_mem"}


def test_insightface_verification_lines_name_their_set_at_their_step() -> None:
    text = ("[lfw][2000]XNorm: 22.839233\n"
            "[lfw][2000]Accuracy-Flip: 0.99600+-0.00351\n"
            "[lfw][2000]Accuracy-Highest: 0.99600\n"
            "[cfp_fp][2000]Accuracy-Flip: 0.94143+-0.01232\n")
    assert named(text) == [("lfw_XNorm", 22.839233, 2000, None),
                           ("lfw_Accuracy-Flip", 0.996, 2000, None),
                           ("cfp_fp_Accuracy-Flip", 0.94143, 2000, None)]


def test_arcface_torch_record_prefix_is_cut_off() -> None:
    line = ("Training: 2025-11-30 20:25:07,715-Speed 1123.18 samples/sec   Loss 36.7585   "
            "Epoch: 0   Global Step: 100   Required: 556 hours\n")
    assert named(line) == [("Speed", 1123.18, 100, 0), ("Loss", 36.7585, 100, 0)]
    glued = "Training: 2025-12-11 23:26:45,779-[lfw][15163]XNorm: 23.461933\n"
    assert named(glued) == [("lfw_XNorm", 23.461933, 15163, None)]


def test_key_value_rows_take_an_at_sign_in_their_keys() -> None:
    text = ("| Metric           | Value      |\n|:-----------------|:-----------|\n"
            "| dot_accuracy@1   | 0.8603     |\n| dot_ndcg@10      | 0.9269     |\n\n")
    assert named(text) == [("dot_accuracy@1", 0.8603, None, None),
                           ("dot_ndcg@10", 0.9269, None, None)]


def test_a_tables_counts_column_gives_no_metrics() -> None:
    text = ("+------------------------+------------+\n"
            "|        Modules         | Parameters |\n"
            "+------------------------+------------+\n"
            "|     sptH.0.sAtt.Vs     |    729     |\n"
            "|   sptW.0.gcn.weight    |    384     |\n"
            "+------------------------+------------+\n"
            "Epoch: 0, train_loss: 398843.5\n")
    assert named(text) == [("train_loss", 398843.5, None, 0)]


def test_guard_a_key_value_table_after_a_counts_table_is_read() -> None:
    text = ("|        Modules         | Parameters |\n|     fc.weight     |    729     |\n"
            "some text\n| accuracy | 0.9 |\n| loss | 0.3 |\nend\n")
    assert named(text) == [("accuracy", 0.9, None, None), ("loss", 0.3, None, None)]


def test_optuna_trial_lines_give_the_objective_at_the_trial() -> None:
    text = ("[I 2022-05-26 06:25:09,265] Trial 0 finished with value: 3620.04 and parameters: "
            "{'n_layers': 2, 'lr': 0.0148}. Best is trial 0 with value: 3620.04.\n"
            "[I 2022-05-26 06:25:29,383] Trial 1 pruned. \n"
            "[I 2022-05-26 06:26:29,383] Trial 2 finished with value: 3400.5 and parameters: "
            "{'n_layers': 1, 'lr': 0.0012}. Best is trial 2 with value: 3400.5.\n")
    assert named(text) == [("value", 3620.04, 0, None), ("value", 3400.5, 2, None)]
    many = ("[I 2024-05-11 18:31:04,380] Trial 3 finished with values: [0.0016, 92.0] and "
            "parameters: {'batch_size': 4}. \n")
    assert named(many) == [("values_0", 0.0016, 3, None), ("values_1", 92.0, 3, None)]


def test_ray_tunes_experiment_tag_is_no_metric() -> None:
    text = ("Result for search_model_00002:\n  loss: 4.28\n"
            "  experiment_tag: 2_batch_size=5120,lr=6.7787e-05,tau=0.16799\n"
            "  training_iteration: 50\n\n")
    assert {"lr", "tau", "batch_size"}.isdisjoint(names(text))


def test_japanese_counts_are_no_metrics() -> None:
    text = ("  num epochs / epoch数: 2\n  batch size per device / バッチサイズ: 1\n"
            "  total optimization steps / 学習ステップ数: 186\n"
            "steps: 100%|#####| 186/186 [02:05<00:00,  1.42s/it, avr_loss=0.0961]\n")
    assert names(text) == {"avr_loss"}


def test_guard_a_chinese_score_is_still_a_metric() -> None:
    # "分数" (score) ends in 数 too: only the Japanese counts' endings are counts
    assert names("epoch 3 F1分数: 0.82\n") == {"F1分数"}


def test_highest_after_a_metric_is_a_running_best() -> None:
    assert names("[2000]Accuracy-Highest(LFW): 0.99600\nhighest_acc: 0.9\n") == set()


def test_guard_highest_beside_no_metric_word_stays() -> None:
    assert names("step 5 highest_price: 12.5\n") == {"highest_price"}


def test_generation_is_a_steps_key() -> None:
    assert last("Generation 81\nbest fitness: 264.7\n", "best_fitness").step == 81


def test_guard_a_log_levels_bracket_before_the_step_names_no_set() -> None:
    assert named("[info][2000]loss: 0.5\n") == [("loss", 0.5, 2000, None)]
