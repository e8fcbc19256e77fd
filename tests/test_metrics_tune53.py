"""Round ``tune53`` (session 61): forms of held-out sets UI-VF once each was scored. Each
test of a rule fails on the parser before the round (856ee848); each guard fails on the
rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names

# the nuScenes detection summary (mmdetection3d, StreamPETR, Fast-BEV): one "key: value"
# line each, every value printed with four decimals
NUSCENES = ("Evaluating bboxes of pts_bbox\n"
            "mAP: 0.5152\nmATE: 0.5755\nmASE: 0.2539\nmAOE: 0.3004\nNDS: 0.6009\n"
            "Eval time: 105.8s\n\n"
            "mAP: 0.5304\nmATE: 0.5636\nmASE: 0.2546\nmAOE: 0.3016\nNDS: 0.6085\n"
            "Eval time: 141.8s\n")


def test_a_block_of_uniformly_rounded_values_is_results() -> None:
    """A block of ``key: value`` lines whose values share their decimal places (three or
    more: ``f"{v:.4f}"``) reports results, whatever the keys' names."""
    found = named(NUSCENES)
    assert [f[:2] for f in found if f[0] in ("mATE", "NDS")] == [
        ("mATE", 0.5755), ("NDS", 0.6009), ("mATE", 0.5636), ("NDS", 0.6085)]


def test_a_configuration_block_of_mixed_numbers_stays_settings() -> None:
    """Guard: configuration prints its numbers as they are (``0.001``, ``0.9``, ``32``),
    with differing decimals or integers among them: still no metric."""
    config = "lr: 0.001\nmomentum: 0.9\nweight_decay: 0.0005\nwarmup: 0.1\n"
    assert named(config) == []
    ints = "hidden: 0.250\nlayers: 12\nheads: 8\nvocab: 32000\n"
    assert "hidden" not in names(ints)
    # a pandas frame's columns ("Dry_Clover_g  1.365142") are a table, not a listing
    frame = ("Dry_Clover_g  1.365142\nDry_Dead_g    3.148252\nDry_Green_g   3.983784\n"
             "GDM_g         3.616492\n")
    assert named(frame) == []


# Hugging Face examples' logging format: the logger's name before the message
HF_EVAL = ("09/11/2022 12:15:22 - INFO - __main__ -   ***** Eval results *****\n"
           "09/11/2022 12:15:22 - INFO - __main__ -     epoch = 1.0\n"
           "09/11/2022 12:15:22 - INFO - __main__ -     eval_CR = 85.45\n"
           "09/11/2022 12:15:22 - INFO - __main__ -     eval_MPQA = 87.65\n"
           "09/11/2022 12:15:22 - INFO - __main__ -     eval_avg_transfer = 83.88\n")


def test_results_heading_after_a_logger_name_keeps_its_block() -> None:
    """``- INFO - __main__ -   ***** Eval results *****`` heads results; its ``epoch = 1.0``
    line places the values around it, which keep their names as printed."""
    assert named(HF_EVAL) == [("eval_CR", 85.45, None, 1.0), ("eval_MPQA", 87.65, None, 1.0),
                              ("eval_avg_transfer", 83.88, None, 1.0)]


def test_a_section_heading_of_results_keeps_its_block() -> None:
    """``Eval results:`` (a ``key:`` section whose words say results) heads results."""
    text = "Eval results:\n  eval_CR = 85.45\n  eval_MPQA = 87.65\n  eval_avg = 0.5\n"
    assert [f[0] for f in named(text)] == ["eval_CR", "eval_MPQA", "eval_avg"]
    # guard: a bare "results:" key (YAML) is no heading of results
    config = "results:\n  seed: 1.5\n  workers: 0.25\n  beta: 0.125\n"
    assert named(config) == []


def test_phase_labels_over_spaced_name_value_pairs() -> None:
    """probtorch's ``[Epoch 0] Train: ELBO -1.3498e+00 (3s) Test: ELBO -1.0316e+00 (0s)``:
    each label names the pair after it (no "text setting" ``Train: ELBO``)."""
    text = ("[Epoch 0] Train: ELBO -1.3498e+00 (3s) Test: ELBO -1.0316e+00 (0s)\n"
            "[Epoch 1] Train: ELBO -9.9317e-01 (6s) Test: ELBO -9.5292e-01, Accuracy 0.099 (0s)\n")
    assert named(text) == [("train_ELBO", -1.3498, None, 0), ("test_ELBO", -1.0316, None, 0),
                           ("train_ELBO", -0.99317, None, 1), ("test_ELBO", -0.95292, None, 1),
                           ("test_accuracy", 0.099, None, 1)]


