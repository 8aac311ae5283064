;; drums module, part 1 of 3 (scripts/wat.ts joins drums/*.wat in file-name order): header, constants, decay and oscillators.
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

