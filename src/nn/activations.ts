/**
 * Activations as rate-preserving combinators: leaky ReLU max(x, αx) (Maas et
 * al. 2013; ddsp's `fc_stack` uses `tf.nn.leaky_relu`, α = 0.2) and GELU in
 * its tanh form ½x(1 + tanh(√(2/π)(x + 0.044715x³))) (Hendrycks & Gimpel
 * 2016, §2; drumblender's TCN uses the exact erf form, which the core lacks;
 * the two differ by < 1e-3).
 *
 * @example
 * leakyRelu(x)        // α = 0.2
 * gelu(x)
 */
import { add, max, mul, tanh } from '../core/math.js'
import type { Rate, Signal } from '../core/signal.js'

/**
 * Leaky ReLU: x for x ≥ 0, αx otherwise (0 ≤ α ≤ 1).
 * @param x any signal  @param alpha negative slope (default 0.2, as tf.nn.leaky_relu)
 * @example leakyRelu(h, 0.2)
 */
export const leakyRelu = <R extends Rate>(x: Signal<R>, alpha = 0.2): Signal<R> => max(x, mul(x, alpha))

/**
 * GELU, tanh approximation.
 * @param x any signal
 * @example gelu(h)
 */
export const gelu = <R extends Rate>(x: Signal<R>): Signal<R> => {
  const inner = mul(add(x, mul(mul(mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI))
  return mul(mul(x, 0.5), add(tanh(inner), 1))
}
