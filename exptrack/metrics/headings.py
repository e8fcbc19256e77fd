"""Lines that say where a run is beyond its numbers (``lineplan`` flags their plans): the
end of training (``DONE_LINE``, ``CLOSING``, ``EARLY_STOP``, ``DONE_ALONE``), a heading over
what follows (a per-class breakdown, a profiler's report, W&B's run summary, a final
evaluation, Lightning's results), a best round printed again after it (``BEST_NEXT``).
Regexes bounded or anchored, no nested quantifiers: linear."""

from __future__ import annotations

import re

# training is over: what is printed after it (a final test, the best checkpoint's
# validation) belongs to no step of the run (YOLOv5's "246 epochs completed in 27.2 hours.")
DONE_LINE = re.compile(
    r"(?i)\b(?:training (?:is |job )?(?:complete|completed|finished|done|ended|over)\b"
    r"|(?:finished|done|end of|ended) training\b|validating \S{0,200}best\S{0,40}\.pt"
    r"|epochs? completed in "
    r"|^\s{0,8}finished run\s*$"  # Vowpal Wabbit's, over its summary ("average loss = 0.33")
    # Lightning's results table of trainer.test()/validate() ("Test metric | DataLoader 0"),
    # printed after fit, plain or drawn by Rich: its values are of no step
    r"|(?:test|validate) metric\s{1,60}\|?\s{0,60}dataloader \d)")
# Lightning 1.x's header of the same results, a dict under it ("DATALOADER:0 TEST RESULTS")
RESULTS_HEADER = re.compile(r"\s{0,20}DATALOADER:\d{1,4} (?:TEST|VALIDATE) RESULTS\s*$")
# early stopping's notice of where the run stopped ("early stopping triggered after 14
# epochs", "early stop at epoch 94"), not its patience counter
EARLY_STOP = re.compile(r"(?i)\bearly[ _-]?stop(?:ping|ped)?\b[^\d]{0,30}?\b(?:at|after)\s")
# LightGBM's "Early stopping, best iteration is:", "Did not meet early stopping. Best
# iteration is:", XGBoost's "Stopping. Best iteration:": a summary of an earlier round follows
WANDB_SUMMARY = re.compile(r"wandb:\s+Run summary:\s*$")
# a per-class breakdown's heading: "PER-CATEGORY METRICS:", "    Per-class details:"
PER_CLASS = re.compile(r"(?i)^[\W_]{0,8}(?:[A-Za-z]{1,20}[\s-]){0,3}(?:per[-\s_]?(?:class|categor"
                       r"(?:y|ies)|label)|(?:class|category)[-\s]?wise)\b[A-Za-z\s\-()/]{0,40}"
                       r":?[\W_]{0,8}$")
# ... or a metric's heading that names its classes ("mAP(IoU=0.5) for each category:")
EACH_CLASS = re.compile(r"(?i)\b(?:for|of|per|in) (?:each|every) (?:class|category|label)\s?:\s*$")
# ... or a profiler's report of where the time went, a code section a line (Sample Factory's
# "Learner 0 profile tree view:" over "train: 14.1388", "  forward_head: 0.1874, bptt: 2.17")
PROFILE = re.compile(r"(?i)\bprofil(?:e|er|ing)(?:\s(?:tree|view|report|results|summary)){0,2}"
                     r"\s?:\s*$|\bcost analysis:\s*$")  # (XLA's compiled program's "Train
# cost analysis:" over "FLOPS: 2.2e+09", "Memory (temp): 4.0e+07": DreamerV3's, estimates)
# DeepSpeed's flops profiler's report: "--- DeepSpeed Flops Profiler ---", its model's
# parameters, MACs, flops and forward latency, a module tree, to a rule of dashes alone
PROFILE_BANNER = re.compile(r"^-{5,80} DeepSpeed Flops Profiler -{5,80}$")
BEST_NEXT = re.compile(r"(?i)\bbest (?:iteration|iter|round|epoch|step)s?(?: round)?(?: is)?\s?:"
                       r"\s*$")  # (LightGBM's program: "Output of best iteration round:")

# a line saying training has ended ("Optimization Finished!", "=== Final evaluation ===");
# not "test" or "results", which also head evaluations during training
CLOSING = re.compile(r"(?i)(?<![/\\.\-])\b(?:finish(?:ed)?|final|summary|early[ _-]?stop\w*"
                     r"|stopping|end of training)\b(?![/\\\-]|\.\w)")
# a heading of what comes after training: "Final evaluation...", "=== Final results ==="
FINAL_HEADING = re.compile(r"(?i)\bfinal\b(?![/\\\-_.])")
# a line that is only "Done!" (the PyTorch quickstart's, GEARS' after its epochs): likewise
DONE_ALONE = re.compile(r"\s{0,8}(?:Done|DONE|done)[!.]?\s*$")
# Hugging Face's Trainer opening an evaluation ("***** Running Evaluation *****", its 2.x
# scripts' "***** Running evaluation  *****"): what it prints next is a new evaluation's,
# though the model may be unchanged and its values the last one's
EVALUATION_START = re.compile(r"\*{5} Running [Ee]valuation\b[^*]{0,60}\*{5}\s*$")
