"""What a name says about its value: a metric, a count, an identity label, a setting.

Pure functions over a name's words, used by ``rules`` (per line) and ``dumps`` (per block
of printed configuration), plus ``NameRegistry``: one quantity, one name per run.

A name's *words* are its parts split at ``_ - . / @``, spaces and camelCase humps
(``RunningAvgSamplesPerSec`` -> running avg samples per sec), lowercased.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from exptrack.metrics.denylist import DENY_NAMES, DENY_PATTERN
from exptrack.metrics.namewords import (
    CJK_COUNTS,
    COUNT_HEADS,
    COUNT_NOUNS,
    GLUED_COUNTS,
    METRIC_WORDS,
    OUTCOMES,
    PROGRESS_UNITS,
    SETTING_HEADS,
)

_MEANS = frozenset({"avg", "average", "mean"})  # "BestAvg", "best_mean_reward": running bests
# a quantity's statistics: rlpyt's "Length/Average", "Length/Std" (``dumps`` adds long forms)
STATISTICS = frozenset({"average", "avg", "mean", "std", "median", "min", "max"})
PHASE_WORDS = frozenset({"train", "training", "val", "valid", "validation", "test", "eval",
                          "dev"})
# a structured logger's own fields ("levelname": "INFO", "name": "openpifpaf.network.trainer":
# python-json-logger's records, keys quoted): the record's text, not printed configuration
RECORD_FIELD = (r"(?!['\"]?(?:levelname|levelno|name|message|msg|asctime|logger|module|funcName"
                r"|filename|pathname|threadName|processName)['\"]\s*[=:])")
_TIME_UNITS = frozenset({"second", "sec", "s", "minute", "min", "hour", "step", "iter",
                         "iteration", "batch", "epoch"})
# Words that are never a name: log levels, progress words.
NEVER_NAMES = frozenset({
    "info", "warning", "warn", "error", "debug", "critical", "fatal", "notice", "trace",
    "progress", "processing", "loading", "downloading", "saving", "done", "completed",
    "finished", "status",
    "one",  # LightGCN's "try a small one 29": a numeral's word, never a measure's name
    "gt",  # CRNN's "--5-7-0-- => 570704, gt: 570704": a sample's ground-truth text
})
_ERRORS = frozenset({"error", "Error"})  # a measure's name, in its lowercase or title case
# "worker-0", "rank#3", "node-12": an identity label with an index, not a quantity.
_IDENTITY = re.compile(
    r"(?i)^(?:worker|rank|node|host|gpu|cpu|device|process|proc|thread|replica|shard|env|"
    r"actor|learner|client|server|job|task|pod|core|machine|partition)[-#]\d+$"
    r"(?<!(?i:rank)-1)(?<!(?i:rank)-5)(?<!(?i:rank)-10)(?<!(?i:rank)-20)")  # CMC's "Rank-1"
# "resnet-50", "intern-studio-160750": a model or host label with its number
_LABEL_NUMBER = re.compile(r"^[A-Za-z]+(?:-[A-Za-z]+)*-\d+$")
_HUMPS = re.compile(r"(?<=[a-z0-9])(?<!Io)(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SPLIT = re.compile(r"[\s_\-./@:]+")


def words(name: str) -> list[str]:
    """``name``'s words, lowercased (see the module docstring)."""
    return [w.lower() for w in _SPLIT.split(_HUMPS.sub(" ", name)) if w]


_SAMPLED = re.compile(r"\d+k\d?$")  # StyleGAN's "fid50k", "pr50k3": over 50,000 images


_AT_CUTOFF = re.compile(r"[A-Za-z]@\.?\d")
# a duration in its unit, of what ran ("Training seconds: 718", SageMaker's "Billable
# seconds: 216"), not a setting's length ("timeout seconds", "save interval seconds")
_DURATION_UNITS = frozenset({"seconds", "secs", "minutes", "mins", "hours"})
_RAN = frozenset({"training", "train", "billable", "total", "inference", "evaluation", "wall"})
_QUANTILE = re.compile(r"(\w{1,40})\[0?\.\d{1,4}\]")


