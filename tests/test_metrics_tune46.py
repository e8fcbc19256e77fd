"""Round ``tune46`` (session 54): results printed once after the run's last step carry no
step (``finals``). Each test of the rule fails on the parser before the round (9b2b27df);
each guard fails on the rule without its check (mutation-checked)."""

from __future__ import annotations

import random
from pathlib import Path

from conftest import decode_metrics, only_run, py, track
from parsed import named

from exptrack.metrics import MetricParser
from exptrack.metrics.columns import observations

TRAINING = "".join(f"Epoch {e}/3\ntrain_loss: 0.{9 - e}\nval_acc: 0.{6 + e}\n" for e in (1, 2, 3))


def test_a_test_result_after_the_last_epoch_has_no_step() -> None:
    found = named(TRAINING + "Test accuracy: 0.91\nTotal time: 12.5\n")
    assert found[-3:] == [("val_acc", 0.9, None, 3), ("test_accuracy", 0.91, None, None),
                          ("Total_time", 12.5, None, None)]


def test_a_value_first_printed_in_an_epoch_keeps_it_once_the_run_goes_on() -> None:
    """Held, not dropped: the next epoch shows it was the epoch's own."""
    text = ("Epoch 1/3\ntrain_loss: 0.9\nEpoch 2/3\ntrain_loss: 0.8\nval_acc: 0.7\n"
            "Epoch 3/3\ntrain_loss: 0.6\nval_acc: 0.75\n")
    assert named(text) == [("train_loss", 0.9, None, 1), ("train_loss", 0.8, None, 2),
                           ("val_acc", 0.7, None, 2), ("train_loss", 0.6, None, 3),
                           ("val_acc", 0.75, None, 3)]


def test_a_one_epoch_run_keeps_its_epoch() -> None:
    """Guard: with no second epoch nothing tells a result from the epoch's values."""
    text = "Epoch 1/1\nloss: 0.5\nloss: 0.4\nval_acc: 0.9\n"
    assert named(text)[-1] == ("val_acc", 0.9, None, 1)


def test_a_value_on_its_epochs_own_line_keeps_it() -> None:
    """Guard: ``Epoch 3: ... grad_norm`` shows its epoch; only carried values are held."""
    text = "".join(f"Epoch {e}: loss {0.5 - e / 10:.1f}\n" for e in (1, 2)) \
        + "Epoch 3: loss 0.2 grad_norm 0.9\n"
    assert named(text)[-1] == ("grad_norm", 0.9, None, 3)


def test_a_value_printed_before_a_later_epoch_began_is_that_epochs() -> None:
    """Guard: ``Epoch 4`` printed after the value (output cut there) releases it."""
    text = TRAINING + "grad_norm: 0.3\nEpoch 4/4\n"
    assert named(text)[-1] == ("grad_norm", 0.3, None, 3)


def test_chunks_and_the_recorders_blocks_agree_with_the_whole_text() -> None:
    """The recorder's segments (every run of lines a column block here) and any chunking
    give what the whole text gives."""
    data = ("".join(f"epoch {e} loss=0.{9 - e}\n" for e in (1, 2, 3))
            + "test_loss: 0.35 | test_acc: 0.91\nDone\n").encode()
    whole = named(data.decode())
    assert whole[-2:] == [("test_loss", 0.35, None, None), ("test_acc", 0.91, None, None)]
    rng = random.Random(46)
    for _ in range(5):
        parser = MetricParser()
        parser.min_run = 1
        got: list[tuple[object, ...]] = []
        offset = 0
        while offset < len(data):
            size = rng.choice((1, 3, 17, 64))
            for segment in parser.feed_segments(data[offset:offset + size]):
                got.extend(tuple(o) for o in (segment if isinstance(segment, list)
                                              else observations(segment)))
            offset += size
        got.extend(tuple(o) for o in parser.finish())
        assert got == whole


def test_track_run_records_a_closing_result_without_a_step(track_home: Path) -> None:
    """The real recorder, the command's output through a pipe: the result is written at the
    end, with no step; the epoch's values before it keep theirs."""
    code = ("import time\n"
            "for e in (1, 2, 3):\n"
            "    print(f'Epoch {e}/3', flush=True)\n"
            "    print(f'train_loss: 0.{9 - e}', flush=True)\n"
            "    time.sleep(0.05)\n"
            "print('Test accuracy: 0.91', flush=True)\n")
    track("run", "--", *py(code), check=True)
    rows = decode_metrics((only_run(track_home) / "metrics.jsonl").read_text())
    assert [(r["name"], r.get("step"), r.get("epoch")) for r in rows] == [
        ("train_loss", None, 1), ("train_loss", None, 2), ("train_loss", None, 3),
        ("test_accuracy", None, None)]


