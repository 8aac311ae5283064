#!/usr/bin/python3
"""The ddsp-ts benchmark workload in PyTorch (the peer), same semantics and data.

Reads the controls, noise and target written by `ddsp bench` (src/bench) from DIR,
times (a) the synth forward under no_grad and (b) synth + multi-scale spectral
loss + backward w.r.t. the four controls, and prints one JSON object.

Semantics (as ddsp-ts, see src/synths/harmonic.ts, src/dsp/resample.ts,
src/dsp/fir.ts, src/dsp/convolve.ts, src/losses/spectral.ts):
  harmonic: a = exp_sigmoid(amp), c = exp_sigmoid(dist), c_k = 0 where k*f0 >= sr/2,
    c /= sum(c); f_k = k*f0 upsampled linearly (src = t*F/T, last frame held),
    A_k = a*c_k upsampled with raised-cosine windows (hop T/F);
    y = sum_k A_k [f_k < sr/2] sin(2pi/sr cumsum_t f_k)   (phase as ddsp_pytorch: one float32 cumsum)
  filtered noise: mags = exp_sigmoid(raw - 5) -> irfft (128 taps), rolled by 64, periodic Hann;
    the noise cut in 1000 frames of 64, each convolved with its IR by FFT (256),
    overlap-added, cropped from tap 64
  loss: sizes 2048..64, hop n/4, periodic Hann, end-padded frames, no centring,
    sum_n mean|S_t - S_p| + mean|log(S_t + 1e-7) - log(S_p + 1e-7)|;
    the target's spectrograms are computed once, outside the timed step (ddsp-ts
    hoists them out of its training program the same way).

Each case also reports the median minor page faults per call (getrusage, the
whole process), and the output names the allocator the process runs with
("jemalloc" when libjemalloc is mapped, e.g. by LD_PRELOAD from
`ddsp bench --torch-allocator jemalloc`, else "glibc malloc").

Run: /usr/bin/python3 bench/torch_workload.py DIR [--runs 10] [--threads 2]
"""
import argparse
import json
import math
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as Fn


def exp_sigmoid(x):
    return 2.0 * torch.sigmoid(x) ** math.log(10.0) + 1e-7


def upsample_linear(x, T):
    F = x.shape[1]
    t = torch.arange(T, dtype=torch.float64)
    i0 = torch.floor(t * F / T).long()
    i1 = torch.clamp(i0 + 1, max=F - 1)
    w = ((t * F - i0 * T) / T).float()[None, :, None]
    a = x[:, i0]
    return a + (x[:, i1] - a) * w


def upsample_window(x, T):
    F = x.shape[1]
    hop = T // F
    t = torch.arange(T)
    i0 = t // hop
    i1 = torch.clamp(i0 + 1, max=F - 1)
    w = ((1 - torch.cos(math.pi * (t - i0 * hop).double() / hop)) / 2).float()[None, :, None]
    a = x[:, i0]
    return a + (x[:, i1] - a) * w


def harmonic(f0, amp, dist, T, sr, phase64=False):
    K = dist.shape[-1]
    k = torch.arange(1, K + 1, dtype=torch.float32)
    a = exp_sigmoid(amp)
    c = exp_sigmoid(dist)
    fk = f0 * k
    c = c * (fk < sr / 2)
    tot = c.sum(-1, keepdim=True)
    c = c / torch.where(tot > 0, tot, torch.full_like(tot, 1e-7))
    fu = upsample_linear(fk, T)
    au = upsample_window(a * c, T)
    if phase64:  # one float64 cumsum of f0, wrapped to [0, 2pi), times k: exact to ~k * 2.4e-7 rad, as ddsp-ts's float64 phase
        phase = torch.cumsum(upsample_linear(f0, T).double() * (2 * math.pi / sr), dim=1).remainder(2 * math.pi).float() * k
    else:
        phase = torch.cumsum(fu * (2 * math.pi / sr), dim=1)
    return (au * (fu < sr / 2) * torch.sin(phase)).sum(-1)


def filtered_noise(raw, noise):
    B, F, M = raw.shape
    N = noise.shape[1]
    L = 2 * (M - 1)
    mags = exp_sigmoid(raw - 5.0)
    h0 = torch.fft.irfft(torch.complex(mags, torch.zeros_like(mags)), n=L)
    k = torch.arange(L)
    idx = (k - L // 2) % L
    win = 0.5 + 0.5 * torch.cos(2 * math.pi * (k - L // 2) / L)
    ir = h0[..., idx] * win
    hop = -(-N // F)
    n = 1 << math.ceil(math.log2(hop + L - 1))
    frames = Fn.pad(noise, (0, F * hop - N)).reshape(B, F, hop)
    wet = torch.fft.irfft(torch.fft.rfft(frames, n) * torch.fft.rfft(ir, n), n)[..., : hop + L - 1]
    full = Fn.fold(wet.transpose(1, 2), output_size=(1, (F - 1) * hop + hop + L - 1), kernel_size=(1, hop + L - 1), stride=(1, hop))
    return full.reshape(B, -1)[:, L // 2 : L // 2 + N]


def mags(x, n):
    hop = n // 4
    frames = -(-x.shape[-1] // hop)
    xp = Fn.pad(x, (0, (frames - 1) * hop + n - x.shape[-1]))
    return torch.stft(xp, n, hop, window=torch.hann_window(n), center=False, return_complex=True).abs()


SIZES = [2048, 1024, 512, 256, 128, 64]


def target_spectra(target):
    with torch.no_grad():
        return [(t, torch.log(t + 1e-7)) for t in (mags(target, n) for n in SIZES)]


def mss(pred, tspec):
    loss = 0.0
    for n, (t, lt) in zip(SIZES, tspec):
        p = mags(pred, n)
        loss = loss + (t - p).abs().mean() + (lt - torch.log(p + 1e-7)).abs().mean()
    return loss


def minor_faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def allocator():
    with open("/proc/self/maps") as f:
        return "jemalloc" if "libjemalloc" in f.read() else "glibc malloc"


def timed(fn, runs):
    fn()
    ts, faults = [], []
    for _ in range(runs):
        f0 = minor_faults()
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1e3)
        faults.append(minor_faults() - f0)
    return {"median_ms": statistics.median(ts), "min_ms": min(ts), "max_ms": max(ts), "runs": runs, "minor_faults": statistics.median(faults)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    meta = json.load(open(os.path.join(a.dir, "meta.json")))
    d = {k: torch.from_numpy(np.fromfile(os.path.join(a.dir, k + ".f32"), dtype=np.float32).reshape(s)) for k, s in meta["shapes"].items()}
    sr, T = meta["sample_rate"], meta["samples"]
    names = ["f0", "amp", "dist", "noise"]

    def synth(c):
        return harmonic(c["f0"], c["amp"], c["dist"], T, sr) + filtered_noise(c["noise"], d["white"])

    def forward():
        with torch.no_grad():
            return synth(d)

    ctrl = {k: d[k].clone().requires_grad_(True) for k in names}
    tspec = target_spectra(d["target"])

    def step():
        for v in ctrl.values():
            v.grad = None
        loss = mss(synth(ctrl), tspec)
        loss.backward()
        return loss

    out = {"impl": "torch-" + torch.__version__, "threads": torch.get_num_threads(), "allocator": allocator(), "loss": float(step())}
    out["grad_norms"] = {k: float(v.grad.norm()) for k, v in ctrl.items()}
    out["cases"] = {"forward": timed(forward, a.runs), "train": timed(step, a.runs)}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
