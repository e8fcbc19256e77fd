"""The text around a value, and the words that are never a name: whether the word after a
value is its unit ("3 epochs", "12 images"), whether a name with no ``:``/``=`` before its
value ("loss 0.5") reads as a pair, and which words before a name belong to it. Regexes
are anchored and bounded: linear."""

from __future__ import annotations

import re

from exptrack.metrics import abbrev, names, namewords
from exptrack.metrics.phasewords import COUNTER_KEYS

# the time units a value can carry after it ("893.76ms", "3.12 seconds")
TIME_UNITS = frozenset({"ms", "s", "us", "sec", "secs", "second", "seconds"})
STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "after", "be", "been", "before", "by", "down", "each",
    "every", "for", "from", "in", "is", "of", "on", "or", "over", "per", "set", "than", "the",
    "to", "under", "up", "using", "use", "was", "were", "with", "x", "only", "all", "image",
    "images", "file", "files", "item", "items", "sample", "samples", "example", "examples",
    "seconds", "minutes", "hours", "times", "jan", "feb", "mar", "apr", "may", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "day", "days", "node", "process", "worker", "thread", "chunk", "part", "shard", "level",
    "layer", "block", "stage", "round", "run", "runs", "trial", "fold", "job", "rank",
    "gpu", "cpu", "core", "cores", "batch_size", "took", "take", "takes", "done", "finished",
    "saved", "horizon", "horizons",  # "for horizon 3, Test MAE: 2.95": a forecast's index
    "allocate",  # PyTorch's "CUDA out of memory. Tried to allocate 11.34 GiB. GPU 4 has"
})
# A time or memory unit after a value: kept on a line that reports unit-less metrics too
# ("iter 10: loss 3.22, time 893.76ms") or its step; alone, only inside a run's steps or
# epochs (TIMED), not before them ("Elapsed: 3.2s" at start-up).
MEASURE_UNIT = re.compile(
    r"^(?:(?:ms|s|us|sec)/(?:iter|it|step|batch|sample|img|image)\b|B(?![\w/:])"
    r"|\s?(?:ms|s|us|sec|secs|seconds?|(?:min|m|h)(?!\s\d)|[KMG]i?[Bb]|[GT]FLOPS"
    r"|[KMGT](?![\w/]|\s[A-Za-z][\w ]{0,30}:)))"
    r"(?![\w/])")  # "Epoch 1 D Loss: 1.33 G Loss: 0.71": "G" names the next value (a "B"
# glued to its number: billions, OLMo-core's "flopsPS=26.62B")
# ... and a decimal's unit of minutes or hours ("Taken time: 8.67 mins"; a whole number's is a
# clock's part, "3 hours, 11 minutes and 16.97 seconds", or a setting's, "Delta t: 6 hours")
_LONG_TIME_UNIT = re.compile(r"^\s?(?:mins?|minutes?|hours?|hrs?)(?![\w/])")
# an estimate's word before a duration's name: litgpt's "(optimizer.step) remaining time:
# 129.59 hours" is the time left, no duration
_ESTIMATE_BEFORE = re.compile(r"(?i)(?:^|\W)(?:remaining|estimated)\s(?:time\sto\s)?$")
# (ESPnet's "Estimated time to finish: 6.64 seconds")
# a unit letter alone ("max_mem: 433M") is memory only after a name that says memory
BARE_UNITS = frozenset("KMGT")
_FACTORS = {"K": 1e3, "M": 1e6, "G": 1e9, "B": 1e9, "T": 1e12}
# a rate's name: what a second or a device does ("flopsPS", "TPS", "tokens_per_sec")
_RATE_END = re.compile(r"(?:[a-z]PS|(?:^|[/_ ])TPS|(?i:per[_ ]?sec(?:ond)?|/s(?:ec)?))"
                       r"(?:[_ ]\([\w ]{1,30}\))?$")  # ("flopsPS (actual avg)")
