"""Round ``tune86`` (session 86): rules written from the tuning half of the corpus. Each test of
a rule fails on bd2896d2 (this session's start); the guards pin what must not change."""

from __future__ import annotations

from parsed import columns_named, named


def test_a_line_that_opens_with_its_step_is_no_printed_configuration() -> None:
    # pix2struct's overfitting check prints the model's output after the loss; its
    # "<img_alt=Towards a New Vision: A ..." made two text assignments of the line
    text = ("step: 0 train_loss: 7.458827972412109 prediction: ['<pad> <img_alt=Towards a "
            "New Vision: A Vision for a New World Order']\n"
            "step: 50 train_loss: 0.12852047383785248 prediction: ['<pad> The model']\n")
    assert named(text) == [("train_loss", 7.458827972412109, 0, None),
                           ("train_loss", 0.12852047383785248, 50, None)]
    assert columns_named(text) == named(text)


def test_printed_configuration_stays_configuration() -> None:
    # (guard) text assignments with no step first, or a step's count among settings
    assert named("task=detect, model=yolov8n.pt, epochs=2, lr0=0.01\n") == []
    assert named("stepsize: 10 optimizer=adam scheduler=cosine\n") == []
