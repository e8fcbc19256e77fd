"""Round ``tune18`` (session 26: sets AM to AO, measured unseen in session 25, now tuning
material). Each test fails on the parser before the round (1da1d5d)."""

from __future__ import annotations

from parsed import names as _names
from parsed import obs as _obs


def test_a_colon_between_words_joins_one_name() -> None:
    # RETURNN: "cost:ctc 0.34" is the CTC cost, not a configuration's "cost: ctc"
    text = "".join(f"att-weights epoch 250, step 62{i}, cost:ctc 0.3{i}, cost:output/output_prob "
                   f"0.2{i}, error:ctc 0.1{i}, loss 39.{i}, 0.190 sec/step, complete 9{i}.5%\n"
                   for i in (0, 1))
    got = [(o.name, o.value, o.step, o.epoch) for o in _obs(text)]
    assert ("cost:ctc", 0.31, 621, 250) in got
    assert ("cost:output/output_prob", 0.21, 621, 250) in got
    assert ("error:ctc", 0.11, 621, 250) in got
    assert "complete" not in {name for name, *_ in got}  # the job's progress
    # a printed configuration of text values stays one ("model: resnet 50" too)
    assert _names("task=detect, model=yolov8n.pt, epochs=2\n") == set()
    assert _names("INFO best params, is_float16: False, precision: 0.84, recall: 0.95\n") \
        == {"precision", "recall"}


def test_settings_after_a_configuration_label_are_not_metrics() -> None:
    # sklearn's grid search, Optuna's trials: the dict after "params:" is configuration;
    # a value before it on the line is still a metric
    assert _names("2025-12-11 02:12:44,978 INFO Best params: {'model__max_depth': 6, "
                  "'model__n_estimators': 100}\n") == set()
    text = "".join(f"INFO:root:Trial - Score: -0.0{i}, Params: {{'n_estimators': 13{i}, "
                   f"'learning_rate': 0.01{i}}}\n" for i in (1, 2))
    assert [(o.name, o.value) for o in _obs(text)] == [("Score", -0.01), ("Score", -0.02)]


def test_rl_averages_are_named_and_running_bests_and_buffers_are_not() -> None:
    text = "".join(f"Episode   {e}00   Avg:  -14{e}.30   BestAvg:  -10{e}.46   σ:    94.6{e}   |"
                   f"   ε: 0.605{e}  Buffer:  1125{e}   |   Steps:    1115{e}  Secs:     2{e}\n"
                   for e in (1, 2))
    got = {o.name: (o.value, o.step) for o in _obs(text)}
    assert got["Avg"] == (-142.3, 200)
    assert "BestAvg" not in got  # the best average so far
    assert "Buffer" not in got  # the replay buffer's size
    assert _names("best_mean_reward: 12.5 mean_reward: 10.1\n") == {"mean_reward"}


def test_the_wandb_run_summary_repeats_nothing_the_run_recorded() -> None:
    table = "".join(f"epoch {e} train/box_loss 0.0{e}713 val_loss 0.0{e}573 precision 0.61{e}\n"
                    for e in (1, 2))
    summary = ("wandb: Run summary:\n"
               "wandb:           best/epoch 188\n"
               "wandb:         best/mAP_0.5 0.55877\n"
               "wandb:                epoch 2\n"
               "wandb:       train/box_loss 0.02713\n"  # the table's, under its name
               "wandb:             val_loss 0.02573\n"
               "wandb:    metrics/precision 0.6124\n"  # the table's 0.612, under another name
               "wandb:                x/lr0 0.00929\n"  # logged to W&B only: a metric
               "wandb:             _runtime 1234\n"
               "wandb: \n"
               "wandb: Synced 5 W&B file(s), 0 media file(s)\n")
    got = [(o.name, o.value) for o in _obs(table + summary)]
    assert got[6:] == [("x/lr0", 0.00929)]
    assert [o.name for o in _obs(table)] == [name for name, _ in got[:6]]
    # a value that repeats another quantity's by chance, with too few digits, is new
    assert ("x/lr1", 0.61) in [(o.name, o.value) for o in _obs(
        table + "wandb: Run summary:\nwandb:  x/lr1 0.61\n")]
    # the same entries outside the block (a line of their own) are read as before
    assert ("val_loss", 0.02573) in [(o.name, o.value) for o in _obs(
        table + "wandb:             val_loss 0.02573\n")]


