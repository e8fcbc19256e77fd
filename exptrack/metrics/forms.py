"""How numbers are written: the number token, the forms ``float`` does not read, and the
wrappers a value can be printed in (``tensor(0.51)``).

Every regex here is linear-time: each is a sequence of character classes whose
repetitions cannot match the same text in two ways (a digit run is ``\\d+`` once, never
``(\\d+)+``), and lookarounds are fixed-width; the wrapper search runs on a bounded tail.
"""

from __future__ import annotations

import re

from exptrack.metrics import names

# a column group's edge glued to its group's last cell (the MOTChallenge devkit's " IDF1  IDP
# IDR| Rcll  Prcn"): a table's, never a listing's
GROUP_EDGE = re.compile(r"(?<=[^\s|])\|(?=\s)")

# a counter's word glued to its number ("[E03] train_loss=", "Epoch3 loss=", "iter300:"); a
# lone "E" only before a bracket, a word or a separator (not glog's "E0405 03:51:41.28")
_GLUED_WORDS = ("[Ee]p", "EP", "[Ee]poch", "EPOCH", "[Ii]ter", "ITER", "[Ss]tep", "STEP")
_NOT_GLUED = r"(?<![\w\-/.@])"  # a word's own start: not a file's, a name's nor "@step41"
GLUED_COUNTER = re.compile(r"(?:^|[^\w\-/.@])(E|" + "|".join(_GLUED_WORDS) + ")$")
# ... but not a name's digits: "EP0=0.0", "E1: 0.5", "'ep2': 0.1", "EP0 0.25 |" name a value
# (a bar's description is no name: PyLaia's "TR - E0: 100% 16/16 [00:34<00:00, loss=113.0]")
_GLUED_NAME = r"(?!\d+['\"]?(?:\s?[=:]\s?(?!\d{1,3}%(?:\||\s\d))[-+]?\.?\d|\s[-+]?\d*\.\d))"

# A number that stands alone: not part of a word, a version (1.2.3), a date (2024-01-05),
# a time (12:30:01) or a size with a letter (2.6G, 7B); not the upper end of a range after
# a decimal (``mAP@0.5:0.95``). A time or memory unit right after it (893.76ms,
# 59.65GB, 433M, 95.1TFLOPS) or decibels (KAIR's "Average PSNR : 30.82dB") does not stop
# it, nor does ``epoch`` (ESPnet's ``8epoch``), nor a time per unit (``2.057s/batch``; not
# a bar's ``s/it`` or Keras' ``/step`` ``/epoch``).
# Forms: 1, -2.5, .5, 3e-4, 8.4E+00, Julia's Float32 0.0363f0, a thousands-grouped 1,234.5
# (first group 1-999), a decimal comma (0,81, 12,5; not an item of a list, "0,1,2"; three
# digits after 1-999 group thousands, ``to_float``), nan, inf; after a counter's word glued
# to it too (``GLUED_COUNTER``).
_GROUPED = r"[+-]?[1-9]\d{0,2}(?:,\d{3})+"  # thousands-grouped digits (``TOKEN``, ``to_float``)
TOKEN = re.compile(
    r"(?:(?<![\w.@])(?<!\^\{)(?:(?<!-)|(?<=[Ee]poch-)|(?<=EPOCH-)"
    r"|(?<=(?<![\w\-/.])[Ss]tep-)|(?<=(?<![\w\-/.])STEP-)"  # "step-146352," (not a file's)
    r"|(?<=[A-Za-z]---))"  # LESPS's "Epoch---141, total_loss---0.584932,"
    r"|(?<=" + _NOT_GLUED + r"E)(?=\d{1,4}(?:\]|\s[A-Za-z]|\s?[|:,]))" + _GLUED_NAME
    + r"|(?:" + "|".join(f"(?<={_NOT_GLUED}{word})" for word in _GLUED_WORDS) + r")(?=\d)"
    + _GLUED_NAME + ")"
    r"(?<![A-Za-z_.]/)(?<!\d,)(?<!\.\d:)(?<!\.\d\d:)"
    r"(?!(?<=[Ll]ast )\d{1,9}(?: [A-Za-z]{1,20})?\))"  # a window: "(last 100 episodes)"
    r"([+-]?\d*\.\d+(?:f[+-]?\d+|D[+-]\d{2,3}(?!\w))"
    r"|[+-]?(?:0,\d{1,12}|[1-9]\d{0,5},\d{1,12})(?![\d,.])"  # "0,81"
    r"|(?<=\d:)0\d,\d{3}(?![\d,.])"  # a logging time's seconds "00,542" as "15,542" reads
    r"|[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?"
    r"|" + _GROUPED + r"(?:\.\d+)?"
    r"|[+-]?(?:[Nn]a[Nn]|[Ii]nf(?:inity)?))"
    r"(?!(?!(?:ms|s|us|sec|(?:min|m|h)(?!\s\d)|[KMG]i?[Bb]|[KMGTB](?!\s[a-z])|[GT]FLOPS|dB)(?![\w/])"
    r"|[Ee]poch(?!\w)|(?:st|nd|rd|th)(?=\s(?:[Ee]poch|[Ss]tep|[Ii]teration))"  # "130th epoch"
    r"|(?:(?<=\.\d)|(?<=\.\d\d)|(?<=\.\d{3})|(?<=\.\d{4})|(?<=\.\d{5})|(?<=\.\d{6}))"
    r"[a-z][a-z0-9_]{1,30}=(?=\d)"  # ESPnet 202511's glued "acc=0.052loss=19.7" (a decimal's)
    r"|(?:ms|s|us|sec)/(?!(?:it|step|epoch|sample)\b)[A-Za-z])\w|\.\w|-\d(?!\d*\])|:\.?\d"
    r"|,\d{3})"
)

