/**
 * V8 settings for Lede's own processes (the `lede` command and the benches), set before any
 * worker thread starts so that every isolate of the process gets them. A library user's process
 * keeps its own settings: nothing here runs on import of the library.
 */
import { setFlagsFromString } from 'node:v8';

/** The flags {@link applyV8Flags} sets, each with why. */
export const v8Flags: readonly string[] = [
  // Grow the heap by 30 % over what survives a collection instead of V8's default (up to 100 %): a
  // batch keeps about 110 MB of models live per thread and churns through short-lived Docs, so
  // the default let each thread's heap double; this costs no measurable CPU and cuts peak RSS by
  // a quarter.
  '--heap-growing-percent=30',
  // Call the array builtins (`map`, `filter`, `forEach`, `some`…) instead of inlining them into
  // optimised code. Inlined, each carries a check of its array's map, and an array of another
  // map (an empty `[]` beside filled ones, a `filter` result) throws the whole function back to
  // the interpreter to be compiled again; on 825 fresh articles in one thread, TurboFan's
  // compiling fell from 7.8 to 5.8 s and the run's CPU time by 5–7 %, with the warm pipeline
  // unchanged (bench stages 11.29 / 11.38 vs 11.46 / 11.01 ms an article, same run, loaded machine).
  '--no-turbo-inline-array-builtins',
  // Tier a function up to TurboFan after eight times V8's default budget of executed bytecode
  // (67,584). The stages are large functions with many rarely taken branches: optimised early,
  // they lacked type feedback and were thrown back ("insufficient type feedback", "wrong map")
  // and compiled again, findAttributions 6 times at 130–260 ms each. One thread over the 1,650
  // shared articles compiled for 8.1 s at the default budget, 4.4 s at three times it; with two
  // analysis threads on two cores that compiling takes CPU from them: at three times the
  // budget, `lede ingest` used 1–4 s less CPU in 7 of 7 interleaved pairs and ran +1 to +11 %
  // faster in 6 of 7. Eight times (2026-11-27): 0.44 s faster on average than three times over
  // 6 interleaved pairs (faster in 4), sixteen times 0.25 s over 5; the warm code is the same, it
  // only comes later. One thread alone, whose compiling runs on the idle core, neither gains nor
  // loses beyond noise.
  '--interrupt-budget=540672',
];

/**
 * Sets {@link v8Flags} for the whole process. `LEDE_V8_FLAGS`, when set, replaces them (flags
 * separated by spaces; `0` for none), to measure with and without each.
 */
export function applyV8Flags(): void {
  for (const flag of flagsToApply(process.env['LEDE_V8_FLAGS'])) setFlagsFromString(flag);
}

/** The flags {@link applyV8Flags} sets given the value of `LEDE_V8_FLAGS`. */
export function flagsToApply(override: string | undefined): readonly string[] {
  if (override === undefined) return v8Flags;
  return override.trim() === '0' ? [] : override.split(/\s+/).filter((flag) => flag.startsWith('--'));
}