def test_a_val_tag_after_a_log_records_time_labels_its_values() -> None:
    text = ("EP 10 (468) | loss: 31.805, KLD: 0.095\n"
            "2023-04-03 21:55:18,336: [VAL] loss: 0.117, FGD: 134.009\n")
    assert named(text)[2:] == [("val_loss", 0.117, None, 10), ("val_FGD", 134.009, None, 10)]


def test_a_value_then_its_time_is_no_ratio() -> None:
    """``feat_D: 75.09 / 72.6s``: the value, then how long the validation took."""
    assert named("[VAL] FGD: 134.009, feat_D: 75.092 / 72.6s\n")[-1][:2] == ("val_feat_D", 75.092)


def test_used_of_a_total_stays_a_ratio() -> None:
    """Guard: ``mem: 13.90/187.58G`` is a share of a total (a unit that is no time)."""
    assert named("loss: 0.5 mem: 13.90/187.58G\n")[1][:2] == ("mem", 13.90 / 187.58)


def test_a_scores_per_class_keys_are_a_breakdown() -> None:
    classes = ["hold_obj", "stand", "sit_instr", "ride_instr", "walk", "look_obj", "hit_instr",
               "hit_obj", "eat_obj"]
    record = ", ".join(f'"AP_{c}": 0.4{i + 1}65422' for i, c in enumerate(classes))
    prefix = "01/10/2024 21:51:56 - INFO - __main__ -   "
    text = f'{prefix}Epoch: [60] {{{record}, "mAP_all": 0.58}}\n'
    assert named(text) == [("mAP_all", 0.58, None, 60)]
    tested = record.replace('"AP_', '"test_AP_')  # a phase's family too
    text = f'{prefix}Epoch: [89] {{{tested}, "test_mAP_all": 0.58, "test_AP_all": 0.5}}\n'
    assert [o[0] for o in named(text)] == ["test_mAP_all", "test_AP_all"]


def test_a_losss_parts_by_underscore_stay_metrics() -> None:
    """Guard: ``loss_bbox``, ``loss_ce``, ... are a loss's parts, each a metric."""
    parts = ["bbox", "ce", "giou", "mask", "dice", "cls", "obj", "rpn", "iou"]
    text = "{" + ", ".join(f'"loss_{p}": 0.{i + 1}' for i, p in enumerate(parts)) + "}\n"
    assert len(named(text)) == len(parts)


def test_a_quoted_key_of_words_is_the_name_whole() -> None:
    assert named("{'Test Accuracy': 0.91, 'Test Loss': 0.3}\n") == [
        ("Test_Accuracy", 0.91, None, None), ("Test_Loss", 0.3, None, None)]
    assert named('  "Average Median Translation Error": 2.37,\n')[0][0] \
        == "Average_Median_Translation_Error"


def test_a_quoted_key_of_words_that_names_no_metric_is_none() -> None:
    """Guard: a class's count (``"Bony Fish": 314``) and a running sum are no metrics."""
    assert named('{"Bony Fish": 314, "Cartilaginous Fish": 88}\n') == []
    assert named('{"cumulative loss": 57.6, "wer": 0.1}\n') == [("wer", 0.1, None, None)]


def test_a_phrases_copula_before_its_colon_is_not_in_its_name() -> None:
    assert named("The average accuracy is: 0.7983\n") == [("average_accuracy", 0.7983, None, None)]
    assert named("the valid loss is: 0.9154\n") == [("valid_loss", 0.9154, None, None)]


def test_an_abbreviations_dot_before_a_colon_is_not_in_its_name() -> None:
    text = "* Epoch 1   (block_position=9, direction=1)=> Train. Acc.: 12.75, Test Acc.: 13.15\n"
    assert named(text) == [("train_acc", 12.75, None, 1), ("test_acc", 13.15, None, 1)]


def test_a_parenthesised_phase_word_labels_the_pairs_after_it() -> None:
    """THP's train and test lines are two series each, not one."""
    text = ("[ Epoch 100 ]\n"
            "  - (Training)    loglikelihood: -0.67653, RMSE:  106.19156\n"
            "  - (Testing)     loglikelihood: -0.65685, RMSE:  107.70097\n")
    assert named(text) == [("training_loglikelihood", -0.67653, None, 100),
                           ("training_RMSE", 106.19156, None, 100),
                           ("testing_loglikelihood", -0.65685, None, 100),
                           ("testing_RMSE", 107.70097, None, 100)]


def test_a_labels_spaced_colon_starts_the_words_of_a_name() -> None:
    text = "Training  : Negative Log Likelihood:0.045442   Log Lambda:0.034453\n"
    assert named(text)[0] == ("training_Negative_Log_Likelihood", 0.045442, None, None)