def test_phase_then_count_then_epoch_labels_the_line() -> None:
    """BrainPy's ``Train 0 epoch, use 7.4737 s, loss 0.83, acc 0.70``: the phase labels the
    values, the count is the epoch."""
    text = ("Train 0 epoch, use 7.4737 s, loss 0.8337, acc 0.7043\n"
            "Test 0 epoch, use 0.9029 s, loss 0.5831, acc 0.7846\n")
    assert named(text) == [("train_loss", 0.8337, None, 0), ("train_acc", 0.7043, None, 0),
                           ("test_loss", 0.5831, None, 0), ("test_acc", 0.7846, None, 0)]


def test_a_loops_mode_word_is_no_phase_label() -> None:
    """Guard: NeMo's ``Training epoch 0, iteration 0/9 | lr: 0.0006 | ...`` names the loop's
    mode; its keys keep their names."""
    text = ("Training epoch 0, iteration 0/9 | lr: 0.0006 | global_step: 0 | "
            "reduced_train_loss: 11.02\n")
    assert names(text) == {"lr", "reduced_train_loss"}


def test_a_splits_data_label_prefixes_its_keys() -> None:
    """``Validation Data - Loss: 0.0008, MAE: 0.0209``: the split's data labels its keys (not
    one ``Loss`` series for the three splits)."""
    text = ("Training Data - Loss: 0.0015, MAE: 0.0277\n"
            "Validation Data - Loss: 0.0008, MAE: 0.0209\n"
            "Test Data - Loss: 0.0015, MAE: 0.0246\n")
    assert [f[0] for f in named(text)] == [
        "training_data_loss", "training_data_MAE", "validation_data_loss", "validation_data_MAE",
        "test_data_loss", "test_data_MAE"]


def test_a_bare_count_with_thousands_commas_before_pipe_fields_is_the_step() -> None:
    """TimeGAN's `` 1,000 | d_loss: 0.5845 | g_loss_u: 2.8059``: the line's count is its
    step."""
    text = ("     0 | d_loss: 2.1271 | g_loss_u: 0.6151\n"
            " 1,000 | d_loss: 0.5845 | g_loss_u: 2.8059\n")
    assert named(text) == [("d_loss", 2.1271, 0, None), ("g_loss_u", 0.6151, 0, None),
                           ("d_loss", 0.5845, 1000, None), ("g_loss_u", 2.8059, 1000, None)]


def test_train_set_labels_its_keys_as_test_set_does() -> None:
    """``Epoch: 1/20. Train set: Average loss: 1.0007`` is train_loss, as the MNIST example's
    ``Test set: Average loss`` is test_loss."""
    text = ("Epoch: 1/20. Train set: Average loss: 1.0007\tAccuracy: 50.1\n"
            "Epoch: 1/20. Validation set: Average loss: 0.8909\tAccuracy: 60.2\n")
    assert named(text) == [("train_loss", 1.0007, None, 1), ("train_accuracy", 50.1, None, 1),
                           ("validation_loss", 0.8909, None, 1),
                           ("validation_accuracy", 60.2, None, 1)]


def test_cost_after_iteration_names_its_value() -> None:
    """deeplearning.ai's ``Cost after iteration 1000: 0.62`` and ``Cost after epoch 100:``."""
    text = "Cost after iteration 0: inf\nCost after iteration 1000: 0.6237\n"
    found = named(text)
    assert [f[0] for f in found] == ["Cost", "Cost"]
    assert found[1] == ("Cost", 0.6237, 1000, None)
    assert named("Cost after epoch 100: 1.016458\n") == [("Cost", 1.016458, None, 100)]


def test_the_current_best_repeats_an_earlier_epoch() -> None:
    """``The Current Best Test Result: precision = 91.36%`` repeats an earlier epoch's values."""
    text = ("Dev eval: precision = 95.049839%  recall = 94.681925%\n"
            "The Current Best Dev F-score: 94.865526, Locate on 43 Epoch.\n"
            "The Current Best Test Result: precision = 91.363071%  recall = 91.023371%\n")
    assert [f[0] for f in named(text)] == ["dev_precision", "dev_recall"]
    # guard: Ray Tune's "Current best trial: ... with loss=2.85" reports the search's result
    tune = "Current best trial: cadb3_00001 with loss=2.8482649326324463 and params={'lr': 0.003}\n"
    assert [f[0] for f in named(tune)] == ["loss"]


def test_japanese_counts_are_no_metrics() -> None:
    """kohya-ss sd-scripts' ``num examples / サンプル数: 175`` (number of samples) and
    ``generating sample images at step / サンプル画像生成 ステップ: 4410`` (a step)."""
    text = ("  num examples / サンプル数: 175\n"
            "generating sample images at step / サンプル画像生成 ステップ: 4410\n")
    assert named(text) == []


