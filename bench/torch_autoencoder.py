#!/usr/bin/python3
"""The DDSP autoencoder training step in PyTorch (the peer of ddsp-ts's `bench` autoencoder case).

Reads from DIR what `ddsp bench` (src/bench/autoencoder.ts) writes: the config, the initial
weights by ddsp-ts param name, f0 (Hz) and loudness (dB) [B, F, 1], the filtered noise's white
noise and the target audio [B, N]; times one training step (forward + multi-scale spectral loss
+ backward to every weight) and prints one JSON object (loss, gradient norm per ddsp-ts param,
median/min/max ms and minor page faults per step, allocator).

The model, transcribed from src/models/autoencoder.ts, decoder.ts, src/nn/*:
  x = [hz_to_midi(f0)/127, ld/80 + 1]                 hz_to_midi(f) = 12 log2(max(f, 1e-5)/440) + 69 (0 below 1e-30)
  s_i = FcStack_i(x_i), FcStack = layers x (dense -> layer norm (eps 1e-3) -> leaky ReLU 0.2)
  h = GRU([s_0, s_1])  (nn.GRU: gates r, z, n as ddsp-ts's gru; W = weight_ih^T, U = weight_hh^T)
  y = Dense(FcStack_out([s_0, s_1, h]))  -> amp (1), harmonic logits (K), noise logits (M)
  audio = reverb(harmonic(f0, amp, dist) + filtered_noise(noise logits), ir)
  reverb: ir[0] = 0, causal FFT convolution cropped to N, plus the dry signal
  harmonic phase: one float64 cumsum of f0 wrapped to [0, 2pi), times k (ddsp-ts accumulates the phase
    in float64; the standard workload's float32 cumsum of k*f0 drifts by ~k * 1e-3 rad after 4 s, which
    moved this loss by 0.8 %; the float64 one agrees to 4e-7)
  loss = the standard workload's MSS (bench/torch_workload.py), target spectra computed once.

Run: /usr/bin/python3 bench/torch_autoencoder.py DIR [--runs 10] [--threads 2]
"""
import argparse
import json
import math
import os
import resource
import sys

import numpy as np
import torch
import torch.nn.functional as Fn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_workload import allocator, filtered_noise, harmonic, mss, target_spectra, timed  # noqa: E402


def hz_to_midi(f):
    m = 12 * torch.log2(torch.clamp(f, min=1e-5) / 440.0) + 69
    return torch.where(f < 1e-30, torch.zeros_like(m), m)


def fc_stack(P, prefix, x, layers):
    for i in range(layers):
        x = x @ P[f"{prefix}/fc{i}/w"] + P[f"{prefix}/fc{i}/b"]
        x = Fn.layer_norm(x, (x.shape[-1],), P[f"{prefix}/ln{i}/gamma"], P[f"{prefix}/ln{i}/beta"], eps=1e-3)
        x = Fn.leaky_relu(x, 0.2)
    return x


def reverb(x, ir):
    N, L = x.shape[-1], ir.shape[-1]
    ir = torch.cat([torch.zeros_like(ir[:, :1]), ir[:, 1:]], 1)
    n = 1 << math.ceil(math.log2(N + L - 1))
    wet = torch.fft.irfft(torch.fft.rfft(x, n) * torch.fft.rfft(ir, n), n)[..., :N]
    return wet + x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    meta = json.load(open(os.path.join(a.dir, "meta.json")))
    c = meta["config"]
    load = lambda name, shape: torch.from_numpy(np.fromfile(os.path.join(a.dir, name), dtype=np.float32).reshape(shape))  # noqa: E731
    d = {k: load(k + ".f32", s) for k, s in meta["shapes"].items()}
    P = {p["name"]: load(p["file"], p["shape"]).requires_grad_(True) for p in meta["params"]}
    H, R, layers, K = c["hidden"], c["rnn"], c["layers"], c["harmonics"]
    gru = torch.nn.GRU(2 * H, R, batch_first=True)
    with torch.no_grad():
        gru.weight_ih_l0.copy_(P["dec/gru/w"].T)
        gru.weight_hh_l0.copy_(P["dec/gru/u"].T)
        gru.bias_ih_l0.copy_(P["dec/gru/b"])
        gru.bias_hh_l0.copy_(P["dec/gru/c"])
    # the GRU trains through nn.GRU's own (fused) parameters; the others are leaves in P
    leaves = {k: v for k, v in P.items() if not k.startswith("dec/gru/")}
    gru_of = {"dec/gru/w": gru.weight_ih_l0, "dec/gru/u": gru.weight_hh_l0, "dec/gru/b": gru.bias_ih_l0, "dec/gru/c": gru.bias_hh_l0}
    T, sr = meta["samples"], c["sampleRate"]
    f0, ld = d["f0"], d["loudness"]

    def model():
        x = torch.cat([hz_to_midi(f0) / 127, ld / 80 + 1], 2)
        s = [fc_stack(P, f"dec/in{i}", x[..., i : i + 1], layers) for i in range(2)]
        h, _ = gru(torch.cat(s, 2))
        y = fc_stack(P, "dec/out", torch.cat(s + [h], 2), layers) @ P["dec/out/out/w"] + P["dec/out/out/b"]
        amp, dist, bands = y[..., :1], y[..., 1 : 1 + K], y[..., 1 + K :]
        dry = harmonic(f0, amp, dist, T, sr, phase64=True) + filtered_noise(bands, d["white"])
        return reverb(dry, P["reverb/ir"])

    tspec = target_spectra(d["target"])

    def step():
        for v in list(leaves.values()) + list(gru_of.values()):
            v.grad = None
        loss = mss(model(), tspec)
        loss.backward()
        return loss

    out = {"impl": "torch-" + torch.__version__, "threads": torch.get_num_threads(), "allocator": allocator(), "loss": float(step())}
    grads = {k: v.grad for k, v in leaves.items()} | {k: v.grad for k, v in gru_of.items()}
    out["grad_norms"] = {k: float(g.norm()) if g is not None else 0.0 for k, g in grads.items()}
    out["cases"] = {"train": timed(step, a.runs)}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
