;; ddsp's exp-sigmoid on f64x2, for the real-time voices' controls (src/realtime/frames.ts expSigmoid: the noise
;; voice's band gains, the harmonic voice's harmonic distribution), two values per f64x2 (n even; callers pad):
(module
  (import "env" "memory" (memory 1))
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
