;; The harmonic voice's oscillator bank (src/realtime/harmonic-voice.ts) in wasm SIMD (f64x2):
;;   out[i] = Σ_{k<kmax[i]} (a0[k] + ww[i]·d[k])·sin((k+1)θᵢ),   given s1[i] = sin θᵢ, c1[i] = cos θᵢ
;; sin(kθ) by the Chebyshev recurrence sin((k+4)θ) = 2cos(4θ)·sin(kθ) − sin((k−4)θ), as two vector chains
;; (harmonics (1, 2) + 4q and (3, 4) + 4q, one per f64x2 lane pair) so consecutive steps do not wait on each
;; other; the same sums as the scalar two-chain code, in another order (≈1e-15 apart).
;; `segment` stages one hop segment for it (as harmonic-voice.ts's TypeScript loop, op for op): per sample
;;   f0 = fa + df·lin[j],  θ += dθ·f0 (wrapped to [0, 2π)),  kmax = min(K, ⌈nyquist/f0⌉ − 1) (K when f0 ≤ 0),
;;   s1 = sin θ, c1 = cos θ (sinPi of src/realtime/sine.ts on the two lanes of an f64x2), ww = win[j].
;; Pointers are byte offsets into the imported memory, arrays of f64 (kmax: i32); a0 and d are 16-byte aligned.
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
  (func (export "harmonics") (param $a0 i32) (param $d i32) (param $s1 i32) (param $c1 i32) (param $ww i32) (param $kmax i32) (param $out i32) (param $n i32)
    (local $i i32) (local $s f64) (local $c f64) (local $w f64) (local $km i32) (local $end i32) (local $off i32)
    (local $v v128) (local $vp v128) (local $vn v128) (local $step v128) (local $acc v128) (local $wv v128)
    (local $u v128) (local $up v128) (local $acc2 v128) (local $s2 f64) (local $c2 f64) (local $s3 f64)
    (block $done
      (loop $samples
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (f64.load (i32.add (local.get $s1) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $c (f64.load (i32.add (local.get $c1) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $w (f64.load (i32.add (local.get $ww) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $km (i32.load (i32.add (local.get $kmax) (i32.shl (local.get $i) (i32.const 2)))))
        ;; s2 = sin 2θ, c2 = cos 2θ, s3 = sin 3θ = s(2c2 + 1), s4 = 2 s2 c2; v = (s, s2), u = (s3, s4); vp = −(s3, s2), up = (−s, 0); step = 2cos 4θ = 2(2c2² − 1)
        (local.set $s2 (f64.mul (f64.const 2) (f64.mul (local.get $s) (local.get $c))))
        (local.set $c2 (f64.sub (f64.mul (f64.const 2) (f64.mul (local.get $c) (local.get $c))) (f64.const 1)))
        (local.set $s3 (f64.mul (local.get $s) (f64.add (f64.mul (f64.const 2) (local.get $c2)) (f64.const 1))))
        (local.set $v (f64x2.replace_lane 1 (f64x2.splat (local.get $s)) (local.get $s2)))
        (local.set $u (f64x2.replace_lane 1 (f64x2.splat (local.get $s3)) (f64.mul (f64.const 2) (f64.mul (local.get $s2) (local.get $c2)))))
        (local.set $vp (f64x2.neg (f64x2.replace_lane 1 (f64x2.splat (local.get $s3)) (local.get $s2))))
        (local.set $up (f64x2.replace_lane 1 (f64x2.splat (f64.neg (local.get $s))) (f64.const 0)))
        (local.set $step (f64x2.splat (f64.mul (f64.const 2) (f64.sub (f64.mul (f64.const 2) (f64.mul (local.get $c2) (local.get $c2))) (f64.const 1)))))
        (local.set $acc2 (v128.const i64x2 0 0))
        (local.set $wv (f64x2.splat (local.get $w)))
        (local.set $acc (v128.const i64x2 0 0))
        (local.set $off (i32.const 0))
        (local.set $end (i32.shl (i32.shr_u (local.get $km) (i32.const 1)) (i32.const 4)))
        (block $qd
          (loop $quads
            (br_if $qd (i32.gt_u (i32.add (local.get $off) (i32.const 32)) (local.get $end)))
            (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $v) (f64x2.add (v128.load (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $wv) (v128.load (i32.add (local.get $d) (local.get $off))))))))
            (local.set $acc2 (f64x2.add (local.get $acc2) (f64x2.mul (local.get $u) (f64x2.add (v128.load offset=16 (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $wv) (v128.load offset=16 (i32.add (local.get $d) (local.get $off))))))))
            (local.set $vn (f64x2.sub (f64x2.mul (local.get $step) (local.get $v)) (local.get $vp)))
            (local.set $vp (local.get $v))
            (local.set $v (local.get $vn))
            (local.set $vn (f64x2.sub (f64x2.mul (local.get $step) (local.get $u)) (local.get $up)))
            (local.set $up (local.get $u))
            (local.set $u (local.get $vn))
            (local.set $off (i32.add (local.get $off) (i32.const 32)))
            (br $quads)))
        ;; one whole pair may be left (chain v), then the odd harmonic is lane 0 of the next chain
        (if (i32.lt_u (local.get $off) (local.get $end)) (then
          (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $v) (f64x2.add (v128.load (i32.add (local.get $a0) (local.get $off))) (f64x2.mul (local.get $wv) (v128.load (i32.add (local.get $d) (local.get $off))))))))
          (local.set $v (local.get $u))
          (local.set $off (i32.add (local.get $off) (i32.const 16)))))
        (local.set $acc (f64x2.add (local.get $acc) (local.get $acc2)))
        (if (i32.and (local.get $km) (i32.const 1))
          (then
            (local.set $acc (f64x2.replace_lane 0 (local.get $acc)
              (f64.add (f64x2.extract_lane 0 (local.get $acc))
                (f64.mul (f64x2.extract_lane 0 (local.get $v))
                  (f64.add (f64.load (i32.add (local.get $a0) (local.get $off)))
                    (f64.mul (local.get $w) (f64.load (i32.add (local.get $d) (local.get $off)))))))))))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
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
    ;; sinPi's Taylor coefficients −1/3!, 1/5!, …, −1/19!, and the fold's ±π, ±π/2
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
