"""Round ``zoo80`` (session 80): what the new zoo cases (real runs of fastai, skorch,
MMEngine, pytorch-tabnet, Optuna, spaCy, timm's and YOLOv5's train.py, Ultralytics OBB,
YOLO26 and RT-DETR; bench/zoo) showed the parser got wrong at first sight (64edd60c). Each
test of a rule fails on that commit; the guards pin what must not change."""

from __future__ import annotations

from parsed import named

from exptrack.metrics import files
from exptrack.metrics.merge import merge_sources, name_key
from exptrack.metrics.observation import Observation


def test_timm_train_line_is_at_its_epoch_and_batch() -> None:
    """timm's train.py prints ``Train: 2 [   3/4 (100%)]  Loss: 0.453 (0.579) ...``: the
    epoch, then the batch of its total. The batch was the step and the epoch was lost, so
    every epoch's batches 0..3 fell on the same steps (the zoo's timm_train)."""
    log = ("Train: 2 [   3/4 (100%)]  Loss: 0.453 (0.579)  Time: 0.085s,   94.30/s  "
           "(0.091s,   87.46/s)  LR: 1.256e-03  Data: 0.000 (0.008)\n"
           "Train: 3 [   0/4 (  0%)]  Loss: 0.512 (0.512)  Time: 0.085s,   94.30/s  "
           "(0.091s,   87.46/s)  LR: 1.256e-03  Data: 0.000 (0.008)\n")
    got = [(name, value, step, epoch) for name, value, step, epoch in named(log)
           if name == "train_loss"]
    assert got == [("train_loss", 0.453, 3, 2), ("train_loss", 0.512, 0, 3)]
    # guard: a phase's number with no bracketed batch after it is no epoch of this form
    assert named("Train: 2 loss 0.5\n") != [("train_loss", 0.5, 3, 2)]
    assert [o[2:] for o in named("Train: 2 [3/4]  loss: 0.5\n")] == [(3, 2)]


def test_spacys_header_in_capitals_names_its_columns_in_small_letters() -> None:
    """spaCy's ConsoleLogger upper-cases its keys for the table's header (``E    #  LOSS
    TEXTCAT  CATS_SCORE  SCORE``); its own record (the JSONL logger, meta.json) keys them
    ``losses.textcat``, ``cats_score``, ``score``. The capitals are its typography."""
    log = ("E    #       LOSS TEXTCAT  CATS_SCORE  SCORE \n"
           "---  ------  ------------  ----------  ------\n"
           "  0       0          0.25       50.00    0.50\n"
           "  1      10          2.46       67.03    0.67\n")
    assert {name for name, *_ in named(log)} == {"loss_textcat", "cats_score", "score"}
    # guard: other headers in capitals keep them (flair's loss.tsv, detectron2's "AP  AP50":
    # their frameworks' own keys)
    flair = ("EPOCH  LEARNING_RATE  TRAIN_LOSS  DEV_LOSS  DEV_F-SCORE\n"
             "0      0.1000         0.0215      0.5       0.70\n"
             "1      0.1000         0.0119      0.4       0.79\n")
    assert "TRAIN_LOSS" in {name for name, *_ in named(flair)}


def test_yolov5_results_csv_names_its_map_as_the_header_prints_it() -> None:
    """YOLOv5's results.csv keeps ``metrics/mAP_0.5`` and ``metrics/mAP_0.5:0.95`` where its
    validation header prints ``mAP50 mAP50-95`` (since v7.0): one quantity under two names
    (the first) or a column not read at all (the second, for its colon)."""
    data = (b"               epoch,      train/box_loss,   metrics/precision,      "
            b"metrics/recall,     metrics/mAP_0.5,metrics/mAP_0.5:0.95,        val/box_loss\n"
            b"                   0,             0.11678,           0.0053571,             "
            b"    1,            0.016786,           0.0038713,            0.093415\n")
    assert files.kind_of("results.csv", data) == files.ULTRALYTICS
    assert {o.name: o.value for o in files.parse(files.ULTRALYTICS, data)} == {
        "box_loss": 0.11678, "P": 0.0053571, "R": 1.0, "mAP50": 0.016786,
        "mAP50-95": 0.0038713, "val_box_loss": 0.093415}