MEMORY_END = re.compile(r"(?i)mem(?:ory)?(?:[_ ]usage|[_ ]used)?$")  # ("memory usage: 37G")


def thousands(unit: str, name: str) -> float | None:
    """The factor of a value's bare unit letter: a "K" counts thousands (nanotron's
    "tokens_per_sec: 16.2K" is 16200), and after a rate's name any letter scales it
    (OLMo-core's "flopsPS=26.62B" is 2.662e10 a second); None for another letter ("5M",
    "81.5G", "7B": a size, a count in millions or a FLOP count, no metric as scaled), 1 for
    any other unit and for a memory name's letter ("max_mem: 433M": its figure in
    megabytes, as printed)."""
    letter = unit.strip()
    if letter not in _FACTORS or MEMORY_END.search(name) is not None:
        return 1.0
    if _RATE_END.search(name) is not None:
        return _FACTORS[letter]  # a rate's: OLMo-core's "flopsPS=26.62B", 2.662e10 a second
    return 1e3 if letter == "K" else None


# A strong pair whose value is followed by a plain noun is a count ("Summary: 283 layers,").
COUNT_NOUN = re.compile(r"^ (?:\.[a-z]{2,}|[a-z]{3,}s)\b(?![/\w]|\s*[:=(\d]|\s+[+-]?\.?\d)")
# Words before a name that belong to it ("max mem: 3524", "Last reward: 25.0", "learning
# rate: 3e-07"): up to three words right after a field boundary (start, a comma, a tab, a
# pipe, two spaces, " - ").
_PHASE_COLON = "(?:" + "|".join(rf"(?<=\b(?i:{w}))" for w in (
    "training", "train", "validation", "valid", "val", "testing", "test", "evaluation",
    "eval")) + r"):\s"
WORDS_BEFORE = re.compile(
    r"(?:^(?:[mun]?s|secs?|%)\.?\s"  # the unit of the value before: litgpt's "iter time: 271.69ms
    # remaining time: 184.18 hours" (an estimate, no duration)
    r"|^\s*|[,;|\t\]([<]\s?|!\s|\s\s|\s\*\s|\s[-\u2014]\s|\s=>\s|^\W+\s|(?<=INFO):\s|(?<=\bINFO)\s|(?<=\bDEBUG)\s"
    r"|\s:\s|" + _PHASE_COLON + ")"  # a label's colon: "Training  : Negative Log
    # Likelihood:0.04", a phase's: pyGAT's "GAT training: time elapsed= 0.63"
    r"(?P<words>(?:(?:[A-Za-z][A-Za-z0-9/_]*|(?!\u2139)[^\W\d_][^\W\d]*|[1-4][Dd])"
    r"(?:-\d+|-[A-Za-z][A-Za-z0-9]*)?(?:'s)?\.? )"
    r"{1,4})$")  # ("3D loss": a word of a digit and its dimension; a word in any script,
# "средняя ошибка: 1.16", its letters only: not "第1轮 " (round 1) before "loss: 0.5", nor
# spaCy's "ℹ " before "Initial learn rate: 0.001")
# ("Top-1 ", "training's ", HiFi-GAN's "Mel-Spec. "; after an exclamation: "Episode 1
# Completed! Total Reward: -50.00"; after an angle bracket: PIPNet's "<map loss: 0.11>")
_HYPHENED = re.compile(r"-[A-Za-z]")
# a key's words joined by one "and" inside, lower case ("fps step and policy ")
_JOINED_KEY = re.compile(r"[a-z]{2,20}(?: [a-z]{2,20}){0,2} and [a-z]{2,20}(?: [a-z]{2,20})? ")
_UNIT_AFTER = re.compile(
    r"\s?(?:days?|hours?|hrs?|mins?|minutes?|secs?|seconds?|ms|us|ns|[KMGT]i?B|bytes?|"
    r"items?|samples?|examples?|images?|files?|tokens?|steps?|epochs?|batches|iterations?|"
    r"iters?|it/s|[mun]?s(?:/\w+)?)(?![\w/\-])(?!\s*[:=])")  # "0.5 step=1": the next key
