"""Round ``tune90`` (session 90). Each test of a rule fails on 5e2ae013 (this session's
start); the guards pin what must not change."""

from __future__ import annotations

from parsed import named

_RAY = """{'date': '2026-12-05_06-12-05',
 'done': False,
 'env_runners': {'agent_episode_return_mean': {'default_agent': np.float64(18.79)},
                 'episode_len_mean': 18.79,
                 'episode_return_mean': 18.79,
                 'module_episode_return_mean': {'default_policy': np.float64(18.79)}},
 'learners': {'__all_modules__': {'num_env_steps_trained': 4000},
              'default_policy': {'entropy': np.float64(0.6783267855644226),
                                 'policy_loss': np.float64(0.10650845617055893),
                                 'vf_loss': np.float64(5.528615474700928)}},
 'time_this_iter_s': 13.46905517578125,
 'timers': {'learner_update_timer': 7.710382146993652},
 'training_iteration': 1}
"""


def test_a_ray_result_dict_is_named_by_all_its_keys() -> None:
    # RLlib's ``pprint(algo.train())``: each value under every key above it, as Tune's
    # progress.csv and TensorBoard flatten it (not by the fewest keys that tell it apart,
    # which named the same dict's values by one, two or four keys)
    got = {name: (value, step) for name, value, step, _ in named(_RAY)}
    assert got["env_runners/agent_episode_return_mean/default_agent"] == (18.79, 1)
    assert got["env_runners/episode_return_mean"] == (18.79, 1)
    assert got["env_runners/module_episode_return_mean/default_policy"] == (18.79, 1)
    assert got["learners/default_policy/policy_loss"] == (0.10650845617055893, 1)
    assert got["learners/default_policy/vf_loss"] == (5.528615474700928, 1)
    assert got["timers/learner_update_timer"] == (7.710382146993652, 1)
    assert got["time_this_iter_s"] == (13.46905517578125, 1)
    assert not any(name.startswith("default_policy/") for name in got)


def test_a_nested_dict_without_ray_keeps_its_distinct_keys() -> None:
    # (guard) other nested dicts keep the fewest keys that tell a name apart
    text = "{'epoch': 3, 'train': {'loss': 0.5}, 'val': {'loss': 0.4, 'acc': 0.9}}\n"
    assert named(text) == [("train/loss", 0.5, None, 3), ("val/loss", 0.4, None, 3),
                           ("val/acc", 0.9, None, 3)]


def test_a_field_word_with_digits_qualifies_its_name() -> None:
    # LXMERT's "Overall Accu 0.2501, gqa Accu 0.3072, visual7w Accu 0.1709": a data set's
    # name with digits in it qualifies the measure as a letters-only one does (it was dropped,
    # and visual7w's value joined the overall "Accu")
    text = "Overall Accu 0.2501, gqa Accu 0.3072, visual7w Accu 0.1709, vqa Accu 0.3320\n"
    assert named(text) == [("Accu", 0.2501, None, None), ("gqa_Accu", 0.3072, None, None),
                           ("visual7w_Accu", 0.1709, None, None),
                           ("vqa_Accu", 0.332, None, None)]
    # OFA's tab fields "\ttop1 acc 89.5\ttop5 acc 99.0"
    assert [n for n, *_ in named("epoch 3\tloss 0.5\ttop1 acc 89.5\ttop5 acc 99.0\n")] == [
        "loss", "top1_acc", "top5_acc"]


def test_a_number_before_a_field_word_is_no_name() -> None:
    # (guard) a value's unit or a counter glued to digits stays out of the next name
    assert [n for n, *_ in named("iter 5, loss 0.5, 12ms data 0.3\n")] == ["loss", "data"]


def test_a_listing_line_behind_a_records_prefix_keeps_its_phrase() -> None:
    # "Total training time: 12.5" and "Mean absolute error: 0.5" logged through Python
    # logging: a one-key line (a listing's, held as a possible setting) was read with the
    # record's prefix before it, so the phrase lost its first words (training_time, error)
    text = "Total training time: 12.5\nMean absolute error: 0.5\nAccuracy: 97.5%\n"
    want = [("Total_training_time", 12.5, None, None), ("Mean_absolute_error", 0.5, None, None),
            ("Accuracy", 97.5, None, None)]
    assert named(text) == want
    for prefix in ("2024-11-25 10:31:15,542 [INFO] __main__: ",
                   "I1125 10:31:15.542123 12345 train.py:88] ",
                   "INFO 2024-11-25 10:31:15 train.py:357 "):
        tagged = "".join(prefix + line + "\n" for line in text.splitlines())
        assert named(tagged) == want, prefix


