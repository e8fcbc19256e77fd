"""NCRF++ (jiesutd/NCRFpp, no PyPI release: repository commit
105a53a321eca9c1280037c473967858e01aaa43, 2020-11-10, master's last, "remove UserWarning:
masked_fill_"), its README's training command ``python main.py --config demo.train.config``.
``main.py``, ``model/`` and ``utils/`` are unpacked under ``$ZOO_REPOS/NCRFpp`` (default
``~/.cache/exptrack-zoo/repos/NCRFpp``; ``git archive 105a53a3 main.py model utils
demo.train.config | tar -x -C ...``); the case checks each file against git's blob id at that
commit, copies them into the cwd (the repository's layout) and runs ``main.py`` as a
subprocess with the venv's python, on the CPU build of torch 2.13.0 with numpy 2.4.6 and
``OMP_NUM_THREADS=1``. About 10 s.

Config: the repository's ``demo.train.config`` (blob checked) with only its I/O lines and
``iteration`` changed: ``train_dir``/``dev_dir``/``test_dir`` point at ``data/train.bio``,
``data/dev.bio``, ``data/test.bio``, ``model_dir`` at ``data/lstmcrf``, the pretrained
``word_emb_dir`` line is commented out (no embedding file: NCRF++ then draws the word
embeddings at random, seeded), ``iteration=3`` (the demo's 1); everything else as shipped
(CNN chars, BiLSTM word encoder, CRF, SGD lr 0.015 with decay 0.05, batch 10, seg=True).
Data: synthetic CoNLL-style files the case writes (one ``word TAG`` a line, a blank line
between sentences), BIO tags over PER/LOC/ORG from small name lists in template sentences,
``random.Random(0)``: 400 train, 100 dev, 100 test sentences of 6 .. 13 tokens. With B- and
no S- labels NCRF++ takes the tag scheme as ``BIO`` (``Data.fix_alphabet``), and with
``seg=True`` its evaluation prints acc, p, r and f (``get_ner_fmeasure``: entity-level
precision, recall and F1, token accuracy). 400 sentences, not 500: ``train()`` prints its
``Instance:`` line inside the loop whenever ``end % 500 == 0`` and once more after it, so
500 would print two lines for one epoch (the second with loss 0).

What it prints (stdout; nothing on stderr), per epoch (epoch 0 of the pipe fixture)::

 Epoch: 0/3
  Learning rate is set as: 0.015
 Shuffle: first input word list: [18, 40, 12, 41, 42, 43, 44, 28, 8]
      Instance: 400; Time: 0.53s; loss: 3037.5530; acc: 2176/3185=0.6832
 Epoch: 0 training finished. Time: 0.53s, speed: 757.24st/s,  total loss: 3037.5530014038086
 totalloss: 3037.5530014038086
 Right token =  653  All token =  836  acc =  0.7811004784688995
 Dev: time: 0.06s, speed: 1798.86st/s; acc: 0.7811, p: 0.5614, r: 0.2025, f: 0.2977
 Exceed previous best f score: -10
 Save current best model in file: data/lstmcrf.0.model
 Right token =  633  All token =  811  acc =  0.7805178791615289
 Test: time: 0.06s, speed: 2055.34st/s; acc: 0.7805, p: 0.4912, r: 0.1830, f: 0.2667

Before the loop it prints its data summary (``show_data_summary``: the I/O settings, sizes,
and a ``Hyperparameters:`` block of ``     Hyper              lr: 0.015`` lines: settings,
not metrics) and the network it builds. The ``Right token = ... acc = ...`` lines are
``utils/metric.py``'s ``get_ner_fmeasure`` (line 62), printed inside ``evaluate`` before
``main.py`` prints the ``Dev:``/``Test:`` line: the same token accuracy at full precision,
with the two counts it divides, and no phase on the line.

Truth: NCRF++ keeps no record (no log file, no history; the ``.model`` files hold only the
weights and ``.dset`` the alphabets), so the values ``main.py`` computes are the record:
four lines added to the stock ``main.py`` (``RECORD_LINES``, none changed), each right after
the ``print`` it records, appending a JSON line to ``zoo_record.jsonl`` with the printed
variables at full precision: the ``Instance:`` line after the batch loop (``idx``,
``sample_loss``, ``right_token``, ``whole_token``), ``training finished`` (``total_loss``),
and the ``seg`` branches of ``Dev:`` and ``Test:`` (``acc``, ``p``, ``r``, ``f``); nothing
parsed from stdout. Judgement calls (docs/metrics.md):
- Names as printed. ``Instance: 400; ... loss: ...; acc: 2755/3215=0.8569``: ``loss`` (the
  sum of the batches' losses since the last such line, here the epoch's, as the line's own
  ``sample_loss``) and ``acc`` (the printed fraction, ``right_token / whole_token``, the
  token accuracy of the epoch's training batches; the ``2755/3215`` counts are no metric).
  ``Instance:`` is no phase word. ``Epoch: 0 training finished. ... total loss: X`` ->
  ``total_loss`` (printed with ``%s``: full precision, the float's repr). ``Dev: ...`` and
  ``Test: ...`` are phase labels over every name after them: ``dev_acc``, ``dev_p``,
  ``dev_r``, ``dev_f``, ``test_acc``, ``test_p``, ``test_r``, ``test_f``.
- ``Right token =  653  All token =  836  acc =  0.78...``: evaluate()'s own print of the
  ``acc`` it returns, which ``main.py`` prints again on the next line as ``Dev: ... acc:``
  or ``Test: ... acc:``; the record keeps it there, as ``dev_acc``/``test_acc``. The truth's
  ``acc`` is the ``Instance:`` line's (training) series alone, 3 points: the unlabelled
  repeats are those metrics again, not more training points (by the bare naming rule they
  would read ``acc`` too: a parser that pools them gets 9 values a run, train, dev and test
  interleaved). ``Right token``/``All token`` are counts, no metric.
- ``totalloss: X``, the next line, prints the same ``total_loss`` again as one word: a
  duplicate print of a recorded value, so ``totalloss`` is in ``also_ok`` (a parser may
  keep it as its own series; it is not a second metric of the framework's).
- Axis ``epoch``: ``idx``, 0-based as printed (``Epoch: 0/3``, ``Epoch: 0 training
  finished``); 3 points each.
- Tolerances from the printed rounding: ``%.4f`` -> 5e-5 (loss, acc, dev/test acc, p, r,
  f); ``total_loss`` is printed at full precision (1e-9 relative).
- ``also_ok``: the timing and throughput the tool prints but keeps nowhere (``Time``,
  ``speed``, ``dev_time``, ``dev_speed``, ``test_time``, ``test_speed``), the learning rate
  ``lr_decay`` prints (``Learning rate is set as: 0.015``), the running best printed again
  (``Exceed previous best f score: -10``), ``totalloss``; in the spellings a parser may give
  them.
- Not metrics: ``Epoch: 0/3``, ``Instance: 400`` (a count), ``Seed num: 42``, the data
  summary's sizes and hyperparameters.
- Determinism: ``main.py`` seeds random, numpy and torch with 42 at import; the data are
  seeded; on the CPU with one thread the values repeat; only the times vary.
"""
# zoo-venv: ncrfpp2

