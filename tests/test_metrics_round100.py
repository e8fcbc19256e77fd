"""Round ``tune100`` (session 100). Each test of a rule fails on 02e6d48b (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named


def test_a_tqdm_redraw_padded_with_a_space_is_no_other_format() -> None:
    # implicit's ALS bar: tqdm's update frame shows the old loss at the new count, then the
    # step's own value, a character shorter and padded with a space after "]" (before: read
    # as another format's print of 0.0461 rounded, and step 14 lost)
    text = (" 87%|████████▋ | 13/15 [00:00<00:00, 23.18it/s, loss=0.0461]\r"
            " 93%|█████████▎| 14/15 [00:00<00:00, 23.64it/s, loss=0.0461]\r"
            " 93%|█████████▎| 14/15 [00:00<00:00, 23.64it/s, loss=0.046] \r"
            "100%|██████████| 15/15 [00:00<00:00, 23.64it/s, loss=0.045]\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("loss", 0.0461, 13), ("loss", 0.046, 14), ("loss", 0.045, 15)]


def test_jittors_record_prefix_is_no_step() -> None:
    # Jittor's glog-like "[i MMDD time thread file:line] ": its date is no step and the
    # machine's memory at start-up no metric (before: Total_mem 23.54 at step 1207)
    text = ("\x1b[38;5;2m[i 1207 00:18:56.893319 56 __init__.py:227] Total mem: 23.54GB, "
            "using 7 procs for compiling.\x1b[m\n"
            "[i 1207 00:19:20.019319 80 train.py:40] Iteration 100, loss = 0.5\n"
            "[w 1207 00:19:21.019319 80 train.py:40] Iteration 200, loss = 0.4\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [("loss", 0.5, 100), ("loss", 0.4, 200)]
