"""Round ``tune23`` (session 31). Each test of a new form fails on the parser before the
round (fb5f343); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import obs as _obs


def _named(text: str) -> list[tuple[str, float, int | float | None, int | float | None]]:
    return [(o.name, o.value, o.step, o.epoch) for o in _obs(text)]


def test_the_pytorch_tutorials_epoch_and_batch_pair() -> None:
    # the CIFAR-10 tutorial's "[epoch, batch] loss: X", alone or after a record's prefix
    assert _named("[1,  2000] loss: 2.212\n[2,  4000] loss: 1.312\n") == [
        ("loss", 2.212, 2000, 1), ("loss", 1.312, 4000, 2)]
    assert _named("[2023-08-27 21:22:27] PRINT [15,  2000] loss: 1.535\n") == [
        ("loss", 1.535, 2000, 15)]
    # a list of three, or a pair with no name after it, is no step
    assert _named("[1, 2, 3] loss: 3.1\n") == [("loss", 3.1, None, None)]
    assert _obs("[1, 2] 0.5\n") == []


def test_a_phrase_that_counts_what_it_measured_on() -> None:
    # "Accuracy of the network on the 10000 test images: 54 %": the count is no name's
    assert _named("Accuracy of the network on the 10000 test images: 54 %\n") == [
        ("Accuracy", 54.0, None, None)]
    assert _named("Test Accuracy of the model on the 10000 test images: 97.5 %\n") == [
        ("Test_Accuracy", 97.5, None, None)]
    assert _named("[2023-08-27 21:38:36] PRINT Accuracy of the network on the 10000 test "
                  "images: 49 %\n") == [("Accuracy", 49.0, None, None)]
    # after the tutorial's loop, "Finished Training": the test belongs to no step
    assert _named("[2,  2000] loss: 1.3\nFinished Training\nAccuracy of the network on the "
                  "10000 test images: 54 %\n")[-1] == ("Accuracy", 54.0, None, None)
    # what is not a measure stays out
    assert _obs("Number of the images in 100 test folders: 45\n") == []