import json
import os
import random
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from _truth import series, write_truth
from _verbatim import first_changed, git_blob_id, with_lines

REPO = "jiesutd/NCRFpp"
COMMIT = "105a53a321eca9c1280037c473967858e01aaa43"
BLOBS = {
    "main.py": "82a710aba053d189ad433bfbcb752b02b3f6d77f",
    "demo.train.config": "a318de891897dcf81679d270f17bb5775fbe068e",
    "model/__init__.py": "cbeb600f6f81753f7a9f3d2ea9f345db1fd080fa",
    "model/charbigru.py": "cd02da2139b6119a8254e148f4654255724e5d53",
    "model/charbilstm.py": "6f20777e3e57c4006819575cd042120b58431eb0",
    "model/charcnn.py": "59386735d321090ee3f4ad607a075b71b01eafe1",
    "model/crf.py": "863d4c404deda7e70dc855e46fbb18dac0b16b9f",
    "model/sentclassifier.py": "a7a69067872cc2a9fe97f8fc46a0b774a1094efa",
    "model/seqlabel.py": "4d9877575c0c5566657a5120ad8f4f376bb01657",
    "model/wordrep.py": "75e834f191978fcaf0407c3c1c9b404283d6f264",
    "model/wordsequence.py": "60fb163d215b3e53c44705481f54add49575e795",
    "utils/__init__.py": "cbeb600f6f81753f7a9f3d2ea9f345db1fd080fa",
    "utils/alphabet.py": "248bd9f6ae7459f5864f538f2e0596a9bfd35cd2",
    "utils/data.py": "0f40f1bab4fa054b9a32d5bdbe2a9de74608678b",
    "utils/functions.py": "3f90e65c49fed82d4e7699934e1d9e85c4abd4a4",
    "utils/metric.py": "75d20d47b9a1679aa6184c9296831277ebe8dd71",
}
ITERATION = 3
SPLITS = {"train": 400, "dev": 100, "test": 100}  # sentences
RECORD = "zoo_record.jsonl"
_REC = "; open('zoo_record.jsonl', 'a').write(__import__('json').dumps(%s) + '\\n')  # zoo"
# the record: each line added right after the print it records (none of main.py's changed)
RECORD_LINES = {
    "        print(\"     Instance: %s; Time: %.2fs; loss: %.4f; acc: %s/%s=%.4f\"%(end, temp_cost,"
    " sample_loss, right_token, whole_token,(right_token+0.)/whole_token))\n\n":
        "        " + _REC[2:] % ("['instance', idx, float(sample_loss), int(right_token),"
                              " int(whole_token)]") + "\n",
    "        print(\"Epoch: %s training finished. Time: %.2fs, speed: %.2fst/s,  total loss:"
    " %s\"%(idx, epoch_cost, train_num/epoch_cost, total_loss))":
        _REC % "['epoch', idx, float(total_loss)]",
    "            print(\"Dev: time: %.2fs, speed: %.2fst/s; acc: %.4f, p: %.4f, r: %.4f, f:"
    " %.4f\"%(dev_cost, speed, acc, p, r, f))":
        _REC % "['dev', idx, float(acc), float(p), float(r), float(f)]",
    "            print(\"Test: time: %.2fs, speed: %.2fst/s; acc: %.4f, p: %.4f, r: %.4f, f:"
    " %.4f\"%(test_cost, speed, acc, p, r, f))":
        _REC % "['test', idx, float(acc), float(p), float(r), float(f)]",
}
CONFIG_LINES = {  # demo.train.config's line -> the case's
    "train_dir=sample_data/train.bmes": "train_dir=data/train.bio",
    "dev_dir=sample_data/dev.bmes": "dev_dir=data/dev.bio",
    "test_dir=sample_data/test.bmes": "test_dir=data/test.bio",
    "model_dir=sample_data/lstmcrf": "model_dir=data/lstmcrf",
    "word_emb_dir=sample_data/sample.word.emb": "#word_emb_dir=sample_data/sample.word.emb",
    "iteration=1": f"iteration={ITERATION}",
}

