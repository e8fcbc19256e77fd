"""Round ``tune20`` (session 28). Each test fails on the parser before the round
(13a895e)."""

from __future__ import annotations

from parsed import obs as _obs


def test_an_epoch_written_with_a_hyphen_is_the_epoch() -> None:
    # AST's "Epoch-1 lr: 0.00025": the lr of epoch 1, not a metric named "Epoch-1_lr"
    text = "Epoch-1 lr: 0.00025\nEpoch-2 lr: 0.000125\nepoch-3 loss: 0.5\n"
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("lr", 0.00025, 1), ("lr", 0.000125, 2), ("loss", 0.5, 3)]
    # a checkpoint's file name stays no report
    assert _obs("saved model-epoch-3-val_loss=0.5.ckpt\n") == []


def test_a_duration_named_by_what_took_it() -> None:
    # Lasagne's "Epoch 6 of 500 took 494.4s", MLX's "Val took 5.265s", OctNet's "loading
    # data took 0.0057[s]": durations inside the run's steps or epochs
    text = ("Epoch 1 of 500 took 494.369s\n  training loss:\t\t2.31\n"
            "Epoch 2 of 500 took 493.647s\n  training loss:\t\t2.30\n"
            "Iter 3: Val loss 2.936, Val took 5.265s\n"
            "[INFO] loading data took 0.005721[s] - n_batches 32\n"
            "Dev step took 427.17 seconds\n")
    got = [(o.name, o.value) for o in _obs(text) if o.name.lower().endswith("took")]
    assert got == [("took", 494.369), ("took", 493.647), ("val_took", 5.265),
                   ("loading_data_took", 0.005721), ("Dev_step_took", 427.17)]
    # not a count's "after 3 epochs took", a library's sentence, a remark, a bare number
    text = ("Epoch 1 step 10 loss 0.5\nConvergence after 3 epochs took 0.01 seconds\n"
            "Generation of step-events took 0 ms\nstep 9: train loss 4.56 (took 1336.7 ms)\n"
            "Took 3.2521350383758545\n")
    assert not [o for o in _obs(text) if "took" in o.name.lower()]
