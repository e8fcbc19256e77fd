"""The record prefixes logging libraries print before a message (a time, a level, a
logger's or a source file's name): the message is what the parser plans (``lineplan``), the
prefix names no value. Regexes are anchored, their repetitions bounded: linear."""

from __future__ import annotations

import re

from exptrack.metrics import forms

# loguru's record prefix, "2024-05-01 12:00:00.123 | INFO     | train:main:42 - ": its
# "module:function:line" names no value
_LOGURU = re.compile(r"^\d{4}-\d\d-\d\d[ T][\d:.,]{5,16}\s?\|\s{0,8}[A-Z]{4,8}\s*\|\s?"
                     r"(?:[\w.<>\-]{1,80}:[\w.<>\-]{1,80}:\d{1,7} - "
                     # "%(name)s | %(funcName)s:%(lineno)d | %(message)s" likewise
                     r"|(?:[\w.<>\-]{1,80} \| )?[\w.<>\-]{1,80}:\d{1,7} \| )")
# log4j's "%d %-5p %c{1}:%L - " (BigDL's "2022-02-10 21:42:16 WARN  NativeCodeLoader:62 - "),
# "%d %-5p %c - " ("INFO  ConvNet - Error rate: 0.0045") and Spark's "%d{yy/MM/dd HH:mm:ss} %p
# %c{1}: " ("26/01/03 16:48:18 WARN NativeCodeLoader: "): the class and its line number name
# no value
_LOG4J = re.compile(r"^(?:\d{4}-\d\d-\d\d|\d\d/\d\d/\d\d) \d\d:\d\d:\d\d(?:[.,]\d{1,3})? "
                    r"(?:INFO|WARN|ERROR|DEBUG|TRACE|FATAL) {1,2}(?:[A-Za-z][\w.$]{0,80}:\d{1,7} - "
                    # (a class's name, not a key's: "INFO Accuracy: 10/50" is a message)
                    r"|(?:[a-z]\w{0,40}\.|[A-Z][a-z]{1,20}[A-Z])[\w.$]{0,80}"
                    r"(?:: | - )(?=[A-Za-z]))")
# a logging record's "%(asctime)s %(levelname)s %(name)s: " ("08/31/2025 12:30:44 PM INFO
# __main__: "): the logger's name is no word of the message's first key
_LEVEL_NAME = re.compile(r"^(?:[\d/\-]{8,10}[ T][\d:.,]{5,16}(?: ?[AP]M)?\s{1,4})?"
                         r"(?:INFO|DEBUG|WARNING)\s{1,4}[\w.<>\-]{1,60}:\s(?=[A-Za-z])")
# icefall's "%(asctime)s %(levelname)s [%(filename)s:%(lineno)d] (%(rank)s/%(world_size)s) ":
# the process's rank of the world ("(1/2)") is no step of the message
RANK_RECORD = re.compile("^" + forms.LOG_STAMP + r"[\d:.,]{0,10} (?:INFO|DEBUG|WARNING|ERROR) "
                         r"\[[\w.\-]{1,80}:\d{1,7}\] \((\d{1,6})/\d{1,6}\) ")
# NeMo's record prefix, "[NeMo I 2025-06-18 21:57:04 nemo_logging:393] ": its tag, level,
# time and source location ("module:line") name no value
_TAGGED_RECORD = re.compile(r"^\s{0,8}\[[A-Za-z]{1,12} [IWEDC] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d"
                            r" [\w.\-]{1,80}:\d{1,7}\] ")
# the logging cookbook's "%(asctime)s [%(levelname)-5.5s]  %(message)s" ("2022-04-08 15:11:08
# [INFO ]  Validation accuracy: 55.16<TAB>macro_fscore: 43.87"): the message's phrase labels it
_PADDED_LEVEL = re.compile(r"^\s{0,8}\d{4}-\d\d-\d\d[ T][\d:.,]{5,16} \[(?:INFO |DEBUG|WARNI)\]"
                           r"\s{1,4}(?=[A-Za-z])")
# arcface_torch's "Training: %(asctime)s-%(message)s" ("Training: 2025-11-30 20:25:07,715-Speed
# 1123.18 samples/sec"): the stamp's milliseconds glued to the message's first word
_STAMP_GLUED = re.compile(r"^(?:[A-Z][a-z]{1,20}: )?\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d"
                          r"(?:[.,]\d{1,6})?-(?=[A-Za-z\[])")
