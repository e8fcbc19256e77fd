"""Round ``tune63`` (session 71): forms of the corpus from before the session (the session's
new sets were only measured). Each test of a rule fails on the parser before the round
(5f88535a); each guard fails on the rule without its check (mutation-checked)."""

from __future__ import annotations

from parsed import columns_named, named


def test_a_bare_statistic_is_named_by_the_quantity_before_its_colon() -> None:
    """An evaluation prints ``Reward: mean=..., min=..., max=...`` and a benchmark
    ``Latency: min = ... ms, median = ...``: a bare ``mean`` says nothing, and two heads'
    ``mean`` made one series of two quantities."""
    text = ("Eval at step 10:\n  Reward: mean=3.06, min=1.92, max=10.06, std=1.38\n"
            "  Return: mean=12.5, std=2.25\n"
            "Eval at step 20:\n  Reward: mean=4.5, min=2.5, max=11.25, std=1.5\n"
            "  Return: mean=13.5, std=2.5\n")
    got = {(n, v, s) for n, v, s, _ in named(text)}
    assert {("reward_mean", 4.5, 20), ("reward_max", 11.25, 20), ("reward_std", 1.5, 20),
            ("return_mean", 13.5, 20), ("return_std", 2.5, 20)} <= got
    assert not {n for n, _, _ in got} & {"mean", "min", "max", "std"}
    # a summary's statistics, and a head over a bracket ("Scores: (min: 15, avg: 197.3")
    assert [n for n, *_ in named("LOSO summary: mean=0.678  std=0.052\n")] == [
        "LOSO_summary_mean", "LOSO_summary_std"]
    assert ("Scores_avg", 197.31, None, None) in named(
        "Run: 12, exploration: 0.01, score: 468\nScores: (min: 15, avg: 197.31, max: 500)\n")
    # the column path: a block of lines of one shape
    block = "".join(f"step {i}\n  Latency: mean={i}.5, std=0.{i}\n" for i in range(1, 4))
    assert ("latency_mean", 3.5, 3, None) in columns_named(block)
    assert ("latency_mean", 3.5, 3, None) in named(block)
    # guard: one item of many (a row per data set) is no quantity: its statistics keep
    # their names, not one name per data set
    rows = "textures    : mean=2.44, std=0.60\nopenimage_o : mean=2.52, std=0.58\n"
    assert {n for n, *_ in named(rows)} <= {"mean", "std"}


def test_names_inside_angle_brackets_keep_their_words() -> None:
    """PIPNet logs ``<Total loss: 0.66> <map loss: 0.11> <x loss: 0.12>``: each bracket
    holds a name of two words (all of them were one series ``loss``)."""
    line = "[Epoch 0/9, Batch {0}/900] <Total loss: 0.6{0}> <map loss: 0.1{0}> <x loss: 0.2{0}>\n"
    text = "".join(line.format(i) for i in (1, 2, 3))
    want = {("Total_loss", 0.63, 3, 0), ("map_loss", 0.13, 3, 0), ("x_loss", 0.23, 3, 0)}
    assert want <= set(named(text))
    assert want <= set(columns_named(text))
    assert "loss" not in {n for n, *_ in named(text)}


def test_a_statistic_or_transform_in_parentheses_is_part_of_the_name() -> None:
    """``PER (avg): 0.12  CTC Loss (avg): 0.97``, ``grad norm (max): 2.5``, ``KL (raw):
    3.1  KL (scaled): 0.03``, ``Test Loss (Normalized): 0.0117``: the words in parentheses
    say which figure of the quantity it is (two of them were one series ``KL``; a name
    with a long word there was not read at all)."""
    text = ("Val batch 100: PER (avg): 0.1156 CTC Loss (avg): 0.9702\n"
            "epoch 1 | KL (raw): 3.125 | KL (scaled): 0.03125 | grad norm (max): 2.5\n"
            "Test Loss (Normalized): 0.0117\n")
    got = {n for n, *_ in named(text)}
    assert {"val_PER_(avg)", "val_CTC_Loss_(avg)", "KL_(raw)", "KL_(scaled)",
            "grad_norm_(max)", "test_Loss_(Normalized)"} <= got
    assert ("KL_(raw)", 3.125, None, 1) in columns_named(text)
    # guard: a unit keeps its place as it did, a phase or another word is not the name's
    assert {n for n, *_ in named("Loss (train): 8.6\nTime (ms): 12.5\n")} == {
        "Loss", "Time_(ms)"}


