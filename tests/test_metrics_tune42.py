"""Round ``tune42`` (session 50). Each test of a new form fails on the parser before the
round (761a7e9); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named

RL_STARTER = (
    "U 1 | F 002048 | FPS 2230 | D 0 | rR:μσmM 0.36 0.41 0.00 0.99 | F:μσmM 59.9 47.6 2.0 125.0"
    " | H 1.896 | V -0.128 | pL -0.110 | vL 0.028 | ∇ 0.100\n"
    "b'U 2 | F 004096 | FPS 0294 | D 15 | rR:uomM 0.00 0.00 0.00 0.00 | F:uomM 57.8 87.4 0.0 253.0"
    " | H 1.940 | pL -0.007 | vL 0.006 | \\xe2\\x88\\x87 0.032'\n")


def test_rl_starter_update_lines() -> None:
    """torch-ac's lines: U the step, F the frames (no metric), ``KEY:μσmM`` four statistics."""
    assert named(RL_STARTER) == [
        ("FPS", 2230.0, 1, None), ("D", 0.0, 1, None), ("rR_mean", 0.36, 1, None),
        ("rR_std", 0.41, 1, None), ("rR_min", 0.0, 1, None), ("rR_max", 0.99, 1, None),
        ("F_mean", 59.9, 1, None), ("F_std", 47.6, 1, None), ("F_min", 2.0, 1, None),
        ("F_max", 125.0, 1, None), ("H", 1.896, 1, None), ("V", -0.128, 1, None),
        ("pL", -0.11, 1, None), ("vL", 0.028, 1, None), ("∇", 0.1, 1, None),
        ("FPS", 294.0, 2, None), ("D", 15.0, 2, None), ("rR_mean", 0.0, 2, None),
        ("rR_std", 0.0, 2, None), ("rR_min", 0.0, 2, None), ("rR_max", 0.0, 2, None),
        ("F_mean", 57.8, 2, None), ("F_std", 87.4, 2, None), ("F_min", 0.0, 2, None),
        ("F_max", 253.0, 2, None), ("H", 1.94, 2, None), ("pL", -0.007, 2, None),
        ("vL", 0.006, 2, None), ("∇", 0.032, 2, None)]


def test_a_pipe_record_of_other_letters_is_no_rl_starter_line() -> None:
    """Guard: a statistics key needs distinct letters, and the record U then F."""
    assert ("rR_min", 0.5, 1, None) not in named("U 1 | F 3 | rR:mmM 0.5 0.7 0.9 | H 1.5\n")
    assert ("rR_mean", 1.0, 1, None) not in named("U 1 | G 3 | F 5 | rR:μσmM 1 2 3 4\n")


VG_BENCH = (
    "2022-01-23 10:32:22   Start training epoch: 00\n"
    "2022-01-23 11:10:50   Finished epoch 00 in 0:38:27, average epoch triplet loss = 0.0558\n"
    "2022-01-23 11:15:37   Recalls on val set < BaseDataset, pitts30k - #database: 10000; "
    "#queries: 7608 >: R@1: 68.2, R@5: 85.0\n"
    "2022-01-23 11:15:37   Improved: previous best R@5 = 0.0, current R@5 = 85.0\n"
    "2022-01-23 11:15:37   Start training epoch: 01\n"
    "2022-01-23 11:54:09   Not improved: 1 / 3: best R@5 = 89.9, current R@5 = 89.7\n")


def test_the_geo_localization_benchmark_log() -> None:
    """"Start training epoch: 00" is the epoch; "val set < its repr >:" the phase; the
    running best's "previous best X = a, current X = b" no report."""
    assert named(VG_BENCH) == [
        ("average_epoch_triplet_loss", 0.0558, None, 0), ("val_r@1", 68.2, None, 0),
        ("val_r@5", 85.0, None, 0)]


def test_a_current_value_without_a_best_before_it_is_a_report() -> None:
    """Guard: only "best X = a, current ..." is a running best."""
    assert named("epoch 3 loss = 0.5, current lr = 0.25\n") == [
        ("loss", 0.5, None, 3), ("current_lr", 0.25, None, 3)]


def test_a_phrased_name_does_not_label_pairs_of_another_separator() -> None:
    """GluonCV's "Training cost: 146.7, ObjLoss=68.4": the cost is the training's, the
    losses are the loss names the batch lines print."""
    assert named("[Epoch 2][Batch 99], LR: 5.96E-04, ObjLoss=82.456, ClassLoss=14.261\n"
                 "[Epoch 2] Training cost: 146.669, ObjLoss=68.351, ClassLoss=12.815\n") == [
        ("LR", 0.000596, 99, 2), ("ObjLoss", 82.456, 99, 2), ("ClassLoss", 14.261, 99, 2),
        ("training_cost", 146.669, None, 2), ("ObjLoss", 68.351, None, 2),
        ("ClassLoss", 12.815, None, 2)]


