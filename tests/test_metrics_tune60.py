"""Round ``tune60`` (session 68): forms of held-out sets once each was scored (evolutionary
search, structured NLP, survival analysis, tracking and pose, optical flow, retrieval,
knowledge graphs, combinatorial optimisation). Each test of a rule fails on the parser
before the round (74a32109); each guard fails on the rule without its check
(mutation-checked)."""

from __future__ import annotations

from parsed import named, names

from exptrack.metrics import aligned


def test_a_name_that_opens_with_digits_starts_a_field() -> None:
    """A RAFT fork's "epe=48.96    3px=0.24     5px=0.43": a pixel threshold's name opens
    with its digits (it was no name at all); the bracket's first number is the step."""
    text = ("[   200, lr= 0.0000313]  epe=48.9604    3px=0.2465     5px=0.4272     10px=0.6282\n"
            "[   300, lr= 0.0000389]  epe=50.0917    3px=0.2711     5px=0.4506     10px=0.6473\n")
    assert named(text)[-5:] == [("lr", 3.89e-05, 300, None), ("epe", 50.0917, 300, None),
                                ("3px", 0.2711, 300, None), ("5px", 0.4506, 300, None),
                                ("10px", 0.6473, 300, None)]
    # guard: digits glued to a phrase's last word are no name of their own
    assert names("rdkit pharmacophore match 2d: 76.95%\nlambda_lap 10x: +0.1\n") \
        & {"2d", "10x"} == set()


def test_an_optimiser_table_with_colons_after_its_names() -> None:
    """pagmo's verbosity table ("Gen:   Fevals:   Best:   F:   CR:   dx:   df:"): a header,
    not a section heading; its generation is the step, its evaluations so far no metric."""
    text = ("        Gen:        Fevals:             F:            CR:            dx:\n"
            "           1             20       0.264146       0.541101        61.4904\n"
            "         101           2020       0.252116       0.380181        7.01344\n")
    assert named(text) == [("F", 0.264146, 1, None), ("CR", 0.541101, 1, None),
                           ("dx", 61.4904, 1, None), ("F", 0.252116, 101, None),
                           ("CR", 0.380181, 101, None), ("dx", 7.01344, 101, None)]
    # with no generation, the evaluations so far are the run's progress ("objevals:")
    text = ("   objevals:        objval:      violated:\n"
            "           1         250153             18\n"
            "           2         132280             17\n")
    assert named(text) == [("objval", 250153.0, 1, None), ("violated", 18.0, 1, None),
                           ("objval", 132280.0, 2, None), ("violated", 17.0, 2, None)]
    # a closing "... :" column (the columns it leaves out) is no cell of the rows
    text = ("      Gen:        Fevals:        ideal1:        ideal2:          ... :\n"
            "         1              0       0.125887       0.125978\n"
            "         2             20       0.115887       0.115978\n")
    assert named(text)[-2:] == [("ideal1", 0.115887, 2, None), ("ideal2", 0.115978, 2, None)]
    # DEAP's logbook: "gen" the step, "nevals" a count
    text = "gen\tnevals\tavg     \tmin\n0  \t10    \t-88.48\t-157.5\n1  \t2     \t-60.99\t-99.4\n"
    assert named(text) == [("avg", -88.48, 0, None), ("min", -157.5, 0, None),
                           ("avg", -60.99, 1, None), ("min", -99.4, 1, None)]
    # guard: a heading still opens a block ("model:" over its settings, "Test results:"
    # over its measures)
    assert names("model:\n  depth: 3\n  width: 64\n  heads: 8\n") == set()
    assert names("Test results:\n  alpha: 3\n  beta: 64\n  gamma: 8\n") == {
        "test_alpha", "test_beta", "test_gamma"}


