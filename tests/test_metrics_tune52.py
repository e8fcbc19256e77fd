"""Round ``tune52`` (session 60): forms of held-out sets TC-UH once each was scored. Each
test of a rule fails on the parser before the round (4f1bf7b7); each guard fails on the
rule without its check (mutation-checked)."""

from __future__ import annotations

from pathlib import Path

from parsed import named, names, obs

DATA = Path(__file__).resolve().parent / "data"

# Keras 2 with ReduceLROnPlateau(verbose=1): its bar prints no learning rate
KERAS2_PLATEAU = (
    "Epoch 3/6\n"
    "5216/5216 [==============================] - 15s 3ms/step - loss: 0.3242 - acc: 0.8599"
    " - val_loss: 0.3712 - val_acc: 0.8301\n"
    "\n"
    "Epoch 00003: ReduceLROnPlateau reducing learning rate to 4.999999873689376e-06.\n"
    "Epoch 4/6\n"
    "5216/5216 [==============================] - 15s 3ms/step - loss: 0.2942 - acc: 0.8799"
    " - val_loss: 0.3512 - val_acc: 0.8401\n"
    "\n"
    "Epoch 00004: ReduceLROnPlateau reducing learning rate to 4.999999873689376e-07.\n")


def test_reduce_lr_on_plateau_is_the_learning_rate_where_no_line_prints_one() -> None:
    """``Epoch 00004: ReduceLROnPlateau reducing learning rate to X.``: the run's learning
    rate at that epoch, when the epoch lines print none."""
    lrs = [f for f in named(KERAS2_PLATEAU) if f[0] == "learning_rate"]
    assert lrs == [("learning_rate", 4.999999873689376e-06, None, 3),
                   ("learning_rate", 4.999999873689376e-07, None, 4)]


def test_reduce_lr_on_plateau_is_an_event_beside_a_printed_learning_rate() -> None:
    """Guard: where the bar prints the learning rate (Keras 2's ``- lr:``, Keras 3's
    ``━━━`` bars, whose ``learning_rate`` may come after the first notice), the notice adds
    no observation."""
    keras2 = ("Epoch 3/6\n5216/5216 [==============================] - 15s 3ms/step"
              " - loss: 0.3242 - val_loss: 0.3712 - lr: 1.0000e-05\n"
              "\nEpoch 00003: ReduceLROnPlateau reducing learning rate to 5e-06.\n")
    assert [f[0] for f in named(keras2)] == ["loss", "val_loss", "lr"]
    keras3 = ("145/155 ━━━━━━━━━━━━━━━━━━━━ 0s 3ms/step - accuracy: 0.7539 - loss: 0.1233\n"
              "Epoch 4: ReduceLROnPlateau reducing learning rate to 0.0005000000237487257.\n"
              "155/155 ━━━━━━━━━━━━━━━━━━━━ 1s 3ms/step - accuracy: 0.7539 - loss: 0.1233"
              " - val_accuracy: 0.8646 - val_loss: 0.0992 - learning_rate: 0.0010\n")
    assert [f[1] for f in named(keras3) if f[0] == "learning_rate"] == [0.001]


def test_a_best_epochs_values_again_are_no_report() -> None:
    """MetaRec's ``[Best score at epoch 5] Prec@100 = 0.0886``, ``New best model at epoch 2
    with val_acc = 0.17`` and ``best test loss till now: 0.09`` repeat an earlier epoch's
    values: a running best."""
    text = ("[Epoch  55/500, epoch time: 6.81] loss = 10228.7646, Prec@100=0.0538\n"
            "2020-06-23 14:07:20: [Best score at epoch 5] Prec@100 = 0.0886 Recall@100 = 0.41\n"
            "[2025-11-20 02:23:23] New best model at epoch 2 with val_acc = 0.1773\n"
            "best test loss till now: 0.090534\n")
    assert named(text) == [("epoch_time", 6.81, None, 55), ("loss", 10228.7646, None, 55),
                           ("Prec@100", 0.0538, None, 55)]


def test_a_best_word_elsewhere_is_still_read() -> None:
    """Guard: "best" that names no earlier epoch's values leaves the line a report."""
    assert named("Epoch 4: loss 0.2 (best at epoch end)\n") == [("loss", 0.2, None, 4)]


def test_an_epoch_banner_glued_to_its_rule() -> None:
    """learning3d's ``==epoch: 3==`` heads the epoch's lines as ``== epoch 3 ==`` does."""
    assert named("==epoch: 3==\nmean train EPE loss: 0.28\n") == [
        ("mean_train_EPE_loss", 0.28, None, 3)]


def test_a_models_size_in_a_summary_is_no_metric() -> None:
    """torchsummary's and torchinfo's sizes in MB, Lightning's ``Total estimated model params
    size (MB)`` and ``Total mult-adds (M)``: the model's, the same every run."""
    text = ("Input size (MB): 0.00\nForward/backward pass size (MB): 0.00\n"
            "Params size (MB): 42.71\nEstimated Total Size (MB): 125.46\n"
            "Total mult-adds (M): 0.04\n"
            "4.319     Total estimated model params size (MB)\n"
            "epoch 1 loss: 0.3 max_mem (MB): 2940\n")
    assert named(text) == [("loss", 0.3, None, 1), ("max_mem_(MB)", 2940.0, None, 1)]


