"""Round ``tune57`` (session 65): forms of held-out sets once each was scored (MATLAB, Julia
and R output first). Each test of a rule fails on the parser before the round (90e5632f);
each guard fails on the rule without its check (mutation-checked), but the one of a phase
word before a counter, behaviour the round's rules leave alone."""

from __future__ import annotations

from parsed import named


def test_matlab_trainnet_table_ruled_with_underscores() -> None:
    """``trainnet``'s verbose table rules its header with ``_____`` cells: the rule is no
    header of its own; the rows are read under the names above it, the clock column aside."""
    text = ("    Iteration    Epoch    TimeElapsed    LearnRate    TrainingLoss\n"
            "    _________    _____    ___________    _________    ____________\n"
            "            1        1       00:00:00         0.05         0.22547\n"
            "           50       50       00:00:05        0.045         0.14967\n")
    assert named(text) == [("LearnRate", 0.05, 1, 1), ("TrainingLoss", 0.22547, 1, 1),
                           ("LearnRate", 0.045, 50, 50), ("TrainingLoss", 0.14967, 50, 50)]


def test_julia_info_record_loss_is() -> None:
    """Julia's logging prefix (``[ Info: ``, ``┌ Info: ``) opens the message: MLJFlux's
    ``Loss is 2.291`` is the loss; a source-location line under a box is nothing."""
    text = ("[ Info: Training machine(ImageClassifier(builder = MyConvBuilder(3, 16), …), …).\n"
            "[ Info: Loss is 2.291\n"
            "\u250c Info: Loss is 1.08\n"
            "\u2514 @ MLJFlux /home/u/.julia/packages/MLJFlux/5ENQA/src/core.jl:128\n")
    assert named(text) == [("Loss", 2.291, None, None), ("Loss", 1.08, None, None)]


def test_info_prefix_after_a_timestamp_is_no_julia_record() -> None:
    """Guard: the ``Info:`` start only at the line's start; a timestamped logger's ``INFO:
    Maximum memory allocated so far is 9665MB`` and a traceback's ``ValueError: Loss is
    NaN`` stay prose."""
    text = ("2025-02-08 04:10:47,147 (train:732) INFO: Maximum memory allocated so far is 9665MB\n"
            "ValueError: Loss is NaN, check your inputs\n"
            "[08/02 02:48:58] ppdet.engine INFO: Best test bbox ap is 0.026.\n")
    assert named(text) == []


def test_r_optim_trace_is_one_value_series() -> None:
    """nnet's and multinom's trace (R's ``optim``): ``initial value``, ``iter N value``,
    ``final value``: one series ``value``, at its iteration where it has one."""
    text = ("# weights:  35\n"
            "initial  value 186.313126 \n"
            "iter  10 value 70.681198\n"
            "iter  20 value 9.366623\n"
            "final  value 4.921957 \n"
            "converged\n")
    assert named(text) == [("value", 186.313126, None, None), ("value", 70.681198, 10, None),
                           ("value", 9.366623, 20, None), ("value", 4.921957, 20, None)]


def test_value_alone_is_still_no_metric_name() -> None:
    """Guard: outside the trace's own lines (a remark after the value, another word
    before it, a unit after it) ``value`` names nothing."""
    text = ("step 1 loss 0.5\n"
            "iter  10 value 39.27 (restarted)\n"
            "starting  value 5.5 \n"
            "initial  value 5.5 units\n")
    assert [n for n, *_ in named(text)] == ["loss"]


def test_decimal_minutes_and_hours_are_durations() -> None:
    """``Taken time: 8.67 mins`` and ``Time 14.1 hours`` after a run's epochs are its
    durations, as ``8.67 min`` and ``8.67 s`` already were."""
    text = ("Epoch: 29   Loss: 0.01   Test accuracy: 98.59%\n"
            "Taken time:     8.67 mins\n"
            "Time 14.12774204615861 hours\n")
    assert named(text)[-2:] == [("Taken_time", 8.67, None, 29),
                                ("Time", 14.12774204615861, None, 29)]


def test_clock_durations_and_estimates_in_hours_stay_out() -> None:
    """Guard: a whole number of hours is a clock's part or a setting (``Delta t: 6 hours``,
    ``3 hours, 11 minutes and 16.97 seconds``); an estimate of the time left after a
    glued unit (litgpt's ``271.69ms remaining time: 184.18 hours``) is no duration."""
    text = ("2024-02-17 17:49:21,214 - root - INFO - Delta t: 6 hours\n"
            "[INFO 05:51:27] my_main Estimated time left: 40 minutes, 37 seconds. Time passed: "
            "12 hours, 40 minutes, 34 seconds\n"
            "7epoch results: [train] loss=15.307, time=3 hours, 11 minutes and 16.97 seconds\n"
            "iter 1 step 0: loss 11.0134, iter time: 271.69ms remaining time: 184.18 hours.\n")
    assert [n for n, *_ in named(text)] == ["train_loss", "loss", "iter_time"]


