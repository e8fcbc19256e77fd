"""Round ``zoo82`` (session 82): what the zoo's failing cases and the tuning half of the
held-out corpus showed the parser got wrong at 5504e800 (this session's start). Each test of a
rule fails on that commit; the guards pin what must not change."""

from __future__ import annotations

from parsed import named

from exptrack.capture import metricfiles
from exptrack.metrics import files
from exptrack.metrics.merge import merge_sources
from exptrack.metrics.observation import Observation

_TIANSHOU = ("Epoch #1:  {pct}%|####| {n}/2000 [00:00<00:01, 1363.38it/s, env_episode={ep}, "
             "env_step={n}, len=8, n_ep=1, n_st=10, rew={rew}, update_step={u}]\n")


def test_tianshous_env_episode_is_a_counter_beside_env_step() -> None:
    """Tianshou 2's bar counts the episodes so far as ``env_episode`` (beside ``env_step``,
    ``n_ep``, ``n_st``): a counter, not a metric. Its ``rew`` and ``len`` are measures."""
    text = (_TIANSHOU.format(pct=4, n=80, ep=1, rew="8.00", u=8)
            + _TIANSHOU.format(pct=100, n=2000, ep=93, rew="11.00", u=200))
    got = {name for name, *_ in named(text)}
    assert "env_episode" not in got
    assert {"rew", "len"} <= got  # guards: the bar's measures stay
    # guards: an episode's reward or a test env's step in a name is no bare counter
    assert [n for n, *_ in named("step 5: env_episode_reward=3.5\n")] == ["env_episode_reward"]


def test_a_weighted_corpus_load_count_is_no_metric() -> None:
    """eole and OpenNMT-py print, each time their data iterator loads a corpus again,
    ``Weighted corpora loaded so far:`` over ``* corpus_1: 3``: how often each corpus was
    loaded, a count (eole_train: 26 such lines among its training lines)."""
    text = "".join(
        f"[2026-12-05 05:07:14,963 INFO] Weighted corpora loaded so far:\n\t\t\t* corpus_1: {i}\n"
        f"[2026-12-05 05:07:15,100 INFO] Step {i * 10}/  100; acc: 12.{i}; ppl:  20.1; "
        f"xent: 3.0; lr: 0.00100; sents:     320; bsz:   32/  32/ 8; 1200/1200 tok/s;      1 sec\n"
        for i in range(1, 5))
    got = {name for name, *_ in named(text)}
    assert not any(name.startswith("corpus") for name in got)
    assert {"acc", "ppl", "xent"} <= got  # guards: the step lines are read as before


def _ray_result(iteration: int, ret: float, loss: float) -> str:
    """RLlib's ``pprint(algo.train())``: a nested result dict over lines, NumPy 2's reprs."""
    return (f"{{'date': '2026-12-05_06-12-0{iteration}',\n"
            " 'done': False,\n"
            f" 'env_runners': {{'episode_len_mean': np.float64({ret}),\n"
            f"                 'episode_return_mean': np.float64({ret}),\n"
            "                 'num_episodes': 206},\n"
            " 'hostname': 'vm',\n"
            f" 'learners': {{'default_policy': {{'entropy': np.float64({loss / 8}),\n"
            f"                                  'total_loss': np.float64({loss})}}}},\n"
            " 'node_ip': '192.0.2.2',\n"
            f" 'time_this_iter_s': 13.4{iteration},\n"
            f" 'training_iteration': {iteration},\n"
            " 'trial_id': 'default'}\n")


def test_rllibs_pprinted_result_dict_is_the_iterations_report() -> None:
    """RLlib's getting-started loop pprints each ``algo.train()`` result: ~100 numbers and a
    few texts of the trial (date, hostname, node_ip, trial_id, done). Read as one line, its
    texts made it a printed configuration and nothing was recorded (the zoo's rllib_ppo:
    0 of 15). Its ``training_iteration`` keys it as a result, the step of its values."""
    text = "".join(_ray_result(i, 18.5 + 10 * i, 5.5 - i) for i in (1, 2, 3))
    got = named(text)
    returns = [(value, step) for name, value, step, _ in got
               if name.endswith("episode_return_mean")]
    assert returns == [(28.5, 1), (38.5, 2), (48.5, 3)]
    assert [value for name, value, *_ in got if name.endswith("total_loss")] == [4.5, 3.5, 2.5]
    assert not any(name.endswith(("hostname", "node_ip", "date")) for name, *_ in got)
    # guards: a printed configuration with texts and no iteration stays one
    config = ("{'train': {'log_interval': 200, 'seed': 1234, 'learning_rate': 0.0001, "
              "'optimizer': 'adamw', 'scheduler': 'cosine', 'c_mel': 45, 'c_kl': 1.0, "
              "'segment_size': 8192, 'batch_size': 12, 'warmup_epochs': 0}}\n")
    assert named(config) == []