def test_a_records_message_is_planned_alone_whatever_block_it_may_open() -> None:
    # an epoch's report ("Epoch time: 26.8, per step time: 14.3"), a count of things in a
    # configuration's words, a phrase's unit: read as the message printed alone, not with
    # the prefix before it (then "Epoch" was lost, and "hdf5", "second" became names)
    stamp = "2024-11-25 10:31:15,542 [INFO] __main__: "
    assert named(stamp + "Epoch time: 26.8, per step time: 14.3\n") == [
        ("Epoch_time", 26.8, None, None), ("per_step_time", 14.3, None, None)]
    assert named("2020-05-01 01:13:29,929 train INFO: num of params in hdf5=28132701\n") == []
    assert named("2022-09-28 14:50:15.9457 INFO Training time in second: 600 "
                 "(Microsoft.ML.ModelBuilder.Utils.Logger.Info)\n") == []


def test_a_prefix_that_hides_a_counter_keeps_the_whole_line() -> None:
    # (guard) "[time] PRINT [15,  2000] loss: 1.535": the tutorial's epoch and batch pair
    assert named("[2023-08-27 21:22:27] PRINT [15,  2000] loss: 1.535\n") == [
        ("loss", 1.535, 2000, 15)]


_SKORCH = ("  epoch    train_loss    valid_loss     dur\n"
           "-------  ------------  ------------  ------\n"
           "      1        0.5000        0.4000  0.1000\n"
           "      2        0.3000        0.2500  0.1000\n")


def test_an_aligned_table_behind_glogs_or_a_level_first_prefix() -> None:
    # absl/glog's "I1125 10:31:15.542123 12345 train.py:88] ", LeRobot's "INFO 2026-06-12
    # 16:56:19 train.py:357 " before each row of a table whose rows open with spaces: the
    # prefix is the record's, the table reads as printed
    for prefix in ("I1125 10:31:15.542123 12345 train.py:88] ",
                   "INFO 2026-06-12 16:56:19 train.py:357 "):
        tagged = "".join(prefix + line + "\n" for line in _SKORCH.splitlines())
        assert named(tagged) == named(_SKORCH), prefix
        assert ("valid_loss", 0.25, None, 2) in named(tagged), prefix


_ULTRALYTICS_CLS = (
    "               classes   top1_acc   top5_acc: 100% ━━━━━━━━━━━━ 4/4 2.8s/it 11.2s\n"
    "                   all          1          1\n"
    "Speed: 0.0ms preprocess, 5.2ms inference, 0.0ms loss, 0.0ms postprocess per image\n")


def test_a_quoted_paste_reads_as_printed() -> None:
    # Ultralytics' closing validation pasted as Python comments ("# ") or as a Markdown
    # block quote ("> "): the quoting is the paste's, the lines the framework's (the "all"
    # row was read as a comment's words: no top1_acc, top5_acc 100)
    want = named(_ULTRALYTICS_CLS)
    assert ("top1_acc", 1.0, None, None) in want and ("speed_inference", 5.2, None, None) in want
    for quote in ("# ", "> "):
        assert named("".join(quote + line + "\n" for line in _ULTRALYTICS_CLS.splitlines())
                     ) == want, quote
    quoted = "> Epoch 1: loss 0.5\n>\n> Epoch 2: loss 0.4\n"  # (a blank quoted line)
    assert named(quoted) == [("loss", 0.5, None, 1), ("loss", 0.4, None, 2)]
    # a quote under a collector's tag or a rank's ("docker logs -t" of a paste's replay)
    for tag in ("2024-11-25T10:31:15.542123456Z ", "[rank0]: "):
        assert named("".join(tag + "# " + line + "\n" for line in _ULTRALYTICS_CLS.splitlines())
                     ) == want, tag


def test_a_hash_glued_to_a_word_is_no_quote() -> None:
    # (guard) libFM's "#Iter=  0" keeps its hash: the iteration's key
    text = "#Iter=  0\tTrain=0.5124\tTest=0.5201\n#Iter=  1\tTrain=0.4321\tTest=0.4411\n"
    assert ("Train", 0.4321, 1, None) in named(text)


def test_validate_is_a_phase_word_as_validation_is() -> None:
    # "Validate Epoch [035/400]: Coarse Loss = 20.5" (VN-PCN) is the validation's, as "Test
    # Epoch [...]:" is the test's (its values joined the training's series)
    text = "Validate Epoch [035/400]: Coarse Loss = 20.527785, Dense Loss = 14.450938\n"
    assert named(text) == [("validate_Coarse_Loss", 20.527785, None, 35),
                           ("validate_Dense_Loss", 14.450938, None, 35)]
