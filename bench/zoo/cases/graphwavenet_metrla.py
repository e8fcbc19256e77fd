"""Graph WaveNet (nnzhan/Graph-WaveNet, the original PyTorch code of "Graph WaveNet for Deep
Spatial-Temporal Graph Modeling", IJCAI 2019; no pip package, no release: repository commit
6b162e80c59a1d494809252eca055cff93dc66b1, 2019-12-22, its last) on the CPU build of torch
2.13.0 with numpy 2.4.6, scipy 1.17.1 (util.py's sparse adjacency transforms), matplotlib
3.11.2 (train.py imports ``matplotlib.pyplot``, never plots) and pandas 3.1.1 (the data's
time index). Its ``train.py``, ``engine.py``, ``model.py`` and ``util.py`` at that commit
are held verbatim below, each checked against its git blob id (``train.py`` before the
case's lines are added), written into the cwd as the repository lays them out and run
in-process (``runpy``, as ``__main__``) with the README's train command cut small::

    python train.py --device cpu --data data/METR-LA --adjdata data/sensor_graph/adj_mx.pkl
        --gcn_bool --adjtype doubletransition --addaptadj --randomadj --epochs 2
        --print_every 5 --batch_size 16 --num_nodes 10

(the README's ``--gcn_bool --adjtype doubletransition --addaptadj --randomadj``; the rest
keeps it to 10 sensors, 2 epochs of 6 batches; nhid 32, Adam 1e-3, dropout 0.3, its
defaults). About 2 s of CPU. ``--save``'s default ``./garage/metr`` needs a ``garage/``
folder (the repository has none; a user makes it): the case makes it; train.py saves a
checkpoint each epoch there and reloads the best for the test.
Data: what the repository's ``generate_training_data.py`` writes from DCRNN's
``metr-la.h5`` (it reads the file with ``pd.read_hdf``, which needs PyTables; the case
builds the DataFrame itself and follows that script's steps, ``write_data``):
``data/METR-LA/{train,val,test}.npz`` with ``x`` and ``y`` of shape (samples, 12, 10, 2)
(12 readings in at offsets -11..0, 12 out at 1..12; speed and time of day), split 70/10/20
in time order (96, 14 and 27 windows of 160 five-minute readings), with ``x_offsets`` and
``y_offsets``; and ``data/sensor_graph/adj_mx.pkl`` as DCRNN's pickle, ``(sensor_ids,
sensor_id_to_ind, adj_mx)``, a thresholded Gaussian kernel of made-up distances. Synthetic
speeds (a daily wave, noise and 2% zeros, METR-LA's missing readings, which util's masked
metrics skip), seeded; nothing downloaded.
One stand-in (``old_conv1d``): model.py builds its gate convolutions as ``nn.Conv1d(...,
kernel_size=(1, 2))`` and calls them on 4-D tensors, which torch before 1.11 ran as 2-D
convolutions; torch 1.11 and later stop at the first batch with ``RuntimeError: Expected 2D
(unbatched) or 3D (batched) input to conv1d, but got input of size: [16, 32, 10, 13]``. The
case restores the old path (``F.conv1d`` of a 4-D input with a 4-D weight runs as
``conv2d``, a one-element stride/padding/dilation used for both axes), as ``monodepth2``
restores its old torch APIs; nothing else changes.

What it prints (stdout; real lines)::

    Namespace(device='cpu', data='data/METR-LA', ..., save='./garage/metr', expid=1)
    start training...
    Iter: 000, Train Loss: 7.0327, Train MAPE: 0.1291, Train RMSE: 8.2897
    Iter: 005, Train Loss: 4.2084, Train MAPE: 0.0796, Train RMSE: 5.3273
    Epoch: 001, Inference Time: 0.0249 secs
    Epoch: 001, Train Loss: 5.4104, Train MAPE: 0.1019, Train RMSE: 6.5927, Valid Loss:
        4.4449, Valid MAPE: 0.0771, Valid RMSE: 5.8031, Training Time: 0.4302/epoch
    ... (epoch 2 the same)
    Average Training Time: 0.4001 secs/epoch
    Average Inference Time: 0.0243 secs
    Training finished
    The valid loss on best model is 4.4449
    Evaluate best model on test data for horizon 1, Test MAE: 3.8516, Test MAPE: 0.0671,
        Test RMSE: 4.8408
    ... (horizons 2 to 12)
    On average over 12 horizons, Test MAE: 3.9527, Test MAPE: 0.0699, Test RMSE: 4.9326
    Total time spent: 1.8815

(each ``Epoch``/``Evaluate``/``On average`` line is one line). Pipe and pty print the
same; no bar.

Truth: Graph WaveNet keeps no record (no logger, no history file; the checkpoints hold
weights only, their names the valid loss rounded to 2 places), so the values train.py
computes are the record: four lines added to the stock text (``RECORD_LINES``, no line
changed), each right after a print, append the values that print formats (the Iter line's
``train_loss[-1]``, ``train_mape[-1]``, ``train_rmse[-1]``; the epoch line's
``mtrain_*``/``mvalid_*`` means; each horizon's ``metrics`` from ``util.metric``, the
values train.py appends to ``amae``, ``amape``, ``armse``; and the average line's
``np.mean`` of those lists) to a list the case passes in (``init_globals``); nothing is
parsed from stdout. Judgement calls (docs/metrics.md):
- Names as printed, by the naming rule (a phase word before a name prefixes it; a
  capitalised word is lowered, an abbreviation in capitals kept, as ``Test MSE`` ->
  ``test_MSE`` elsewhere in the zoo): ``train_loss``, ``train_MAPE``, ``train_RMSE``,
  ``valid_loss``, ``valid_MAPE``, ``valid_RMSE``, ``test_MAE``, ``test_MAPE``,
  ``test_RMSE``.
- ``Train Loss``/``MAPE``/``RMSE`` print on the Iter lines (one batch's values, every
  ``--print_every`` batches) and again on the epoch line (the epoch's means over all its
  batches): the same printed names, so one series each in print order, as the zoo pools a
  bar's batch values with the epoch summary's means (Catalyst, d3rlpy): per epoch Iter 000,
  Iter 005, then the epoch's mean; 6 points. Axis ``epoch``: the loop's ``i`` (``Epoch:
  001``); the Iter lines print only the batch index (``Iter: 005``, counted again each
  epoch) and come before their epoch's number is printed, so a reader sees no epoch on them
  (``notes`` lists each point's epoch and Iter).
- The test lines, as the brief asks, are keyed as train.py keeps them: a series over the
  forecast horizon, one value a horizon in ``amae``/``amape``/``armse`` order (horizon 1 =
  5 minutes ahead .. 12 = one hour), axis ``step`` = the printed horizon (1..12; no training
  step: it is the forecast's index, which exptrack treats as no step, so the axis is a note
  only). The closing ``On average over 12 horizons, Test MAE: ...`` prints the same names
  once more with ``np.mean`` of each list: under the naming rule (one series a printed
  name, in print order) it is the 13th point of each series, at step 13 (a label for "after
  the horizons", not a horizon). The other reading, the average as a name of its own
  (``average_test_MAE``), has no word on the line to name it (``On average over 12
  horizons`` is a phrase before the pairs, not a key), so it is not taken.
- ``valid_*`` only from the epoch lines (2 points). ``The valid loss on best model is
  4.4449`` is ``his_loss[bestid]``, the best epoch's ``Valid Loss`` printed again rounded to
  4 places: a running best, no series of its own (README), and not in the truth.
- Tolerances: every value prints ``{:.4f}`` -> 5e-5.
- ``also_ok``: timing that train.py prints and keeps in no record beyond its lists of
  times: ``Inference Time`` (the validation pass, ``secs``), ``Training Time`` (the epoch's
  training wall time, ``/epoch``; as printed or with ``Training`` read as the phase word),
  ``Average Training Time``, ``Average Inference Time``, ``Total time spent``.
- Not metrics: the ``Namespace(...)`` settings, ``Iter: 000`` and ``Epoch: 001`` (counters),
  ``horizon 1`` (the forecast's index).
- Determinism: train.py's seeds are commented out (``#torch.manual_seed(args.seed)``); the
  case seeds ``random``, numpy and torch before running it (the model's initialisation, the
  random ``nodevec1``/``nodevec2`` of ``--randomadj``, dropout, the loader's
  ``np.random.permutation``), so the values repeat on the CPU; only the times vary.
"""
# zoo-venv: gwnet2

