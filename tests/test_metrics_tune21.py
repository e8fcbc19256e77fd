"""Round ``tune21`` (session 29). Each test fails on the parser before the round
(8a9ebaf)."""

from __future__ import annotations

from parsed import obs as _obs


def test_two_words_between_values_may_start_with_a_capital() -> None:
    # GluonTS' "Epoch[99] Elapsed time 40.239 seconds": the whole phrase after the epoch's
    # bracket names the value, as "Epoch 3 elapsed time 40.2 seconds" did
    text = ("INFO:root:Epoch[98] Elapsed time 40.180 seconds\n"
            "INFO:root:Epoch[99] Elapsed time 40.239 seconds\n"
            "Epoch 3 Total loss 0.5\n")
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("Elapsed_time", 40.18, 98), ("Elapsed_time", 40.239, 99), ("Total_loss", 0.5, 3)]
    # two capitalised words stay a label's ("Epoch 3 Model Saved loss 0.5" names no "Model")
    assert "Model_Saved_loss" not in {o.name for o in _obs("Epoch 3 Model Saved loss 0.5\n")}


def test_a_key_in_brackets_before_its_separator() -> None:
    # "[epoch]: 199, [batch]: 24000, [loss]: 4.85" (a Python logging format)
    text = ("2019-08-07 02:59:38,017 - __main__ - INFO - [epoch]: 199, [batch]: 23000, "
            "[loss]: 4.9\n"
            "2019-08-07 02:59:38,017 - __main__ - INFO - [epoch]: 199, [batch]: 24000, "
            "[loss]: 4.850643634796143\n")
    assert [(o.name, o.value, o.step, o.epoch) for o in _obs(text)] == [
        ("loss", 4.9, 23000, 199), ("loss", 4.850643634796143, 24000, 199)]
    # a closing bracket without its opening one is no key
    assert _obs("Epoch[1/3]: 5, loss]: 0.5\n") == []


def test_a_decoration_after_the_last_value() -> None:
    # "==>End of epoch 0, loss 3486.50 ==>": the arrow decorates the line
    text = "==>End of epoch 0, loss 3486.5028408169746 ==>\n==>End of epoch 1, loss 3000.5 ==>\n"
    assert [(o.name, o.value, o.epoch) for o in _obs(text)] == [
        ("loss", 3486.5028408169746, 0), ("loss", 3000.5, 1)]


def test_a_devices_memory_in_a_pipe_line() -> None:
    # DGL's examples: "... | Speed (samples/sec) 510.59 | GPU 0.0 MB": the GPU's memory
    text = ("Epoch 00003 | Step 00120 | Loss 0.3374 | Time 0.9942 | GPU 4211.0 MB\n"
            "Epoch 00003 | Step 00140 | Loss 0.3300 | Time 0.9901 | GPU 4212.5 MB\n")
    got = [(o.name, o.value, o.step, o.epoch) for o in _obs(text) if o.name == "GPU"]
    assert got == [("GPU", 4211.0, 120, 3), ("GPU", 4212.5, 140, 3)]
    # a device's index stays no metric
    assert "GPU" not in {o.name for o in _obs("Epoch 3 | GPU 0 | Loss 0.3\n")}


def test_a_one_value_tuple_is_its_value() -> None:
    # BasicSR's MessageLogger (Real-ESRGAN, GFPGAN, SwinIR, ...): "lr:(2.000e-04,)"
    text = ("2022-09-26 16:29:11,822 INFO: [train..][epoch:  0, iter:  25,390, lr:(2.000e-04,)] "
            "[eta: 6 days, 20:45:25, time (data): 0.676 (0.005)] l_g_pix: 1.2e-02 l_p_8: 22.9456\n"
            "20-05-22 17:42:09.481 - INFO: [epoch:  0, iter:  25,400, lr:(1.000e-04,)] "
            "l_g_pix: 4.1864e-04\n")
    assert [(o.value, o.step, o.epoch) for o in _obs(text) if o.name == "lr"] == [
        (2e-4, 25390, 0), (1e-4, 25400, 0)]
    # a tensor's shape is no value: "incompatible shapes: (81,) in the checkpoint"
    assert _obs("Epoch 1: incompatible shapes: (81,) in the checkpoint but (2,) in the "
                "model\n") == []