def test_a_phase_label_still_reaches_names_of_its_separator() -> None:
    """Guard: "Train Loss: 11.2, Acc: 0.5" keeps its phase for both."""
    assert named("epoch 1 Train Loss: 11.2, Acc: 0.5\n") == [
        ("train_loss", 11.2, None, 1), ("train_acc", 0.5, None, 1)]


PYLAIA = (
    "[2020-12-02 02:53:30,572 INFO laia] TR - E0: 100% 16/16 [00:34<00:00, 0.46it/s, "
    "loss=113.0499, cer=137.3%]\n"
    "[2020-12-02 02:53:30,573 INFO laia] VA - E0: 100% 2/2 [00:01<00:00, 1.51it/s, "
    "loss=70.1002, cer=100.0%]\n")


def test_pylaia_bars_name_their_phase_and_epoch() -> None:
    assert named(PYLAIA) == [
        ("tr_loss", 113.0499, None, 0), ("tr_cer", 137.3, None, 0),
        ("va_loss", 70.1002, None, 0), ("va_cer", 100.0, None, 0)]


def test_a_glued_e_with_a_value_is_still_a_name() -> None:
    """Guard: "E1: 0.5" names a value; only a bar's percent after it makes it a counter."""
    assert named("step 1 E1: 0.5 E2: 45%\n") == [("E1", 0.5, 1, None), ("E2", 45.0, 1, None)]


def test_a_rule_glued_to_an_epoch_line() -> None:
    assert named("Epoch:200  Batch:100/109  Batch_Loss:0.195\n"
                 "---Epoch:200/200   Avg_Loss:0.220   Epoch_Time: 0.13min---\n") == [
        ("Batch_Loss", 0.195, 100, 200), ("Avg_Loss", 0.22, None, 200),
        ("Epoch_Time", 0.13, None, 200)]


def test_a_semicolon_csv_is_a_table() -> None:
    """Keras' ``CSVLogger(separator=";")`` printed or tailed."""
    assert named("epoch;binary_accuracy;loss;lr;val_loss\n0;0.894;0.3958;0.002;0.1212\n"
                 "1;0.9;0.205;0.002;0.1107\n") == [
        ("binary_accuracy", 0.894, None, 0), ("loss", 0.3958, None, 0), ("lr", 0.002, None, 0),
        ("val_loss", 0.1212, None, 0), ("binary_accuracy", 0.9, None, 1),
        ("loss", 0.205, None, 1), ("lr", 0.002, None, 1), ("val_loss", 0.1107, None, 1)]


def test_a_sentence_with_semicolons_is_no_table() -> None:
    """Guard: a header's cells are names ("epoch;loss;acc"), not words of a sentence."""
    assert named("note; see the docs; then run it again\n1;2;3\n") == []


def test_a_data_set_key_names_the_results_after_it() -> None:
    """AdaMerging's "dataset: SUN397 ACC: 0.65": the accuracy of that data set."""
    assert named("Eval: Epoch: 9 dataset: SUN397 ACC: 0.6471\n"
                 "Eval: Epoch: 9 dataset: Cars ACC: 0.6422\n") == [
        ("SUN397_ACC", 0.6471, None, 9), ("Cars_ACC", 0.6422, None, 9)]


def test_a_data_set_key_with_a_number_is_no_label() -> None:
    """Guard: "task: 3 acc: 0.5" counts tasks; its accuracy stays acc."""
    assert named("epoch 2 task: 3 acc: 0.5\n") == [("acc", 0.5, None, 2)]


def test_a_block_of_percentages_is_results() -> None:
    """EMR-Merging's "SUN397:75.2%" per task: results, not a printed configuration."""
    assert named("SUN397:75.19%\nCars:72.75%\nRESISC45:93.49%\nAvg ACC:88.73%\n") == [
        ("SUN397", 75.19, None, None), ("Cars", 72.75, None, None),
        ("RESISC45", 93.49, None, None), ("Avg_ACC", 88.73, None, None)]


def test_a_block_of_settings_stays_configuration() -> None:
    """Guard: numbers without a percent sign under names of no metric are settings."""
    assert named("width:64\ndepth:12\nheads:8\nAvg ACC:88.73\n") == [("Avg_ACC", 88.73, None, None)]


FAIRLIB = ("    2022-04-08 15:11:08 [INFO ]  Validation accuracy: 55.16\tmacro_fscore: 43.87\n"
           "    2022-04-08 15:11:08 [INFO ]  Test accuracy: 66.24\tmacro_fscore: 47.19\n")


def test_the_logging_cookbook_record_opens_its_message() -> None:
    """"%(asctime)s [%(levelname)-5.5s]  %(message)s": the phrase labels its line."""
    assert named(FAIRLIB) == [
        ("validation_accuracy", 55.16, None, None), ("validation_macro_fscore", 43.87, None, None),
        ("test_accuracy", 66.24, None, None), ("test_macro_fscore", 47.19, None, None)]
