"""Round ``tune39`` (session 47). Each test of a new form fails on the parser before the
round (37215fa); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named

TIP_ADAPTER = ("2022-05-30 07:08:07:INFO:Train time: 1 / 30\n"
               "2022-05-30 07:08:26:INFO:LR: 0.000997, Acc: 0.5907 (9451.0/16000), Loss: 5.1463\n"
               "2022-05-30 07:08:26:INFO:Testing Top-1 Accuracy: 60.71\n"
               "2022-05-30 07:08:26:INFO:Train time: 2 / 30\n"
               "2022-05-30 07:08:45:INFO:LR: 0.000989, Acc: 0.5946 (9514.0/16000), Loss: 4.1938\n")


def test_a_level_after_the_time_and_a_pass_counted_as_times() -> None:
    assert named(TIP_ADAPTER) == [
        ("LR", 0.000997, None, 1), ("Acc", 0.5907, None, 1), ("Loss", 5.1463, None, 1),
        ("testing_Top-1_Accuracy", 60.71, None, 1),
        ("LR", 0.000989, None, 2), ("Acc", 0.5946, None, 2), ("Loss", 4.1938, None, 2)]


def test_a_time_of_a_fraction_stays_a_duration() -> None:
    """Guard: "time: 0.25 / 0.5", numbers that are no counts, is no counter of passes (and,
    since round tune40, two values rather than a ratio: the first is the time)."""
    assert named("Epoch 3 time: 0.25 / 0.5 loss: 1.5\n") == [
        ("time", 0.25, None, 3), ("loss", 1.5, None, 3)]


def test_a_tidy_csv_names_each_value_by_its_row() -> None:
    assert named("Epoch,Loss,Value\n0,recon_loss,156.25\n0,kl_loss,19.7\n"
                 "1,recon_loss,74.6\n1,kl_loss,19.5\n") == [
        ("recon_loss", 156.25, None, 0), ("kl_loss", 19.7, None, 0),
        ("recon_loss", 74.6, None, 1), ("kl_loss", 19.5, None, 1)]


def test_a_tidy_rows_setting_stays_out() -> None:
    """Guard: a tidy row's name is denied like any other ("seed")."""
    assert named("step,metric,value\n1,loss,0.5\n1,seed,42\n2,loss,0.4\n") == [
        ("loss", 0.5, 1, None), ("loss", 0.4, 2, None)]


def test_a_tidy_tables_value_column_must_be_named_value() -> None:
    """Guard: three columns with a text cell but no ``Value`` column are no tidy table."""
    assert named("epoch,model,score\n1,resnet,0.5\n2,vit,0.6\n") == [
        ("score", 0.5, None, 1), ("score", 0.6, None, 2)]


def test_a_phase_label_before_dashes() -> None:
    assert named("epoch: 48, iter: 157600, avg_loss: 365.79, kl: 3.94\n"
                 "VAL --- avg_loss: 362.04, kl: 3.91, ppl: 41.556\n"
                 "TEST --- avg_loss: 359.59, kl: 3.84\n") == [
        ("avg_loss", 365.79, 157600, 48), ("kl", 3.94, 157600, 48),
        ("val_avg_loss", 362.04, 157600, 48), ("val_kl", 3.91, 157600, 48),
        ("val_ppl", 41.556, 157600, 48), ("test_avg_loss", 359.59, 157600, 48),
        ("test_kl", 3.84, 157600, 48)]


MLX_SUMMARY = ('{\n  "condition": "token",\n  "data_lock_sha256": "ffe4cb3718a46f6e",\n'
               '  "seed": 20260822,\n  "split": "test",\n  "summary": {\n'
               '    "by_stratum": {"long": {"nll": 1.026, "records": 256}},\n'
               '    "exact_answer": 0.035,\n    "marker_rate": 0.93\n  }\n}\n')