# "<word> metric" names a metric ("CORE metric"), but not "best metric" (a running best), "eval
# metric" (the metric's name: "eval_metric: auc"), "the metric"
_NOT_A_METRICS_NAME = frozenset({"best", "eval", "the", "a", "main", "primary", "key", "target"})


COPULAS = frozenset({"is", "was", "are", "were"})  # "loss is: 2.5"; "the mean is max": prose
# a camelCase name of words ("batchSize"; not "nDCG", "MaxRew", "PyTorch": no words so)
_CAMEL = re.compile(r"[a-z]{3,}[A-Z]")
_TOP_K = re.compile(r"(?i)(?:^|[_\-/ ])top[-_ ]?\d{1,3}$")  # a top-k accuracy ("top-10")


def _plural(word: str) -> bool:
    """Does ``word`` look like a plural noun ("actions"; not "loss", "bias", "status")?"""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


@lru_cache(maxsize=4096)
def metric_like(name: str) -> bool:
    """Does the name say it is a measured quantity (``val_loss``, ``samples/sec``, ``mfu``)?
    ``loss_scale`` does not: its last word is a setting's. A quantile's parameter is no word
    of it: GluonTS's ``QuantileLoss[0.1]``, ``Coverage[0.9]`` (a forecast's coverage)."""
    quantile = _QUANTILE.fullmatch(name)
    if quantile is not None:
        return quantile.group(1).lower() == "coverage" or metric_like(quantile.group(1))
    parts = words(name)
    if not parts or parts[-1] in SETTING_HEADS or "every" in parts:
        return False  # (how often a thing is done: "save_every_sec", "eval_every")
    if _mean_length(parts):
        return True
    if parts[-1] == "len" and not (len(parts) == 2 and parts[0] in _MEANS):
        return False  # a length set (Transformer-XL's "mem_len : 32", the memory's), not
        # memory used; a mean one ("avg_len") is measured
    if parts[-1] in ("rate", "ratio") and parts[-2:-1] and parts[-2] in OUTCOMES:
        return True  # "Success Rate", "Crash Rate": how often an episode ended so
    if parts[-1] == "rank" and parts[-2:-1] in (["mean"], ["avg"], ["median"]):
        return True  # a ranking's "Mean rank" (knowledge-graph completion), not a process's
    if parts[-1] in _DURATION_UNITS and parts[-2:-1] and parts[-2] in _RAN:
        return True
    unit = 1 if parts[0] == "total" else 0  # (CRFsuite's "Total seconds required for training")
    if parts[unit:unit + 1] and parts[unit] in _DURATION_UNITS and len(parts) <= 6 \
            and (parts[-1] in _RAN or "for" in parts[unit + 1:-1]):
        return True  # Unsloth's "seconds used for training", CRFsuite's "Seconds required for
        # this iteration"
    if _AT_CUTOFF.search(name):
        return True  # a ranking's or a detector's value at a cutoff: "hits@10", "R@1", "mAP@0.5"
    if len(parts) >= 2 and parts[0] in _MEANS and parts[-1].isalpha() \
            and not _plural(parts[1]) and parts[-1] not in COUNT_HEADS \
            and parts[-1] != "support" and not COPULAS.intersection(parts):
        return True  # a mean of a quantity ("Average crossing = 2.44", "mean reciprocal
        # rank"), not of things counted ("Average actions of items", "avg candidates", a
        # report's "macro avg support")
    if parts[-1] == "metric" and len(parts) > 1 and parts[-2] not in _NOT_A_METRICS_NAME:
        return True  # a metric named as one: nanochat's "CORE metric", "selection_metric"
    return any(p in METRIC_WORDS or p.rstrip("0123456789") in METRIC_WORDS
               or _SAMPLED.sub("", p) in METRIC_WORDS for p in parts) \
        or any(p + n in METRIC_WORDS  # "AuPRC": one word split at its capitals
               or ((n.isdigit() or n == "rel" or len(p) == 1)  # "Rank-1", "aP" and "aP0" alike
                   and p + n.rstrip("0123456789") in METRIC_WORDS)
               for p, n in pairwise(parts)) \
        or phase_path(name) or ("/" in name and parts[-1] in STATISTICS
                                and parts[-2] not in STATISTICS)