def test_statistics_under_a_key_are_a_quantity_s() -> None:
    # rlpyt's diagnostics table: "Length/Average" is the episodes' mean length
    text = "".join(f"2022-07-13 11:45:30.6523{i}  | {name:<30}{value}\n" for i, (name, value) in
                   enumerate([("Diagnostics/CumSteps", 1000), ("Length/Average", 500),
                              ("Length/Std", 0), ("Length/Min", 500)]))
    assert {"Length/Average", "Length/Std", "Length/Min"} <= _names(text)
    # a statistics block's "Min/max" label (two values) names no quantity
    assert "Min/max" not in _names("Layer 'att_weights' Stats:\n  Mean: 0.0060723\n"
                                   "  Std dev: 0.046217\n  Min/max: 0.0 / 0.9916055\n")


def test_syslog_octal_escapes_are_the_control_bytes() -> None:
    # SageMaker's CloudWatch and rsyslog write "\r" as "#015" and ESC as "#033"
    text = ("INFO:root:Epoch[98] Learning rate is 5e-05\n"
            "#015 24%|##4       | 24/100 [00:10<00:32,  2.34it/s, avg_epoch_loss=1.74]"
            "#015100%|##########| 100/100 [00:40<00:00,  2.46it/s, avg_epoch_loss=1.72]#033[A\n"
            "INFO:root:Epoch[98] Evaluation metric 'epoch_loss'=1.724552\n")
    got = [(o.name, o.value, o.epoch) for o in _obs(text)]
    assert ("avg_epoch_loss", 1.72, 98) in got
    assert all("#" not in name and name != "A" for name, *_ in got)
    # a quoted name is the name: not "Evaluation metric 'epoch_loss'"
    assert ("epoch_loss", 1.724552, 98) in got


def test_counted_batches_place_the_step_and_totals_of_steps_count() -> None:
    # PyTorch's word_language_model example: the batch within the epoch is the step
    text = "".join(f"| epoch   4 |   {b}00/ 2983 batches | lr 1.2500 | ms/batch 11.4{b} | "
                   f"loss   5.1{b} | ppl   200.1{b}\n" for b in (2, 4))
    got = [(o.name, o.step, o.epoch) for o in _obs(text)]
    assert ("loss", 400, 4) in got and ("ppl", 200, 4) in got
    assert _names("epoch 8, phase train, total step 728\n") == set()


def test_memory_under_a_cuda_key_is_a_figure() -> None:
    # metaseq's train_inner: "cuda_gb_allocated" is memory; "cuda_version" stays configuration
    text = "".join(f'{{"epoch": 1, "loss": "15.8{i}", "num_updates": "{i}", "cuda_gb_allocated": '
                   f'"19.{i}", "cuda_version": 11.{i}}}\n' for i in (1, 2))
    assert [(o.name, o.value, o.step) for o in _obs(text) if o.name.startswith("cuda")] == [
        ("cuda_gb_allocated", 19.1, 1), ("cuda_gb_allocated", 19.2, 2)]


def test_a_metric_for_one_fold_is_named_without_the_fold() -> None:
    # Keras k-fold: "Validation Accuracy for Split 1: 0.7782" after each split's evaluate
    text = "".join(f"    Validation Accuracy for Split {i}: 0.7{i}\n    Validation Loss for "
                   f"Split {i}: -23{i}.5\n" for i in (1, 2))
    assert [(o.name, o.value) for o in _obs(text)] == [
        ("Validation_Accuracy", 0.71), ("Validation_Loss", -231.5),
        ("Validation_Accuracy", 0.72), ("Validation_Loss", -232.5)]
    assert [(o.name, o.epoch) for o in _obs("Loss for epoch 3: 0.5\n")] == [("Loss", 3)]


def test_hugging_face_s_total_flos_is_a_count() -> None:
    text = ('{"train_runtime": 56586.0109, "train_samples_per_second": 3.534, '
            '"total_flos": 3.6136472061935616e+18, "train_loss": 0.3888, "epoch": 2.0}\n')
    assert _names(text) == {"train_runtime", "train_samples_per_second", "train_loss"}