def test_a_pipe_table_under_a_log_records_prefix() -> None:
    # WeSpeaker's tableprint rows through Python logging: "[ INFO : <time> ] - |  1|  100|"
    lines = ["+----------+----------+----------+----------+",
             "|     Epoch|     Batch|        Lr|      Loss|",
             "+----------+----------+----------+----------+",
             "|         1|       100|  0.044737|     8.835|",
             "|         1|       200|  0.088367|    8.8919|"]
    for prefix in ("[ INFO : 2023-01-28 11:13:46,474 ] - ", "2023-01-28 11:13:46,474 - INFO - "):
        text = "".join(f"{prefix}{line}\n" for line in lines)
        assert [(o.name, o.value, o.step, o.epoch) for o in _obs(text) if o.name == "Loss"] == [
            ("Loss", 8.835, 100, 1), ("Loss", 8.8919, 200, 1)], prefix


def test_a_hyphened_word_before_a_name_is_part_of_it() -> None:
    # HiFi-GAN's train.py: "Steps : 3700, Gen Loss Total : 25.829, Mel-Spec. Error : 0.376"
    text = ("Steps : 3600, Gen Loss Total : 26.1, Mel-Spec. Error : 0.401, s/b : 1.110\n"
            "Steps : 3700, Gen Loss Total : 25.829, Mel-Spec. Error : 0.376, s/b : 1.102\n")
    assert [(o.value, o.step) for o in _obs(text) if o.name == "Mel-Spec_Error"] == [
        (0.401, 3600), (0.376, 3700)]
    # a hyphened word before a key that measures nothing stays no part of its name
    names = {o.name for o in _obs("current self-play batch: 3000\nbatch 3000 loss: 0.5\n")}
    assert "current_self-play_batch" not in names


def test_a_lines_leading_label_and_index_name_the_metric() -> None:
    # neural-style's "  Content 1 loss: 796241.4": one series per layer, not "Content" = 1
    text = ("Iteration 150 / 400\n  Content 1 loss: 796241.406250\n  Style 1 loss: 3748559.18\n"
            "  Total loss: 12758985.888672\n"
            "Iteration 160 / 400\n  Content 1 loss: 780566.699219\n  Style 1 loss: 2415828.37\n"
            "  Total loss: 9631535.253906\n")
    got = {(o.name, o.value, o.step) for o in _obs(text)}
    assert ("Content_1_loss", 780566.699219, 160) in got
    assert ("Style_1_loss", 2415828.37, 160) in got
    assert not {o.name for o in _obs(text)} & {"Content", "Style", "loss"}
    # a step's or an epoch's key before its index stays the key
    assert [(o.name, o.epoch) for o in _obs("Epoch 3 loss: 0.5\n")] == [("loss", 3)]


def test_a_phases_spaced_value_is_no_setting() -> None:
    # PyKEEN's "INFO:root:Test AMRI      : -0.00855": a name it does not know, after "Test"
    text = "INFO:root:Test MRR       : 0.00233\nINFO:root:Test AMRI      : -0.00855\n"
    assert [(o.name, o.value) for o in _obs(text)] == [
        ("test_MRR", 0.00233), ("test_AMRI", -0.00855)]
    # printed configuration stays configuration
    assert _obs("Train batch_size : 32\nnum_layers : 4\n") == []


def test_a_step_written_with_a_hyphen_is_the_step() -> None:
    # music-source-separation's "step-146352, learning_rate=0.000100, d_loss=104.77, loss=4.27"
    text = ("step-146352, learning_rate=0.000100, d_loss=104.77, loss=4.275829315185547\n"
            "step-146353, learning_rate=0.000100, d_loss=-27.20, loss=3.1128158569335938\n")
    assert [(o.name, o.value, o.step) for o in _obs(text) if o.name == "d_loss"] == [
        ("d_loss", 104.77, 146352), ("d_loss", -27.2, 146353)]
    # a checkpoint's file name is no step
    got = _obs("Saving checkpoint to out/checkpoint-step-500, loss=0.5\n")
    assert [(o.name, o.step) for o in got] == [("loss", None)]


def test_a_metric_over_a_sample_count_is_a_metric() -> None:
    # StyleGAN2-ADA's metric line: "network-snapshot-005734        time 4m 26s       fid50k_full
    # 46.5633" (FID over 50k images)
    text = "network-snapshot-005734        time 4m 26s       fid50k_full 46.5633\n"
    assert [(o.name, o.value) for o in _obs(text)] == [("fid50k_full", 46.5633)]
    # a lone pair after a label's padding is still no metric unless its name reads as one
    assert _obs("network-snapshot-005734        kimg 5738.6\n") == []
