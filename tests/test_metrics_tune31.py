"""Round ``tune31`` (session 39). Each test of a new form fails on the parser before the
round (d40344f); each guard fails on the round's rule without its check."""

from __future__ import annotations

from parsed import named, names


def test_a_header_of_names_set_apart_by_one_space_reads_its_rows() -> None:
    # Co-teaching+'s results file: "epoch train_acc1 ...", then one row per epoch
    text = ("epoch train_acc1 train_acc2 test_acc1 test_acc2\n"
            "0 0 0 10.046073717948717 10.006009615384615\n"
            "1 23.743990384615383 22.996794871794872 37.77043269230769 37.35977564102564\n")
    assert named(text) == [
        ("train_acc1", 0, None, 0), ("train_acc2", 0, None, 0),
        ("test_acc1", 10.046073717948717, None, 0), ("test_acc2", 10.006009615384615, None, 0),
        ("train_acc1", 23.743990384615383, None, 1), ("train_acc2", 22.996794871794872, None, 1),
        ("test_acc1", 37.77043269230769, None, 1), ("test_acc2", 37.35977564102564, None, 1)]
    assert names(text.replace("\n", "\r\n")) == {"train_acc1", "train_acc2", "test_acc1",
                                                 "test_acc2"}


def test_guard_prose_after_a_step_word_is_no_header() -> None:
    # "Epoch ends with the rows 1 2 3": words that are no metrics' names
    assert names("Step of the run\n1 2 3 4\nepoch loss is\n1 2 3\n") == set()


NEAT = (" ****** Running generation 80 ****** \n\n"
        "Population's average fitness: 64.34620 stdev: 84.08675\n"
        "Mean genetic distance 1.752, standard deviation 0.787\n"
        "Population of 50 members in 2 species:\n"
        "   ID   age  size  fitness  adj fit  stag\n"
        "  ====  ===  ====  =======  =======  ====\n"
        "     1   80    27    264.7    0.320    54\n"
        "     2   79    23    250.1    0.247    48\n"
        "Generation time: 3.188 sec (3.189 average)\n")


def test_neat_python_generation_banner_phrase_and_species_table() -> None:
    assert named(NEAT) == [
        ("Population_average_fitness", 64.3462, 80, None), ("stdev", 84.08675, 80, None),
        ("Mean_genetic_distance", 1.752, 80, None), ("standard_deviation", 0.787, 80, None),
        ("Generation_time", 3.188, 80, None)]



def test_a_wandb_summary_under_rays_process_tag_repeats_the_last_step() -> None:
    # verl under Ray: each line tagged "(TaskRunner pid=N)", the summary's values reprinted
    tag = "\x1b[36m(TaskRunner pid=14640)\x1b[0m "
    text = (f"{tag}step:435 - actor/entropy_loss:0.030 - critic/vf_loss:0.048\n"
            f"{tag}wandb: \n{tag}wandb: Run summary:\n"
            f"{tag}wandb:                  actor/entropy_loss 0.03016\n"
            f"{tag}wandb:                     critic/vf_loss 0.04772\n"
            f"{tag}wandb: \n")
    assert named(text) == [("actor/entropy_loss", 0.03, 435, None),
                           ("critic/vf_loss", 0.048, 435, None)]


def test_a_metric_of_a_named_class_is_a_per_class_row() -> None:
    # HAQ's Point Transformer search: "* Eval mIoU of Airplane  0.77" after a record prefix
    prefix = "2021-07-20 13:13:18,919 - INFO - "
    text = (f"{prefix}* Eval mIoU of Airplane       0.7712040850399043\n"
            f"{prefix}* Eval mIoU of Bag            0.7361414358029873\n"
            f"{prefix}* Test accuracy: 0.927  class_avg_accuracy: 0.805  class_avg_iou: 0.766\n")
    assert named(text) == [("test_accuracy", 0.927, None, None),
                           ("test_class_avg_accuracy", 0.805, None, None),
                           ("test_class_avg_iou", 0.766, None, None)]



def test_a_sentence_ended_before_a_name_is_not_part_of_it() -> None:
    # ML-Agents: "Walker." names the behaviour, "s." is the unit of the time before it
    line = ("[INFO] Walker. Step: 10000. Time Elapsed: 22.345 s. Mean Reward: 1.234. "
            "Std of Reward: 0.512. Training.\n")
    assert named(line) == [("Time_Elapsed", 22.345, 10000, None),
                           ("Mean_Reward", 1.234, 10000, None),
                           ("Std_of_Reward", 0.512, 10000, None)]