# a decimal number as JSON or Python print it ("0.97", "-1e-05", "3."), unanchored: the one
# spelling the table and benchmark readers build their cell patterns from
DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
# ... maybe a percentage ("93.5%"), to the end of the text
PLAIN_NUMBER = re.compile(DECIMAL + r"%?$")
SOURCE_LINE = re.compile(r"\.[A-Za-z]{1,4}:\d+$")  # a warning's "site-packages/x/utils.py:77"

# A call that only carries a value: tensor(0.51), tensor(0.5100, device='cuda:0'),
# np.float64(0.51), Array(0.51, dtype=float32), tf.Tensor(0.5, shape=(), dtype=float32).
_WRAPPER = re.compile(
    r"(?:^|(?<=[^\w.]))(?:[A-Za-z_]\w{0,20}\.){0,3}"
    r"(?:tensor|Tensor|array|Array|DeviceArray|ArrayImpl|Decimal|u?int(?:8|16|32|64)|"
    r"b?float(?:16|32|64)?)\((?P<listed>\[)?\s*$")  # (DGI's one-value "tensor([0.3254])")


_SPECIAL = re.compile(r"\d[fD]|,")
_FLOAT32 = re.compile(r"(?<=\d)[fD]")  # (Fortran's double "6.93147D-01" too)
_THOUSANDS = re.compile(_GROUPED + "$")


# "return=[12.]", "Loss: <0.2098>", BasicSR's one-value tuple "lr:(2.000e-04,)", and
# numpy's padded "Loss [ 0.6909]" (not "INFO [15]")
# (not after a log level: Julia's "[ Info: [3]     train-rmse:0.35", XGBoost.jl's round)
_LIST_OPEN = re.compile(r"(?:(?<!Info)(?<!INFO)(?<!Debug)(?<!DEBUG)[=:]\s?([\[<(])\s*(?P<q>\"?)"
                        r"|(?<=[A-Za-z]) (\[)\s+)$")
_LIST_CLOSE = {"[": re.compile(r"^\.?\s*\](?!\[)"), "<": re.compile(r"^\s*>"),
               "(": re.compile(r"^,\)"), '["': re.compile(r'^\.?"\](?!\[)')}