_VW = """average  since         example        example        current        current  current
loss     last          counter         weight          label        predict features
0.693147 0.693147            1            1.0         1.0000         0.0000       11
0.611657 0.530167            2            2.0         1.0000         0.3578       11
0.745872 0.880086            4            4.0         1.0000        -0.2368       11 h

finished run
number of examples = 6
weighted example sum = 6.000000
average loss = 0.336861
best constant = -0.082046
total feature number = 66
"""


def test_vowpal_wabbits_header_over_two_lines_names_its_columns() -> None:
    """Vowpal Wabbit's progressive validation table names each column over two lines
    (``average`` over ``loss``): read as one header (``average_loss``, ``since_last``), its
    ``example counter`` the step, the example's weight, label and prediction no metrics. The
    second line alone named the columns ``loss``, ``last``, ... and its ``predict features``
    (one space apart) made six names for seven values: no row was read (the zoo's
    vowpal_wabbit: 0 of 2; the held-out vowpal_wabbit_holdout: 0 of 2). ``finished run``
    ends the run: its summary's ``average loss`` is of no step."""
    got = named(_VW)
    assert [(v, s) for n, v, s, _ in got if n == "since_last"] == [
        (0.693147, 1), (0.530167, 2), (0.880086, 4)]
    assert [(v, s) for n, v, s, _ in got if n == "average_loss"] == [
        (0.693147, 1), (0.611657, 2), (0.745872, 4), (0.336861, None)]
    assert {n for n, *_ in got} == {"average_loss", "since_last"}
    # guards: a second line of fewer words (none under "Epoch") is not joined; a one-line
    # header reads as before
    short = "Epoch  Train  Val\n       loss   loss\n1  0.5  0.7\n2  0.4  0.8\n"
    assert [(n, v, e) for n, v, _, e in named(short)] == [
        ("Train", 0.5, 1), ("Val", 0.7, 1), ("Train", 0.4, 2), ("Val", 0.8, 2)]
    table = "epoch  train_loss  val_loss\n1  0.5  0.7\n2  0.4  0.6\n"
    assert [(n, v, e) for n, v, _, e in named(table)] == [
        ("train_loss", 0.5, 1), ("val_loss", 0.7, 1), ("train_loss", 0.4, 2),
        ("val_loss", 0.6, 2)]


def test_a_bare_n_counts_what_a_statistic_was_taken_over() -> None:
    """fastText's tutorial prints ``model.test()`` as ``N\t2000``, ``P@1\t0.934``,
    ``R@1\t0.772``: N is how many lines were tested, a count (fasttext_supervised's junk)."""
    got = {name for name, *_ in named("N\t2000\nP@1\t0.934\nR@1\t0.772\n")}
    assert got == {"P@1", "R@1"}
    # guards: a name that starts with an n is no count for it
    assert [(n, v) for n, v, *_ in named("step 3: NLL 0.52, nDCG 0.41\n")] == [
        ("NLL", 0.52), ("nDCG", 0.41)]


def test_lightnings_sanity_check_value_is_no_series() -> None:
    """pytorch-forecasting shows its validation sanity check (two batches before training)
    on Lightning's bar as ``sanity_check_loss``, which no logger keeps (the zoo's
    pytorch_forecasting_tft under a terminal: one frame)."""
    text = ("Epoch 0/2  ━━━━━━━━ 0/50 0:00:00 • -:--:-- 0.00it/s v_num: 0.000 "
            "sanity_check_loss: 1.332\n"
            "Epoch 0/2  ━━━━━━━━ 50/50 0:00:02 • 0:00:00 19.06it/s v_num: 0.000 "
            "train_loss_step: 0.160 val_loss: 0.161\n")
    got = {name for name, *_ in named(text)}
    assert "sanity_check_loss" not in got
    assert {"train_loss_step", "val_loss"} <= got  # guards: the run's values stay