def test_keras_heads_numbered_past_ten_are_the_models_outputs() -> None:
    """Keras' multi-output model: ``dense_2_loss_1`` ... ``dense_2_loss_10`` are its heads'
    compiled losses, not a breakdown over items."""
    bar = "10000/10000 [==============================] - 50s - loss: 14.7492 - " + " - ".join(
        f"dense_2_loss_{i}: 1.{i:04d}" for i in range(1, 11))
    found = named(f"Epoch 1/10\n{bar}\n")
    assert len(found) == 11 and found[-1] == ("dense_2_loss_10", 1.001, None, 1)


def test_numbered_names_outside_a_keras_bar_are_still_items() -> None:
    """Guard: the same ten names on a line of the script's own are its items' rows."""
    line = "loss: 14.7492 - " + " - ".join(f"head_{i}: 0.{i:04d}" for i in range(10))
    assert names(f"{line}\n") == {"loss"}


def test_a_phases_dict_key_is_not_said_twice() -> None:
    """scGLUE's ``train={'g_nll': 0.451}, val={'g_nll': 0.45}``: ``train_g_nll`` and
    ``val_g_nll``, not ``train/train_g_nll``."""
    text = ("[INFO] SCGLUETrainer: [Epoch 10] train={'g_nll': 0.451, 'dsc_loss': 0.692}, "
            "val={'g_nll': 0.45, 'dsc_loss': 0.69}, 6.1s elapsed\n")
    assert [f[0] for f in named(text)][:4] == ["train_g_nll", "train_dsc_loss", "val_g_nll",
                                               "val_dsc_loss"]


def test_nested_phase_dicts_keep_their_key_paths() -> None:
    """Guard: a dict under a phase's key whose names carry no phase stays a key path."""
    assert [f[0] for f in named("{'train': {'loss': 0.3}, 'val': {'loss': 0.4}}\n")] == [
        "train/loss", "val/loss"]


# Caffe's solver: the test net's outputs, then the display loss and the train net's
CAFFE = (
    "I1019 05:17:19.964114 14773 solver.cpp:330] Iteration 62000, Testing net (#0)\n"
    "I1019 05:17:25.048596 14773 solver.cpp:397]     Test net output #0: Accuracy = 0.9125\n"
    "I1019 05:17:25.048624 14773 solver.cpp:397]     Test net output #1: loss = 0.38586"
    " (* 1 = 0.38586 loss)\n"
    "I1019 05:17:25.249248 14773 solver.cpp:218] Iteration 62000 (3.95642 iter/s, 25.2754s/100"
    " iters), loss = 0.0527316\n")


def test_caffe_test_net_outputs_are_the_tests() -> None:
    """``Test net output #1: loss = 0.38586``: ``test_loss``, apart from the solver's
    display ``loss`` of the same iteration."""
    assert named(CAFFE)[:2] == [("test_accuracy", 0.9125, 62000, None),
                                ("test_loss", 0.38586, 62000, None)]
    assert ("loss", 0.0527316, 62000, None) in named(CAFFE)


def test_time_taken_for_one_epoch() -> None:
    """TensorFlow's tutorials' ``Time taken for 1 epoch: 138.47 secs`` (the NMT one's has no
    colon): the epoch's time, named by its phrase; its ``1`` is no epoch."""
    text = ("Epoch 1 Loss 3.1953 Accuracy 0.0708\n"
            "Time taken for 1 epoch: 138.46706342697144 secs\n\n"
            "Epoch 2 Loss 2.9 Accuracy 0.1\n"
            "Time taken for 1 epoch 183.36 sec\n")
    assert [f for f in named(text) if f[0].startswith("Time")] == [
        ("Time_taken_for_1_epoch", 138.46706342697144, None, 1),
        ("Time_taken_for_1_epoch", 183.36, None, 2)]


def test_a_bars_values_printed_again_by_the_epochs_summary() -> None:
    """IndoNLU's bar description ``VALID LOSS:1.1989 ACC:0.90: 100%|...`` and the summary
    line after it, ``(Epoch 1) VALID LOSS:1.1989 ACC:0.90``, print one epoch's values: one
    observation each."""
    bar = "\u2588" * 10
    text = ("(Epoch 1) TRAIN LOSS:1.2138 ACC:0.85\n"
            f"VALID LOSS:1.1989 ACC:0.90 F1:0.34: 100%|{bar}| 14/14 [00:01<00:00, 11.24it/s]\n"
            "  0%|          | 0/105 [00:00<?, ?it/s](Epoch 1) VALID LOSS:1.1989 ACC:0.90 F1:0.34\n")
    assert [f[0] for f in named(text)] == ["train_LOSS", "train_ACC", "valid_LOSS",
                                           "valid_ACC", "valid_f1"]


