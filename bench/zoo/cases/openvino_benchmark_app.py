"""OpenVINO's ``benchmark_app`` (the tool Intel's and Hugging Face optimum-intel's notebooks
run to measure a model before and after quantization) on a two-layer MLP written as an
ONNX graph on the spot (nothing downloaded): ``benchmark_app -m mlp.onnx -d CPU -api sync
-niter 30 -report_type no_counters -report_folder .``. It prints its eleven stages
(``[Step 4/11] Reading model files``), ``[ INFO ]`` records of the device's properties and
start-up timings (``Read model took 95.21 ms``), then the statistics: ``Duration:``,
``Latency:`` over its ``Median``/``Average``/``Min``/``Max`` lines, ``Throughput:``.

Truth: the statistics report it writes (``benchmark_report.csv``, "Execution results"):
``total execution time (ms)``, ``latency (ms)`` (the median), ``avg latency``, ``min
latency``, ``max latency``, ``throughput``, named as the printed lines name them
(``Duration``, ``Latency_Median``, ... as docs/metrics.md reads a statistic under its
quantity's heading), to the two decimals both print. The stages are no steps (one
benchmark, no step); the start-up timings (read, compile, first inference) are one-off
readings, in neither list; ``Count: 30 iterations`` is a count.

# zoo-venv: openvino
"""

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import onnx
from _truth import write_truth
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(0)
weights = [numpy_helper.from_array(rng.normal(size=shape).astype("float32"), name)
           for name, shape in (("w1", (2048, 4096)), ("w2", (4096, 2048)))]
graph = helper.make_graph(
    [helper.make_node("MatMul", ["x", "w1"], ["h"]), helper.make_node("Relu", ["h"], ["r"]),
     helper.make_node("MatMul", ["r", "w2"], ["y"])], "mlp",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [32, 2048])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [32, 2048])], weights)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
model.ir_version = 8
onnx.save(model, "mlp.onnx")
APP = str(Path(sys.executable).parent / "benchmark_app")  # (the venv's, not on PATH)
subprocess.run([APP, "-m", "mlp.onnx", "-d", "CPU", "-api", "sync", "-niter", "30",
                "-report_type", "no_counters", "-report_folder", "."], check=True)

rows = dict(line.split(";", 1) for line in Path("benchmark_report.csv").read_text().splitlines()
            if line.count(";") == 1)
NAMES = {"Duration": "total execution time (ms)", "Latency_Median": "latency (ms)",
         "Latency_Average": "avg latency", "Latency_Min": "min latency",
         "Latency_Max": "max latency", "Throughput": "throughput"}
write_truth("openvino benchmark_app", version("openvino"),
            "benchmark_report.csv 'Execution results' (-report_type no_counters)",
            {name: {"key": "step", "values": [[None, float(rows[row])]], "tolerance": 0.005}
             for name, row in NAMES.items()})