def _obs(name: str, values: list[float]) -> list[Observation]:
    return [Observation(name, value, step, None) for step, value in enumerate(values, 1)]


def test_a_grouped_tensorboard_tag_stands_for_its_printed_last_part() -> None:
    """CleanRL prints ``global_step=60, episodic_return=[15.]`` and writes the same value to
    its SummaryWriter as ``charts/episodic_return``: one quantity, the file's tag naming it
    (cleanrl_ppo: the printed and the file's series were two)."""
    printed = _obs("episodic_return", [15.0, 22.0]) + _obs("SPS", [1947.0])
    tags = _obs("charts/episodic_return", [15.0, 22.0]) + _obs("charts/SPS", [1940.0]) \
        + _obs("losses/value_loss", [0.5])
    kept, merged = merge_sources(printed, [(files.TFEVENTS, tags)])
    assert kept == []
    assert [o.value for o in merged["charts/episodic_return"]] == [15.0, 22.0]
    assert [o.value for o in merged["charts/SPS"]] == [1940.0]  # the file's, exact
    # guards: a phase's group keeps its own (a printed training acc is not val/acc); a last
    # part two tags share stands for neither
    printed = _obs("acc", [0.5]) + _obs("loss", [0.9])
    tags = _obs("val/acc", [0.4]) + _obs("charts/loss", [0.9]) + _obs("losses/loss", [0.9])
    kept, merged = merge_sources(printed, [(files.TFEVENTS, tags)])
    assert {o.name for o in kept} == {"acc", "loss"}


def test_a_printed_training_name_is_the_files_name_of_no_phase() -> None:
    """litgpt prints ``loss train: 11.015, val: n/a`` each iteration (``loss_train``) where its
    metrics.csv keeps ``loss``: the training's loss, one series (litgpt_finetune's junk)."""
    printed = _obs("loss_train", [11.015, 11.011]) + _obs("loss_val", [11.02])
    sourced = _obs("loss", [11.0148344, 11.0111]) + _obs("val_loss", [11.0236])
    kept, merged = merge_sources(printed, [(files.LIGHTNING, sourced)])
    assert kept == []
    assert [o.value for o in merged["loss"]] == [11.0148344, 11.0111]
    # guards: a file that keeps both (Hugging Face's per-step loss and its closing
    # train_loss) keeps them apart; a phase's name stands for no training one
    printed = _obs("train_loss", [0.52]) + _obs("val_acc", [0.7])
    sourced = _obs("loss", [0.61, 0.55]) + _obs("train_loss", [0.5234]) + _obs("acc", [0.9])
    kept, merged = merge_sources(printed, [(files.HF_TRAINER, sourced)])
    assert [o.value for o in merged["train_loss"]] == [0.5234]
    assert [o.value for o in merged["loss"]] == [0.61, 0.55]
    assert [o.name for o in kept] == ["val_acc"]


_SB_LOG = (b"epoch: 1, lr: 1.00e-01 - train loss: 9.18e-01 - valid loss: 7.17e-01, valid "
           b"error_rate: 2.81e-01\n"
           b"epoch: 2, lr: 1.00e-01 - train loss: 6.27e-01 - valid loss: 6.30e-01, valid "
           b"error_rate: 1.56e-01\n"
           b"Epoch loaded: 2 - test loss: 5.10e-01, test error_rate: 2.19e-01\n")