def test_older_yolov5_map_spellings_join_the_files_metric() -> None:
    """YOLOv5 before v7.0 printed ``mAP@.5 mAP@.5:.95``: the file's ``mAP50`` and the
    printed ``mAP@.5`` are one metric."""
    assert name_key("mAP@.5") == name_key("mAP50") == name_key("mAP_0.5")
    assert name_key("mAP@.5:.95") == name_key("mAP50-95") == name_key("mAP_0.5:0.95")
    assert name_key("mAP@.5") != name_key("mAP@.5:.95")
    assert name_key("mAP75") != name_key("mAP50")


def test_the_evaluations_phase_is_one_whatever_its_spelling_when_a_file_names_it() -> None:
    """timm prints its run's per-epoch record at the end (``--result``: ``validation.top1``)
    and keeps it in summary.csv (``eval_top1``): one evaluation, two spellings. The file's
    name names the merged metric; the printed copy is no metric of its own."""
    sourced = [Observation("eval_top1", 56.25, None, 0), Observation("eval_top1", 81.25,
                                                                     None, 1)]
    printed = [Observation("validation/top1", 56.25, None, 0),
               Observation("validation/top1", 81.25, None, 1),
               Observation("test_loss", 0.6, 3, 1)]
    kept, merged = merge_sources(printed, [("keras", sourced)])
    assert [o.name for o in kept] == ["test_loss"]  # a test phase is not the evaluation's
    assert [(o.name, o.value) for o in merged["eval_top1"]] == [("eval_top1", 56.25),
                                                                ("eval_top1", 81.25)]
    assert name_key("val_loss") == name_key("eval_loss") == name_key("Validation Loss")
    assert name_key("test_loss") != name_key("eval_loss")
    assert name_key("value_loss") != name_key("eval_loss")  # (a word, not the phase "val")


def test_mmengine_validation_record_is_at_the_epoch_it_ended() -> None:
    """An epoch-based MMEngine loop logs its validation to scalars.json at ``step`` = the
    epoch just trained (``log_metric_by_epoch``, the default): ``{"accuracy": 45.3,
    "step": 1}``. It was read as step 1 with no epoch, where the console's ``Epoch(val)
    [1][4/4]`` says epoch 1 (the zoo's mmengine_runner)."""
    data = (b'{"lr": 0.01, "loss": 0.74, "time": 0.1, "epoch": 1, "iter": 20, "step": 20}\n'
            b'{"accuracy": 45.3125, "data_time": 0.0004, "time": 0.0008, "step": 1}\n')
    got = {o.name: (o.step, o.epoch) for o in files.parse(files.MMENGINE, data)}
    assert got["accuracy"] == (20, 1) and got["val_time"] == (20, 1)
    assert got["loss"] == (20, 1)
    # guard: an iteration-based loop (no epoch on its training lines) logs validation at
    # its iteration: left there
    by_iter = (b'{"lr": 0.01, "loss": 0.74, "iter": 500, "step": 500}\n'
               b'{"coco/bbox_mAP": 0.43, "step": 500}\n')
    assert {o.name: (o.step, o.epoch) for o in files.parse(files.MMENGINE, by_iter)}[
        "coco/bbox_mAP"] == (500, None)


def test_timm_summary_csv_keeps_its_epochs_from_zero() -> None:
    """timm's summary.csv (``epoch,train_loss,eval_loss,eval_top1,...``) counts epochs from
    0, as its ``Train: 0 [...]`` lines do; read as a Keras CSVLogger file, every value was
    one epoch late (the zoo's timm_train)."""
    data = (b"epoch,train_loss,eval_loss,eval_top1,eval_top5,lr\n"
            b"0,0.904,0.689,56.25,100.0,1e-05\n1,0.779,0.673,56.25,100.0,0.000633\n")
    assert files.kind_of("summary.csv", data) == files.TIMM
    assert [(o.name, o.epoch) for o in files.parse(files.TIMM, data)][:2] == [
        ("train_loss", 0), ("eval_loss", 0)]
    # guard: a Keras CSVLogger file (no eval_ column) still counts from 1
    keras = b"epoch,accuracy,loss,val_loss\n0,0.5,0.7,0.69\n"
    assert files.kind_of("summary.csv", keras) == files.KERAS
    assert files.kind_of("history.csv", data) == files.KERAS


