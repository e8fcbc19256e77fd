"""Round ``tune99`` (session 99). Each test of a rule fails on a475b15d (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named


def test_a_bayes_opt_table_records_the_target_not_the_point_tried() -> None:
    # bayesian-optimization's "| iter | target | x | y |": the objective at each iteration;
    # the columns after it are the point the optimiser tried (before: x and y as metrics)
    text = ("|   iter    |  target   |     x     |     y     |\n"
            "-------------------------------------------------\n"
            "| \x1b[39m1        \x1b[39m | \x1b[39m-7.135455\x1b[39m | \x1b[39m2.8340440\x1b[39m"
            " | \x1b[39m1.3219469\x1b[39m |\n"
            "| \x1b[35m2        \x1b[39m | \x1b[35m-6.587708\x1b[39m | \x1b[35m2.7410995\x1b[39m"
            " | \x1b[35m1.2721786\x1b[39m |\n"
            "=================================================\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [
        ("target", -7.135455, 1), ("target", -6.587708, 2)]


def test_ray_tunes_trial_table_still_keeps_its_results_only() -> None:
    # guard: the trial table moved to searchtables with bayes_opt's; its settings stay out
    text = ("| Trial name          | status     | loc   |        lr |   iter |   loss |\n"
            "|---------------------+------------+-------+-----------+--------+--------|\n"
            "| train_fn_00000      | TERMINATED | x:1   | 0.001     |      3 | 0.52   |\n"
            "| train_fn_00001      | TERMINATED | x:1   | 0.01      |      3 | 0.48   |\n")
    assert [(n, v, s) for n, v, s, _ in named(text)] == [("loss", 0.52, 3), ("loss", 0.48, 3)]


def test_pymoos_generation_column_is_the_step() -> None:
    # pymoo's verbose table: n_gen is the generation (before: the rows had no step); n_eval
    # and n_nds count evaluations and solutions; "-" is no value yet
    text = ("==========================================================================\n"
            "n_gen  |  n_eval  | n_nds  |     cv_min    |     cv_avg    |      igd     \n"
            "==========================================================================\n"
            "     1 |       20 |      1 |  0.0326768398 |  0.3417125906 |             -\n"
            "     2 |       40 |      1 |  0.0000000000 |  0.1929082813 |  1.0182212819\n")
    found = named(text)
    assert [(n, v, s) for n, v, s, _ in found if n == "cv_avg"] == [
        ("cv_avg", 0.3417125906, 1), ("cv_avg", 0.1929082813, 2)]
    assert [(v, s) for n, v, s, _ in found if n == "igd"] == [(1.0182212819, 2)]
    assert {n for n, *_ in found} == {"cv_min", "cv_avg", "igd"}


def test_pycmas_table_spans_two_columns_under_min_and_max_std() -> None:
    # pycma's "Iterat #Fevals ... min&max std  t[m:s]": "Iterat" the step, "min&max std" two
    # columns, the clock no value (before: nothing of the table was read); its "termination
    # on {'maxfevals': 3000}" is the stopping rule's threshold, no metric
    text = ("Iterat #Fevals   function value  axis ratio  sigma  min&max std  t[m:s]\n"
            "    1     10 6.486205972555268e+01 1.0e+00 2.64e-01  3e-01  3e-01 0:00.0  \n"
            "  100   1000 2.514103186524566e+00 1.1e+01 5.37e-02  2e-02  5e-02 0:00.2  \n"
            "termination on {'maxfevals': 3000} (Sun Dec  6 22:53:12 2026)\n")
    found = named(text)
    assert [(n, v) for n, v, s, _ in found if s == 100] == [
        ("function_value", 2.514103186524566), ("axis_ratio", 11.0), ("sigma", 0.0537),
        ("minstd", 0.02), ("maxstd", 0.05)]
    assert len(found) == 10 and {s for *_, s, _ in found} == {1, 100}


def test_ydf_tree_lines_are_steps_and_its_data_spec_no_metric() -> None:
    # YDF: "Train tree 3/20" the boosting round (before: step 0 from "iter:0.00s", the
    # iteration's time), "Final model num-trees:18" at round 18 (before: a metric
    # "Final_model_num-trees"), the data spec's column statistics no metrics (before: mean,
    # min, max and sd, a value a column)
    text = ('\t1: "f1" NUMERICAL mean:-0.00437007 min:-2.93605 max:2.11694 sd:0.973012 '
            'dtype:DTYPE_FLOAT64\n'
            '\t2: "f2" NUMERICAL mean:-0.0159531 min:-2.96718 max:2.38359 sd:0.94644 '
            'dtype:DTYPE_FLOAT64\n'
            "Train tree 1/20 train-loss:1.277626 train-accuracy:0.820000 valid-loss:1.336966 "
            "valid-accuracy:0.700000 [total:0.00s iter:0.00s]\n"
            "Train tree 20/20 train-loss:0.473152 train-accuracy:0.975000 valid-loss:0.922671 "
            "valid-accuracy:0.800000 [total:0.04s iter:0.00s]\n"
            "Truncates the model to 18 tree(s) i.e. 18  iteration(s).\n"
            "Final model num-trees:18 valid-loss:0.917003 valid-accuracy:0.800000\n")
    found = named(text)
    assert [(v, s) for n, v, s, _ in found if n == "valid-loss"] == [
        (1.336966, 1), (0.922671, 20), (0.917003, 18)]
    assert {n for n, *_ in found} <= {"train-loss", "train-accuracy", "valid-loss",
                                      "valid-accuracy", "total", "iter"}


def test_a_loss_averaged_over_a_window_of_steps_is_named_before_the_window() -> None:
    # NumPyro's SVI bar: "avg. loss [1901-2000]: 73.7639", the mean of the window's losses
    # (before: no name found across the bracket; the value was lost)
    text = ("\r100%|##########| 2000/2000 [00:02<00:00, 900.1it/s, init loss: 158.5981, "
            "avg. loss [1901-2000]: 73.7639]\n")
    assert [(n, v) for n, v, *_ in named(text)] == [("init_loss", 158.5981),
                                                   ("avg_loss", 73.7639)]


def test_a_posterior_summarys_header_of_quantiles_is_no_metric() -> None:
    # NumPyro's print_summary: "mean std median 5.0% 95.0% n_eff r_hat" names its columns
    # (before: "median 5.0%" read as median = 5.0); its rows are the posterior, no metrics
    text = ("\n                mean       std    median      5.0%     95.0%     n_eff     r_hat\n"
            "         a      0.00      0.11      0.00     -0.18      0.17   1776.64      1.00\n"
            "        bM      0.35      0.13      0.35      0.14      0.56   1829.37      1.00\n\n"
            "Number of divergences: 0\n")
    assert named(text) == []


def test_an_automl_models_line_is_its_metric_and_times_at_no_step() -> None:
    # mljar-supervised's "1_Baseline logloss 0.693098 trained in 0.33 seconds": the model's
    # validation metric and its fitting time, a series over the models, its number no step
    # (before: nothing read between the model's label and the sentence after the value)
    text = ("1_Default_LightGBM logloss 0.50397 trained in 25.31 seconds (1-sample predict "
            "time 0.0075 seconds)\n"
            "2_Default_Xgboost logloss 0.505556 trained in 26.08 seconds (1-sample predict "
            "time 0.0079 seconds)\n"
            "Ensemble logloss 0.321545 trained in 1.38 seconds\n")
    assert named(text) == [
        ("logloss", 0.50397, None, None), ("trained_in", 25.31, None, None),
        ("1-sample_predict_time", 0.0075, None, None),
        ("logloss", 0.505556, None, None), ("trained_in", 26.08, None, None),
        ("1-sample_predict_time", 0.0079, None, None),
        ("logloss", 0.321545, None, None), ("trained_in", 1.38, None, None)]


def test_a_durations_unit_before_its_participle_names_it() -> None:
    # CRFsuite's "Seconds required: 0.001" (feature generation, storing the model): the
    # time, named by its phrase (before: "required", a participle alone)
    text = ("Feature generation\nSeconds required: 0.001\n\n"
            "Total seconds required for training: 0.029\n")
    assert [(n, v) for n, v, *_ in named(text)] == [
        ("Seconds_required", 0.001), ("Total_seconds_required_for_training", 0.029)]


def test_libsvms_solver_summary_keeps_its_objective_only() -> None:
    # LIBSVM: "#iter" is the solver's (no step: it starts again each fold), "nu" a parameter,
    # "rho" the bias (before: nu and rho as metrics, each at step #iter); obj is the fit's
    text = (".*.*\noptimization finished, #iter = 534\nnu = 0.556909\n"
            "obj = -326.347510, rho = -0.976767\nnSV = 140, nBSV = 79\nTotal nSV = 140\n"
            "Accuracy = 84% (84/100) (classification)\n")
    assert named(text) == [("obj", -326.34751, None, None), ("Accuracy", 84.0, None, None)]


WEKA = """\
Naive Bayes Classifier

                    Class