def test_speechbrains_train_log_is_its_metric_file() -> None:
    """SpeechBrain's recipes keep each epoch's statistics in ``train_log.txt`` (its
    FileTrainLogger): read as a framework file, its epoch's ``train_loss`` stands for the
    bar's running ``train_loss=1.29`` a batch (speechbrain_brain: 67 values for 4)."""
    assert files.kind_of("train_log.txt", _SB_LOG) == files.SPEECHBRAIN
    got = [(o.name, o.value, o.epoch) for o in files.parse(files.SPEECHBRAIN, _SB_LOG)]
    assert got == [("lr", 0.1, 1), ("train_loss", 0.918, 1), ("valid_loss", 0.717, 1),
                   ("valid_error_rate", 0.281, 1), ("lr", 0.1, 2), ("train_loss", 0.627, 2),
                   ("valid_loss", 0.63, 2), ("valid_error_rate", 0.156, 2),
                   ("test_loss", 0.51, 2), ("test_error_rate", 0.219, 2)]
    bar = [Observation("train_loss", v, None, e) for e, v in ((1, 1.29), (1, 1.17), (2, 0.7))]
    kept, merged = merge_sources(bar, [(files.SPEECHBRAIN, files.parse(files.SPEECHBRAIN,
                                                                       _SB_LOG))])
    assert [o.value for o in merged["train_loss"]] == [0.918, 0.627] and kept == []
    # guards: another train_log.txt is no SpeechBrain file; the watcher looks at the name
    assert files.kind_of("train_log.txt", b"step 1 loss 0.5\n") is None
    assert metricfiles._candidate("train_log.txt")


def test_a_splits_set_label_names_the_dict_after_it() -> None:
    """A Hugging Face script printing ``Dev set: {'eval_loss': ...}`` then ``Test set: {...}``
    after training (the evaluations of two splits): each split's keys carry its label, as
    ``Dev set results: {`` already did; the bare keys made the two splits one series with
    the training's evaluations (heldout734's BioBERT log: 13 eval_loss for 5)."""
    text = ("{'eval_loss': 0.86, 'eval_f1': 0.68, 'epoch': 1.0}\n"
            "Dev set: {'eval_loss': 1.42, 'eval_f1': 0.70}\n"
            "Test set: {'eval_loss': 1.44, 'eval_f1': 0.69}\n")
    got = [(n, v) for n, v, *_ in named(text)]
    assert got == [("eval_loss", 0.86), ("eval_f1", 0.68), ("Dev_eval_loss", 1.42),
                   ("Dev_eval_f1", 0.70), ("Test_eval_loss", 1.44), ("Test_eval_f1", 0.69)]
    # guards: a set that names no split labels nothing
    assert [n for n, *_ in named("Data set: {'loss': 1.2, 'f1': 0.8}\n")] == ["loss", "f1"]


def test_a_number_glued_to_a_word_by_a_hyphen_is_no_value() -> None:
    """FLAML logs ``Minimizing error metric: 1-accuracy`` (its objective, a word): the 1 of
    ``1-accuracy`` was recorded as ``Minimizing_error_metric`` (flaml_automl's junk)."""
    assert named("[flaml.automl.logger: 12-05 08:29:42] {2604} INFO - Minimizing error "
                 "metric: 1-accuracy\n") == []
    # guards: a value glued to the next key's pair keeps its value; an epoch glued to a
    # phase word keeps its epoch
    assert [(n, v) for n, v, *_ in named("loss: 0.5-acc: 0.9\n")] == [("loss", 0.5), ("acc", 0.9)]
    assert named("Epoch 1-Train loss: 0.5\n") == [("train_loss", 0.5, None, 1)]


_SCORES = (b"steps\tepisodes\telapsed\tmean\tmedian\tstdev\tmax\tmin\taverage_q\taverage_loss\t"
           b"cumulative_steps\tn_updates\trlen\n"
           b"1008\t80\t1.40\t9.4\t10.0\t0.89\t10.0\t8.0\t4.260486\t0.2587\t1008\t509\t1008\n")


def test_pfrls_scores_txt_is_its_metric_file() -> None:
    """PFRL's ``train_agent_with_evaluation`` keeps each evaluation in ``scores.txt``: the
    return's statistics and the agent's ``average_q``, ``average_loss``, at ``steps``
    (pfrl_dqn: 2 of 11 with no file read); its counters and buffer size are no metrics."""
    assert files.kind_of("scores.txt", _SCORES) == files.PFRL
    got = {o.name: (o.value, o.step) for o in files.parse(files.PFRL, _SCORES)}
    assert got == {"elapsed": (1.4, 1008), "mean": (9.4, 1008), "median": (10.0, 1008),
                   "stdev": (0.89, 1008), "max": (10.0, 1008), "min": (8.0, 1008),
                   "average_q": (4.260486, 1008), "average_loss": (0.2587, 1008)}
    # guards: another scores.txt is none of PFRL's; the watcher looks at the name
    assert files.kind_of("scores.txt", b"epoch score\n1 0.5\n") is None
    assert metricfiles._candidate("scores.txt")