import contextlib
import pickle
import random
import runpy
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from _truth import series, write_truth
from _verbatim import git_blob_id, with_lines

SOURCE_REPO = "nnzhan/Graph-WaveNet"
SOURCE_COMMIT = "6b162e80c59a1d494809252eca055cff93dc66b1"
NODES = 10  # of METR-LA's 207 sensors
READINGS = 160  # 5-minute readings: 137 windows of 12 in, 12 out -> 96 train, 14 val, 27 test
ARGV = ["train.py", "--device", "cpu", "--data", "data/METR-LA", "--adjdata",
        "data/sensor_graph/adj_mx.pkl", "--gcn_bool", "--adjtype", "doubletransition",
        "--addaptadj", "--randomadj", "--epochs", "2", "--print_every", "5",
        "--batch_size", "16", "--num_nodes", str(NODES)]
HORIZONS = 12

# the record: lines added to train.py right after the prints whose values they keep (anchor
# -> the anchor and the line after it); no line of the stock text changed
RECORD_LINES = {
    "                print(log.format(iter, train_loss[-1], train_mape[-1], train_rmse[-1]),"
    "flush=True)\n":
        "                ZOO_RECORD.append(('iter', i, iter, train_loss[-1], train_mape[-1],"
        " train_rmse[-1]))  # zoo: the values just printed\n",
    "        print(log.format(i, mtrain_loss, mtrain_mape, mtrain_rmse, mvalid_loss, mvalid_mape,"
    " mvalid_rmse, (t2 - t1)),flush=True)\n":
        "        ZOO_RECORD.append(('epoch', i, mtrain_loss, mtrain_mape, mtrain_rmse, mvalid_loss,"
        " mvalid_mape, mvalid_rmse))  # zoo: the values just printed\n",
    "        print(log.format(i+1, metrics[0], metrics[1], metrics[2]))\n":
        "        ZOO_RECORD.append(('horizon', i+1, metrics[0], metrics[1], metrics[2]))"
        "  # zoo: the values just printed\n",
    "    print(log.format(np.mean(amae),np.mean(amape),np.mean(armse)))\n":
        "    ZOO_RECORD.append(('average', np.mean(amae), np.mean(amape), np.mean(armse)))"
        "  # zoo: the values just printed\n",
}