# "loss: 0.73 iter time (s): 3.18": the word after a value opens the next key
_NAME_GOES_ON = re.compile(r" [A-Za-z]\w{0,20}(?: \([A-Za-z/%]{1,6}\))?\s?[:=]")
_SENTENCE_END = re.compile(r"\.\s[A-Z]")
_TWO_WORDS = re.compile(r" ([a-z]{1,20}) ([a-z]{1,20}) $")
# the next name, a phase's phrase of up to three words ("Testing Loss 0.68 Testing Micro
# AUROC 0.57", "train macro f1 0.5 val macro f1 0.6"): a set's measure, not prose
_A_PHASE = r"(?i:train|training|val|valid|validation|test|testing|eval|evaluation|dev)"
_PHASE_PHRASE = re.compile(r" (?P<phrase>" + _A_PHASE
                           + r"(?: [A-Za-z][A-Za-z0-9@\-]{0,20}){1,2}) $")
_PHASE_WORD = re.compile(_A_PHASE + "$")
# the next name, a strong key of two or three words ("loss 0.5 peak memory: 920 MB", "acc
# 0.91 total time = 12.3"): the value before it ended its own pair
_PHRASE_KEY = re.compile(r" (?P<phrase>[A-Za-z][A-Za-z\-]{0,20}(?: [A-Za-z][A-Za-z\-]{0,20}){1,2})"
                         r" ?[:=] ?$")
_DEVICES = frozenset({"gpu", "cpu"})  # "loss 0.5 GPU mem: 9.2 GB": a device's reading
# what may follow a name's value with no ":" between them ("loss 0.16104: 100%|": the end
# of a bar's description)
_WEAK_RIGHT_OK = re.compile(
    r"\s*(?:$|[|,;\])}%(]|:\s{1,3}$|\s\s|\t|\s[-:*/]\s|\s\[$)|\.$|\"\s*$|\s[=\-~*#<>]{2,}\s*$|\s[A-Za-z][\w@.\-/]*(?:\s|=\s?)$"
    # (a quoted line's closing quote: Ruby's "p" of a string, "epoch 50, accuracy 0.33"")
    r"|\s(?!(?:files?|images?|samples?|examples?|items?|tokens?|batches|steps?|epochs?)\b)"
    r"[A-Za-z][\w@.\-/]*:\s?$"  # "loss 0.2 elapsed: 1.5s": the next name, a strong one
    r"|\s[A-Za-z][\w/]{0,20}(?:\s\s|\t)"  # "Speed 726.28 samples/sec   Loss": its unit
    # "Loss 0.7 Avg Loss 0.6", the CS224N NMT's "avg. ppl 2709.68 cum. examples 200"
    r"|\s(?i:avg\.?|average|mean|total|running|cum\.)\s[A-Za-z][\w@.\-/]*\s$"
    r"|\s\d{1,6}(?:\.\d{1,9})?[a-z]{1,3}/[a-z]{1,6}\s*$"  # "loss 42.49 0.24s/step": a timing
    # the value's rate unit closing its field: "speed 2527.46 words/sec,", MLX's "Throughput
    # 604.77 images/second |" (not a download's "MB/s", nor a bar's "it/s")
    r"|\s(?![KMGT]?i?B/|it/)[A-Za-z]{1,12}/(?:s|sec|second)\s*(?:$|[,;|]|\s\s|\t)"
    r"|\s(?:best|improved|saved|\*)\s*$")  # "val 0.9647 best": the line's new best marked