# (a JSON list of one number as a string: EarnMore's '"train_obj_actors": ["14.134051"]')
# numpy's one-value array ("'ndcg': array([0.0074])")
_ARRAY_OPEN = re.compile(r"(?<![\w.])(?:np\.|numpy\.)?array\(\[\s*$")
_ARRAY_CLOSE = re.compile(r"^\.?\s*\]\)")
# a name, then its value in parentheses, at a field's start (``unwrap``)
_NAMED_PAREN = re.compile(r"(?:^|(?<=[\s|*]))[A-Za-z][\w./@%-]{0,40} \($")
_PAREN_VALUE_END = re.compile(r"^\)(?:\s|\(|:\s|$)")


def is_plain(token: str) -> bool:
    """Does ``float`` read the token as printed? (``0.0363f0`` and ``1,234.5`` it does not.)"""
    return _SPECIAL.search(token) is None


def to_float(token: str | bytes) -> float:
    """The value of any ``TOKEN``: ``0.0363f0`` -> 0.0363, ``1,234.5`` -> 1234.5, a decimal
    comma's ``0,81`` -> 0.81."""
    text = token.decode("ascii", "replace") if isinstance(token, bytes) else token
    if "," in text and "." not in text and _THOUSANDS.match(text) is None:
        return float(text.replace(",", "."))
    return float(_FLOAT32.sub("e", text.replace(",", "")))


def unwrap(pieces: list[str]) -> tuple[list[str], list[int], set[int]]:
    """``pieces`` (``TOKEN.split``) with every value wrapper removed from the text around
    its number: ``'loss': tensor(`` 0.51 ``, device='cuda:`` 0 ``')}`` reads as
    ``'loss': `` 0.51 ``}``, ``return=[`` 12 ``.]`` as ``return=`` 12. Returns the new
    pieces, how many characters were cut from the start of each piece (to map positions
    back to the line), and the numbers inside a wrapper after its value (never metrics)."""
    out = list(pieces)
    cut = [0] * len(pieces)
    inner: set[int] = set()
    for index in range(1, len(out) - 1, 2):
        if index in inner:
            continue
        listed = _LIST_OPEN.search(out[index - 1][-8:])
        opening = (listed.group(1) + listed.group("q") if listed.group(1) else listed.group(3)) \
            if listed else ""
        shape = opening == "(" and out[index].isdigit()  # "(3, 224, 224)": a shape
        closing = _LIST_CLOSE[opening].match(out[index + 1]) \
            if opening in _LIST_CLOSE and not shape else None
        if closing is not None:
            # a one-value list (numpy's "episodic_return=[12.]"), a value in angle brackets
            # (MADlib's "Loss: <0.2098>"), a one-value tuple: the value
            left = out[index - 1].rstrip()
            out[index - 1] = left[:-len(opening)]
            cut[index + 1] += closing.end()
            out[index + 1] = out[index + 1][closing.end():]
            continue
        left = out[index - 1]
        tail = left[-24:]
        array = _ARRAY_OPEN.search(tail) if tail.endswith(("[", " ")) else None
        closing = _ARRAY_CLOSE.match(out[index + 1]) if array else None
        if array is not None and closing is not None:
            out[index - 1] = left[:len(left) - len(tail) + array.start()]
            cut[index + 1] += closing.end()
            out[index + 1] = out[index + 1][closing.end():]
            continue
        if not left.rstrip().endswith(("(", "([")):
            continue
        named = _NAMED_PAREN.search(left[-48:]) if left[-2:] == " (" and "." in out[index] \
            else None
        if named is not None and _PAREN_VALUE_END.match(out[index + 1]):
            # CHGNet's "Time (0.476)  Data (0.016)", "e_MAE (4.085) <TAB>f_MAE (0.886)": a
            # name's own value in parentheses (not a remark after a value: "loss 6.95 (6.96)")
            out[index - 1] = left[:-1]
            cut[index + 1] += 1
            out[index + 1] = out[index + 1][1:]
            continue
        tail = out[index - 1][-64:]
        opened = _WRAPPER.search(tail)
        if opened is None:
            continue
        in_list = opened.group("listed") is not None
        if in_list and (out[index + 1][:1] != "]" or "." not in out[index]):
            continue  # a tensor of more values than one, or a count's ("input_length:
            # tensor([593], device='cuda:0')"): no measure of its own
        close = _closing(out, index + 1, in_list)
        if close is None:
            continue
        piece, position = close
        out[index - 1] = out[index - 1][:len(out[index - 1]) - len(tail) + opened.start()]
        for between in range(index + 1, piece):
            if between % 2:
                inner.add(between)
            else:
                cut[between] += len(out[between])
                out[between] = ""
        cut[piece] += position + 1
        out[piece] = out[piece][position + 1:]
    return out, cut, inner


