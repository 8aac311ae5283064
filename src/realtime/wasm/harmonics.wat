;; The harmonic voice's oscillator bank (src/realtime/harmonic-voice.ts) in wasm SIMD (f64x2):
;;   out[i] = Σ_{k<kmax[i]} (a0[k] + ww[i]·d[k])·sin((k+1)θᵢ),   given s1[i] = sin θᵢ, c1[i] = cos θᵢ
;; sin(kθ) by the Chebyshev recurrence sin((k+4)θ) = 2cos(4θ)·sin(kθ) − sin((k−4)θ), as two vector chains
;; (harmonics (1, 2) + 4q and (3, 4) + 4q, one per f64x2 lane pair) so consecutive steps do not wait on each
;; other; the same sums as the scalar two-chain code, in another order (≈1e-15 apart).
;; Pointers are byte offsets into the imported memory, arrays of f64 (kmax: i32); a0 and d are 16-byte aligned.
(module
  (import "env" "memory" (memory 1))
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
)