def _mean_length(parts: list[str]) -> bool:
    """"Avg tokens: 626", "mean length": the mean length of what a model generated."""
    return len(parts) == 2 and parts[0] in _MEANS and parts[1] in ("tokens", "words", "length")


_WINDOW_STATISTICS = _MEANS | {"std"}  # over the last N of something ("Std_Last_100_Episodes")


def _over_samples(parts: list[str]) -> bool:
    """A multi-label score averaged over samples (scikit-learn's ``average="samples"``):
    PyHealth's "f1_samples", "pr_auc_samples", "jaccard_samples"; no count of samples."""
    return len(parts) > 1 and parts[-1] == "samples" \
        and any(p in METRIC_WORDS for p in parts[:-1])


# an "N" glued to what it counts: ESPnet's collect_stats "Niter: 5"
_N_COUNT = re.compile(r"N_?(?:iters?|epochs?|steps?|batch(?:es)?|samples?)")


def counts_things(name: str) -> bool:
    """``total_count``, ``objects``, ``TOTAL_PARAMS``, ``num_workers``: a count, not a
    metric (``samples/sec`` is a rate: its last word is ``sec``)."""
    parts = words(name)
    if not parts:
        return False
    if parts[0] == "time" and "/" in name and (parts[-1] in PROGRESS_UNITS or (
            parts[-2:-1] == ["in"] and parts[1] in PROGRESS_UNITS)):
        return True  # "time/batch", "time/sample_in_epoch": a position, not a timing
    if parts[0] in ("timing", "timer", "timers") and "/" in name:
        return False  # verl's "timing_s/generate_sequences": how long generating took
    if _mean_length(parts) or (len(parts) >= 3 and parts[0] in _WINDOW_STATISTICS
                               and "last" in parts and any(p.isdigit() for p in parts)):
        return False  # CS182's "Avg_Last_100_Episodes": the return's mean over a window
    if _over_samples(parts):
        return False
    if name.count("/") >= 2 and metric_like(name.rsplit("/", 2)[1]):
        return False  # DreamerV3's "train/loss/count": the loss of its "count" observation
    if parts[-1] in COUNT_HEADS or name.lower().endswith(("kparams", "mparams", "gparams")) \
            or ("total" in parts and name.lower().endswith(("flops", "flos"))) \
            or name.lower() in ("flops", "flos") or name.lower().endswith("macs") \
            or (parts[0] == "peak" and "flops" in parts):
        # (a bare "FLOPS: 2.2e+09", XLA's cost analysis; a device's "Peak FLOPS"; not a rate,
        # "tflops: 0.04"; multiply-accumulates too)
        return True  # "Total FLOPs", "total_training_Gflops", HF's "total_flos", thop's "Total
        # GPARAMs": counted
    if name.endswith(CJK_COUNTS):  # "显卡数量" (number of GPUs), "训练数据集的长度为"
        return True
    if _N_COUNT.fullmatch(name):  # ESPnet's collect_stats "Niter: 5": a number of iterations
        return True
    if len(parts) > 1 and parts[-1] in ("iteration", "iterations", "iters", "epochs") \
            and not any(p in METRIC_WORDS or p in ("time", "per", "across", "for") for p in parts):
        return True  # "Whole training iteration is 750": how many a run makes
    if len(parts) == 2 and parts[0] in ("final", "last", "current") \
            and parts[1] in ("epoch", "step", "iteration", "iter", "episode"):
        return True  # "🏁 Final Epoch: 91": where the run ended
    if parts in (["env", "episode"], ["env", "episodes"]) \
            or (len(parts) == 2 and parts[0] == "corpus" and parts[1].isdigit()):
        return True  # Tianshou 2's bar "env_episode=93" (episodes so far, beside env_step);
        # eole's and OpenNMT-py's "Weighted corpora loaded so far: * corpus_1: 3" (loads)
    if len(parts) >= 3 and parts[-2:] == ["so", "far"] \
            and (parts[-3] in COUNT_NOUNS or parts[-3] in ("steps", "timesteps")):
        return True  # PPO for Beginners' "Timesteps So Far: 117550": steps counted so far
    if parts[-1][:1] == "n" and parts[-1][1:] in GLUED_COUNTS:
        return True  # Stable Baselines' "nupdates"
    return "per" not in parts and any(p in COUNT_NOUNS and f"{p}/" not in name.lower()
                                      for p in parts) \
        and not any(p in METRIC_WORDS for p in parts)  # ("words/batch": a rate)


