"""DeepSpeed 0.19.8's flops profiler run standalone, without the DeepSpeed runtime, before a
plain PyTorch training loop (a precision case: the profiler's numbers are no training
metrics). As DeepSpeed's "Flops Profiler" tutorial ("Usage Without the DeepSpeed Runtime")
calls it: ``flops, macs, params = get_model_profile(model=model, input_shape=(8, 20),
print_profile=True, detailed=True)`` (``from deepspeed.profiling.flops_profiler import
get_model_profile``; the defaults ``warm_up=1``, ``module_depth=-1``, ``top_modules=1``,
``as_string=True``). The tutorial wraps the call in ``with get_accelerator().device(0):``;
on the CPU accelerator ``device()`` returns ``None``, which is no context manager, so the
case calls it bare (a CPU user has to). ``import deepspeed`` works here without CUDA and
without ``DS_ACCELERATOR`` (it falls back to its CPU accelerator itself, printing
``[WARNING] ... Setting accelerator to CPU. If you have GPU or other accelerator, we were
unable to detect it.``), so the case sets no environment of its own.

The profiler prints its report to stdout: ``-------------------------- DeepSpeed Flops
Profiler --------------------------``, ``Profile Summary at step 1:``, a paragraph on its
notations, ``params per GPU:                      1.47 K``, ``params of model = params per
GPU * mp_size:   0`` (mp_size is 0 without the runtime), ``fwd MACs per GPU:   11.26
KMACs``, ``fwd flops per GPU:   23.04 K``, ``fwd flops of model = fwd flops per GPU *
mp_size:   23.04 K``, ``fwd latency:   119.92 us``, ``fwd FLOPS per GPU = fwd flops per GPU
/ fwd latency:   192.12 MFLOPS`` (padded to one column), then ``-----------------------------
Aggregated Profile per GPU -----------------------------`` (``Top 1 modules in terms of
params, MACs or fwd latency at different model depths:``, ``depth 0:``, ``    params      -
{'Sequential': '1.47 K'}``, ``    MACs        - {'Sequential': '11.26 KMACs'}``, ``    fwd
latency - {'Sequential': '119.92 us'}``) and ``------------------------------ Detailed
Profile per GPU ------------------------------`` with its notes and the module tree
``Sequential(`` / ``  1.47 K = 100% Params, 11.26 KMACs = 100% MACs, 119.92 us = 100%
latency, 192.12 MFLOPS`` / ``  (0): Linear(1.34 K = 91.18% Params, 10.24 KMACs = 90.91% MACs,
40.29 us = 33.6% latency, 508.28 MFLOPS, in_features=20, out_features=64, bias=True)`` / ...
/ ``)``, closed by a rule of dashes (the latencies vary run to run).

The loop: a tiny MLP (``Linear(20, 64)``, ``ReLU``, ``Linear(64, 2)``) on a synthetic
two-class data set built here (``torch.randn(320, 20)``, the label the sign of a fixed linear
rule plus a little noise; 256 train, 64 validation rows), ``torch.optim.Adam(lr=1e-2)``,
``nn.CrossEntropyLoss()``, unshuffled batches of 32 (8 steps an epoch), 3 epochs, each closed
by one print the script writes, as such scripts do: ``epoch {e}: train_loss {x:.4f} val_loss
{y:.4f} val_acc {z:.4f}`` (``train_loss`` the mean of the epoch's batch losses, ``val_loss``
and ``val_acc`` the validation set's in one pass under ``torch.no_grad()``, the accuracy a
fraction): ``_plain_loop``'s, shared with ``torch_profiler_report``. The script prints
nothing else (it does not echo the returned strings).

Truth: the loop's own values, kept by the case in Python lists beside its prints (the script
is the framework for them; nothing parsed from stdout): ``train_loss``, ``val_loss``,
``val_acc`` keyed ``epoch`` 1..3 as printed, tolerance 5e-5 (``:.4f``). Judgement calls:
- Nothing of the profiler's report is a training measure: params, MACs, flops, latency and
  FLOPS describe one forward pass of the untrained model on an uninitialised (8, 20) input
  (``new_empty``), per GPU and per module. None is in the truth, none in ``also_ok``: any
  name exptrack takes from the report is junk.
- ``get_model_profile`` puts the model in ``eval()`` mode and leaves it there; the loop calls
  ``model.train()`` each epoch as a typical loop does (the MLP has no dropout or batch norm,
  so the mode changes nothing). The profiler's two forward passes change no weights.
- ``val_acc`` is printed as a fraction (``:.4f``), so the truth is the fraction.
- Determinism: seeded data and weights under ``OMP_NUM_THREADS=1`` repeat the loop's values
  exactly; the report's latencies and FLOPS differ run to run, and the DeepSpeed warning line
  carries a timestamp.
"""
# zoo-venv: dsflops

import deepspeed
from _plain_loop import Loop, make_data, make_model
from _truth import write_truth
from deepspeed.profiling.flops_profiler import get_model_profile

data = make_data(256, 64)
model = make_model()

# DeepSpeed's flops profiler without the runtime, as its tutorial calls it
flops, macs, params = get_model_profile(model=model, input_shape=(8, 20), print_profile=True,
                                        detailed=True)

loop = Loop(model, data, batch_size=32)
for epoch in range(1, 4):
    loop.epoch(epoch)

write_truth("deepspeed", deepspeed.__version__,
            "the loop's own values (Python lists beside its prints); nothing of the flops "
            "profiler's report",
            loop.truth(),
            notes=f"get_model_profile returned flops={flops}, macs={macs}, params={params} "
                  "(one forward of batch 8; not metrics)")