# a field's end, or its running average after it ("| MeanReg 0.0056 |", "Loss 4.98 (4.30)")
_FIELD_END = re.compile(r"\s(?:\|\s|\(\s?[+-]?\.?\d)|\s*$")
# a measure's four words, a statistic's word before them ("average root mean squared error
# [cv]: 0.02", TorchDrug's train evaluation)
_LONG_MEASURES = frozenset({"root mean squared error", "root mean square error",
                            "mean absolute percentage error", "mean squared logarithmic error",
                            "mean squared log error", "root mean squared deviation"})
# a statistic's word before a quantity ("avg reward -20.5", "mean loss 0.3")
_STATISTICS = frozenset({"avg", "average", "mean", "median", "running", "smoothed", "ema", "total",
                         "peak"})
# a statistic's word written short, its dot no sentence's end (the CS224N NMT's "avg. loss 7.90,
# avg. ppl 2709.68 cum. examples 200")
_SHORT_STATISTICS = frozenset({"avg.", "cum.", "tot."})
_ABBREVIATION = re.compile(r"[A-Z][a-z]{2,5}\.")
_STATISTICS_OF = frozenset({"std", "mean", "average", "avg", "sum", "max", "min", "variance",
                            "median"})
# a device word before its quantity belongs to the name ("gpu mem", "cpu util")
_LEVELS = frozenset({"INFO", "WARNING", "DEBUG", "Info", "info", "warning", "debug"})
_DEVICES = frozenset({"gpu", "cpu"})
_MEMORY_UNIT = re.compile(r"^\s?[KMGT]i?B\b")


def measure_unit(after: str, number: str) -> re.Match[str] | None:
    """The unit after a value (``MEASURE_UNIT``, or a decimal's minutes or hours), if any."""
    return MEASURE_UNIT.match(after) or (
        _LONG_TIME_UNIT.match(after) if "." in number else None)


def estimate(before: str) -> bool:
    """Do the words before a measured name make it an estimate (``_ESTIMATE_BEFORE``)?"""
    return _ESTIMATE_BEFORE.search(before[-20:]) is not None


def device_memory(low: str, after: str) -> bool:
    """Is a device word's value its memory ("GPU 4211.0 MB", DGL's examples), not its index?"""
    return low in _DEVICES and _MEMORY_UNIT.match(after) is not None


_DEVICE_QUANTITY = re.compile(
    r"(?i)(?:ram|mem|memory|util|utilization|usage|temp|temperature|power)$")


def count_noun(after: str, number_follows: bool) -> bool:
    """Is the plain noun after a strong pair's value what it counts ("Summary: 283 layers,")?
    Not when a value follows the noun: "Time: 0.15 loss 0.31" names the next value."""
    noun = COUNT_NOUN.match(after)
    return noun is not None and not (number_follows and not after[noun.end():].strip())


def unit_after(after: str, number_follows: bool) -> bool:
    """Is the word after a value its unit ("3 epochs", "12 images")? Not when a value
    follows it: "loss 0.5 step 12", "0.5 step=12" name the next value."""
    unit = _UNIT_AFTER.match(after)
    return unit is not None and not (number_follows and not after[unit.end():].strip()) \
        and _NAME_GOES_ON.match(after, unit.end()) is None


# a statistic glued to what it is of, in capitals ("MinDCF", "AvgAux", "MaxIoU")
_STATISTIC_CAMEL = re.compile(r"(?:Min|Max|Mean|Avg|Average|Median|Std)[A-Z][A-Za-z0-9]{0,20}$"
                              r"|[A-Z]{1,6}Sq$")  # (R's earth: "GRSq 0.82  RSq 0.86", R-squared)