def _closing(pieces: list[str], start: int, listed: bool = False) -> tuple[int, int] | None:
    """The piece and position of the ``)`` that closes a call opened before ``start`` (its
    list's ``]`` first, where ``listed``: ``tensor([0.32])``)."""
    depth = 1
    for index in range(start, min(len(pieces), start + 16), 2):
        for position, char in enumerate(pieces[index]):
            if listed and not position and index == start and char == "]":
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return index, position
            elif char in "{}[]":
                return None
    return None


# a logging record's date and time, year first or last ("06/12/2026 20:08:44": MushroomRL's,
# Hugging Face's scripts'): no bar draws one first (``tables`` starts a record's
# prefix with it too)
LOG_STAMP = r"\s*\[?(?:\d{4}[-/]\d\d[-/]\d\d|\d\d[-/.]\d\d[-/.]\d{4})[ T]\d\d:\d\d"


_RULE = re.compile(r"[-=]{4,}")


def unrule(pieces: list[str]) -> list[str]:
    """The pieces with a banner's rules ("-----Iteration: 1000-----") blanked: the same
    offsets, the words they were glued to set apart."""
    return [_RULE.sub(lambda m: " " * len(m.group()), p) if i % 2 == 0 else p
            for i, p in enumerate(pieces)]


# Markdown's bold round a key ("- **Test accuracy:** 91.2%", "**Loss**: 0.5"): emphasis
# (and a banner's stars glued to its word, "********Train Epoch 38:"; no power, "x0**2")
_BOLD = re.compile(r"(?<![\w*])\*{2,}(?=[A-Za-z])|(?<=[\w:)%])\*\*(?=[\s:])")


def unbold(pieces: list[str]) -> list[str]:
    """The pieces with Markdown's bold markers round a key blanked (the same offsets)."""
    return [_BOLD.sub(lambda m: " " * len(m.group()), p) if i % 2 == 0 else p
            for i, p in enumerate(pieces)]


# Python 2's print of a tuple: "('Test loss:', 0.0321)" (Keras' examples' print('Test loss:',
# score[0]) under Python 2): the key and its value
_TUPLE_PAIR = re.compile(r"^\s{0,8}\('(?P<key>[A-Za-z][^'\n]{0,80}?)',\s?$")


def untuple(pieces: list[str]) -> list[str]:
    """The pieces of a line that is one printed tuple of a key and its value, the quotes and
    comma around the key blanked (the same offsets): "('Test loss:', 0.0321)" reads as "  Test
    loss:   0.0321)". A list of tuples (PFRL's statistics) is not one."""
    found = _TUPLE_PAIR.match(pieces[0]) if len(pieces) == 3 and pieces[2].strip() == ")" \
        else None
    if found is None:
        return pieces
    key = found.group("key") if found.group("key").endswith(":") else found.group("key") + ":"
    start = found.start("key") - 2
    return [pieces[0][:start] + "  " + key + " " * (len(pieces[0]) - start - 2 - len(key)),
            *pieces[1:]]


