"""Tables: a header row of names, then rows of numbers (Ultralytics, spaCy, fastai,
markdown ``| a | b |`` tables). Pure functions; the parser keeps the table's state."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable

from exptrack.metrics import (
    counterkeys,
    forms,
    knownheaders,
    longtables,
    names,
    naming,
    rules,
)
from exptrack.metrics.denylist import EVALUATIONS
from exptrack.metrics.kinds import EPOCH, STEP
from exptrack.metrics.phasewords import COUNTER_KEYS, WORD_PHASES
from exptrack.metrics.searchtables import search_row, search_table, trial_table
from exptrack.metrics.tablecells import ROW_NUMBER, TIME_NAME, Row, number
from exptrack.metrics.tableprefix import edges, message, unprefixed
from exptrack.metrics.trackeval import mot_count

# a bar's tail: "100%|####| 8/8 [...]", or drawn without glyphs "100% 350/350 [...]"
_BAR_CUT = re.compile(r"(?<!\s):?\s*\d{1,3}%(?:\||\s\d+/\d+\s\[).*$")  # after a non-space: linear
_HEADER_SPLIT = re.compile(r"\t+|\s{2,}")
# (up to 81 characters: TRL's GRPO columns carry the reward functions' own names,
# "rewards / check_grounding_references_from_response")
HEADER_CELL = re.compile(r"^[A-Za-z_#(][\w.\-/@()%#: ]{0,80}$")
_ROW_COUNTER = re.compile(r"^(\d+)/\d+$")
# a cell that names an item: letters with digits or a structure's signs, 8 or more ("c1c(CN)cc")
_ITEM_CELL = re.compile(r"^(?=[^\s]{0,200}[A-Za-z])(?=[^\s]{0,200}[\d(=#/])\S{8,200}$")
_BLANK_CELLS = frozenset({"nan", "inf", "-inf", "-", "--", "_", "", "none", "n/a", "na", "null"})
# "6.73G", "2940M": a memory figure with its unit, in a column whose name says memory
# (YOLO's "GPU_mem"); the number as printed
_MEMORY_CELL = re.compile(r"^(\d+(?:\.\d+)?)(?:[KMGT]i?B?|[kmgt]b)$")
# "19.6s" in a column of times ("Time", "epoch_time"), a remark after it ("19.6s  <- best")
_SECONDS_CELL = re.compile(r"^(\d+(?:\.\d+)?)s(?:\s{2}\S.{0,20})?$")
_MEMORY_NAME = re.compile(r"(?i)(?:^|[_\-./ ])mem(?:ory)?(?:$|[_\-./ ])")
# a name that is a count far more often than a metric ("total"): in a column of fractional
# values (YOLOv5's "total" loss) it is no count
_COUNT_WORDS = frozenset({"total"})
# a header cell that ends in one of these is text, no name ("Targets box is": words typed
# into a header)
_FUNCTION_WORDS = frozenset({"a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
                             "in", "is", "of", "on", "or", "the", "to", "was", "were", "with"})
# a unit in parentheses after a column's name ("Elapsed Time (seconds)"): not part of it,
# as after a key on a line ("Memory (MB)=6,784")
_UNIT_CELL = re.compile(r"\s\((?:seconds?|secs?|s|ms|minutes?|mins?|hours?|h|[KMGT]i?B|%)\)$")
# a column of positions: the step ("steps" elsewhere counts things)
_STEP_COLUMNS = frozenset({"steps", "iterations", "updates", "gen",  # (an optimiser's generation)
                           "ntree",  # (randomForest's trees so far)
                           "n_gen",  # (pymoo's generation, its table's first column)
                           "iterat",  # (pycma's iteration)
                           "example_counter"})  # Vowpal Wabbit's examples so far
# pycma's "Iterat #Fevals   function value  axis ratio  sigma  min&max std  t[m:s]": its
# iteration and evaluations a space apart, two columns under "min&max std" (the least and the
# most of the coordinates' deviations; its data logger's names), "t[m:s]" its time so far
_SPANNED = {"Iterat #Fevals": ("Iterat", "Fevals"), "min&max std": ("minstd", "maxstd"),
            "t[m:s]": ("time",)}
# a one-value array printed by numpy ("[-2.17921662]", "[ 0.0804]"): its value
_ONE_VALUE_LIST = re.compile(rf"^\[\s?({forms.DECIMAL})\s?\]$")
# a cell of a few numbers, DeepXDE's "[4.21e+01, 1.76e-02]" (its loss terms): a series each
_LIST_CELL = re.compile(rf"^\[\s?{forms.DECIMAL}(?:,\s?{forms.DECIMAL}){{1,7}}\s?\]$")
# a row labelled by its phase (Ludwig's "│ train │ 0.9779 │", "│ vali │ 1.3901 │"): its
# values are that phase's
PHASE_LABELS = frozenset({*WORD_PHASES, "vali"})
AGGREGATE_LABELS = frozenset({"all", "mean", "avg", "average", "total", "overall", "macro",
                              "weighted",
                              "final"})  # (NLTK's maxent table: the model after the last step)
# a border with the table's title in it ("+performance on validation set-----+-------+"):
# the phase the title names is its rows'
_TITLED_BORDER = re.compile(r"^\+-{0,3}([A-Za-z][A-Za-z ]{1,60}?)-{2,}\+")
# a first column naming the data set a row was measured on (FastReID's "| Dataset | Rank-1 |
# mAP |"): each row an aggregate
_DATASET_COLUMNS = frozenset({"dataset", "datasets", "data set", "benchmark"})
# a first column naming the item a row is about (neat-python's species "ID"): no aggregate
_ITEM_IDS = frozenset({"id", "ids", "uid", "key",
                       "attribute",  # (Weka NaiveBayes' model: an attribute's parameters)
                       "group"})  # (H2O's Gains/Lift table: a row a group of the scores)

CELL = re.compile(r"\S+")
GAP = re.compile(r"\s{2,}")
_SPACED_WORDS = re.compile(r"^[A-Za-z][\w@.\-/]{0,40}(?: [A-Za-z][\w@.\-/]{0,40}){2,30}$")
SPACED_START = re.compile(rb"(?i)\s{0,8}(?:" + b"|".join(  # a step's word and a space: the
    re.escape(key.encode()) for key in sorted(COUNTER_KEYS, key=len, reverse=True))
    + rb") [A-Za-z]")  # fast test for a ``spaced_header`` line

KV_STEP_KEYS = frozenset({"total_timesteps", "timesteps", "timestep", "num_timesteps",
                          "global_step", "step", "steps", "timestepssofar", "timestepsofar",
                          "totalenvinteracts"})
# (Stable Baselines 2 prints "steps"; OpenAI Baselines' TRPO "TimestepsSoFar";
# OfflineRL-Kit's logger "timestep"; Spinning Up's EpochLogger "TotalEnvInteracts")


def kv_step_key(key: str) -> bool:
    """Is a key-value table's key its step, alone or last in a group ("total_timesteps",
    SB3's "time/total_timesteps", OpenAI Baselines' flat "misc/total_timesteps")?"""
    return key.rsplit("/", 1)[-1].lower() in KV_STEP_KEYS

# a header's layout
SPACES, PIPES, COMMAS, SEMICOLONS = "spaces", "pipes", "commas", "semicolons"
_DELIMITERS = {COMMAS: ",", SEMICOLONS: ";"}  # (Keras' CSVLogger(separator=";"), Excel's CSV)
# a CSV header printed as it is: names between commas, no number cell (Depth Anything's
# "d1,       d2,  abs_rel,": spaces after the commas line the names up over their values)
# (pandas' "to_csv" leaves its index column's name empty: ",epoch,"; StarGAN's log.csv opens
# with "Elapsed Time", its cells clocks: "0:00:06,100,-4.2027")
_CSV_HEADER = re.compile(
    r"^,?(?:[A-Za-z_][\w.\-/()@:%]{0,60}|[A-Za-z]{1,20} [Tt]ime)"
    r"(?:,\s{0,20}[A-Za-z_][\w.\-/()@:%]{0,60}){2,99}$"
    # (a spreadsheet's names of words: "Epoch,Train D Loss,Test PSNR")
    r"|^[A-Za-z_][\w.\-/()@:%]{0,60}(?:,[A-Za-z_][\w.\-/()@:%]{0,30}"
    r"(?: [A-Za-z_(][\w.\-/()@:%]{0,30}){0,4}){2,99}$")  # ("dt (s)": a unit)
# a LaTeX table's row of numbers, each after its "&": "&   0.314  &   4.202  \\"
_LATEX_ROW = re.compile(r"^&\s{0,8}[+-]?\d{1,9}(?:\.\d{0,9})?"
                        r"(?:\s{0,8}&\s{0,8}[+-]?\d{1,9}(?:\.\d{0,9})?){0,63}\s{0,8}\\\\$")
_CLOCK_CELL = re.compile(r"^\d{1,5}:\d\d:\d\d(?:\.\d{1,6})?$")  # "0:00:06": a time column's
# "2025-10-01 15:24:35" in a "timestamp" column: when the row was written
_DATE_CELL = re.compile(r"^\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d(?:[.,]\d{1,6})?)?)?$")
_DATE_COLUMNS = frozenset({"timestamp", "time", "date", "datetime", "date_time", "wall_time",
                           "walltime"})

def parse_header(line: str, split: bool = False) -> tuple[list[str], str] | None:
    """A header row -> (metric names, its layout: ``SPACES``, ``PIPES`` for a ``| a | b |``
    table, ``COMMAS`` for a CSV file's header printed as it is), else None. ``split``:
    each word a cell (YOLOv5's ``mAP@.5 mAP@.5:.95``, set apart by one space only)."""
    text = unprefixed(message(_BAR_CUT.sub("", line.replace("│", "|"))).strip())
    if text[:2] in ("# ", "#\t"):  # a data file's commented header (DeePMD's lcurve.out:
        text = text[1:].lstrip()  # "#  step      rmse_val    rmse_trn ...")
    if not text or text.startswith(("-", "=", "─", "━", "|:", "|-")) \
            or not text.strip("_ \t"):  # MATLAB's trainnet rules its header with "_____"
        return None
    etc = False
    if not text.startswith("|") and " | " in text \
            and all(GAP.search(part.strip()) for part in text.split(" | ")):
        text = text.replace(" | ", "   ")  # ElegantRL's groups of aligned columns: "ID  Step
        # Time |  avgR  stdR |  expR  objC  etc." (the last, a column of nothing)
        etc = text.endswith("  etc.")  # (PPO's rows print a value under it, DQN's none)
        text = text[:-5].rstrip() if etc else text
    # "| a | b |", or a markdown table pasted without its edges ("Step | Loss | Acc")
    layout = PIPES if (text.startswith("|") and text.endswith("|")) \
        or text.count(" | ") >= 2 else COMMAS if _CSV_HEADER.match(text) \
        else SEMICOLONS if "," not in text and _CSV_HEADER.match(text.replace(";", ",")) \
        else SPACES
    if layout == SPACES and "|" in text:  # the MOTChallenge devkit's groups: " IDF1  IDP
        text = ungrouped(text)  # IDR| Rcll  Prcn   FAR|   GT ..."
    if layout == PIPES:
        cells = [c.strip() for c in edges(text).split("|")]
        if len(cells) == 1 and GAP.search(cells[0]):  # a box's edges around spaced columns
            cells, layout = [c for c in _HEADER_SPLIT.split(cells[0]) if c], SPACES  # (Ray
            # Tune's "│ Trial name   status   lr   iter   loss │")
    elif layout in _DELIMITERS:  # "epoch,train_loss,val_loss,mAP50" (a results.csv printed)
        cells = [c.strip() for c in text.split(_DELIMITERS[layout])]
    elif (known := knownheaders.known_header(text)) is not None:
        return known, SPACES  # gplearn's, randomForest's trace
    else:
        cells = [c for c in _HEADER_SPLIT.split(text) if c]
        cells = [part for cell in cells for part in _SPANNED.get(cell, (cell,))]
        if len(cells) == 1 and spaced_header(text):  # "epoch train_acc1 test_acc1"
            cells = text.split(" ")
        if split:  # words of symbols ("mAP@.5 mAP@.5:.95"; not a phrase: "Elapsed Time")
            cells = [word for cell in cells for word in (
                cell.split(" ") if all(not w.isalpha() for w in cell.split(" ")) else [cell])]
    if cells[:2] == ["number_of_trees", "number_of_internal_trees"]:
        return None  # H2O's "Model Summary:" of a tree model: its size and shape, no measure
    if all(cell[:1] == "(" and ROW_NUMBER.match(cell[1:-1]) for cell in cells):
        return None  # Weka's class priors over NaiveBayes' model, "(0.36)  (0.36)  (0.28)"
    if len(cells) > 3 and cells[-1].replace(" ", "") in ("...:", "..."):
        cells.pop()  # pagmo's "ideal5:   ... :": the columns it leaves out
    if len(cells) < 3 and not (len(cells) == 2 and (cells[0].lower() in rules.STEP_KEYS or
                                                    cells[0].lower() in rules.EPOCH_KEYS)):
        return None  # (two columns: "step<TAB>loss", a step's and a metric's)
    if not all(HEADER_CELL.match(c.replace(",", "_") if layout == PIPES else c)
               or (not c and not i and layout in _DELIMITERS)
               for i, c in enumerate(cells)) or (cells[0].lower() in _ITEM_IDS and (
                   cells[1].lower() not in rules.STEP_KEYS)):
        return None  # ("ID  age  size  fitness": a row an item's, neat-python's species;
        # ElegantRL's "ID  Step  Time": an agent's, at a step)
    names = [header_name(c) if c else "" for c in cells]
    if cells[:2] == ["E", "#"] and layout == SPACES:  # spaCy's ConsoleLogger: "E    #
        names = [n.lower() for n in names]  # LOSS TEXTCAT  CATS_SCORE  SCORE", its keys
        # (losses.textcat, cats_score, score) upper-cased for the header; other headers in
        # capitals keep them (detectron2's "AP  AP50", flair's "TRAIN_LOSS": their keys)
    return ([*names, ETC] if etc else names), layout


def border_phase(text: str) -> str | None:
    """A titled border's phase ("" for a title that names none), else None: no such border."""
    found = _TITLED_BORDER.match(text.strip())
    if found is None:
        return None
    return next((word for word in found.group(1).lower().split() if word in PHASE_LABELS), "")


def spaced_header(text: str) -> bool:
    """Names set apart by one space each, a step's or an epoch's first and metrics' after
    it (``epoch train_acc1 train_acc2 test_acc1``: a results file's header), not prose."""
    if not _SPACED_WORDS.match(text):
        return False
    first, *rest = text.split(" ")
    return first.lower() in COUNTER_KEYS and all(names.metric_like(word) for word in rest)


def continued_header(line: str, header: list[str]) -> list[str] | None:
    """A pipe table's header row continued on the next line (MATLAB's trainNetwork: "|
    Mini-batch |" over "|  Accuracy  |"): the names joined column by column (a unit in
    parentheses, "(hh:mm:ss)", is left out); None when the line is not such a row."""
    text = unprefixed(line.replace("│", "|").strip())
    if not (text.startswith("|") and text.endswith("|")):
        return None
    cells = [c.strip() for c in edges(text).split("|")]
    if len(cells) != len(header) or not any(cells) \
            or not all(not c or HEADER_CELL.match(c) for c in cells):
        return None
    return [f"{name}_{header_name(cell)}" if name and cell and not cell.startswith("(")
            else name for name, cell in zip(header, cells, strict=True)]


ETC = "etc."  # the last column of ElegantRL's header: what an agent adds, unnamed (no metric)


def parse_row(line: str, header: list[str], layout: str, naming: Callable[[str], str],
              first_set: str = "", titled: str = "") -> Row | None:
    """A row under ``header`` -> (metric values, its step, its epoch, its data set), else
    None; a column's metric is named by ``naming`` (the parser's aliases and first
    spellings), prefixed by the row's data set when another (``first_set``) came first, or
    by the phase of the table's title (``titled``, ``border_phase``)."""
    if layout in _DELIMITERS:
        text = message(line).strip()
        if _DELIMITERS[layout] not in text and "\t" in text:  # a header joined with commas
            cells = [c.strip() for c in text.split("\t")]  # over rows joined with tabs (a
            # chatbot's training log)
        else:  # a quoted cell may hold commas ("{0: 0.16, 1: 0.22}")
            cells = [c.strip() for c in next(csv.reader([text], delimiter=_DELIMITERS[layout]))]
    elif layout == PIPES:
        text = unprefixed(line.replace("│", "|").strip())  # (tabulate's "fancy_grid": "│")
        if _LATEX_ROW.match(text):  # monodepth2's "&   0.314  &   4.202  \\" under its header
            text = text.rstrip("\\").replace("&", "|")
        if "|" not in text:
            return None
        cells = [c.strip() for c in edges(text).split("|")]
    elif "\t" in line and line.count("\t") == len(header) - 1:
        cells = [c.strip() for c in line.split("\t")]  # tab-separated: a cell may hold a space
    else:
        shown = message(_BAR_CUT.sub("", line.replace("│", "|")))
        # (a group's edge glued to its last cell, "13.9| 30.7", blanked)
        cells = [c[1:] if c[:1] == "|" else c for c in ungrouped(shown).split() if c != "|"]
        # (a group's edge glued before a cell that fills its column: ElegantRL's "|-1205.33")
        if len(cells) > len(header) and len(gapped := GAP.split(shown.strip())) == len(header) \
                and (ROW_NUMBER.match(gapped[0]) or (_DATE_CELL.match(gapped[0]) and header[0]
                                                     .lower() in _DATE_COLUMNS)) and all(
                    any(char.isalpha() for char in cell) or _DATE_CELL.match(cell)
                    for cell in gapped if " " in cell):
            cells = gapped  # a cell of words and numbers in its column ("31 Oct 15:34", the
            # end time of scikit-learn's boosting table; tf_cnn_benchmarks' "images/sec: 451.0
            # +/- 0.0 (jitter = 0.0)"; a time first, H2O's scoring history's "2026-12-06
            # 23:41:22  0.417 sec"): the columns' gaps part the cells (not "0 60" in a
            # matrix's row: a cell of spaced numbers alone is no column's)
        if 0 < len(cells) - len(header) <= 3 and not any(
                char.isdigit() for cell in cells[len(header):] for char in cell):
            del cells[len(header):]  # a remark after the row ("← BEST ✓", "<- best", "*")
        if len(cells) == len(header) + 1 and _SECONDS_CELL.match(cells[-1]):
            cells.pop()  # a time the header does not name (JDE's evaluation rows' "2.02s")
        if sum(not any(char.isdigit() for char in cell) and cell.lower() not in _BLANK_CELLS
               for cell in cells[1:]) > 1:
            return None  # words between the values (Chainer's progress "100 iter, 0 epoch /
            # 20 epochs" under its PrintReport header): a line of its own
    if header[-1:] == ["Class"] and layout == SPACES:  # Weka's "Detailed Accuracy By Class"
        if cells[:2] != ["Weighted", "Avg."]:
            return None  # a class's row, its label last ("0.759  0.167  0.719  setosa")
        cells = [*cells[2:], ""]  # "Weighted Avg.  0.667  0.176 ...": the aggregate's row
    if header and header[-1] == ETC:  # a value under "etc." or none: the named columns'
        header = header[:-1]
        cells = cells[:len(header)] if len(cells) == len(header) + 1 else cells
    cells = knownheaders.row_cells(header, cells)
    if len(cells) != len(header):
        return None
    if header[0] == knownheaders.ROW_NAMES:  # R's row names: no value, no step
        header, cells = header[1:], cells[1:]
    if any(_ITEM_CELL.match(cell) and not ROW_NUMBER.match(cell) for cell in cells[1:]) and not any(
            name.lower() in COUNTER_KEYS or name.lower() in _STEP_COLUMNS for name in header):
        return None  # REINVENT's "-25.47  -25.47  -0.93  0.19  c1c(CN)ccc(NC(C)=O)c1": an
        # item's row (a molecule, a file), not a step's
    tidy = longtables.tidy(header, cells)
    if tidy is not None:  # "Epoch,Loss,Value" over "0,recon_loss,156.25": one value a row
        kept = [] if rules.is_denied(tidy[0]) else [(naming(tidy[0]), tidy[1])]
        return kept, tidy[2], tidy[3], ""
    if search_table(header):  # Ray Tune's "| Trial name | status | ...", bayes_opt's
        return search_row(header, cells, naming)
    labelled = all(ROW_NUMBER.match(c) for c in cells[1:])  # a label, then numbers alone
    phase = cells[0] if labelled and cells[0].lower() in PHASE_LABELS \
        else ""  # (not detectron2's class "train")
    data_set = cells[0] if labelled and header[0].lower() in _DATASET_COLUMNS and cells[0] \
        and not ROW_NUMBER.match(cells[0]) \
        else ""  # (not a grid of data sets and models: pandas' "FB15k237 PairRE 0.17")
    if header[0] == "Name" and cells[0] == "Value":  # DI-engine's grids: "| Name | train_iter
        cells[0] = ""  # | total_loss_avg |" over "| Value | 50.000000 | 0.093451 |", no label
    elif (_CLOCK_CELL.match(cells[0]) and TIME_NAME.search(header[0])) or (
            _DATE_CELL.match(cells[0]) and header[0].lower() in _DATE_COLUMNS):
        cells[0] = ""  # the time the row was written, not a measurement of it
    elif not ROW_NUMBER.match(cells[0]) and not _ROW_COUNTER.match(cells[0]) \
            and cells[0].lower() not in AGGREGATE_LABELS and not phase and not data_set:
        return None
    if data_set and first_set and data_set != first_set:
        phase = data_set
    phase = phase or titled
    values: list[tuple[str, float]] = []
    step = epoch = None
    for name, cell in zip(header, cells, strict=True):
        low = name.lower().lstrip("_")  # (DouZero's "_tick", "_time": the logger's own)
        if low[:1] == "#" and low[1:2].isalpha():
            low = low[1:]  # RankLib's "#iter" (spaCy's "#" alone is its step already)
        if low in _DATE_COLUMNS and ROW_NUMBER.match(cell) and float(cell.rstrip("%")) > 1e9:
            continue  # a Unix time ("1684632754.93"): when the row was written
        counter = _ROW_COUNTER.match(cell)
        listed = _ONE_VALUE_LIST.match(cell)
        if listed is not None:  # numpy's "[-2.179]": the value
            cell = listed.group(1)
        if low in EVALUATIONS and step is None and ROW_NUMBER.match(cell):
            step = number(cell)  # pagmo's "Fevals:", DEAP's "nevals": when no generation
            continue  # came before them, the evaluations so far are the run's progress
        if low in rules.EPOCH_KEYS or low in rules.STEP_KEYS or low in _STEP_COLUMNS or (
                low[:5] == "time/" and low[5:] in KV_STEP_KEYS):  # SB3's progress.csv
            text = counter.group(1) if counter else cell
            if ROW_NUMBER.match(text) and not text.endswith("%"):
                if low in rules.EPOCH_KEYS:
                    epoch = number(text)
                else:
                    step = number(text)
            continue
        kind = counterkeys.key_kind(low) if "_" in low else None  # "grad_step", "global_step"
        if kind is not None and ROW_NUMBER.match(cell) and not cell.endswith("%"):
            if kind == EPOCH and epoch is None:
                epoch = number(cell)
            elif kind == STEP and step is None:
                step = number(cell)  # (the first step column stands: "step,grad_step")
            continue
        if not name:
            continue
        memory = _MEMORY_CELL.match(cell) if _MEMORY_NAME.search(name) else \
            _SECONDS_CELL.match(cell) if TIME_NAME.search(name) else None
        if memory is not None:  # (or a time in seconds: "19.6s", "19.6s  <- best")
            values.append((naming(name), float(memory.group(1))))
            continue
        if mot_count(header, name):
            continue  # a MOT table's count of tracks or boxes ("IDs", "FM")
        name = f"{phase}_{name}" if phase else name
        if cell[:1] == "[" and layout == SPACES and _LIST_CELL.match(cell) \
                and not rules.is_denied(name):
            values.extend((naming(f"{name}_{i}"), float(item)) for i, item in enumerate(
                cell.strip("[] ").split(",")))  # DeepXDE's "Train loss": train_loss_0, _1
            continue
        if not ROW_NUMBER.match(cell) or (rules.is_denied(name) and not (
                low in _COUNT_WORDS and "." in cell)):
            continue
        values.append((naming(name), float(cell.rstrip("%"))))
    if len(values) < 2 and not (values and (step is not None or epoch is not None)):
        return None
    return values, step, epoch, data_set


def ungrouped(text: str) -> str:
    """``text`` with the edges of its column groups blanked ("IDR| Rcll" -> "IDR  Rcll"):
    the MOTChallenge devkit's tables; the columns stay where they are."""
    return forms.GROUP_EDGE.sub(" ", text) if "|" in text else text


def trial_line(text: str, header: list[str]) -> bool:
    """A row of Ray Tune's trial table drawn in a box ("│ train_fn_00000   PENDING   0.003
    │"): a cell a column, the box's edges around them (not a result box's "│ loss  0.66 │")."""
    if not trial_table(header):
        return False
    inner = edges(text.strip()).strip()
    return "|" not in inner and len(_HEADER_SPLIT.split(inner)) == len(header)


def header_name(cell: str) -> str:
    """A header cell -> a metric name: ``Box(P`` -> ``P``, ``LOSS NER`` -> ``LOSS_NER``."""
    cell = cell.strip().rstrip(":")
    if "(" in cell and ")" not in cell:
        cell = cell.rsplit("(", 1)[1]
    elif cell.endswith(")") and "(" not in cell:
        cell = cell[:-1]
    cell = _UNIT_CELL.sub("", cell)
    words = cell.split()
    if words and words[-1].lower() in _FUNCTION_WORDS:
        return ""
    return naming.normalize_name(cell.strip())
