;; The filtered-noise voice's kernels (src/realtime/noise-voice.ts, wasm/noise.ts): `fir` below, then `uniform` (its
;; noise values) and `expsig` (its band gains).
;; `fir`: the time-varying FIR in wasm SIMD (f64x2), direct form
;;   y[u] = Σ_v h_{seg(v)}[u − v]·x[v],  u − len < v ≤ u
;; (direct convolution, Oppenheim & Schafer, "Discrete-Time Signal Processing", eq. 2.49, with taps that change
;; with the segment seg(v) of the input value: every `hop` values). Outputs are computed 8 at a time with the
;; lanes as outputs: for each input v of the group's window (len + 7 values), x[v] is splatted and multiplied
;; by the tap pairs (h[u₀−v], h[u₀+1−v]), … of output pairs (0,1) … (6,7): one load of x serves 4 vector
;; multiply-adds, and all 8 outputs use the same segment's taps for a given v, so the window is cut only where
;; segments change. Even and odd v go to separate accumulators (8 independent chains).
;; Pointers are byte offsets into the imported memory: out f32[n rounded up to 8] (the outputs past n are
;; scratch); x f64, x[i] is the window start of output i (so output i reads x[i … i + len)), valid up to
;; x[n₈ + len − 2]; ptrs i32[], the byte address of h[0] of segment j's taps, each padded with 8 zeros before
;; and after (h[−8 … −1] = h[len … len + 7] = 0); segment 0 holds x[0] at position r0 (0 ≤ r0 < hop),
;; segment j covers x[j·hop − r0 …).
(module
  (import "env" "memory" (memory 1))
  (func (export "fir") (param $out i32) (param $n i32) (param $x i32) (param $ptrs i32) (param $r0 i32) (param $hop i32) (param $len i32)
    (local $i i32) (local $jw i32) (local $rw i32) (local $p i32) (local $j i32) (local $r i32) (local $m i32) (local $span i32)
    (local $tp i32) (local $tq i32) (local $xp i32) (local $e i32) (local $o i32) (local $xs v128) (local $xt v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local.set $rw (local.get $r0))
    (local.set $span (i32.add (local.get $len) (i32.const 7)))
    (block $done
      (loop $groups
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a0 (v128.const i64x2 0 0)) (local.set $a1 (v128.const i64x2 0 0)) (local.set $a2 (v128.const i64x2 0 0)) (local.set $a3 (v128.const i64x2 0 0)) (local.set $b0 (v128.const i64x2 0 0)) (local.set $b1 (v128.const i64x2 0 0)) (local.set $b2 (v128.const i64x2 0 0)) (local.set $b3 (v128.const i64x2 0 0))
        (local.set $p (i32.const 0))
        (local.set $j (local.get $jw))
        (local.set $r (local.get $rw))
        (loop $pieces
          ;; m = min(hop − r, len + 7 − p) inputs of this segment; tp = &h[len − 1 − p] (output 0's tap for x[i + p])
          (local.set $m (i32.sub (local.get $hop) (local.get $r)))
          (if (i32.gt_u (local.get $m) (i32.sub (local.get $span) (local.get $p)))
            (then (local.set $m (i32.sub (local.get $span) (local.get $p)))))
          (local.set $tp (i32.add (i32.load (i32.add (local.get $ptrs) (i32.shl (local.get $j) (i32.const 2))))
            (i32.shl (i32.sub (i32.sub (local.get $len) (i32.const 1)) (local.get $p)) (i32.const 3))))
          (local.set $xp (i32.add (local.get $x) (i32.shl (i32.add (local.get $i) (local.get $p)) (i32.const 3))))
          (local.set $e (i32.add (local.get $xp) (i32.shl (local.get $m) (i32.const 3))))
          (block $b2
            (loop $l2
              (br_if $b2 (i32.gt_u (i32.add (local.get $xp) (i32.const 16)) (local.get $e)))
              (local.set $xs (v128.load64_splat (local.get $xp)))
              (local.set $xt (v128.load64_splat offset=8 (local.get $xp)))
              (local.set $tq (i32.sub (local.get $tp) (i32.const 8)))
              (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $xs) (v128.load offset=0 (local.get $tp)))))
              (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $xs) (v128.load offset=16 (local.get $tp)))))
              (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $xs) (v128.load offset=32 (local.get $tp)))))
              (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $xs) (v128.load offset=48 (local.get $tp)))))
              (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $xt) (v128.load offset=0 (local.get $tq)))))
              (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $xt) (v128.load offset=16 (local.get $tq)))))
              (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $xt) (v128.load offset=32 (local.get $tq)))))
              (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $xt) (v128.load offset=48 (local.get $tq)))))
              (local.set $xp (i32.add (local.get $xp) (i32.const 16)))
              (local.set $tp (i32.sub (local.get $tp) (i32.const 16)))
              (br $l2)))
          (if (i32.lt_u (local.get $xp) (local.get $e))
            (then
              (local.set $xs (v128.load64_splat (local.get $xp)))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $xs) (v128.load offset=0 (local.get $tp)))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $xs) (v128.load offset=16 (local.get $tp)))))
            (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $xs) (v128.load offset=32 (local.get $tp)))))
            (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $xs) (v128.load offset=48 (local.get $tp)))))))
          (local.set $p (i32.add (local.get $p) (local.get $m)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (local.set $r (i32.const 0))
          (br_if $pieces (i32.lt_u (local.get $p) (local.get $span))))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))))
        (f32.store offset=0 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 0 (f64x2.add (local.get $a0) (local.get $b0)))))
        (f32.store offset=4 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 1 (f64x2.add (local.get $a0) (local.get $b0)))))
        (f32.store offset=8 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 0 (f64x2.add (local.get $a1) (local.get $b1)))))
        (f32.store offset=12 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 1 (f64x2.add (local.get $a1) (local.get $b1)))))
        (f32.store offset=16 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 0 (f64x2.add (local.get $a2) (local.get $b2)))))
        (f32.store offset=20 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 1 (f64x2.add (local.get $a2) (local.get $b2)))))
        (f32.store offset=24 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 0 (f64x2.add (local.get $a3) (local.get $b3)))))
        (f32.store offset=28 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 1 (f64x2.add (local.get $a3) (local.get $b3)))))
        ;; the next group's window starts 8 inputs later
        (local.set $rw (i32.add (local.get $rw) (i32.const 8)))
        (block $seg
          (loop $next
            (br_if $seg (i32.lt_u (local.get $rw) (local.get $hop)))
            (local.set $rw (i32.sub (local.get $rw) (local.get $hop)))
            (local.set $jw (i32.add (local.get $jw) (i32.const 1)))
            (br $next)))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $groups)))
  )

  ;; The noise values of src/core/random.ts, bit for bit: dst[j] = uniformAt(seed, i), i = hi·2³² + lo + j (lo + j < 2³²):
  ;; bits = fmix32(i·0x9e3779b9 + fmix32(seed ^ 0x5bd1e995) + hi) (murmur3 finaliser on a Weyl sequence, mod 2³²),
  ;; value = 2·(bits >>> 8)/2²⁴ − 1.
  (func (export "uniform") (param $dst i32) (param $n i32) (param $lo i32) (param $hi i32) (param $seed i32)
    (local $k i32) (local $h i32) (local $end i32)
    (local.set $k (i32.xor (local.get $seed) (i32.const 0x5bd1e995)))
    (local.set $k (i32.xor (local.get $k) (i32.shr_u (local.get $k) (i32.const 16))))
        (local.set $k (i32.mul (local.get $k) (i32.const 0x85ebca6b)))
        (local.set $k (i32.xor (local.get $k) (i32.shr_u (local.get $k) (i32.const 13))))
        (local.set $k (i32.mul (local.get $k) (i32.const 0xc2b2ae35)))
        (local.set $k (i32.xor (local.get $k) (i32.shr_u (local.get $k) (i32.const 16))))
    (local.set $k (i32.add (local.get $k) (local.get $hi)))
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $values
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (local.set $h (i32.add (i32.mul (local.get $lo) (i32.const 0x9e3779b9)) (local.get $k)))
        (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
        (local.set $h (i32.mul (local.get $h) (i32.const 0x85ebca6b)))
        (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))))
        (local.set $h (i32.mul (local.get $h) (i32.const 0xc2b2ae35)))
        (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
        (f64.store (local.get $dst) (f64.sub (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $h) (i32.const 8))) (f64.const 0x1p-23)) (f64.const 1)))
        (local.set $lo (i32.add (local.get $lo) (i32.const 1)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
        (br $values)))
  )

  ;; The voice's band gains, ddsp's exp-sigmoid (src/realtime/frames.ts expSigmoid, exponent 10, max 2, threshold 1e-7),
  ;; two bands per f64x2 (n even; the caller pads):
  ;;   dst[k] = 2·exp(−ln10·softplus(z)) + 1e-7,  z = −(src[k] + bias),  softplus(z) = max(z, 0) + log(1 + exp(−|z|)),
  ;; with exp and log of our own (wasm has neither), to ≈2e-15 relative (tested against expSigmoid):
  ;;   exp a (a ≤ 0) = 2^k·e^r, k = round(a/ln2) by the 1.5·2⁵² shift (whose low bits then hold k, so 2^k's bits are
  ;;   (k + 1023) << 52), r = a − k·ln2 (ln2 split hi + lo, fdlibm); e^r by its Taylor series to r¹³/13! (|r| ≤ ln2/2:
  ;;   remainder < 5e-18), evaluated by Estrin's scheme (short dependency chains); a < −708 gives 0 (lost in + 1e-7 or 1 + e).
  ;;   log s for s = 1 + e ∈ [1, 2]: s > √2 is halved (+ ln2), then log s = 2·atanh t = 2t·Σ t²ⁿ/(2n+1), t = (s−1)/(s+1),
  ;;   |t| ≤ 0.172, summed to t²⁰/21 (remainder < 1e-17), Estrin again.
  (func (export "expsig") (param $src i32) (param $dst i32) (param $n i32) (param $bias f64)
    (local $end i32) (local $z v128) (local $a v128) (local $e v128) (local $s v128) (local $t v128) (local $m v128)
    (local $t2 v128) (local $t4 v128) (local $t8 v128) (local $t16 v128) (local $sp v128) (local $bv v128)
    (local $kb v128) (local $ek v128) (local $r v128) (local $r2 v128) (local $r4 v128) (local $r8 v128)
    (local.set $bv (f64x2.splat (local.get $bias)))
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $bands
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (local.set $z (f64x2.neg (f64x2.add (v128.load (local.get $src)) (local.get $bv))))
        (local.set $a (f64x2.neg (f64x2.abs (local.get $z))))
        (local.set $kb (f64x2.add (f64x2.mul (local.get $a) (v128.const f64x2 1.4426950408889634 1.4426950408889634)) (v128.const f64x2 6755399441055744.0 6755399441055744.0)))
        (local.set $ek (f64x2.sub (local.get $kb) (v128.const f64x2 6755399441055744.0 6755399441055744.0)))
        (local.set $r (f64x2.sub (f64x2.sub (local.get $a) (f64x2.mul (local.get $ek) (v128.const f64x2 0.6931471803691238 0.6931471803691238))) (f64x2.mul (local.get $ek) (v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
        (local.set $r8 (f64x2.mul (local.get $r4) (local.get $r4)))
        (local.set $e (v128.and (f64x2.ge (local.get $a) (v128.const f64x2 -708.0 -708.0))
          (f64x2.mul (f64x2.add (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 1.0 1.0) (f64x2.mul (v128.const f64x2 1.0 1.0) (local.get $r))) (f64x2.mul (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (v128.const f64x2 0.16666666666666666 0.16666666666666666) (local.get $r))) (local.get $r2))) (f64x2.mul (f64x2.add (f64x2.add (v128.const f64x2 0.041666666666666664 0.041666666666666664) (f64x2.mul (v128.const f64x2 0.008333333333333333 0.008333333333333333) (local.get $r))) (f64x2.mul (f64x2.add (v128.const f64x2 0.001388888888888889 0.001388888888888889) (f64x2.mul (v128.const f64x2 0.0001984126984126984 0.0001984126984126984) (local.get $r))) (local.get $r2))) (local.get $r4))) (f64x2.mul (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05) (f64x2.mul (v128.const f64x2 2.7557319223985893e-06 2.7557319223985893e-06) (local.get $r))) (f64x2.mul (f64x2.add (v128.const f64x2 2.755731922398589e-07 2.755731922398589e-07) (f64x2.mul (v128.const f64x2 2.505210838544172e-08 2.505210838544172e-08) (local.get $r))) (local.get $r2))) (f64x2.mul (f64x2.add (v128.const f64x2 2.08767569878681e-09 2.08767569878681e-09) (f64x2.mul (v128.const f64x2 1.6059043836821613e-10 1.6059043836821613e-10) (local.get $r))) (local.get $r4))) (local.get $r8))) (i64x2.shl (i64x2.add (local.get $kb) (v128.const i64x2 1023 1023)) (i32.const 52)))))
        (local.set $s (f64x2.add (local.get $e) (v128.const f64x2 1.0 1.0)))
        (local.set $m (f64x2.gt (local.get $s) (v128.const f64x2 1.4142135623730951 1.4142135623730951)))
        (local.set $s (v128.bitselect (f64x2.mul (local.get $s) (v128.const f64x2 0.5 0.5)) (local.get $s) (local.get $m)))
        (local.set $t (f64x2.div (f64x2.sub (local.get $s) (v128.const f64x2 1.0 1.0)) (f64x2.add (local.get $s) (v128.const f64x2 1.0 1.0))))
        (local.set $t2 (f64x2.mul (local.get $t) (local.get $t)))
        (local.set $t4 (f64x2.mul (local.get $t2) (local.get $t2)))
        (local.set $t8 (f64x2.mul (local.get $t4) (local.get $t4)))
        (local.set $t16 (f64x2.mul (local.get $t8) (local.get $t8)))
        (local.set $sp (f64x2.add (f64x2.max (local.get $z) (v128.const f64x2 0 0))
          (f64x2.add (v128.and (local.get $m) (v128.const f64x2 0.6931471805599453 0.6931471805599453)) (f64x2.mul (f64x2.mul (v128.const f64x2 2.0 2.0) (local.get $t)) (f64x2.add (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 1.0 1.0) (f64x2.mul (v128.const f64x2 0.3333333333333333 0.3333333333333333) (local.get $t2))) (f64x2.mul (f64x2.add (v128.const f64x2 0.2 0.2) (f64x2.mul (v128.const f64x2 0.14285714285714285 0.14285714285714285) (local.get $t2))) (local.get $t4))) (f64x2.mul (f64x2.add (f64x2.add (v128.const f64x2 0.1111111111111111 0.1111111111111111) (f64x2.mul (v128.const f64x2 0.09090909090909091 0.09090909090909091) (local.get $t2))) (f64x2.mul (f64x2.add (v128.const f64x2 0.07692307692307693 0.07692307692307693) (f64x2.mul (v128.const f64x2 0.06666666666666667 0.06666666666666667) (local.get $t2))) (local.get $t4))) (local.get $t8))) (f64x2.mul (f64x2.add (f64x2.add (v128.const f64x2 0.058823529411764705 0.058823529411764705) (f64x2.mul (v128.const f64x2 0.05263157894736842 0.05263157894736842) (local.get $t2))) (f64x2.mul (v128.const f64x2 0.047619047619047616 0.047619047619047616) (local.get $t4))) (local.get $t16)))))))
        (local.set $a (f64x2.mul (local.get $sp) (v128.const f64x2 -2.302585092994046 -2.302585092994046)))
        (local.set $kb (f64x2.add (f64x2.mul (local.get $a) (v128.const f64x2 1.4426950408889634 1.4426950408889634)) (v128.const f64x2 6755399441055744.0 6755399441055744.0)))
        (local.set $ek (f64x2.sub (local.get $kb) (v128.const f64x2 6755399441055744.0 6755399441055744.0)))
        (local.set $r (f64x2.sub (f64x2.sub (local.get $a) (f64x2.mul (local.get $ek) (v128.const f64x2 0.6931471803691238 0.6931471803691238))) (f64x2.mul (local.get $ek) (v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
        (local.set $r8 (f64x2.mul (local.get $r4) (local.get $r4)))
        (local.set $e (v128.and (f64x2.ge (local.get $a) (v128.const f64x2 -708.0 -708.0))
          (f64x2.mul (f64x2.add (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 1.0 1.0) (f64x2.mul (v128.const f64x2 1.0 1.0) (local.get $r))) (f64x2.mul (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (v128.const f64x2 0.16666666666666666 0.16666666666666666) (local.get $r))) (local.get $r2))) (f64x2.mul (f64x2.add (f64x2.add (v128.const f64x2 0.041666666666666664 0.041666666666666664) (f64x2.mul (v128.const f64x2 0.008333333333333333 0.008333333333333333) (local.get $r))) (f64x2.mul (f64x2.add (v128.const f64x2 0.001388888888888889 0.001388888888888889) (f64x2.mul (v128.const f64x2 0.0001984126984126984 0.0001984126984126984) (local.get $r))) (local.get $r2))) (local.get $r4))) (f64x2.mul (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05) (f64x2.mul (v128.const f64x2 2.7557319223985893e-06 2.7557319223985893e-06) (local.get $r))) (f64x2.mul (f64x2.add (v128.const f64x2 2.755731922398589e-07 2.755731922398589e-07) (f64x2.mul (v128.const f64x2 2.505210838544172e-08 2.505210838544172e-08) (local.get $r))) (local.get $r2))) (f64x2.mul (f64x2.add (v128.const f64x2 2.08767569878681e-09 2.08767569878681e-09) (f64x2.mul (v128.const f64x2 1.6059043836821613e-10 1.6059043836821613e-10) (local.get $r))) (local.get $r4))) (local.get $r8))) (i64x2.shl (i64x2.add (local.get $kb) (v128.const i64x2 1023 1023)) (i32.const 52)))))
        (v128.store (local.get $dst) (f64x2.add (f64x2.mul (local.get $e) (v128.const f64x2 2.0 2.0)) (v128.const f64x2 1e-07 1e-07)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $bands)))
  )
)