# the Hugging Face Flax examples' "Step... (50 | Loss: 1.37, Learning Rate: 9.2e-06)",
# "Epoch... (1/3 | Eval Loss: 3.2 | Eval rouge1: 41.2)": a step's report in parentheses
_ELLIPSIS_KEY = re.compile(r"(?i)(?<![\w.])(?:step|epoch)(\.\.\. \()$")


def unellipsis(pieces: list[str]) -> list[str]:
    """The pieces with a key's "... (" before its count read as ":" (the same offsets)."""
    return [_ELLIPSIS_KEY.sub(lambda m: m.group()[:-5] + ":    ", p) if i % 2 == 0 else p
            for i, p in enumerate(pieces)]


# a JSON record of a step ('{"step": 5000, "loss": 4.07, "pos_type": "sinusoidal"}'): its
# texts are the run's settings repeated, its numbers the step's report
# (the key first, or after other fields: RT-DETR's records after a restart; after a log
# record's prefix and a label: "... | INFO | METRICS {"phase": "train", "step": 16125, ...}")
STEPPED_RECORD = re.compile(
    r'^[^{"]{0,160}\{(?:\s*|.{0,2000}?,\s?)"(?:step|global_step|iteration|iter|epoch)"\s*:\s*\d')
# ... or Ray's result dict (Tune's, RLlib's ``algo.train()``), pprinted over lines and read as
# one: its iteration keys it ("'training_iteration': 3"; its "'hostname': 'vm'", "'done':
# False" are the trial's, its ~100 numbers the iteration's report)
RAY_RESULT = re.compile(r"[{,]\s?'training_iteration':\s?\d")
# ... or a line's counter after its texts ("model: SCTransNet, loss: fullySup, epoch: 751,
# loss: 0.00245": the run's settings repeated before the epoch's report)
COUNTED_TEXTS = re.compile(r"(?i)[,|]\s?(?:epoch|step|iter|iteration)\s?[:=]\s?\d+\s?[,|]\s?\S")
# a dict of what a run measured under its results key (StyleGAN2-ADA's metric records:
# '{"results": {"fid50k_full": 4.31}, "metric": "fid50k_full", "total_time_str": "8m 26s"}')
# (or under a "summary" or "metrics" key: an evaluation's JSON summary)
RESULTS_KEYS = ("results", "result", "eval_results", "test_results", "summary", "metrics")
RESULTS_RECORD = re.compile(r"""['"](?:""" + "|".join(RESULTS_KEYS) + r""")['"]\s?:\s?\{""")
# "task=detect", "head: Default": a key and a text value (configuration, not a metric)
TEXT_ASSIGN = re.compile(
    r"(?<![\w.])(?!(?:INFO|DEBUG|WARNING|ERROR):)" + names.RECORD_FIELD  # (a record's level)
    + r"(?!device=['\"](?:cuda|cpu|mps|xpu)|dtype=torch\.|grad_fn=<)"  # a tensor's repr
    # ("tensor([0.0179, ...], device='cuda:0')" in a dict of results), no configuration
    + r"(?!(?i:train|training|test|testing|val|valid|validation|eval|evaluation|dev):\s?"
    r"[A-Za-z_][\w./\-]*\s[+-]?\.?\d)"  # "Train: ELBO -1.35 (3s) Test: ELBO ...": a label
    r"['\"]?[A-Za-z_][\w.\-]*['\"]?\s*[=:]\s*"
    r"(?![+-]?(?:\d|\.\d|nan\b|inf\b|NaN\b|Inf\b|['\"][+-]?\d)|null\b|None\b)"
    r"(?![A-Za-z_][\w.\-]*\s*[=:]\s*[+-]?\.?\d)"  # "Training: loss = 1.6": a label over a pair
    r"(?:(?<=[=:]\s)|(?![A-Za-z_][\w./\-:]{0,100}\s+[+-]?\.?\d))"  # RETURNN's "cost:ctc
    # 0.34": a name (bounded: a run of "a:a:a:..." is scanned once from each colon, not to its end)
    r"(?:['\"][^'\"]|[A-Za-z/~])")