# incremental_learning.pytorch's "2021-10-19:23:12:49 [train.py]: Avg inc acc: 0.27.": a stamp
# and the source file's name before the message
_FILE_RECORD = re.compile(r"^\s{0,8}\d{4}-\d\d-\d\d[ :T]\d\d:\d\d:\d\d(?:[.,]\d{1,6})? "
                          r"\[[\w\-]{1,60}\.py\]: (?=[A-Za-z])")
# Python logging's common record prefixes: "%(asctime)s - %(name)s - %(levelname)s - ",
# "%(asctime)s - %(levelname)s - ", "%(asctime)s %(levelname)s ", Hydra's "[%(asctime)s][%(name)s]
# [%(levelname)s] - ", basicConfig's "%(levelname)s:%(name)s:" (not a logger named for a phase,
# "INFO:train:", whose name labels the message): the message reads as printed alone
_LEVELS = r"(?:INFO|DEBUG|WARNING|ERROR|CRITICAL)"
_PHASE_NAMES = r"(?i:train|training|val|valid|validation|test|testing|eval|evaluation)"
MODULE = r"(?:__main__|root|[a-z_]\w{0,40}(?:\.\w{1,40}){1,8})"  # a logger's: a module's
# (lm-evaluation-harness's datefmt "%Y-%m-%d:%H:%M:%S" joins the date and time by a colon)
_RECORD_TIME = r"(?:\d{4}-\d\d-\d\d[ T:]|\d\d/\d\d/\d{4} )\d\d:\d\d:\d\d(?:[.,]\d{1,6})?"
_PY_RECORD = re.compile(
    r"(?a)^\s{0,8}(?:\[" + _RECORD_TIME + r"\]|" + _RECORD_TIME + ")"  # (indented: a paste's)
    r"(?: - (?:[\w.<>\-]{1,80} - )?" + _LEVELS + r" ?[-:] "
    # Hugging Face's examples' "%(asctime)s - %(levelname)s - %(name)s - " (its time
    # "%m/%d/%Y %H:%M:%S"): the logger's name after the level, a module's (a word alone
    # is the message's: "euclidean - mean: 1.87", "Evaluating - acc: 0.31")
    r"(?:" + MODULE + r" - )?"
    # "%(asctime)s %(levelname)-8s [%(name)s:%(lineno)d] " (lm-evaluation-harness's "INFO
    # [evaluator:589] Running loglikelihood requests"): the logger and its line name no value
    # (a source file's "[trainer.py:656]" is read in the message, as before)
    r"| " + _LEVELS + r" {1,8}\[(?![\w\-]{1,80}\.py:)[\w.\-]{1,80}:\d{1,7}\] (?=.)"
    r"| " + _LEVELS + r" {1,8}\| "  # ParlAI's "%(asctime)s %(levelname)-8s | %(message)s"
    r"| " + _LEVELS + r"(?: (?:[-:] )?|: )"  # (Stanza's "%(asctime)s %(levelname)s: ")
    r"|\[[\w.<>\-]{1,80}\]\[" + _LEVELS + r"\] - "
    # "%(asctime)s [%(levelname)s] %(name)s: ", "[%(asctime)s][%(levelname)s] ": the level
    # in brackets, a module's name after it (a word alone is one before a word only: not a
    # key before its value; not a phase's)
    r"| ?\[" + _LEVELS + r"\]:? (?:" + MODULE + r": "
    r"|(?!" + _PHASE_NAMES + r"\b)[a-z_][\w\-]{0,80}: (?=[A-Za-z\[(]))?)"
    r"|^" + _LEVELS + r":(?!" + _PHASE_NAMES + r":)[\w.<>\-]{1,80}:"
    # Hugging Face's explicit format, "[INFO|trainer.py:2070] 2024-11-25 10:31:15,542 >> "
    r"|^\[" + _LEVELS + r"\|[\w.\-]{1,80}:\d{1,7}\] " + _RECORD_TIME + r" >> "
    # the level first, then the time and the source ("INFO 2026-06-12 16:56:19 train.py:357 ",
    # LeRobot's; "INFO 2025-11-27 20:02:30,507 train_utils.py: 278: ", SAM 2's)
    r"|^" + _LEVELS + r" " + _RECORD_TIME + r" (?:[\w\-]{1,80}\.py: ?\d{1,7}:? )?(?=.)")
