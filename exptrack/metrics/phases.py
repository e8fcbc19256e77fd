"""Phases: which part of a run a value belongs to (train, val, test, eval, dev), from the
labels and phrases around it: ``Test:``, ``Epoch(val)``, ``[val]``, ``valid on 'valid'
subset``, ``Train: (loss = ...)``, ``train loss``, ``Training set accuracy``.

The regexes run on a line's first 1000 characters (or the 120 characters before a number)
and are alternations of literal words with bounded separators: linear.
"""

from __future__ import annotations

import re

from exptrack.metrics.phasewords import ANY_WORD, EPOCH_KEYS, PHASES, STEP_KEYS, WORD_PHASES, WORDS
from exptrack.metrics.unnamed import LOOP_PHASES, PHASE_PIPE_OPEN, SET_STEP

# a phase word's comma before a key and its value: "Epoch 50 Val, MAE: 14.68"
_COMMA_LABEL = r",(?=\s[A-Za-z][\w.\-/]{0,40}\s?[:=]\s?[+-]?\.?\d)"
_HASH_FIELD = r"\s{1,8}#\s[A-Za-z][\w\-]{0,30}:\s?[+-]?\.?\d"  # a field "\t # psnr: 19.17"
_PHASE = re.compile(
    r"(?i)(?:^|[\s|(:\[]|(?<![A-Za-z0-9])-)(?<!cross\s)(?<!cross-)"  # (EvalML's "Finished
    # cross validation - mean Log Loss Binary: 0.611": folds of the training data, no phase)
    r"(?P<phase>valid|validation|validate|val|test|eval|evaluation|dev)"
    r"(?P<split>(?:_[A-Za-z]{1,16}){1,3}(?=\s*,)|\s\(EMA\)(?=:))?"  # a named split: "val_unseen ,
    # sr: 65.09"; timm's "Test (EMA): [ 48/48]", the averaged weights' test (test_ema_loss)
    r"(?:\s+on\s+'[^']*'\s+subset|\s+(?:set|dataset|data)(?:\s<[^<>]{1,120}>)?"  # its repr:
    r"|\s(?:statistics|stats|metrics|results)(?=:)"  # DCASE's "validate statistics:"
    r"|\s[A-Z][A-Za-z]{1,9}(?=:\s[A-Za-z])|\s(?:after|before)\straining"
    r"|\s[A-Za-z][\w\-]{0,30}(?=," + _HASH_FIELD + "))?"  # BasicSR's "Validation ValSet,\t\t #
    # psnr: 19.17\t # ssim: 0.81": its data set's name, then its metrics' fields; "val set <
    # BaseDataset, pitts30k - #database: 10000 >:", "Test dataset: Overall Loss:", "Dev
    # BLEU:", ReChorus's "Test After Training: (HR@5:0.34,"
    r"\s*(?:[:|\[)\]]|=(?=\s*[({])|-{1,3}\s|[-=]>\s|$|" + _COMMA_LABEL + "|,(?=" + _HASH_FIELD
    + "))"  # "VAL --- kl:"
    r"(?!\s*(?:[-+.\d](?!\d{0,2}%\|)(?!\d{0,3}_[A-Za-z])|n/a\b|N/A\b))")  # "val: n/a": a key
# with no value, not a label; a bar's "valid: 100%|...| 69/69 [..., loss=0.29]" labels its
# values, NeuralOperator's "Eval: 16_h1=0.9486" its keys of a resolution's digits
_LOG_TAG = re.compile(r"\[[A-Z]{2,}\]")  # "[INFO]", "[EVAL]": a log tag, not a phase label
# ... unless the tag is a phase's and a metric, no counter, follows it ("[TEST] MAE: 2.55 |
# RMSE: 6.35": the test's; "[TEST] Trial:0000 | Epoch:0010 | CL loss:" tags a whole run)
_PHASE_TAG = re.compile(r"^\s{0,8}(?:\d[\d\-/:., T]{7,29}[:|\-]?\s{1,3}"  # a time, a level
                        r"|(?:INFO|DEBUG)\s{1,3}(?:[:\-]\s{1,3})?)?"
                        r"\[(?P<phase>TEST|VAL|VALID|EVAL|DEV|TRAIN|TRAINING)\]\s{0,3}(?!(?i:trial|fold|"
                        r"epoch|step|iter|iteration|run|round)\b)[A-Za-z][\w\-/@]{0,30}\s?[:=]\s?"
                        r"[-+]?\.?\d")