def test_a_json_summary_among_settings_is_a_runs_results() -> None:
    assert named(MLX_SUMMARY) == [
        ("by_stratum/long/nll", 1.026, None, None), ("exact_answer", 0.035, None, None),
        ("marker_rate", 0.93, None, None)]


TORCHDRUG = ("04:37:50   >>>>>>>>>>>>>>>>>>>>>>>>>>>>>>\n"
             "04:37:50   Evaluate on valid\n"
             "06:10:58   ------------------------------\n"
             "06:10:58   hits@1: 0.0871711\n"
             "06:10:58   hits@10: 0.313322\n"
             "06:10:58   mr: 102.567\n"
             "06:10:58   mrr: 0.163044\n")


def test_a_record_time_alone_before_a_listing_under_a_phase_heading() -> None:
    assert named(TORCHDRUG) == [
        ("valid_hits@1", 0.0871711, None, None), ("valid_hits@10", 0.313322, None, None),
        ("valid_mr", 102.567, None, None), ("valid_mrr", 0.163044, None, None)]


def test_a_max_memory_is_a_metric_a_max_setting_is_not() -> None:
    assert named("Epoch 1\nmax_len: 128\nmax_gpu_memory: 10.5 GiB\n") == [
        ("max_gpu_memory", 10.5, None, 1)]


SGG = ("2022-04-25 19:10:11,100 maskrcnn_benchmark INFO: iter: 2000  loss: 0.6757 (0.9411)\n"
       "SGG eval:     R @ 20: 0.1055;     R @ 50: 0.1483;  for mode=sgdet, type=Recall(Main).\n"
       "2022-04-25 22:02:21,138 maskrcnn_benchmark INFO: "
       "module.roi_heads.relation.predictor.rel_clf.weight: 0.85379, (torch.Size([51, 1024]))\n")


def test_recalls_at_a_cutoff_and_no_parameters_grad_norm() -> None:
    assert named(SGG) == [
        ("loss", 0.6757, 2000, None), ("eval_r@20", 0.1055, 2000, None),
        ("eval_r@50", 0.1483, 2000, None)]


def test_a_phases_result() -> None:
    assert named("iter: 2000  loss: 0.6757\nValidation Result: 0.1815\n") == [
        ("loss", 0.6757, 2000, None), ("validation_result", 0.1815, 2000, None)]


def test_printed_configuration_with_text_values_stays_out() -> None:
    """Guard: only a closing "for mode=..." remark is set aside, not settings before it."""
    assert named("score=0.5, optimizer=adam, scheduler=cos\n") == []


def test_a_value_over_counted_batches() -> None:
    assert named("[ Fri Mar 10 00:07:23 2023 ] Eval epoch: 33\n"
                 "[ Fri Mar 10 00:08:39 2023 ] \tMean test loss of 62 batches: 1.1146.\n"
                 "[ Fri Mar 10 00:08:39 2023 ] \tTop1: 73.02%\n") == [
        ("Mean_test_loss", 1.1146, None, 33), ("Top1", 73.02, None, 33)]


def test_a_csv_of_underscored_names_and_a_unix_time() -> None:
    assert named("# _tick,_time,frames,loss_landlord,return_landlord\n"
                 "0,1684632754.9251661,0,1.0048,-0.17\n"
                 "1,1684632754.926656,3200,0.9686,-0.39\n") == [
        ("loss_landlord", 1.0048, 0, None), ("return_landlord", -0.17, 0, None),
        ("loss_landlord", 0.9686, 1, None), ("return_landlord", -0.39, 1, None)]


def test_a_percent_in_a_time_column_is_read_not_a_crash() -> None:
    """Guard: the Unix-time check reads a cell as the row does ("12%")."""
    assert named("epoch,time,loss\n1,12%,0.5\n2,13%,0.4\n") == [
        ("time", 12.0, None, 1), ("loss", 0.5, None, 1),
        ("time", 13.0, None, 2), ("loss", 0.4, None, 2)]