BEST = ("Epoch 19\n\tepoch          : 19\n\ttrain_loss     : 0.64\n\tval_BLEU_4     : 0.12\n"
        "\tepoch          : 20\n\ttrain_loss     : 0.62\n\tval_BLEU_4     : 0.11\n"
        "Validation performance didn't improve for 50 epochs. Training stops.\n"
        "Best results (w.r.t BLEU_4) in validation set:\n"
        "\tval_BLEU_4     : 0.14\n\tepoch          : 12\n\ttrain_loss     : 0.37\n")


def test_a_best_results_blocks_values_are_not_recorded_again() -> None:
    """R2Gen's closing blocks repeat an earlier epoch's values: the series end at epoch 20."""
    for text in (BEST, BEST.replace("Epoch 19", "Époque 19")):  # the str and bytes paths
        found = named(text)
        assert [o for o in found if o[0] == "val_BLEU_4"][-1] == ("val_BLEU_4", 0.11, None, 20)
        assert len([o for o in found if o[0] == "train_loss"]) == 2


def test_a_best_heading_with_a_number_is_no_best_block() -> None:
    """Guard: TranAD's "best 1000 / 995:" heads a fold's results, new values."""
    text = "epoch 1 loss 0.5\nepoch 2 loss 0.4\nbest 1000 / 995:\nf1: 0.91\nauc: 0.95\n"
    assert {o[0] for o in named(text)} >= {"f1", "auc"}


def test_epoch_in_other_languages_is_an_epoch() -> None:
    text = ("Época [01/10] | Treino Loss: 0.1151 | Val Loss: 0.0018\n"
            "Época [02/10] | Treino Loss: 0.0048 | Val Loss: 0.0072\n")
    assert named(text)[-1] == ("val_loss", 0.0072, None, 2)


def test_a_held_result_before_an_end_of_training_line_has_no_step() -> None:
    """``Training completed`` resets the step: what was held before it came after the last
    step, as the results after it do."""
    text = TRAINING + "Test loss: 0.35\nTraining completed.\nTest acc: 0.9\n"
    assert named(text)[-2:] == [("test_loss", 0.35, None, None), ("test_acc", 0.9, None, None)]


GLUON = ("{'MSE': 40044.11, 'abs_error': 174652.0, 'QuantileLoss[0.1]': 127280.25, "
         "'Coverage[0.1]': 0.146, 'QuantileLoss[0.5]': 174652.06, 'Coverage[0.5]': 0.611, "
         "'QuantileLoss[0.9]': 78272.64, 'Coverage[0.9]': 0.969, 'RMSE': 200.11, 'ND': 0.299, "
         "'wQuantileLoss[0.1]': 0.218, 'wQuantileLoss[0.5]': 0.299, 'wQuantileLoss[0.9]': 0.134}\n")


def test_gluontss_quantile_keys_are_names_whole() -> None:
    """GluonTS's Evaluator: a quantile's loss and coverage are named with their quantile."""
    found = dict(o[:2] for o in named(GLUON))
    assert found["QuantileLoss[0.1]"] == 127280.25 and found["Coverage[0.9]"] == 0.969
    assert found["wQuantileLoss[0.5]"] == 0.299 and found["ND"] == 0.299
    assert len(found) == 13


def test_an_index_in_brackets_is_no_part_of_a_name() -> None:
    """Guard: ``layer[0]: 3`` and ``argv[1]=...`` are indices, not a quantity's parameter."""
    assert not any("[" in o[0] for o in named("layer[0]: 3.5 loss: 0.2\nlayer[1]: 2.5 loss: 0.1\n"))


def test_a_phase_labels_arrow_labels_the_pairs_after_it() -> None:
    """TimesFM-Lite's ``Train -> MSE: ... | RMSE: ...`` and ``Val   -> ...``: two series."""
    text = "Epoch 1\nTrain -> MSE: 3.2281 | RMSE: 1.7967\nVal   -> MSE: 1.0616 | RMSE: 1.0303\n"
    assert [o[0] for o in named(text)] == ["train_MSE", "train_RMSE", "val_MSE", "val_RMSE"]


def test_a_keras_bar_with_validation_after_a_nested_bar_keeps_its_epoch() -> None:
    """StarDist's callback prints a ``3/3`` bar before the epoch's ``100/100`` bar: the
    bar with validation is the epoch's own, not an ``evaluate()`` after ``fit()``."""
    text = "".join(
        f"Epoch {e}/2\n3/3 [==============================] - 0s 2ms/step - loss: 0.3{e}\n"
        f"100/100 [==============================] - 4s 39ms/step - loss: 0.3{e} - "
        f"val_loss: 0.4{e}\n" for e in (1, 2))
    assert [o for o in named(text) if o[0] == "val_loss"] == [("val_loss", 0.41, None, 1),
                                                               ("val_loss", 0.42, None, 2)]
