"""Round ``tune70`` (session 78): forms of the corpus's leads and of the sets session 78
tuned on (``heldout888``, ``heldout890``, ``heldout894``). Each test of a rule fails on the
parser before the round (6a303c12); the guards of the table, batch and learning-rate rules
fail on the rule without its check (mutation-checked), the others pin what did not change."""

from __future__ import annotations

from parsed import columns_named, named

_OPENCOMPASS = (
    "dataset                                      version    metric         mode      "
    "qwen1.5-1.8b-chat-hf\n"
    "-------------------------------------------  ---------  -------------  ------  "
    "----------------------\n"
    "cmmlu-agronomy                               4c7f2c     accuracy       gen       "
    "               43.20\n"
    "cmmlu-anatomy                                ea09bf     accuracy       gen       "
    "               33.78\n"
    "--------- 考试 Exam ---------                -          -              -         "
    "                   -\n"
    "ceval-probability_and_statistics             65e812     accuracy       gen       "
    "               27.78\n"
    "ceval-accountant                             002837     accuracy       gen       "
    "               -\n"
    "ceval-hard                                   -          naive_average  gen       "
    "               32\n"
    "12/06 10:21:43 - OpenCompass - INFO - write summary to /out/summary_20240702.txt\n")


def test_opencompass_summary_is_a_long_table_of_dataset_and_metric() -> None:
    """OpenCompass's summarizer prints one row a data set: ``dataset  version  metric  mode``
    and a column of values per model. Each row was read as a line, its value named ``gen``
    (the mode) and a version hash (``637007``, ``65e812`` as ``inf``) taken for a value: a
    C-Eval and a CMMLU summary (heldout463, heldout894) gave nothing right of 125 values."""
    assert named(_OPENCOMPASS) == [
        ("cmmlu-agronomy/accuracy", 43.2, None, None),
        ("cmmlu-anatomy/accuracy", 33.78, None, None),
        ("ceval-probability_and_statistics/accuracy", 27.78, None, None),
        ("ceval-hard/naive_average", 32.0, None, None)]
    assert columns_named(_OPENCOMPASS) == named(_OPENCOMPASS)  # (rows of one shape: a block)
    several = ("dataset    version    metric    mode    llama-7b    qwen-7b\n"
               "---------  ---------  --------  ------  ----------  ---------\n"
               "gsm8k      1d7fe4     accuracy  gen     12.50       55.10\n"
               "\n"
               "loss: 0.25\n")
    assert named(several) == [("gsm8k/accuracy/llama-7b", 12.5, None, None),
                              ("gsm8k/accuracy/qwen-7b", 55.1, None, None),
                              ("loss", 0.25, None, None)]
    # guards: a table with another first column is not OpenCompass's; a row that does not
    # fit the header ends the table, and the lines after it are read as before
    assert named("dataset    split    size\ncifar10    train    50000\n") == []
    assert named("dataset    version    metric    mode    m\n"
                 "gsm8k      1d7fe4     accuracy  gen     12.50\n"
                 "Epoch 1 loss: 0.3\n") == [("gsm8k/accuracy", 12.5, None, None),
                                           ("loss", 0.3, None, 1)]


def test_a_tensors_repr_in_a_dict_of_results_is_no_configuration() -> None:
    """LSNet's change-detection evaluation prints a dict with a precision-recall curve of
    tensors (``'PRC': (tensor([0.0179, ...], device='cuda:0'), tensor([...],
    device='cuda:0'))``): two text assignments, so the whole dict was taken for printed
    configuration and OA, F1, recall, precision, AP and IoU were lost (heldout890)."""
    text = ("{'OA': 0.9652081727981567, 'F1': 0.26219162344932556, 'PRC': (tensor([0.0179, "
            "0.1374], device='cuda:0'), tensor([1.0000, 0.5366], device='cuda:0')), "
            "'IoU': 0.1353437439031936}\n")
    assert named(text) == [("OA", 0.9652081727981567, None, None),
                           ("F1", 0.26219162344932556, None, None),
                           ("IoU", 0.1353437439031936, None, None)]
    assert named("TEST - EP: 0 iou: 0.2001 Accuracy: 0.8005 Dice Coeff tensor([0.8892, 0.0], "
                 "dtype=torch.float64) Recall tensor([1., 0.], dtype=torch.float64)\n") == [
        ("test_iou", 0.2001, None, 0), ("test_accuracy", 0.8005, None, 0)]
    # guard: text settings beside a device are still configuration
    assert named("model=resnet50, device='cuda:0', optimizer=adam, lr=0.1\n") == []


