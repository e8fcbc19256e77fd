"""Round ``tune68`` (session 76): forms of the corpus's leads and of the sets session 76
tuned on (``heldout848``, ``heldout850``, ``heldout852``). Each test of a rule fails on the
parser before the round (e21d66d4); each guard fails on the rule without its check
(mutation-checked)."""

from __future__ import annotations

from parsed import columns_named, named


def test_an_eval_loops_single_bracket_is_its_batch_not_the_epoch() -> None:
    """MMEngine's test loop prints ``Epoch(test) [13/13]``: the bracket counts the test
    loop's batches, and it was read as epoch 13 of the run (the val loop's ``[1][18/18]``
    already kept only its epoch; ``Iter(val) [1902/1902]`` no position at all)."""
    text = ("2023/06/08 11:10:30 - mmengine - INFO - Epoch(test) [12/13]    eta: 0:00:06  "
            "time: 4.5784  data_time: 0.0022  \n"
            "2023/06/08 11:10:31 - mmengine - INFO - Epoch(test) [13/13]  accuracy/top1: "
            "70.0000  accuracy/top5: 92.6829  data_time: 0.0022  time: 4.6142\n")
    assert named(text) == [
        ("test_time", 4.5784, None, None), ("test_data_time", 0.0022, None, None),
        ("accuracy/top1", 70.0, None, None), ("accuracy/top5", 92.6829, None, None),
        ("test_data_time", 0.0022, None, None), ("test_time", 4.6142, None, None)]
    assert columns_named(text) == named(text)
    # guards: the val loop's first bracket is the epoch; mmcv's "Iter(val) [500]" (no
    # total) is the run's step; a training loop's "Epoch(train) [3][10/50]" keeps both
    assert named("2023/02/05 15:05:27 - mmengine - INFO - Epoch(val) [1][18/18]  "
                 "accuracy/top1: 62.0629\n") == [("accuracy/top1", 62.0629, None, 1)]
    assert named("2021-01-01 10:00:00,000 - mmseg - INFO - Iter(val) [500]\taAcc: 0.9, "
                 "mIoU: 0.61\n") == [("aAcc", 0.9, 500, None), ("mIoU", 0.61, 500, None)]
    assert named("2023/06/08 00:39:09 - mmengine - INFO - Epoch(train) [3][10/50]  lr: "
                 "1.0000e-02  loss: 0.5\n") == [("lr", 0.01, 10, 3), ("loss", 0.5, 10, 3)]


def test_a_full_stop_after_a_fraction_ends_the_sentence() -> None:
    """A char-LSTM tutorial prints ``1501: Training loss 1.522281. Validation loss
    1.668997.``: the full stop after a value named without a colon was no pair's end, and
    every training loss was missed."""
    text = ("1501: Training loss 1.522281. Validation loss 1.668997.\n"
            "1502: Training loss 1.422281. Validation loss 1.568997.\n")
    assert named(text) == [
        ("training_loss", 1.522281, 1501, None), ("validation_loss", 1.668997, 1501, None),
        ("training_loss", 1.422281, 1502, None), ("validation_loss", 1.568997, 1502, None)]
    # guards: a whole number before a full stop is a model's or a device's number
    # (Unsloth's "GPU = ... RTX 3080. Max memory = 9.644 GB.", the card's capacity), and
    # PyTorch's out-of-memory message is no report
    assert named("GPU = NVIDIA GeForce RTX 3080. Max memory = 9.644 GB.\n") == []
    assert named("step 483 loss 0.5\n"
                 "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 11.34 "
                 "GiB. GPU 4 has a total capacty of 44.42 GiB of which 8.92 GiB is free. "
                 "Process 4131576 has 35.50 GiB memory in use. Of the allocated memory 33.99 "
                 "GiB is allocated by PyTorch, and 854.69 MiB is reserved by PyTorch but "
                 "unallocated. If reserved but unallocated memory is large try setting "
                 "max_split_size_mb to avoid fragmentation.  See documentation for Memory "
                 "Management and PYTORCH_CUDA_ALLOC_CONF\n") == [("loss", 0.5, 483, None)]


