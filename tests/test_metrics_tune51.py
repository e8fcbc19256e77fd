"""Round ``tune51`` (session 59): forms of held-out sets RA-RX once each was scored. Each
test of a rule fails on the parser before the round (7aaf65a2); each guard fails on the
rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names

# YOLOv9's val_dual.py in a notebook: the header's bar was overwritten after "mAP50"
YOLO_CUT_HEADER = (
    "YOLO \U0001f680 v0.1-89-g93f1a28 Python-3.10.14 torch-2.2.0 CUDA:0 (Tesla T4, 14931MiB)\n"
    "                 Class     Images  Instances          P          R      mAP50   \n"
    "                   all        900       1150      0.975      0.966      0.988       0.94\n"
    "                   car        900        201      0.954      0.933      0.972      0.946\n"
    "Speed: 0.3ms pre-process, 56.5ms inference, 1.4ms NMS per image at shape (4, 3, 640, 640)\n")


def test_yolo_header_cut_after_a_whole_name() -> None:
    """A box header cut after ``mAP50`` (no "…") still heads a box table: the ``all`` row's
    fourth metric is ``mAP50-95``; the class rows stay out."""
    found = named(YOLO_CUT_HEADER)
    assert [f for f in found if not f[0].startswith("speed_")] == [
        ("P", 0.975, None, None), ("R", 0.966, None, None), ("mAP50", 0.988, None, None),
        ("mAP50-95", 0.94, None, None)]


def test_yolov5_speed_line() -> None:
    """YOLOv5's and YOLOv9's ``Speed:`` line names its timings ``pre-process`` and ``NMS``."""
    found = named(YOLO_CUT_HEADER)
    assert [f for f in found if f[0].startswith("speed_")] == [
        ("speed_pre-process", 0.3, None, None), ("speed_inference", 56.5, None, None),
        ("speed_NMS", 1.4, None, None)]


# Torchreid's evaluation: CMC ranks padded before the colon
TORCHREID = ("** Results **\n"
             "mAP: 3.9%\n"
             "CMC curve\n"
             "Rank-1  : 13.2%\n"
             "Rank-5  : 25.9%\n"
             "Rank-10 : 33.3%\n"
             "Rank-20 : 40.3%\n")


def test_torchreid_cmc_ranks() -> None:
    """``Rank-1  : 13.2%``: a word and its cutoff split by a hyphen make the metric word
    (``rank1``), so the padded key is a metric's, not a setting's."""
    assert named(TORCHREID) == [("mAP", 3.9, None, None), ("Rank-1", 13.2, None, None),
                                ("Rank-5", 25.9, None, None), ("Rank-10", 33.3, None, None),
                                ("Rank-20", 40.3, None, None)]


def test_a_word_and_any_number_is_still_no_metric() -> None:
    """Guard: only a metric word's cutoff counts: ``stage-10 : 0.5`` stays a setting."""
    assert named("Epoch 1\nstage-10 : 0.5\nRank-10 : 0.5\n") == [("Rank-10", 0.5, None, 1)]


def test_words_before_a_slashed_name() -> None:
    """DeePMD-kit's ``dp test``: ``Energy RMSE/Natoms : 1.9e-02 eV`` keeps its first word,
    as ``Energy RMSE`` does."""
    text = ("   Energy MAE         : 3.593521e+00 eV\n"
            "   Energy RMSE/Natoms : 1.956834e-02 eV\n"
            "   Virial MAE/Natoms  : 5.097461e-02 eV\n")
    assert named(text) == [("Energy_MAE", 3.593521, None, None),
                           ("Energy_RMSE/Natoms", 0.01956834, None, None),
                           ("Virial_MAE/Natoms", 0.05097461, None, None)]


def test_a_folds_index_is_no_part_of_the_name() -> None:
    """``Fold 2 AUC: 0.92``: the fold indexes one series (``AUC``) over the folds, as a
    run's or a round's index does, instead of a series of one value per fold."""
    text = ("--- Fold 1/5 ---\n"
            "Fold 1 AUC: 0.922122\n"
            "--- Fold 2/5 ---\n"
            "Fold 2 AUC: 0.921505\n")
    assert named(text) == [("AUC", 0.922122, None, None), ("AUC", 0.921505, None, None)]


