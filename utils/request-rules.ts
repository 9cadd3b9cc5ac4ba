/**
 * The content script's side of the rules (the background's is in rules-service.ts). Kept apart
 * and free of zod: the content script loads it on every page.
 */
import { browser } from '#imports';
import type { CompiledSnapshot } from '../core/snapshot';
import type { BackgroundRequest } from './messages';
import type { RuleDetails } from './rules-service';

/** The packs the reader has not switched off, compiled by the background. */
export async function requestCompiledRules(disabledPacks: readonly string[]): Promise<CompiledSnapshot> {
  const request: BackgroundRequest = { type: 'get-compiled-rules', disabledPacks: [...disabledPacks] };
  const text: unknown = await browser.runtime.sendMessage(request);
  if (typeof text !== 'string') throw new Error('the background did not send the compiled rules');
  return JSON.parse(text) as CompiledSnapshot;
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
