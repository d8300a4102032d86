/** Grows a WebAssembly memory (in 64 KiB pages) to hold at least `bytes`; never shrinks it. */
export function growMemoryTo(memory: WebAssembly.Memory, bytes: number): void {
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / 65536));
}