def write_data(root: Path, seed: int = 0) -> None:
    """``data/METR-LA/{train,val,test}.npz`` as the repository's
    ``generate_training_data.py`` writes them from DCRNN's ``metr-la.h5`` (a DataFrame of
    speeds, a column a sensor, a row every 5 minutes): windows of 12 readings in (offsets
    -11..0) and 12 out (1..12), each reading with its time of day as a second feature, x and
    y of shape (samples, 12, nodes, 2), split 70/10/20 in time order, with ``x_offsets`` and
    ``y_offsets``; and ``data/sensor_graph/adj_mx.pkl`` as DCRNN's ``gen_adj_mx.py`` pickles
    it, ``(sensor_ids, sensor_id_to_ind, adj_mx)``, a thresholded Gaussian kernel of
    distances. Synthetic speeds (mph, a daily wave and noise, a few zeros: METR-LA's missing
    readings), seeded."""
    rng = np.random.default_rng(seed)
    index = pd.date_range("2012-03-01", periods=READINGS, freq="5min")
    minutes = np.arange(READINGS)[:, None] * 5
    speeds = 55 + 10 * np.sin(2 * np.pi * minutes / 1440 + rng.uniform(0, 6, NODES)) \
        + rng.normal(0, 4, (READINGS, NODES))
    speeds[rng.random((READINGS, NODES)) < 0.02] = 0.0
    sensor_ids = [str(773869 + 7 * n) for n in range(NODES)]
    df = pd.DataFrame(speeds, index=index, columns=sensor_ids)
    # generate_training_data.py's generate_graph_seq2seq_io_data and generate_train_val_test
    x_offsets = np.sort(np.concatenate((np.arange(-11, 1, 1),)))
    y_offsets = np.sort(np.arange(1, 13, 1))
    data = np.expand_dims(df.values, axis=-1)
    time_ind = (df.index.values - df.index.values.astype("datetime64[D]")) \
        / np.timedelta64(1, "D")
    time_in_day = np.tile(time_ind, [1, NODES, 1]).transpose((2, 1, 0))
    data = np.concatenate([data, time_in_day], axis=-1)
    t_range = range(abs(min(x_offsets)), abs(READINGS - abs(max(y_offsets))))
    x = np.stack([data[t + x_offsets, ...] for t in t_range], axis=0)
    y = np.stack([data[t + y_offsets, ...] for t in t_range], axis=0)
    num_test = round(len(x) * 0.2)
    num_train = round(len(x) * 0.7)
    num_val = len(x) - num_test - num_train
    splits = {"train": (x[:num_train], y[:num_train]),
              "val": (x[num_train:num_train + num_val], y[num_train:num_train + num_val]),
              "test": (x[-num_test:], y[-num_test:])}
    (root / "METR-LA").mkdir(parents=True, exist_ok=True)
    for name, (split_x, split_y) in splits.items():
        np.savez_compressed(root / "METR-LA" / f"{name}.npz", x=split_x, y=split_y,
                            x_offsets=x_offsets.reshape([*x_offsets.shape, 1]),
                            y_offsets=y_offsets.reshape([*y_offsets.shape, 1]))
    position = rng.uniform(0, 3000, (NODES, 2))  # metres
    distance = np.linalg.norm(position[:, None] - position[None], axis=-1)
    adj_mx = np.exp(-np.square(distance / distance.std())).astype(np.float32)
    adj_mx[adj_mx < 0.1] = 0
    (root / "sensor_graph").mkdir(parents=True, exist_ok=True)
    with open(root / "sensor_graph" / "adj_mx.pkl", "wb") as handle:
        pickle.dump((sensor_ids, {s: n for n, s in enumerate(sensor_ids)}, adj_mx), handle,
                    protocol=2)