# things an episode or a sample is counted in: a count's mean has a fraction
_PER_ITEM = frozenset({"steps", "timesteps", "frames", "tokens", "words", "objects", "boxes",
                       "detections", "instances", "sentences", "patches", "clips"})


def mean_count(name: str, token: str | bytes) -> bool:
    """"action_steps: 5.63", "tokens: 312.47": a count's mean over episodes or samples (two
    decimals or more, not all zero), a measured figure; "steps: 5000" is a count."""
    parts = words(name)
    text = token.decode("ascii", "replace") if isinstance(token, bytes) else token
    whole, _, fraction = text.partition(".")
    return bool(parts) and parts[-1] in _PER_ITEM and len(fraction) >= 2 \
        and fraction.isdigit() and fraction.strip("0") != "" and whole.lstrip("+-").isdigit()


def phase_path(name: str) -> bool:
    """``train/ctc``, ``eval/s2s``: a logger's key under a phase, a measured value."""
    head, slash, rest = name.partition("/")
    return bool(slash) and bool(rest) and head.lower() in PHASE_WORDS


# a configuration object's field ("train_config.max_train_step", llama-cookbook's echo each
# epoch; "cfg.TRAIN.WEIGHT_DECAY", "args.lr"): a setting
_CONFIG_FIELD = re.compile(r"(?i)^(?:\w{1,30}_)?(?:config|cfg|conf|args|opts?|hparams|flags)\.")


def never_a_name(name: str) -> bool:
    """``INFO``, ``Progress``, ``worker-0``: a word or a label, never a metric's name."""
    if (name.lower() in NEVER_NAMES and name not in _ERRORS) or _IDENTITY.match(name) \
            or _CONFIG_FIELD.match(name):
        return True  # ("error = 115.9", t-SNE's; not the level "ERROR")
    return _LABEL_NUMBER.match(name) is not None and not metric_like(name) \
        and name.replace("-", "").lower() not in METRIC_WORDS \
        and not _TOP_K.search(name)  # "top-1", "rouge-2", "top-10" are


