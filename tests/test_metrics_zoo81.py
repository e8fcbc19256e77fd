"""Round ``zoo81`` (session 81): what the zoo's cases showed the parser got wrong at first
sight (b7f3a67d, this session's start). Each test of a rule fails on that commit; the guards
pin what must not change."""

from __future__ import annotations

from parsed import named


def test_a_bar_value_with_a_trailing_zero_is_the_checkpoint_lines_value_rounded() -> None:
    """Lightning's bar shows ``val_loss=0.680`` (three decimals, the last a zero) and its
    ModelCheckpoint line then ``'val_loss' reached 0.68007`` for the same epoch: one
    observation. The bar's value is the float 0.68, whose two decimals were too few to call
    it a rounding, so the epoch had two val_loss (the zoo's lightning_tqdm: 5 for 4)."""
    bar = "Epoch 1: 100%|##########| 8/8 [00:00<00:00, 222.41it/s, v_num=0, val_loss={v}]\n"
    ckpt = ("Epoch 1, global step 16: 'val_loss' reached {v} (best {v}), saving model to "
            "'epoch=1-step=16.ckpt' as top 1\n")
    got = [o for o in named(bar.format(v="0.680") + ckpt.format(v="0.68007"))
           if o[0] == "val_loss"]
    assert [(value, epoch) for _, value, _, epoch in got] == [(0.68, 1)]
    # guards: printed with two decimals it is no rounding to trust (0.68 of 0.68407 may be a
    # new value); a value the bar does not show with that zero is a new one
    got = [o for o in named(bar.format(v="0.68") + ckpt.format(v="0.68407")) if o[0] == "val_loss"]
    assert len(got) == 2
    got = [o for o in named(bar.format(v="0.680") + ckpt.format(v="0.68207"))
           if o[0] == "val_loss"]
    assert len(got) == 2
    # a number ending in that text is another number (10.680 is not 0.680)
    got = [o for o in named(bar.format(v="0.68").replace("v_num=0", "x=10.680")
                            + ckpt.format(v="0.68007")) if o[0] == "val_loss"]
    assert len(got) == 2
    # more zeros are the same digits (0.6800)
    got = [o for o in named(bar.format(v="0.6800") + ckpt.format(v="0.68007"))
           if o[0] == "val_loss"]
    assert len(got) == 1