PADDLE = ("Epoch 1/4\n"
          "\rstep 10/16 [=====>....] - loss: 0.7460 - acc: 0.3656 - ETA: 0s - 8ms/step"
          "\x08\x08\x08\x08\rstep 16/16 [==========] - loss: 0.6878 - acc: 0.4355 - 5ms/step   \n"
          "Eval begin...\n"
          "\rstep 4/4 [==========] - loss: 0.5884 - acc: 0.7266 - 2ms/step\n"
          "Eval samples: 128\n"
          "Epoch 2/4\n"
          "\rstep 16/16 [==========] - loss: 0.5332 - acc: 0.8027 - 1ms/step   \n"
          "Eval begin...\n"
          "\rstep 4/4 [==========] - loss: 0.3568 - acc: 0.8906 - 1ms/step\n"
          "Eval samples: 128\n")


def test_paddle_hapi_bar_keeps_the_epochs_last_render_and_names_its_evaluation() -> None:
    """Paddle's ``Model.fit`` prints a Keras-like bar (``step 10/16 [===>...] - loss: ...``)
    redrawn in place, then ``Eval begin...`` and the evaluation's bar, keyed as the
    training's (``loss``, ``acc``). Every render was recorded and the evaluation joined
    the training's series, at no epoch (the zoo's paddle_hapi: 0% at first sight)."""
    assert named(PADDLE) == [
        ("loss", 0.6878, 16, 1), ("acc", 0.4355, 16, 1),
        ("eval_loss", 0.5884, 16, 1), ("eval_acc", 0.7266, 16, 1),
        ("loss", 0.5332, 16, 2), ("acc", 0.8027, 16, 2),
        ("eval_loss", 0.3568, 16, 2), ("eval_acc", 0.8906, 16, 2)]
    # guard: Keras' evaluate() after fit() (a bar of another length, no "step ") is no
    # epoch's evaluation: the test set's, at no epoch (session 108)
    keras = ("Epoch 1/1\n"
             "16/16 [==============================] - 0s 2ms/step - loss: 0.6878 - acc: 0.4355\n"
             "4/4 [==============================] - 0s 1ms/step - loss: 0.5884 - acc: 0.7266\n")
    assert named(keras)[2:] == [("test_loss", 0.5884, None, None), ("test_acc", 0.7266, None, None)]


RAY = ("\u2502 Trial name                 status        lr \u2502\n"
       "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n"
       "\u2502 train_fn_10226_00000   PENDING    0.003 \u2502\n"
       "\u2502 train_fn_10226_00001   PENDING    0.01  \u2502\n"
       "\u2570\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u256f\n"
       "\n"
       "\u2502 Trial name               status          lr     iter     total time (s)"
       "       loss     accuracy \u2502\n"
       "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n"
       "\u2502 train_fn_10226_00000   TERMINATED   0.003        5         0.00987196"
       "   0.663921         0.76 \u2502\n"
       "\u2502 train_fn_10226_00001   TERMINATED   0.01         5         0.00607324"
       "   0.610137         0.77 \u2502\n")


def test_ray_tunes_boxed_trial_table_is_a_table() -> None:
    """Ray Tune 2.x draws its trial status table in a box (``│ Trial name   status   lr
    │``): its rows were read as pairs, the status word naming the trial's sampled setting
    (``PENDING=0.003``, ``TERMINATED=0.01``: the zoo's ray_tune). A row per trial: its
    measured columns at its ``iter``; settings, status and running time none."""
    assert named(RAY) == [("loss", 0.663921, 5, None), ("accuracy", 0.76, 5, None),
                          ("loss", 0.610137, 5, None), ("accuracy", 0.77, 5, None)]
    # guard: a result box under it ("│ loss   0.66392 │") is not one of its rows
    boxed = RAY + ("\u2502 Trial train_fn_10226_00001 result    \u2502\n"
                   "\u2502 training_iteration              6 \u2502\n"
                   "\u2502 loss                      0.55555 \u2502\n")
    assert ("loss", 0.55555) in [(name, value) for name, value, *_ in named(boxed)]


