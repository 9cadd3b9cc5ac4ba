/**
 * The flag model: what the analysis core hands to the CLI, the evaluation, the DOM layer
 * and the UI. Offsets are UTF-16 code-unit offsets into the analyzed text.
 */
import { z } from 'zod';
import { CategorySchema, SeveritySchema } from './schema';

/** What a reader sees; each kind has its own highlight style. */
export const FlagKindSchema = z.enum(['loaded-term', 'scare-quote', 'vague-attribution', 'unsourced-assertion']);
export type FlagKind = z.infer<typeof FlagKindSchema>;

export const FlagSchema = z.object({
  /** Stable within one analysis: `${start}:${end}:${packId}/${ruleId}`. */
  id: z.string(),
  kind: FlagKindSchema,
  packId: z.string(),
  ruleId: z.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** Inside a quotation of someone else: shown, but not charged to the writer. */
  quoted: z.boolean(),
  sentenceStart: z.number().int().nonnegative(),
  sentenceEnd: z.number().int().nonnegative(),
  /** For unsourced assertions: the words that make the sentence a claim (the flag spans the sentence). */
  trigger: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).optional(),
});
export type Flag = z.infer<typeof FlagSchema>;

/** Offsets [start, end) into the analyzed text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * What the DOM layer knows and plain text does not. `blocks` are the paragraphs (no sentence
 * crosses a block boundary); `links` and `blockquotes` count as attribution and quotation.
 */
export interface StructureHints {
  blocks?: TextSpan[];
  links?: TextSpan[];
  blockquotes?: TextSpan[];
}

export interface AnalysisStats {
  characters: number;
  words: number;
  sentences: number;
  flags: number;
  byKind: Record<FlagKind, number>;
  /** Sentences recognised as attributed (a reporting verb with source, "according to", a link…). */
  attributedSentences: number;
}