def test_a_count_before_a_brackets_named_fields_is_the_step() -> None:
    """Keras-GAN's ``800 [D loss: 0.0023, acc.: 100.00%] [G loss: 3.55]``: the count that
    opens the line is the iteration, and the values had no step."""
    text = ("800 [D loss supervised: 0.0023, acc.: 100.00%] [D loss unsupervised: 0.1624] "
            "[G loss: 3.555443]\n"
            "1600 [D loss supervised: 0.0003, acc.: 100.00%] [D loss unsupervised: 0.2607] "
            "[G loss: 3.122660]\n")
    assert [(n, s) for n, _, s, _ in named(text)] == [
        ("D_loss_supervised", 800), ("acc", 800), ("D_loss_unsupervised", 800),
        ("G_loss", 800), ("D_loss_supervised", 1600), ("acc", 1600),
        ("D_loss_unsupervised", 1600), ("G_loss", 1600)]
    assert columns_named(text) == named(text)
    # guard: a decimal before the bracket is a value, no count
    assert named("Epoch 2\n0.5 [D loss: 0.3]\n") == [("D_loss", 0.3, None, 2)]


def test_a_line_that_is_only_done_closes_the_run() -> None:
    """GEARS prints ``Done!`` after its last epoch, then its test results and a subgroup
    analysis: they carried epoch 1 (34 of a tuned-on set's 41 metrics). A line that is only
    "Done!" after a line of metrics closes the run, as "Optimization Finished!" does."""
    text = ("Epoch 1 Step 1601 Train Loss: 0.4739\n"
            "Epoch 1: Train Overall MSE: 0.0061 Validation Overall MSE: 0.0069. \n"
            "Done!\n"
            "Start Testing...\n"
            "test_combo_seen0_mse: 0.008835521\n"
            "test_combo_seen0_pearson: 0.97467689912096\n")
    assert named(text)[-2:] == [("test_combo_seen0_mse", 0.008835521, None, None),
                                ("test_combo_seen0_pearson", 0.97467689912096, None, None)]
    assert columns_named(text) == named(text)
    # guards: "Done" inside a sentence closes nothing, nor does a "Done." after a line
    # that set the step without printing metrics (a loop's banner)
    assert named("Epoch 3 loss: 0.5\nLoading done in 3 files\nval_acc: 0.8\n")[-1] == (
        "val_acc", 0.8, None, 3)
    assert named("Epoch 3\nLoading data...\nDone.\nloss: 0.5\n") == [("loss", 0.5, None, 3)]


def test_a_labels_index_before_a_name_of_words_is_in_the_name() -> None:
    """GEARS' ``Train Top 20 DE MSE: 0.1758 Validation Top 20 DE MSE: 0.2167.``: the index
    was kept in one-word names only (``head 3 acc``), and the three splits' values were one
    series, ``DE_MSE``."""
    text = ("Train Top 20 DE MSE: 0.1758 Validation Top 20 DE MSE: 0.2167. \n"
            "Best performing model: Test Top 20 DE MSE: 0.2540\n")
    assert [(n, v) for n, v, _, _ in named(text)] == [
        ("train_Top_20_DE_MSE", 0.1758), ("validation_Top_20_DE_MSE", 0.2167),
        ("test_Top_20_DE_MSE", 0.254)]
    # guard: a one-word name after the index reads as before
    assert named("head 3 acc: 0.9\n") == [("head_3_acc", 0.9, None, None)]