PERSONS = ["John Smith", "Mary", "Peter Blackburn", "Anna Lee", "Carlos", "Wei Zhang",
           "Fatima Khan", "Olaf", "Jean Dupont", "Maria Garcia"]
PLACES = ["London", "New York", "Brussels", "Paris", "Tokyo", "Cape Town", "Berlin", "Lima"]
ORGS = ["European Commission", "Reuters", "United Nations", "Acme Corp", "FIFA",
        "World Bank", "Siemens"]
TEMPLATES = [
    "{PER} visited {LOC} on Monday .", "{ORG} said on Tuesday it would leave {LOC} .",
    "{PER} , a spokesman for {ORG} , declined to comment .", "{PER} met {PER} in {LOC} .",
    "officials in {LOC} rejected the plan .", "{ORG} shares rose 3 percent .",
    "the talks ended without a deal .", "{PER} joined {ORG} last year .",
    "rain is expected in {LOC} .", "{ORG} and {ORG} signed an agreement in {LOC} .",
]


def sentence(rng: random.Random) -> list[tuple[str, str]]:
    """One template filled with names: (word, BIO tag) pairs."""
    pairs = []
    for token in rng.choice(TEMPLATES).split():
        if token.startswith("{"):
            kind = token[1:4]
            names = {"PER": PERSONS, "LOC": PLACES, "ORG": ORGS}[kind]
            for position, word in enumerate(rng.choice(names).split()):
                pairs.append((word, ("B-" if position == 0 else "I-") + kind))
        else:
            pairs.append((token, "O"))
    return pairs


repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
repo = repos.expanduser() / "NCRFpp"
if (rel := first_changed(repo, BLOBS)) is not None:
    sys.exit(f"{repo / rel} is not {REPO}'s at {COMMIT} (git archive {COMMIT[:8]} main.py "
             f"model utils demo.train.config | tar -x -C {repo})")
for rel in BLOBS:  # the repository's layout in the cwd
    Path(rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repo / rel, rel)
main_text = Path("main.py").read_text(encoding="utf-8")
Path("main.py").write_text(with_lines(main_text, RECORD_LINES), encoding="utf-8")
config = Path("demo.train.config").read_text(encoding="utf-8").split("\n")
assert all(config.count(line) == 1 for line in CONFIG_LINES), "demo.train.config changed"
Path("demo.train.config").write_text(
    "\n".join(CONFIG_LINES.get(line, line) for line in config), encoding="utf-8")

rng = random.Random(0)
Path("data").mkdir(exist_ok=True)
for split, count in SPLITS.items():
    blocks = ["\n".join(f"{word} {tag}" for word, tag in sentence(rng)) for _ in range(count)]
    Path(f"data/{split}.bio").write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")

subprocess.run([sys.executable, "main.py", "--config", "demo.train.config"], check=True)

# --- the truth: the record lines' JSON, the values main.py printed ---
rows = [json.loads(line) for line in Path(RECORD).read_text(encoding="utf-8").splitlines()]
by_kind: dict[str, list[list]] = {}
for row in rows:
    by_kind.setdefault(row[0], []).append(row[1:])
assert [r[0] for r in by_kind["epoch"]] == list(range(ITERATION)), by_kind
PRINTED = 5e-5  # "%.4f"
metrics = {
    "loss": series([(r[0], r[1]) for r in by_kind["instance"]], tolerance=PRINTED),
    "acc": series([(r[0], r[2] / r[3]) for r in by_kind["instance"]], tolerance=PRINTED),
    "total_loss": series(by_kind["epoch"], rel_tolerance=1e-9),
}
for phase in ("dev", "test"):
    for column, name in enumerate(("acc", "p", "r", "f"), start=1):
        metrics[f"{phase}_{name}"] = series([(r[0], r[column]) for r in by_kind[phase]],
                                            tolerance=PRINTED)
write_truth(
    "NCRF++ (main.py)", f"{COMMIT[:8]} (no release)",
    "record lines added to main.py right after its prints (RECORD_LINES), appending the "
    "printed variables to zoo_record.jsonl: the epoch's Instance line (sample_loss, "
    "right_token/whole_token), total_loss, and evaluate()'s acc, p, r, f for dev and test",
    metrics,
    also_ok=["Time", "time", "speed", "dev_time", "dev_speed", "test_time", "test_speed",
             "totalloss", "Learning_rate", "learning_rate", "lr",
             "Exceed_previous_best_f_score", "best_f_score", "f_score"],
    notes=f"{REPO} at {COMMIT}, main.py, model/, utils/ and demo.train.config copied from "
          f"$ZOO_REPOS/NCRFpp into the cwd (blob ids checked; main.py's blob "
          f"{git_blob_id(main_text)}); torch {version('torch')}, numpy {version('numpy')}; "
          f"config lines changed: {CONFIG_LINES}; record rows: {len(rows)}")