def test_an_epochs_value_after_its_batches_progress_lines_has_no_step() -> None:
    """Chris McCormick's BERT tutorial prints ``Batch    40  of    241.    Elapsed:
    0:00:11.`` through the epoch and then ``Average training loss: 0.50``: the epoch's
    average took the last batch's number as its step (heldout42, heldout645, heldout788;
    TorchDrug's ``Working on batch 200 of 885``, heldout420)."""
    text = ("======== Epoch 1 / 4 ========\nTraining...\n"
            "  Batch    40  of    241.    Elapsed: 0:00:11.\n"
            "  Batch    80  of    241.    Elapsed: 0:00:21.\n\n"
            "  Average training loss: 0.50\n  Training epcoh took: 0:01:03\n\n"
            "Running Validation...\n  Accuracy: 0.79\n"
            "======== Epoch 2 / 4 ========\nTraining...\n"
            "  Batch    40  of    241.    Elapsed: 0:00:11.\n\n"
            "  Average training loss: 0.32\n")
    assert named(text) == [("Average_training_loss", 0.5, None, 1),
                           ("validation_accuracy", 0.79, None, 1),
                           ("Average_training_loss", 0.32, None, 2)]
    assert columns_named(text) == named(text)
    # guards: a batch's line that reports values, and a step that is not a batch, still
    # place the lines after them (a batch's losses printed over lines)
    assert named("Epoch 1\nbatch: [20/24] loss: 0.81\nval acc: 0.5\n") == [
        ("loss", 0.81, 20, 1), ("val_acc", 0.5, 20, 1)]
    assert named("Epoch 1\nStep 40 of 241\nloss: 0.5\n") == [("loss", 0.5, 40, 1)]


def test_the_learning_rate_takes_no_phase_from_a_phrased_name() -> None:
    """A VAE's ``Epoch:  1/  3  Batch:    1  Train Loss:  35691.2  LR:  5e-05``: the phrase
    ``Train Loss`` opening the line named the learning rate ``train_LR`` (heldout888); the
    optimiser's rate is of no phase."""
    assert named("Epoch:  1/  3  Batch:    1  Train Loss:  35691.2  LR:  5e-05\n") == [
        ("train_loss", 35691.2, 1, 1), ("LR", 5e-05, 1, 1)]
    # guards: a label's phase is the rate's too (LAVIS' "Train: data epoch: [0] lr:"), and
    # the phrased name's phase still names the line's other values
    assert named("Train: data epoch: [0]  [ 50/100]  lr: 0.000100  loss: 2.5\n") == [
        ("train_lr", 0.0001, 50, 0), ("train_loss", 2.5, 50, 0)]
    assert named("Epoch 3 Train Loss: 0.4  Acc: 0.9  LR: 0.01\n") == [
        ("train_loss", 0.4, None, 3), ("train_acc", 0.9, None, 3), ("LR", 0.01, None, 3)]


def test_a_serving_benchmarks_request_counts_and_configured_rate_are_no_metrics() -> None:
    """vLLM's ``vllm bench serve`` result: ``Successful requests: 998``, ``Failed requests:
    2`` count requests and ``Request rate configured (RPS): 100.00`` is a setting
    (heldout894, heldout463); the throughputs and latencies are its metrics."""
    text = ("============ Serving Benchmark Result ============\n"
            "Successful requests:                     998       \n"
            "Failed requests:                         2         \n"
            "Request rate configured (RPS):           100.00    \n"
            "Benchmark duration (s):                  800.26    \n"
            "Request throughput (req/s):              1.25      \n"
            "Mean TTFT (ms):                          271196.67 \n")
    assert [n for n, *_ in named(text)] == [
        "Benchmark_duration_(s)", "Request_throughput_(req/s)", "Mean_TTFT_(ms)"]


