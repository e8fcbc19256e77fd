"""Ultralytics YOLO detect with YOLO26: yolo26n.yaml, the 8.4 default detector (end-to-end,
no NMS), synthetic shapes, 3 epochs on CPU. Its loss columns differ from YOLO11's."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo26n.yaml", "detect")
