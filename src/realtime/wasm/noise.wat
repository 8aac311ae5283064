;; The filtered-noise voice's kernels (src/realtime/noise-voice.ts, wasm/noise.ts): `fir` below, then `uniform` (its
;; noise values) and `draw` (`uniform` from a counter record in memory); its band gains use `expsig` (expsig.wat).
;; `fir`: the time-varying FIR in wasm SIMD (f64x2), direct form
;;   y[u] = Σ_v h_{seg(v)}[u − v]·x[v],  u − len < v ≤ u
;; (direct convolution, Oppenheim & Schafer, "Discrete-Time Signal Processing", eq. 2.49, with taps that change
;; with the segment seg(v) of the input value: every `hop` values). Outputs are computed 8 at a time with the
;; lanes as outputs: for each input v of the group's window (len + 7 values), x[v] is splatted and multiplied
;; by the tap pairs (h[u₀−v], h[u₀+1−v]), … of output pairs (0,1) … (6,7): one load of x serves 4 vector
;; multiply-adds, and all 8 outputs use the same segment's taps for a given v, so the window is cut only where
;; segments change. Two inputs v, v+1 per step: their products are summed before they join the four
;; accumulators (one add on each chain per step; four accumulators, not eight, so that TurboFan keeps every value in
;; a register: with eight, two were spilled and reloaded each step, a store-load chain: the DDSP voice spent 1.28 ms per second of audio in this kernel then, 0.92 now).
;; Pointers are byte offsets into the imported memory: out f32[n rounded up to 8] (the outputs past n are
;; scratch); x f64, x[i] is the window start of output i (so output i reads x[i … i + len)), valid up to
;; x[n₈ + len − 2]; ptrs i32[], the byte address of h[0] of segment j's taps, each padded with 8 zeros before
;; and after (h[−8 … −1] = h[len … len + 7] = 0); segment 0 holds x[0] at position r0 (0 ≤ r0 < hop),
;; segment j covers x[j·hop − r0 …).
(module
  (import "env" "memory" (memory 1))
  ;; Constants of `uniform`'s SIMD loop, as mutable v128 globals read into locals before it: TurboFan
  ;; rematerialises a splatted constant at every use inside a loop, a global it cannot.
  (global $WEYL (mut v128) (v128.const i32x4 0x9e3779b9 0x9e3779b9 0x9e3779b9 0x9e3779b9))
  (global $MIX1 (mut v128) (v128.const i32x4 0x85ebca6b 0x85ebca6b 0x85ebca6b 0x85ebca6b))
  (global $MIX2 (mut v128) (v128.const i32x4 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35))
  (global $TWO_M23 (mut v128) (v128.const f64x2 0x1p-23 0x1p-23))
  (global $ONE (mut v128) (v128.const f64x2 1 1))
  (func (export "fir") (param $out i32) (param $n i32) (param $x i32) (param $ptrs i32) (param $r0 i32) (param $hop i32) (param $len i32)
    (local $i i32) (local $jw i32) (local $rw i32) (local $p i32) (local $j i32) (local $r i32) (local $m i32) (local $span i32)
    (local $tp i32) (local $tq i32) (local $xp i32) (local $e i32) (local $o i32) (local $xs v128) (local $xt v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $rw (local.get $r0))
    (local.set $span (i32.add (local.get $len) (i32.const 7)))
    (block $done
      (loop $groups
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $a0 (v128.const i64x2 0 0)) (local.set $a1 (v128.const i64x2 0 0)) (local.set $a2 (v128.const i64x2 0 0)) (local.set $a3 (v128.const i64x2 0 0))
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
              (local.set $a0 (f64x2.add (local.get $a0) (f64x2.add (f64x2.mul (local.get $xs) (v128.load offset=0 (local.get $tp))) (f64x2.mul (local.get $xt) (v128.load offset=0 (local.get $tq))))))
              (local.set $a1 (f64x2.add (local.get $a1) (f64x2.add (f64x2.mul (local.get $xs) (v128.load offset=16 (local.get $tp))) (f64x2.mul (local.get $xt) (v128.load offset=16 (local.get $tq))))))
              (local.set $a2 (f64x2.add (local.get $a2) (f64x2.add (f64x2.mul (local.get $xs) (v128.load offset=32 (local.get $tp))) (f64x2.mul (local.get $xt) (v128.load offset=32 (local.get $tq))))))
              (local.set $a3 (f64x2.add (local.get $a3) (f64x2.add (f64x2.mul (local.get $xs) (v128.load offset=48 (local.get $tp))) (f64x2.mul (local.get $xt) (v128.load offset=48 (local.get $tq))))))
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
        (f32.store offset=0 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $a0))))
        (f32.store offset=4 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $a0))))
        (f32.store offset=8 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $a1))))
        (f32.store offset=12 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $a1))))
        (f32.store offset=16 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $a2))))
        (f32.store offset=20 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $a2))))
        (f32.store offset=24 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $a3))))
        (f32.store offset=28 (local.get $o) (f32.demote_f64 (f64x2.extract_lane 1 (local.get $a3))))
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
  ;; value = 2·(bits >>> 8)/2²⁴ − 1 = (bits >>> 8)·2⁻²³ − 1 (the scalings are exact: one rounding, as in TypeScript).
  ;; Four counters at a time on i32x4 lanes, then one at a time for the last n mod 4.
  (func $uniform (export "uniform") (param $dst i32) (param $n i32) (param $lo i32) (param $hi i32) (param $seed i32)
    (local $k i32) (local $h i32) (local $end i32) (local $quads i32) (local $hv v128) (local $idx v128) (local $kv v128)
    (local $weyl v128) (local $mix1 v128) (local $mix2 v128) (local $scale v128) (local $one v128)
    (local.set $k (i32.xor (local.get $seed) (i32.const 0x5bd1e995)))
    (local.set $k (i32.xor (local.get $k) (i32.shr_u (local.get $k) (i32.const 16))))
    (local.set $k (i32.mul (local.get $k) (i32.const 0x85ebca6b)))
    (local.set $k (i32.xor (local.get $k) (i32.shr_u (local.get $k) (i32.const 13))))
    (local.set $k (i32.mul (local.get $k) (i32.const 0xc2b2ae35)))
    (local.set $k (i32.xor (local.get $k) (i32.shr_u (local.get $k) (i32.const 16))))
    (local.set $k (i32.add (local.get $k) (local.get $hi)))
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $quads (i32.sub (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 3))))
    (local.set $idx (i32x4.add (i32x4.splat (local.get $lo)) (v128.const i32x4 0 1 2 3)))
    (local.set $kv (i32x4.splat (local.get $k)))
    (local.set $weyl (global.get $WEYL))
    (local.set $mix1 (global.get $MIX1))
    (local.set $mix2 (global.get $MIX2))
    (local.set $scale (global.get $TWO_M23))
    (local.set $one (global.get $ONE))
    (block $done
      (loop $four
        (br_if $done (i32.ge_u (local.get $dst) (local.get $quads)))
        (local.set $hv (i32x4.add (i32x4.mul (local.get $idx) (local.get $weyl)) (local.get $kv)))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 16))))
        (local.set $hv (i32x4.mul (local.get $hv) (local.get $mix1)))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 13))))
        (local.set $hv (i32x4.mul (local.get $hv) (local.get $mix2)))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 16))))
        (local.set $hv (i32x4.shr_u (local.get $hv) (i32.const 8)))
        (v128.store (local.get $dst)
          (f64x2.sub (f64x2.mul (f64x2.convert_low_i32x4_s (local.get $hv)) (local.get $scale)) (local.get $one)))
        (v128.store offset=16 (local.get $dst)
          (f64x2.sub (f64x2.mul (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $hv) (local.get $hv)))
            (local.get $scale)) (local.get $one)))
        (local.set $idx (i32x4.add (local.get $idx) (v128.const i32x4 4 4 4 4)))
        (local.set $lo (i32.add (local.get $lo) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
        (br $four)))
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

  ;; `draw`: n noise values from a record in memory, so no counter or seed crosses from JS as a number (one past
  ;; V8's small integers, 2³⁰, would be boxed per call when V8 does not inline the call: after ~6 h of audio at 48 kHz):
  ;; rec = [counter c (f64, an integer below 2⁵³), seed (f64 holding an int32)] (as the 808 voices' scalars g start,
  ;; so drums.wat imports it); dst[j] = uniformAt(seed, c + j), j < n, by `uniform`,
  ;; in runs cut where the counter's low word wraps; then c += n.
  (func (export "draw") (param $dst i32) (param $n i32) (param $rec i32)
    (local $c i64) (local $lo i32) (local $m i32)
    (local.set $c (i64.trunc_f64_u (f64.load (local.get $rec))))
    (block $done
      (loop $runs
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $lo (i32.wrap_i64 (local.get $c)))
        ;; m = min(n, 2³² − lo): the values left before the low word wraps
        (local.set $m (select (local.get $n) (i32.sub (i32.const 0) (local.get $lo))
          (i32.or (i32.eqz (local.get $lo)) (i32.le_u (local.get $n) (i32.sub (i32.const 0) (local.get $lo))))))
        (call $uniform (local.get $dst) (local.get $m) (local.get $lo) (i32.wrap_i64 (i64.shr_u (local.get $c) (i64.const 32))) (i32.trunc_f64_s (f64.load offset=8 (local.get $rec))))
        (local.set $dst (i32.add (local.get $dst) (i32.shl (local.get $m) (i32.const 3))))
        (local.set $n (i32.sub (local.get $n) (local.get $m)))
        (local.set $c (i64.add (local.get $c) (i64.extend_i32_u (local.get $m))))
        (br $runs)))
    (f64.store (local.get $rec) (f64.convert_i64_u (local.get $c))))

)
