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
