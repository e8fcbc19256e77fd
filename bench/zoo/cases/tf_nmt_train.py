"""The TensorFlow Neural Machine Translation tutorial (github.com/tensorflow/nmt; no pip
package, no release: master at commit 0be864257a76c151eef20ea689755f08bc1faf4e, 2019-02-13,
its last, "Fixing #405") on TensorFlow 1.15.5 (PyPI's ``tensorflow`` 1.15.5 wheel for Python
3.7, run on the CPU: the ``nmt/`` package is TF1 graph code, ``tf.contrib.seq2seq`` and
``tf.contrib.rnn``, which TensorFlow 2 dropped). The package is read from ``$ZOO_REPOS/nmt``
(default ``~/.cache/exptrack-zoo/repos``; materialise it with ``git archive`` of the commit
above), ``nmt/train.py`` checked against its git blob (d86d1c1c). It runs as the tutorial
runs it, ``python -m nmt.nmt --src=vi --tgt=en --vocab_prefix=data/vocab
--train_prefix=data/train --dev_prefix=data/dev --test_prefix=data/test --out_dir=out
--num_train_steps=300 --steps_per_stats=20 --num_layers=2 --num_units=32 --dropout=0.2
--metrics=bleu`` plus ``--attention=scaled_luong --optimizer=adam --learning_rate=0.01
--batch_size=32 --steps_per_external_eval=200 --num_gpus=0 --random_seed=1`` (the tutorial's
attention model; without attention, plain SGD at lr 1, the 300 steps leave BLEU at 0.0; no
GPU device string, whose colocation debug dump would double the output), in a child Python
with stdout and stderr inherited: ``runpy.run_module('nmt.nmt', run_name='__main__')`` after
the child has loaded ``nmt.train`` with one record line (below). nmt.py's own
``--random_seed`` seeds ``random`` and numpy and the graphs' seed; the dropout and the
decoded sample still vary from run to run (the pipe's and the pty's numbers differ; each
mode's truth is its own run's). Note ``--steps_per_eval`` is no flag of this version:
train.py fixes it at ``10 * steps_per_stats`` (200), and argparse takes the abbreviation for
``--steps_per_external_eval``.
Data (the case writes it): a reverse task, lines of 3 to 8 of 20 words ``w0``..``w19``
(``random.Random(0)``) as ``data/{train,dev,test}.vi`` and the same words reversed as
``.en``: 10,000 training lines (300 steps of 32 sentences never end an epoch), 50 dev, 50
test; ``data/vocab.vi`` and ``data/vocab.en``: ``<unk>``, ``<s>``, ``</s>`` and the 20 words.
About 35 s of CPU, most of it TensorFlow's import, building three graphs and decoding.

What it prints (stdout; TensorFlow's deprecation ``WARNING:tensorflow:`` lines, each again
as absl's ``W1207 ... module_wrapper.py:139]``, and its ``INFO:tensorflow:Restoring
parameters`` lines on stderr): the hparams (``  best_bleu=0``, ``  num_train_steps=300``,
...), the graphs' variables (``  dynamic_seq2seq/decoder/memory_layer/kernel:0, (32, 32),
``) and device placements, then::

    eval dev: perplexity 23.00, time 0s, Mon Dec  7 22:42:06 2026.
    eval test: perplexity 23.00, time 0s, Mon Dec  7 22:42:07 2026.
  # Start step 0, lr 0.01, Mon Dec  7 22:42:07 2026
    step 20 lr 0.01 step-time 0.30s wps 1.30K ppl 19.28 gN 3.01 bleu 0.00, Mon Dec  7 ...
    ...
    step 200 lr 0.01 step-time 0.02s wps 19.22K ppl 2.24 gN 10.84 bleu 0.00, Mon Dec  7 ...
  # Save eval, global step 200
    # 36
      src: w16 w0 w3 w18 w5 w12
      ref: w12 w5 w18 w3 w0 w16
      nmt: w12 w5 w18 w3 w12 w16
    eval dev: perplexity 1.66, time 0s, Mon Dec  7 22:42:20 2026.
    eval test: perplexity 1.71, time 0s, Mon Dec  7 22:42:21 2026.
  # External evaluation, global step 200
    decoding to output out/output_dev
    done, num sentences 50, num translations per input 1, time 0s, Mon Dec  7 22:42:21 2026.
    bleu dev: 67.5
    saving hparams to out/hparams
  # External evaluation, global step 200
    ...
    bleu test: 63.5
    step 220 lr 0.01 step-time 0.02s wps 17.35K ppl 1.73 gN 14.36 bleu 67.55, Mon Dec  7 ...
    ...
  # Final, step 300 lr 0.01 step-time 0.02s wps 20.74K ppl 1.28 gN 20.92 dev ppl 1.06, dev
  bleu 98.6, test ppl 1.10, test bleu 97.9, Mon Dec  7 22:42:26 2026
  # Done training!, time 10s, Mon Dec  7 22:45:59 2026.
  # Start evaluating saved best models.
    ...
  # Best bleu, step 300 lr 0.01 step-time 0.02s wps 20.74K ppl 1.28 gN 20.92 dev ppl 1.06,
  dev bleu 98.6, test ppl 1.10, test bleu 97.9, Mon Dec  7 22:42:27 2026

(the ``# Final`` and ``# Best bleu`` lines are one line each). The stats line (train.py's
``print_step_info``, ``"%sstep %d lr %g step-time %.2fs wps %.2fK ppl %.2f gN %.2f %s, %s"``)
comes every 20 steps: the learning rate, the mean step time and words per second over the
last 20 steps, the training perplexity over them (``exp`` of the summed loss over the
predicted words), their mean gradient norm, and ``get_best_results``: the best dev BLEU so
far (``hparams.best_bleu``, ``%.2f``). ``eval dev: perplexity`` / ``eval test: perplexity``
(``model_helper.compute_perplexity``, ``%.2f``) come at step 0, at the internal evaluation
of step 200 and at the final evaluation of step 300; ``bleu dev:`` / ``bleu test:``
(``nmt_utils.decode_and_evaluate``, ``%.1f``) at the external evaluation of step 200 and at
the final one (step 0 decodes nothing). After training, train.py evaluates the best-BLEU
checkpoint again (``out/best_bleu``): the same ``eval``/``bleu`` lines and ``# Best bleu``.
809 lines, 56 KB.

Truth: the framework's own records. (1) Its TensorBoard event file ``out/train_log/
events.out.tfevents.*`` (``tf.summary.FileWriter``), read back with TensorBoard's loader
(``_records.tb_folder``): ``dev_ppl`` and ``test_ppl`` (``_internal_eval``'s
``add_summary(..., "%s_ppl" % label, ppl)``) at steps 0, 200, 300, and ``dev_bleu`` and
``test_bleu`` (``_external_eval``'s ``"%s_%s" % (label, metric)``) at steps 200 and 300; it
also holds ``lr``, ``train_loss``, ``grad_norm`` and ``clipped_gradient`` at every step
(the model's train summary, never printed as such) and, at step 200 only
(``add_info_summaries`` every ``steps_per_eval``), ``train_ppl``, ``avg_grad_norm``,
``avg_step_time``, ``speed`` and ``avg_sequence_count``. (2) The printed stats are
train.py's ``info`` dict, which it keeps nowhere but at that one step: the case adds one line
to ``train.py``'s training loop, right after its ``print_step_info("  ", ...)`` call,
``ZOO_RECORD.append((int(global_step), {key: float(value) for ...}))`` (``_verbatim.
load_with_lines``: the file is checked against its blob, given the line and run again as the
module ``nmt.train``, so nmt.py's ``train.train`` is the one with it); the case checks it
against the event file (``train_ppl``, ``avg_grad_norm`` at step 200, ``lr`` at every
printed step). (3) ``out/hparams`` (JSON, listed in ``files``): its ``best_bleu``, checked
to be the highest ``dev_bleu`` of the event file. Nothing is parsed from stdout. Judgement
calls:
- ``ppl``, ``gN``, ``lr``: named as printed (``info``'s ``train_ppl``, ``avg_grad_norm``,
  ``learning_rate``; the summary tag ``lr``), keyed by the printed step (20, 40, ..., 300):
  15 values each. ``%.2f``: tolerance 0.005 (plus 1e-6 relative); ``lr`` ``%g``: 5e-6
  relative (constant 0.01 here: ``--decay_scheme`` is empty; the summary's float32, as
  printed). The ``# Start step 0, lr 0.01``, ``# Final, step 300`` and ``# Best bleu, step
  300`` lines print the same ``info`` again: no new points.
- ``dev_ppl``, ``test_ppl``, ``dev_bleu``, ``test_bleu``: the event file's tags, which the
  ``# Final`` line prints as ``dev ppl``, ``dev bleu``, ``test ppl``, ``test bleu``; one value
  an evaluation, in the event file's order: 3 perplexities (0, 200, 300), 2 BLEUs (200,
  300). Tolerances from the printing: 0.005 for the perplexities (``%.2f``), 0.05 for BLEU
  (``%.1f``), each plus 1e-6 relative (float32). The best checkpoint's re-evaluation
  (``out/best_bleu/train_log``, a run of its own in TensorBoard) is the last checkpoint here
  (the case asserts it and that its four numbers equal the final ones): the running best
  printed again, no point of a series.
- ``also_ok``: ``step-time``/``step_time``, ``wps`` (clock and throughput), ``time``,
  ``eval_time``, ``dev_time``, ``test_time`` (the ``time 0s`` of the ``eval``, ``done`` and
  ``# Done training!`` lines), ``bleu``/``best_bleu`` (the stats line's running best).
- Not metrics: the hparams lines, the variables' shapes (``kernel:0, (32, 32)``), the sample
  decodes (``# 36``, ``src:``/``ref:``/``nmt:``), ``num sentences 50``, ``skipping 0
  elements``, the dates.
- The event files are not copied into the fixture (2.6 MB, almost all the graph);
  ``track run`` reads them at capture time (``recorded.yaml``); score.py replays
  ``output.log`` (and ``out/hparams``) alone.
"""
# zoo-venv: tfnmt

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import tensorflow as tf
from _records import tb_folder
from _truth import series, write_truth
from _verbatim import git_blob_id