# "Train: (loss = 0.03, acc = 98.9)", "[train] loss=...": a train label over a group of
# values (not "[TRAIN] epoch: 1, ...", whose label is the mode; timm's "Train: 3 [50/1251]"
# is ``_COUNTER_PHASE``'s)
_TRAIN_GROUP = re.compile(
    r"(?i)(?:(?:^|[\s|\]])(?:\[(?P<bracketed>train|training)\](?::|\s-(?=\s))?"
    r"|\((?P<paren>train|training)\):"  # Catalyst's "Epoch 1 (train): _base/lr=0.005 | loss="
    r"|(?<!after\s)(?<!before\s)(?P<word>train|training)"  # ("Test After
    r"(?:\sset|\s(?:statistics|stats|metrics|results)(?=:))?\s*(?:[:|]|"
    # Training:"; "Train set: Average loss: 1.0007", as the MNIST example's "Test set:";
    # DCASE's "train statistics:    total_loss: 0.076")
    r"-\s|[-=]>\s|=(?=\s*[({])|" + _COMMA_LABEL + "))"
    r"|(?<=epoch):(?P<colon>train|training):\d+-\d+batch:)"  # ESPnet2 "7epoch:train:1-5batch:"
    r"\s*(?:[({]|(?<=:)\[)?\s*"  # (Snorkel's "TRAIN:[loss=6.568]"; not "[Train][Epoch")
    r"['\"]?(?P<first>_?[A-Za-z]\w*)")
# a phase word opening a line's first field, which holds no pair of its own, before "|"
# fields of "key = value" pairs: every field is the phase's ("train took 25.95 sec | loss =
# 0.75 | top1_acc = 37.8", computervision-recipes' VideoLearner)
_PHASE_FIELD = re.compile(r"(?i)^\s{0,8}(?P<phase>train|training|valid|validation|val|test|eval)"
                          r"(?:\s[^|=:\d]{1,30}\d[\d.]{0,12}\s?[a-z]{1,8})?\s{1,4}\|(?=\s{0,4}"
                          r"[A-Za-z][\w\-]{0,30}\s{0,4}=\s{0,4}[+-]?\.?\d)")
# timm's "Train: 102 [  10/374 (  3%)]  Loss: 2.291 (2.20)": the phase's epoch over a
# progress bracket labels the values after it (train_Loss), as Flax's "Train epoch: 1, loss:
# 0.29, accuracy: 91.86" does (its test lines are "Test epoch: 1, loss: ..."; an older
# example's "Training - epoch: 1, loss: 0.19")
_COUNTER_PHASE = re.compile(
    r"(?i)^\s{0,8}(?:\d[\d\-/:., T]{7,29}[:|\-]?\s{1,3}|[A-Z]{4,8}:[\w.]{1,40}:)?"  # a time, a
    r"(?P<phase>train|training|val|valid|validation|test|testing|eval)"  # logger ("INFO:train:")
    r"(?::\s{0,3}\d{1,9}\s{0,3}\[\s{0,8}\d|(?:\s-)?\s(?:epoch|step|iter|iteration):\s{0,3}\d{1,9},"
    r"|\s\d{1,9}\s(?:epoch|step|iter|iteration),"  # (BrainPy's "Train 0 epoch, use 7.4 s, loss")
    r"|\sepoch:\s?\[\d{1,9}/\d{1,9}\]\s(?=[A-Za-z]))")  # CS231n's SimCLR bars "Train Epoch:
# [1/10] Loss: 2.55 ACC@1: 10.70%: 100%|...", beside its "Test Epoch: [1/10] Loss: ..."
# a loader's name over its epoch's summary, Catalyst's "valid (1/3) accuracy01: 0.61 |
# accuracy01/std: 0.07 | loss: 1.02": the loader's, key paths too (valid_accuracy01/std)
_LOADER_EPOCH = re.compile(
    r"(?i)^\s{0,8}(?P<phase>train|training|val|valid|validation|test|testing|eval)"
    r"\s\(\d{1,9}/\d{1,9}\)\s(?=[A-Za-z][\w\-/]{0,40}:\s)")
# a phase "at" its counter over the values after it: ResRep's "val at epoch 177, top1=76.17,
# top5=92.95, loss=0.97" (val_top1), "Eval at step 100: loss=0.5", PaddleHelix's "Validation
# at epoch: 0, AUROC: 0.75"
_PHASE_AT = re.compile(
    r"(?i)(?:^|(?<=[\s|\]\-]))(?P<phase>train|training|val|valid|validation|test|testing|eval"
    r"|evaluation|dev)\sat\s(?:epoch|step|iter|iteration):?\s?\d{1,9}\s{0,4}[,:|]\s")
