"""Names that are never a metric's, whatever is printed beside them: configuration,
identity, counters, files (``names.denied`` asks them). Data only.
"""

from __future__ import annotations

import re

# an optimiser's evaluations so far (DEAP's "nevals", pagmo's "Fevals:", "objevals:"): a count,
# a table's step where no generation is printed (``tables``)
EVALUATIONS = frozenset({"evals", "nevals", "fevals", "objevals"})
# Names that are configuration or identity printed near metrics, never metrics.
DENY_NAMES = frozenset({
    "version", "seed", "seeds", "corpus", "pid", "ppid", "port", "rank", "local_rank",
    "global_rank", "node_rank", "world_size", "v_num", "best", "epochs", "params",
    "parameters", "gpu",
    "member",  # Lightning's "Initializing distributed: GLOBAL_RANK: 0, MEMBER: 1/2": a process
    "batchidx", "substep",  # RWKV-infctx's W&B counters (a batch's index, a step's part)
    "epch",  # LeRobot's "epch:101.23": the passes over the data so far (its step is "step:40K")
    # CLU's ReportProgress note "Setting work unit notes: 2.1 steps/s, 25.2% (252/1000), ETA:
    # 5m": a progress note whose rate, rounded, its writer logs as steps_per_sec
    "setting_work_unit_notes",
    # Vowpal Wabbit's progress table: the examples' weight so far, then the example at hand's
    # label and the model's prediction for it (one example's, no measure of the model)
    "example_weight", "current_label", "current_predict",
    "n",  # how many a statistic was taken over (fastText's test "N\t2000", a table's "n")
    # an option's default beside the value set (pix2pix/CycleGAN's options table:
    # "crop_size: 32    [default: 256]")
    "default",
    "kimg", "minibatch",  # StyleGAN's images shown so far (thousands), its batch size
    "batchsize",  # a batch's size written as one word ("Batchsize: 8")
    "episodessofar", "epsofar", "epthisiter", "timestepssofar", "timestepsofar",  # Baselines'
    # TRPO counters; its line search's "Expected: 0.025 Actual: 0.025" (a check, not a series)
    "expected", "actual",
    "billions", "millions", "thousands",  # Megatron's "Number of parameters in billions: 1.24"
    "gpus", "device", "devices", "cuda", "python", "class", "classes", "image", "images",
    "instances", "size", "workers", "eta", "total", "count", "id", "page", "line", "pytorch",
    "support",  # a classification report's column: how many true items a class has
    "torch", "tensorflow", "numpy", "driver", "trainable", "dim", "layers", "heads",
    "metric", "value", "values", "result", "number", "capability", "capabilities", "bestiteration",
    "best_iteration", "best_epoch", "bestepoch", "best_iter", "best_step", "best_round",
    "patience", "lambda", "λ", "verbose", "imgsz", "remaining", "label", "labels", "targets",
    # a tree booster's settings, as caret's resampling table prints its tuning grid
    "colsample_bytree", "colsample_bylevel", "colsample_bynode", "subsample",
    "min_child_weight", "nrounds", "num_round", "num_boost_round",
    "group",  # PyTorch's "reducing learning rate of group 0 to 1.0000e-04": a param group
    # a data split's index, a tree's variables ("No. of variables tried at each split: 2",
    # R randomForest's summary)
    "split",
    "skipped", "oom", "ooms", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "dp", "pp", "tp",
    "proc", "process", "worker", "thread", "timestamp", "time_stamp", "model", "shape", "year",
    "there", "here", "this", "that", "these", "those", "we", "they", "you",  # pronouns
    "grad_acc", "grad_accum", "seq_len", "seqlen", "task", "phase", "stage",  # a stage's index
    "hash", "checksum", "uuid", "clients",  # ("Key hash: 8031843243549828224", "Clients: 3")
    # TensorFlow 1's device line "name: GeForce GTX 1080 major: 6 minor: 1
    # memoryClockRate(GHz): 1.7335": a GPU's compute capability and clock
    "major", "minor", "memoryclockrate(ghz)", "memoryclockrate",
    "encoder", "decoder",  # OpenNMT-py's parameters of each part ("encoder: 26435584")
    "until",  # a range's end: build-nanogpt's "starting epoch 1 from step 0 until 19073"
    # a sampling or distillation temperature (textgenrnn's "Temperature: 0.2" over its
    # samples, KD's "temperature 4.0"): a setting; a learned one prints as "temp" (wav2vec 2.0)
    "temperature", "top_p",  # (and nucleus sampling's "top_p": 0.9 beside it)
    # icefall's schedules and checks between its lines ("ScheduledFloat: name=..., ans=0.1",
    # "Whitening: ... metric=4.46 vs. limit=15.0", "grad-norm quartiles 1.1e+02 1.4e+02 ...":
    # the first of five), lm-eval's "limit: 1000.0" (a sample cap)
    "ans", "limit", "quartiles",
    # a decision threshold, the evaluation's setting, even where tuned ("Threshold=0.859"
    # beside the F1 it gives, a sweep's "threshold = 0.5000, accuracy = 55.76")
    "threshold",
    "active",  # CRFsuite's "Iter 5 ... active=413": its active features, a count
    "scale_loss",  # PaddleNLP's training argument: fp16's initial loss scaling, a setting
    "cg",  # LIBLINEAR's Newton step "... |g| 1.1e+01 CG   2": its conjugate-gradient steps
    # a parallel corpus's side, counted or covered (Sockeye's "Tokens: source 3895 target 3895",
    # "Vocabulary coverage: source 100% target 100%"): no measure ("source_acc" is one; a
    # search's "target" is its objective, bayes_opt's table and result dict)
    "source", "src", "tgt",
    "k",  # a k's setting: neighbours, folds, the top k (caret's tuning table "k  Accuracy")
    *EVALUATIONS,
})
DENY_PATTERN = re.compile(
    r"(?:^|(?<!mean)(?<!median)(?<!avg)(?<!bit)(?<!bits)(?<!^c)(?<![^a-z0-9]c)(?<!concordance)"
    r"[_\-./])(?:seed|version|pid|port|(?<!^pos_)(?<!reciprocal_)rank|q?size|id|idx|index|dim"
    r"|workers|gpus?)$"
    # (a retrieval's "mean_rank" is a metric, PyTorch-BigGraph's "pos_rank" (the positive
    # edge's mean rank) and LibKGE's "mean_reciprocal_rank" too, a flow's "bits/dim",
    # survival analysis' concordance index "C-index")
    r"|(?:^|[/_])(?:num|n|number_of)[_/]|^max_(?!mem|allocated|reserved|(?:gpu|cuda|cpu|ram)_mem)|^(?:max|total|num)_?(?:epochs?|steps?|iters?|updates|actions)$"
    r"|_epochs$|(?:^|_)samples$|^gpus?_used$|^(?:lambda|λ)_"  # a loss's weight ("λ_scst")
    # where the best model was: Ludwig's report "│ Best model step │ 21 │", "best_val_epoch"
    r"|^best(?:[ _][a-z]{1,20}){1,3}[ _](?:step|epoch|iteration|iter|round)$"
    # Lightning's sanity check, two validation batches before training: pytorch-forecasting's
    # bar shows its "sanity_check_loss", which no logger keeps
    r"|^sanity_check_"
    # a data split's share: AutoGluon's "holdout_frac=0.2", Keras' "validation_split"
    r"|^(?:holdout|train|training|val|valid|validation|test|dev|eval)_(?:frac|fraction|split"
    r"|ratio|pct|percent)$"
    r"|^no_[a-z]+s$|^df_(?:residuals|model)$"  # statsmodels' "No. Observations", "Df Model"
    r"|^(?:cuda|cudnn|nccl|nvcc)(?![\w.]*(?:alloc|reserv|free|mem))"  # not "cuda_gb_allocated"
    r"|^(?:cfg|config|configs|args|opts?|hparams|hyperparams|flags)\."  # "cfg.TRAIN.LR: 0.002"
    r"|^(?:current|cur|best|last|latest)_?(?:ckpt|checkpoint)$"  # "current ckpt is 0+3252"
    # TensorFlow's device lines ("name: NVIDIA GeForce GTX 1080 Ti computeCapability: 6.1",
    # "coreCount: 28 deviceMemorySize: 10.92GiB"): the machine's facts
    r"|(?:^|_)compute_?capability$|^device_?memory_?(?:size|bandwidth)$"
    r"|^clip_?grad(?:ient)?_?norm$"  # a setting: NeuralHydrology's "clip_gradient_norm: 1"
    r"|^per_class/"  # "per_class/glioma/psnr_mean": one class's row of a results record
    r"|^\w+(?:\.\w+){2,}\.(?:weight|bias)$"  # a module's parameter ("module.fc6.weight: 0.59")
    # a moment, not how long something took: "Starting Time: 1620636839.34", SB3's
    # monitor.csv header comment '#{"t_start": 1771225423.69, ...}'
    r"|^(?:start|starting|started|end|ending|ended|begin|finish|finished)_?(?:time|timestamp)$"
    r"|^t_start$"
    # a moment in a record's metadata: orbax's "'init_timestamp_nsecs': 1796634836623615793"
    r"|_timestamps?(?:_(?:n?secs?|ns|us|ms|s))?$"
    r"|(?:^|_)configured$"  # vLLM's "Request rate configured (RPS): 100.00": a setting
    r"|^trainer/where$"  # SAM 2's "Trainer/where": the fraction of the training done
    r"|^#"  # a count a table heads with "#" (CogDL's "| #nodes | #edges | #classes |")
    r"|^cache_(?:hits?|miss(?:es)?)$"  # torch's exit report "cache_hits: 0": a count
    r"|^hsv_[hsv]$"  # YOLO's colour augmentation ("hsv_s: 0.7" is no time in seconds)
    r"|^machine_(?:precision|epsilon)$"  # L-BFGS-B's "Machine precision = 2.220D-16"
    # a model's size in a summary (torchsummary's "Params size (MB): 42.71", Lightning's "Total
    # estimated model params size (MB)", torchinfo's "Total mult-adds (M)"): not measured
    r"|(?:^|[_\-./])size_?\((?:[kmgt]i?b|bytes?)\)$|(?:^|_)mult-adds(?:_\([kmgt]\))?$"
    # FuxiCTR's "Start training: 50 batches/epoch": a size, when a loop starts
    r"|^(?:start|starting|begin|beginning)_(?:training|train|epoch|eval|evaluation|testing)$"
    r"|copypaste|\.(?:py|pyc|cpp|cc|cu|c|h|hpp|js|java|go|rs|rb|sh|json|yaml|yml|log|txt|csv)(?::\d+)?$"
    # a file a download's bar names ("'yolov8s.pt': 100%"), weights, data, fonts, archives
    r"|\.(?:pt|pth|ckpt|bin|safetensors|onnx|engine|h5|hdf5|keras|pkl|pickle|npz|npy|ttf|zip|tar|gz"
    r"|tgz|bz2|xz|whl|jsonl|tsv|parquet|arrow|msgpack|jpe?g|png|gif|wav|flac|mp3|mp4|tflite|gguf)$",
    re.IGNORECASE)
