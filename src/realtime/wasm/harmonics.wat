;; The harmonic voice's oscillator bank (src/realtime/harmonic-voice.ts) in wasm SIMD (f64x2):
;;   out[i] = Σ_{k<kmax[i]} (a0[k] + ww[i]·d[k])·sin((k+1)θᵢ),   given s1[i] = sin θᵢ, c1[i] = cos θᵢ
;; Two samples at once, one per lane; sin(kθ) by the Chebyshev recurrence sin((k+3)θ) = 2cos(3θ)·sin(kθ) − sin((k−3)θ)
;; as three chains (harmonics 1, 2, 3 + 3q), so consecutive steps do not wait on each other: the bank is bound by
;; the recurrence's latency (a multiply then a subtract), and the two lanes and three chains fill it six times
;; where the scalar code fills it twice. Three chains, not four: TurboFan keeps at most 15 v128 values in
;; registers, and four chains with their amplitude loads spill the sum to the stack every step (slower).
;; The same sums as the scalar two-chain code in another order (≈1e-14 apart); a sample's sum does not depend on
;; the sample it is paired with. a0 and d are read up to index kmax + 1: pad them with two values.
;; `segment` stages one hop segment for it (as harmonic-voice.ts's TypeScript loop, op for op): per sample
;;   f0 = fa + df·lin[j],  θ += dθ·f0 (wrapped to [0, 2π)),  kmax = min(K, ⌈nyquist/f0⌉ − 1) (K when f0 ≤ 0),
;;   s1 = sin θ, c1 = cos θ (sinPi of src/host/sine.ts on the two lanes of an f64x2), ww = win[j].
;; Pointers are byte offsets into the imported memory, arrays of f64 (kmax: i32); s1, c1, ww and out 16-byte aligned.
(module
  (import "env" "memory" (memory 1))
  ;; Constants of the SIMD loop, as mutable v128 globals read into locals before it: TurboFan rematerialises a
  ;; splatted constant at every use inside a loop (three instructions each), a global it cannot.
  (global $MINUS_INV_FACT3 (mut v128) (v128.const f64x2 -0x1.5555555555555p-3 -0x1.5555555555555p-3))
  (global $INV_FACT5 (mut v128) (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7))
  (global $MINUS_INV_FACT7 (mut v128) (v128.const f64x2 -0x1.a01a01a01a01ap-13 -0x1.a01a01a01a01ap-13))
  (global $INV_FACT9 (mut v128) (v128.const f64x2 0x1.71de3a556c734p-19 0x1.71de3a556c734p-19))
  (global $MINUS_INV_FACT11 (mut v128) (v128.const f64x2 -0x1.ae64567f544e4p-26 -0x1.ae64567f544e4p-26))
  (global $INV_FACT13 (mut v128) (v128.const f64x2 0x1.6124613a86d09p-33 0x1.6124613a86d09p-33))
  (global $MINUS_INV_FACT15 (mut v128) (v128.const f64x2 -0x1.ae7f3e733b81fp-41 -0x1.ae7f3e733b81fp-41))
  (global $INV_FACT17 (mut v128) (v128.const f64x2 0x1.952c77030ad4ap-49 0x1.952c77030ad4ap-49))
  (global $MINUS_INV_FACT19 (mut v128) (v128.const f64x2 -0x1.2f49b46814157p-57 -0x1.2f49b46814157p-57))
  (global $PI (mut v128) (v128.const f64x2 0x1.921fb54442d18p+1 0x1.921fb54442d18p+1))
  (global $SIGN (mut v128) (v128.const i64x2 0x8000000000000000 0x8000000000000000))
  ;; out[i], out[i+1] for each pair of samples (a last single one on both lanes, lane 0 stored).
  (func (export "harmonics") (param $a0 i32) (param $d i32) (param $s1 i32) (param $c1 i32) (param $ww i32) (param $kmax i32) (param $out i32) (param $n i32)
    (local $i i32) (local $km0 i32) (local $km1 i32) (local $lim i32) (local $kend i32) (local $off i32) (local $single i32)
    (local $s v128) (local $c v128) (local $w v128) (local $s2 v128) (local $c2 v128) (local $s3 v128) (local $kv v128) (local $kf v128)
    (local $v1 v128) (local $p1 v128) (local $v2 v128) (local $p2 v128) (local $v3 v128) (local $p3 v128)
    (local $step v128) (local $acc v128) (local $t v128)
    (block $done
      (loop $samples
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $single (i32.eq (i32.add (local.get $i) (i32.const 1)) (local.get $n)))
        (if (local.get $single)
          (then
            (local.set $s (v128.load64_splat (i32.add (local.get $s1) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $c (v128.load64_splat (i32.add (local.get $c1) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $w (v128.load64_splat (i32.add (local.get $ww) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $km0 (i32.load (i32.add (local.get $kmax) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $km1 (local.get $km0)))
          (else
            (local.set $s (v128.load (i32.add (local.get $s1) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $c (v128.load (i32.add (local.get $c1) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $w (v128.load (i32.add (local.get $ww) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $km0 (i32.load (i32.add (local.get $kmax) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $km1 (i32.load offset=4 (i32.add (local.get $kmax) (i32.shl (local.get $i) (i32.const 2)))))))
        ;; s2 = sin 2θ = 2sc, c2 = cos 2θ = 2c² − 1, s3 = sin 3θ = s(2c2 + 1); chain j holds (sin jθ, sin (j−3)θ) and
        ;; steps by 2cos 3θ = 2c(2c2 − 1)
        (local.set $s2 (f64x2.mul (v128.const f64x2 2 2) (f64x2.mul (local.get $s) (local.get $c))))
        (local.set $c2 (f64x2.sub (f64x2.mul (v128.const f64x2 2 2) (f64x2.mul (local.get $c) (local.get $c))) (v128.const f64x2 1 1)))
        (local.set $s3 (f64x2.mul (local.get $s) (f64x2.add (f64x2.mul (v128.const f64x2 2 2) (local.get $c2)) (v128.const f64x2 1 1))))
        (local.set $v1 (local.get $s))
        (local.set $p1 (f64x2.neg (local.get $s2)))
        (local.set $v2 (local.get $s2))
        (local.set $p2 (f64x2.neg (local.get $s)))
        (local.set $v3 (local.get $s3))
        (local.set $p3 (v128.const i64x2 0 0))
        (local.set $step (f64x2.mul (v128.const f64x2 2 2) (f64x2.mul (local.get $c) (f64x2.sub (f64x2.mul (v128.const f64x2 2 2) (local.get $c2)) (v128.const f64x2 1 1)))))
        (local.set $acc (v128.const i64x2 0 0))
        (local.set $off (i32.const 0))
        ;; whole triples both lanes take (bytes: 24 per triple), then the rest up to the larger count, masked
        (local.set $lim (i32.mul (i32.div_u (select (local.get $km0) (local.get $km1) (i32.lt_s (local.get $km0) (local.get $km1))) (i32.const 3)) (i32.const 24)))
        (local.set $kend (i32.shl (select (local.get $km1) (local.get $km0) (i32.lt_s (local.get $km0) (local.get $km1))) (i32.const 3)))
        (block $td
          (loop $triples
            (br_if $td (i32.ge_u (local.get $off) (local.get $lim)))
            (local.set $acc (f64x2.add (local.get $acc) (f64x2.add
              (f64x2.add
                (f64x2.mul (local.get $v1)
                  (f64x2.add (v128.load64_splat (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $w) (v128.load64_splat (i32.add (local.get $d) (local.get $off))))))
                (f64x2.mul (local.get $v2)
                  (f64x2.add (v128.load64_splat offset=8 (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $w) (v128.load64_splat offset=8 (i32.add (local.get $d) (local.get $off)))))))
              (f64x2.mul (local.get $v3)
                  (f64x2.add (v128.load64_splat offset=16 (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $w) (v128.load64_splat offset=16 (i32.add (local.get $d) (local.get $off)))))))))
            (local.set $t (f64x2.sub (f64x2.mul (local.get $step) (local.get $v1)) (local.get $p1)))
            (local.set $p1 (local.get $v1))
            (local.set $v1 (local.get $t))
            (local.set $t (f64x2.sub (f64x2.mul (local.get $step) (local.get $v2)) (local.get $p2)))
            (local.set $p2 (local.get $v2))
            (local.set $v2 (local.get $t))
            (local.set $t (f64x2.sub (f64x2.mul (local.get $step) (local.get $v3)) (local.get $p3)))
            (local.set $p3 (local.get $v3))
            (local.set $v3 (local.get $t))
            (local.set $off (i32.add (local.get $off) (i32.const 24)))
            (br $triples)))
        ;; lane l takes harmonic k = off/8 + j while k ≤ kmax_l (a masked term is +0: the sum is as if the lane ran alone)
        (local.set $kv (f64x2.replace_lane 1 (f64x2.splat (f64.convert_i32_s (local.get $km0))) (f64.convert_i32_s (local.get $km1))))
        (block $rd
          (loop $rest
            (br_if $rd (i32.ge_u (local.get $off) (local.get $kend)))
            (local.set $kf (f64x2.splat (f64.convert_i32_u (i32.shr_u (local.get $off) (i32.const 3)))))
            (local.set $acc (f64x2.add (local.get $acc) (f64x2.add
              (f64x2.add
                (v128.and (f64x2.le (f64x2.add (local.get $kf) (v128.const f64x2 1 1)) (local.get $kv))
                  (f64x2.mul (local.get $v1)
                  (f64x2.add (v128.load64_splat (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $w) (v128.load64_splat (i32.add (local.get $d) (local.get $off)))))))
                (v128.and (f64x2.le (f64x2.add (local.get $kf) (v128.const f64x2 2 2)) (local.get $kv))
                  (f64x2.mul (local.get $v2)
                  (f64x2.add (v128.load64_splat offset=8 (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $w) (v128.load64_splat offset=8 (i32.add (local.get $d) (local.get $off))))))))
              (v128.and (f64x2.le (f64x2.add (local.get $kf) (v128.const f64x2 3 3)) (local.get $kv))
                  (f64x2.mul (local.get $v3)
                  (f64x2.add (v128.load64_splat offset=16 (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $w) (v128.load64_splat offset=16 (i32.add (local.get $d) (local.get $off))))))))))
            (local.set $t (f64x2.sub (f64x2.mul (local.get $step) (local.get $v1)) (local.get $p1)))
            (local.set $p1 (local.get $v1))
            (local.set $v1 (local.get $t))
            (local.set $t (f64x2.sub (f64x2.mul (local.get $step) (local.get $v2)) (local.get $p2)))
            (local.set $p2 (local.get $v2))
            (local.set $v2 (local.get $t))
            (local.set $t (f64x2.sub (f64x2.mul (local.get $step) (local.get $v3)) (local.get $p3)))
            (local.set $p3 (local.get $v3))
            (local.set $v3 (local.get $t))
            (local.set $off (i32.add (local.get $off) (i32.const 24)))
            (br $rest)))
        (if (local.get $single)
          (then (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))) (f64x2.extract_lane 0 (local.get $acc))))
          (else (v128.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))) (local.get $acc))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $samples)))
  )

  ;; The segment's scalars come through memory, args = f64 [fa, df, K, nyquist, dθ] (JS passes no double: V8 may box
  ;; one per call when it does not inline the call)
  (func (export "segment") (param $n i32) (param $args i32) (param $j0 i32) (param $lin i32) (param $win i32)
    (param $theta i32) (param $s1 i32) (param $c1 i32) (param $ww i32) (param $kmax i32)
    (local $fa f64) (local $df f64) (local $k f64) (local $nyquist f64) (local $dtheta f64)
    (local $i i32) (local $j i32) (local $f0 f64) (local $th f64) (local $x f64) (local $y f64)
    (local $v v128) (local $u v128) (local $z v128) (local $s v128) (local $z2 v128) (local $z4 v128) (local $q v128)
    (local $pi v128) (local $sign v128) (local $av v128) (local $c0 v128) (local $c1_ v128) (local $c2 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $c7 v128) (local $c8 v128)
    ;; sinPi's Taylor coefficients −1/3!, 1/5!, …, −1/19!, and the fold's π and sign mask
    (local.set $pi (global.get $PI))
    (local.set $sign (global.get $SIGN))
    (local.set $c0 (global.get $MINUS_INV_FACT3))
    (local.set $c1_ (global.get $INV_FACT5))
    (local.set $c2 (global.get $MINUS_INV_FACT7))
    (local.set $c3 (global.get $INV_FACT9))
    (local.set $c4 (global.get $MINUS_INV_FACT11))
    (local.set $c5 (global.get $INV_FACT13))
    (local.set $c6 (global.get $MINUS_INV_FACT15))
    (local.set $c7 (global.get $INV_FACT17))
    (local.set $c8 (global.get $MINUS_INV_FACT19))
    (local.set $fa (f64.load (local.get $args)))
    (local.set $df (f64.load offset=8 (local.get $args)))
    (local.set $k (f64.load offset=16 (local.get $args)))
    (local.set $nyquist (f64.load offset=24 (local.get $args)))
    (local.set $dtheta (f64.load offset=32 (local.get $args)))
    (local.set $th (f64.load (local.get $theta)))
    (local.set $j (i32.shl (local.get $j0) (i32.const 3)))
    (block $done
      (loop $samples
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $f0 (f64.add (local.get $fa) (f64.mul (local.get $df) (f64.load (i32.add (local.get $lin) (local.get $j))))))
        (local.set $th (f64.add (local.get $th) (f64.mul (local.get $dtheta) (local.get $f0))))
        (if (f64.ge (local.get $th) (f64.const 0x1.921fb54442d18p+2)) (then
          (local.set $th (f64.sub (local.get $th)
            (f64.mul (f64.const 0x1.921fb54442d18p+2) (f64.floor (f64.div (local.get $th) (f64.const 0x1.921fb54442d18p+2))))))))
        (i32.store (i32.add (local.get $kmax) (i32.shl (local.get $i) (i32.const 2)))
          (if (result i32) (f64.gt (local.get $f0) (f64.const 0))
            (then (i32.trunc_f64_s (f64.min (local.get $k) (f64.sub (f64.ceil (f64.div (local.get $nyquist) (local.get $f0))) (f64.const 1)))))
            (else (i32.trunc_f64_s (local.get $k)))))
        (local.set $x (if (result f64) (f64.ge (local.get $th) (f64.const 0x1.921fb54442d18p+1))
          (then (f64.sub (local.get $th) (f64.const 0x1.921fb54442d18p+2))) (else (local.get $th))))
        (local.set $y (f64.add (local.get $x) (f64.const 0x1.921fb54442d18p+0)))
        (local.set $y (if (result f64) (f64.ge (local.get $y) (f64.const 0x1.921fb54442d18p+1))
          (then (f64.sub (local.get $y) (f64.const 0x1.921fb54442d18p+2))) (else (local.get $y))))
        ;; sin x and sin y = cos θ together in one f64x2: sinPi's fold (min(|v|, π − |v|) with v's sign), then
        ;; its Taylor polynomial in sinPi's order: the same operations, so the same bits as sinPi
        (local.set $v (f64x2.replace_lane 1 (f64x2.splat (local.get $x)) (local.get $y)))
        (local.set $av (f64x2.abs (local.get $v)))
        ;; sinPi's fold: min(|v|, π − |v|) with v's sign
        (local.set $u (v128.or (f64x2.pmin (local.get $av) (f64x2.sub (local.get $pi) (local.get $av))) (v128.and (local.get $v) (local.get $sign))))
        (local.set $z (f64x2.mul (local.get $u) (local.get $u)))
        (local.set $z2 (f64x2.mul (local.get $z) (local.get $z)))
        (local.set $z4 (f64x2.mul (local.get $z2) (local.get $z2)))
        ;; sinPi's P(z) = C3 + z·(C5 + z·q), q = (C7 + C9·z + (C11 + C13·z)·z²) + (C15 + C17·z + C19·z²)·z⁴
        (local.set $q (f64x2.add (f64x2.add (f64x2.add (local.get $c2) (f64x2.mul (local.get $c3) (local.get $z))) (f64x2.mul (f64x2.add (local.get $c4) (f64x2.mul (local.get $c5) (local.get $z))) (local.get $z2)))
          (f64x2.mul (f64x2.add (f64x2.add (local.get $c6) (f64x2.mul (local.get $c7) (local.get $z))) (f64x2.mul (local.get $c8) (local.get $z2))) (local.get $z4))))
        (local.set $s (f64x2.add (local.get $u) (f64x2.mul (f64x2.mul (local.get $u) (local.get $z)) (f64x2.add (local.get $c0) (f64x2.mul (local.get $z) (f64x2.add (local.get $c1_) (f64x2.mul (local.get $z) (local.get $q))))))))
        (f64.store (i32.add (local.get $s1) (i32.shl (local.get $i) (i32.const 3))) (f64x2.extract_lane 0 (local.get $s)))
        (f64.store (i32.add (local.get $c1) (i32.shl (local.get $i) (i32.const 3))) (f64x2.extract_lane 1 (local.get $s)))
        (f64.store (i32.add (local.get $ww) (i32.shl (local.get $i) (i32.const 3))) (f64.load (i32.add (local.get $win) (local.get $j))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $samples)))
    (f64.store (local.get $theta) (local.get $th)))
)