def test_detectron2_metrics_json_is_a_framework_file() -> None:
    """Detectron2's JSONWriter keeps every logged scalar in ``OUTPUT_DIR/metrics.json``, a
    JSON line an iteration: the exact losses the console rounds, the evaluation's
    ``bbox/AP-red`` (the per-category table the console's parse leaves out) and the
    diagnostics it never prints (``fast_rcnn/cls_accuracy``). It was not read."""
    data = (b'{"bbox/AP": 0.3787, "bbox/AP-red": 0.7574, "data_time": 0.0056, '
            b'"fast_rcnn/cls_accuracy": 0.8496, "iteration": 19, "loss_cls": 0.5925106704, '
            b'"lr": 0.000118, "total_loss": 1.774032654}\n'
            b'{"iteration": 39, "loss_cls": 0.4748828113, "total_loss": 1.404215981}\n')
    assert files.kind_of("metrics.json", data) == files.DETECTRON2
    got = [(o.name, o.value, o.step) for o in files.parse(files.DETECTRON2, data)]
    assert ("total_loss", 1.774032654, 19) in got and ("bbox/AP-red", 0.7574, 19) in got
    assert ("loss_cls", 0.4748828113, 39) in got
    assert not any(name in ("iteration", "step") for name, *_ in got)
    # guard: another metrics.json (a dict of results, no iteration) is no framework file
    assert files.kind_of("metrics.json", b'{"accuracy": 0.9, "f1": 0.8}\n') is None


def test_paddle_hapi_plain_lines_after_eval_begin_are_the_evaluations() -> None:
    """``Model.fit``'s own default, ``verbose=2``, prints a plain line a log; its evaluation
    follows ``Eval begin...`` keyed as the training (``step 4/4 - loss: ... - acc: ...``) and
    ends with ``Eval samples: 128``. The evaluation joined the training's series."""
    log = ("Epoch 1/4\n"
           "step 10/16 - loss: 0.7460 - acc: 0.3656 - 5ms/step\n"
           "step 16/16 - loss: 0.6878 - acc: 0.4355 - 4ms/step\n"
           "Eval begin...\n"
           "step 4/4 - loss: 0.5884 - acc: 0.7266 - 2ms/step\n"
           "Eval samples: 128\n"
           "Epoch 2/4\n"
           "step 10/16 - loss: 0.5 - acc: 0.6 - 5ms/step\n")
    assert named(log) == [
        ("loss", 0.746, 10, 1), ("acc", 0.3656, 10, 1), ("loss", 0.6878, 16, 1),
        ("acc", 0.4355, 16, 1), ("eval_loss", 0.5884, 16, 1), ("eval_acc", 0.7266, 16, 1),
        ("loss", 0.5, 10, 2), ("acc", 0.6, 10, 2)]
    # guard: "Eval samples:" ends the block even with no epoch after it (evaluate() alone)
    alone = ("Eval begin...\nstep 4/4 - loss: 0.5884 - acc: 0.7266\nEval samples: 128\n"
             "step 1/1 - loss: 0.1\n")
    assert [name for name, *_ in named(alone)] == ["eval_loss", "eval_acc", "loss"]


def test_paddle_eval_begin_counts_under_a_tables_header_too() -> None:
    """With a table's header still set (a results table printed right before
    ``evaluate()``), the ``Eval begin...`` line went to the table reader and the evaluation
    after it was not named."""
    log = ("epoch  loss    acc\n"
           "1      0.6878  0.4355\n"
           "Eval begin...\n"
           "step 4/4 - loss: 0.5884 - acc: 0.7266 - 2ms/step\n"
           "Eval samples: 128\n")
    assert [n for n, *_ in named(log)][-2:] == ["eval_loss", "eval_acc"]


def test_paddle_eval_names_with_digits_keep_their_phase() -> None:
    """Paddle's ``Accuracy(topk=(1, 5))`` logs ``acc_top1``/``acc_top5``: names with digits
    get their own plan (``KEYED``), which was made again from the line after the rename,
    dropping ``eval_`` (heldout507, a Dive-into-DL AlexNet run, verbose=2; and the bar)."""
    plain = ("Epoch 1/10\n"
             "step 469/469 - loss: 0.2999 - acc_top1: 0.8637 - acc_top5: 0.9972 - 86ms/step\n"
             "Eval begin...\n"
             "step 79/79 - loss: 0.3411 - acc_top1: 0.8756 - acc_top5: 0.9972 - 69ms/step\n"
             "Eval samples: 10000\n")
    assert [n for n, *_ in named(plain)][3:] == ["eval_loss", "eval_acc_top1", "eval_acc_top5"]
    bar = plain.replace("step 469/469 -", "\rstep 469/469 [====] -").replace(
        "step 79/79 -", "\rstep 79/79 [====] -")
    assert [n for n, *_ in named(bar)][3:] == ["eval_loss", "eval_acc_top1", "eval_acc_top5"]