def weak_pair_ok(name: str, sep: str, after: str, field: bool = False,
                 decimal: bool = False) -> bool:
    """Does ``name`` followed by its value with no ``:``/``=`` (``sep``) read as a pair?
    ``field``: a decimal value in a field of its own after a ``|`` ("| MeanReg 0.0056 |");
    ``decimal``: the value has a fraction, so a full stop after it ends a sentence
    ("Training loss 1.52. Validation loss 1.67."; not a model's "RTX 3080. Max memory")."""
    low = name.lower()
    if low in STOPWORDS or "'" in name:
        return False
    core = name.split("(", 1)[0] or name  # (its qualifier aside: "PSNR(recon) 7.405")
    if any(any(c.isupper() for c in part[1:]) and not part.isupper()
           for part in core.split("_")) and not names.metric_like(core) \
            and names.words(name) != ["learning", "rate"] \
            and not (field and _FIELD_END.match(after)) \
            and not _STATISTIC_CAMEL.match(core):  # insightface's "LearningRate 0.1"
        return False  # "DataLoader 0", "TensorBoard 2": a CamelCase word is a label (not a
        # statistic of a quantity: voxceleb_trainer's "MinDCF 0.87312", the minimum cost)
    if _WEAK_RIGHT_OK.match(after) is not None or (decimal and _SENTENCE_END.match(after)):
        return True
    two = _TWO_WORDS.match(after)  # "total loss 0.5 cls loss 0.3": the next name, two words
    if two is not None:
        return not STOPWORDS.intersection(two.group(1, 2)) \
            and names.metric_like(f"{two.group(1)} {two.group(2)}")
    phrase = _PHASE_PHRASE.match(after)
    if phrase is not None:
        return names.metric_like(phrase["phrase"]) \
            and not STOPWORDS.intersection(phrase["phrase"].lower().split())
    key = _PHRASE_KEY.match(after)  # "loss 0.5 peak memory: 920 MB": the next name, a key
    return key is not None and (names.metric_like(key["phrase"]) or names.metric_like(name)) \
        and not STOPWORDS.difference(_DEVICES).intersection(key["phrase"].lower().split())


_UNIT_ENDS_SENTENCE = re.compile(r"^[A-Za-z]{1,4}\. [A-Z]")
# a label's colon, then a statistic's word before the name: "Epoch 1 done: Average loss:"
# (not a data set's: PyTorch's MNIST example's "Test set: Average loss: 0.0331" is test_loss)
_LABEL_STATISTIC = re.compile(r"(?<![A-Za-z])(?P<label>[A-Za-z]{1,20}):\s"
                              r"(?P<stat>(?i:avg\.|average|avg|mean|median))\s$")
_SET_LABELS = frozenset({"set", "data", "dataset", "split", "testing", "evaluation",
                         *names.PHASE_WORDS})


