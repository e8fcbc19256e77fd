"""Round ``tune27`` (session 35). Each test of a new form fails on the parser before the
round (5279fb5); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import named, names

_BAR = "━" * 20


def _keras(total: int, values: str) -> str:
    return f"{total}/{total} {_BAR} 1s 3ms/step - {values}\n"


def test_a_keras_evaluate_bar_after_fit_belongs_to_no_epoch() -> None:
    # the test set's (session 108: test_accuracy, test_loss; the user's "Test accuracy:"
    # print after it, the same value, is no second one)
    text = ("Epoch 1/2\n" + _keras(375, "accuracy: 0.9000 - loss: 0.3000")
            + "Epoch 2/2\n" + _keras(375, "accuracy: 0.9500 - loss: 0.2000")
            + _keras(313, "accuracy: 0.9400 - loss: 0.2500")
            + "Test accuracy: 0.9400\n")
    assert named(text) == [("accuracy", 0.9, None, 1), ("loss", 0.3, None, 1),
                           ("accuracy", 0.95, None, 2), ("loss", 0.2, None, 2),
                           ("test_accuracy", 0.94, None, None), ("test_loss", 0.25, None, None)]


def test_guard_a_second_fit_of_the_same_length_keeps_its_epoch() -> None:
    # k-fold: fit(epochs=1) again, "Epoch 1/1" each time: the same bar's length, a new fit
    text = ("Epoch 1/1\n" + _keras(375, "loss: 0.3000") + "Epoch 1/1\n"
            + _keras(375, "loss: 0.2000"))
    assert named(text) == [("loss", 0.3, None, 1), ("loss", 0.2, None, 1)]


_FASTREID = ("| Dataset   | Rank-1   | Rank-5   | mAP   | mINP   |\n"
             "|:----------|:---------|:---------|:------|:-------|\n"
             "| DukeMTMC  | 59.34    | 71.90    | 39.41 | 6.99   |\n")


def test_a_results_table_by_data_set_holds_aggregates() -> None:
    assert named(_FASTREID) == [("Rank-1", 59.34, None, None), ("Rank-5", 71.9, None, None),
                                ("mAP", 39.41, None, None), ("mINP", 6.99, None, None)]
    second = _FASTREID + "| Market1501 | 88.10 | 95.00 | 72.30 | 40.10 |\n"
    assert [n for n, *_ in named(second)][4:] == [
        "Market1501_Rank-1", "Market1501_Rank-5", "Market1501_mAP", "Market1501_mINP"]


def test_guard_a_grid_of_data_sets_and_models_is_no_aggregate() -> None:
    text = ("   dataset    model  train_seconds    mrr  hits@1  hits@3\n"
            "  FB15k237   PairRE       881.5691 0.1780  0.1118  0.1891\n"
            "  FB15k237   TransE       863.4783 0.1639  0.0955  0.1746\n")
    assert named(text) == []
    per_class = ("| Class | IoU   | Acc   |\n|:------|:------|:------|\n"
                 "| road  | 97.10 | 98.20 |\n")
    assert named(per_class) == []


def test_paddleocr_best_metric_line_repeats_the_best_evaluation() -> None:
    text = ("[2022/12/11 16:41:00] root INFO: cur metric, precision: 0.8357, recall: 0.9354, "
            "hmean: 0.8828, fps: 0.5607\n"
            "[2022/12/11 16:41:01] root INFO: best metric, hmean: 0.8828, precision: 0.8357, "
            "recall: 0.9354, fps: 0.5607, best_epoch: 1\n")
    assert named(text) == [("precision", 0.8357, None, None), ("recall", 0.9354, None, None),
                           ("hmean", 0.8828, None, None), ("fps", 0.5607, None, None)]
    assert names("Early stop. best_epoch: 12, best_iter: 3400, val_acc: 0.91\n") == {"val_acc"}


def test_an_ordinal_before_its_key_is_the_epoch_or_the_step() -> None:
    text = "  130th epoch,\n   training loss: 0.4494\n   val loss: 0.6120\n"
    assert named(text) == [("training_loss", 0.4494, None, 130), ("val_loss", 0.612, None, 130)]
    assert named("the 3rd step loss 0.4\n") == [("loss", 0.4, 3, None)]
    assert named("2nd epoch: loss 0.5\n") == [("loss", 0.5, None, 2)]


def test_guard_an_ordinal_of_anything_else_is_no_counter() -> None:
    assert named("1st place score: 0.4\n") == [("score", 0.4, None, None)]


def test_a_model_summary_holds_the_models_size() -> None:
    text = ("2025-06-27 12:20:40.190 | INFO     | __main__:main:166 - Model Summary: "
            "Params: 99.00M, Gflops: 793.21\n")
    assert named(text) == []


def test_a_records_level_is_no_text_setting() -> None:
    text = ("2025-11-28 10:03:59.545 INFO: Epoch 0: head: Default, loss=7.37331629, "
            "MAE_E_per_atom=   45.03 meV, MAE_F=   14.27 meV / A\n")
    assert named(text) == [("loss", 7.37331629, None, 0), ("MAE_E_per_atom", 45.03, None, 0),
                           ("MAE_F", 14.27, None, 0)]


def test_guard_two_text_settings_are_still_configuration() -> None:
    assert named("2025-11-28 10:03:59.545 INFO: optimizer: AdamW, scheduler: cosine, "
                 "lr: 0.001\n") == []


def test_a_losss_weight_is_a_setting() -> None:
    assert named("Coverage Mechanism: ON | λ = 0.5\n") == []
    assert named("lambda_recon: 10.0 lambda_tv: 0.1 loss: 0.52\n") == [("loss", 0.52, None, None)]


def test_counts_with_thousands_separators_are_no_report() -> None:
    assert named("  VQA v2.0: 443,757 | VQA-E: 181,298 | ConcatDataset: 625,055\n") == []


def test_guard_a_metric_printed_with_a_thousands_separator_stays() -> None:
    assert named("throughput: 12,345 | loss: 1,234\n") == [("throughput", 12345.0, None, None),
                                                           ("loss", 1234.0, None, None)]


def test_rays_process_tag_is_no_part_of_the_line() -> None:
    # verl's configuration, pretty-printed by a Ray task: an object over lines, no metrics
    lines = ["{'actor_rollout_ref': {'actor': {'clip_ratio': 0.2,\n",
             "                                 'kl_loss_coef': 0.001,\n",
             "                                 'temperature': 0.7}}}\n"]
    tag = "\x1b[36m(main_task pid=2105103)\x1b[0m "
    assert named("".join(tag + line for line in lines)) == named("".join(lines))
    assert named("(WorkerDict pid=77, ip=10.0.0.2) step 5 loss=0.25\n") == [("loss", 0.25, 5, None)]


def test_mmengines_val_loop_position_is_not_the_runs_step() -> None:
    text = ("2023/06/16 22:05:12 - mmengine - INFO - Iter(train) [1000/4000]  lr: 9.7772e-03  "
            "loss: 0.3600\n"
            "2023/06/16 22:05:21 - mmengine - INFO - Iter(val) [17/17]    aAcc: 95.4600  "
            "mIoU: 71.3100\n")
    assert named(text) == [("lr", 0.0097772, 1000, None), ("loss", 0.36, 1000, None),
                           ("aAcc", 95.46, 1000, None), ("mIoU", 71.31, 1000, None)]


def test_guard_mmcvs_val_line_without_a_total_holds_the_runs_iteration() -> None:
    text = "2021-03-01 10:00:00,000 - mmseg - INFO - Iter(val) [500]\taAcc: 0.7825, mIoU: 0.3778\n"
    assert named(text) == [("aAcc", 0.7825, 500, None), ("mIoU", 0.3778, 500, None)]