SOURCE_REPO = "tensorflow/nmt"
SOURCE_COMMIT = "0be864257a76c151eef20ea689755f08bc1faf4e"
TRAIN_BLOB = "d86d1c1c63a0738f6edfeb6775b67a4bb571c490"  # nmt/train.py at SOURCE_COMMIT
STEPS, STATS_EVERY, EXTERNAL_EVERY = 300, 20, 200
ARGS = ["--src=vi", "--tgt=en", "--vocab_prefix=data/vocab", "--train_prefix=data/train",
        "--dev_prefix=data/dev", "--test_prefix=data/test", "--out_dir=out",
        f"--num_train_steps={STEPS}", f"--steps_per_stats={STATS_EVERY}", "--num_layers=2",
        "--num_units=32", "--dropout=0.2", "--metrics=bleu", "--attention=scaled_luong",
        "--optimizer=adam", "--learning_rate=0.01", "--batch_size=32",
        f"--steps_per_external_eval={EXTERNAL_EVERY}", "--num_gpus=0", "--random_seed=1"]
WORDS = [f"w{i}" for i in range(20)]
SETS = {"train": 10_000, "dev": 50, "test": 50}
# clocks and throughput (printed, in no record but add_info_summaries' one point at step 200),
# under the names a parser may give them; the stats line's running best BLEU
ALSO_OK = ("step-time", "step_time", "wps", "time", "eval_time", "dev_time", "test_time",
           "bleu", "best_bleu")