# absl's and glog's "I1125 10:31:15.542123 12345 train.py:88] " (absl's thread id a Python
# thread's ident, "140459371789184")
GLOG = r"[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} {1,8}\d{1,20} [\w.\-]{1,80}:\d{1,7}\] "
# ... and a time alone ("[2024-11-25 10:31:15] ", "2024-11-25 10:31:15,542 "; a tag in capitals
# after it, "[2023-08-27 21:38:36] PRINT ", is the record's), glog's, a level's tag alone
# ("[INFO] ")
_TIME_RECORD = re.compile(
    r"(?a)^(?:(?:\[" + _RECORD_TIME + r"\]|" + _RECORD_TIME + r") (?:[A-Z]{3,8} )?(?=[A-Za-z])"
    r"|" + GLOG + "(?=.)"
    r"|\[(?:INFO|DEBUG|WARNING)\] (?=\S))")
# LibKGE's "2023-12-19 10:32:22.694901   lr: 0.01": a stamp alone before the message
_STAMP_ALONE = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d\.\d{6} (?=\s*[A-Za-z[])")


# OLMo-core's (AI2's) "%(asctime)s\t%(hostname)s:%(local_rank)s\t%(name)s:%(lineno)s\t
# %(levelname)s\t": the host and its rank ("vm:0") and the source line name no value
_TAB_RECORD = re.compile(r"(?a)^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d{1,6})?"
                         r"\t[\w.\-]{1,80}:\d{1,6}\t[\w.\-]{1,120}:\d{1,7}\t" + _LEVELS + r"\t")
_LOG4J_LEVELS = (" INFO ", " WARN ", " ERROR ", " DEBUG ", " TRACE ", " FATAL ")
# Jittor's glog-like "[i 1207 00:18:56.893319 56 __init__.py:227] ": a level's letter, the
# date, the time, the thread and the source line; none of its numbers is the message's
_JITTOR = re.compile(r"(?a)^\[[iwe] \d{4} \d\d:\d\d:\d\d\.\d{6} \d{1,9} [\w.\-]{1,80}:\d{1,7}\] ")


# rllab's logger (rlkit's, garage's before dowel, softlearning's): "%Y-%m-%d %H:%M:%S.%f %Z | "
# before each line, its tabular dump's rows too ("2026-12-08 02:55:01.123500 UTC | trainer/QF1
# Loss    1.23")
_RLLAB = re.compile(r"(?a)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}(?: [A-Z]{2,5}| [+-]\d{2,4})? \| ")
# ParlAI's record under a terminal, "%(asctime)s | %(message)s" with the time alone
# ("17:52:37 |     adam_eps: 1e-08", its "Opt:" listing; a level's column after the bar is
# another format's, read as before: "15:20:34 | INFO     |     Mean stops: 1.29")
_CLOCK_BAR = re.compile(r"(?a)^\d\d:\d\d:\d\d \| (?!\s{0,8}(?:INFO|WARNING|DEBUG|ERROR)\b)(?=.)")


def prefix(text: str) -> re.Match[str] | None:
    """The prefix of a record whose message is planned in place (blanked, the same offsets):
    loguru's, icefall's, NeMo's, Jittor's and the other formats above."""
    if text[2:3] == ":" and text[8:11] == " | ":
        return _CLOCK_BAR.match(text)
    if text[:1].isdigit() and " | " in text[:40]:
        return _LOGURU.match(text) or _RLLAB.match(text)
    if "INFO " in text[:40]:
        found = _LEVEL_NAME.match(text) or RANK_RECORD.match(text) or _PADDED_LEVEL.match(text)
        if found is not None:
            return found
    if text[:1].isdigit() and "\t" in text[19:27]:
        found = _TAB_RECORD.match(text)
        if found is not None:
            return found
    if text[:3] in ("[i ", "[w ", "[e "):
        return _JITTOR.match(text)
    if text[:1].isdigit() and any(level in text[16:32] for level in _LOG4J_LEVELS):
        return _LOG4J.match(text)
    if "-" in text[:40]:
        return _STAMP_GLUED.match(text) or _STAMP_ALONE.match(text) \
            or _TAGGED_RECORD.match(text) or _FILE_RECORD.match(text)
    return None


def python_prefix(text: str) -> re.Match[str] | None:
    """The prefix of a record of Python logging's usual formats (``_PY_RECORD``), whose
    message is planned alone."""
    head = text[:160]  # (Hydra's logger name may be a long module path before the level)
    if "INFO" in head or "DEBUG" in head or "WARNING" in head:
        found = _PY_RECORD.match(text)
        if found is not None:
            return found
    return _TIME_RECORD.match(text) if text[:1] in "[0123456789IWE" else None
