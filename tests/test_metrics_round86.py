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


# nnU-Net v2 (numpy 2's reprs): a model of one foreground class
_NNUNET = """2026-12-05 05:20:43.102: Epoch 0
2026-12-05 05:20:48.339: train_loss 0.2505
2026-12-05 05:20:48.339: val_loss -0.2144
2026-12-05 05:20:48.339333: Pseudo dice [np.float32(0.8465)]
2026-12-05 05:20:48.339502: Yayy! New best EMA pseudo Dice: 0.8464999794960022
2026-12-05 05:20:49.102: Epoch 1
2026-12-05 05:20:53.002: train_loss -0.3537
2026-12-05 05:20:53.002: val_loss -0.6648
2026-12-05 05:20:53.002561: Pseudo dice [0.9287]
"""


def test_a_one_class_pseudo_dice_is_the_epochs_pseudo_dice() -> None:
    found = [o for o in named(_NNUNET) if o[0] == "Pseudo_dice"]
    assert found == [("Pseudo_dice", 0.8465, None, 0), ("Pseudo_dice", 0.9287, None, 1)]
    assert columns_named(_NNUNET) == named(_NNUNET)
    # a copy with the record's times cut off reads alike
    bare = "".join(line.partition(": ")[2] + "\n" for line in _NNUNET.splitlines())
    assert [o for o in named(bare) if o[0] == "Pseudo_dice"] == found


def test_several_classes_pseudo_dice_are_per_class_values() -> None:
    # (guard) the per-class list of a multi-class model stays out
    text = ("2024-07-04 12:07:30.776057: Pseudo dice [0.9537, 0.9039, 0.9019]\n"
            "2024-07-04 12:07:31.776057: Pseudo dice [np.float32(0.95), np.float32(0.9)]\n")
    assert named(text) == []