# train.py's stats print in its training loop, and the line the case adds after it
ANCHOR = ('      print_step_info("  ", global_step, info, get_best_results(hparams),\n'
          "                      log_f)")
RECORD_LINE = ("\n      ZOO_RECORD.append((int(global_step), {key: float(value) for key, value"
               " in info.items()}))  # zoo: the printed stats")

# the child: nmt.train given the record line, then `python -m nmt.nmt ARGS` in-process
LAUNCH = """import json, runpy, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import nmt.train
from _verbatim import load_with_lines
record = []
load_with_lines(nmt.train, Path(nmt.train.__file__), sys.argv[3],
                {sys.argv[4]: sys.argv[5]}, record, 'tensorflow/nmt')
sys.argv = ['nmt.py'] + sys.argv[6:]
try:
    runpy.run_module('nmt.nmt', run_name='__main__', alter_sys=True)
except SystemExit as stop:
    if stop.code:
        raise
with open('zoo_record.json', 'w') as handle:
    json.dump(record, handle)
"""


def write_data() -> None:
    """Lines of 3 to 8 of WORDS (``vi``) and the same words reversed (``en``), seeded; each
    side's vocabulary file: ``<unk>``, ``<s>``, ``</s>``, then WORDS."""
    rng = random.Random(0)
    os.makedirs("data", exist_ok=True)
    for name, count in SETS.items():
        with open(f"data/{name}.vi", "w") as src, open(f"data/{name}.en", "w") as tgt:
            for _ in range(count):
                tokens = [rng.choice(WORDS) for _ in range(rng.randint(3, 8))]
                src.write(" ".join(tokens) + "\n")
                tgt.write(" ".join(reversed(tokens)) + "\n")
    for lang in ("vi", "en"):
        Path(f"data/vocab.{lang}").write_text("\n".join(["<unk>", "<s>", "</s>", *WORDS]) + "\n")