# (cached: asked of every cell of every table row, it was 60% of a 50,000-row CSV's time)
@lru_cache(maxsize=4096)
def denied(name: str, phase: str | None = None) -> bool:
    """Configuration, identity, counts and words printed near metrics: never metrics.
    After a phase word, "error" is the phase's error ("training error: 0.03"), not a level."""
    low = name.lower()
    if phase is not None and low in ("error", "errors", "result", "metric"):
        return False  # (Scene-Graph-Benchmark's "Validation Result: 0.18", its selection score;
        # LightAutoML's "val metric: 0.61", the metric it was asked to optimise)
    if "_per_" in low:  # a rate: samples_per_second is one; flops_per_gpu if flops is
        quantity, *pers = low.partition("_(")[0].split("_per_")  # (not "_(tgs)")
        if quantity.startswith(("num_", "n_", "number_of_")) or (
                quantity in _STEPS and pers[-1] == "epoch"):
            return True  # "Num update steps per epoch", "Steps per epoch: 117": a count
        if any(per in _TIME_UNITS for per in pers):  # tokens_per_sec_per_gpu too
            return False
        low = name = name[:len(quantity)]
    elif low.count("/") > 1 and any(p in _TIME_UNITS for p in low.split("/")[1:-1]):
        return False  # "tokens/s/GPU": a rate per device
    if _CAMEL.match(name) and name.isalnum():  # Lua Torch's "batchSize", "imageSize": the
        low = "_".join(words(name))  # words its capitals part, as "batch_size" has them
    return (low in DENY_NAMES or (DENY_PATTERN.search(low) is not None and not _loss_of(low)
                                   and not _max_of(low) and not _over_samples(words(low)))
            or counts_things(name) or never_a_name(name) or running_best(name)
            or ((per := _PER_CLASS.match(name)) is not None and not metric_like(
                (per.group("type") or "").lower()))  # (the entity type: capitals, no metric)
            or _setting_words(words(low)))


# HF's per-class "eval_map_Coverall" (not "eval_map_small"), per-entity (seqeval) "eval_LOC_f1"
_PER_CLASS = re.compile(r"(?:eval_|test_)?(?:map|mar_100)_[A-Z]|(?:eval|test|predict)[_/]"
                        r"(?P<type>[A-Z][A-Z0-9\-]{1,15})_(?:precision|recall|f1|number)$")
_TIMES = frozenset({"duration", "elapsed", "runtime", "s", "sec", "time"})
_STEPS = frozenset({"steps", "iters", "iterations", "batches", "updates"})
# a constant's or an environment variable's name: 3+ capitalised words joined by "_", the
# last of 3+ letters (spaCy's "SPANS_SC_F" is a score; "TOTAL TIME FOR TRAINING:" a phrase)
_CONSTANT = re.compile(r"[A-Z][A-Z0-9]+(?:_[A-Z][A-Z0-9]*){1,}_[A-Z][A-Z0-9]{2,}")


def constant(printed: str) -> bool:
    """Is a name as printed a constant's or an environment variable's ("RAY_DEDUP_LOGS=0",
    "IMS_PER_BATCH: 16"), not a metric's?"""
    return _CONSTANT.fullmatch(printed) is not None \
        and not metric_like(printed.rpartition("_")[2])


# what a length that is a setting or a data set's size is of: RWKV's "ctx_len", a
# feature extractor's "win_length", "feat_len", "valid_dataloader_len" (not an episode's,
# a completion's or a response's length: those are measured)
_SIZED = frozenset({"ctx", "context", "window", "win", "stride", "feat", "feature", "dataset",
                    "dataloader", "data", "memory", "filter"})


def _setting_words(parts: list[str]) -> bool:
    """A name's words that say it is no quantity of the run: how long the job still has to
    run (``remaining_time``, ``time_left``, ``eta_s``), how often something is done
    (``summary frequency``, ``val_check_interval``, ``sample_every``, mistral-finetune's
    ``eval_freq``; not a metric's own frequency, ``val_acc_frequency``), where a range starts
    or ends (``Model training from: 20090000 to 20151002``, ``train until: 19073``). A side
    is no time left: a two-output Keras model's ``Left_accuracy`` is a metric."""
    if len(parts) < 2:
        return False
    side = parts[-1] in METRIC_WORDS and parts[-1] not in _TIMES  # "Left_accuracy"
    return any(p in ("remaining", "eta") or (p == "left" and not side) for p in parts) \
        or parts[-1] in ("from", "since", "until") \
        or (parts[-1] in ("len", "length") and parts[-2] in _SIZED) \
        or (parts[-1] in ("frequency", "freq", "interval", "every", "period")
            and not any(p in METRIC_WORDS for p in parts))


_SPREAD = frozenset({"error", "loss", "reward", "return", "score", "time", "latency"})