def old_conv1d() -> None:
    """torch < 1.11's ``F.conv1d`` on a 4-D input: model.py builds its gate, residual and skip
    convolutions as ``nn.Conv1d(..., kernel_size=(1, 2))`` (or ``(1, 1)``), whose weight is
    then 4-D, and calls them on 4-D (batch, channels, nodes, time) tensors. Before torch 1.11
    ``conv1d`` passed such a pair to the generic convolution, which ran it as a 2-D one
    (one-element stride/padding/dilation expanded to both axes); 1.11 added unbatched inputs
    and rejects it ("Expected 2D (unbatched) or 3D (batched) input to conv1d"). This restores
    the old path for that pair only."""
    conv1d = torch.nn.functional.conv1d

    def pair(value: object) -> object:
        return value[0] if isinstance(value, tuple) and len(value) == 1 else value

    def patched(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
        if input.dim() == 4 and weight.dim() == 4:
            return torch.nn.functional.conv2d(input, weight, bias, pair(stride), pair(padding),
                                              pair(dilation), groups)
        return conv1d(input, weight, bias, stride, padding, dilation, groups)

    torch.nn.functional.conv1d = patched


def main() -> None:
    for name, (text, blob) in FILES.items():
        if git_blob_id(text) != blob:
            sys.exit(f"{name} is not {SOURCE_REPO}'s at {SOURCE_COMMIT}")
        if name == "train.py":
            text = with_lines(text, RECORD_LINES)
        Path(name).write_text(text, encoding="utf-8")
    write_data(Path("data"))
    Path("garage").mkdir(exist_ok=True)  # --save's default ./garage/metr: the checkpoints' folder
    sys.path.insert(0, str(Path.cwd()))  # train.py's `import util`, `from engine import`
    random.seed(0)  # train.py's seeds are commented out: the case seeds, for a run that
    np.random.seed(0)  # repeats (the model's init, nodevec1/2, dropout, the shuffles)
    torch.manual_seed(0)
    old_conv1d()
    record: list[tuple] = []
    sys.argv = ARGV
    with contextlib.suppress(SystemExit):
        runpy.run_path("train.py", init_globals={"ZOO_RECORD": record}, run_name="__main__")

    # --- the truth: the values each print printed, in print order ---
    iters = [row for row in record if row[0] == "iter"]
    epochs = [row for row in record if row[0] == "epoch"]
    horizons = [row for row in record if row[0] == "horizon"]
    average = [row for row in record if row[0] == "average"]
    assert len(epochs) == 2 and len(iters) == 4 and len(horizons) == HORIZONS \
        and len(average) == 1, record
    train_rows = [row for row in record if row[0] in ("iter", "epoch")]  # print order

    def train_series(column: int) -> dict:
        # an Iter line's value (column) or the epoch's mean (column - 1): both "Train X"
        return series([(row[1], row[column] if row[0] == "iter" else row[column - 1])
                       for row in train_rows], "epoch", tolerance=5e-5)

    metrics = {
        "train_loss": train_series(3),
        "train_MAPE": train_series(4),
        "train_RMSE": train_series(5),
        "valid_loss": series([(row[1], row[5]) for row in epochs], "epoch", tolerance=5e-5),
        "valid_MAPE": series([(row[1], row[6]) for row in epochs], "epoch", tolerance=5e-5),
        "valid_RMSE": series([(row[1], row[7]) for row in epochs], "epoch", tolerance=5e-5),
    }
    for column, name in ((2, "test_MAE"), (3, "test_MAPE"), (4, "test_RMSE")):
        metrics[name] = series([(row[1], row[column]) for row in horizons]
                               + [(HORIZONS + 1, average[0][column - 1])], "step",
                               tolerance=5e-5)
    write_truth(
        "Graph-WaveNet",
        f"{SOURCE_COMMIT[:8]} (no release; torch {torch.__version__})",
        "train.py's values at each of its metric prints: the Iter line's train_loss[-1], "
        "train_mape[-1], train_rmse[-1]; the epoch line's mtrain_*/mvalid_* means; each "
        "horizon's util.metric (amae, amape, armse) and their np.mean (lines the case adds "
        "after the prints)",
        metrics,
        also_ok=["Inference_Time", "Training_Time", "training_time", "Average_Training_Time",
                 "Average_Inference_Time", "Total_time_spent"],
        notes="train_* print order: " + ", ".join(
            f"epoch {row[1]} Iter {row[2]:03d}" if row[0] == "iter" else f"epoch {row[1]} mean"
            for row in train_rows) + "; test_* steps 1-12 are the horizons, step 13 the "
        "'On average over 12 horizons' line (np.mean of the 12)")



# train.py at SOURCE_COMMIT, verbatim
TRAIN_PY = r'''import torch
import numpy as np
import argparse
import time
import util
import matplotlib.pyplot as plt
from engine import trainer

parser = argparse.ArgumentParser()
parser.add_argument('--device',type=str,default='cuda:3',help='')
parser.add_argument('--data',type=str,default='data/METR-LA',help='data path')
parser.add_argument('--adjdata',type=str,default='data/sensor_graph/adj_mx.pkl',help='adj data path')
parser.add_argument('--adjtype',type=str,default='doubletransition',help='adj type')
parser.add_argument('--gcn_bool',action='store_true',help='whether to add graph convolution layer')
parser.add_argument('--aptonly',action='store_true',help='whether only adaptive adj')
parser.add_argument('--addaptadj',action='store_true',help='whether add adaptive adj')
parser.add_argument('--randomadj',action='store_true',help='whether random initialize adaptive adj')
parser.add_argument('--seq_length',type=int,default=12,help='')
parser.add_argument('--nhid',type=int,default=32,help='')
parser.add_argument('--in_dim',type=int,default=2,help='inputs dimension')
parser.add_argument('--num_nodes',type=int,default=207,help='number of nodes')
parser.add_argument('--batch_size',type=int,default=64,help='batch size')
parser.add_argument('--learning_rate',type=float,default=0.001,help='learning rate')
parser.add_argument('--dropout',type=float,default=0.3,help='dropout rate')
parser.add_argument('--weight_decay',type=float,default=0.0001,help='weight decay rate')
parser.add_argument('--epochs',type=int,default=100,help='')
parser.add_argument('--print_every',type=int,default=50,help='')
#parser.add_argument('--seed',type=int,default=99,help='random seed')
parser.add_argument('--save',type=str,default='./garage/metr',help='save path')
parser.add_argument('--expid',type=int,default=1,help='experiment id')

args = parser.parse_args()




def main():
    #set seed
    #torch.manual_seed(args.seed)
    #np.random.seed(args.seed)
    #load data
    device = torch.device(args.device)
    sensor_ids, sensor_id_to_ind, adj_mx = util.load_adj(args.adjdata,args.adjtype)
    dataloader = util.load_dataset(args.data, args.batch_size, args.batch_size, args.batch_size)
    scaler = dataloader['scaler']
    supports = [torch.tensor(i).to(device) for i in adj_mx]

    print(args)

    if args.randomadj:
        adjinit = None
    else:
        adjinit = supports[0]

    if args.aptonly:
        supports = None



    engine = trainer(scaler, args.in_dim, args.seq_length, args.num_nodes, args.nhid, args.dropout,
                         args.learning_rate, args.weight_decay, device, supports, args.gcn_bool, args.addaptadj,
                         adjinit)


    print("start training...",flush=True)
    his_loss =[]
    val_time = []
    train_time = []
    for i in range(1,args.epochs+1):
        #if i % 10 == 0:
            #lr = max(0.000002,args.learning_rate * (0.1 ** (i // 10)))
            #for g in engine.optimizer.param_groups:
                #g['lr'] = lr
        train_loss = []
        train_mape = []
        train_rmse = []
        t1 = time.time()
        dataloader['train_loader'].shuffle()
        for iter, (x, y) in enumerate(dataloader['train_loader'].get_iterator()):
            trainx = torch.Tensor(x).to(device)
            trainx= trainx.transpose(1, 3)
            trainy = torch.Tensor(y).to(device)
            trainy = trainy.transpose(1, 3)
            metrics = engine.train(trainx, trainy[:,0,:,:])
            train_loss.append(metrics[0])
            train_mape.append(metrics[1])
            train_rmse.append(metrics[2])
            if iter % args.print_every == 0 :
                log = 'Iter: {:03d}, Train Loss: {:.4f}, Train MAPE: {:.4f}, Train RMSE: {:.4f}'
                print(log.format(iter, train_loss[-1], train_mape[-1], train_rmse[-1]),flush=True)
        t2 = time.time()
        train_time.append(t2-t1)
        #validation
        valid_loss = []
        valid_mape = []
        valid_rmse = []


        s1 = time.time()
        for iter, (x, y) in enumerate(dataloader['val_loader'].get_iterator()):
            testx = torch.Tensor(x).to(device)
            testx = testx.transpose(1, 3)
            testy = torch.Tensor(y).to(device)
            testy = testy.transpose(1, 3)
            metrics = engine.eval(testx, testy[:,0,:,:])
            valid_loss.append(metrics[0])
            valid_mape.append(metrics[1])
            valid_rmse.append(metrics[2])
        s2 = time.time()
        log = 'Epoch: {:03d}, Inference Time: {:.4f} secs'
        print(log.format(i,(s2-s1)))
        val_time.append(s2-s1)
        mtrain_loss = np.mean(train_loss)
        mtrain_mape = np.mean(train_mape)
        mtrain_rmse = np.mean(train_rmse)

        mvalid_loss = np.mean(valid_loss)
        mvalid_mape = np.mean(valid_mape)
        mvalid_rmse = np.mean(valid_rmse)
        his_loss.append(mvalid_loss)

        log = 'Epoch: {:03d}, Train Loss: {:.4f}, Train MAPE: {:.4f}, Train RMSE: {:.4f}, Valid Loss: {:.4f}, Valid MAPE: {:.4f}, Valid RMSE: {:.4f}, Training Time: {:.4f}/epoch'
        print(log.format(i, mtrain_loss, mtrain_mape, mtrain_rmse, mvalid_loss, mvalid_mape, mvalid_rmse, (t2 - t1)),flush=True)
        torch.save(engine.model.state_dict(), args.save+"_epoch_"+str(i)+"_"+str(round(mvalid_loss,2))+".pth")
    print("Average Training Time: {:.4f} secs/epoch".format(np.mean(train_time)))
    print("Average Inference Time: {:.4f} secs".format(np.mean(val_time)))

    #testing
    bestid = np.argmin(his_loss)
    engine.model.load_state_dict(torch.load(args.save+"_epoch_"+str(bestid+1)+"_"+str(round(his_loss[bestid],2))+".pth"))


    outputs = []
    realy = torch.Tensor(dataloader['y_test']).to(device)
    realy = realy.transpose(1,3)[:,0,:,:]

    for iter, (x, y) in enumerate(dataloader['test_loader'].get_iterator()):
        testx = torch.Tensor(x).to(device)
        testx = testx.transpose(1,3)
        with torch.no_grad():
            preds = engine.model(testx).transpose(1,3)
        outputs.append(preds.squeeze())

    yhat = torch.cat(outputs,dim=0)
    yhat = yhat[:realy.size(0),...]


    print("Training finished")
    print("The valid loss on best model is", str(round(his_loss[bestid],4)))


    amae = []
    amape = []
    armse = []
    for i in range(12):
        pred = scaler.inverse_transform(yhat[:,:,i])
        real = realy[:,:,i]
        metrics = util.metric(pred,real)
        log = 'Evaluate best model on test data for horizon {:d}, Test MAE: {:.4f}, Test MAPE: {:.4f}, Test RMSE: {:.4f}'
        print(log.format(i+1, metrics[0], metrics[1], metrics[2]))
        amae.append(metrics[0])
        amape.append(metrics[1])
        armse.append(metrics[2])

    log = 'On average over 12 horizons, Test MAE: {:.4f}, Test MAPE: {:.4f}, Test RMSE: {:.4f}'
    print(log.format(np.mean(amae),np.mean(amape),np.mean(armse)))
    torch.save(engine.model.state_dict(), args.save+"_exp"+str(args.expid)+"_best_"+str(round(his_loss[bestid],2))+".pth")



if __name__ == "__main__":
    t1 = time.time()
    main()
    t2 = time.time()
    print("Total time spent: {:.4f}".format(t2-t1))
'''  # noqa: E501


# engine.py at SOURCE_COMMIT, verbatim
ENGINE_PY = r'''import torch.optim as optim
from model import *
import util
class trainer():
    def __init__(self, scaler, in_dim, seq_length, num_nodes, nhid , dropout, lrate, wdecay, device, supports, gcn_bool, addaptadj, aptinit):
        self.model = gwnet(device, num_nodes, dropout, supports=supports, gcn_bool=gcn_bool, addaptadj=addaptadj, aptinit=aptinit, in_dim=in_dim, out_dim=seq_length, residual_channels=nhid, dilation_channels=nhid, skip_channels=nhid * 8, end_channels=nhid * 16)
        self.model.to(device)
        self.optimizer = optim.Adam(self.model.parameters(), lr=lrate, weight_decay=wdecay)
        self.loss = util.masked_mae
        self.scaler = scaler
        self.clip = 5

    def train(self, input, real_val):
        self.model.train()
        self.optimizer.zero_grad()
        input = nn.functional.pad(input,(1,0,0,0))
        output = self.model(input)
        output = output.transpose(1,3)
        #output = [batch_size,12,num_nodes,1]
        real = torch.unsqueeze(real_val,dim=1)
        predict = self.scaler.inverse_transform(output)

        loss = self.loss(predict, real, 0.0)
        loss.backward()
        if self.clip is not None:
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.clip)
        self.optimizer.step()
        mape = util.masked_mape(predict,real,0.0).item()
        rmse = util.masked_rmse(predict,real,0.0).item()
        return loss.item(),mape,rmse

    def eval(self, input, real_val):
        self.model.eval()
        input = nn.functional.pad(input,(1,0,0,0))
        output = self.model(input)
        output = output.transpose(1,3)
        #output = [batch_size,12,num_nodes,1]
        real = torch.unsqueeze(real_val,dim=1)
        predict = self.scaler.inverse_transform(output)
        loss = self.loss(predict, real, 0.0)
        mape = util.masked_mape(predict,real,0.0).item()
        rmse = util.masked_rmse(predict,real,0.0).item()
        return loss.item(),mape,rmse
'''  # noqa: E501


# model.py at SOURCE_COMMIT, verbatim
MODEL_PY = r'''import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable
import sys


class nconv(nn.Module):
    def __init__(self):
        super(nconv,self).__init__()

    def forward(self,x, A):
        x = torch.einsum('ncvl,vw->ncwl',(x,A))
        return x.contiguous()

class linear(nn.Module):
    def __init__(self,c_in,c_out):
        super(linear,self).__init__()
        self.mlp = torch.nn.Conv2d(c_in, c_out, kernel_size=(1, 1), padding=(0,0), stride=(1,1), bias=True)

    def forward(self,x):
        return self.mlp(x)

class gcn(nn.Module):
    def __init__(self,c_in,c_out,dropout,support_len=3,order=2):
        super(gcn,self).__init__()
        self.nconv = nconv()
        c_in = (order*support_len+1)*c_in
        self.mlp = linear(c_in,c_out)
        self.dropout = dropout
        self.order = order

    def forward(self,x,support):
        out = [x]
        for a in support:
            x1 = self.nconv(x,a)
            out.append(x1)
            for k in range(2, self.order + 1):
                x2 = self.nconv(x1,a)
                out.append(x2)
                x1 = x2

        h = torch.cat(out,dim=1)
        h = self.mlp(h)
        h = F.dropout(h, self.dropout, training=self.training)
        return h


class gwnet(nn.Module):
    def __init__(self, device, num_nodes, dropout=0.3, supports=None, gcn_bool=True, addaptadj=True, aptinit=None, in_dim=2,out_dim=12,residual_channels=32,dilation_channels=32,skip_channels=256,end_channels=512,kernel_size=2,blocks=4,layers=2):
        super(gwnet, self).__init__()
        self.dropout = dropout
        self.blocks = blocks
        self.layers = layers
        self.gcn_bool = gcn_bool
        self.addaptadj = addaptadj

        self.filter_convs = nn.ModuleList()
        self.gate_convs = nn.ModuleList()
        self.residual_convs = nn.ModuleList()
        self.skip_convs = nn.ModuleList()
        self.bn = nn.ModuleList()
        self.gconv = nn.ModuleList()

        self.start_conv = nn.Conv2d(in_channels=in_dim,
                                    out_channels=residual_channels,
                                    kernel_size=(1,1))
        self.supports = supports

        receptive_field = 1

        self.supports_len = 0
        if supports is not None:
            self.supports_len += len(supports)

        if gcn_bool and addaptadj:
            if aptinit is None:
                if supports is None:
                    self.supports = []
                self.nodevec1 = nn.Parameter(torch.randn(num_nodes, 10).to(device), requires_grad=True).to(device)
                self.nodevec2 = nn.Parameter(torch.randn(10, num_nodes).to(device), requires_grad=True).to(device)
                self.supports_len +=1
            else:
                if supports is None:
                    self.supports = []
                m, p, n = torch.svd(aptinit)
                initemb1 = torch.mm(m[:, :10], torch.diag(p[:10] ** 0.5))
                initemb2 = torch.mm(torch.diag(p[:10] ** 0.5), n[:, :10].t())
                self.nodevec1 = nn.Parameter(initemb1, requires_grad=True).to(device)
                self.nodevec2 = nn.Parameter(initemb2, requires_grad=True).to(device)
                self.supports_len += 1




        for b in range(blocks):
            additional_scope = kernel_size - 1
            new_dilation = 1
            for i in range(layers):
                # dilated convolutions
                self.filter_convs.append(nn.Conv2d(in_channels=residual_channels,
                                                   out_channels=dilation_channels,
                                                   kernel_size=(1,kernel_size),dilation=new_dilation))

                self.gate_convs.append(nn.Conv1d(in_channels=residual_channels,
                                                 out_channels=dilation_channels,
                                                 kernel_size=(1, kernel_size), dilation=new_dilation))

                # 1x1 convolution for residual connection
                self.residual_convs.append(nn.Conv1d(in_channels=dilation_channels,
                                                     out_channels=residual_channels,
                                                     kernel_size=(1, 1)))

                # 1x1 convolution for skip connection
                self.skip_convs.append(nn.Conv1d(in_channels=dilation_channels,
                                                 out_channels=skip_channels,
                                                 kernel_size=(1, 1)))
                self.bn.append(nn.BatchNorm2d(residual_channels))
                new_dilation *=2
                receptive_field += additional_scope
                additional_scope *= 2
                if self.gcn_bool:
                    self.gconv.append(gcn(dilation_channels,residual_channels,dropout,support_len=self.supports_len))



        self.end_conv_1 = nn.Conv2d(in_channels=skip_channels,
                                  out_channels=end_channels,
                                  kernel_size=(1,1),
                                  bias=True)

        self.end_conv_2 = nn.Conv2d(in_channels=end_channels,
                                    out_channels=out_dim,
                                    kernel_size=(1,1),
                                    bias=True)

        self.receptive_field = receptive_field



    def forward(self, input):
        in_len = input.size(3)
        if in_len<self.receptive_field:
            x = nn.functional.pad(input,(self.receptive_field-in_len,0,0,0))
        else:
            x = input
        x = self.start_conv(x)
        skip = 0

        # calculate the current adaptive adj matrix once per iteration
        new_supports = None
        if self.gcn_bool and self.addaptadj and self.supports is not None:
            adp = F.softmax(F.relu(torch.mm(self.nodevec1, self.nodevec2)), dim=1)
            new_supports = self.supports + [adp]

        # WaveNet layers
        for i in range(self.blocks * self.layers):

            #            |----------------------------------------|     *residual*
            #            |                                        |
            #            |    |-- conv -- tanh --|                |
            # -> dilate -|----|                  * ----|-- 1x1 -- + -->	*input*
            #                 |-- conv -- sigm --|     |
            #                                         1x1
            #                                          |
            # ---------------------------------------> + ------------->	*skip*

            #(dilation, init_dilation) = self.dilations[i]

            #residual = dilation_func(x, dilation, init_dilation, i)
            residual = x
            # dilated convolution
            filter = self.filter_convs[i](residual)
            filter = torch.tanh(filter)
            gate = self.gate_convs[i](residual)
            gate = torch.sigmoid(gate)
            x = filter * gate

            # parametrized skip connection

            s = x
            s = self.skip_convs[i](s)
            try:
                skip = skip[:, :, :,  -s.size(3):]
            except:
                skip = 0
            skip = s + skip


            if self.gcn_bool and self.supports is not None:
                if self.addaptadj:
                    x = self.gconv[i](x, new_supports)
                else:
                    x = self.gconv[i](x,self.supports)
            else:
                x = self.residual_convs[i](x)

            x = x + residual[:, :, :, -x.size(3):]


            x = self.bn[i](x)

        x = F.relu(skip)
        x = F.relu(self.end_conv_1(x))
        x = self.end_conv_2(x)
        return x





'''  # noqa: E501


# util.py at SOURCE_COMMIT, verbatim
UTIL_PY = r'''import pickle
import numpy as np
import os
import scipy.sparse as sp
import torch
from scipy.sparse import linalg


class DataLoader(object):
    def __init__(self, xs, ys, batch_size, pad_with_last_sample=True):
        """
        :param xs:
        :param ys:
        :param batch_size:
        :param pad_with_last_sample: pad with the last sample to make number of samples divisible to batch_size.
        """
        self.batch_size = batch_size
        self.current_ind = 0
        if pad_with_last_sample:
            num_padding = (batch_size - (len(xs) % batch_size)) % batch_size
            x_padding = np.repeat(xs[-1:], num_padding, axis=0)
            y_padding = np.repeat(ys[-1:], num_padding, axis=0)
            xs = np.concatenate([xs, x_padding], axis=0)
            ys = np.concatenate([ys, y_padding], axis=0)
        self.size = len(xs)
        self.num_batch = int(self.size // self.batch_size)
        self.xs = xs
        self.ys = ys

    def shuffle(self):
        permutation = np.random.permutation(self.size)
        xs, ys = self.xs[permutation], self.ys[permutation]
        self.xs = xs
        self.ys = ys

    def get_iterator(self):
        self.current_ind = 0

        def _wrapper():
            while self.current_ind < self.num_batch:
                start_ind = self.batch_size * self.current_ind
                end_ind = min(self.size, self.batch_size * (self.current_ind + 1))
                x_i = self.xs[start_ind: end_ind, ...]
                y_i = self.ys[start_ind: end_ind, ...]
                yield (x_i, y_i)
                self.current_ind += 1

        return _wrapper()

class StandardScaler():
    """
    Standard the input
    """

    def __init__(self, mean, std):
        self.mean = mean
        self.std = std

    def transform(self, data):
        return (data - self.mean) / self.std

    def inverse_transform(self, data):
        return (data * self.std) + self.mean



def sym_adj(adj):
    """Symmetrically normalize adjacency matrix."""
    adj = sp.coo_matrix(adj)
    rowsum = np.array(adj.sum(1))
    d_inv_sqrt = np.power(rowsum, -0.5).flatten()
    d_inv_sqrt[np.isinf(d_inv_sqrt)] = 0.
    d_mat_inv_sqrt = sp.diags(d_inv_sqrt)
    return adj.dot(d_mat_inv_sqrt).transpose().dot(d_mat_inv_sqrt).astype(np.float32).todense()

def asym_adj(adj):
    adj = sp.coo_matrix(adj)
    rowsum = np.array(adj.sum(1)).flatten()
    d_inv = np.power(rowsum, -1).flatten()
    d_inv[np.isinf(d_inv)] = 0.
    d_mat= sp.diags(d_inv)
    return d_mat.dot(adj).astype(np.float32).todense()

def calculate_normalized_laplacian(adj):
    """
    # L = D^-1/2 (D-A) D^-1/2 = I - D^-1/2 A D^-1/2
    # D = diag(A 1)
    :param adj:
    :return:
    """
    adj = sp.coo_matrix(adj)
    d = np.array(adj.sum(1))
    d_inv_sqrt = np.power(d, -0.5).flatten()
    d_inv_sqrt[np.isinf(d_inv_sqrt)] = 0.
    d_mat_inv_sqrt = sp.diags(d_inv_sqrt)
    normalized_laplacian = sp.eye(adj.shape[0]) - adj.dot(d_mat_inv_sqrt).transpose().dot(d_mat_inv_sqrt).tocoo()
    return normalized_laplacian

def calculate_scaled_laplacian(adj_mx, lambda_max=2, undirected=True):
    if undirected:
        adj_mx = np.maximum.reduce([adj_mx, adj_mx.T])
    L = calculate_normalized_laplacian(adj_mx)
    if lambda_max is None:
        lambda_max, _ = linalg.eigsh(L, 1, which='LM')
        lambda_max = lambda_max[0]
    L = sp.csr_matrix(L)
    M, _ = L.shape
    I = sp.identity(M, format='csr', dtype=L.dtype)
    L = (2 / lambda_max * L) - I
    return L.astype(np.float32).todense()

def load_pickle(pickle_file):
    try:
        with open(pickle_file, 'rb') as f:
            pickle_data = pickle.load(f)
    except UnicodeDecodeError as e:
        with open(pickle_file, 'rb') as f:
            pickle_data = pickle.load(f, encoding='latin1')
    except Exception as e:
        print('Unable to load data ', pickle_file, ':', e)
        raise
    return pickle_data

def load_adj(pkl_filename, adjtype):
    sensor_ids, sensor_id_to_ind, adj_mx = load_pickle(pkl_filename)
    if adjtype == "scalap":
        adj = [calculate_scaled_laplacian(adj_mx)]
    elif adjtype == "normlap":
        adj = [calculate_normalized_laplacian(adj_mx).astype(np.float32).todense()]
    elif adjtype == "symnadj":
        adj = [sym_adj(adj_mx)]
    elif adjtype == "transition":
        adj = [asym_adj(adj_mx)]
    elif adjtype == "doubletransition":
        adj = [asym_adj(adj_mx), asym_adj(np.transpose(adj_mx))]
    elif adjtype == "identity":
        adj = [np.diag(np.ones(adj_mx.shape[0])).astype(np.float32)]
    else:
        error = 0
        assert error, "adj type not defined"
    return sensor_ids, sensor_id_to_ind, adj


def load_dataset(dataset_dir, batch_size, valid_batch_size= None, test_batch_size=None):
    data = {}
    for category in ['train', 'val', 'test']:
        cat_data = np.load(os.path.join(dataset_dir, category + '.npz'))
        data['x_' + category] = cat_data['x']
        data['y_' + category] = cat_data['y']
    scaler = StandardScaler(mean=data['x_train'][..., 0].mean(), std=data['x_train'][..., 0].std())
    # Data format
    for category in ['train', 'val', 'test']:
        data['x_' + category][..., 0] = scaler.transform(data['x_' + category][..., 0])
    data['train_loader'] = DataLoader(data['x_train'], data['y_train'], batch_size)
    data['val_loader'] = DataLoader(data['x_val'], data['y_val'], valid_batch_size)
    data['test_loader'] = DataLoader(data['x_test'], data['y_test'], test_batch_size)
    data['scaler'] = scaler
    return data

def masked_mse(preds, labels, null_val=np.nan):
    if np.isnan(null_val):
        mask = ~torch.isnan(labels)
    else:
        mask = (labels!=null_val)
    mask = mask.float()
    mask /= torch.mean((mask))
    mask = torch.where(torch.isnan(mask), torch.zeros_like(mask), mask)
    loss = (preds-labels)**2
    loss = loss * mask
    loss = torch.where(torch.isnan(loss), torch.zeros_like(loss), loss)
    return torch.mean(loss)

def masked_rmse(preds, labels, null_val=np.nan):
    return torch.sqrt(masked_mse(preds=preds, labels=labels, null_val=null_val))


def masked_mae(preds, labels, null_val=np.nan):
    if np.isnan(null_val):
        mask = ~torch.isnan(labels)
    else:
        mask = (labels!=null_val)
    mask = mask.float()
    mask /=  torch.mean((mask))
    mask = torch.where(torch.isnan(mask), torch.zeros_like(mask), mask)
    loss = torch.abs(preds-labels)
    loss = loss * mask
    loss = torch.where(torch.isnan(loss), torch.zeros_like(loss), loss)
    return torch.mean(loss)


def masked_mape(preds, labels, null_val=np.nan):
    if np.isnan(null_val):
        mask = ~torch.isnan(labels)
    else:
        mask = (labels!=null_val)
    mask = mask.float()
    mask /=  torch.mean((mask))
    mask = torch.where(torch.isnan(mask), torch.zeros_like(mask), mask)
    loss = torch.abs(preds-labels)/labels
    loss = loss * mask
    loss = torch.where(torch.isnan(loss), torch.zeros_like(loss), loss)
    return torch.mean(loss)


def metric(pred, real):
    mae = masked_mae(pred,real,0.0).item()
    mape = masked_mape(pred,real,0.0).item()
    rmse = masked_rmse(pred,real,0.0).item()
    return mae,mape,rmse


'''  # noqa: E501


FILES = {
    "train.py": (TRAIN_PY, "9e1cf63a1a18e3b2d4ec2fc56fe43be9f8207169"),
    "engine.py": (ENGINE_PY, "9fcd9339062985c9a83783d52d87a4c6d0bf2c04"),
    "model.py": (MODEL_PY, "37108786856a6a5da8bb9bb63f1f69835110d9df"),
    "util.py": (UTIL_PY, "d41afd7682b7c6e8675dae5cecb1e4fe6318302b"),
}


if __name__ == "__main__":
    main()