_HTML_TABLE = """
    <div>
      <progress value='20250' max='20250' style='width:300px; height:20px;'></progress>
      [20250/20250 35:46, Epoch 3/3]
    </div>
    <table border="1" class="dataframe">
  <thead>
 <tr style="text-align: left;">
      <th>Epoch</th>
      <th>Training Loss</th>
      <th>Validation Loss</th>
      <th>F1 Macro</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td>1</td>
      <td>No log</td>
      <td>0.171960</td>
      <td>0.945488</td>
    </tr>
    <tr>
      <td>2</td>
      <td>0.145000</td>
      <td>0.188322</td>
      <td>0.948275</td>
    </tr>
  </tbody>
</table><p>
"""


def test_a_notebooks_html_progress_table_is_a_table() -> None:
    """A notebook stores the Hugging Face Trainer's progress table as ``text/html``, one tag
    a line: its rows were nothing, and ``<table border="1"`` a value named ``table_border``
    (heldout896, heldout68)."""
    assert named(_HTML_TABLE) == [
        ("Validation_Loss", 0.17196, None, 1), ("F1_Macro", 0.945488, None, 1),
        ("Training_Loss", 0.145, None, 2), ("Validation_Loss", 0.188322, None, 2),
        ("F1_Macro", 0.948275, None, 2)]
    assert columns_named(_HTML_TABLE) == named(_HTML_TABLE)
    # guards: a row of another width is no row; a line of another kind ends the table
    assert named(_HTML_TABLE.replace("      <td>0.948275</td>\n", "")
                 + "loss: 0.5\n") == [
        ("Validation_Loss", 0.17196, None, 1), ("F1_Macro", 0.945488, None, 1),
        ("loss", 0.5, None, 1)]
    assert named("<table>\n<tr>\n<th>Step</th>\n<th>Loss</th>\n</tr>\nStep 3 acc: 0.5\n") \
        == [("acc", 0.5, 3, None)]


def test_trainoutputs_training_loss_is_its_metrics_train_loss_again() -> None:
    """``TrainOutput(global_step=20250, training_loss=0.134, metrics={..., 'train_loss':
    0.134, ...})`` prints the run's mean loss twice: ``training_loss`` was a second series
    (eight corpus logs: heldout16, heldout141, heldout558, heldout645, heldout765)."""
    assert named("TrainOutput(global_step=20250, training_loss=0.134192324720783, metrics={"
                 "'train_runtime': 2146.7462, 'train_loss': 0.134192324720783, 'epoch': 3.0})"
                 "\n") == [("train_runtime", 2146.7462, 20250, 3),
                           ("train_loss", 0.134192324720783, 20250, 3)]
    # guard: without the metrics' train_loss, training_loss is the only print of it
    assert named("TrainOutput(global_step=9, training_loss=2.2, metrics={'train_runtime': 3.1})"
                 "\n") == [("training_loss", 2.2, 9, None), ("train_runtime", 3.1, 9, None)]


def test_a_unit_in_words_in_parentheses_is_the_names() -> None:
    """``MSE (in L^{2}): 2.235E-02`` (a JAX functional autoencoder's, heldout882): the
    exponent's 2 was read as a number and the name was lost; ``(in seconds)`` after a time
    stays part of its name, as ``(s)`` does (heldout784)."""
    assert named("epoch      0 || MSE (in L^{2}): 2.235E-02\n"
                 "epoch     10 || MSE (in L^{2}): 7.718E-03\n") == [
        ("MSE", 0.02235, None, 0), ("MSE", 0.007718, None, 10)]
    assert named("PSNR (in dB): 30.1\n") == [("PSNR", 30.1, None, None)]
    assert named("Training Time (in seconds): 76.1\nInference Time (in seconds): 0.3\n") == [
        ("training_time_(in_seconds)", 76.1, None, None),
        ("Inference_Time_(in_seconds)", 0.3, None, None)]


