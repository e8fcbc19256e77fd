"""The words a name's words are looked up in (``names``): the words of measured quantities
(``METRIC_WORDS``), how an episode ended (``OUTCOMES``), a setting's last words
(``SETTING_HEADS``), and the words of counts and of a run's progress (``COUNT_HEADS``,
``CJK_COUNTS``, ``PROGRESS_UNITS``, ``COUNT_NOUNS``, ``GLUED_COUNTS``)."""

from __future__ import annotations

# A word that makes a name a measured quantity: quality, loss, reward, and the timing,
# throughput and memory figures a run reports about itself.
METRIC_WORDS = frozenset({
    "loss", "losses", "nll", "acc", "accuracy", "err", "error", "errors", "score", "f1",
    "fscore", "auc", "auroc", "ap", "map", "mar", "iou", "miou", "dice", "jaccard", "reward",
    "rewards", "return", "returns", "rmse", "mae", "mse", "mape", "smape", "r2", "logloss",
    "r\u00b2",  # R2 as written with its superscript ("R\u00b2 0.6546")
    "mlogloss", "merror", "aucpr", "rmsle", "mphe", "nloglik",  # XGBoost's eval_metric names
    "bleu", "rouge", "rouge1", "rouge2", "rougel", "meteor", "chrf", "wer", "cer", "ppl",
    "perplexity", "precision", "recall", "top1", "top5", "psnr", "ssim", "lpips", "fid",
    "kl", "kld", "entropy", "elbo", "likelihood", "spearman", "pearson", "mcc", "kappa",
    "loglikelihood",  # (a hyphened word names a measure: "log-likelihood ratio test")
    "ndcg", "mrr", "hit", "hits", "em", "exact", "time", "runtime", "duration", "elapsed",
    "latency", "throughput", "speed", "fps", "sps", "ips", "wps", "ups", "tps", "tflops",
    "mfu", "mem", "memory", "vram", "allocated", "reserved", "sec", "second", "s", "norm",
    "gnorm", "gn", "grad", "gradnorm",  # (TF NMT's "gN 3.01": the gradient norm)
    "rank1", "rank5", "rank10", "rank20",  # CMC (re-identification)
    "win", "wins", "lose", "tie", "ties", "draw", "draws",  # games against a baseline
    "misclass", "misclassification", "sensitivity", "specificity", "epe", "silog",
    "nmi", "ari", "ami",  # clustering against the labels (mutual information, Rand index)
    "similarity", "cossim", "fvu",  # a reconstruction's (sparse autoencoders': "FVU")
    "nse", "kge",  # a hydrological model's efficiencies (Nash-Sutcliffe, Kling-Gupta)
    # depth estimation's ("AbsRel", "Sq Rel", "Delta1"; "Top-5", "ROUGE-2" and "Abs Rel" are
    # matched as a word and the number or "rel" after it)
    "absrel", "sqrel", "delta1", "delta2", "delta3",
    "auprc", "aupr", "prauc", "aupro",  # areas under precision-recall (and PRO) curves
    "rocauc", "aucroc",  # and under the ROC curve, as one word ("validation ROCAUC score")
    "fitness",  # an evolutionary search's (PyGAD's "Fitness    = 0.00038")
    "fbeta",  # scikit-learn's fbeta_score ("Val F_beta": read as the words "f" and "beta")
    "fmeasure",  # EVALB's "Bracketing FMeasure = 77.36" (one word split at its capital)
    "aic", "bic",  # a fitted model's information criteria (statsmodels' summaries, pmdarima)
    "brier", "ece", "eer",  # calibration (Brier score, expected calibration error), EER
    "concordance", "cindex",  # survival analysis' concordance index ("C-index", "c_index")
    "minp", "iu", "fb1", "gauc", "bpb", "bpc",  # re-ID's mINP, "MeanIU", conlleval's FB1,
    # group AUC (CTR), bits per byte or character (language models)
    "aps", "apm", "apl",  # COCO's AP by object size
    "performance",  # a score named so ("Performance on test set: 0.98", "performance_dp")
})
# how an episode ended: its rate is a measure ("success_rate"; "dropout_rate" is a setting)
OUTCOMES = frozenset({
    "success", "crash", "timeout", "failure", "fail", "collision", "completion", "acceptance",
    "detection", "miss", "pass", "solve", "solved", "goal", "death", "survival", "alarm",
})
# The last word of a setting whose other words sound like a metric ("loss_scale",
# "min_loss_scale", "loss_weight", "accuracy_threshold").
SETTING_HEADS = frozenset({
    "scale", "window", "power", "weight", "weights", "coef", "coeff", "coefficient", "factor",
    "threshold", "thresh", "interval", "freq", "frequency", "steps", "iters", "epochs",
    "size", "patience", "delta", "alpha", "beta", "gamma", "eps", "epsilon", "warmup",
    "decay", "clip", "type", "mode", "name", "enabled", "fn", "function", "fp16", "bf16",
    "place", "places",  # how a value is printed: RecBole's "loss_decimal_place = 4"
})
# Names of values that count things, or say how far a job is: never metrics.
COUNT_HEADS = frozenset({
    "count", "counts", "objects", "samples", "examples", "classes", "params", "parameters",
    "workers", "files", "images", "instances", "items", "tokens", "nodes", "edges",
    "sentences", "words", "batches", "labels", "targets", "boxes", "detections", "records",
    "rows", "documents", "docs", "sequences", "chunks", "shards", "layers", "heads",
    "features", "channels", "tensors", "progress", "percent", "percentage", "processed",
    "completed", "remaining", "left", "steps", "seen", "weights", "sents", "toks", "retries",
    "timesteps", "counter", "identities", "complete", "buffer", "tiles", "patches", "frames",
    "clips", "slices", "volumes", "scans", "crops", "molecules", "graphs", "utterances",
    "keyframe", "keyframes",  # a SLAM system's "new keyframe:  122": which frame
    "smpl", "rounds",  # LeRobot's "smpl:6K" (samples seen), "early stopping rounds 100"
    "num",  # InternEvo's "micro_num=4": how many micro-batches
    "instance",  # NCRF++'s "Instance: 500; Time: 1.23s; loss: 1234.5": instances done so far
    "token",  # NCRF++'s evaluator: "Right token =  653  All token =  836  acc =  0.78"
})
# how Chinese names of counts and sizes end: "数量" number, "个数" count, "数目" number,
# "大小" size, "长度"/"长度为" length (is), "容量" capacity
# and Japanese ones (kohya-ss sd-scripts' "num epochs / epoch数: 2", "batch size per device /
# バッチサイズ: 1"): "の数" number of, "ステップ数"/"エポック数"/"枚数"/"回数"/"サンプル数" counts,
# "サイズ" size, "ステップ" a step ("generating sample images at step / サンプル画像生成
# ステップ: 4410")
CJK_COUNTS = ("数量", "个数", "数目", "大小", "长度", "长度为", "容量", "设备数",
              "の数", "ステップ数", "エポック数", "epoch数", "画像数", "枚数", "回数",
              "サイズ", "サンプル数", "ステップ")