def test_a_buckets_index_is_still_part_of_the_name() -> None:
    """Guard: a label that splits one evaluation into parts keeps its index."""
    assert named("eval: bucket 0 perplexity 4.88\neval: bucket 1 perplexity 5.1\n") == [
        ("eval_bucket_0_perplexity", 4.88, None, None),
        ("eval_bucket_1_perplexity", 5.1, None, None)]


def test_lightning_member_is_no_metric() -> None:
    """Lightning's ``Initializing distributed: GLOBAL_RANK: 0, MEMBER: 1/2`` names a process's
    place among the ranks, not a fraction to record."""
    text = ("Initializing distributed: GLOBAL_RANK: 0, MEMBER: 1/2\n"
            "Epoch 1: loss=0.3\n")
    assert named(text) == [("loss", 0.3, None, 1)]


# sentence-transformers' InformationRetrievalEvaluator, one block per similarity function
IR_EVALUATOR = "".join(
    f"2024-07-08 18:11:43,017 - Score-Function: {fn}\n"
    f"2024-07-08 18:11:43,017 - Accuracy@1: {a}%\n"
    f"2024-07-08 18:11:43,018 - MRR@10: {m}\n"
    for fn, a, m in (("cosine", "75.22", "0.8479"), ("dot", "75.10", "0.8470")))


def test_sentence_transformers_score_function_blocks() -> None:
    """``Score-Function: cosine`` heads its similarity's metrics, named as the library's
    own keys (``cosine_accuracy@1``): the two blocks are two sets of series, not one."""
    assert named(IR_EVALUATOR) == [
        ("cosine_accuracy@1", 75.22, None, None), ("cosine_MRR@10", 0.8479, None, None),
        ("dot_accuracy@1", 75.10, None, None), ("dot_MRR@10", 0.847, None, None)]


def test_a_rate_unit_after_a_weak_pair() -> None:
    """``speed 2527.46 words/sec,``: the rate's unit closes the field, so the name before
    the value is its name (MLX's ``Throughput 604.77 images/second |`` likewise)."""
    text = ("epoch 1, iter 25, loss 7.9, speed 2527.46 words/sec, time elapsed 2.08 sec\n"
            "Epoch 2 | Loss 3.2 | Throughput 604.77 images/second | Time 80.2 (s)\n")
    found = named(text)
    assert ("speed", 2527.46, 25, 1) in found and ("Throughput", 604.77, None, 2) in found


def test_a_download_rate_is_still_no_weak_pair() -> None:
    """Guard: a byte rate (``45.2 MB/s``) is a transfer's, not a training throughput."""
    assert "got" not in names("Epoch 1 loss 3.0 got 45.2 MB/s, loss 3.1\n")


def test_cs224n_nmt_abbreviated_statistics() -> None:
    """The CS224N NMT's ``avg. loss 7.90, avg. ppl 2709.68 cum. examples 200``: ``avg.``
    is the statistic's word, no sentence's end, and the next field's ``cum.`` no value's
    unit."""
    text = ("epoch 1, iter 25, avg. loss 7.90, avg. ppl 2709.68 cum. examples 200, "
            "speed 2527.46 words/sec, time elapsed 2.08 sec\n"
            "epoch 1, iter 50, cum. loss 6.88, cum. ppl 973.67 cum. examples 400\n")
    assert names(text) >= {"avg_loss", "avg_ppl", "cum_loss", "cum_ppl"}


def test_lerobot_epch_and_smpl() -> None:
    """LeRobot's ``step:200 smpl:6K ep:6 epch:0.12 loss:0.124``: ``epch`` counts the passes
    over the data, ``smpl`` the samples seen; neither is a metric."""
    text = ("INFO 2026-06-12 16:56:19 ot_train.py:357 step:200 smpl:6K ep:6 epch:0.12 "
            "loss:0.124 grdn:3.275\n")
    assert names(text) == {"loss", "grdn"}


def test_torchssl_iteration_after_a_record_prefix() -> None:
    """TorchSSL's ``[2021-12-05 06:50:26,826 INFO] 1048000 iteration, ...``: the number
    before ``iteration`` opens the message (after the record's level), so it is the step."""
    text = ("[2021-12-05 06:50:26,826 INFO] 1048000 iteration, USE_EMA: True, "
            "{'train/sup_loss': tensor(9.1400e-05, device='cuda:0'), 'lr': 0.0058}\n")
    assert named(text) == [("train/sup_loss", 9.14e-05, 1048000, None),
                           ("lr", 0.0058, 1048000, None)]


