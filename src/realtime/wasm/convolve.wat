;; The complex multiply-add of the partitioned convolver (src/realtime/partitioned.ts) in wasm SIMD (f64x2):
;;   acc[k] = Σ_{p<P} H_p[k]·X_{b−p}[k]   (re += ar·br − ai·bi, im += ar·bi + ai·br)
;; over pairs of bins at once. Layout "bin-pair major": the pair q (bins 2q, 2q+1) of partition p is 32 bytes
;; [re 2q, re 2q+1, im 2q, im 2q+1]; H is [Q][P] of them, the FDL [Q][2P] (each input spectrum stored twice, at
;; slots s and s + P, so slots head … head+P−1 are contiguous, no wrap), the spectrum of p blocks ago in slot head + p.
;; Partitions inner so the sums stay in registers, as two chains (even, odd p) to halve add latency.
;; Pointers are byte offsets into the imported memory (16-byte aligned); spectra in/out are split re[], im[] (f64).
(module
  (import "env" "memory" (memory 1))
  ;; Stores the split spectrum (re, im; 2·pairs bins) in FDL slots head and head + P of every bin pair.
  (func (export "push") (param $re i32) (param $im i32) (param $x i32) (param $parts i32) (param $head i32) (param $pairs i32)
    (local $q i32) (local $o i32) (local $stride i32) (local $twin i32) (local $vr v128) (local $vi v128)
    (local.set $stride (i32.shl (local.get $parts) (i32.const 6))) ;; 2P slots · 32 bytes
    (local.set $twin (i32.shl (local.get $parts) (i32.const 5)))   ;; P slots · 32 bytes
    (local.set $o (i32.add (local.get $x) (i32.shl (local.get $head) (i32.const 5))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $q) (local.get $pairs)))
        (local.set $vr (v128.load (i32.add (local.get $re) (i32.shl (local.get $q) (i32.const 4)))))
        (local.set $vi (v128.load (i32.add (local.get $im) (i32.shl (local.get $q) (i32.const 4)))))
        (v128.store (local.get $o) (local.get $vr))
        (v128.store offset=16 (local.get $o) (local.get $vi))
        (v128.store (i32.add (local.get $o) (local.get $twin)) (local.get $vr))
        (v128.store offset=16 (i32.add (local.get $o) (local.get $twin)) (local.get $vi))
        (local.set $o (i32.add (local.get $o) (local.get $stride)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $pairs))))
  ;; accRe[2q, 2q+1], accIm[2q, 2q+1] = Σ_p H[q][p]·X[q][head + p] for q < pairs.
  (func (export "mac") (param $h i32) (param $x i32) (param $parts i32) (param $head i32) (param $pairs i32) (param $accRe i32) (param $accIm i32)
    (local $q i32) (local $hp i32) (local $xp i32) (local $hend i32) (local $hrow i32) (local $even i32)
    (local $ar v128) (local $ai v128) (local $br v128) (local $bi v128)
    (local $sr v128) (local $si v128) (local $tr v128) (local $ti v128)
    (local.set $hrow (i32.shl (local.get $parts) (i32.const 5)))
    (local.set $even (i32.shl (i32.and (local.get $parts) (i32.const -2)) (i32.const 5)))
    (local.set $hp (local.get $h))
    (local.set $xp (i32.add (local.get $x) (i32.shl (local.get $head) (i32.const 5))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $q) (local.get $pairs)))
        (local.set $sr (v128.const i64x2 0 0))
        (local.set $si (v128.const i64x2 0 0))
        (local.set $tr (v128.const i64x2 0 0))
        (local.set $ti (v128.const i64x2 0 0))
        (local.set $hend (i32.add (local.get $hp) (local.get $even)))
        (block $pd
          (loop $parts2
            (br_if $pd (i32.ge_u (local.get $hp) (local.get $hend)))
            (local.set $ar (v128.load (local.get $xp)))
            (local.set $ai (v128.load offset=16 (local.get $xp)))
            (local.set $br (v128.load (local.get $hp)))
            (local.set $bi (v128.load offset=16 (local.get $hp)))
            (local.set $sr (f64x2.add (local.get $sr) (f64x2.sub (f64x2.mul (local.get $ar) (local.get $br)) (f64x2.mul (local.get $ai) (local.get $bi)))))
            (local.set $si (f64x2.add (local.get $si) (f64x2.add (f64x2.mul (local.get $ar) (local.get $bi)) (f64x2.mul (local.get $ai) (local.get $br)))))
            (local.set $ar (v128.load offset=32 (local.get $xp)))
            (local.set $ai (v128.load offset=48 (local.get $xp)))
            (local.set $br (v128.load offset=32 (local.get $hp)))
            (local.set $bi (v128.load offset=48 (local.get $hp)))
            (local.set $tr (f64x2.add (local.get $tr) (f64x2.sub (f64x2.mul (local.get $ar) (local.get $br)) (f64x2.mul (local.get $ai) (local.get $bi)))))
            (local.set $ti (f64x2.add (local.get $ti) (f64x2.add (f64x2.mul (local.get $ar) (local.get $bi)) (f64x2.mul (local.get $ai) (local.get $br)))))
            (local.set $hp (i32.add (local.get $hp) (i32.const 64)))
            (local.set $xp (i32.add (local.get $xp) (i32.const 64)))
            (br $parts2)))
        ;; odd P: the last partition joins chain s
        (if (i32.and (local.get $parts) (i32.const 1)) (then
          (local.set $ar (v128.load (local.get $xp)))
          (local.set $ai (v128.load offset=16 (local.get $xp)))
          (local.set $br (v128.load (local.get $hp)))
          (local.set $bi (v128.load offset=16 (local.get $hp)))
          (local.set $sr (f64x2.add (local.get $sr) (f64x2.sub (f64x2.mul (local.get $ar) (local.get $br)) (f64x2.mul (local.get $ai) (local.get $bi)))))
          (local.set $si (f64x2.add (local.get $si) (f64x2.add (f64x2.mul (local.get $ar) (local.get $bi)) (f64x2.mul (local.get $ai) (local.get $br)))))
          (local.set $hp (i32.add (local.get $hp) (i32.const 32)))
          (local.set $xp (i32.add (local.get $xp) (i32.const 32)))))
        (v128.store (i32.add (local.get $accRe) (i32.shl (local.get $q) (i32.const 4))) (f64x2.add (local.get $sr) (local.get $tr)))
        (v128.store (i32.add (local.get $accIm) (i32.shl (local.get $q) (i32.const 4))) (f64x2.add (local.get $si) (local.get $ti)))
        ;; next pair: H rows are contiguous; the FDL row is 2P slots, of which P were walked
        (local.set $xp (i32.add (local.get $xp) (local.get $hrow)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $pairs))))
)
