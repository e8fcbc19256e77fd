"""Ultralytics RT-DETR detect: rtdetr-l.yaml through ``RTDETR`` (giou/cls/l1 losses),
synthetic shapes, 3 epochs on CPU."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("rtdetr-l.yaml", "detect", model_class="RTDETR")