def test_fitness_is_a_measure_and_a_generation_best_is_no_running_best() -> None:
    """PyGAD's "Fitness    = 0.00038" (spaced like a setting) and neat-python's "Best
    fitness: 264.7" (the generation's best individual); mealpy's "Current best:" is the
    generation's, its "Global best:" the run's so far; its parameters dict is settings."""
    text = ("Generation = 1\nFitness    = 0.00038086\nGeneration = 2\nFitness    = 0.00038214\n")
    assert named(text) == [("Fitness", 0.00038086, 1, None), ("Fitness", 0.00038214, 2, None)]
    assert "Best_fitness" in names("Best fitness: 264.73000 - size: (1, 1) - id 2866\n")
    text = ("INFO: >Problem: P, Epoch: 1, Current best: 5026.0, Global best: 5026.0, "
            "Runtime: 0.00374 seconds\n")
    assert named(text) == [("Current_best", 5026.0, None, 1), ("Runtime", 0.00374, None, 1)]
    assert named("{'pop_size': 50, 'epoch': 10, 'p_m': 0.01, 'elites': 2}\n") == []
    # guard: "best" alone, and a best of another measure, stay running bests
    assert names("epoch 3 loss: 0.2 best: 0.1 best loss: 0.1\n") == {"loss"}
    assert names("current patience: 3, loss: 0.5\n") == {"loss"}


def test_python_logging_with_a_hyphened_logger_and_a_data_set_heading() -> None:
    """gntp's "INFO:gntp-moe-cli.py:Dev set evaluation" over "INFO:gntp-moe-cli.py:MRR:
    0.68": the logger's name may hold "-"; the heading's phase is the data set's ("Dev
    set", "Test-I set"), not the evaluation's."""
    text = ("INFO:gntp-moe-cli.py:Dev set evaluation\n"
            "INFO:gntp-moe-cli.py:MRR: 0.6802\nINFO:gntp-moe-cli.py:hits@1: 0.6525\n\n"
            "INFO:gntp-moe-cli.py:Test-II set evaluation\n"
            "INFO:gntp-moe-cli.py:MRR: 0.9873\n")
    assert named(text) == [("dev_MRR", 0.6802, None, None), ("dev_hits@1", 0.6525, None, None),
                           ("test-ii_MRR", 0.9873, None, None)]
    # guard: a heading with no data set keeps its own phase word
    assert names("Evaluation results:\nMRR: 0.5\nhits@1: 0.4\n") == {"evaluation_MRR",
                                                                      "evaluation_hits@1"}


def test_a_name_ending_in_a_preposition_is_a_sentence() -> None:
    """ "Found learning rate of: 0.0001", fairseq's "setting loss scale to: 64": the words
    of a sentence, no metric's name."""
    assert names("Found learning rate of: 0.0001\n") == set()
    assert names("Epoch 1: setting loss scale to: 64.0\n") == set()
    # guard: a name of words that ends with its measure stays
    assert names("epoch 1, mean reward: 3.0\n") == {"mean_reward"}


def test_a_measure_with_a_similarity_function() -> None:
    """sentence-transformers' binary classification evaluator: "Accuracy with
    Cosine-Similarity: 77.50 (Threshold: 0.8958)" names the measure and the similarity."""
    text = ("2023-12-26 18:11:35 - Accuracy with Cosine-Similarity:           77.50  "
            "(Threshold: 0.8958)\n"
            "2023-12-26 18:11:35 - Average Precision with Cosine-Similarity:  78.98\n")
    assert names(text) == {"Accuracy_with_Cosine-Similarity",
                           "Average_Precision_with_Cosine-Similarity"}
    # guard: "with" after words that name no measure is prose
    assert names("2023-12-26 18:11:35 - Finished with code: 0\n") == set()