# the ML 2021/2022 course's "[ Train | 001/010 ] loss = 1.97, acc = 0.33": the phase, its epoch
_PHASE_PIPE_EPOCH = re.compile(PHASE_PIPE_OPEN + r"\d{1,9}/\d{1,9}\s?\]")
# "Train: Rank: 0, epoch: 1, step: 5310, ...": the label names the mode of a process's line
_IDENTITY_KEYS = frozenset({"rank", "local_rank", "gpu", "device", "worker", "process"})
# a phase's results over the values after it, the train phase's too (Ignite's "Training
# Results - Epoch[1] Avg accuracy: 0.95"): as printed
_RESULTS = re.compile(
    r"(?i)(?:^|(?<=[\s|\]]))(?P<phase>train|training|valid|validation|val|test|testing|eval|"
    r"evaluation|validate|dev)(?:\s(?:set|data|split))?\s(?:(?:results?|metrics|scores|performance"
    r"|summary|of\sepoch\s\d{1,6})(?:\s\((?P<inner>[^()]{1,30})\))?(?:\s(?:at|for|on)\s[^:|]{1,60}?)?"
    r"|loss\s(?:at|for|on)\s[^:|]{1,60}?|after\s\d{1,9}\s(?:updates|steps|iterations|epochs)"
    r"|on\s[^:|]{1,60}?|(?<=\sset\s)\((?:epoch|step|iteration|iter)\s?\d{1,9}\))"  # "Train set
    r"(?:\s{0,8}[-:|]\s|>>\s|\s(?:is|was)\s)")  # (epoch 0):"; aligned: Ignite's "Testing
# Results    - Epoch"
# (NeuralClassifier's "Validate performance at epoch 1 is precision: 0.93",
# DeepSpeech's "Validation of Epoch 0 - loss: 188.4", Joey NMT's "Validation result (greedy)
# at epoch 2, step 9: bleu: 3", "Test set results: loss= 0.46", Megatron's "validation loss
# at iteration 30 | lm loss value: 8.4E+00 |", "Eval after 250 updates: loss=4.2")
# a model's name over its loop's counters: the student's "SNet: Task 4, Epoch 1/130 => Loss
# 2.849" apart from the teacher's "Task 4, Epoch 130/170 => Loss 2.28" (PyCIL's FOSTER)
_NETWORK = re.compile(r"(?:^|(?<=[\s>\]]))(?P<label>[A-Z][A-Za-z0-9]{1,19}):\s"
                      r"(?=(?:Task|Epoch|Iter|Iteration|Step)\s?\d)")
# fairseq's "| train | epoch 503 | loss 3.003 |": the epoch's averages, apart from its
# train_inner lines' values ("loss=3.01")
_EPOCH_SUMMARY = re.compile(r"\| train \| epoch \d{1,6} \| ")
# the group a label is over: "key = value" pairs ("Training: loss = 1.63, acc = 0.51")
_PAIR = re.compile(r"\s*[({]?\s*['\"]?(?:\d{1,4}_)?[A-Za-z_][\w.\-]*['\"]?\s*=\s*[+-]?\.?\d")
# (NeuralOperator's "Eval: 16_h1=0.9486": a resolution's digits open the key)
# a phase phrase right before a name: "train ", "Training set ", "Test data ", a numbered
# data set "valid_1 " (LightGBM's and XGBoost's names for the sets they evaluate)
PHASE_WORDS_BEFORE = re.compile(
    r"(?i)(?:^|(?<=[\s|,;:\[\]\-]))(?P<phase>" + ANY_WORD + r")(?P<index>_\d{1,3}"
    r"|\([A-Za-z0-9@.\-]{1,16}\))?"  # "Val(step1) MAE=": the phase's own qualifier
    r"(?:\s+(?:set|data|dataset|split|subset))?\.?\s+$")


# "[Learner] Critic Loss = 0.09 | ...", "[att_plot] time=0.14": a bracketed word over the
# pairs after it labels them (Acme's loggers, ESPnet2's sections); log levels are not labels
_LABEL = re.compile(
    r"(?:(?:^|(?<=[\s:,\]]))\[(?P<label>[A-Z][a-z]{2,19}|[a-z][a-z_]{1,19}"
    r"|[A-Z](?=\]\s[a-z]{1,20}\s[+-]?\.?\d))\]\s"  # a GAN's "[D] real 0.05 fake 0.17"
    r"|(?<=\s)(?P<doing>[a-z]{3,16}ing) \[)"  # RecBole "epoch 34 evaluating [time: 0.97s"
    r"(?=\s*(?:[A-Za-z][A-Za-z_ ]{0,40}?|[A-Za-z][\w\-]{0,40})\s?[=:]\s*[+-]?\.?\d"
    r"|(?<=[A-Z]\]\s)[a-z])")  # (one word may hold digits and hyphens: "[Cls] F1: 0.87",
