/**
 * Typed messages between content script, popup and background. Every message is parsed with
 * zod on arrival and checked for its sender: shape alone never earns trust, and web pages
 * cannot reach these handlers (no `externally_connectable`).
 */
import { z } from 'zod';
import { FlagSchema } from '../core/flag';

/** A flag as the popup lists it: the flag plus the sentence it sits in. */
export const FlagSummarySchema = FlagSchema.extend({ sentence: z.string() });
export type FlagSummary = z.infer<typeof FlagSummarySchema>;

export const PageReportSchema = z.object({
  url: z.string(),
  title: z.string(),
  /** Whether the content script found an article (auto-analysis) or the reader asked. */
  isArticle: z.boolean(),
  analyzed: z.boolean(),
  siteEnabled: z.boolean(),
  words: z.number().int().nonnegative(),
  flags: z.array(FlagSummarySchema),
  /** Sentences the analysis found attributed to a source (AnalysisStats.attributedSentences); lets the popup say how many claims are sourced. */
  attributedSentences: z.number().int().nonnegative().optional(),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/** Popup or background → content script of one tab. */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-report') }),
  z.object({ type: z.literal('analyze-page') }),
  z.object({ type: z.literal('focus-flag'), flagId: z.string() }),
  z.object({ type: z.literal('step-flag'), direction: z.enum(['next', 'previous']) }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

const TextSpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

/** Content script → background. */
export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flag-count'), count: z.number().int().nonnegative() }),
  /** A page that will want an analysis soon: the background compiles the packs it will need now. */
  z.object({ type: z.literal('prepare-analysis'), disabledPacks: z.array(z.string()) }),
  /** The content script sends the article's text; the background analyses it with the packs the reader left on. */
  z.object({
    type: z.literal('analyze-text'),
    disabledPacks: z.array(z.string()),
    text: z.string(),
    hints: z.object({ blocks: z.array(TextSpanSchema).optional(), links: z.array(TextSpanSchema).optional(), blockquotes: z.array(TextSpanSchema).optional() }),
  }),
  /** The card asks for a rule's explanation, alternatives and reference when the reader opens it. */
  z.object({ type: z.literal('get-rule-details'), packId: z.string(), ruleId: z.string() }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;