# Units a run's position is counted in: under a ``time/`` key (Composer's ``time/batch``,
# ``time/token_in_epoch``, SB3's ``time/iterations``) the value is how far training is.
PROGRESS_UNITS = frozenset({
    "batch", "batches", "sample", "samples", "token", "tokens", "epoch", "epochs", "step",
    "steps", "timesteps", "iteration", "iterations", "iter", "iters", "update", "updates",
    "episode", "episodes", "duration"})
# Plural nouns of things a run counts: a name holding one and no metric word is a counter
# wherever the noun stands (``episodes_this_iter``, ``iterations_since_restore``).
COUNT_NOUNS = frozenset({
    "samples", "examples", "tokens", "episodes", "iterations", "updates",
    "instances", "objects", "images", "files", "batches", "sentences", "documents", "words",
    "sequences", "pairs", "rows", "records", "clips", "videos", "utterances", "frames",
    "points", "gss", "gaussians",  # a splatting's primitives (2DGS' "Points=146954")
    "patches", "chunks", "segments", "graphs", "users", "queries", "passages", "boxes",
    "annotations", "slides", "patients", "subjects", "cases", "movies", "items",
    "requests"})  # a serving benchmark's "Successful requests: 998"
# progress units glued to an "n" ("nupdates", "nsteps"): how far a job is
GLUED_COUNTS = frozenset({"updates", "steps", "timesteps", "epochs", "iters", "iterations",
                          "episodes"})
