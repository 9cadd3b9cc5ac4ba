/** write-good 1.0.8 ships no types; this is the part of its documented API the benchmark calls. */
declare module 'write-good' {
  interface Suggestion {
    index: number;
    offset: number;
    reason: string;
  }
  export default function writeGood(text: string, options?: Record<string, unknown>): Suggestion[];
}
