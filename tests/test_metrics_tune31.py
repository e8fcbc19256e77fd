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
