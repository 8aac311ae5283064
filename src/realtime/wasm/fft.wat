;; A real FFT in wasm SIMD for the partitioned convolver (src/realtime/partitioned.ts), the same algorithm as
;; realFft in src/backends/host/fft.ts: length n = 2m real rows through one complex FFT of m on z[j] = x[2j] + i·x[2j+1],
;; then the split X[k] = E[k] + e^{−2πik/n}·O[k], E = (Z[k] + Z̄[m−k])/2, O = (Z[k] − Z̄[m−k])/(2i)
;; (Press et al., Numerical Recipes §12.3); the inverse runs the split backwards (DC/Nyquist imaginary parts ignored)
;; and scales by 1/n (NumPy's irfft).
;; Complex FFT: radix-2 decimation in time on split re/im arrays (bit reversal fused into the pack / inverse split):
;; one scalar radix-4 pass for the stages of lengths 2 and 4, then radix-2 stages of half-length h = 4 … m/2 with f64x2
;; over two butterflies at once (j, j+1): t = w_j·b, a ← a + t, b ← a − t, w_j = e^{σ·iπj/h} (σ = −1 forward, +1 inverse).
;; Tables (built by src/realtime/wasm/fft.ts): rev (i32[m], bit reversal), twr/twi (f64[m−4]: stage h at offset h − 4,
;; twi for the direction), wr/wi (f64[m+1], e^{−2πik/n}). m ≥ 4, a power of 2. Pointers are byte offsets, 16-aligned.
(module
  (import "env" "memory" (memory 1))
  ;; In-place complex FFT of bit-reversed (zr, zi), unscaled; s = −1 forward, +1 inverse.
  (func $cfft (param $zr i32) (param $zi i32) (param $m i32) (param $twr i32) (param $twi i32) (param $s f64)
    (local $g i32) (local $end i32) (local $pr i32) (local $pi i32)
    (local $a0r f64) (local $a0i f64) (local $a1r f64) (local $a1i f64) (local $a2r f64) (local $a2i f64) (local $a3r f64) (local $a3i f64)
    (local $hb i32) (local $blk i32) (local $jb i32) (local $tw i32)
    (local $ar v128) (local $ai v128) (local $br v128) (local $bi v128) (local $wr v128) (local $wi v128) (local $tr v128) (local $ti v128)
    ;; radix-4 pass: groups of 4 (z0, z1, z2, z3): a0 = z0 + z1, a1 = z0 − z1, a2 = z2 + z3, a3 = z2 − z3;
    ;; y0 = a0 + a2, y2 = a0 − a2, y1 = a1 + w·a3, y3 = a1 − w·a3 with w = e^{σiπ/2} = σi: w·a3 = (−σ·a3i, σ·a3r)
    (local.set $end (i32.shl (local.get $m) (i32.const 3)))
    (block $d4
      (loop $r4
        (br_if $d4 (i32.ge_u (local.get $g) (local.get $end)))
        (local.set $pr (i32.add (local.get $zr) (local.get $g)))
        (local.set $pi (i32.add (local.get $zi) (local.get $g)))
        (local.set $a0r (f64.add (f64.load (local.get $pr)) (f64.load offset=8 (local.get $pr))))
        (local.set $a1r (f64.sub (f64.load (local.get $pr)) (f64.load offset=8 (local.get $pr))))
        (local.set $a2r (f64.add (f64.load offset=16 (local.get $pr)) (f64.load offset=24 (local.get $pr))))
        (local.set $a3r (f64.sub (f64.load offset=16 (local.get $pr)) (f64.load offset=24 (local.get $pr))))
        (local.set $a0i (f64.add (f64.load (local.get $pi)) (f64.load offset=8 (local.get $pi))))
        (local.set $a1i (f64.sub (f64.load (local.get $pi)) (f64.load offset=8 (local.get $pi))))
        (local.set $a2i (f64.add (f64.load offset=16 (local.get $pi)) (f64.load offset=24 (local.get $pi))))
        (local.set $a3i (f64.sub (f64.load offset=16 (local.get $pi)) (f64.load offset=24 (local.get $pi))))
        (f64.store (local.get $pr) (f64.add (local.get $a0r) (local.get $a2r)))
        (f64.store offset=16 (local.get $pr) (f64.sub (local.get $a0r) (local.get $a2r)))
        (f64.store (local.get $pi) (f64.add (local.get $a0i) (local.get $a2i)))
        (f64.store offset=16 (local.get $pi) (f64.sub (local.get $a0i) (local.get $a2i)))
        ;; (a3r, a3i) ← w·a3
        (local.set $a2r (f64.mul (f64.neg (local.get $s)) (local.get $a3i)))
        (local.set $a2i (f64.mul (local.get $s) (local.get $a3r)))
        (f64.store offset=8 (local.get $pr) (f64.add (local.get $a1r) (local.get $a2r)))
        (f64.store offset=24 (local.get $pr) (f64.sub (local.get $a1r) (local.get $a2r)))
        (f64.store offset=8 (local.get $pi) (f64.add (local.get $a1i) (local.get $a2i)))
        (f64.store offset=24 (local.get $pi) (f64.sub (local.get $a1i) (local.get $a2i)))
        (local.set $g (i32.add (local.get $g) (i32.const 32)))
        (br $r4)))
    ;; radix-2 stages h = 4 … m/2 (hb = 8h bytes), two butterflies per f64x2 step
    (local.set $hb (i32.const 32))
    (block $ds
      (loop $stages
        (br_if $ds (i32.ge_u (local.get $hb) (local.get $end)))
        (local.set $blk (i32.const 0))
        (block $db
          (loop $blocks
            (br_if $db (i32.ge_u (local.get $blk) (local.get $end)))
            (local.set $jb (i32.const 0))
            (local.set $tw (i32.sub (local.get $hb) (i32.const 32))) ;; table offset (h − 4)·8
            (block $dj
              (loop $js
                (br_if $dj (i32.ge_u (local.get $jb) (local.get $hb)))
                (local.set $pr (i32.add (local.get $zr) (i32.add (local.get $blk) (local.get $jb))))
                (local.set $pi (i32.add (local.get $zi) (i32.add (local.get $blk) (local.get $jb))))
                (local.set $wr (v128.load (i32.add (local.get $twr) (local.get $tw))))
                (local.set $wi (v128.load (i32.add (local.get $twi) (local.get $tw))))
                (local.set $br (v128.load (i32.add (local.get $pr) (local.get $hb))))
                (local.set $bi (v128.load (i32.add (local.get $pi) (local.get $hb))))
                (local.set $tr (f64x2.sub (f64x2.mul (local.get $br) (local.get $wr)) (f64x2.mul (local.get $bi) (local.get $wi))))
                (local.set $ti (f64x2.add (f64x2.mul (local.get $br) (local.get $wi)) (f64x2.mul (local.get $bi) (local.get $wr))))
                (local.set $ar (v128.load (local.get $pr)))
                (local.set $ai (v128.load (local.get $pi)))
                (v128.store (local.get $pr) (f64x2.add (local.get $ar) (local.get $tr)))
                (v128.store (local.get $pi) (f64x2.add (local.get $ai) (local.get $ti)))
                (v128.store (i32.add (local.get $pr) (local.get $hb)) (f64x2.sub (local.get $ar) (local.get $tr)))
                (v128.store (i32.add (local.get $pi) (local.get $hb)) (f64x2.sub (local.get $ai) (local.get $ti)))
                (local.set $jb (i32.add (local.get $jb) (i32.const 16)))
                (local.set $tw (i32.add (local.get $tw) (i32.const 16)))
                (br $js)))
            (local.set $blk (i32.add (local.get $blk) (i32.shl (local.get $hb) (i32.const 1))))
            (br $blocks)))
        (local.set $hb (i32.shl (local.get $hb) (i32.const 1)))
        (br $stages))))
  ;; rfft of x[0 … 2m) (f64) into re[0 … m], im[0 … m].
  (func (export "rfft") (param $x i32) (param $re i32) (param $im i32) (param $m i32) (param $rev i32) (param $zr i32) (param $zi i32)
    (param $twr i32) (param $twi i32) (param $wr i32) (param $wi i32)
    (local $j i32) (local $r i32) (local $a i32) (local $b i32)
    (local $er f64) (local $ei f64) (local $or f64) (local $oi f64) (local $cr f64) (local $ci f64)
    (local $va v128) (local $vb v128) (local $vc v128) (local $vd v128) (local $ver v128) (local $vei v128) (local $vor v128) (local $voi v128)
    ;; z[j] = x[2·rev j] + i·x[2·rev j + 1] (rev is an involution), two j per step: the (re, im) pairs of rev j and
    ;; rev (j+1) are loaded whole, their lanes regrouped into (re, re) and (im, im) and stored aligned
    (block $dp
      (loop $pack
        (br_if $dp (i32.ge_u (local.get $j) (local.get $m)))
        (local.set $r (i32.add (local.get $rev) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $va (v128.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $r)) (i32.const 4)))))
        (local.set $vb (v128.load (i32.add (local.get $x) (i32.shl (i32.load offset=4 (local.get $r)) (i32.const 4)))))
        (local.set $r (i32.shl (local.get $j) (i32.const 3)))
        (v128.store (i32.add (local.get $zr) (local.get $r))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $va) (local.get $vb)))
        (v128.store (i32.add (local.get $zi) (local.get $r))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $va) (local.get $vb)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pack)))
    (call $cfft (local.get $zr) (local.get $zi) (local.get $m) (local.get $twr) (local.get $twi) (f64.const -1))
    ;; X[k], X[k+1] for k = 1, 3, … ≤ m − 3 with f64x2: lanes (k, k+1) of z and, lanes swapped, (m−k, m−k−1)
    (local.set $j (i32.const 1))
    (block $dv
      (loop $splitv
        (br_if $dv (i32.ge_u (i32.add (local.get $j) (i32.const 1)) (local.get $m)))
        (local.set $a (i32.shl (local.get $j) (i32.const 3)))
        (local.set $b (i32.shl (i32.sub (i32.sub (local.get $m) (local.get $j)) (i32.const 1)) (i32.const 3)))
        (local.set $va (v128.load (i32.add (local.get $zr) (local.get $a))))
        (local.set $vb (v128.load (i32.add (local.get $zi) (local.get $a))))
        (local.set $vc (v128.load (i32.add (local.get $zr) (local.get $b))))
        (local.set $vd (v128.load (i32.add (local.get $zi) (local.get $b))))
        (local.set $vc (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $vc) (local.get $vc)))
        (local.set $vd (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $vd) (local.get $vd)))
        (local.set $ver (f64x2.mul (f64x2.add (local.get $va) (local.get $vc)) (f64x2.splat (f64.const 0.5))))
        (local.set $vei (f64x2.mul (f64x2.sub (local.get $vb) (local.get $vd)) (f64x2.splat (f64.const 0.5))))
        (local.set $vor (f64x2.mul (f64x2.add (local.get $vb) (local.get $vd)) (f64x2.splat (f64.const 0.5))))
        (local.set $voi (f64x2.mul (f64x2.sub (local.get $vc) (local.get $va)) (f64x2.splat (f64.const 0.5))))
        (local.set $va (v128.load (i32.add (local.get $wr) (local.get $a))))
        (local.set $vb (v128.load (i32.add (local.get $wi) (local.get $a))))
        (v128.store (i32.add (local.get $re) (local.get $a))
          (f64x2.sub (f64x2.add (local.get $ver) (f64x2.mul (local.get $va) (local.get $vor))) (f64x2.mul (local.get $vb) (local.get $voi))))
        (v128.store (i32.add (local.get $im) (local.get $a))
          (f64x2.add (f64x2.add (local.get $vei) (f64x2.mul (local.get $va) (local.get $voi))) (f64x2.mul (local.get $vb) (local.get $vor))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $splitv)))
    ;; the rest, scalar: k = 0, then m − 1 and m (a = k mod m, b = (m − k) mod m, byte offsets)
    (local.set $j (i32.const 0))
    (block $ds
      (loop $split
        (br_if $ds (i32.gt_u (local.get $j) (local.get $m)))
        (local.set $a (i32.shl (select (i32.const 0) (local.get $j) (i32.eq (local.get $j) (local.get $m))) (i32.const 3)))
        (local.set $b (i32.shl (select (i32.const 0) (i32.sub (local.get $m) (local.get $j)) (i32.eqz (local.get $j))) (i32.const 3)))
        (local.set $er (f64.mul (f64.add (f64.load (i32.add (local.get $zr) (local.get $a))) (f64.load (i32.add (local.get $zr) (local.get $b)))) (f64.const 0.5)))
        (local.set $ei (f64.mul (f64.sub (f64.load (i32.add (local.get $zi) (local.get $a))) (f64.load (i32.add (local.get $zi) (local.get $b)))) (f64.const 0.5)))
        (local.set $or (f64.mul (f64.add (f64.load (i32.add (local.get $zi) (local.get $a))) (f64.load (i32.add (local.get $zi) (local.get $b)))) (f64.const 0.5)))
        (local.set $oi (f64.mul (f64.sub (f64.load (i32.add (local.get $zr) (local.get $b))) (f64.load (i32.add (local.get $zr) (local.get $a)))) (f64.const 0.5)))
        (local.set $r (i32.shl (local.get $j) (i32.const 3)))
        (local.set $cr (f64.load (i32.add (local.get $wr) (local.get $r))))
        (local.set $ci (f64.load (i32.add (local.get $wi) (local.get $r))))
        (f64.store (i32.add (local.get $re) (local.get $r)) (f64.sub (f64.add (local.get $er) (f64.mul (local.get $cr) (local.get $or))) (f64.mul (local.get $ci) (local.get $oi))))
        (f64.store (i32.add (local.get $im) (local.get $r)) (f64.add (f64.add (local.get $ei) (f64.mul (local.get $cr) (local.get $oi))) (f64.mul (local.get $ci) (local.get $or))))
        (local.set $j (select (i32.sub (local.get $m) (i32.const 1)) (i32.add (local.get $j) (i32.const 1)) (i32.eqz (local.get $j))))
        (br $split))))
  ;; irfft of re[0 … m], im[0 … m] into out[0 … 2m) (f64), times 1/n.
  (func (export "irfft") (param $re i32) (param $im i32) (param $out i32) (param $m i32) (param $rev i32) (param $zr i32) (param $zi i32)
    (param $twr i32) (param $twi i32) (param $wr i32) (param $wi i32)
    (local $k i32) (local $r i32) (local $o i32) (local $p i32)
    (local $ar f64) (local $ai f64) (local $br f64) (local $bi f64) (local $dr f64) (local $di f64) (local $cr f64) (local $ci f64)
    (local $vs v128) (local $va v128) (local $vb v128) (local $vc v128) (local $vd v128) (local $vr v128) (local $vi v128)
    ;; k, k+1 for k = 1, 3, … ≤ m − 3 with f64x2 (the mirrored bins m−k, m−k−1 lane-swapped); z[rev k], z[rev k+1] stored by lane
    (local.set $k (i32.const 1))
    (block $dv
      (loop $splitv
        (br_if $dv (i32.ge_u (i32.add (local.get $k) (i32.const 1)) (local.get $m)))
        (local.set $o (i32.shl (local.get $k) (i32.const 3)))
        (local.set $p (i32.shl (i32.sub (i32.sub (local.get $m) (local.get $k)) (i32.const 1)) (i32.const 3)))
        (local.set $va (v128.load (i32.add (local.get $re) (local.get $o))))
        (local.set $vb (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (v128.load (i32.add (local.get $re) (local.get $p))) (local.get $va)))
        (local.set $vc (v128.load (i32.add (local.get $im) (local.get $o))))
        (local.set $vd (f64x2.neg (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (v128.load (i32.add (local.get $im) (local.get $p))) (local.get $va))))
        (local.set $vr (f64x2.sub (local.get $va) (local.get $vb))) ;; d
        (local.set $vi (f64x2.sub (local.get $vc) (local.get $vd)))
        (local.set $va (f64x2.add (local.get $va) (local.get $vb))) ;; 2E
        (local.set $vc (f64x2.add (local.get $vc) (local.get $vd)))
        (local.set $vs (v128.load (i32.add (local.get $wr) (local.get $o))))
        (local.set $vd (v128.load (i32.add (local.get $wi) (local.get $o))))
        (local.set $vb (f64x2.add (f64x2.mul (local.get $vr) (local.get $vs)) (f64x2.mul (local.get $vi) (local.get $vd)))) ;; 2O
        (local.set $vd (f64x2.sub (f64x2.mul (local.get $vi) (local.get $vs)) (f64x2.mul (local.get $vr) (local.get $vd))))
        (local.set $vr (f64x2.sub (local.get $va) (local.get $vd)))
        (local.set $vi (f64x2.add (local.get $vc) (local.get $vb)))
        (local.set $o (i32.add (local.get $rev) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $r (i32.shl (i32.load (local.get $o)) (i32.const 3)))
        (f64.store (i32.add (local.get $zr) (local.get $r)) (f64x2.extract_lane 0 (local.get $vr)))
        (f64.store (i32.add (local.get $zi) (local.get $r)) (f64x2.extract_lane 0 (local.get $vi)))
        (local.set $r (i32.shl (i32.load offset=4 (local.get $o)) (i32.const 3)))
        (f64.store (i32.add (local.get $zr) (local.get $r)) (f64x2.extract_lane 1 (local.get $vr)))
        (f64.store (i32.add (local.get $zi) (local.get $r)) (f64x2.extract_lane 1 (local.get $vi)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $splitv)))
    ;; the rest, scalar: k = 0, then m − 1
    (local.set $k (i32.const 0))
    (block $ds
      (loop $split
        (br_if $ds (i32.ge_u (local.get $k) (local.get $m)))
        (local.set $o (i32.shl (local.get $k) (i32.const 3)))
        (local.set $p (i32.shl (i32.sub (local.get $m) (local.get $k)) (i32.const 3)))
        (local.set $ar (f64.load (i32.add (local.get $re) (local.get $o))))
        (local.set $br (f64.load (i32.add (local.get $re) (local.get $p))))
        (local.set $ai (select (f64.const 0) (f64.load (i32.add (local.get $im) (local.get $o))) (i32.eqz (local.get $k))))
        (local.set $bi (select (f64.const 0) (f64.neg (f64.load (i32.add (local.get $im) (local.get $p)))) (i32.eqz (local.get $k))))
        (local.set $dr (f64.sub (local.get $ar) (local.get $br)))
        (local.set $di (f64.sub (local.get $ai) (local.get $bi)))
        (local.set $cr (f64.load (i32.add (local.get $wr) (local.get $o))))
        (local.set $ci (f64.load (i32.add (local.get $wi) (local.get $o))))
        ;; 2O = d·e^{+2πik/n}: (or, oi) into (br, bi); Z = 2E + i·2O into z[rev k]
        (local.set $ar (f64.add (local.get $ar) (local.get $br)))
        (local.set $ai (f64.add (local.get $ai) (local.get $bi)))
        (local.set $br (f64.add (f64.mul (local.get $dr) (local.get $cr)) (f64.mul (local.get $di) (local.get $ci))))
        (local.set $bi (f64.sub (f64.mul (local.get $di) (local.get $cr)) (f64.mul (local.get $dr) (local.get $ci))))
        (local.set $r (i32.shl (i32.load (i32.add (local.get $rev) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))
        (f64.store (i32.add (local.get $zr) (local.get $r)) (f64.sub (local.get $ar) (local.get $bi)))
        (f64.store (i32.add (local.get $zi) (local.get $r)) (f64.add (local.get $ai) (local.get $br)))
        (local.set $k (select (i32.sub (local.get $m) (i32.const 1)) (local.get $m) (i32.eqz (local.get $k))))
        (br $split)))
    (call $cfft (local.get $zr) (local.get $zi) (local.get $m) (local.get $twr) (local.get $twi) (f64.const 1))
    ;; x[2j] = Re z[j]·scale, x[2j+1] = Im z[j]·scale, two j per step (lanes regrouped from (re, re), (im, im))
    (local.set $k (i32.const 0))
    ;; 1/n = 1/(2m), computed here: a double argument from JS may be boxed per call
    (local.set $vs (f64x2.splat (f64.div (f64.const 1) (f64.convert_i32_u (i32.shl (local.get $m) (i32.const 1))))))
    (block $du
      (loop $unpack
        (br_if $du (i32.ge_u (local.get $k) (local.get $m)))
        (local.set $o (i32.shl (local.get $k) (i32.const 3)))
        (local.set $va (f64x2.mul (v128.load (i32.add (local.get $zr) (local.get $o))) (local.get $vs)))
        (local.set $vb (f64x2.mul (v128.load (i32.add (local.get $zi) (local.get $o))) (local.get $vs)))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $o) (i32.const 1))))
        (v128.store (local.get $o) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $va) (local.get $vb)))
        (v128.store offset=16 (local.get $o) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $va) (local.get $vb)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $unpack))))
)