def words_before(before: str, strong: bool, first: bool, aligned: bool = False,
                 name: str = "") -> str | None:
    """The words before a name that are part of it ("max " of "max mem: 3524"); on a line
    that starts with a phrase whose value stands in an aligned column ("Kappa statistic
    0.0651", "Root mean squared error   0.4982"), the whole phrase."""
    found = WORDS_BEFORE.search(before)
    if found is None and (stat := _LABEL_STATISTIC.search(before)) is not None \
            and stat.group("label").lower() not in _SET_LABELS and names.metric_like(name):
        return stat.group("stat") + " "  # the super-resolution example's "===> Epoch 1
        # Complete: Avg. Loss: 0.1402": the epoch's label, then the statistic of a measure
    if found is None or (found.start("words") == 0 and not first and before[:1].isalpha()
                         and _UNIT_ENDS_SENTENCE.match(before) is None):
        return ""  # "1.2ms\tremaining": the letters after a number are its unit (but
        # nanotron's "Memory usage: 64.26MiB. Peak allocated 66.25MiB": its sentence ended)
    if name in COUNTER_KEYS and before[:found.start("words")].endswith(": "):
        return ""  # LAVIS's "Train: data epoch: [4]": the counter (a label's words before)
    words = found.group("words")
    if strong and name in COUNTER_KEYS and words[:-1].isupper() and words[:-1].isalpha():
        return ""  # SentencePiece's "EM sub_iter=1", TVM's "XGB iter:  25": the loop's
        # name, then its counter (not "GRPO iter 1/1", an inner loop's count beside a step)
    parts = words.split()
    if not first and abbrev.is_rate_unit(parts[0]) \
            and not before[:found.start("words")].strip():  # Sockeye's "6.30 updates/sec
        if len(parts) == 1:  # perplexity=306.46": the value before's unit, then the name
            return ""
        parts, words = parts[1:], words.lstrip().split(" ", 1)[1]
    if parts[-1].lower() in ("reported", "reports"):  # Ray Tune's "Trial XGBoostTrainer_e8
        return ""  # reported train-mlogloss=2.29,train-merror=0.04": the pairs after the verb
    if strong and _JOINED_KEY.fullmatch(words) is not None and not found.start() \
            and before[:1] == " " and names.metric_like(f"{words}{name}"):
        return words  # rl_games' "fps step: 53619 fps step and policy inference: 11516":
        # the words between a value and the next colon, one "and" inside, name one measure
    if len(parts) == 4 and "per" not in parts and not (
            strong and names.metric_like(name) and (found.group(0).startswith((
                " - ", " \u2014 ")) or (parts[0] in names.PHASE_WORDS and not found.start()))
            and all(p.isalpha() for p in parts)) and not (
            strong and parts[0].lower() in _STATISTICS
            and " ".join([*parts[1:], name.split("_[")[0]]).lower() in _LONG_MEASURES):
        return ""  # four words only for a rate's ("tokens per gpu per second") or a field's
        # phrase after a dash (TPOT's "Generation 1 - Current best internal CV score: 0.67")
    sentence = [i for i, p in enumerate(parts)
                if p.endswith(".") and p.lower() not in _SHORT_STATISTICS
                and not (len(parts) - i <= 2 and _ABBREVIATION.fullmatch(p)
                         and all(q[:1].isupper() for q in parts[i + 1:])
                         and name not in COUNTER_KEYS)]  # (TorchKGE's "Filt. Hit@10",
    # "Filt. Mean Rank": a capitalised word cut short right before the name qualifies it)
    if sentence and (name in COUNTER_KEYS or (not first and not sentence[0] and not before[
            :found.start("words")].strip())):  # (the first word a unit: "22.3 s. Mean")
        parts = parts[sentence[-1] + 1:]  # ML-Agents' "Walker. Step: 10000. Time Elapsed:
        if not parts:  # 22.3 s. Mean Reward: 1.2": a sentence ended before the name
            return ""
        words = " ".join(parts) + " "
    ended = [i for i, p in enumerate(parts[:-1]) if len(p) > 4 and p[-1] == "." and p[:-1].isalpha()
             and p[:-1].islower()]
    if ended:  # "Training completed. Final loss: 0.13": the sentence before ended
        parts = parts[ended[-1] + 1:]
        words = " ".join(parts) + " "
    last = parts[-1]
    if len(last) > 4 and last[-1] == "." and last[:-1].isalpha() and last[:-1].islower():
        return ""  # LightAutoML's "Fitting Lvl_0_Pipe_0_Mod_0_LinearL2 finished. score =
        # 0.72", "Training done. loss: 0.5": a sentence ended right before the name
    if not names.metric_like(name) and any(_HYPHENED.search(p) and p.replace("-", "").lower()
                                           not in namewords.METRIC_WORDS for p in parts):
        return ""  # "current self-play batch: 3000": a hyphened word only names a measure
        # (as "ROUGE-L Average_R: 0.31" does)
    if parts[-1].lower() == "at" and name in COUNTER_KEYS:
        return ""  # PaddleHelix's "Validation at epoch: 0, AUROC:": when, then the counter
    levels = [i for i, p in enumerate(parts) if p in _LEVELS]
    if levels:  # "P8266 INFO Train loss: 0.105": the words after a log level
        parts = parts[levels[-1] + 1:]
        if not parts:
            return ""
        words = " ".join(parts) + " "
    if len(parts) == 1 and parts[0].lower() in _DEVICES and _DEVICE_QUANTITY.match(name):
        return words  # "gpu mem: 9301Mb", "GPU util: 98": the device's quantity
    if len(parts) == 2 and parts[1] == "of" and parts[0].lower() in _STATISTICS_OF:
        return words  # ML-Agents' "Std of Reward: 0.000": a statistic of a quantity
    if not strong and len(parts) > 1 and parts[-1] == "of" and not names.metric_like(name) \
            and names.metric_like("_".join(parts[:-1]).lower()):
        return None  # "eval mIoU of Airplane   0.77": one class's row, not an aggregate
    if strong and len(parts) > 1 and parts[-1] in ("after", "with") \
            and names.metric_like(" ".join(parts[:-1])):
        return words  # AutoAttack's "robust accuracy after APGD-CE: 47.30%": after a stage;
        # sentence-transformers' "Accuracy with Cosine-Similarity: 77.50": by a similarity
    if any(p.lower().rstrip(".") in STOPWORDS and p.lower() != "per"
           and not (p.isupper() and len(p) > 1)  # "IS max", "GPU Allocated": an acronym
           and (not i or parts[i - 1].lower() != "per")  # "Per Sample Time"
           and parts[i + 1:i + 2] != ["per"]  # Megatron's "samples per second: 0.23"
           for i, p in enumerate(parts)) \
            and not (parts == ["x"] and names.metric_like(name)):  # YOLO's "x loss: 0.39"
        if strong and len(parts) > 2 and parts[-2].lower() in ("with", "of") \
                and parts[-1].lower() in _STATISTICS and names.metric_like(name):
            return parts[-1] + " "  # "Epoch 0 finished with average loss: 0.56": the
            # statistic after the sentence's words
        return None if strong and len(parts) > 1 else ""
    if not strong and first and aligned and not before[:found.start("words")].strip() \
            and name.lower() not in COUNTER_KEYS:  # (texar's "G pretrain epoch   0": the
        return words  # epoch's counter, its words a stage)
    if not strong and name.lower() == "score" and names.metric_like(parts[-1]) and (
            len(parts) == 1 or (len(parts) == 2 and parts[0].lower() in names.PHASE_WORDS)):
        return words  # "epoch 0 validation ROCAUC score 0.56": the measure's score
    if not strong and len(parts) == 1 and (parts[0].lower() in _STATISTICS
                                           or parts[0].lower() in _SHORT_STATISTICS) \
            and parts[0] != "Running":  # (a verb: neat-python's "Running generation 80")
        return words  # "avg reward -20.5": the statistic's word belongs to the name
    if not strong and first and 1 < len(parts) <= 3 and parts[0].lower() in _STATISTICS \
            and not before[:found.start("words")].strip() \
            and all(p.isalpha() and p.islower() for p in parts[1:]):
        return words  # neat-python's "Mean genetic distance 1.752": the line's phrase
    boundary = found.group(0)[:found.start("words") - found.start()]
    if boundary[:1] == ")" and boundary.count(")") == 1:
        boundary = boundary[1:]  # "Steps 412(412.16) | Grad Norm 199.7": after a remark
    if not strong and (("\t" in boundary or boundary.endswith(" - ")
                        or boundary.strip() in ("|", ",")
                        or (boundary.strip() == ":" and not found.start()  # "Iter 1: Val
                            and parts[0].lower() in names.PHASE_WORDS))  # chosen reward -0.24"
                       and name.lower() not in STOPWORDS
                       and all(_word(p) and (p.islower() or (
                           not i and p.istitle() and p.lower() in names.PHASE_WORDS))
                               for i, p in enumerate(parts))):
        return words  # "step 345 - loss 103.3 - moving ave loss 103.4", "lr 0.1\tdata time
        # 0.0008\tmodel time 0.42", CPM-2's "| learning rate 3e-06 | lm loss 0.79 |", Kaldi's
        # "epoch 0, learning rate 0.001": the words of a field, whatever it measures
    if not strong and not first and boundary.strip() in ("", "]") and found.start() == 0 \
            and len(parts) <= 2 and before[:1] in " ]" \
            and all(_word(p) and (p.islower() or (not i and p.istitle()))
                    for i, p in enumerate(parts)) \
            and (names.metric_like(" ".join([*parts, name])) or (parts, name) == (
                ["learning"], "rate")):
        return words  # "step 1400 learning rate 0.5", "iter 100 total loss 0.5 cls loss
        # 0.3": the whole text between two values, lower-case words, names the second
    if not strong and (not before[:found.start("words")].strip() if first else (
            boundary.strip() in ("", "]") and found.start() == 0 and before[:1] == " ")) \
            and len(parts) <= 2 and _PHASE_WORD.match(parts[0]) \
            and all(_word(p) and p.lower() not in STOPWORDS for p in parts) \
            and names.metric_like(name) and name.lower() not in STOPWORDS:
        return words  # "Testing Loss 0.68 Testing Micro AUROC 0.57": a phase's phrase (at
        # the line's start, or between values as ``weak_pair_ok`` let the value before end)
    if not strong and (((boundary.strip() in ("|", ",") or "\t" in boundary
                        or boundary.endswith(" - ")) and name.lower() not in STOPWORDS)
                       or (not boundary and names.metric_like(name))) \
            and all(w.isalpha() and (w.istitle() or w.isupper())
                    for p in parts for w in p.rstrip(".").split("-")):
        return words  # ", Avg Regression Loss 2.84,", "\tPer Sample Data Time 0.0006": a
        # field's words, each capitalised
    if not strong and (len(parts) != 1 or not parts[0][:1].isupper()
                       or found.group(0)[:1] not in ",;|\t"):
        return ""  # weak "Loss Test 2.19": only one capitalised word, in a comma/tab list
    return words