def test_name_never_spans_an_ellipsis() -> None:
    """gotch's ``Start eval...Epoch: 0    Loss: 0.05``: the epoch's key starts after the
    ellipsis; no ``eval...Epoch`` metric."""
    text = ("Start eval...Epoch: 0    Loss: 0.05      Test accuracy: 98.05%\n"
            "Start eval...Epoch: 1    Loss: 0.03      Test accuracy: 98.36%\n")
    assert named(text) == [("Loss", 0.05, None, 0), ("test_accuracy", 98.05, None, 0),
                           ("Loss", 0.03, None, 1), ("test_accuracy", 98.36, None, 1)]


def test_index_word_with_a_dot_names_the_epoch() -> None:
    """A markdown log's ``## Epoch no. = 2`` heading is the epoch of the bullets under it."""
    text = ("## Epoch no. = 1\n- Accuracy: 0.3449\n- Train Loss: 1.1011\n\n"
            "## Epoch no. = 2\n- Accuracy: 0.3501\n- Train Loss: 1.0988\n")
    assert named(text) == [("Accuracy", 0.3449, None, 1), ("train_loss", 1.1011, None, 1),
                           ("Accuracy", 0.3501, None, 2), ("train_loss", 1.0988, None, 2)]


def test_best_line_naming_its_epoch_keeps_the_runs_epoch() -> None:
    """``Best Test acc: 0.769261(Epoch 130)`` after epoch 150's report is a running best:
    what follows it stays at epoch 150."""
    text = ("Epoch 150/150: train loss: 0.0514\n"
            "Best Test acc: 0.769261(Epoch 130)\n"
            "learning rate: 0.000082\n")
    assert named(text) == [("train_loss", 0.0514, None, 150), ("learning_rate", 8.2e-05, None, 150)]


def test_current_value_beside_a_best_at_epoch_is_kept() -> None:
    """Guard: MONAI's ``current epoch: 13 current mean dice: 0.7842 best mean dice: 0.9092
    at epoch: 12`` reports the current dice: the line is read, not dropped as a best."""
    text = ("current epoch: 13 current mean dice: 0.7842 best mean dice: 0.9092 at epoch: 12\n")
    assert ("current_mean_dice", 0.7842) in [(n, v) for n, v, _, _ in named(text)]


def test_sklearn_cv_lines_score_and_total_time_not_parameters() -> None:
    """``GridSearchCV(verbose=3)``: each ``END`` line's score (with the train score beside
    it: ``test_score``, ``train_score``; a named scorer's name) and its total time in
    seconds; the candidate's parameters and the ``START`` lines are no metrics."""
    text = ("Fitting 5 folds for each of 2 candidates, totalling 10 fits\n"
            "[CV] START C=1, kernel='rbf'....................................................\n"
            "[CV 1/5] END ................C=1, gamma=0.1;, score=0.812 total time=   0.0s\n"
            "[CV 1/5] END C=10, gamma=0.01;, score=(train=0.950, test=0.833) total time=   0.1s\n"
            "[CV 3/3] END ..; accuracy: (train=0.99, test=0.97) f1: (test=0.96) total time="
            "   1.2min\n")
    assert named(text) == [
        ("score", 0.812, None, None), ("total_time", 0.0, None, None),
        ("train_score", 0.95, None, None), ("test_score", 0.833, None, None),
        ("total_time", 0.1, None, None),
        ("train_accuracy", 0.99, None, None), ("test_accuracy", 0.97, None, None),
        ("f1", 0.96, None, None), ("total_time", 72.0, None, None)]


def test_sklearn_cv_minutes_in_a_long_run_of_lines() -> None:
    """A long run of one line shape (the columnar fast path) converts minutes too."""
    text = "".join(f"[CV {i % 5 + 1}/5] END ....C=1;, score=0.8{i % 10} total time=   "
                   f"1.{i % 10}min\n" for i in range(200))
    times = [v for n, v, _, _ in named(text) if n == "total_time"]
    assert len(times) == 200 and times[:3] == [60.0, 66.0, 72.0] and times[-1] == 114.0



def test_counter_in_an_aligned_column_after_a_stage_word() -> None:
    """texar's SeqGAN ``G pretrain epoch   0, step   1: train_ppl: 1781.85``: the epoch
    in an aligned column after the stage's words is the epoch, not a metric named
    ``G_pretrain_epoch``."""
    text = ("G pretrain epoch   0, step   1: train_ppl: 1781.854030\n"
            "G pretrain epoch   1, step 201: train_ppl: 10.483647\n")
    assert named(text) == [("train_ppl", 1781.85403, 1, 0), ("train_ppl", 10.483647, 201, 1)]


def test_aligned_phrase_of_a_metric_is_still_whole() -> None:
    """Guard: an aligned phrase naming a value that is no counter stays whole (Weka's
    ``Kappa statistic          0.0651``)."""
    text = ("Correctly Classified Instances         699               95.8847 %\n"
            "Kappa statistic                          0.0651\n")
    assert ("Kappa_statistic", 0.0651) in [(n, v) for n, v, _, _ in named(text)]