def test_guard_a_statistic_of_a_quantity_keeps_its_name() -> None:
    # "grad norm of loss 0.3": a measure of a metric, not one class's row: its value is kept
    assert [value for _, value, _, _ in named("epoch 3  grad norm of loss 0.3\n")] == [0.3]


def test_a_data_files_commented_header_names_its_columns() -> None:
    # DeePMD-kit's lcurve.out: "#  step  rmse_val ...", then rows in scientific notation
    text = ("#  step      rmse_val    rmse_trn         lr\n"
            "      0      1.61e+01    1.51e+01    1.0e-03\n"
            "   1000      1.26e+01    1.18e+01    1.0e-03\n")
    assert named(text) == [("rmse_val", 16.1, 0, None), ("rmse_trn", 15.1, 0, None),
                           ("lr", 0.001, 0, None), ("rmse_val", 12.6, 1000, None),
                           ("rmse_trn", 11.8, 1000, None), ("lr", 0.001, 1000, None)]


def test_a_csv_files_elapsed_time_column_holds_a_clock() -> None:
    # StarGAN's log.csv: "Elapsed Time" then the iteration, its rows "0:00:06,100,..."
    text = ("Elapsed Time,Iteration,D/loss_real,G/loss_fake\n"
            "0:00:06,100,-4.2027,0.2353\n0:00:10,200,-2.6850,0.4199\n")
    assert named(text) == [("D/loss_real", -4.2027, 100, None), ("G/loss_fake", 0.2353, 100, None),
                           ("D/loss_real", -2.685, 200, None), ("G/loss_fake", 0.4199, 200, None)]


def test_a_json_record_of_a_step_reads_its_own_numbers_only() -> None:
    # its settings' texts repeated on each line, a breakdown nested, examples quoted
    text = ('{"step": 5000, "loss": 4.0679, "lr": 0.000495, "pos_type": "sinusoidal", '
            '"norm_type": "layernorm"}\n'
            '{"step": 6000, "valid_ppl": 663479.0, "buckets": {"short(<=32)": {"bleu": 0.13}}, '
            '"examples": [{"src": "In August 2015 it rose 3.5 points"}], "sent_per_sec": 45.9}\n')
    assert named(text) == [("loss", 4.0679, 5000, None), ("lr", 0.000495, 5000, None),
                           ("valid_ppl", 663479.0, 6000, None), ("sent_per_sec", 45.9, 6000, None)]


def test_guard_a_json_records_quoted_numbers_are_its_values() -> None:
    # fairseq's json log format quotes most of its numbers
    line = '{"epoch": 25, "loss": "3.097", "ppl": "2.51", "clip": "100%", "lr": 0.00019}\n'
    assert names(line) == {"loss", "ppl", "clip", "lr"}


def test_a_ranking_metric_at_a_step_keeps_its_cutoff() -> None:
    # the KnowledgeGraphEmbedding (RotatE) code's evaluation lines
    text = ("2022-05-17 23:07:30 INFO     Valid MRR at step 99999: 0.334697\n"
            "2022-05-17 23:07:30 INFO     Valid HITS@10 at step 99999: 0.532449\n")
    assert named(text) == [("Valid_MRR", 0.334697, 99999, None),
                           ("Valid_HITS@10", 0.532449, 99999, None)]


def test_clustering_scores_and_a_mean_rank_are_metrics() -> None:
    text = ("NMI on test set: 0.6919\n"
            "2020-08-30 22:26:36,924 INFO  Mean rank: 280.710432\n")
    assert names(text) == {"NMI_on_test_set", "Mean_rank"}



def test_a_phase_after_n_updates_labels_its_pairs() -> None:
    line = ("2025-05-22 16:33:01 | INFO | nllb.trainer | Eval after 250 updates: loss=4.2164 "
            "best_loss=4.2164 patience_steps_left=10\n")
    assert names(line) == {"eval_loss"}


def test_a_mean_generation_length_is_a_metric_a_parameter_ratio_is_not() -> None:
    text = ("2026-04-26 08:07:44,911 INFO LoRA applied: 15,335,424 / 8,206,070,784 trainable "
            "(0.19%)\n2026-04-26 08:33:01,076 INFO Avg tokens: 626\n")
    assert named(text) == [("Avg_tokens", 626, None, None)]


def test_guard_a_count_named_mid_line_leaves_the_lines_metrics() -> None:
    assert names("loss 0.3, number of tokens 5, acc 0.5\n") == {"loss", "acc"}