def _word(part: str) -> bool:
    """A word of a name: letters, or letters then letters and digits (a data set's
    "cifar10", "visual7w" before "acc": not a number's unit or a counter)."""
    return part.isalpha() or (part[:1].isalpha() and part.isalnum() and part.isascii())


# a device and its index before a quantity of it: AllenNLP's "Worker 0 memory usage: 9.4G",
# "GPU 0 memory usage: 37G" (worker_0_memory_usage, gpu_0_memory_usage)
_DEVICE_BEFORE = re.compile(r"(?:^|(?<=[\s\-|]))"
                            r"(?P<device>(?i:gpu|worker|rank|device|npu|tpu|cuda))\s$")
_QUANTITY_AFTER = re.compile(r"^\s(?P<name>[A-Za-z]{2,20}(?:[\s_][A-Za-z]{2,20}){0,2})\s?[:=]\s?$")


def device_quantity(pieces: list[str], index: int, device_at: int,
                    name_at: int) -> dict[int, tuple[str, int, int]]:
    """{index: (name, start, end)} when the number at ``index`` is a device's indexed
    quantity (its device word ends the text at ``index - 3``, which starts at ``device_at``
    in the line; its index is the number between; its name opens the text before it, at
    ``name_at``); else {}."""
    text, left = pieces[index - 3], pieces[index - 1]
    device = _DEVICE_BEFORE.search(text[-24:])
    quantity = _QUANTITY_AFTER.match(left) if device is not None else None
    if device is None or quantity is None or not _DEVICE_QUANTITY.search(quantity["name"]):
        return {}
    name = f"{device['device']}_{pieces[index - 2]}_{quantity['name'].replace(' ', '_')}"
    start = device_at + len(text) - len(text[-24:]) + device.start("device")
    return {index: (name, start, name_at + quantity.end("name"))}
