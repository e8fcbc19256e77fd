"""Round ``tune108`` (session 108). Each test of a rule fails on a3a831bc (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from parsed import named, names

from exptrack.metrics.tfevents import read_events

ZOO = Path(__file__).parent / "data" / "zoo"

# Keras' fit() with validation, then evaluate() on the test set: a bar of another length,
# no "Epoch N/M" before it, no validation values on it
KERAS_FIT_EVALUATE = (
    "Epoch 1/2\n"
    "8/8 [==============================] - 0s 2ms/step - loss: 0.6931 - accuracy: 0.5000"
    " - val_loss: 0.6500 - val_accuracy: 0.6000\n"
    "Epoch 2/2\n"
    "8/8 [==============================] - 0s 2ms/step - loss: 0.6000 - accuracy: 0.7000"
    " - val_loss: 0.5500 - val_accuracy: 0.7500\n"
    "2/2 [==============================] - 0s 1ms/step - loss: 0.5812 - accuracy: 0.7344\n")


def test_keras_evaluate_after_fit_is_the_test_sets() -> None:
    # Keras keys evaluate()'s values as the training's (loss, accuracy); in the training's
    # series they made its last value the test set's
    found = named(KERAS_FIT_EVALUATE)
    assert ("test_loss", 0.5812, None, None) in found
    assert ("test_accuracy", 0.7344, None, None) in found
    assert [n for n, *_ in found].count("accuracy") == 2


def test_keras_3_evaluate_renders_are_the_test_sets_too() -> None:
    # Keras 3 under a pipe: the evaluate bar's "0s" render stands for the finished bar
    bar = "\u2501" * 20
    text = (f"Epoch 1/1\n477/477 {bar} 36s 76ms/step - accuracy: 0.9905 - loss: 0.0311"
            f" - val_accuracy: 0.9712 - val_loss: 0.0946\n"
            "Training completed!\n"
            "Evaluating on test set...\n"
            f"7/7 {bar} 0s 23ms/step - accuracy: 0.9808 - loss: 0.0785\n"
            "Test Accuracy: 0.9808\n")
    found = named(text)
    assert [(n, v) for n, v, *_ in found if n == "accuracy"] == [("accuracy", 0.9905)]
    assert [n for n, *_ in found if n.lower() == "test_accuracy"] == ["test_accuracy"]
    assert ("test_loss", 0.0785, None, None) in found


def test_a_guard_the_next_fit_after_evaluate_is_training_again() -> None:
    text = KERAS_FIT_EVALUATE + KERAS_FIT_EVALUATE
    found = named(text)
    assert [n for n, *_ in found].count("accuracy") == 4
    assert [n for n, *_ in found].count("test_accuracy") == 2


def test_a_statistic_after_an_epoch_label_stays_in_the_name() -> None:
    # PyTorch's super-resolution example: the epoch's mean loss beside the batches' Loss
    text = ("===> Epoch[1](6/6): Loss: 0.0327\n"
            "===> Epoch 1 Complete: Avg. Loss: 0.1402\n"
            "===> Avg. PSNR: 14.3442 dB\n")
    found = named(text)
    assert ("Avg_Loss", 0.1402, None, 1) in found
    assert [n for n, *_ in found].count("Loss") == 1


def test_a_guard_a_data_sets_average_loss_is_its_loss() -> None:
    # PyTorch's MNIST example: "Test set: Average loss" is the test set's loss
    assert names("\nTest set: Average loss: 0.0331, Accuracy: 9896/10000 (99%)\n") \
        >= {"test_loss"}


def test_a_running_bests_line_records_none_of_its_values() -> None:
    # Pointnet_Pointnet2_pytorch: "Best Instance Accuracy: ..., Class Accuracy: ..." repeats
    # the best epoch's test values (before: Best_Instance_Accuracy and a Class_Accuracy)
    text = ("Epoch 1 (1/3):\n"
            "Train Instance Accuracy: 0.187500\n"
            "Test Instance Accuracy: 0.250000, Class Accuracy: 0.100000\n"
            "Best Instance Accuracy: 0.250000, Class Accuracy: 0.100000\n")
    assert names(text) == {"train_Instance_Accuracy", "test_Instance_Accuracy",
                           "test_Class_Accuracy"}


def test_a_one_value_tensor_list_is_its_value() -> None:
    # Deep Graph Infomax's "Average accuracy: tensor([0.3254])"
    assert named("Average accuracy: tensor([0.3254])\n") == [
        ("Average_accuracy", 0.3254, None, None)]


def test_a_guard_a_tensor_of_counts_or_of_many_values_is_none() -> None:
    assert named("input_length:  tensor([593], device='cuda:0')\n") == []
    assert named("scores: tensor([0.1000, 0.2000])\n") == []


def test_itrs_is_a_step() -> None:
    # DeepLabV3Plus-Pytorch's "Epoch 1, Itrs 10/60, Loss=1.666046"
    assert named("Epoch 1, Itrs 10/60, Loss=1.666046\n") == [("Loss", 1.666046, 10, 1)]


def test_tensorboardx_cleaned_tags_match_their_folders() -> None:
    # LightGCN: add_scalars("Test/Recall@[20]", {"20": v}) writes the folder
    # Test/Recall@[20]/20 and the tag "Test/Recall__20_" (tensorboardX cleans "@[]")
    found = {o.name for path in (ZOO / "lightgcn_pytorch" / "pipe" / "files").rglob(
        "events.out.tfevents.*") for o in read_events(path)}
    assert {"Test/Recall__20__20", "Test/Precision__20__20", "Test/NDCG__20__20"} <= found
    assert "Test/Recall__20_" not in found


def test_one_is_no_name() -> None:
    # LightGCN's "test_u_batch_size is too big for this dataset, try a small one 29"
    text = ("EPOCH[10/12] loss 0.688\n"
            "test_u_batch_size is too big for this dataset, try a small one 29\n")
    assert "one" not in names(text)


def test_tf_nmt_gradient_norm_is_recorded() -> None:
    line = ("  step 20 lr 0.01 step-time 0.30s wps 1.30K ppl 19.28 gN 3.01 bleu 0.00, "
            "Mon Dec  7 22:40:01 2026\n")
    assert ("gN", 3.01, 20, None) in named(line)


def test_a_tensorflow_variable_listing_is_no_metric() -> None:
    # TF NMT's trainable variables: the one with no device field after its shape
    text = ("# Trainable variables\n"
            "  dynamic_seq2seq/decoder/memory_layer/kernel:0, (32, 32), \n")
    assert named(text) == []


def test_td3_total_t_is_its_time_step_counter() -> None:
    # TD3's "Total T" is t + 1, the environment steps so far (was a metric "Total_T")
    text = ("Total T: 200 Episode Num: 1 Episode T: 200 Reward: -1234.567\n"
            "Total T: 400 Episode Num: 2 Episode T: 200 Reward: -1134.567\n")
    assert names(text) == {"Episode_T", "Reward"}


def test_an_episodes_steps_are_its_length_not_the_step() -> None:
    # pranz24's SAC: the step was the episode's length, 200 on every line
    line = "Episode: 3, total numsteps: 600, episode steps: 200, reward: -1546.85\n"
    assert named(line) == [("reward", -1546.85, 3, None)]


def test_cross_validation_is_no_validation_phase() -> None:
    # EvalML: its folds' mean CV score (was validation_mean_Log_Loss_Binary)
    text = ("\tStarting cross validation\n"
            "\tFinished cross validation - mean Log Loss Binary: 0.611\n")
    assert names(text) == {"mean_Log_Loss_Binary"}


def test_a_hyperparams_banner_heads_settings() -> None:
    # GAT's execute_cora.py prints its settings under "----- Opt. hyperparams -----"
    text = ("Dataset: cora\n----- Opt. hyperparams -----\nlr: 0.005\nl2_coef: 0.0005\n"
            "----- Archi. hyperparams -----\nnb. layers: 1\n")
    assert named(text) == []


def test_a_guard_a_snake_case_best_keeps_the_names_after_it() -> None:
    assert names("best_mean_reward: 12.5 mean_reward: 10.1\n") == {"mean_reward"}


def test_a_length_set_in_an_argument_dump_is_a_setting() -> None:
    # Transformer-XL's argument dump: "mem_len" (the memory's length) is no memory used
    text = ("=" * 40 + "\n    - data : ../data/wikitext-103/\n    - mem_len : 32\n"
            "    - tgt_len : 32\n" + "=" * 40 + "\n")
    assert named(text) == []


def test_a_samples_ground_truth_names_nothing() -> None:
    # CRNN's validation samples: "PRED => PRED, gt: LABEL"
    text = "".join(f"{'-' * 26} => {' ' * 20}, gt: {label:<20}\n"
                   for label in ("570704", "0388", "8069"))
    assert named(text) == []


def test_the_pytorch_tutorials_progress_lines_print_a_loss() -> None:
    # Sean Robertson's: name classification, translation, char-rnn.pytorch (after tqdm's
    # last frame on the same line): the count is the step, the value the loss
    text = ("400 5% (0m 1s) 1.2913 Guowang / Chinese \u2713\n"
            "800 10% (0m 2s) 1.6961 Phan / Chinese \u2717 (Vietnamese)\n")
    assert named(text) == [("loss", 1.2913, 400, None), ("loss", 1.6961, 800, None)]
    assert named("0m 3s (- 0m 34s) (100 10%) 2.3356\n0m 5s (- 0m 22s) (200 20%) 1.5803\n") \
        == [("loss", 2.3356, 100, None), ("loss", 1.5803, 200, None)]
    assert named(" 49/200 [00:04<00:10, 14.75it/s][0m 4s (50 25%) 1.8436]\n") == [
        ("loss", 1.8436, 50, None)]


def test_a_guard_a_percentage_in_parentheses_names_no_loss() -> None:
    assert named("Downloaded 120 files (50 25%) in 3.5 s\n") == []