def test_a_label_phase_reaches_a_measure_word_after_a_comma() -> None:
    """Ecole's "Train loss: 4.116, accuracy 0.294": the line's phase labels the measure
    after the comma too (both lines' "accuracy" were one series)."""
    text = ("Epoch 1\nTrain loss: 4.116, accuracy 0.294\nValid loss: 3.767, accuracy 0.305\n")
    assert named(text) == [("train_loss", 4.116, None, 1), ("train_accuracy", 0.294, None, 1),
                           ("valid_loss", 3.767, None, 1), ("valid_accuracy", 0.305, None, 1)]
    # guard: a name after another separator stays its own ("Training cost: 146.7,
    # ObjLoss=68.4"), and a word that names no measure gets no phase
    assert names("Training cost: 146.7, ObjLoss=68.4\n") == {"training_cost", "ObjLoss"}
    assert names("Epoch 1\nTrain loss: 4.116, lr 0.001\n") == {"train_loss", "lr"}


def test_torchtuples_epoch_lines() -> None:
    """pycox's (torchtuples') "12:\\t[0s / 3s],\\t\\ttrain_loss: 0.55,\\tval_loss: 0.51":
    the epoch, then its time and the run's so far (CatBoost's "10:\\tlearn:" is a step)."""
    text = ("0:\t[0s / 0s],\t\ttrain_loss: 0.6729,\tval_loss: 0.5150\n"
            "1:\t[0s / 0s],\t\ttrain_loss: 0.5835,\tval_loss: 0.5140\n")
    assert named(text)[-2:] == [("train_loss", 0.5835, None, 1), ("val_loss", 0.514, None, 1)]
    # guard: CatBoost's iteration stays the step
    text = "0:\tlearn: 0.6832\ttest: 0.6829\n1:\tlearn: 0.6742\ttest: 0.6738\n"
    assert named(text)[-1] == ("test", 0.6738, 1, None)


def test_a_header_over_a_rule_of_dashes_splits_by_the_rule() -> None:
    """sklearn-genetic-opt's log: "gen evals  avg  best" (names set apart by one space) over
    "---- ----- ------- -------": each name stands over its run of dashes."""
    text = (" gen evals      avg     div\n"
            "---- ----- -------- -------\n"
            "   0    12  0.59389   0.091\n"
            "   1    24  0.81333   0.073\n")
    assert named(text) == [("avg", 0.59389, 0, None), ("div", 0.091, 0, None),
                           ("avg", 0.81333, 1, None), ("div", 0.073, 1, None)]
    # guard: a rule whose gap a name crosses is no column's ("Train Loss" over "-- ---")
    assert aligned.ruled_header("  Train Loss   acc", "  ---- ----   ---") is None


def test_evalb_fmeasure_is_a_measure() -> None:
    """EVALB's "Bracketing FMeasure = 77.36" (spaced like a setting): "F" and "Measure" one
    word, as "F1" is."""
    text = ("Bracketing Recall         =  78.20\nBracketing Precision      =  76.53\n"
            "Bracketing FMeasure       =  77.36\n")
    assert names(text) == {"Bracketing_Recall", "Bracketing_Precision", "Bracketing_FMeasure"}


def test_t2m_evaluator_lines() -> None:
    """The text-to-motion evaluator (MDM, T2M-GPT, InterMask): "---> [gt] MM Distance: 3.78"
    (a two-letter tag is a label too) and "---> [gen] R_precision: (top 1): 0.19 (top 2):
    0.27 (top 3): 0.33", each value named by its indexed label; such a line no longer ends
    the value before it as a setting's block."""
    text = ("==================== Epoch 212 ====================\n"
            "---> [gt] MM Distance: 3.7891\n"
            "---> [ground truth] R_precision: (top 1): 0.4146 (top 2): 0.6062 (top 3): 0.7042 \n"
            "==================== Epoch 216 ====================\n"
            "---> [gt] MM Distance: 3.7918\n"
            "---> [gen] R_precision: (top 1): 0.1958 (top 2): 0.2750 (top 3): 0.3333 \n"
            "---> [gen] FID: 26.2614\n")
    assert named(text)[:5] == [
        ("gt_MM_Distance", 3.7891, None, 212),
        ("ground_truth_r_precision_top_1", 0.4146, None, 212),
        ("ground_truth_r_precision_top_2", 0.6062, None, 212),
        ("ground_truth_r_precision_top_3", 0.7042, None, 212),
        ("gt_MM_Distance", 3.7918, None, 216)]
    assert {"gen_r_precision_top_1", "gen_r_precision_top_3", "gen_FID"} <= names(text)
    # guard: labels of different words are no such list
    assert names("R_precision: (top 1): 0.41 (bottom 2): 0.61 (top 3): 0.70\n") & {
        "R_precision_top_1"} == set()


