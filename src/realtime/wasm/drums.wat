;; The real-time 808 voices (src/realtime/voice-808.ts) in wasm SIMD: one function per voice (`kick`, `snare`,
;; `clap`, `hat`, `cowbell`) renders a block, drawing its noise with noise.wat's `draw`, from the kernels below.
;; Each is the twin, operation for operation, of its TypeScript definition; the tests compare the two voices'
;; memories after every block (each float64 intermediate) and their float32 outputs, bit for bit:
;;   decay   — drum-kernels decayBlock (runs of anchor·rʲ from the record's power table, on f64x2 lanes),
;;   osc     — drum-kernels oscBlock (the phase sum scalar, then sinPi of src/host/sine.ts on f64x2 lanes),
;;   tanh    — src/host/tanh.ts tanhExp, scaled, to float32 (f64x2 lanes),
;;   biquad, svf — drum-filters biquadBlock, svfBlock (scalar: each sample waits on the last),
;;   voices  — drum-blocks kickBlock … cowbellBlock (square tables: square-table.ts squareAt, the two squares on
;;             the two lanes of an f64x2).
;; Each voice function takes only pointers and n (JS passes no double, so a call boxes nothing); its scalars record
;; g is f64 [samples since the trigger, noise seed, gains…] (as drum-blocks.ts).
;; Pointers are byte offsets into the imported memory, 16-byte aligned; arrays of f64 (out32: f32); records as in
;; TypeScript (Decay: f64 [c, s, log r, r, anchor, A, first, j, r⁰ … r¹²⁸, pad], oscillator [w0, mod, φ], Biquad
;; [b0, b1, b2, a1, a2, x1, x2, y1, y2], Svf [k, a1, a2, a3, ic1, ic2, mode, m11, m12, n1, m21, m22, n2]).
;; Kernels work in pairs (`sin` and `tanh` in two interleaved pairs, so that the out-of-order core overlaps their
;; long dependency chains), so buffers must have room for n rounded up to 4 elements.
(module
  (import "env" "memory" (memory 1))
  ;; noise.wat's `draw`: the block's noise uniformAt(seed, c + j), j < n, from g = [c, seed, …], then g[0] = c + n
  (import "noise" "draw" (func $draw (param i32 i32 i32)))
  ;; Constants of the SIMD loops, as mutable v128 globals read into locals before each loop: TurboFan
  ;; rematerialises a splatted constant at every use inside the loop (three instructions each), a global it cannot.
  (global $PI (mut v128) (v128.const f64x2 0x1.921fb54442d18p+1 0x1.921fb54442d18p+1))
  (global $SIGN (mut v128) (v128.const i64x2 0x8000000000000000 0x8000000000000000))
  (global $MINUS_INV_FACT3 (mut v128) (v128.const f64x2 -0x1.5555555555555p-3 -0x1.5555555555555p-3))
  (global $INV_FACT5 (mut v128) (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7))
  (global $MINUS_INV_FACT7 (mut v128) (v128.const f64x2 -0x1.a01a01a01a01ap-13 -0x1.a01a01a01a01ap-13))
  (global $INV_FACT9 (mut v128) (v128.const f64x2 0x1.71de3a556c734p-19 0x1.71de3a556c734p-19))
  (global $MINUS_INV_FACT11 (mut v128) (v128.const f64x2 -0x1.ae64567f544e4p-26 -0x1.ae64567f544e4p-26))
  (global $INV_FACT13 (mut v128) (v128.const f64x2 0x1.6124613a86d09p-33 0x1.6124613a86d09p-33))
  (global $MINUS_INV_FACT15 (mut v128) (v128.const f64x2 -0x1.ae7f3e733b81fp-41 -0x1.ae7f3e733b81fp-41))
  (global $INV_FACT17 (mut v128) (v128.const f64x2 0x1.952c77030ad4ap-49 0x1.952c77030ad4ap-49))
  (global $MINUS_INV_FACT19 (mut v128) (v128.const f64x2 -0x1.2f49b46814157p-57 -0x1.2f49b46814157p-57))
  (global $ONE (mut v128) (v128.const f64x2 1 1))
  (global $MINUS_ONE (mut v128) (v128.const f64x2 -1 -1))
  (global $MINUS_TWO (mut v128) (v128.const f64x2 -2 -2))
  (global $TANH_CLAMP (mut v128) (v128.const f64x2 20 20))
  (global $MINUS_TWO_LOG2E (mut v128) (v128.const f64x2 -0x1.71547652b82fep1 -0x1.71547652b82fep1))
  (global $LN2_HI (mut v128) (v128.const f64x2 0x1.62e42fee00000p-1 0x1.62e42fee00000p-1))
  (global $LN2_LO (mut v128) (v128.const f64x2 0x1.a39ef35793c76p-33 0x1.a39ef35793c76p-33))
  (global $INV_FACT2 (mut v128) (v128.const f64x2 0x1p-1 0x1p-1))
  (global $INV_FACT3 (mut v128) (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3))
  (global $INV_FACT4 (mut v128) (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5))
  (global $INV_FACT6 (mut v128) (v128.const f64x2 0x1.6c16c16c16c17p-10 0x1.6c16c16c16c17p-10))
  (global $INV_FACT7 (mut v128) (v128.const f64x2 0x1.a01a01a01a01ap-13 0x1.a01a01a01a01ap-13))
  (global $INV_FACT8 (mut v128) (v128.const f64x2 0x1.a01a01a01a01ap-16 0x1.a01a01a01a01ap-16))
  (global $INV_FACT10 (mut v128) (v128.const f64x2 0x1.27e4fb7789f5cp-22 0x1.27e4fb7789f5cp-22))
  (global $INV_FACT11 (mut v128) (v128.const f64x2 0x1.ae64567f544e4p-26 0x1.ae64567f544e4p-26))
  (global $INV_FACT12 (mut v128) (v128.const f64x2 0x1.1eed8eff8d898p-29 0x1.1eed8eff8d898p-29))
  (global $ROUND (mut v128) (v128.const f64x2 0x1.80000000003ffp52 0x1.80000000003ffp52))
  (global $THIRD (mut v128) (v128.const f64x2 0x1.5555555555555p-2 0x1.5555555555555p-2))
  (global $HALF (mut v128) (v128.const f64x2 0.5 0.5))
  (global $SIX_TENTHS (mut v128) (v128.const f64x2 0.6 0.6))
  (global $FOUR_TENTHS (mut v128) (v128.const f64x2 0.4 0.4))

  ;; decayBlock: per sample nextDecay (attack c/A, zeros before the start, the first value) while c − s < 1, then
  ;; out = anchor·r^j in runs up to j = 128, where the anchor steps by r¹²⁸ and j restarts at 0
  (func $decay (param $d i32) (param $out i32) (param $n i32)
    (local $i i32) (local $c f64) (local $s f64) (local $a f64) (local $v f64) (local $anchor f64) (local $j i32)
    (local $m i32) (local $t i32) (local $av v128) (local $po i32) (local $oo i32)
    (local.set $c (f64.load (local.get $d)))
    (local.set $s (f64.load offset=8 (local.get $d)))
    (local.set $a (f64.load offset=40 (local.get $d)))
    (block $steady
      (loop $prologue
        (br_if $steady (i32.ge_s (local.get $i) (local.get $n)))
        (br_if $steady (f64.ge (f64.sub (local.get $c) (local.get $s)) (f64.const 1)))
        (local.set $c (f64.add (local.get $c) (f64.const 1)))
        (if (i32.and (f64.gt (local.get $a) (f64.const 0)) (f64.lt (local.get $c) (f64.add (local.get $a) (f64.const 0.5))))
          (then (local.set $v (f64.div (local.get $c) (local.get $a))))
          (else
            (if (f64.lt (f64.sub (f64.sub (local.get $c) (f64.const 1)) (local.get $s)) (f64.const 0))
              (then (local.set $v (f64.const 0)))
              (else
                (local.set $v (f64.load offset=48 (local.get $d)))
                (f64.store offset=32 (local.get $d) (local.get $v))
                (f64.store offset=56 (local.get $d) (f64.const 1))))))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))) (local.get $v))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $prologue)))
    (f64.store (local.get $d) (f64.add (local.get $c) (f64.convert_i32_s (i32.sub (local.get $n) (local.get $i)))))
    (local.set $anchor (f64.load offset=32 (local.get $d)))
    (local.set $j (i32.trunc_f64_s (f64.load offset=56 (local.get $d))))
    (block $done
      (loop $runs
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $m (i32.sub (i32.const 128) (local.get $j)))
        (if (i32.gt_s (local.get $m) (i32.sub (local.get $n) (local.get $i))) (then (local.set $m (i32.sub (local.get $n) (local.get $i)))))
        (local.set $av (f64x2.splat (local.get $anchor)))
        (local.set $po (i32.add (i32.add (local.get $d) (i32.const 64)) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $oo (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $t (i32.const 0))
        (block $pairs_done
          (loop $pairs
            (br_if $pairs_done (i32.gt_s (i32.add (local.get $t) (i32.const 2)) (local.get $m)))
            (v128.store (i32.add (local.get $oo) (i32.shl (local.get $t) (i32.const 3)))
              (f64x2.mul (local.get $av) (v128.load (i32.add (local.get $po) (i32.shl (local.get $t) (i32.const 3))))))
            (local.set $t (i32.add (local.get $t) (i32.const 2)))
            (br $pairs)))
        (if (i32.lt_s (local.get $t) (local.get $m))
          (then (f64.store (i32.add (local.get $oo) (i32.shl (local.get $t) (i32.const 3)))
            (f64.mul (local.get $anchor) (f64.load (i32.add (local.get $po) (i32.shl (local.get $t) (i32.const 3))))))))
        (local.set $i (i32.add (local.get $i) (local.get $m)))
        (local.set $j (i32.add (local.get $j) (local.get $m)))
        (if (i32.eq (local.get $j) (i32.const 128)) (then
          (local.set $anchor (f64.mul (local.get $anchor) (f64.load offset=1088 (local.get $d))))
          (local.set $j (i32.const 0))))
        (br $runs)))
    (f64.store offset=32 (local.get $d) (local.get $anchor))
    (f64.store offset=56 (local.get $d) (f64.convert_i32_s (local.get $j))))

