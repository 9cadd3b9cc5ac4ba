/**
 * The content script's side of the analysis (the background's is in analysis-service.ts).
 * Kept apart and free of zod and of the analysis core: the content script loads it on every page.
 */
import { browser } from '#imports';
import type { StructureHints } from '../core/flag';
import type { AnalysisReply, RuleDetails } from './analysis-service';
import type { BackgroundRequest } from './messages';

/** Asks the background to have the rules for this pack set compiled before the page's text arrives. */
export async function prepareAnalysis(disabledPacks: readonly string[]): Promise<void> {
  const request: BackgroundRequest = { type: 'prepare-analysis', disabledPacks: [...disabledPacks] };
  await browser.runtime.sendMessage(request);
}

/** The flags of `text`, analysed by the background with the packs the reader has not switched off. */
export async function requestAnalysis(disabledPacks: readonly string[], text: string, hints: StructureHints): Promise<AnalysisReply> {
  const request: BackgroundRequest = { type: 'analyze-text', disabledPacks: [...disabledPacks], text, hints };
  const reply: unknown = await browser.runtime.sendMessage(request);
  if (typeof reply !== 'object' || reply === null || !Array.isArray((reply as AnalysisReply).flags)) {
    throw new Error('the background did not send the analysis');
  }
  return reply as AnalysisReply;
}

/** What the card says about a rule; null when no enabled or built-in pack has it (any more). */
export async function requestRuleDetails(packId: string, ruleId: string): Promise<RuleDetails | null> {
  const request: BackgroundRequest = { type: 'get-rule-details', packId, ruleId };
  const details: unknown = await browser.runtime.sendMessage(request);
  if (details === null) return null;
  if (typeof details !== 'object' || typeof (details as RuleDetails).packName !== 'string' || typeof (details as RuleDetails).rule !== 'object') {
    throw new Error('the background did not send the rule');
  }
  return details as RuleDetails;
}
