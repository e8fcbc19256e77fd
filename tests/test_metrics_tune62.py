"""Round ``tune62`` (session 70): forms of the corpus from before the session (the session's
new sets were only measured). Each test of a rule fails on the parser before the round
(35dca95f); each guard fails on the rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import columns_named, named


def test_a_result_before_the_next_run_begins_belongs_to_no_step() -> None:
    """A Keras notebook trains one model for five epochs, prints its test accuracy, then
    trains the next from ``Epoch 1/5``: the result came after the first run's last epoch,
    not at it (it was given epoch 5 because the next run's epoch 1 released it)."""
    run = "Epoch 1/2\nloss: 0.9 - accuracy: 0.5\nEpoch 2/2\nloss: 0.8 - accuracy: 0.6\n"
    text = run + "tfidf test accuracy: 0.83\n" + run
    want = ("tfidf_test_accuracy", 0.83, None, None)
    assert want in named(text)
    assert want in columns_named(text)
    # the column path: the next run's lines come as a block of one shape
    block = "epoch 1 loss 0.9 acc 0.5\nepoch 2 loss 0.8 acc 0.6\nepoch 3 loss 0.7 acc 0.7\n"
    text = block + "test accuracy: 0.83\n" + block
    assert ("test_accuracy", 0.83, None, None) in columns_named(text)
    assert ("test_accuracy", 0.83, None, None) in named(text)
    # guard: a result the run goes on from (a later epoch) is that epoch's
    later = run + "tfidf test accuracy: 0.83\nEpoch 3/3\nloss: 0.7 - accuracy: 0.7\n"
    assert ("tfidf_test_accuracy", 0.83, None, 2) in named(later)


def test_the_largest_of_a_measure_over_a_group_is_a_metric() -> None:
    """tensortools fits ten models per rank and prints "min error = 0.32, max error = 0.33,
    mean error = 0.32": the largest error is measured as the others are (every ``max_``
    name was a limit, so it was dropped)."""
    text = ("Optimizing rank-1 models.\n"
            "   10/10 converged, min error = 0.3193, max error = 0.3197, mean error = 0.3194\n"
            "Optimizing rank-2 models.\n"
            "   10/10 converged, min error = 0.2556, max error = 0.2559, mean error = 0.2557\n")
    assert [(n, v) for n, v, _, _ in named(text) if n.startswith("max")] == [
        ("max_error", 0.3197), ("max_error", 0.2559)]
    assert ("max_inference_time_ms", 41.2, 2, None) in named(
        "step 1: max_inference_time_ms 40.1\nstep 2: max_inference_time_ms 41.2\n")
    # guard: a limit (max_len, max_grad_norm, max_steps) and a best so far (ConvNeXt's "Max
    # accuracy: 82.1%") stay out
    limits = ("step 1: loss 0.5 max_len 128 max_grad_norm 1.0 max_steps 500\n"
              "step 2: loss 0.4 max_len 128 max_grad_norm 1.0 max_steps 500\n"
              "Accuracy of the model: 80.2%\nMax accuracy: 82.10%\n")
    assert not [n for n, _, _, _ in named(limits) if n.lower().startswith("max")]


def test_rlberry_counts_its_steps_as_max_global_step() -> None:
    """rlberry's ExperimentManager prints each worker's progress as ``max_global_step = N |
    key = value | ...``: that key is the step (the values had no step)."""
    text = "".join(
        f"[INFO] 09:36: [PPO_CartPole-v1[worker: 0]] | max_global_step = {s} | "
        f"time/iterations = {s // 96} | rollout/ep_rew_mean = {r} | train/loss = {loss} |\n"
        for s, r, loss in ((1920, 44.1, 8.5), (4704, 79.2, 6.25)))
    assert named(text) == [
        ("rollout/ep_rew_mean", 44.1, 1920, None), ("train/loss", 8.5, 1920, None),
        ("rollout/ep_rew_mean", 79.2, 4704, None), ("train/loss", 6.25, 4704, None)]


def test_a_statsmodels_summary_gives_its_fit_criteria_not_its_counts() -> None:
    """statsmodels' OLS summary: AIC and BIC are the fit's criteria, read as R-squared is
    (they were dropped with the header block as settings); the number of observations and
    the degrees of freedom beside them are counts."""
    text = ("                            OLS Regression Results\n" + "=" * 78 + "\n"
            "Dep. Variable:                      y   R-squared:                       0.513\n"
            "Model:                            OLS   Adj. R-squared:                  0.504\n"
            "No. Observations:                 442   AIC:                             4794.\n"
            "Df Residuals:                     433   BIC:                             4831.\n"
            "Df Model:                           8\n")
    assert named(text) == [("R-squared", 0.513, None, None), ("Adj_R-squared", 0.504, None, None),
                           ("AIC", 4794.0, None, None), ("BIC", 4831.0, None, None)]


def test_a_name_in_an_epoch_before_its_value() -> None:
    """SLAYER's "loss in epoch 9500 : 38587.348": the name, "in" the epoch, then the value
    (the form with "at", "for", "after" was read; "in" was not, and nothing was)."""
    text = "loss in epoch 9000 : 38590.125\nloss in epoch 9500 : 38587.348\n"
    assert named(text) == [("loss", 38590.125, None, 9000), ("loss", 38587.348, None, 9500)]
    # guard: "in" itself is never the name ("Loss in in epoch 1: 0.64", a typo'd print)
    assert "in" not in {n for n, _, _, _ in named("Loss in in epoch 1:  0.6421.\n"
                                                   "Loss in in epoch 2:  0.5421.\n")}


def test_a_json_list_of_one_number_as_a_string_is_the_number() -> None:
    """EarnMore writes each episode's results as JSON lines whose values are one-element
    lists of strings ('"train_obj_actors": ["14.134051"]'): the number (nothing was read;
    '[14.134051]' and '"14.134051"' were)."""
    text = ('{"episode": [1], "train_obj_actors": ["14.134051"], "val_SR_env0": ["1.101123"]}\n'
            '{"episode": [2], "train_obj_actors": ["14.909338"], "val_SR_env0": ["0.979253"]}\n')
    assert named(text) == [
        ("train_obj_actors", 14.134051, 1, None), ("val_SR_env0", 1.101123, 1, None),
        ("train_obj_actors", 14.909338, 2, None), ("val_SR_env0", 0.979253, 2, None)]
    assert named(text) == columns_named(text)
    # guard: the first of a list's strings is no value of its own
    assert named('step 1: acc=["0.5", "x"]\nstep 2: acc=["0.4", "x"]\n') == []
