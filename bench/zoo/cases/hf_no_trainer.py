"""Hugging Face transformers' example ``run_clm_no_trainer.py`` (Accelerate, no ``Trainer``),
run as its README shows, from scratch on local files: ``python run_clm_no_trainer.py
--config_name cfg --tokenizer_name tok --train_file train.txt --validation_file valid.txt
--per_device_train_batch_size 4 --num_train_epochs 3 --block_size 32 --output_dir out
--with_tracking --report_to tensorboard --seed 0`` (subprocess, stdout/stderr inherited; every
other option default: AdamW lr 5e-5, linear schedule, eval batch 8). ``--seed 0`` is the
script's own flag, added for a reproducible run.

The script: the repository's ``examples/pytorch/language-modeling/run_clm_no_trainer.py``
(its ``check_min_version("4.57.0.dev0")`` era), found under
``$ZOO_REPOS/transformers/examples/pytorch/language-modeling/`` (default
``~/.cache/exptrack-zoo/repos``). The ``fetch`` of ``huggingface/transformers`` was refused
(snapshot over the size limit), and the upstream versions the file index keeps are older ones
that import ``send_example_telemetry`` and ``DistributedType.TPU``, which the venv's
transformers 5.24 / accelerate 1.15 no longer have; the file is therefore the text the index
stores for the fork ``evalstate/transformers`` at commit
2143f93a301ca3efb8a4f7e499ff515fb45bc016 (31,464 characters, upstream's header, unmodified,
not adapted). No pip package carries it.

Data, all built here: a byte-level BPE tokenizer (``tokenizers.ByteLevelBPETokenizer``)
trained on the training text and saved as a ``GPT2TokenizerFast`` (``tok/``), a 2-layer
GPT-2 config (``cfg/``, n_embd 32), ``train.txt``/``valid.txt`` of synthetic sentences from a
small word list.

Default printing: the logging module's ``MM/DD/YYYY HH:MM:SS - INFO - __main__ - ...`` lines
(accelerator state, three training samples, ``***** Running training *****``), transformers'
info logs (set to INFO by the script), the datasets map bars, one tqdm bar over all
optimisation steps, and after each epoch's evaluation ``... - INFO - __main__ - [RANK 0] epoch 0:
perplexity: 277.52730980087216 eval_loss: 5.625919342041016`` (``perplexity`` a Python float,
``eval_loss`` a 0-d float32 tensor, which torch formats through ``.item()``: both in full).

Truth: the Accelerate TensorBoard tracker's event files under ``out/clm_no_trainer/``
(``accelerator.log({...}, step=completed_steps)`` once an epoch; ``add_scalar`` stores
float32). Judgements:
- ``perplexity`` and ``eval_loss`` are the printed metrics, keyed ``step`` as the tracker
  records them (the console line says ``epoch N``, 0-based; 3 epochs -> 3 points);
- ``train_loss`` (the epoch's mean training loss) is logged to the tracker but never
  printed: ``file_metrics``; ``epoch`` and ``step`` are the loop's counters the script logs
  as scalars beside the metrics: no metrics (session 81 review; the helper had listed them as
  file metrics);
- the hparams event file ``add_hparams`` writes in a timestamped subfolder holds no scalars;
- ``also_ok``: tqdm's ``it/s``/``s/it``.
"""

import os
import random
import subprocess
import sys
from pathlib import Path

import transformers
from _records import tb_scalars
from _truth import series, write_truth
from tokenizers import ByteLevelBPETokenizer
from transformers import GPT2Config, GPT2TokenizerFast

SOURCE_REPO, SOURCE_COMMIT = "evalstate/transformers", "2143f93a301ca3efb8a4f7e499ff515fb45bc016"
repos = Path(os.environ.get("ZOO_REPOS", Path.home() / ".cache" / "exptrack-zoo" / "repos"))
script = (repos.expanduser() / "transformers" / "examples" / "pytorch" / "language-modeling"
          / "run_clm_no_trainer.py")
if not script.is_file():
    sys.exit(f"no run_clm_no_trainer.py at {script} ({SOURCE_REPO} at {SOURCE_COMMIT})")

rng = random.Random(0)
SUBJECTS = ["the cat", "a dog", "the bird", "my friend", "the teacher", "a child", "the farmer"]
VERBS = ["sees", "likes", "finds", "carries", "watches", "follows", "paints"]
OBJECTS = ["the ball", "a red apple", "the old house", "a small boat", "the green hill",
           "a book", "the river"]
ENDS = ["today.", "every morning.", "in the garden.", "near the lake.", "at night.", "again."]


def sentences(count: int) -> list[str]:
    return [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDS)}"
            for _ in range(count)]


train_lines, valid_lines = sentences(240), sentences(60)
Path("train.txt").write_text("\n".join(train_lines) + "\n", encoding="utf-8")
Path("valid.txt").write_text("\n".join(valid_lines) + "\n", encoding="utf-8")

bpe = ByteLevelBPETokenizer()
bpe.train_from_iterator(train_lines, vocab_size=300, min_frequency=1,
                        special_tokens=["<|endoftext|>"], show_progress=False)
tokenizer = GPT2TokenizerFast(tokenizer_object=bpe._tokenizer, bos_token="<|endoftext|>",
                              eos_token="<|endoftext|>", unk_token="<|endoftext|>",
                              model_max_length=64)
tokenizer.save_pretrained("tok")
eos = tokenizer.convert_tokens_to_ids("<|endoftext|>")
GPT2Config(vocab_size=len(tokenizer), n_positions=64, n_embd=32, n_layer=2, n_head=2,
           bos_token_id=eos, eos_token_id=eos).save_pretrained("cfg")

subprocess.run([sys.executable, str(script), "--config_name", "cfg", "--tokenizer_name", "tok",
                "--train_file", "train.txt", "--validation_file", "valid.txt",
                "--per_device_train_batch_size", "4", "--num_train_epochs", "3",
                "--block_size", "32", "--output_dir", "out", "--with_tracking",
                "--report_to", "tensorboard", "--seed", "0"], check=True)

event_files = sorted(str(p) for p in Path("out").rglob("events.out.tfevents.*"))
found = tb_scalars(event_files)

# both printed in full (repr); the file keeps float32 (perplexity is a float64 before that)
PRINTED = {"perplexity": {"rel_tolerance": 1e-6}, "eval_loss": {"rel_tolerance": 1e-6}}
metrics = {name: series(found[name], "step", **tolerance) for name, tolerance in PRINTED.items()}
file_metrics = {name: series(found[name], "step", rel_tolerance=1e-6)
                for name in ("train_loss",)}
write_truth("transformers", transformers.__version__,
            "accelerate TensorBoardTracker events under out/clm_no_trainer/", metrics,
            files=event_files, also_ok=["it/s", "s/it"], file_metrics=file_metrics,
            notes=f"examples/pytorch/language-modeling/run_clm_no_trainer.py as stored for "
                  f"{SOURCE_REPO} at {SOURCE_COMMIT} (huggingface/transformers fetch refused: "
                  "snapshot over the size limit); scalar tags found: " + ", ".join(sorted(found)))