def test_a_table_of_items_is_no_series() -> None:
    """REINVENT's "Agent  Prior  Target  Score  SMILES" rows under each step: one molecule a
    row (a cell of letters and digits names it), not a series of the run."""
    text = (" Step 0   Fraction valid SMILES: 100.0   Score: 0.3316   Time elapsed: 1095\n"
            "  Agent     Prior     Target     Score     SMILES\n"
            "-25.47    -25.47     -0.93      0.19      c1(-c2csc3c2c(=N)[nH]cc3)ccccc1\n"
            "-18.64    -18.64      5.89      0.19      c1c(CN)ccc(NC(C)=O)c1\n")
    assert names(text) == {"Fraction_valid_SMILES", "Score", "Time_elapsed"}
    # guard: a table with its step column keeps a text column's rows (sklearn-genetic-opt's
    # "events"), and a number in exponent form is no item's name
    text = ("gen  evals      avg   events\n"
            "  1     24  0.81333   div,imm=3,dup=16\n"
            "  2     24  0.85000   div,imm=3,dup=13\n")
    assert named(text) == [("avg", 0.81333, 1, None), ("avg", 0.85, 2, None)]
    text = "   Fevals:          Best:      Violated:\n        14    3.59547e+36              6\n"
    assert named(text) == [("Violated", 6.0, 14, None)]


def test_a_block_of_computed_floats_is_results() -> None:
    """GCPN's evaluation: "train MW mean: 331.7538650000001", "gen QED std:
    0.13719133606531775": one key a line, none a measure's word, but every value printed
    with every digit a computation leaves (a setting is typed: "dropout: 0.1")."""
    text = ("train MW mean: 331.7538650000001\ntrain MW std: 62.267483388982264\n"
            "gen MW mean: 332.06193800000005\ngen MW std: 61.93938867358769\n")
    assert names(text) == {"train_MW_mean", "train_MW_std", "gen_MW_mean", "gen_MW_std"}
    # guard: a block of typed settings stays configuration
    assert names("depth: 3\nwidth: 64.5\nheads: 8\nscale: 0.125\n") == set()
    assert names("lr: 0.001\ndropout: 0.1\nmomentum: 0.9\nwd: 0.0005\n") == set()


def test_a_table_of_a_measure_at_cutoffs() -> None:
    """Visual place recognition's prettytable (gsv-cities, MixVPR, SALAD): a "K" header of
    cutoffs over "Recall@K" rows, under a title that names the data set."""
    text = ("+----------------------------------------------+\n"
            "|             Performance on Essex             |\n"
            "+----------+-------+-------+-------+-------+\n"
            "|    K     |   1   |   5   |   10  |   15  |\n"
            "+----------+-------+-------+-------+-------+\n"
            "| Recall@K | 74.29 | 93.33 | 97.14 | 98.57 |\n"
            "+----------+-------+-------+-------+-------+\n")
    assert named(text) == [("Essex_Recall@1", 74.29, None, None),
                           ("Essex_Recall@5", 93.33, None, None),
                           ("Essex_Recall@10", 97.14, None, None),
                           ("Essex_Recall@15", 98.57, None, None)]
    # guard: a title two tables back names nothing, and a row of no "@K" label is no such row
    text = ("| Results on Essex |\n| model | params |\n"
            "|    K     |   1   |   5   |\n| Recall@K | 74.29 | 93.33 |\n| mAP | 0.5 | 0.6 |\n")
    assert names(text) == {"Recall@1", "Recall@5"}