def test_only_the_lowest_ranks_copy_of_a_distributed_runs_lines_counts() -> None:
    """Each process of a distributed run prints its own copy of the run's lines, tagged by
    its rank (icefall's ``(1/2)``, PyTorch's ``[rank1]:``, a script's ``[Rank 1]``): the
    two ranks' losses made one zigzag series of twice the steps. The collectors count one
    observation a step, as frameworks that log from rank zero only record it."""
    text = ("[Rank 0] Step 20: loss=2.3761, time=0.159s\n"
            "[Rank 1] Step 20: loss=3.3065, time=0.159s\n"
            "[Rank 0] Step 25: loss=1.5229, time=0.158s\n"
            "[Rank 1] Step 25: loss=2.1060, time=0.158s\n")
    assert named(text) == [("loss", 2.3761, 20, None), ("time", 0.159, 20, None),
                           ("loss", 1.5229, 25, None), ("time", 0.158, 25, None)]
    assert columns_named(text) == named(text)
    icefall = ("2023-09-12 18:12:16,581 INFO [train.py:888] (0/2) Epoch 1, batch 0, "
               "loss[loss=3.591, simple_loss=7.182], tot_loss[loss=3.591], batch size: 55\n"
               "2023-09-12 18:12:16,581 INFO [train.py:888] (1/2) Epoch 1, batch 0, "
               "loss[loss=3.543, simple_loss=7.085], tot_loss[loss=3.543], batch size: 56\n")
    assert [(n, v) for n, v, _, _ in named(icefall)] == [
        ("loss", 3.591), ("simple_loss", 7.182), ("tot_loss", 3.591)]
    torchrun = ("[rank1]:step 1 loss 0.9\n[rank0]:step 1 loss 0.8\n[rank1]:step 2 loss 0.7\n"
                "[rank0]:step 2 loss 0.6\n")
    assert named(torchrun) == [("loss", 0.9, 1, None), ("loss", 0.8, 1, None),
                               ("loss", 0.6, 2, None)]
    # guards: a run whose lines all come from one rank (a job's one process printing) keeps
    # them all, whatever the rank; a value only a higher rank prints (Megatron's loss from
    # the last pipeline stage) is kept
    assert named("[rank3]:step 1 loss 0.9\n[rank3]:step 2 loss 0.7\n") == [
        ("loss", 0.9, 1, None), ("loss", 0.7, 2, None)]
    assert named("[rank0]:step 1 mem 5.1 GB\n[rank7]:step 1 lm loss 8.2\n"
                 "[rank0]:step 2 mem 5.2 GB\n[rank7]:step 2 lm loss 7.9\n") == [
        ("mem", 5.1, 1, None), ("lm_loss", 8.2, 1, None), ("mem", 5.2, 2, None),
        ("lm_loss", 7.9, 2, None)]


def test_a_tables_row_of_the_same_epoch_printed_twice_is_one_report() -> None:
    """fastai's table saved from a notebook shows each epoch's row twice: every value was
    counted twice. A row printed again under a table with an epoch (or step) column is the
    same report."""
    text = ("epoch     train_loss  valid_loss  f1_score  time    \n"
            "0         15.609295   1.821276    0.478261  00:33     \n"
            "0         15.609295   1.821276    0.478261  00:33     \n"
            "1         15.132992   2.226258    0.489362  00:35     \n"
            "1         15.132992   2.226258    0.489362  00:35     \n")
    assert [(n, v, e) for n, v, _, e in named(text)] == [
        ("train_loss", 15.609295, 0), ("valid_loss", 1.821276, 0), ("f1_score", 0.478261, 0),
        ("train_loss", 15.132992, 1), ("valid_loss", 2.226258, 1), ("f1_score", 0.489362, 1)]
    # guard: rows of no index are each a report, however alike (spaCy 2's textcat example,
    # whose bug printed the same row every iteration)
    spacy = "LOSS      P       R       F\n" + "184.500 0.505   1.000   0.671\n" * 3
    assert [n for n, *_ in named(spacy)] == ["LOSS", "P", "R", "F"] * 3
