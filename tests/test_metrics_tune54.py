"""Round ``tune54`` (session 62): forms of held-out sets VM-WH once each was scored. Each
test of a rule fails on the parser before the round (44faa822); each guard fails on the
rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named, names


def test_value_stays_a_word_of_the_name() -> None:
    """Megatron's "lm loss value: 6.75" is ``lm_loss_value``, as six held-out sets name it
    (the word after the name is printed, not a filler to drop)."""
    line = ("validation loss at iteration 1000 | lm loss value: 6.758039E+00 | "
            "lm loss PPL: 8.609518E+02 | \n")
    assert named(line) == [("validation_lm_loss_value", 6.758039, 1000, None),
                           ("validation_lm_loss_PPL", 860.9518, 1000, None)]


def test_a_copula_still_points_at_the_name_before_it() -> None:
    """Guard: "loss is 2.5" is still the loss (only "value" stays a word)."""
    assert named("train loss is: 2.5\n") == [("train_loss", 2.5, None, None)]


def test_a_phase_word_after_an_opening_bracket_prefixes_the_name() -> None:
    """C^3-Framework's "[mae 54.00 mse 74.24], [val loss 0.0117]": the bracket opens a
    field whose words name the value, phase included."""
    line = "    [mae 54.00 mse 74.24], [val loss 0.0117]\n"
    assert named(line) == [("mae", 54.0, None, None), ("mse", 74.24, None, None),
                           ("val_loss", 0.0117, None, None)]
    assert named("[val loss 0.0117]\n") == [("val_loss", 0.0117, None, None)]


def test_an_uppercase_train_tag_labels_its_values() -> None:
    """mlprof's "[TRAIN]  loss=0.0003  acc=1%" (beside "[TEST] Accuracy: 71%"): the tag
    is the phase's, as a lowercase "[train]" is."""
    assert named("[TRAIN]  loss=0.0003  acc=1%\n") == [
        ("train_loss", 0.0003, None, None), ("train_acc", 1.0, None, None)]


def test_an_uppercase_train_tag_over_a_counter_is_the_mode() -> None:
    """Guard: "[TRAIN] epoch: 1, loss: 0.5" names the loop's mode, not its values."""
    assert named("[TRAIN] epoch: 1, loss: 0.5\n") == [("loss", 0.5, None, 1)]


def test_a_global_round_is_a_step() -> None:
    """FLSim's "(epoch = 1, round = 1, global round = 1), Loss/Training: 2.31": the
    global round counts the federated rounds, as a global step counts steps."""
    text = "".join(f"(epoch = 1, round = {r}, global round = {r}), Loss/Training: 2.{r}\n"
                   for r in (1, 2))
    assert named(text) == [("Loss/Training", 2.1, 1, 1), ("Loss/Training", 2.2, 2, 1)]
