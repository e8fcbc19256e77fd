"""Ultralytics YOLO classify, then ``model.val()`` (yolo26n-cls.yaml, synthetic red/green
images in class folders, 3 epochs on CPU): top-1 and top-5 accuracy once more."""

import _yolo_data

if __name__ == "__main__":
    _yolo_data.train("yolo26n-cls.yaml", "classify", lr0=0.01, validate=True)