def _max_of(low: str) -> bool:
    """``max_error``, ``max_reward``, ``max_inference_time_ms``: the largest of a measure's
    values over a group (tensortools' "min error = 0.31, max error = 0.32"), not a limit
    (``max_len``, ``max_grad_norm``) nor a best so far (ConvNeXt's "Max accuracy: 82.1%")."""
    return (parts := words(low))[:1] == ["max"] and any(p in _SPREAD for p in parts[-2:])


def _loss_of(low: str) -> bool:
    """``G/loss_id``: a loss of the identity mapping (AutoVC, CycleGAN), not an id."""
    parts = words(low)
    return len(parts) > 1 and parts[-1] == "id" and parts[-2] in ("loss", "losses")


_BEST_AT = frozenset({"iter", "iteration", "epoch", "step", "round", "ep", "it", "itr"})
_CJK_BEST = ("最佳", "最优", "最好", "最高",  # best, optimal, best, highest
             "최고")  # and in Korean ("최고 검증 정확도": the best validation accuracy)


_BEST_WORDS = frozenset({"melhor", "mejor", "meilleur", "meilleure"})  # "best" in Portuguese,
# Spanish, French ("Melhor loss de validação": the best validation loss so far)


_NOW_BEST = frozenset({"pop", "population", "gen", "generation"})  # ... best: its own


_RUNNING_MEASURES = frozenset({"accuracy", "acc", "miou", "iou", "auc", "f1", "loss", "error"})


def running_best(name: str) -> bool:
    """``best_reward``, ``valid_best_wer``, ``best_val_loss``, ``Best Val``, ``Acc-Highest``: the
    best value so far of a metric, which repeats one of its earlier values; not a series of its own
    (CatBoost's closing ``bestTest`` is its result and stays)."""
    if name.startswith(_CJK_BEST) and len(name) > 2:
        return True  # "最佳 F1=0.87", "最佳验证准确率": "best" in Chinese, before what it is
    parts = ["best" if p in _BEST_WORDS else p for p in words(name)]
    highest = next((i for i, p in enumerate(parts) if p.partition("(")[0] == "highest"), None)
    if highest is not None:  # InsightFace's "Accuracy-Highest(LFW)", "highest_acc": likewise
        return any(p in METRIC_WORDS for p in parts[max(0, highest - 1):highest + 2])
    if "best" not in parts:
        return False
    at = parts.index("best")
    if at and parts[at - 1] in _NOW_BEST:
        return False  # EvoTorch's "pop_best_eval": this generation's best, not the run's
    rest = parts[at + 1:]
    after = [p for p in rest if p not in PHASE_WORDS]
    if after[:2] == ["f", "beta"]:  # "Best Val F_beta": the F-beta score
        after = ["fbeta", *after[2:]]
    if after and after[0].partition("(")[0] in _BEST_AT and (len(parts) > 2 or "(" in after[0]):
        return True  # where the best was, an index: ReChorus's "Best Iter(dev)=  139",
        # "best_valid_epoch", "best_epoch_num" ("best_epoch" itself is a name denied)
    if rest and not after:  # "Best Val", "best_test": the best so far of that phase's
        return "bestTest" not in name  # score; CatBoost's closing "bestTest" is its result
    if after[:1] == ["fitness"]:
        return False  # neat-python's "Best fitness: 264.7": the generation's best individual
    return bool(after) and (after[0] in METRIC_WORDS or after[0] in _MEANS
                            or after[0].rstrip("0123456789") in METRIC_WORDS
                            or (len(after) in (2, 3) and after[-1] == "loss")  # AllenNLP's
                            # "best_validation_reg_loss"; PointNet++'s "Best Instance
                            or (len(after) == 2 and after[-1] in _RUNNING_MEASURES  # Accuracy"
                                and after[0].isalpha()))  # (TabNet's "best_val_0_auc": a
    # validation set's, its result)