# Python logging's default format, "LEVEL:logger:message" ("INFO:root:", "INFO:tensorflow:")
_LOGGING_PREFIX = re.compile(r"^\s*(?:INFO|WARNING|ERROR|DEBUG|CRITICAL):[\w.\-]{1,80}:\s?(?=\S)")
# "%(asctime)s:%(levelname)s:%(message)s" ("2022-05-30 07:08:26:INFO:LR: 0.000997")
_LEVEL_AFTER_TIME = re.compile(r":(?:INFO|WARNING|ERROR|DEBUG|CRITICAL):\s?(?=\S)")
_STAMP_TO_MINUTES = re.compile(LOG_STAMP + ":$")
# a tool's own tag and level: Comet's "COMET INFO: 24 offline data items ...", "COMET
# WARNING:" (its summary's "COMET INFO:     loss : 0.35" is a listing of the message)
_TOOL_LEVEL = re.compile(r"^\s*[A-Z][A-Z0-9_]{1,15} (?:INFO|WARNING|ERROR|DEBUG|CRITICAL):(?=\s)")


def without_level(pieces: list[str]) -> list[str]:
    """A line's pieces (split by ``TOKEN``) with a logging record's level blanked out, the
    message then being the line ("INFO:tensorflow:Step 200 loss=1.19", "COMET INFO: ...");
    offsets are kept."""
    prefix = _LOGGING_PREFIX.match(pieces[0]) or _TOOL_LEVEL.match(pieces[0])
    if prefix is not None:
        return [" " * prefix.end() + pieces[0][prefix.end():], *pieces[1:]]
    if len(pieces) > 3 and pieces[0][-1:] == ":" and len(pieces[1]) == 2:
        level = _LEVEL_AFTER_TIME.match(pieces[2])
        if level is not None and _STAMP_TO_MINUTES.match(pieces[0]):
            return [pieces[0], pieces[1], " " * level.end() + pieces[2][level.end():],
                    *pieces[3:]]
    return pieces


# what values were computed for, after them: "...; R @ 100: 0.18;  for mode=sgdet,
# type=Recall(Main)." (Scene-Graph-Benchmark): no printed configuration
_FOR_REMARK = re.compile(r"[;,]\s{1,4}for [a-z_]{1,30}=[^;:]{0,160}$")


# Ray Tune's "Trial X reported loss=0.5,acc=0.3 with parameters={'lr': 0.1, ...}.": the
# trial's configuration after its results
_WITH_PARAMETERS = re.compile(r" with (?:parameters|params|config)=\{")


def without_for_remark(line: str) -> str:
    """``line`` without a closing "; for mode=..., type=..." remark, or a trial's closing
    "with parameters={...}"."""
    found = _FOR_REMARK.search(line, max(0, len(line) - 200))
    if found is None and " with " in line:
        found = _WITH_PARAMETERS.search(line)
    return line[:found.start()] if found is not None else line


_PERCENT_AFTER = re.compile(r"\s*\(\s*$")


def printed_share(pieces: list[str], index: int, after: str) -> int | None:
    """The token of the share a ratio's count prints after it in parentheses ("9016/10000
    (90%)", Swift for TensorFlow's "53172/60000 (0.8862)"): the number the run shows."""
    if _PERCENT_AFTER.match(after) is None or index + 5 >= len(pieces):
        return None
    close = pieces[index + 5]
    return index + 4 if close[:2] == "%)" or (
        close[:1] == ")" and pieces[index + 4].startswith(("0.", "1.", "."))) else None


def ratio_scale(after: str) -> float:
    """The scale of a ratio whose share ``printed_share`` does not find: 100 when a
    parenthesis opens after it ("9894/10000 ( 99 %)"), else 1."""
    return 1.0 if _PERCENT_AFTER.match(after) is None else 100.0