def test_wenet_split_before_batch() -> None:
    """WeNet's and WeKws' ``DEBUG CV Batch 78/20 loss 0.157 acc 99.02``: the cross-validation's
    capitals name its values (``CV_loss``), apart from the training batches' (bare, as a
    train phase's values are, and as CosyVoice's WeNet-style logs are read)."""
    text = ("2026-05-09 04:10:57,296 DEBUG TRAIN Batch 78/10 loss 0.35 acc 97.5\n"
            "2026-05-09 04:10:57,296 DEBUG CV Batch 78/20 loss 0.15707099 acc 99.02343750\n")
    assert {n for n, *_ in named(text)} == {"loss", "acc", "CV_loss", "CV_acc"}


def test_a_settings_table_row_with_its_type() -> None:
    """joyrl's and easy-rl's ``Name  Value  Type`` table: a row ending in ``<class 'float'>``
    is a printed setting, however its name reads."""
    text = ("2022-12-07 21:49:17 - r - INFO: -          lr         \t       0.0001       \t"
            "  <class 'float'>   \n"
            "2022-12-07 21:49:17 - r - INFO: -    epsilon_start    \t        0.95        \t"
            "  <class 'float'>   \n"
            "2022-12-07 21:49:22 - r - INFO: - Episode: 1/200, Reward: 0.000, Step: 54\n")
    assert names(text) == {"Reward"}


def test_how_often_a_loop_logs_is_a_setting() -> None:
    """mistral-finetune's printed settings ``eval_freq: 100``, ``log_freq: 1``: how often the
    loop evaluates or logs, not a measured quantity."""
    text = ("2024-05-25 11:10:52 (UTC) - 0:00:04 - train - INFO - log_freq: 1\n"
            "2024-05-25 11:10:52 (UTC) - 0:00:04 - train - INFO - eval_freq: 100\n"
            "2024-05-25 11:12:01 (UTC) - 0:01:13 - metrics_logger - INFO - step: 000001 - "
            "loss: 1.2 - lr: 1.0e-05\n")
    assert names(text) == {"loss", "lr"}


def test_chinese_episode_is_the_step() -> None:
    """easy-rl's and joyrl's ``回合：10/200，奖励：11.00``: ``回合`` counts episodes, a step as
    ``episode`` is; ``训练回合`` (so-vits-svc's training round) stays an epoch."""
    assert named("回合：10/200，奖励：11.00，评估奖励：29.20\n") == [
        ("奖励", 11.0, 10, None), ("评估奖励", 29.2, 10, None)]
    assert named("训练回合：3 loss：0.5\n") == [("loss", 0.5, None, 3)]


def test_mmengine_paramwise_options_are_settings() -> None:
    """MMEngine's optimizer constructor prints each parameter's options
    (``paramwise_options -- neck.fc.weight:lr=0.2``): settings, not metrics."""
    text = "".join(
        f"09/01 16:09:47 - mmengine - \x1b[4m\x1b[37mINFO\x1b[0m - paramwise_options -- {p}\n"
        for p in ("backbone.layer4.2.bn1.bias:weight_decay=0.0001",
                  "neck.fc.weight:lr=0.2", "neck.fc.weight:decay_mult=5.0"))
    assert names(text) == set()


def test_gpt2_train_py_step_and_time() -> None:
    """gpt-2's ``train.py`` (gpt-2-simple): ``[1 | 5.01] loss=3.20 avg=3.20``, the step and the
    seconds so far in brackets."""
    assert named("[1 | 5.01] loss=3.20 avg=3.20\n[2 | 5.44] loss=3.40 avg=3.30\n") == [
        ("loss", 3.2, 1, None), ("avg", 3.2, 1, None),
        ("loss", 3.4, 2, None), ("avg", 3.3, 2, None)]


def test_train_and_val_sections_with_two_spellings() -> None:
    """Li Hung-yi's course: ``Train Acc: 0.42 Loss: 2.08 | Val Acc: 0.44 loss: 1.97``: the
    two losses are the sections' own even though one is capitalised (they were merged into
    one ``Loss`` series, a train and a validation value at each epoch)."""
    text = "[001/005] Train Acc: 0.421898 Loss: 2.086656 | Val Acc: 0.440558 loss: 1.971946\n"
    assert named(text) == [("train_acc", 0.421898, 1, None), ("train_loss", 2.086656, 1, None),
                           ("val_acc", 0.440558, 1, None), ("val_loss", 1.971946, 1, None)]