Attribute          setosa versicolor  virginica
                   (0.36)     (0.36)     (0.28)
================================================
x1
  mean              0.0539     1.4917     2.7681
  std. dev.          0.946      1.006     1.1604
  weight sum            54         54         42
  precision         0.0582     0.0582     0.0582

Time taken to build model: 0.01 seconds

=== Error on training data ===

Correctly Classified Instances         109               72.6667 %
Incorrectly Classified Instances        41               27.3333 %
Kappa statistic                          0.5864
Total Number of Instances              150

=== Detailed Accuracy By Class ===

               TP Rate   FP Rate   Precision   Recall  F-Measure   ROC Area  Class
                 0.759     0.167      0.719     0.759     0.739      0.858    setosa
                 0.667     0.104      0.783     0.667     0.72       0.868    versicolor
Weighted Avg.    0.667     0.176      0.667     0.667     0.666      0.78

=== Confusion Matrix ===
"""


def test_wekas_summary_reads_the_share_and_the_weighted_average_row() -> None:
    # Weka: "Correctly Classified Instances  109  72.6667 %" is the accuracy (before: no
    # value); its per-class table's class rows are no aggregate, its "Weighted Avg." row is
    # (before: the class rows, the average left out); NaiveBayes' model (its priors "(0.36)"
    # read as a header, its attributes' "precision" rows) no metric (before: "(0.36)", and a
    # "precision" of the model's rows that set the table's Precision's spelling)
    assert named(WEKA) == [
        ("Correctly_Classified_Instances", 72.6667, None, None),
        ("Incorrectly_Classified_Instances", 27.3333, None, None),
        ("Kappa_statistic", 0.5864, None, None),
        ("TP_Rate", 0.667, None, None), ("FP_Rate", 0.176, None, None),
        ("Precision", 0.667, None, None), ("Recall", 0.667, None, None),
        ("F-Measure", 0.666, None, None), ("ROC_Area", 0.78, None, None),
        ("Time_taken_to_build_model", 0.01, None, None)]  # (a lone value: held, then kept)


def test_a_groups_batch_and_epoch_in_a_key_value_box_place_its_values() -> None:
    # imitation's BC logger (SB3's box): "bc/batch" the step, "bc/epoch" the epoch (before:
    # both recorded as metrics, the values at no step)
    text = ("--------------------------------\n| batch_size        | 32        |\n"
            "| bc/               |           |\n|    batch          | 20        |\n"
            "|    ent_loss       | -0.000691 |\n|    epoch          | 0         |\n"
            "|    loss           | 0.682     |\n|    samples_so_far | 672       |\n"
            "--------------------------------\n")
    assert named(text) == [("bc/ent_loss", -0.000691, 20, 0), ("bc/loss", 0.682, 20, 0)]


def test_a_dicts_label_of_a_split_and_its_score_prefixes_its_keys() -> None:
    # DeepChem's tutorial: "training set score: {...}", "test set score: {...}" (before:
    # only "scores" named a dict of results; both splits made one roc_auc_score series)
    text = ("training set score: {'roc_auc_score': np.float64(0.9201887668716481)}\n"
            "test set score: {'roc_auc_score': np.float64(0.7330640377980076)}\n")
    assert [(n, v) for n, v, *_ in named(text)] == [
        ("training_roc_auc_score", 0.9201887668716481), ("test_roc_auc_score", 0.7330640377980076)]


def test_epochs_trained_so_far_is_the_epoch_not_a_metric() -> None:
    # sbi's "Training neural network. Epochs trained: 12" redrawn each epoch, and its round's
    # "Epochs trained: 101" (before: "trained", a value an epoch, and "Epochs_trained")
    text = ("\r Training neural network. Epochs trained: 1\r Training neural network. Epochs "
            "trained: 2\r Neural network successfully converged after 2 epochs.\n"
            "        ||||| ROUND 1 STATS |||||:\n        Epochs trained: 2\n"
            "val loss: 0.3\n")
    assert named(text) == [("val_loss", 0.3, None, 2)]


def test_a_metric_words_row_of_aligned_numbers_is_a_matrix_row() -> None:
    # a label and bare numbers in aligned columns is a row of a per-class (per-column) table,
    # a metric's word as its label too: Weka's model "precision  1388.875  1388.875", pandas'
    # classification report "accuracy  0.66  0.66  0.66" (before: its first value recorded)
    text = ("capital-gain\n  mean                     1239.8384 1338.5259\n"
            "  precision                 1388.875  1388.875\n"
            "accuracy       0.658958  0.658958  0.658958     0.658958\n"
            "Validation loss: 0.5\n")
    assert named(text) == [("validation_loss", 0.5, None, None)]


def test_a_stages_settings_announced_before_it_runs_are_no_metrics() -> None:
    # openTSNE: "===> Running optimization with exaggeration=12.00, lr=25.00 for 250
    # iterations..." (before: lr=25.0 a metric); its iteration lines read as before
    text = ("===> Calculating PCA-based initialization...\n   --> Time elapsed: 0.01 seconds\n"
            "===> Running optimization with exaggeration=12.00, lr=25.00 for 250 iterations...\n"
            "Iteration   50, KL divergence 1.1438, 50 iterations in 0.0717 sec\n"
            "   --> Time elapsed: 0.37 seconds\n"
            "===> Running optimization with exaggeration=1.00, lr=300.00 for 300 iterations...\n"
            "Iteration   50, KL divergence 1.0211, 50 iterations in 0.0717 sec\n")
    assert {n for n, *_ in named(text)} == {"KL_divergence", "Time_elapsed"}


def test_hmmlearns_convergence_monitor_lines_are_read_by_their_template() -> None:
    # hmmlearn's ConvergenceMonitor: "{iter:>10d} {log_prob:>16.8f} {delta:>+16.8f}", no
    # header (before: nothing read)
    text = ("         1    -571.67276269             +nan\n"
            "         2    -524.48523792     +47.18752478\n")
    found = named(text)
    assert [(n, v, s) for n, v, s, _ in found if n == "log_prob"] == [
        ("log_prob", -571.67276269, 1), ("log_prob", -524.48523792, 2)]
    assert [v for n, v, *_ in found if n == "delta"][1:] == [47.18752478]
    assert len(found) == 4


def test_a_tables_final_row_is_the_last_models() -> None:
    # NLTK's MaxentClassifier: its table closes with "Final", the model after the last
    # update (before: the row was dropped, the last point lost)
    text = ("  ==> Training (3 iterations)\n\n"
            "      Iteration    Log Likelihood    Accuracy\n"
            "      ---------------------------------------\n"
            "             1          -0.69315        0.500\n"
            "             2          -0.55049        0.790\n"
            "         Final          -0.50040        0.805\n")
    assert [(n, v) for n, v, *_ in named(text) if n == "Accuracy"] == [
        ("Accuracy", 0.5), ("Accuracy", 0.79), ("Accuracy", 0.805)]


def test_gplearns_table_is_named_by_its_groups() -> None:
    # gplearn's verbose table: "Length" and "Fitness" under "Population Average" and again
    # under "Best Individual" are average_fitness and best_fitness (its run_details_ keys;
    # before: one "Fitness" series of two values a generation, and "Length", a program's
    # size, as a metric)
    text = ("    |   Population Average    |             Best Individual              |\n"
            "---- ------------------------- ------------------------------------------ ----------\n"
            " Gen   Length          Fitness   Length          Fitness      OOB Fitness  Time Left"
            "\n   0    37.60          369.807       31         0.607299         0.758801      7.69s"
            "\n   1    10.43          3.14159        7         0.535424         0.712200      3.01s"
            "\n")
    assert named(text) == [
        ("average_fitness", 369.807, 0, None), ("best_fitness", 0.607299, 0, None),
        ("best_oob_fitness", 0.758801, 0, None), ("average_fitness", 3.14159, 1, None),
        ("best_fitness", 0.535424, 1, None), ("best_oob_fitness", 0.7122, 1, None)]


def test_a_hyphened_measure_names_its_test_and_a_log_p_value_is_none() -> None:
    # lifelines' print_summary: "log-likelihood ratio test = 33.27 on 7 df" (before: no
    # value, a hyphened word naming no measure) and "-log2(p) of ll-ratio test = 15.37", the
    # test's p-value (before: "test")
    text = ("Concordance = 0.64\nPartial AIC = 1331.50\n"
            "log-likelihood ratio test = 33.27 on 7 df\n-log2(p) of ll-ratio test = 15.37\n")
    assert [(n, v) for n, v, *_ in named(text)] == [
        ("Concordance", 0.64), ("Partial_AIC", 1331.5), ("log-likelihood_ratio_test", 33.27)]


def test_sockeyes_epoch_and_batch_letters_place_its_speedometer_line() -> None:
    # Sockeye 3's "E=1 B=50  s/sec=... ppl=21.709522": E the epoch, B the batches so far
    # (before: "B" a metric, the line's values at no step)
    text = ("[INFO:sockeye.training] E=1 B=50\ts/sec=1120.08 tok/sec=13440.96 u/sec=70.01\t"
            "ppl=21.709522\n")
    assert [(n, s, e) for n, _, s, e in named(text)] == [
        ("s/sec", 50, 1), ("tok/sec", 50, 1), ("u/sec", 50, 1), ("ppl", 50, 1)]


H2O = """\
Model Summary:
    number_of_trees    number_of_internal_trees    model_size_in_bytes    min_depth    max_depth