# "[Cls] ROC-AUC: 0.93")
# "ACTOR - Steps per second: 21.9 | ...", "relation \t F1: 0.29 \t P: 0.34": a word that
# opens a line, set off by " - ", a tab, an aligned gap, or a colon before "key=value"
# pairs, labels the pairs after it (after an ellipsis too: "Evaluating...  Score: -252.6")
_SECTION = re.compile(
    r"\s{0,8}(?P<label>[A-Z]{3,19}|[A-Za-z][a-z]{2,19})(?:\.\.\.)?(?: - | ?\t\s*| {2,}"
    r"|:\s{1,4}(?=[A-Za-z]\w{0,30}(?:=|:\s{0,4}[+-]?\.?\d))|:\t\s*)"  # seg's "  Mean:
    # P=52.88%  R=61.59%", hanabi_SAD's "Speed: train: 18.4, act: 175.3",
    r"(?=[A-Za-z][\w \-]{0,40}?\s?[=:]\s*[+-]?\.?\d)")  # "Mixup:\tSegCE loss:0.09"
# a capitals' word that opens a line of lower-case names and values labels them:
# NeuralDialog-CVAE's "ELBO_VALID elbo_loss 59.45 bow_loss 62.84" (elbo_valid_elbo_loss)
_CAPITAL_LABEL = re.compile(r"\s{0,8}(?P<label>[A-Z][A-Z0-9]{1,15}(?:_[A-Z0-9]{1,15}){0,3}) "
                            r"(?!(?:step|steps|epoch|iter|iteration|batch|round)\b)"
                            r"(?=[a-z][\w\-]{0,40} [+-]?\.?\d)")  # (not "GRPO step 250/500 |")
# "[2025-04-03 21:04:12]   Closed Set - AUROC: 0.71, F1: 0.18", "Binary (Unknown vs Known) -
# AUROC: 0.55": capitalised words, after a bracketed time too, label the pairs after " - "
# (PyLaia's record too: "[2020-12-02 02:53:30,572 INFO laia] TR - E0: 100% 16/16 [...]")
_DASHED = re.compile(r"(?:\[[\d\-/:., T]{8,30}(?: (?:INFO|DEBUG) [\w.\-]{1,40})?\]\s{1,8}|\s{0,8})"
                     r"(?P<label>[A-Z][A-Za-z]{1,19}"
                     r"(?: [A-Z][A-Za-z]{1,19}){0,2}(?: \([A-Za-z ]{1,30}\))?) - "
                     r"(?=[A-Za-z][\w \-]{0,40}?\s?[=:]\s*[+-]?\.?\d)")
# Jumanji's terminal logger: "Train >> Env Steps: 6.40e+05 | Steps Per Second: 2,491,524 |
# Time: 0.257", "Eval Stochastic >> Episode Length: 81.86 | ...": the words before ">>" label
# the record's pairs (train_time, eval_stochastic_time)
_ARROW_LABEL = re.compile(r"(?:^|(?<=:))\s{0,8}(?P<label>[A-Z][A-Za-z]{1,19}"
                          r"(?: [A-Z][A-Za-z]{1,19}){0,2}) >> "
                          r"(?=[A-Za-z][\w \-]{0,40}?:\s{0,4}[+-]?\.?\d)")
# "F1 Ep 29/30 | Tr loss=0.0092 acc=0.998 | Va loss=0.0013 acc=0.999 |": a capitalised
# word that opens a "|" field of two "key=value" pairs or more labels that field's pairs
_PIPE_LABEL = re.compile(r"(?<=\|)\s{1,4}(?P<label>[A-Z][a-z]{1,11}) (?=[a-z][\w\-]{0,30}="
                         r"[+-]?(?:\.?\d|nan|inf)[^|]{0,60}?\s[a-z][\w\-]{0,30}=[+-]?\.?\d)")
