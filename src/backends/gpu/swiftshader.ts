/**
 * Where a software Vulkan driver for Dawn can be found: the SwiftShader ICD
 * that Chromium ships (`vk_swiftshader_icd.json`; Debian's `chromium-common`
 * installs it in /usr/lib/chromium). The WebGPU loader points the Vulkan
 * loader at it (`VK_ICD_FILENAMES`) only when that variable is unset and no
 * hardware adapter appeared.
 *
 * @example
 * import { existsSync } from 'node:fs'
 * swiftshaderIcd(existsSync) // '/usr/lib/chromium/vk_swiftshader_icd.json' or undefined
 */

/** The places Chromium builds install SwiftShader's ICD file. @example swiftshaderCandidates[0] // '/usr/lib/chromium/vk_swiftshader_icd.json' */
export const swiftshaderCandidates: readonly string[] = [
  '/usr/lib/chromium/vk_swiftshader_icd.json',
  '/usr/lib64/chromium/vk_swiftshader_icd.json',
  '/usr/lib/chromium-browser/vk_swiftshader_icd.json',
  '/usr/lib64/chromium-browser/vk_swiftshader_icd.json',
  '/snap/chromium/current/usr/lib/chromium-browser/vk_swiftshader_icd.json',
  '/opt/google/chrome/vk_swiftshader_icd.json',
]

/**
 * The first SwiftShader ICD file that exists, or undefined.
 * @example swiftshaderIcd((p) => p.startsWith('/usr/lib/chromium/')) // '/usr/lib/chromium/vk_swiftshader_icd.json'
 */
export const swiftshaderIcd = (exists: (path: string) => boolean): string | undefined => swiftshaderCandidates.find(exists)