def test_a_phases_key_opens_its_pipe_fields_section() -> None:
    """``Epoch 010 | train_loss=0.52 acc=0.99 F1=0.99 | val_loss=0.67 acc=0.92 F1=0.92``:
    ``acc`` and ``F1`` twice on the line, each after a phase's key: the first pair was lost
    and the second named as no phase's (a BiGRU's k-fold run, heldout898)."""
    assert named("Epoch 010 | train_loss=0.5239 acc=0.9919 F1=0.9919 | val_loss=0.6665 "
                 "acc=0.9228 F1=0.9204\n") == [
        ("train_loss", 0.5239, None, 10), ("train_acc", 0.9919, None, 10),
        ("train_f1", 0.9919, None, 10), ("val_loss", 0.6665, None, 10),
        ("val_acc", 0.9228, None, 10), ("val_f1", 0.9204, None, 10)]
    # guards: a phase's key that opens no pipe field ("Eval_t: 4.8s" among a redrawn line's
    # values), and one whose field holds it alone, open no section
    assert named("Epoch 0: HR = 0.17 train_loss = 0.5 ACC = 0.50 test_loss = 0.4 ACC = 0.6\n") \
        == [("HR", 0.17, None, 0), ("train_loss", 0.5, None, 0), ("test_loss", 0.4, None, 0),
            ("ACC", 0.6, None, 0)]
    assert named("| train_loss: 0.4 | test_loss: 0.5 | reg: 11.5 | reg: 12.4 |\n") == [
        ("train_loss", 0.4, None, None), ("test_loss", 0.5, None, None),
        ("reg", 12.4, None, None)]


def test_a_measures_score_takes_the_measures_name() -> None:
    """BirdCLEF 2025's Lightning module prints ``epoch 0 validation ROCAUC score 0.5597``:
    the value was named ``score`` (heldout898)."""
    assert named("epoch 0 validation loss 276.17\n"
                 "epoch 0 validation ROCAUC score 0.559674666458203\n"
                 "epoch 0 validation AP score 0.021056122635967883\n") == [
        ("validation_loss", 276.17, None, 0),
        ("validation_ROCAUC_score", 0.559674666458203, None, 0),
        ("validation_AP_score", 0.021056122635967883, None, 0)]
    # guard: prose before a score names none
    assert named("epoch 3 the best score 0.5\n") == []


def test_the_best_in_korean_is_a_running_best() -> None:
    """``최고 검증 정확도: 97.22% (Epoch 6)``: the best validation accuracy so far, which
    repeats epoch 6's (heldout898); ``최종`` (final) values stay."""
    assert named("최종 훈련 정확도: 98.25%\n최고 검증 정확도: 97.22% (Epoch 6)\n") == [
        ("최종_훈련_정확도", 98.25, None, None)]


def test_markdowns_bold_round_a_key_is_emphasis() -> None:
    """Scripts that print Markdown (``- **Test accuracy:** 91.2%``, ``**Loss**: 0.5``) named
    nothing: the stars hid the key (an SB3 report, a LoRA run's notes, a Portuguese training
    report: heldout604, heldout666, heldout880). A banner's stars glued to its word are a
    rule (``***********Val Epoch 38: average Loss: 4.59``, heldout184)."""
    assert named("- **Test accuracy:** 91.2%\n**Loss**: 0.5\n") == [
        ("test_accuracy", 91.2, None, None), ("Loss", 0.5, None, None)]
    assert named("2025-11-28 19:09: ***********Val Epoch 38: average Loss: 4.586296, train "
                 "time: 1.10 s\n")[0] == ("val_average_Loss", 4.586296, None, 38)
    # guards: a power is no emphasis ("x1**2" names no value 2); "Melhor" (Portuguese
    # "best") marks a running best
    assert named("Iter 979: SR 54.4%, Q 209.0525\n"
                 "  Ex 5: Success (R: 100.00, Steps: 5) Target: x1**2\n") == [
        ("SR", 54.4, 979, None), ("Q", 209.0525, 979, None)]
    assert named("- **Loss final:** 0.506865\n- **Melhor loss:** 0.506865\n") == [
        ("Loss_final", 0.506865, None, None)]