def test_a_phase_tag_and_its_epoch_head_the_bullets_under_them() -> None:
    """The Flax NNX segmentation tutorial's ``[val] epoch: 1/50`` over `` - Mean IoU: 0.3287``:
    the phase names the keys under it."""
    text = ("[train] epoch: 1/50 \n - total loss: 1.4808 \n - Mean IoU: 0.3313 \n"
            "[val] epoch: 1/50 \n - total loss: 1.4837 \n - Mean IoU: 0.3287 \n")
    assert named(text) == [("train_total_loss", 1.4808, None, 1),
                           ("train_Mean_IoU", 0.3313, None, 1),
                           ("val_total_loss", 1.4837, None, 1), ("val_Mean_IoU", 0.3287, None, 1)]


def test_where_the_run_ended_is_no_metric() -> None:
    """``🏁 Final Epoch: 91`` says where the run stopped; ``Final loss`` stays a metric."""
    text = ("2025-11-02 03:05:17 | INFO | on_train_end:474 | 🏁 Final Epoch: 91\n"
            "2025-11-02 03:05:17 | INFO | on_train_end:475 | Final loss: 0.25\n")
    assert names(text) == {"Final_loss"}


def test_a_json_classification_report_keeps_its_aggregates() -> None:
    """scikit-learn's ``classification_report(output_dict=True)`` printed as JSON: the
    classes' rows are no aggregates; the accuracy and the averages' rows are."""
    text = ('{\n  "cat": {\n    "precision": 0.5,\n    "recall": 0.25,\n    "f1-score": 0.33,\n'
            '    "support": 4\n  },\n  "dog": {\n    "precision": 0.7,\n    "recall": 0.9,\n'
            '    "f1-score": 0.79,\n    "support": 6\n  },\n  "accuracy": 0.64,\n'
            '  "macro avg": {\n    "precision": 0.6,\n    "recall": 0.575,\n'
            '    "f1-score": 0.56,\n    "support": 10\n  }\n}\n')
    assert [f[:2] for f in named(text)] == [
        ("accuracy", 0.64), ("macro avg/precision", 0.6), ("macro avg/recall", 0.575),
        ("macro avg/f1-score", 0.56)]


def test_a_results_block_keeps_no_counts_or_thresholds() -> None:
    """LineVul's ``***** Eval results *****`` block: ``eval_threshold`` (the decision's
    setting) and a count of samples are no results."""
    text = ("12/01/2022 10:00:00 - INFO - __main__ -   ***** Eval results *****\n"
            "12/01/2022 10:00:00 - INFO - __main__ -     eval_f1 = 0.9112\n"
            "12/01/2022 10:00:00 - INFO - __main__ -     eval_samples = 408\n"
            "12/01/2022 10:00:00 - INFO - __main__ -     eval_threshold = 0.5\n")
    assert names(text) == {"eval_f1"}


def test_a_trainers_output_repr_reports_the_run() -> None:
    """A notebook's last expression, Hugging Face's ``TrainOutput(global_step=25,
    training_loss=2.22, metrics={'train_runtime': 21.3, ...})``: the run's summary, no
    object's configuration; a plain call's values stay a remark."""
    text = ("TrainOutput(global_step=25, training_loss=2.2229, metrics={'train_runtime': 21.3231,"
            " 'train_samples_per_second': 9.379, 'total_flos': 65215719005184.0,"
            " 'train_loss': 2.2229, 'epoch': 1.0})\n")
    found = {f[0]: f[1:] for f in named(text)}
    assert found["train_runtime"] == (21.3231, 25, 1.0)
    assert found["train_loss"] == (2.2229, 25, 1.0)
    assert "total_flos" not in found
    assert named("Config(hidden=0.25, layers=4.5)\n") == []


def test_a_results_headings_split_in_parentheses_names_its_keys() -> None:
    """TF Hub's ``Eval Metrics (Validation): {'accuracy': 0.845, ...}``: the split in
    parentheses names the keys (``validation_accuracy``), not the heading's "Eval"; a remark
    in parentheses (``Test Results (greedy):``) leaves the heading's phase."""
    text = ("Eval Metrics (Train): {'accuracy': 0.848, 'loss': 44.1}\n"
            "Eval Metrics (Validation): {'accuracy': 0.845, 'loss': 44.07}\n"
            "Test Results (greedy): loss=0.5\n")
    assert [f[0] for f in named(text)] == ["train_accuracy", "train_loss",
                                           "validation_accuracy", "validation_loss", "test_loss"]


def test_spacy_v2s_itn_column_is_the_step() -> None:
    """spaCy v2's ``spacy train`` table: its ``Itn`` column is the iteration (the step)."""
    text = ("Itn  Tag Loss    Tag %    NER Loss   NER P\n"
            "---  ---------  --------  ---------  ------\n"
            "  1  31357.874    94.123  16637.228  83.622\n"
            "  2  16652.860    94.740   7563.159  86.609\n")
    found = named(text)
    assert "Itn" not in {f[0] for f in found}
    assert ("NER_P", 86.609, 2, None) in found
