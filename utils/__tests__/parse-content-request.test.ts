import { describe, expect, it } from 'vitest';
import { ContentRequestSchema } from '../messages';
import { parseContentRequest } from '../parse-content-request';

const MESSAGES: Array<[string, unknown]> = [
  ['a report request', { type: 'get-report' }],
  ['an analysis request with an extra field', { type: 'analyze-page', tabId: 4 }],
  ['a focus request', { type: 'focus-flag', flagId: '10:20:pack/rule' }],
  ['a focus request without a flag', { type: 'focus-flag' }],
  ['a focus request with a numeric flag', { type: 'focus-flag', flagId: 7 }],
  ['a step forward', { type: 'step-flag', direction: 'next' }],
  ['a step backward', { type: 'step-flag', direction: 'previous' }],
  ['a step sideways', { type: 'step-flag', direction: 'left' }],
  ['the background’s own request', { type: 'prepare-analysis', disabledPacks: [] }],
  ['an unknown type', { type: 'hello' }],
  ['no type', {}],
  ['a list', [{ type: 'get-report' }]],
  ['a string', 'get-report'],
  ['null', null],
];

describe('checking requests to the content script without zod', () => {
  it.each(MESSAGES)('treats %s exactly as the message schema does', (_, message) => {
    const parsed = ContentRequestSchema.safeParse(message);
    expect(parseContentRequest(message)).toEqual(parsed.success ? parsed.data : undefined);
  });
});