def test_a_dict_of_results_after_a_split_label_is_that_splits() -> None:
    """A Hugging Face script prints ``Dev set results: {'eval_loss': ...}`` then ``Test set
    results: {'eval_loss': ...}``: two splits, not one ``eval_loss`` series of both."""
    text = ("{'loss': 0.52, 'epoch': 1.0}\n{'eval_loss': 0.76, 'eval_f1': 0.7, 'epoch': 1.0}\n"
            "Dev set results: {'eval_loss': 1.63, 'eval_f1': 0.71}\n"
            "Test set results: {'eval_loss': 1.79, 'eval_f1': 0.69}\n")
    got = {(n, v) for n, v, *_ in named(text)}
    assert {("Dev_eval_loss", 1.63), ("Test_eval_f1", 0.69), ("eval_loss", 0.76)} <= got
    assert ("eval_loss", 1.79) not in got
    # guard: a validation's label over eval_ keys, a model's name, and a label that names no
    # results keep the keys' own names
    text = ("Validation metrics: {'eval_loss': 0.23, 'eval_f1': 0.91}\n"
            "LightGBM metrics: {\"mae\": 0.82, \"rmse\": 1.2}\n"
            "Test params: {\"mae\": 0.5}\n")
    assert {n for n, *_ in named(text)} <= {"eval_loss", "eval_f1", "mae", "rmse"}


def test_one_letter_keys_under_a_groups_head_are_named_by_it() -> None:
    """CHGNet prints ``MAEs:  e 0.053 (0.053)  f 0.004 (0.004)``: the energy's, the force's
    error (each then its running average); a bare ``e`` or ``f`` says nothing."""
    line = ("Epoch: [0][{0}/12]\tLoss 0.00{0} (0.00{0})  "
            "MAEs:  e 0.05{0} (0.05{0})  f 0.00{0} (0.00{0})\n")
    text = "".join(line.format(i) for i in (1, 6, 9))
    got = {(n, v, s, e) for n, v, s, e in named(text)}
    assert {("MAEs_e", 0.059, 9, 0), ("MAEs_f", 0.009, 9, 0)} <= got
    assert {("MAEs_e", 0.059, 9, 0), ("MAEs_f", 0.009, 9, 0)} <= set(columns_named(text))
    assert not {n for n, *_ in got} & {"e", "f"}


def test_hugging_faces_per_class_detection_keys_are_not_metrics() -> None:
    """The Hugging Face object-detection example (``class_metrics=True``) prints a class's
    ``eval_map_Coverall`` and ``eval_mar_100_Coverall`` next to ``eval_map``: one row of a
    per-class table each, not a quantity of the run."""
    text = ("{'eval_loss': 1.31, 'eval_map': 0.27, 'eval_map_50': 0.52, 'eval_map_small': 0.1,\n"
            " 'eval_map_Coverall': 0.49, 'eval_map_Face_Shield': 0.21,\n"
            " 'eval_mar_100': 0.44, 'eval_mar_100_Coverall': 0.62, 'epoch': 3.0}\n")
    got = {n for n, *_ in named(text)}
    assert {"eval_loss", "eval_map", "eval_map_50", "eval_map_small", "eval_mar_100"} <= got
    assert not any(n.endswith(("Coverall", "Shield")) for n in got)
    # guard: a lowercase word after map is the map's own kind ("map_loss", PIPNet's heatmap)
    assert ("map_loss", 0.11, None, 1) in named("epoch 1\n map_loss: 0.11\n")