def main() -> None:
    repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
    repo = repos.expanduser() / "nmt"
    train_py = repo / "nmt" / "train.py"
    if not train_py.is_file() or git_blob_id(train_py.read_text(encoding="utf-8")) != TRAIN_BLOB:
        sys.exit(f"no {SOURCE_REPO} at {repo} (git archive {SOURCE_COMMIT} of {SOURCE_REPO})")
    write_data()
    here = str(Path(__file__).resolve().parent)
    subprocess.run([sys.executable, "-c", LAUNCH, str(repo), here, TRAIN_BLOB, ANCHOR,
                    RECORD_LINE, *ARGS], check=True)

    # the printed stats: train.py's own `info` at each print (the record line)
    record = json.loads(Path("zoo_record.json").read_text())
    steps = [step for step, _ in record]
    assert steps == list(range(STATS_EVERY, STEPS + 1, STATS_EVERY)), steps
    # the main run's event file (out/train_log), and the best checkpoint's re-evaluation
    event_files, found = tb_folder("out/train_log")
    assert len(event_files) == 1, event_files
    best_files, best = tb_folder("out/best_bleu/train_log")
    assert len(best_files) == 1, best_files
    # train.py's add_info_summaries writes the same `info` every 10 stats (steps_per_eval)
    for step, info in record:
        for key in ("train_ppl", "avg_grad_norm"):
            logged = [value for at, value in found[key] if at == step]
            assert not logged or abs(logged[0] - info[key]) <= 1e-5 * info[key], (step, key)
    assert [at for at, _ in found["train_ppl"]] == [200], found["train_ppl"]
    lr_at = dict(found["lr"])
    assert all(abs(lr_at[step] - info["learning_rate"]) < 1e-9 for step, info in record)
    assert [at for at, _ in found["dev_ppl"]] == [0, 200, STEPS], found["dev_ppl"]
    assert [at for at, _ in found["dev_bleu"]] == [EXTERNAL_EVERY, STEPS], found["dev_bleu"]
    # the best checkpoint is the last one: its re-evaluation repeats the final numbers
    assert [at for at, _ in best["dev_bleu"]] == [STEPS], best["dev_bleu"]
    for key in ("dev_ppl", "test_ppl", "dev_bleu", "test_bleu"):
        assert best[key][0] == found[key][-1], (key, best[key], found[key])
    hparams = json.loads(Path("out/hparams").read_text())
    best_bleu = max(value for _, value in found["dev_bleu"])  # the summary's float32
    assert abs(hparams["best_bleu"] - best_bleu) < 1e-4, (hparams["best_bleu"], best_bleu)

    printed = {"ppl": "train_ppl", "gN": "avg_grad_norm"}
    metrics = {name: series([(step, info[key]) for step, info in record], "step",
                            tolerance=5e-3, rel_tolerance=1e-6)
               for name, key in printed.items()}
    metrics["lr"] = series([(step, info["learning_rate"]) for step, info in record], "step",
                           rel_tolerance=5e-6)
    for key in ("dev_ppl", "test_ppl"):
        metrics[key] = series(found[key], "step", tolerance=5e-3, rel_tolerance=1e-6)
    for key in ("dev_bleu", "test_bleu"):
        metrics[key] = series(found[key], "step", tolerance=5e-2, rel_tolerance=1e-6)
    write_truth(
        "TensorFlow NMT", f"repo {SOURCE_COMMIT[:12]}",
        "train.py's own `info` dict at each printed stats line (a record line the case adds "
        "after print_step_info) for ppl/gN/lr; the dev_ppl, test_ppl, dev_bleu and test_bleu "
        f"scalar summaries of its TensorBoard event file ({event_files[0]}, read with "
        "tb_folder), at their global step",
        metrics, files=["out/hparams"],
        also_ok=list(ALSO_OK),
        notes=f"{SOURCE_REPO} at {SOURCE_COMMIT} (no release), tensorflow {tf.__version__}, "
              f"numpy {np.__version__}; {SETS} lines; scalar tags found: "
              + ", ".join(sorted(found)) + "; best_bleu/train_log (the best checkpoint's "
              "re-evaluation, equal to the final numbers) tags: " + ", ".join(sorted(best))
              + f"; hparams best_bleu {hparams['best_bleu']}; the event files (graph) are not "
              "copied")


if __name__ == "__main__":
    main()