;; out[i] = sin(φᵢ), φ advancing by w0·(1 + mod·env[i]) after each sample and kept in [−π, π); o = [w0, mod, φ]
  (func $osc (param $o i32) (param $env i32) (param $out i32) (param $n i32)
    (call $phases (local.get $o) (local.get $env) (local.get $out) (local.get $n))
    (call $sin (local.get $out) (local.get $n)))

  ;; the phases of oscBlock: out[i] = φ, then φ += w0·(1 + mod·env[i]), less 2π once it reaches π
  (func $phases (param $o i32) (param $env i32) (param $out i32) (param $n i32)
    (local $i i32) (local $p i32) (local $phase f64) (local $w0 f64) (local $mod f64)
    (local.set $w0 (f64.load (local.get $o)))
    (local.set $mod (f64.load offset=8 (local.get $o)))
    (local.set $phase (f64.load offset=16 (local.get $o)))
    (block $done
      (loop $samples
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.shl (local.get $i) (i32.const 3)))
        (f64.store (i32.add (local.get $out) (local.get $p)) (local.get $phase))
        (local.set $phase (f64.add (local.get $phase)
          (f64.mul (local.get $w0) (f64.add (f64.const 1) (f64.mul (local.get $mod) (f64.load (i32.add (local.get $env) (local.get $p))))))))
        (if (f64.ge (local.get $phase) (f64.const 0x1.921fb54442d18p+1))
          (then (local.set $phase (f64.sub (local.get $phase) (f64.const 0x1.921fb54442d18p+2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $samples)))
    (f64.store offset=16 (local.get $o) (local.get $phase)))

  ;; two oscillators' phases in one loop (two independent chains, so each waits on its own add only): $phases
  ;; for o1 into out1 and o2 into out2, both advancing by env
  (func $phases2 (param $o1 i32) (param $o2 i32) (param $env i32) (param $out1 i32) (param $out2 i32) (param $n i32)
    (local $i i32) (local $p i32) (local $e f64) (local $ph1 f64) (local $w1 f64) (local $m1 f64) (local $ph2 f64) (local $w2 f64) (local $m2 f64)
    (local.set $w1 (f64.load (local.get $o1)))
    (local.set $m1 (f64.load offset=8 (local.get $o1)))
    (local.set $ph1 (f64.load offset=16 (local.get $o1)))
    (local.set $w2 (f64.load (local.get $o2)))
    (local.set $m2 (f64.load offset=8 (local.get $o2)))
    (local.set $ph2 (f64.load offset=16 (local.get $o2)))
    (block $done
      (loop $samples
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.shl (local.get $i) (i32.const 3)))
        (local.set $e (f64.load (i32.add (local.get $env) (local.get $p))))
        (f64.store (i32.add (local.get $out1) (local.get $p)) (local.get $ph1))
        (f64.store (i32.add (local.get $out2) (local.get $p)) (local.get $ph2))
        (local.set $ph1 (f64.add (local.get $ph1) (f64.mul (local.get $w1) (f64.add (f64.const 1) (f64.mul (local.get $m1) (local.get $e))))))
        (local.set $ph2 (f64.add (local.get $ph2) (f64.mul (local.get $w2) (f64.add (f64.const 1) (f64.mul (local.get $m2) (local.get $e))))))
        (if (f64.ge (local.get $ph1) (f64.const 0x1.921fb54442d18p+1))
          (then (local.set $ph1 (f64.sub (local.get $ph1) (f64.const 0x1.921fb54442d18p+2)))))
        (if (f64.ge (local.get $ph2) (f64.const 0x1.921fb54442d18p+1))
          (then (local.set $ph2 (f64.sub (local.get $ph2) (f64.const 0x1.921fb54442d18p+2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $samples)))
    (f64.store offset=16 (local.get $o1) (local.get $ph1))
    (f64.store offset=16 (local.get $o2) (local.get $ph2)))

    ;; x ← sinPi(x) in place, two lanes at a time: the fold (min(|v|, π − |v|) with v's sign), then the polynomial
  (func $sin (param $x i32) (param $n i32)
    (local $i i32) (local $i_b i32) (local $v_b v128) (local $u_b v128) (local $z_b v128) (local $z2_b v128) (local $z4_b v128) (local $q_b v128) (local $av_b v128) (local $p_b i32) (local $p i32) (local $u v128) (local $v v128) (local $z v128) (local $z2 v128) (local $z4 v128) (local $q v128)
    (local $pi v128) (local $sign v128) (local $av v128)
    (local $s3 v128) (local $s5 v128) (local $s7 v128) (local $s9 v128) (local $s11 v128) (local $s13 v128) (local $s15 v128) (local $s17 v128) (local $s19 v128)
    ;; sK = (−1)^((K−1)/2)/K!
    (local.set $pi (global.get $PI))
    (local.set $sign (global.get $SIGN))
    (local.set $s3 (global.get $MINUS_INV_FACT3))
    (local.set $s5 (global.get $INV_FACT5))
    (local.set $s7 (global.get $MINUS_INV_FACT7))
    (local.set $s9 (global.get $INV_FACT9))
    (local.set $s11 (global.get $MINUS_INV_FACT11))
    (local.set $s13 (global.get $INV_FACT13))
    (local.set $s15 (global.get $MINUS_INV_FACT15))
    (local.set $s17 (global.get $INV_FACT17))
    (local.set $s19 (global.get $MINUS_INV_FACT19))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $i_b (i32.add (local.get $i) (i32.const 2)))
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $p_b (i32.add (local.get $x) (i32.shl (local.get $i_b) (i32.const 3))))
        (local.set $v (v128.load (local.get $p)))
        (local.set $v_b (v128.load (local.get $p_b)))
        (local.set $av (f64x2.abs (local.get $v)))
        (local.set $av_b (f64x2.abs (local.get $v_b)))
        ;; sinPi's fold: min(|v|, π − |v|) with v's sign
        (local.set $u (v128.or (f64x2.pmin (local.get $av) (f64x2.sub (local.get $pi) (local.get $av))) (v128.and (local.get $v) (local.get $sign))))
        (local.set $u_b (v128.or (f64x2.pmin (local.get $av_b) (f64x2.sub (local.get $pi) (local.get $av_b))) (v128.and (local.get $v_b) (local.get $sign))))
        (local.set $z (f64x2.mul (local.get $u) (local.get $u)))
        (local.set $z_b (f64x2.mul (local.get $u_b) (local.get $u_b)))
        (local.set $z2 (f64x2.mul (local.get $z) (local.get $z)))
        (local.set $z2_b (f64x2.mul (local.get $z_b) (local.get $z_b)))
        (local.set $z4 (f64x2.mul (local.get $z2) (local.get $z2)))
        (local.set $z4_b (f64x2.mul (local.get $z2_b) (local.get $z2_b)))
        ;; sinPi's P(z) = C3 + z·(C5 + z·q), q = (C7 + C9·z + (C11 + C13·z)·z²) + (C15 + C17·z + C19·z²)·z⁴
        (local.set $q (f64x2.add (f64x2.add (f64x2.add (local.get $s7) (f64x2.mul (local.get $s9) (local.get $z))) (f64x2.mul (f64x2.add (local.get $s11) (f64x2.mul (local.get $s13) (local.get $z))) (local.get $z2)))
          (f64x2.mul (f64x2.add (f64x2.add (local.get $s15) (f64x2.mul (local.get $s17) (local.get $z))) (f64x2.mul (local.get $s19) (local.get $z2))) (local.get $z4))))
        (local.set $q_b (f64x2.add (f64x2.add (f64x2.add (local.get $s7) (f64x2.mul (local.get $s9) (local.get $z_b))) (f64x2.mul (f64x2.add (local.get $s11) (f64x2.mul (local.get $s13) (local.get $z_b))) (local.get $z2_b)))
          (f64x2.mul (f64x2.add (f64x2.add (local.get $s15) (f64x2.mul (local.get $s17) (local.get $z_b))) (f64x2.mul (local.get $s19) (local.get $z2_b))) (local.get $z4_b))))
        (v128.store (local.get $p) (f64x2.add (local.get $u) (f64x2.mul (f64x2.mul (local.get $u) (local.get $z)) (f64x2.add (local.get $s3) (f64x2.mul (local.get $z) (f64x2.add (local.get $s5) (f64x2.mul (local.get $z) (local.get $q))))))))
        (v128.store (local.get $p_b) (f64x2.add (local.get $u_b) (f64x2.mul (f64x2.mul (local.get $u_b) (local.get $z_b)) (f64x2.add (local.get $s3) (f64x2.mul (local.get $z_b) (f64x2.add (local.get $s5) (f64x2.mul (local.get $z_b) (local.get $q_b))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $pairs))))

  ;; out32[i] = gOut·tanh(gIn·x[i]) with tanh as tanhExp: q = −2·min(|v|, 20), k = q·log₂e rounded (kk = q·log₂e + R,
  ;; k = kk − R, R = 1.5·2⁵² + 1023),
  ;; r = (q − k·ln2_hi) − k·ln2_lo, e = 2ᵏ·Σ_{j≤12} rʲ/j! (Estrin: pairs, then r², r⁴, r⁸), tanh|v| = (1 − e)/(1 + e)
  ;; with v's sign
  (func $tanh (param $x i32) (param $out32 i32) (param $n i32) (param $gin f64) (param $gout f64)
    (local $i i32) (local $i_b i32) (local $v_b v128) (local $q_b v128) (local $k_b v128) (local $r_b v128) (local $r2_b v128) (local $r4_b v128) (local $e_b v128) (local $t_b v128) (local $kk_b v128) (local $a_b v128) (local $v v128) (local $q v128) (local $k v128) (local $r v128) (local $r2 v128) (local $r4 v128) (local $e v128) (local $t v128)
    (local $one v128) (local $minus2 v128) (local $clamp v128) (local $m2log2e v128) (local $ln2hi v128) (local $ln2lo v128)
    (local $c2 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $c7 v128) (local $c8 v128) (local $c9 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $sign v128) (local $vin v128) (local $vout v128) (local $round v128) (local $kk v128) (local $a v128)
    ;; c_j = 1/j!
    (local.set $one (global.get $ONE))
    (local.set $minus2 (global.get $MINUS_TWO))
    (local.set $clamp (global.get $TANH_CLAMP))
    (local.set $m2log2e (global.get $MINUS_TWO_LOG2E))
    (local.set $ln2hi (global.get $LN2_HI))
    (local.set $ln2lo (global.get $LN2_LO))
    (local.set $c2 (global.get $INV_FACT2))
    (local.set $c3 (global.get $INV_FACT3))
    (local.set $c4 (global.get $INV_FACT4))
    (local.set $c5 (global.get $INV_FACT5))
    (local.set $c6 (global.get $INV_FACT6))
    (local.set $c7 (global.get $INV_FACT7))
    (local.set $c8 (global.get $INV_FACT8))
    (local.set $c9 (global.get $INV_FACT9))
    (local.set $c10 (global.get $INV_FACT10))
    (local.set $c11 (global.get $INV_FACT11))
    (local.set $c12 (global.get $INV_FACT12))
    (local.set $sign (global.get $SIGN))
    (local.set $round (global.get $ROUND))
    (local.set $vin (f64x2.splat (local.get $gin)))
    (local.set $vout (f64x2.splat (local.get $gout)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $i_b (i32.add (local.get $i) (i32.const 2)))
        (local.set $v (f64x2.mul (local.get $vin) (v128.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $v_b (f64x2.mul (local.get $vin) (v128.load (i32.add (local.get $x) (i32.shl (local.get $i_b) (i32.const 3))))))
        (local.set $a (f64x2.pmin (f64x2.abs (local.get $v)) (local.get $clamp)))
        (local.set $a_b (f64x2.pmin (f64x2.abs (local.get $v_b)) (local.get $clamp)))
        ;; q·log₂e as a·(−2·log₂e): scaling by −2 is exact, so the same product, one multiply sooner
        (local.set $q (f64x2.mul (local.get $minus2) (local.get $a)))
        (local.set $q_b (f64x2.mul (local.get $minus2) (local.get $a_b)))
        (local.set $kk (f64x2.add (f64x2.mul (local.get $a) (local.get $m2log2e)) (local.get $round)))
        (local.set $kk_b (f64x2.add (f64x2.mul (local.get $a_b) (local.get $m2log2e)) (local.get $round)))
        (local.set $k (f64x2.sub (local.get $kk) (local.get $round)))
        (local.set $k_b (f64x2.sub (local.get $kk_b) (local.get $round)))
        (local.set $r (f64x2.sub (f64x2.sub (local.get $q) (f64x2.mul (local.get $k) (local.get $ln2hi))) (f64x2.mul (local.get $k) (local.get $ln2lo))))
        (local.set $r_b (f64x2.sub (f64x2.sub (local.get $q_b) (f64x2.mul (local.get $k_b) (local.get $ln2hi))) (f64x2.mul (local.get $k_b) (local.get $ln2lo))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $r2_b (f64x2.mul (local.get $r_b) (local.get $r_b)))
        (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
        (local.set $r4_b (f64x2.mul (local.get $r2_b) (local.get $r2_b)))
        ;; e = (q0 + q1·r⁴) + (q2 + c12·r⁴)·r⁸, q0 = (1 + r) + (c2 + c3·r)·r², q1 = (c4 + c5·r) + (c6 + c7·r)·r², q2 = (c8 + c9·r) + (c10 + c11·r)·r²
        (local.set $e (f64x2.add
          (f64x2.add
            (f64x2.add (f64x2.add (local.get $one) (local.get $r)) (f64x2.mul (f64x2.add (local.get $c2) (f64x2.mul (local.get $c3) (local.get $r))) (local.get $r2)))
            (f64x2.mul
              (f64x2.add (f64x2.add (local.get $c4) (f64x2.mul (local.get $c5) (local.get $r))) (f64x2.mul (f64x2.add (local.get $c6) (f64x2.mul (local.get $c7) (local.get $r))) (local.get $r2)))
              (local.get $r4)))
          (f64x2.mul
            (f64x2.add
              (f64x2.add (f64x2.add (local.get $c8) (f64x2.mul (local.get $c9) (local.get $r))) (f64x2.mul (f64x2.add (local.get $c10) (f64x2.mul (local.get $c11) (local.get $r))) (local.get $r2)))
              (f64x2.mul (local.get $c12) (local.get $r4)))
            (f64x2.mul (local.get $r4) (local.get $r4)))))
        (local.set $e_b (f64x2.add
          (f64x2.add
            (f64x2.add (f64x2.add (local.get $one) (local.get $r_b)) (f64x2.mul (f64x2.add (local.get $c2) (f64x2.mul (local.get $c3) (local.get $r_b))) (local.get $r2_b)))
            (f64x2.mul
              (f64x2.add (f64x2.add (local.get $c4) (f64x2.mul (local.get $c5) (local.get $r_b))) (f64x2.mul (f64x2.add (local.get $c6) (f64x2.mul (local.get $c7) (local.get $r_b))) (local.get $r2_b)))
              (local.get $r4_b)))
          (f64x2.mul
            (f64x2.add
              (f64x2.add (f64x2.add (local.get $c8) (f64x2.mul (local.get $c9) (local.get $r_b))) (f64x2.mul (f64x2.add (local.get $c10) (f64x2.mul (local.get $c11) (local.get $r_b))) (local.get $r2_b)))
              (f64x2.mul (local.get $c12) (local.get $r4_b)))
            (f64x2.mul (local.get $r4_b) (local.get $r4_b)))))
        ;; 2ᵏ (k ∈ [−58, 0]): kk holds 2⁵¹ + k + 1023 in its low mantissa bits; shifted left by 52, k + 1023 is the
        ;; exponent field of 2ᵏ (the rest shifts out)
        (local.set $e (f64x2.mul (local.get $e) (i64x2.shl (local.get $kk) (i32.const 52))))
        (local.set $e_b (f64x2.mul (local.get $e_b) (i64x2.shl (local.get $kk_b) (i32.const 52))))
        (local.set $t (f64x2.div (f64x2.sub (local.get $one) (local.get $e)) (f64x2.add (local.get $one) (local.get $e))))
        (local.set $t_b (f64x2.div (f64x2.sub (local.get $one) (local.get $e_b)) (f64x2.add (local.get $one) (local.get $e_b))))
        ;; t ≥ 0 takes v's sign, as tanhExp (tanh is odd)
        (local.set $t (v128.or (local.get $t) (v128.and (local.get $v) (local.get $sign))))
        (local.set $t_b (v128.or (local.get $t_b) (v128.and (local.get $v_b) (local.get $sign))))
        (v128.store64_lane 0 (i32.add (local.get $out32) (i32.shl (local.get $i) (i32.const 2)))
          (f32x4.demote_f64x2_zero (f64x2.mul (local.get $vout) (local.get $t))))
        (v128.store64_lane 0 (i32.add (local.get $out32) (i32.shl (local.get $i_b) (i32.const 2)))
          (f32x4.demote_f64x2_zero (f64x2.mul (local.get $vout) (local.get $t_b))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $pairs))))

  ;; biquadBlock of x·env (x[i]·env[i], then filtered): y = b0·x + b1·x1 + b2·x2 − a2·y2 − a1·y1 (left to right), in place
  (func $biquad (param $f i32) (param $x i32) (param $env i32) (param $n i32)
    (local $i i32) (local $p i32) (local $b0 f64) (local $b1 f64) (local $b2 f64) (local $a1 f64) (local $a2 f64)
    (local $x1 f64) (local $x2 f64) (local $y1 f64) (local $y2 f64) (local $xi f64) (local $y f64)
    (local.set $b0 (f64.load (local.get $f)))
    (local.set $b1 (f64.load offset=8 (local.get $f)))
    (local.set $b2 (f64.load offset=16 (local.get $f)))
    (local.set $a1 (f64.load offset=24 (local.get $f)))
    (local.set $a2 (f64.load offset=32 (local.get $f)))
    (local.set $x1 (f64.load offset=40 (local.get $f)))
    (local.set $x2 (f64.load offset=48 (local.get $f)))
    (local.set $y1 (f64.load offset=56 (local.get $f)))
    (local.set $y2 (f64.load offset=64 (local.get $f)))
    (block $done
      (loop $samples
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $xi (f64.mul (f64.load (local.get $p)) (f64.load (i32.add (local.get $env) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $y (f64.sub (f64.sub (f64.add (f64.add (f64.mul (local.get $b0) (local.get $xi)) (f64.mul (local.get $b1) (local.get $x1)))
          (f64.mul (local.get $b2) (local.get $x2))) (f64.mul (local.get $a2) (local.get $y2))) (f64.mul (local.get $a1) (local.get $y1))))
        (local.set $x2 (local.get $x1))
        (local.set $x1 (local.get $xi))
        (local.set $y2 (local.get $y1))
        (local.set $y1 (local.get $y))
        (f64.store (local.get $p) (local.get $y))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $samples)))
    (f64.store offset=40 (local.get $f) (local.get $x1))
    (f64.store offset=48 (local.get $f) (local.get $x2))
    (f64.store offset=56 (local.get $f) (local.get $y1))
    (f64.store offset=64 (local.get $f) (local.get $y2)))

  ;; svfBlock: v1 = a1·ic1 + a2·(x − ic2), v2 = ic2 + a2·ic1 + a3·(x − ic2); ic1 ← n1·x + m12·ic2 + m11·ic1,
  ;; ic2 ← n2·x + m21·ic1 + m22·ic2; out low v2, band v1, high x − k·v1 − v2; in place
  (func $svf (param $f i32) (param $x i32) (param $n i32)
    (local $i i32) (local $p i32) (local $k f64) (local $a1 f64) (local $a2 f64) (local $a3 f64) (local $mode f64)
    (local $m11 f64) (local $m12 f64) (local $n1 f64) (local $m21 f64) (local $m22 f64) (local $n2 f64)
    (local $ic1 f64) (local $ic2 f64) (local $xi f64) (local $v1 f64) (local $v2 f64) (local $next f64)
    (local.set $k (f64.load (local.get $f)))
    (local.set $a1 (f64.load offset=8 (local.get $f)))
    (local.set $a2 (f64.load offset=16 (local.get $f)))
    (local.set $a3 (f64.load offset=24 (local.get $f)))
    (local.set $ic1 (f64.load offset=32 (local.get $f)))
    (local.set $ic2 (f64.load offset=40 (local.get $f)))
    (local.set $mode (f64.load offset=48 (local.get $f)))
    (local.set $m11 (f64.load offset=56 (local.get $f)))
    (local.set $m12 (f64.load offset=64 (local.get $f)))
    (local.set $n1 (f64.load offset=72 (local.get $f)))
    (local.set $m21 (f64.load offset=80 (local.get $f)))
    (local.set $m22 (f64.load offset=88 (local.get $f)))
    (local.set $n2 (f64.load offset=96 (local.get $f)))
    (block $done
      (loop $samples
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $xi (f64.load (local.get $p)))
        (local.set $v1 (f64.add (f64.mul (local.get $a1) (local.get $ic1)) (f64.mul (local.get $a2) (f64.sub (local.get $xi) (local.get $ic2)))))
        (local.set $v2 (f64.add (f64.add (local.get $ic2) (f64.mul (local.get $a2) (local.get $ic1))) (f64.mul (local.get $a3) (f64.sub (local.get $xi) (local.get $ic2)))))
        (local.set $next (f64.add (f64.add (f64.mul (local.get $n1) (local.get $xi)) (f64.mul (local.get $m12) (local.get $ic2))) (f64.mul (local.get $m11) (local.get $ic1))))
        (local.set $ic2 (f64.add (f64.add (f64.mul (local.get $n2) (local.get $xi)) (f64.mul (local.get $m21) (local.get $ic1))) (f64.mul (local.get $m22) (local.get $ic2))))
        (local.set $ic1 (local.get $next))
        (f64.store (local.get $p)
          (if (result f64) (f64.eq (local.get $mode) (f64.const 0)) (then (local.get $v2))
            (else (if (result f64) (f64.eq (local.get $mode) (f64.const 1)) (then (local.get $v1))
              (else (f64.sub (f64.sub (local.get $xi) (f64.mul (local.get $k) (local.get $v1))) (local.get $v2)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $samples)))
    (f64.store offset=32 (local.get $f) (local.get $ic1))
    (f64.store offset=40 (local.get $f) (local.get $ic2)))

  ;; g[0] += n (the voices without noise count their samples too)
  (func $count (param $g i32) (param $n i32)
    (f64.store (local.get $g) (f64.add (f64.load (local.get $g)) (f64.convert_i32_s (local.get $n)))))

  ;; kickBlock: y = sin·e_amp + noise·e_click·g_click, out = g_out·tanh(g_in·y)
  (func (export "kick") (param $noise i32) (param $ef i32) (param $ea i32) (param $ec i32) (param $y i32) (param $d i32)
    (param $osc i32) (param $out32 i32) (param $gs i32) (param $n i32)
    (local $i i32) (local $p i32) (local $g v128)
    (call $draw (local.get $noise) (local.get $n) (local.get $gs))
    (call $decay (local.get $d) (local.get $ef) (local.get $n))
    (call $decay (i32.add (local.get $d) (i32.const 1104)) (local.get $ea) (local.get $n))
    (call $decay (i32.add (local.get $d) (i32.const 2208)) (local.get $ec) (local.get $n))
    (call $osc (local.get $osc) (local.get $ef) (local.get $y) (local.get $n))
    (local.set $g (f64x2.splat (f64.load offset=16 (local.get $gs))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.shl (local.get $i) (i32.const 3)))
        (v128.store (i32.add (local.get $y) (local.get $p))
          (f64x2.add (f64x2.mul (v128.load (i32.add (local.get $y) (local.get $p))) (v128.load (i32.add (local.get $ea) (local.get $p))))
            (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $noise) (local.get $p))) (v128.load (i32.add (local.get $ec) (local.get $p)))) (local.get $g))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (call $tanh (local.get $y) (local.get $out32) (local.get $n) (f64.load offset=24 (local.get $gs)) (f64.load offset=32 (local.get $gs))))

  ;; snareBlock (its two phase sums in one loop, its noise·e_n inside the high-pass): noise ← HPF(noise·e_n);
  ;; y = sin₁·g1·e1 + sin₂·g2·e2 + clip(noise, −1, 1)·g_n (lfilter's clamp=True, as Math.min(Math.max(x, −1), 1)); out = tanh(g_t·y)
  (func (export "snare") (param $noise i32) (param $ef i32) (param $e1 i32) (param $e2 i32) (param $en i32) (param $y1 i32) (param $y2 i32)
    (param $d i32) (param $o1 i32) (param $o2 i32) (param $hp i32) (param $out32 i32) (param $gs i32) (param $n i32)
    (local $i i32) (local $p i32) (local $v1 v128) (local $v2 v128) (local $vn v128) (local $lo v128) (local $hi v128)
    (call $draw (local.get $noise) (local.get $n) (local.get $gs))
    (call $decay (local.get $d) (local.get $ef) (local.get $n))
    (call $decay (i32.add (local.get $d) (i32.const 1104)) (local.get $e1) (local.get $n))
    (call $decay (i32.add (local.get $d) (i32.const 2208)) (local.get $e2) (local.get $n))
    (call $decay (i32.add (local.get $d) (i32.const 3312)) (local.get $en) (local.get $n))
    (call $phases2 (local.get $o1) (local.get $o2) (local.get $ef) (local.get $y1) (local.get $y2) (local.get $n))
    (call $sin (local.get $y1) (local.get $n))
    (call $sin (local.get $y2) (local.get $n))
    (call $biquad (local.get $hp) (local.get $noise) (local.get $en) (local.get $n))
    (local.set $v1 (f64x2.splat (f64.load offset=16 (local.get $gs))))
    (local.set $v2 (f64x2.splat (f64.load offset=24 (local.get $gs))))
    (local.set $vn (f64x2.splat (f64.load offset=32 (local.get $gs))))
    (local.set $lo (global.get $MINUS_ONE))
    (local.set $hi (global.get $ONE))
    (local.set $i (i32.const 0))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.shl (local.get $i) (i32.const 3)))
        (v128.store (i32.add (local.get $y1) (local.get $p))
          (f64x2.add
            (f64x2.add
              (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $y1) (local.get $p))) (local.get $v1)) (v128.load (i32.add (local.get $e1) (local.get $p))))
              (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $y2) (local.get $p))) (local.get $v2)) (v128.load (i32.add (local.get $e2) (local.get $p)))))
            (f64x2.mul (f64x2.min (f64x2.max (v128.load (i32.add (local.get $noise) (local.get $p))) (local.get $lo)) (local.get $hi)) (local.get $vn))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs)))
    (call $tanh (local.get $y1) (local.get $out32) (local.get $n) (f64.load offset=40 (local.get $gs)) (f64.const 1)))

  ;; clapBlock: noise ← BPF(noise); env = burst₀ + burst₁ + burst₂ + burst₃ + ½·tail (in that order); out = noise·env·gain
  (func (export "clap") (param $noise i32) (param $env i32) (param $e i32) (param $d i32) (param $bp i32) (param $out32 i32)
    (param $gs i32) (param $n i32)
    (local $i i32) (local $p i32) (local $k i32) (local $w v128) (local $g v128)
    (call $draw (local.get $noise) (local.get $n) (local.get $gs))
    (call $svf (local.get $bp) (local.get $noise) (local.get $n))
    (call $decay (local.get $d) (local.get $env) (local.get $n))
    (local.set $k (i32.const 1))
    (block $bursts_done
      (loop $bursts
        (br_if $bursts_done (i32.ge_s (local.get $k) (i32.const 5)))
        (call $decay (i32.add (local.get $d) (i32.mul (local.get $k) (i32.const 1104))) (local.get $e) (local.get $n))
        (local.set $w (f64x2.splat (select (f64.const 0.5) (f64.const 1) (i32.eq (local.get $k) (i32.const 4)))))
        (local.set $i (i32.const 0))
        (block $done
          (loop $pairs
            (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $p (i32.shl (local.get $i) (i32.const 3)))
            (v128.store (i32.add (local.get $env) (local.get $p))
              (f64x2.add (v128.load (i32.add (local.get $env) (local.get $p))) (f64x2.mul (local.get $w) (v128.load (i32.add (local.get $e) (local.get $p))))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $pairs)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $bursts)))
    (local.set $g (f64x2.splat (f64.load offset=16 (local.get $gs))))
    (local.set $i (i32.const 0))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.shl (local.get $i) (i32.const 3)))
        (v128.store64_lane 0 (i32.add (local.get $out32) (i32.shl (local.get $i) (i32.const 2)))
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $noise) (local.get $p))) (v128.load (i32.add (local.get $env) (local.get $p)))) (local.get $g))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs))))

  ;; hatBlock: x ← HPF(BPF(x)); out = x·e·gain
  (func (export "hat") (param $x i32) (param $e i32) (param $amp i32) (param $bp i32) (param $hp i32) (param $out32 i32)
    (param $gs i32) (param $n i32)
    (local $i i32) (local $p i32) (local $g v128)
    (call $count (local.get $gs) (local.get $n))
    (call $svf (local.get $bp) (local.get $x) (local.get $n))
    (call $svf (local.get $hp) (local.get $x) (local.get $n))
    (call $decay (local.get $amp) (local.get $e) (local.get $n))
    (local.set $g (f64x2.splat (f64.load offset=16 (local.get $gs))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.shl (local.get $i) (i32.const 3)))
        (v128.store64_lane 0 (i32.add (local.get $out32) (i32.shl (local.get $i) (i32.const 2)))
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $x) (local.get $p))) (v128.load (i32.add (local.get $e) (local.get $p)))) (local.get $g))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs))))

  ;; cowbellBlock: x = ½·S₁(c·f₁/sr) + ½·S₂(c·f₂/sr) by squareAt, S₁ on lane 0 and S₂ on lane 1 (tables ta, tb);
  ;; x ← BPF(x); out = x·(0.6·e_short + 0.4·e_long)·gain; c = g[0] (samples since the trigger), sq = [f₁/sr, f₂/sr,
  ;; N₁, N₂] (the tables' points per period)
  (func (export "cowbell") (param $x i32) (param $es i32) (param $el i32) (param $d i32) (param $bp i32) (param $sq i32)
    (param $ta i32) (param $tb i32) (param $out32 i32) (param $gs i32) (param $n i32)
    (local $i i32) (local $p i32) (local $c f64) (local $inc v128) (local $phi v128) (local $u v128) (local $jf v128) (local $t v128)
    (local $ji v128) (local $pa i32) (local $pb i32) (local $pm v128) (local $p0 v128) (local $p1 v128) (local $p2 v128)
    (local $c1 v128) (local $c2 v128) (local $c3 v128) (local $y v128) (local $third v128) (local $half v128) (local $sixth v128)
    (local $points v128) (local $g v128) (local $six v128) (local $four v128)
    (local.set $third (global.get $THIRD))
    (local.set $half (global.get $HALF))
    (local.set $sixth (global.get $INV_FACT3))
    (local.set $points (v128.load offset=16 (local.get $sq)))
    (local.set $c (f64.load (local.get $gs)))
    (local.set $inc (v128.load (local.get $sq)))
    (block $done
      (loop $samples
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $phi (f64x2.mul (f64x2.splat (local.get $c)) (local.get $inc)))
        (local.set $u (f64x2.mul (f64x2.sub (local.get $phi) (f64x2.floor (local.get $phi))) (local.get $points)))
        (local.set $jf (f64x2.floor (local.get $u)))
        (local.set $t (f64x2.sub (local.get $u) (local.get $jf)))
        (local.set $ji (i32x4.trunc_sat_f64x2_s_zero (local.get $jf)))
        (local.set $pa (i32.add (local.get $ta) (i32.shl (i32x4.extract_lane 0 (local.get $ji)) (i32.const 3))))
        (local.set $pb (i32.add (local.get $tb) (i32.shl (i32x4.extract_lane 1 (local.get $ji)) (i32.const 3))))
        (local.set $pm (v128.load64_lane 1 (local.get $pb) (v128.load64_zero (local.get $pa))))
        (local.set $p0 (v128.load64_lane offset=8 1 (local.get $pb) (v128.load64_zero offset=8 (local.get $pa))))
        (local.set $p1 (v128.load64_lane offset=16 1 (local.get $pb) (v128.load64_zero offset=16 (local.get $pa))))
        (local.set $p2 (v128.load64_lane offset=24 1 (local.get $pb) (v128.load64_zero offset=24 (local.get $pa))))
        ;; c1 = p1 − pm·⅓ − p0·½ − p2·⅙, c2 = (pm + p1)·½ − p0, c3 = (p2 − pm)·⅙ + (p0 − p1)·½ (left to right, as squareAt)
        (local.set $c1 (f64x2.sub (f64x2.sub (f64x2.sub (local.get $p1) (f64x2.mul (local.get $pm) (local.get $third)))
          (f64x2.mul (local.get $p0) (local.get $half))) (f64x2.mul (local.get $p2) (local.get $sixth))))
        (local.set $c2 (f64x2.sub (f64x2.mul (f64x2.add (local.get $pm) (local.get $p1)) (local.get $half)) (local.get $p0)))
        (local.set $c3 (f64x2.add (f64x2.mul (f64x2.sub (local.get $p2) (local.get $pm)) (local.get $sixth))
          (f64x2.mul (f64x2.sub (local.get $p0) (local.get $p1)) (local.get $half))))
        (local.set $y (f64x2.mul (local.get $half) (f64x2.add (local.get $p0) (f64x2.mul (local.get $t)
          (f64x2.add (local.get $c1) (f64x2.mul (local.get $t) (f64x2.add (local.get $c2) (f64x2.mul (local.get $t) (local.get $c3)))))))))
        (f64.store (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))
          (f64.add (f64x2.extract_lane 0 (local.get $y)) (f64x2.extract_lane 1 (local.get $y))))
        (local.set $c (f64.add (local.get $c) (f64.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $samples)))
    (f64.store (local.get $gs) (local.get $c))
    (call $svf (local.get $bp) (local.get $x) (local.get $n))
    (call $decay (local.get $d) (local.get $es) (local.get $n))
    (call $decay (i32.add (local.get $d) (i32.const 1104)) (local.get $el) (local.get $n))
    (local.set $six (global.get $SIX_TENTHS))
    (local.set $four (global.get $FOUR_TENTHS))
    (local.set $g (f64x2.splat (f64.load offset=16 (local.get $gs))))
    (local.set $i (i32.const 0))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $p (i32.shl (local.get $i) (i32.const 3)))
        (v128.store64_lane 0 (i32.add (local.get $out32) (i32.shl (local.get $i) (i32.const 2)))
          (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $x) (local.get $p)))
            (f64x2.add (f64x2.mul (local.get $six) (v128.load (i32.add (local.get $es) (local.get $p)))) (f64x2.mul (local.get $four) (v128.load (i32.add (local.get $el) (local.get $p))))))
            (local.get $g))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs))))
)