--  -----------------  --------------------------  ---------------------  -----------  -----------
    20                 20                          4309                   5            5

Confusion Matrix (Act/Pred) for max f1 @ threshold = 0.5131831732066757
       neg    pos    Error    Rate
-----  -----  -----  -------  ------------
neg    84     9      0.0968   (9.0/93.0)
pos    2      105    0.0187   (2.0/107.0)
Total  86     114    0.055    (11.0/200.0)

Gains/Lift Table: Avg response rate: 53.50 %, avg score: 53.49 %
group    cumulative_data_fraction    lower_threshold    lift      cumulative_lift
-------  --------------------------  -----------------  --------  -----------------
1        0.01                        0.91709            1.86916   1.86916
2        0.02                        0.90734            1.86916   1.86916

Scoring History:
     timestamp            duration    number_of_trees    training_rmse        training_logloss
---  -------------------  ----------  -----------------  -------------------  ----------------
     2026-12-06 23:41:21  0.090 sec   0.0                0.4987734956871716   0.6906951757946501
     2026-12-06 23:41:22  0.417 sec   1.0                0.4746856332361189   0.6435100639048608
"""


def test_h2os_model_printout_keeps_its_error_and_scoring_history() -> None:
    # H2O-3's print(model): the scoring history's rows open with a time and "0.417 sec"
    # (before: unread, and "sec" a metric of the tree counts); its model summary, the
    # confusion matrix's counts of classes, the Gains/Lift caption and table are no metrics
    # (before: model_size_in_bytes, neg, pos, rate, avg_score, lift, ...)
    assert [(n, v) for n, v, *_ in named(H2O)] == [
        ("Error", 0.055),
        ("training_rmse", 0.4987734956871716), ("training_logloss", 0.6906951757946501),
        ("training_rmse", 0.4746856332361189), ("training_logloss", 0.6435100639048608)]


def test_a_phase_label_over_a_bracketed_group_and_a_bracketed_epoch_count() -> None:
    # Snorkel's LabelModel: "[100 epochs]: TRAIN:[loss=0.009]" after its tqdm frame (before:
    # "loss" at the bar's rate "569.67epoch/s" read as the epoch)
    text = ("  0%|          | 0/500 [00:00<?, ?epoch/s]INFO:root:[0 epochs]: TRAIN:[loss=6.568]\n"
            " 11%|#         | 57/500 [00:00<00:00, 569.67epoch/s]INFO:root:[100 epochs]: "
            "TRAIN:[loss=0.009]\n")
    assert named(text) == [("train_loss", 6.568, None, 0), ("train_loss", 0.009, None, 100)]
