"""Hugging Face ``Trainer`` under DDP on a CPU box: the ``hf_trainer`` case's 2-layer BERT
classifier built from a ``BertConfig`` on synthetic token ids (``_hf_tiny``, nothing
downloaded), 3 epochs, ``logging_steps=2``, evaluation each epoch with an accuracy
``compute_metrics``, the default tqdm bars, launched as a user launches DDP: this script
runs ``python -m torch.distributed.run --nproc_per_node 2 <this script>`` (``torchrun``) as
a subprocess, so ``track run`` wraps the launcher, and torchrun re-runs the script in two
worker processes (``LOCAL_RANK`` set) that train. The Trainer picks the DDP mode from
torchrun's environment; on the CPU (``use_cpu=True``) accelerate's default backend is gloo.

What it prints: rank 0's tqdm bars and each log as a dict line (values as 4-significant-
digit strings: ``{'loss': '1.386', 'grad_norm': '0.2617', 'learning_rate': '0.0009583',
'epoch': '0.25'}``, ``{'eval_loss': ..., 'eval_accuracy': ..., 'eval_runtime': ...,
'eval_samples_per_second': ..., 'eval_steps_per_second': ..., 'epoch': '1'}``, the closing
``train_runtime``/``train_loss`` summary); rank 1 prints nothing of the Trainer's (its
callbacks print on the world's process zero only). torchrun itself prints nothing here (its
``OMP_NUM_THREADS`` warning only comes when that variable is unset), PyTorch's DDP reducer
warns once on each rank's stderr, in either order (``[rank0]:[W...] reducer.cpp:...]
Warning: find_unused_parameters=True was specified ...``, ``[rank1]:...``: the Trainer's
default for a model without gradient checkpointing).

Truth: the main process's ``output/trainer_state.json`` ``log_history`` (``trainer.save_state()``
after ``train()``, as the example scripts do; it writes on the world's process zero only),
read by this launcher script once torchrun has ended (``_records.hf_log_history``: every key
at its ``step``, rel_tolerance 5e-4 for the ``.4g`` print). Judgement calls: 256 training
rows (128 a rank: 8 steps of 16 an epoch, as ``hf_trainer``'s 128 rows on one process) and
the same 64 evaluation rows (32 a rank, gathered); the losses are as Transformers 5.24 records
them, about twice the per-sample mean (``loss`` 1.386 = 2 ln 2 at the start): under DDP its
``average_tokens_across_devices`` scaling multiplies the loss by the number of processes,
``eval_loss`` too (a fresh model's ``evaluate()`` gives 0.696 on one process, 1.392 on two).
``it/s`` (the bars) is tolerated via ``also_ok``."""
# zoo-venv: hfddp

import os
import subprocess
import sys

if "LOCAL_RANK" not in os.environ:  # the launcher: what `track run` runs
    subprocess.run([sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2",
                    __file__], check=True)

    import transformers
    from _records import hf_log_history
    from _truth import write_truth

    path = "output/trainer_state.json"
    write_truth("transformers", transformers.__version__, f"{path} log_history (rank 0)",
                hf_log_history(path), files=[path], also_ok=["it/s"])
else:  # a torchrun worker
    from _hf_tiny import Synthetic, accuracy, tiny_bert
    from transformers import Trainer, TrainingArguments

    model = tiny_bert()
    args = TrainingArguments(output_dir="output", num_train_epochs=3, learning_rate=1e-3,
                             per_device_train_batch_size=16, per_device_eval_batch_size=32,
                             logging_steps=2, eval_strategy="epoch", save_strategy="no",
                             report_to="none", seed=0, use_cpu=True)
    trainer = Trainer(model=model, args=args, train_dataset=Synthetic(256, 0),
                      eval_dataset=Synthetic(64, 1), compute_metrics=accuracy)
    trainer.train()
    trainer.save_state()
