"""Ultralytics YOLO classify: yolo26n-cls.yaml (the 8.4 default), synthetic red/green
images in class folders, 3 epochs on CPU."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo26n-cls.yaml", "classify", lr0=0.01)
