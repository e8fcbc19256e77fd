"""Round ``tune107`` (session 107). Each test of a rule fails on 2d39c252 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named

from exptrack.metrics import files
from exptrack.metrics.merge import merge_sources
from exptrack.metrics.observation import Observation

# ikostrikov's pytorch-a2c-ppo-acktr-gail (and its many forks): a pair of names before a
# pair of values, with no colon between them
A2C = """Updates 0, num timesteps 256, FPS 539
 Last 10 training episodes: mean/median reward 16.0/16.0, min/max reward 9.0/24.0

Updates 10, num timesteps 2816, FPS 473
 Last 10 training episodes: mean/median reward 80.1/83.0, min/max reward 53.0/103.0
"""


def test_a_pair_of_names_before_a_pair_of_values_without_a_colon() -> None:
    found = {(n, v) for n, v, *_ in named(A2C)}
    assert {("mean_reward", 80.1), ("median_reward", 83.0), ("min_reward", 53.0),
            ("max_reward", 103.0)} <= found


def test_a_pair_of_statistics_names_after_a_label_and_colon() -> None:
    found = {(n, v) for n, v, *_ in named("step 1 episodes: mean/median reward: 16.0/15.0\n"
                                          "step 2 episodes: mean/median reward: 17.0/16.5\n")}
    assert ("mean_reward", 17.0) in found and ("median_reward", 16.5) in found


def test_a_guard_a_pair_without_its_quantity_stays_no_metric() -> None:
    # a tensor's statistics, "Min/max: 0.0/0.99", name no quantity of their own
    found = [n for n, *_ in named("step 1 weights min/max 0.0/0.99\n"
                                  "step 2 weights min/max 0.1/0.98\n")]
    assert not any(n.startswith(("min", "max")) for n in found)


def _steps(name: str, pairs: list[tuple[float, int]]) -> list[Observation]:
    return [Observation(name, v, s, None) for v, s in pairs]


# makemore prints each batch's loss ("step 510 | loss 2.1208 | step time 6.51ms") and, every
# 500 steps, its evaluation ("step 500 train loss: 2.1334 test loss: 2.1773"), which its
# TensorBoard file keeps as "Loss/train" and "Loss/test": the printed "loss" answers to
# "Loss/train" as a training's name of no phase, but its values are another quantity's
FILE = _steps("Loss/train", [(2.1334, 500), (2.0095, 1000)]) \
    + _steps("Loss/test", [(2.1773, 500), (2.0512, 1000)])


def test_two_printed_names_for_one_file_series_keep_the_one_whose_values_agree() -> None:
    batch = _steps("loss", [(2.3, 490), (2.2229, 500), (2.1, 510), (2.1045, 1000), (2.02, 1010)])
    printed = batch + _steps("train_loss", [(2.1334, 500), (2.0095, 1000)]) \
        + _steps("test_loss", [(2.1773, 500), (2.0512, 1000)])
    kept, merged = merge_sources(printed, [(files.TFEVENTS, FILE)])
    assert [(o.value, o.step) for o in merged["Loss/train"]] == [(2.1334, 500), (2.0095, 1000)]
    assert [o.value for o in kept if o.name == "loss"] == [2.3, 2.2229, 2.1, 2.1045, 2.02]


def test_a_guard_one_printed_name_of_no_phase_still_joins_the_training_series() -> None:
    printed = _steps("loss", [(2.1334, 500), (2.0, 750), (2.0095, 1000), (1.9, 1010)])
    kept, merged = merge_sources(printed, [(files.TFEVENTS, FILE)])
    assert not [o for o in kept if o.name == "loss"]
    assert (1.9, 1010) in [(o.value, o.step) for o in merged["Loss/train"]]


# TensorFlow 1.x under absl prints each tf.logging record twice: TensorFlow's handler, then
# absl's glog-style one, with a Python thread's ident as its thread id
TWINS = """INFO:tensorflow:global_step/sec: 0.420217
I1207 19:57:05.934219 140459371789184 tpu_estimator.py:2307] global_step/sec: 0.420217
INFO:tensorflow:examples/sec: 3.36174
I1207 19:57:05.934612 140459371789184 tpu_estimator.py:2308] examples/sec: 3.36174
INFO:tensorflow:global_step/sec: 133.157
I1207 19:57:05.941692 140459371789184 tpu_estimator.py:2307] global_step/sec: 133.157
INFO:tensorflow:examples/sec: 1065.25
I1207 19:57:05.941919 140459371789184 tpu_estimator.py:2308] examples/sec: 1065.25
"""


def test_absl_twin_of_a_tensorflow_record_is_no_new_value() -> None:
    assert [(n, v) for n, v, *_ in named(TWINS)] == [
        ("global_step/sec", 0.420217), ("examples/sec", 3.36174),
        ("global_step/sec", 133.157), ("examples/sec", 1065.25)]


def test_a_guard_the_same_value_printed_again_by_tensorflow_is_a_new_value() -> None:
    text = "INFO:tensorflow:global_step/sec: 140.1\n" * 2
    assert [v for _, v, *_ in named(text)] == [140.1, 140.1]


def test_a_tensors_output_index_is_no_value() -> None:
    # (BERT lists its variables in its train and its eval model_fn alike)
    text = ("INFO:tensorflow:  name = bert/embeddings/word_embeddings:0, shape = (37, 32)\n"
            "INFO:tensorflow:  name = output_bias:0, shape = (2,)\n") * 2 \
        + 'Tensor("dense/BiasAdd:0", shape=(?, 10), dtype=float32)\n' * 2
    assert named(text) == []
    assert named("loss:0, acc:1\nloss:0, acc:1\n") == [("loss", 0.0, None, None),
                                                       ("acc", 1.0, None, None)] * 2


# DGL-KE's training log: the process and the mode in brackets, then the step of all in
# parentheses; its evaluation's lines open with the process's rank glued to the phase
DGLKE = """[proc 0][Train](100/400) average pos_loss: 0.6096861137604719
[proc 0][Train](100/400) average loss: 0.8745783913135529
[proc 0][Train] 100 steps take 1.640 seconds
[proc 0][Train](200/400) average pos_loss: 0.6356777572631835
[proc 0][Train](200/400) average loss: 0.6654917848110199
[0]Valid average MRR: 0.07000853530254147
[0]Valid average HITS@1: 0.025
[proc 0][Train](300/400) average pos_loss: 0.6193984627723694
[proc 0][Train](300/400) average loss: 0.6504759150743484
[proc 0][Train](400/400) average pos_loss: 0.6081477516889572
[proc 0][Train](400/400) average loss: 0.6406404244899749
[0]Valid average MRR: 0.07628428517812849
[0]Valid average HITS@1: 0.025
"""


def test_a_step_of_all_in_parentheses_after_a_bracketed_mode_is_the_step() -> None:
    found = named(DGLKE)
    assert [s for n, _, s, _ in found if n == "average_loss"] == [100, 200, 300, 400]


def test_a_rank_glued_to_its_message_is_no_step() -> None:
    found = named(DGLKE)
    assert [(v, s) for n, v, s, _ in found if n == "valid_average_HITS@1"] == [(0.025, 200),
                                                                              (0.025, 400)]


def test_a_guard_a_bracketed_count_before_a_tab_stays_the_step() -> None:
    text = "[0]\ttrain-rmse:0.5\teval-rmse:0.6\n[1]\ttrain-rmse:0.4\teval-rmse:0.55\n"
    assert [s for n, _, s, _ in named(text) if n == "train-rmse"] == [0, 1]


# fastNLP 0.x's Trainer: each evaluation under its heading, then, after training, the best
# one's values again under "got best dev performance:" (under a terminal each evaluation's
# lines follow a bar's frame, cleared, so they carry the epoch of the bar's description)
_BAR = "\rEpoch {e}/3: 100%|####| {s}/30 [00:00<00:00, 105.03it/s, loss:0.63223]\r" + " " * 40
FASTNLP = (_BAR.format(e=2, s=20) + "\rEvaluation on dev at Epoch 2/3. Step:20/30: \r\n"
           + _BAR.format(e=2, s=20) + "\rAccuracyMetric: acc=0.58\r\n\r\n"
           + _BAR.format(e=3, s=30) + "\rEvaluation on dev at Epoch 3/3. Step:30/30: \r\n"
           + _BAR.format(e=3, s=30) + "\rAccuracyMetric: acc=0.62\r\n\r\n"
           + _BAR.format(e=3, s=30) + "\rReloaded the best model.\r\n\r\n"
           "In Epoch:3/Step:30, got best dev performance:\r\n"
           "AccuracyMetric: acc=0.62\r\n"
           "[tester] \r\nAccuracyMetric: acc=0.59\r\n")


def test_a_got_best_heading_repeats_the_best_evaluation() -> None:
    assert [v for n, v, *_ in named(FASTNLP) if n == "acc"] == [0.58, 0.62, 0.59]


# keras-retinanet's Evaluate callback after each epoch: progressbar2's bar over the
# validation images, one line per class, then the mean
RETINANET = """Running network:  25% (1 of 4) |##       | Elapsed Time: 0:00:06 ETA:   0:00:18
Running network: 100% (4 of 4) |#########| Elapsed Time: 0:00:12 Time:  0:00:12
4 instances of class circle with average precision: 0.0312
4 instances of class square with average precision: 0.0000
mAP: 0.0156
"""


def test_a_progressbar2_percentage_and_a_class_row_are_no_values() -> None:
    assert named(RETINANET * 2) == [("mAP", 0.0156, None, None)] * 2


# Megatron-LM's closing evaluations: the validation split's, then the test split's, both
# under "validation loss at iteration N" with the split after it
MEGATRON = (" validation loss at iteration 30 | lm loss value: 9.016199E+00 |\n"
            " validation loss at iteration 30 on validation set | lm loss value: 9.026661E+00 |\n"
            " validation loss at iteration 30 on test set | lm loss value: 9.039936E+00 |\n")


def test_megatrons_evaluation_on_the_test_set_is_the_test_splits() -> None:
    found = [(n, v) for n, v, *_ in named(MEGATRON) if n.endswith("_value")]
    assert found == [("validation_lm_loss_value", 9.016199),
                     ("validation_lm_loss_value", 9.026661), ("test_lm_loss_value", 9.039936)]


# W&B's closing summary right-aligns its keys, which may hold spaces (milesial's
# Pytorch-UNet logs "train loss", "validation Dice", "learning rate")
WANDB = ("wandb: Run summary:\n"
         "wandb:           epoch 2\n"
         "wandb:   learning rate 1e-05\n"
         "wandb:            step 10\n"
         "wandb: validation Dice 0.81286\n"
         "wandb: \n")


def test_a_wandb_summary_key_with_spaces_is_read() -> None:
    assert {(n, v) for n, v, *_ in named(WANDB)} == {("learning_rate", 1e-05),
                                                      ("validation_Dice", 0.81286)}


def test_a_lone_pair_keeps_its_lowercase_words() -> None:
    # pointnet.pytorch's closing line, lowercase (its title-case twin was read already)
    assert named("final accuracy 0.0625\n") == [("final_accuracy", 0.0625, None, None)]
    assert named("the accuracy 0.5\n") == []  # (a sentence's words: none)


def test_a_sets_average_after_its_counter_is_the_sets_quantity() -> None:
    # weiaicunzai's pytorch-cifar100 (and its many copies): the epoch between the set's label
    # and its values, as the MNIST example's "Test set: Average loss:" without one
    text = "Test set: Epoch: 1, Average loss: 0.0461, Accuracy: 0.0050, Time consumed:3.03s\n"
    assert [n for n, *_ in named(text)][:2] == ["test_loss", "test_accuracy"]
    assert [n for n, *_ in named("Epoch: 1, Average loss: 0.5\n")] == ["Average_loss"]


def test_a_guard_a_bracketed_step_after_a_set_glued_to_its_name_stays_the_step() -> None:
    # insightface's verification lines: the set, then the step, glued to the name
    assert named("[lfw][2000]XNorm: 22.839233\n") == [("lfw_XNorm", 22.839233, 2000, None)]
