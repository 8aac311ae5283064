"""The PyTorch peer of `npm run bench:filters`: a bank of biquads with
torchaudio.functional.lfilter (clamp=False, batching=True) on the same data,
forward and forward + backward (w.r.t. the input and the coefficients).

Usage: python3 torch_filter_bank.py DIR --runs N --threads N
DIR holds x.f32 [batch, T], coeffs.f32 [filters, 5] (b0 b1 b2 a1 a2), w.f32
[batch, filters, T] and meta.json; prints one JSON document.
"""
import argparse
import json
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch
import torchaudio.functional as AF


def timing(f, runs):
    f()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        f()
        ts.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": statistics.median(ts), "min_ms": min(ts), "max_ms": max(ts), "runs": runs}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    meta = json.load(open(os.path.join(a.dir, "meta.json")))
    B, F, T = meta["batch"], meta["filters"], meta["samples"]
    load = lambda n, s: torch.from_numpy(np.fromfile(os.path.join(a.dir, n), dtype=np.float32).reshape(s))
    x0 = load("x.f32", (B, T))
    c0 = load("coeffs.f32", (F, 5))
    w = load("w.f32", (B, F, T))

    def run(backward):
        x = x0.clone().requires_grad_(backward)
        c = c0.clone().requires_grad_(backward)
        b = c[:, 0:3]
        aa = torch.cat([torch.ones(F, 1), c[:, 3:5]], 1)
        y = AF.lfilter(x.unsqueeze(1).expand(B, F, T), aa, b, clamp=False, batching=True)
        loss = (y * w).sum()
        if backward:
            loss.backward()
            return loss.item(), x.grad, c.grad
        return loss.item(), None, None

    loss, gx, gc = run(True)
    out = {
        "impl": f"torch {torch.__version__} torchaudio lfilter, {a.threads} thread(s)",
        "threads": a.threads,
        "loss": loss,
        "grad_x_norm": float(gx.norm()),
        "forward": timing(lambda: run(False), a.runs),
        "train": timing(lambda: run(True), a.runs),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