def test_flax_examples_step_report_in_parentheses() -> None:
    """The Hugging Face Flax examples' ``Step... (50 | Loss: 1.37, Learning Rate: 9.2e-06)``
    and ``Epoch... (1/3 | Eval Loss: 3.2 | Eval rouge1: 41.2)``: the step or epoch, then its
    values (no remark in parentheses)."""
    text = ("Step... (50 | Loss: 1.3779796361923218, Learning Rate: 9.191175195155665e-06)\n"
            "Epoch... (1/3 | Eval Loss: 3.2 | Eval rouge1: 41.2)\n")
    assert named(text) == [("Loss", 1.3779796361923218, 50, None),
                           ("Learning_Rate", 9.191175195155665e-06, 50, None),
                           ("eval_loss", 3.2, None, 1), ("eval_rouge1", 41.2, None, 1)]


# scikit-learn's classification_report after a run's own accuracy line
SKLEARN_REPORT = (
    "Accuracy of XGBoost: 0.9914\n"
    "              precision    recall  f1-score   support\n\n"
    "           0       0.99      1.00      0.99      5000\n"
    "           1       0.98      0.91      0.94       360\n\n"
    "    accuracy                           0.99      5360\n"
    "   macro avg       0.98      0.95      0.97      5360\n"
    "weighted avg       0.99      0.99      0.99      5360\n")


def test_a_classification_reports_accuracy_row_is_the_tables() -> None:
    """The report's ``accuracy`` row is one of its summary rows (the table's rounding, then
    the support), no metric of its own."""
    assert named(SKLEARN_REPORT) == [("Accuracy_of_XGBoost", 0.9914, None, None)]


def test_an_accuracy_line_of_the_runs_own_stays() -> None:
    """Guard: a run's own ``accuracy`` printed with two numbers, not as a report row."""
    assert named("    accuracy 0.9914 epoch 3\n") != []


def test_a_sampling_temperature_and_a_tables_counts_are_settings() -> None:
    """textgenrnn's ``Temperature: 0.2`` over its samples is a setting (a learned ``temp``
    stays a metric); CogDL's ``| #nodes | #edges |`` head counts."""
    text = ("Epoch 1/3\n"
            "100/100 [==============================] - 5s 50ms/step - loss: 1.2\n"
            "Temperature: 0.2\nsome sampled text\n"
            "| Dataset   |   #nodes |   #edges |   Acc |\n"
            "| cora      |     2708 |     5429 | 0.813 |\n")
    assert "Temperature" not in names(text) and not any(n.startswith("#") for n in names(text))
    assert "temp" in names("step 10 loss: 2.1 temp: 1.95\n")


def test_a_lines_bare_count_before_its_named_values_is_the_step() -> None:
    """TensorFlow notebooks' ``0 loss: 2.35377 Prediction: ...`` and ``12, train_loss:
    2.65, val_loss: 1.68``: the line's count is its step."""
    text = "0 loss: 2.35377 Prediction: uuuu\n12, train_loss: 2.65, val_loss: 1.68\n"
    assert named(text) == [("loss", 2.35377, 0, None), ("train_loss", 2.65, 12, None),
                           ("val_loss", 1.68, 12, None)]


def test_a_lines_leading_fraction_is_no_step() -> None:
    """Guard: a line opening with a fraction has no count of its own."""
    assert named("0.5 loss: 0.2\n") == [("loss", 0.2, None, None)]


def test_a_hugging_face_config_object_is_configuration() -> None:
    """``... >> Model config LlamaConfig {`` opens a JSON object of the model's settings,
    printed after training too when a checkpoint is saved (LLaMA-Factory's log, set UH);
    nucleus sampling's ``top_p`` is a setting."""
    log = DATA / "heldout540" / ("llamafactory_hf_dict_lines_padded_tqdm_glued_train_"
                                 "metrics_block.log")
    after_training = b"\n".join(log.read_bytes().split(b"\n")[53:100]) + b"\n"
    assert obs(after_training) == []
    text = ("{'loss': 0.4072, 'grad_norm': 0.78, 'learning_rate': 2.8e-08, 'epoch': 2.97}\n"
            "[INFO|configuration_utils.py:765] 2025-05-15 07:30:25,168 >> "
            "Generate config GenerationConfig {\n"
            '  "temperature": 0.6,\n  "top_p": 0.9,\n  "max_length": 4096\n}\n')
    assert names(text) == {"loss", "grad_norm", "learning_rate"}


def test_autogluon_model_runtimes_are_its_reports() -> None:
    """AutoGluon's ``\\t0.23s\\t = Training   runtime`` under each model: the model's report,
    recorded without a step (a one-off start-up timing still is not)."""
    text = ("Fitting model: LightGBM ...\n"
            "\t0.84\t = Validation score   (accuracy)\n"
            "\t0.23s\t = Training   runtime\n"
            "\t0.01s\t = Validation runtime\n")
    assert named(text) == [("validation_score", 0.84, None, None),
                           ("training_runtime", 0.23, None, None),
                           ("validation_runtime", 0.01, None, None)]
