"""Round ``tune101`` (session 101). Each test of a rule fails on 9f76f41c (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import named

from exptrack.metrics.tfevents import read_events

ZOO = Path(__file__).parent / "data" / "zoo"


def test_a_bar_description_padded_before_its_percentage_keeps_its_value() -> None:
    # GraphCodeBERT's run.py: ``bar.set_description("epoch {} loss {}")`` before tqdm's
    # padded percentage ("loss 0.70046:   0%|"); the colon and its padding are tqdm's, not a
    # heading's (before: no loss at all; unpadded "100%|" was read)
    text = ("epoch 0 loss 0.70046:   0%|          | 1/50000 [00:01<25:49:29,  1.86s/it]\r"
            "epoch 0 loss 0.67627:   0%|          | 2/50000 [00:03<21:40:14,  1.56s/it]\r"
            "epoch 0 loss 0.68875:  10%|#         | 3/30 [00:04<00:10,  1.36s/it]\n")
    assert [(n, v, e) for n, v, _, e in named(text)] == [
        ("loss", 0.70046, 0), ("loss", 0.67627, 0), ("loss", 0.68875, 0)]


def test_a_line_ending_in_a_run_of_integers_is_a_sequence() -> None:
    # BERT-style example dumps ("input_ids: 101 2054 ..."), a line longer than a settings
    # listing's (before: input_ids = 0 at each example)
    ids = " ".join(str(n * 7919 % 30000) for n in range(60))
    text = (f"06/23/2025 09:35:10 - INFO - __main__ -   input_ids_1: 0 {ids}\n"
            "06/23/2025 09:35:10 - INFO - __main__ -   step 1 input_ids: 101 2054 2003 1037 "
            "3231 102 0 0\n"
            "step 2 loss: 0.5\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [("loss", 0.5, 2)]


def test_a_few_numbers_after_a_name_are_no_sequence() -> None:
    # guard: five integers are a short list, and a decimal first value is no token id
    text = "step 3 correct: 5 4 3 2 1\nstep 4 loss: 0.25 11 12 13 14 15 16\n"
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("correct", 5.0, 3), ("loss", 0.25, 4)]


def test_a_dicts_quoted_split_key_names_its_phase() -> None:
    # Haiku's MNIST example: "{'step': 0, 'split': 'train', 'accuracy': '0.088'}" (before:
    # the two splits pooled into one "accuracy")
    text = ("{'step': 0, 'split': 'train', 'accuracy': '0.088'}\n"
            "{'step': 0, 'split': 'test', 'accuracy': '0.091'}\n"
            "{'step': 100, 'split': 'train', 'accuracy': '0.161'}\n"
            "{'step': 100, 'split': 'test', 'accuracy': '0.141'}\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("train_accuracy", 0.088, 0), ("test_accuracy", 0.091, 0),
        ("train_accuracy", 0.161, 100), ("test_accuracy", 0.141, 100)]


def test_tp_beside_fp_and_fn_is_a_confusion_count() -> None:
    # simpletransformers' eval_model result (before: "tp" denied as tensor parallelism)
    text = ("INFO:simpletransformers.classification.classification_model:{'mcc': 0.1, "
            "'accuracy': 0.5625, 'f1_score': 0.36, 'tp': np.int64(9), 'tn': np.int64(1), "
            "'fp': np.int64(7), 'fn': np.int64(2), 'auroc': 0.81, 'eval_loss': 0.68}\n")
    assert ("tp", 9.0) in [(n, v) for n, v, _, _ in named(text)]


def test_tp_of_a_parallel_layout_stays_denied() -> None:
    # guard: Megatron's degrees of parallelism
    text = "world_size: 8, tp: 2, pp: 2, dp: 2, step 5 loss: 0.5\n"
    assert "tp" not in [n for n, _, _, _ in named(text)]


def test_r_randomforest_trace_is_a_table_of_the_trees_so_far() -> None:
    # randomForest(..., do.trace = 20): the header numbers the classes; each row the trees
    # so far, then the out-of-bag error and each class's (before: "OOB" = 1, the first
    # class's number, and no row read)
    text = ("ntree      OOB      1      2      3\n"
            "   20:   4.67%  0.00%  6.00%  8.00%\n"
            "   40:   5.33%  0.00%  8.00%  8.00%\n"
            "\n"
            "No. of variables tried at each split: 2\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [("OOB", 4.67, 20), ("OOB", 5.33, 40)]


def test_an_estimators_untyped_tensor_tag_does_not_lose_its_file() -> None:
    # TensorFlow 1 Estimators write "checkpoint_path" as a string tensor with no summary
    # metadata (before: KeyError, and the whole file's scalars lost with a warning)
    found = sorted((ZOO / "tf_estimator_dnn" / "pipe" / "files" / "model").rglob(
        "events.out.tfevents.*"))
    assert len(found) == 2
    evaluation, train = (read_events(path) for path in found)  # (model/eval/ sorts first)
    assert [(o.step, round(o.value, 4)) for o in train if o.name == "loss"] == [
        (1, 1.3534), (101, 0.7899), (201, 0.6073)]
    assert {o.name for o in evaluation} == {"eval_accuracy", "eval_average_loss", "eval_loss"}


def test_a_statistic_glued_to_its_quantity_is_no_label() -> None:
    # voxceleb_trainer's scores: "MinDCF", the minimum detection cost, a CamelCase word that
    # is no label like "DataLoader 0" (before: missed)
    text = ("Epoch 1, VEER 31.6129, MinDCF 0.97204, Threshold 0.000000\n"
            "Epoch 2, VEER 29.6774, MinDCF 0.87312, Threshold 0.000000\n")
    assert [(n, v, e) for n, v, _, e in named(text) if n == "MinDCF"] == [
        ("MinDCF", 0.97204, 1), ("MinDCF", 0.87312, 2)]


def test_a_camelcase_label_stays_no_name() -> None:
    # guard: "DataLoader 0" labels a loader, "TensorBoard 2" a version
    text = "Validation DataLoader 0: val_loss 0.5\nstep 3 TensorBoard 2 loss: 0.25\n"
    assert not {"DataLoader", "TensorBoard"} & {n for n, _, _, _ in named(text)}


def test_a_name_after_a_count_of_loops_takes_the_count_as_its_step() -> None:
    # scikit-learn's t-SNE (verbose) closes each phase with "KL divergence after N
    # iterations[ with early exaggeration]: v"; brulee's "validation loss after 2 epochs"
    # (before: no value read)
    text = ("[t-SNE] KL divergence after 250 iterations with early exaggeration: 44.910633\n"
            "[t-SNE] KL divergence after 500 iterations: 0.739089\n"
            "      validation loss after 2 epochs: 1.05 \n")
    assert [(n, v, s, e) for n, v, s, e in named(text)] == [
        ("KL_divergence", 44.910633, 250, None), ("KL_divergence", 0.739089, 500, None),
        ("validation_loss", 1.05, None, 2)]


def test_an_event_after_a_count_of_loops_is_no_metric() -> None:
    # guard: "Early stopping after 3 epochs: ..." names no measure
    text = "Early stopping after 3 epochs: 0.5\nTraining completed after 12 iterations: 5\n"
    assert named(text) == []


def test_a_key_field_names_the_value_after_it() -> None:
    # llama-cookbook's closing results: "Key: avg_train_prep, Value: 22.6" (before: unread)
    text = ("Key: avg_train_prep, Value: 22.606185913085938\n"
            "Key: avg_train_loss, Value: 3.117120623588562\n"
            "Key: seed, Value: 42\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("avg_train_prep", 22.606185913085938), ("avg_train_loss", 3.117120623588562)]


def test_a_configuration_objects_field_is_a_setting() -> None:
    # llama-cookbook echoes "train_config.max_train_step: 0" each epoch (before: a metric)
    text = ("step 1 loss: 0.5\ntrain_config.max_train_step: 0\nargs.lr: 0.1\n"
            "step 2 loss: 0.4\ntrain_config.max_train_step: 0\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [("loss", 0.5, 1), ("loss", 0.4, 2)]



def test_a_level_with_its_colon_after_the_time_is_a_records_prefix() -> None:
    # Stanza's "%(asctime)s %(levelname)s: %(message)s": the optimizer's settings in the
    # message are settings, as without the prefix; the values after it keep their step
    # (before: the DEBUG line's "lr=0.003" opened the lr series)
    text = ("2026-12-07 05:15:02 DEBUG: Building Adam with lr=0.003000, betas=(0.9, 0.95), "
            "eps=0.000001\n"
            "2026-12-07 05:15:04 INFO: Evaluating the model every 50 steps...\n"
            "2026-12-07 05:15:05 INFO: Finished STEP 20/200, loss = 4.831567 (0.026 "
            "sec/batch), lr: 0.003000\n")
    assert [(n, v, s) for n, v, s, _ in named(text) if n in ("lr", "loss", "eps")] == [
        ("loss", 4.831567, 20), ("lr", 0.003, 20)]