_LETTER = re.compile(r"\|\s(?P<label>[A-Z])\s(?=[a-z][\w.\-]{0,40}=[+-]?\.?\d)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_DATA_SPLIT = re.compile(f"^(?:{ANY_WORD})_data$")  # a split's data: its own label
# words of a phase's results heading ("Training Summary - loss: 0.3", "Final Results - acc"):
# the heading names a phase or nothing (``_RESULTS``), not a label of its own
_REPORT_WORDS = frozenset({*WORDS, "result", "results", "summary", "metrics",
                           "metric", "scores", "score", "stats", "statistics", "performance",
                           "epoch", "final", "report", "overall", "total", "best"})
# "Time: prepare 0.6468    bound 1.0996", "Accumulated time: func 13.24  prepare 2.43": a
# heading's words before pairs of a word and its value name them (time_prepare)
_PAIRS_HEADING = re.compile(
    r"\s{0,8}(?P<label>[A-Z][a-z]{2,19}(?: [a-z]{2,19})?):\s{1,4}"
    r"(?=[a-z][a-z_]{1,30} [+-]?\.?\d[\d.]{0,20}\s+[a-z][a-z_]{1,30} [+-]?\.?\d)")
# a classification report's averages ("MICRO_AVG: acc 0.57 - f1-score 0.73", "macro avg:
# f1: 0.62"): the average's kind names its values (micro's f1 is not macro's)
_AVERAGE = re.compile(r"\s{0,8}(?P<label>(?i:micro|macro|weighted|samples)[ _\-]?(?i:avg|average))"
                      r"\s?:?\s+(?=[A-Za-z][\w\-]{0,30}\s?[:=]?\s?[+-]?\.?\d)")
_NOT_LABELS = frozenset({"info", "warning", "warn", "error", "debug", "critical", "fatal",
                         "notice", "trace", "note", "metrics", "stats", "summary", "result",
                         "results", "default", "root", "main",  # (loggers' names)
                         "trial",  # Optuna users' "Trial - Score: -0.07, Params: {...}": the
                         # trial's identity, no section of names (its score is the study's)
                         "hyper"})  # NCRF++'s settings under "Hyperparameters:": "     Hyper
# lr: 0.015"


# "Phase: train Epoch: 1/3 Loss: 0.69", "mode=eval": a key whose value is the phase; a
# Python dict's 'split' too (Haiku's MNIST example's "{'step': 0, 'split': 'train',
# 'accuracy': '0.088'}": one key over two data splits), not a JSON record's keys (MMCV's
# log's "mode": "train" over its own "loss"; a results file's "split": "test" over its own)
_PHASE_KEY = re.compile(r"(?i)(?:^|(?<=[\s|,\[{]))(?:phase|mode|split|'split')"
                        r"\s?[:=]\s?['\"]?(?P<phase>"
                        r"train|training|valid|validation|val|test|eval|evaluation|dev)\b['\"]?")
# a phase's word right after a bracketed label, over the pairs that follow it
_PHASE_AFTER_LABEL = re.compile(r"(?i)\s?(?P<phase>valid|validation|val|test|eval|evaluation|dev)"
                                r"\s(?=[A-Za-z][\w%]{0,30}\s?[=:]\s?[+-]?\.?\d)")
# THP's "  - (Training)    loglikelihood: -0.67, accuracy: 0.43": a parenthesised phase word
# over the pairs that follow it, named as printed (training_loglikelihood)
_PAREN_PHASE = re.compile(r"(?i)(?:^|(?<=[\s\-|]))\((?P<phase>" + ANY_WORD + r")\)\s{1,8}"
                          r"(?=[A-Za-z][\w%\-]{0,30}(?: [\w%\-]{1,30}){0,3}\s?[=:]\s?[+-]?\.?\d)")
# SASRec.pytorch's "valid (NDCG@10: 0.5123, HR@10: 0.7345), test (NDCG@10: ...)": a phase's
# word over the group of pairs in parentheses after it
_GROUP_PHASE = re.compile(r"(?i)(?:^|(?<=[\s,|]))(?P<phase>train|training|valid|validation|val|test"
                          r"|testing|eval|dev)\s\((?=[A-Za-z][\w@%\-]{0,30}\s?[:=]\s?[+-]?\.?\d)")
# BERT-pytorch's epoch line "EP0_train, avg_loss= 6.78 total_acc= 42.5": the phase after
# the epoch glued to "EP" labels the line
_EP_PHASE = re.compile(r"(?i)^\s{0,8}EP\d{1,6}_(?P<phase>train|training|valid|val|test|eval),\s")
# "[test episode 600/600] => loss: 1.72": a bracket that opens with a phase word and its
# position (a step's or an epoch's key, or a counter) labels the values after it ("[dev 0]"
# is a device's bracket)
_BRACKET_PHASE = re.compile(r"(?i)\[(?P<phase>valid|validation|val|test|eval|evaluation|dev)\s"
                            r"(?:epoch|episode|step|iter|iteration|batch|(?<!dev\s)\d)")
# a phase's word right before a dict it prints ("[run] test {'loss': 0.15, 'r2': 0.26}")
_DICT_PHASE = re.compile(r"(?i)(?:^|[\s\]])(?P<phase>test|val|valid|validation|eval|evaluation|dev)"
                         r"(?P<split>_(?!(?:results?|metrics|stats|scores)\b)"
                         r"[A-Za-z0-9]{1,8}(?= \{))?"
                         r"(?: |[ _](?:results?|metrics|stats|scores)(?:\s?[:=]\s?| ))(?=\{['\"])")
# ("test {'loss': ...}", QPIC's "Test result:{"mAP": ...}", "val_metrics={'accuracy': 1.0}")
# pytracking's "[train: 19, 50 / 1875] FPS: ...", "[val: 20, 50 / 312]": its loaders' lines
_PHASE_COUNTS = re.compile(r"(?i)\[(?P<phase>" + LOOP_PHASES + r"):"
                           r"\s?\d{1,6},\s{0,4}\d{1,9}\s?/\s?\d{1,9}\]")
# a phase's kind of value, a comma, then its keys: "training-loss, overall: 0.73    training-loss,
# cls: 0.73", "testing-metric, auc: 0.41" (each labels the key after it)
_KIND_COMMA = re.compile(r"(?i)(?:^|(?<=\s))(?P<phase>(?:train|training|test|testing|val|valid"
                         r"|validation|eval|evaluation)-(?:loss|losses|metric|metrics)),"
                         r"(?=\s[A-Za-z][\w\-/]{0,40}\s?:\s?[+-]?\.?\d)")
# a data set (or task) named by a key before its results: AdaMerging's "Eval: Epoch: 9 dataset:
# SUN397 ACC: 0.647" (SUN397_ACC; the label, as printed, stands for the line's phase)
_DATASET_KEY = re.compile(r"(?i)(?:^|(?<=[,|(\[])|(?<![a-z]\s)(?<=\s))(?:dataset|data_set|task)"
                          r"\s?[:=]\s?"  # (not "Test dataset: Overall Loss:", a phase's label)
                          r"(?P<set>[A-Za-z][\w\-.]{0,30})\s"
                          r"(?=[A-Za-z][\w.\-/ ]{0,30}[:=]\s?[-+.\d])")
_STAGE_SPLIT = re.compile(r"(?i)\[[A-Za-z]{2,12}:(?P<phase>train|training|valid|validation|val|test"
                          r"|eval|evaluation|dev)\]")


_HEAD = 1000  # how much of a line its labels are looked for in (a plan is made once a shape)


# the cross-validation's capitals before its loop's "Batch epoch/batch" (WeNet, WeKws)
# Caffe's test net's outputs, apart from the solver's display loss and the train net's
# ("Test net output #1: loss = 0.38586 (* 1 = 0.38586 loss)": test_loss)
_CAFFE_TEST = re.compile(r"\bTest net output #\d{1,3}: ")
_CV_BATCH = re.compile(r"(?:^|\s)CV (?:\| steps/sec \d{1,9}\.\d{1,6}\| )?Batch \d{1,9}/\d{1,12} ")
# (WeNet since 2024: "DEBUG CV | steps/sec 56.558| Batch 0/2 loss 17.57 ...")


def phases_of(line: str) -> list[tuple[int, str | None]]:
    """The phase labels of a line ("Test:", "Epoch(val)", "[val]", "Train: (loss = ...)"),
    each as (where the text it labels starts, phase); a label names what follows it."""
    head = _LOG_TAG.sub(lambda m: " " * len(m.group()), line[:_HEAD]) if "[" in line \
        else line[:_HEAD]
    found: list[tuple[int, str | None]] = [
        (m.end(), (m.group("phase") + m.group("split").replace(" (EMA)", "_ema")).lower()
         if m.group("split")
         else _mode(head, m.start("phase"), PHASES.get(m.group("phase").lower())))
        for m in _PHASE.finditer(head)]
    for group in _TRAIN_GROUP.finditer(head):
        first = group.group("first").lower()
        # "[train] epoch:84 step:507 loss:0.04" labels its values; "Train: epoch 3 loss 0.5"
        # and scepter's "Stage [train] iter: [10/500], loss: ..." name the loop's mode
        bracket = group.group("bracketed") and not head[:group.start()].rstrip().lower() \
            .endswith("stage")
        braced = "{" in group.group()  # GraphGym's "train: {'epoch': 0, 'loss': ...}"
        if (bracket or braced or (first not in EPOCH_KEYS and first not in STEP_KEYS)) \
                and first not in _IDENTITY_KEYS \
                and first not in _NOT_LABELS:  # "- train - INFO -": a logger's name
            word = (group.group("word") or group.group("paren") or group.group("bracketed")
                    or group.group("colon")).lower()
            found.append((group.end("bracketed") + 1 if bracket else group.start("first"),
                          word))  # the word as printed; a bracket labels as "[val]" does
    if (counter := _COUNTER_PHASE.match(head)) is not None:
        found.append((counter.end(), counter.group("phase").lower()))
    if "/" in head and (loader := _LOADER_EPOCH.match(head)) is not None:
        found.append((loader.end(), f"[{loader.group('phase').lower()}]"))
    if " at " in head and (where := _PHASE_AT.search(head)) is not None:
        found.append((where.end(), where.group("phase").lower()))
    if head.lstrip()[:1] == "[" and (piped := _PHASE_PIPE_EPOCH.match(head)) is not None:
        found.append((piped.end(), piped.group("phase").lower()))  # "[ Train | 001/010 ]"
    results: set[int] = set()  # a results heading is over its whole line ("Test on task 0 :
    if "|" in head and (field := _PHASE_FIELD.match(head)) is not None:  # "valid took 4.19
        found.append((field.end(), field.group("phase").lower()))  # sec | loss = 0.65 |
        results.add(field.end())  # top1_acc = 53.3": the line's fields are the phase's
    for label in _RESULTS.finditer(head):  # loss=2.146 | TAw acc= 60.9%"), "|" fields too
        inner = (label.group("inner") or "").lower()  # TF Hub's "Eval Metrics (Validation):
        if label.group(0).endswith((" on test set | ", " on test set: ")):  # Megatron's
            inner = "test"  # "validation loss at iteration 30 on test set |": the split's
        found.append((label.end(), inner if inner in WORD_PHASES else  # {...}": the split's
                      "" if generic(head, label.start("phase"))
                      else label.group("phase").lower()))  # "Validation Results -
        results.add(label.end())  # Epoch[1] Avg loss: 0.15"
    if ":" in head:  # MatchZoo's "[Eval:test] Iter:102 map=0.56": the tag names the split
        found.extend((m.end(), m.group("phase").lower())  # "[Train:train] loss=": train_loss
                     for m in _STAGE_SPLIT.finditer(head))
    if "-" in head and "," in head:  # DeepfakeBench's "training-loss, overall: 0.73"
        found.extend((m.end(), m.group("phase").lower()) for m in _KIND_COMMA.finditer(head))
    if "ataset" in head or "task" in head:  # "dataset: SUN397 ACC: 0.65": the data set's
        found.extend((m.end(), m.group("set")) for m in _DATASET_KEY.finditer(head))
    if ": " in head and (network := _NETWORK.search(head)) is not None \
            and _is_label(network.group("label").lower()):  # PyCIL's "SNet: Task 4, Epoch
        found.append((network.end(), f"|{network.group('label').lower()}|"))  # 1/130 =>
        # Loss 2.8": every key, its phase's too (snet_train_accy)
    if "| train | epoch " in head:  # fairseq's epoch summary, named as its JSON log names it
        found.extend((m.end(), "|train|") for m in _EPOCH_SUMMARY.finditer(head))  # train_loss
    if "hase" in head or "ode" in head or "plit" in head:
        found.extend((m.end(), m.group("phase").lower()) for m in _PHASE_KEY.finditer(head))
    section = _SECTION.match(head) or _CAPITAL_LABEL.match(head)
    if section and _is_label(section.group("label").lower()):
        found.append((section.end(), section.group("label").lower()))
    elif (dashed := _DASHED.match(head)) is not None \
            and _is_label(titled := _NOT_WORD.sub("_", dashed.group("label").lower()).strip("_")) \
            and (_REPORT_WORDS.isdisjoint(titled.split("_")) or _DATA_SPLIT.match(titled)):
        found.append((dashed.end(), titled))  # ("Validation Data - Loss: 0.0008, MAE: ...")
    elif (heading := _PAIRS_HEADING.match(head)) is not None \
            and _is_label(words := heading.group("label").lower()) and not words.endswith("ing") \
            and _REPORT_WORDS.isdisjoint(words.split()):
        found.append((heading.end(), words.replace(" ", "_")))
    elif (average := _AVERAGE.match(head)) is not None:
        found.append((average.end(), average.group("label").lower().replace(" ", "_")))
    if " >> " in head and (arrow := _ARROW_LABEL.search(head)) is not None:
        found.append((arrow.end(), arrow.group("label").lower().replace(" ", "_")))
    if "|" in head:  # "Epoch 1/200 | T total=0.27  l1=0.02": a letter labels the pairs
        found.extend((m.end(), m.group("label")) for m in _LETTER.finditer(head))
        for field in _PIPE_LABEL.finditer(head):
            if _is_label(word := field.group("label").lower()):
                found.append((field.end(), word))
                if (pipe := head.find("|", field.end())) > 0:
                    found.append((pipe, None))  # (the field ends at its "|")
    if "CV Batch " in head or "CV | steps/sec " in head:  # WeNet's and WeKws' "DEBUG CV
        # Batch 78/20 loss 0.15 acc 99.0":
        found.extend((m.end(), "CV")  # the cross-validation's values, apart from its "TRAIN
                     for m in _CV_BATCH.finditer(head))  # Batch 4/2037 loss 12.6" (kept bare)
    if " net output #" in head:
        found.extend((m.end(), "test") for m in _CAFFE_TEST.finditer(head))
    if "{" in head:
        found.extend((m.end(), "" if generic(head, m.start("phase")) else
                      (PHASES[m.group("phase").lower()] or "") + (m.group("split") or "").lower())
                     for m in _DICT_PHASE.finditer(head))  # tkbi's "valid_m {'mrr': ...}": a
        # named split's dict (valid_m_mrr), as "val_unseen ," labels its pairs
    if "(" in head:
        found.extend((m.end(), WORD_PHASES[m.group("phase").lower()])
                     for m in _PAREN_PHASE.finditer(head))
        found.extend((m.end(), m.group("phase").lower()) for m in _GROUP_PHASE.finditer(head))
    if (head[:2].upper() == "EP" or head[:1].isspace()) \
            and (glued := _EP_PHASE.match(head)) is not None:
        found.append((glued.end(), glued.group("phase").lower()))
    if (tag := _PHASE_TAG.match(line)) is not None:
        word = tag.group("phase").lower()  # "[TRAIN]  loss=0.0003  acc=1%": as printed
        found.append((tag.end("phase") + 1, PHASES.get(word) or word))
    if "[" in head:
        found.extend((m.end(), PHASES[m.group("phase").lower()])
                     for m in _BRACKET_PHASE.finditer(head))
        data_set = SET_STEP.match(head)  # "[lfw][2000]XNorm": lfw_XNorm
        if data_set is not None and _is_label(data_set.group("set").lower()):
            found.append((data_set.end(), data_set.group("set")))
        found.extend((m.end(), f"[{m.group('phase').lower()}]")  # as printed, over key
                     for m in _PHASE_COUNTS.finditer(head))  # paths too: "train_Loss/total"
        for label in _LABEL.finditer(head):
            if label.group("doing"):  # "training [time: 20.5s": training_time; the other
                found.append((label.end(), f"({label.group('doing')})"))  # keys as printed
                continue
            word = label.group("label").lower()
            if _is_label(word):
                found.append((label.end(), word))
                after = _PHASE_AFTER_LABEL.match(head, label.end())
                if after is not None:  # "[sae_proto] Test FVU=0.22  L0=128.0": the test's
                    found.append((after.end(), PHASES[after.group("phase").lower()]))
    for start, _ in list(found):
        pipe = head.find("|", start)
        if pipe > 0 and _PAIR.match(head, start) and start not in results:
            # "Val: loss = 1.7, acc = 0.5 | Time: 16.7"
            found.append((pipe, None))  # a label over "key = value" pairs ends at a "|"
    return sorted(found, key=lambda item: item[0])


# "Evaluation metrics: AUC=0.99, Precision=0.96", "Final evaluation metrics: {...}": the
# words name what the values are (an evaluation's metrics), not a data split of the run's,
# as "Validation metrics:" does; the values keep their printed names
_GENERIC = re.compile(r"(?i)evaluation[\s_]metrics?\b")


def generic(text: str, start: int) -> bool:
    """Does the phase word at ``start`` open the generic "evaluation metrics"?"""
    return _GENERIC.match(text, start) is not None


def _is_label(word: str) -> bool:
    return word not in PHASES and word not in _NOT_LABELS and word not in STEP_KEYS \
        and word not in EPOCH_KEYS and word != "epoch"


def _mode(head: str, start: int, phase: str | None) -> str | None:
    """A runner's mode label ("Epoch(val) [1][625/625]", MMEngine's and mmcv's) marks its
    phase in parentheses: it names the line's mode, not its metrics (see
    ``phasename.with_phase``)."""
    if phase is None or not head.endswith(("Epoch(", "Iter("), 0, start):
        return phase
    return f"({phase})"


def phase_from(phases: list[tuple[int, str | None]], position: int) -> tuple[int, str | None]:
    """The phase label in force at ``position`` (``phases`` sorted, as ``phases_of`` gives
    them), with where it starts; (-1, None) before any."""
    return next((item for item in reversed(phases) if item[0] <= position), (-1, None))


def phase_at(phases: list[tuple[int, str | None]], position: int) -> str | None:
    return phase_from(phases, position)[1]
