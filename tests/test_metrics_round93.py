"""Round ``tune93`` (session 93). Each test of a rule fails on 26d901e4 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named, names


def test_a_time_per_progress_unit_with_a_decimal_is_a_duration() -> None:
    # "Time/step: 1.185389": seconds a step took (before: dropped as a position, like
    # Composer's "time/batch: 365")
    text = "Epoch: 1/5, Step: 12/14861, Lr: , Loss: 0.072193, Time/step: 1.185389\n"
    assert named(text) == [("Loss", 0.072193, 12, 1), ("Time/step", 1.185389, 12, 1)]


def test_a_time_per_progress_unit_as_a_whole_number_is_a_position() -> None:
    # (guard) Composer's timestamps count batches and samples
    assert names("Train time/batch: 365\nTrain time/sample: 11680\nTrain loss: 2.5\n") == {
        "train_loss"}


def test_a_table_cell_of_words_and_numbers_keeps_the_columns() -> None:
    # scikit-learn's boosting table with an end time ("31 Oct 15:34"), tf_cnn_benchmarks'
    # "images/sec: 451.0 +/- 0.0 (jitter = 0.0)" under "Img/sec": the gaps between columns
    # part the cells (before: the row's words made more cells than the header; nothing read)
    text = ("  Iter       Train Loss   Remaining Time         End Time \n"
            "     1           1.2427            5.95m     31 Oct 15:36\n"
            "     2           1.2053            5.34m     31 Oct 15:35\n")
    assert named(text) == [("Train_Loss", 1.2427, 1, None), ("Train_Loss", 1.2053, 2, None)]
    text = ("Step    Img/sec total_loss      top_1_accuracy  top_5_accuracy\n"
            "1       images/sec: 451.0 +/- 0.0 (jitter = 0.0)        8.168   0.003   0.005\n")
    assert {"total_loss": 8.168, "top_1_accuracy": 0.003, "top_5_accuracy": 0.005}.items() \
        <= {n: v for n, v, _, _ in named(text)}.items()


def test_a_matrix_row_under_a_table_header_is_no_row() -> None:
    # (guard) a confusion matrix's "   0  1  0 60  0]" splits into as many gapped cells as
    # the header has columns, but "0 60" is two numbers, not one cell
    text = ("Epoch       Training Error       Validation Error       Time\n"
            "    1          7.605e+01             3.328e+01          2.1s\n"
            "   0  1  0 60  0]\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("Training_Error", 76.05), ("Validation_Error", 33.28), ("Time", 2.1)]


_DISTILLER = (
    "2024-06-06 03:21:10,001 - Training epoch: 34633 samples (256 per mini-batch)\n"
    "2024-06-06 03:21:15,001 - Epoch: [197][  136/  136]    Overall Loss 0.477785    "
    "Objective Loss 0.477785    Top1 76.283619    LR 0.000031    Time 0.045142    \n"
    "2024-06-06 03:21:16,967 - --- validate (epoch=197)-----------\n"
    "2024-06-06 03:21:16,967 - 34633 samples (256 per mini-batch)\n"
    "2024-06-06 03:21:22,211 - Epoch: [197][  100/  136]    Loss 0.445946    Top1 78.425781    \n"
    "2024-06-06 03:21:23,846 - Epoch: [197][  136/  136]    Loss 0.441681    Top1 78.491612    \n"
    "2024-06-06 03:21:24,031 - ==> Top1: 78.492    Loss: 0.442\n"
    "2024-06-06 03:21:24,034 - ==> Best [Top1: 78.492   Sparsity:0.00   Params: 169472 "
    "on epoch: 197]\n"
    "2024-06-06 03:21:25,001 - Training epoch: 34633 samples (256 per mini-batch)\n"
    "2024-06-06 03:21:30,001 - Epoch: [198][  136/  136]    Overall Loss 0.4701    "
    "Objective Loss 0.4701    Top1 76.5    LR 0.000031    Time 0.045    \n"
    "2024-06-06 03:21:31,001 - --- test ---------------------\n"
    "2024-06-06 03:21:31,002 - 11005 samples (256 per mini-batch)\n"
    "2024-06-06 03:21:32,001 - Test: [   43/   43]    Loss 0.201460    Top1 88.977737    \n"
    "2024-06-06 03:21:32,002 - ==> Top1: 88.978    Loss: 0.201\n")


def test_distiller_validation_lines_take_the_banner_phase() -> None:
    # Distiller (and ai8x-training) keys its validation batches as its training's: the
    # banner "--- validate (epoch=N)---" names them (before: "Loss" and "Top1" merged with
    # the training's Top1), its "==> Top1: ..." summary rounds the last line again and its
    # "==> Best [...]" is the running best (before: both recorded); the test keeps its own
    # "Test:" label, and the epoch's size ("Training epoch: 34633 samples") is no epoch
    got = named(_DISTILLER)
    assert [(n, v, s, e) for n, v, s, e in got if n.startswith("validate")] == [
        ("validate_loss", 0.445946, 100, 197), ("validate_top1", 78.425781, 100, 197),
        ("validate_loss", 0.441681, 136, 197), ("validate_top1", 78.491612, 136, 197)]
    assert [(v, e) for n, v, _, e in got if n == "Top1"] == [(76.283619, 197), (76.5, 198)]
    assert {n for n, _, _, _ in got} == {
        "Overall_Loss", "Objective_Loss", "Top1", "LR", "Time", "validate_loss", "validate_top1",
        "test_loss", "test_top1"}
    assert [v for n, v, _, _ in got if n == "test_top1"] == [88.977737]


def test_a_validate_heading_elsewhere_names_nothing_after_it() -> None:
    # (guard) no banner of Distiller's form: the lines keep their names
    text = ("--- validate ---\n"
            "Epoch: [3][  100/  136]    Loss 0.44    Top1 78.4\n")
    assert names(text) == {"Loss", "Top1"}


def test_an_epochs_size_in_samples_is_no_epoch() -> None:
    # "Training epoch: 50000 samples (256 per mini-batch)": how many samples an epoch has
    # (before: epoch 50000 for the values after it)
    text = "Training epoch: 50000 samples (256 per mini-batch)\nloss: 0.52\n"
    assert named(text) == [("loss", 0.52, None, None)]


def test_a_leading_count_with_its_percentage_is_the_step() -> None:
    # ELECTRA's "1450/2680 = 54.1%, SPS: 0.1, ... - loss: 18.16": the step of the run's
    # total, its share done (before: no step for its values)
    text = "1450/2680 = 54.1%, SPS: 0.1, ELAP: 4:32:14, ETA: 3:50:56 - loss: 18.1634\n"
    assert named(text) == [("SPS", 0.1, 1450, None), ("loss", 18.1634, 1450, None)]


def test_a_leading_fraction_with_its_value_is_no_step() -> None:
    # (guard) "9382/10000 = 0.9382": a fraction worked out, no progress
    assert [s for _, _, s, _ in named("9382/10000 = 0.9382\nacc: 0.9\n")] == [None]


def test_a_measure_in_dollars_keeps_its_value() -> None:
    # "RMSE: $6.36": an error measured in dollars (before: the "$" hid the value)
    assert named("  MAE:  $4.35\n  Naive RMSE:  $4.31\n") == [
        ("MAE", 4.35, None, None), ("Naive_RMSE", 4.31, None, None)]


def test_a_price_is_no_measure() -> None:
    # (guard) "Buy: $193.53": a trade's price, its name no measure's
    assert names("Buy: $193.53\nSell: $222.73\n") == set()


def test_a_top_k_accuracy_of_any_k_is_a_metric() -> None:
    # "top-10: 0.87" beside "top-1", "top-5" (before: "top-10" read as a label and its index)
    assert names("Train -   loss: 1.79     top-1: 0.64    top-5: 0.83    top-10: 0.87\n") == {
        "train_loss", "train_top-1", "train_top-5", "train_top-10"}


def test_a_camel_case_setting_is_denied_as_its_words_are() -> None:
    # Lua Torch's "batchSize", "imageSize", a "Batchsize": settings, as "batch_size" is
    # (before: recorded as metrics); "valLoss" stays a metric
    assert names('json_stats: {"batchSize":128,"imageSize":32,"valLoss":0.52}\n') == {"valLoss"}
    assert names("Epoch: 3, Batchsize: 8, loss: 0.5\n") == {"loss"}


def test_a_log4j_records_class_and_line_name_no_value() -> None:
    # BigDL's "%d %-5p %c{1}:%L - ", Spark's "%d{yy/MM/dd HH:mm:ss} %p %c{1}: " (before:
    # "NativeCodeLoader" recorded with its line number, 62)
    text = ("2022-02-10 21:42:16 WARN  NativeCodeLoader:62 - Unable to load native-hadoop "
            "library for your platform\n"
            "22/02/10 21:42:21 WARN SparkContext:66 - Using an existing SparkContext\n"
            "21/01/20 22:12:00 INFO lightgbm.LightGBMClassifier: Valid auc=0.8800437895547021\n")
    assert [(n.lower(), v) for n, v, _, _ in named(text)] == [("valid_auc", 0.8800437895547021)]


def test_a_log4j_records_logger_before_a_dash_names_no_value() -> None:
    # log4m's "%d %-5p %c - " (MatConvNet's "INFO  ConvNet - Error rate: 0.0045"; before:
    # "convnet_error_rate"); a phase word is no logger's name
    assert names("2017-02-28 01:42:56,257 INFO  ConvNet - Error rate: 0.0044946\n") == {
        "Error_rate"}
    assert names("2017-02-28 01:42:56,257 INFO  Training - loss: 0.5\n") == {"training_loss"}


def test_a_level_then_a_key_is_a_message_not_a_class() -> None:
    # (guard) "INFO Accuracy: 10/50 = 20.0%": a key, its value
    assert names("2026-04-26 08:33:01,075 INFO Accuracy: 0.2\n") == {"Accuracy"}


def test_a_rate_before_the_next_key_is_named_by_its_unit() -> None:
    # Sockeye's "6.25 updates/sec\tperplexity=", its tab pasted as a space (before: the
    # rate before "perplexity=" lost)
    text = ("[INFO:sockeye.training] Epoch[0] Batch [2700]   Speed: 1293.60 samples/sec "
            "36902.07 tokens/sec 6.25 updates/sec perplexity=355.576054   accuracy=0.209457\n")
    assert [n for n, _, _, _ in named(text)] == [
        "samples/sec", "tokens/sec", "updates/sec", "perplexity", "accuracy"]


def test_a_pipe_field_of_a_value_then_its_unit_or_name() -> None:
    # llm.c's "| 44.57 ms | 38.2% bf16 MFU |", a fold loop's "... | 3.23 min": a field of a
    # value and the words after it, named by them (before: both lost)
    text = ("step   61/74 | loss 3.208939 (+nanz)| norm 1.4800 (+nanz)| lr 3.00e-04 | "
            "44.57 ms | 38.2% bf16 MFU | 91886 tok/s\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("loss", 3.208939), ("norm", 1.48), ("lr", 0.0003), ("ms", 44.57),
        ("bf16_MFU", 38.2), ("tok/s", 91886.0)]
    assert ("min", 3.23, None, 5) in named(
        "-- epoch 5/5 | lr = 0.000010 | trn_loss = 0.0198 | val_loss = 0.2360 | 3.23 min\n")


def test_a_pipe_field_of_a_count_and_its_things_is_no_metric() -> None:
    # (guard) "| 14 tasks |": a count
    assert names("Epoch 3 | loss 0.5 | 14 tasks |\n") == {"loss"}


def test_a_rate_unit_after_two_spaces_names_the_value_after_it() -> None:
    # pix2pix-tensorflow's "step 602  image/sec 35.7  remaining 0m": its fields are parted by
    # two spaces, so "image/sec" opens one (before: read as the unit of 602)
    text = "progress  epoch 50  step 602  image/sec 35.7  remaining 0m\n"
    assert named(text) == [("image/sec", 35.7, 602, 50)]


def test_a_rate_unit_after_one_space_is_the_values_before() -> None:
    # (guard) Sockeye's "Speed: 235.15 samples/sec 4504.66 tokens/sec"
    assert names("Epoch[0] Batch [50] Speed: 235.15 samples/sec 4504.66 tokens/sec\n") == {
        "samples/sec", "tokens/sec"}


def test_a_copula_name_after_a_bracketed_tag() -> None:
    # EasyTPP's "[ Epoch 450 (train) ]: train loglike is 0.345, num_events is 27590": the
    # tag's "]:" ends a label, the name after it is a field's (before: read as prose)
    text = "INFO: [ Epoch 450 (train) ]: train loglike is 0.345095773208137, num_events is 27590\n"
    assert named(text) == [("train_loglike", 0.345095773208137, None, 450)]


def test_a_copula_name_inside_prose_is_still_prose() -> None:
    # (guard) "found at epoch 2 with valid_loss value: 0.01"
    assert names("Best model found at epoch 2 with valid_loss value: 0.01\n") == set()


def test_a_colour_code_whose_escape_was_dropped_is_blanked() -> None:
    # Coqui's "avg_loss_kl:\x1b[91m 1.68 \x1b[0m(+0.03)" pasted without its escape bytes
    # (before: "[91m" hid the value)
    text = "| > avg_loss_kl:[91m 1.6893857717514038 [0m(+0.031056414047877068)\n"
    assert named(text) == [("avg_loss_kl", 1.6893857717514038, None, None)]


def test_a_bracketed_minute_count_is_no_colour_code() -> None:
    # (guard) "[1m 20s]": a minute and its seconds, not 20 seconds
    assert named("Epoch 3 | time: [1m 20s] | loss: 0.5\n") == [("loss", 0.5, None, 3)]


def test_a_phrase_measured_on_things_is_its_head_metric() -> None:
    # SCHOLAR's "train accuracy on labels = 0.8018": an accuracy, measured on the labels
    # (before: "labels" made the name a count)
    assert named("train accuracy on labels = 0.8018\n") == [
        ("train_accuracy_on_labels", 0.8018, None, None)]


def test_a_count_of_things_in_a_phrase_is_still_a_count() -> None:
    # (guard) "Number of epochs: 4"
    assert names("Number of epochs: 4\n") == set()


def test_a_mean_of_a_quantity_is_a_metric() -> None:
    # EVALB's "Average crossing          =   2.44", PFRL's "('average_q', 9.86)": a mean of a
    # measured quantity (before: read as a setting's assignment, "lr = 0.1")
    assert named("Average crossing          =   2.44\n") == [("Average_crossing", 2.44, None, None)]


def test_a_mean_of_things_counted_is_no_metric() -> None:
    # (guard) "Average actions of items: 12.5": how many actions an item has
    assert names("Average actions of items = 12.5\n") == set()


def test_whole_counts_under_top_k_names_stay_none() -> None:
    # (guard) LogAD's "Train top-9: 10, Valid top-9: 16": counts for the top-k setting
    assert names("Train top-9: 10, Valid top-9: 16\n") == set()


_LOGURU = "2024-05-01 12:00:00.123 | INFO     | train:main:42 - "


def test_a_table_behind_a_loguru_record_prefix_reads_as_printed() -> None:
    # Stable-Baselines3's table logged through loguru: the record's prefix comes off a
    # table's line as Python logging's does (before: the table was lost; behind loguru the
    # tuned logs read 68.7% against 72% behind other record prefixes)
    text = "".join(f"{_LOGURU}{row}\n" for row in (
        "-----------------------------------",
        "| rollout/           |             |",
        "|    ep_len_mean     | 200         |",
        "|    ep_rew_mean     | -1.2e+03    |",
        "| time/              |             |",
        "|    fps             | 1200        |",
        "|    iterations      | 1           |",
        "|    total_timesteps | 2048        |",
        "-----------------------------------"))
    assert named(text) == [("rollout/ep_len_mean", 200.0, 2048, None),
                           ("rollout/ep_rew_mean", -1200.0, 2048, None),
                           ("time/fps", 1200.0, 2048, None)]
