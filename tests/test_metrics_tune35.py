"""Round ``tune35`` (session 43). Each test of a new form fails on the parser before the
round (54635be); each guard fails on the round's rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import named

TF_SUMMARY = ("INFO:tensorflow:Summary name h_lr_emb:0 is illegal; using h_lr_emb_0 instead.\n"
              "INFO:tensorflow:Summary name fm_w:0 is illegal; using fm_w_0 instead.\n"
              "INFO:tensorflow:loss = 0.43029478, step = 16200 (227.465 sec)\n")


def test_tensorflows_illegal_summary_names_are_warnings() -> None:
    assert named(TF_SUMMARY) == [("loss", 0.43029478, 16200, None)]


def test_a_jobs_exit_code_is_no_metric() -> None:
    assert named("epoch 3 loss 0.52\nTERM_OWNER: job killed by owner.\n"
                 "Exited with exit code 130.\n") == [("loss", 0.52, None, 3)]


FUXICTR = (
    "2022-12-17 14:26:38,305 P29088 INFO Start training: 50 batches/epoch\n"
    "2022-12-17 14:26:38,305 P29088 INFO ************ Epoch=1 start ************\n"
    "2022-12-17 14:26:52,754 P29088 INFO [Metrics] AUC: 0.940814\n"
    "2022-12-17 14:26:52,755 P29088 INFO Save best model: monitor(max): 0.940814\n"
    "2022-12-17 14:26:52,761 P29088 INFO --- 50/50 batches finished ---\n"
    "2022-12-17 14:26:52,794 P29088 INFO Train loss @epoch 1: 0.375609\n"
    "2022-12-17 14:26:52,794 P29088 INFO ************ Epoch=1 end ************\n"
    "2022-12-17 14:30:08,693 P29088 INFO Monitor(max) STOP: 0.982275 !\n")


def test_fuxictr_epoch_loss_at_its_epoch_and_its_monitor_events() -> None:
    assert named(FUXICTR) == [("AUC", 0.940814, None, 1), ("Train_loss", 0.375609, None, 1)]


def test_batch_job_directives_and_lsf_usage_summary_are_no_reports() -> None:
    text = ('#BSUB -R "rusage[mem=8GB]"\n#SBATCH --mem=32\nepoch 1 loss 0.5\n'
            "Resource usage summary:\n\n"
            "    CPU time :                                   67232.37 sec.\n"
            "    Max Memory :                                 2347 MB\n"
            "    Average Memory :                             1853.02 MB\n"
            "    Run time :                                   60242 sec.\n")
    assert named(text) == [("loss", 0.5, None, 1)]


def test_the_pytorch_tutorials_per_class_accuracy_rows() -> None:
    text = ("Accuracy of the network on the 10000 test images: 54 %\n"
            "Accuracy of plane : 60 %\nAccuracy of  frog : 93 %\n"
            "Accuracy for class: plane is 57.0 %\n")
    assert named(text) == [("Accuracy", 54.0, None, None)]


def test_graphgym_phase_dicts_and_best_so_far_reprint() -> None:
    text = ("train: {'epoch': 0, 'time_epoch': 22.78, 'loss': 1.6376, 'lr': 0.0, 'mae': 1.6376}\n"
            "val: {'epoch': 0, 'time_epoch': 0.63, 'loss': 1.6057, 'mae': 1.6057}\n"
            "> Epoch 0: took 24.1s (avg 24.1s) | Best so far: epoch 0\ttrain_loss: 1.6376 "
            "train_mae: 1.6376\tval_loss: 1.6057 val_mae: 1.6057\n")
    assert named(text) == [
        ("train_time_epoch", 22.78, None, 0), ("train_loss", 1.6376, None, 0),
        ("train_lr", 0.0, None, 0), ("train_mae", 1.6376, None, 0),
        ("val_time_epoch", 0.63, None, 0), ("val_loss", 1.6057, None, 0),
        ("val_mae", 1.6057, None, 0)]


ELEGANTRL = (
    "ID     Step    Time |    avgR   stdR   avgS  stdS |    expR   objC   objA   etc.\n"
    "0  4.74e+03      91 |  155.32   71.3   2370     0 |    0.18   3.71   0.06\n")


def test_elegantrls_evaluator_table_of_column_groups() -> None:
    assert named(ELEGANTRL) == [
        ("Time", 91.0, 4740, None), ("avgR", 155.32, 4740, None), ("stdR", 71.3, 4740, None),
        ("avgS", 2370.0, 4740, None), ("stdS", 0.0, 4740, None), ("expR", 0.18, 4740, None),
        ("objC", 3.71, 4740, None), ("objA", 0.06, 4740, None)]


def test_guard_a_group_of_one_column_is_no_grouped_table() -> None:
    text = ("                |-------------- VALID---------|---- TRAIN/BATCH -----\n"
            "rate      epoch | dice   loss   tp     tn     | loss            \n"
            "------------------------------------------------------------------\n"
            "30 \t\t 50 \t | 23.32  0.897    0    0 \t\t | 0.8967\n")
    assert ("dice", 23.32, None, 50) not in named(text)


def test_a_rate_at_an_operating_point_is_named_with_it() -> None:
    line = ("epoch: 0 EER: 0.026761 TPR@FPR=10E-2: 0.945224 TPR@FPR=10E-3: 0.753173 "
            "APCER:0.052918\n")
    assert named(line) == [("EER", 0.026761, None, 0), ("TPR@FPR=10E-2", 0.945224, None, 0),
                           ("TPR@FPR=10E-3", 0.753173, None, 0), ("APCER", 0.052918, None, 0)]


def test_guard_a_bars_description_keeps_its_last_value() -> None:
    line = "Epoch 100 Loss=2.0670 LR@1=0.001045: 100%|##########| 196/196 [01:53<00:00]\n"
    assert ("LR@1", 0.001045, None, 100) in named(line)
