import { describe, expect, it } from 'vitest';
import { ARTICLE_TEXT, LABELS_PACK, reportFor } from '../../components/__tests__/fixtures';
import { createTabConnection } from '../tab-connection';

const report = reportFor(ARTICLE_TEXT, [LABELS_PACK]);

describe('popup connection to a tab', () => {
  it('returns the report the content script sends', async () => {
    const connection = createTabConnection(3, async () => report);
    expect(await connection.getReport()).toEqual(report);
  });

  it('treats a tab without a content script as having no report, without throwing', async () => {
    const connection = createTabConnection(3, async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await connection.getReport()).toBeUndefined();
    expect(await connection.focusFlag('x')).toBe(false);
  });

  it('does not trust a reply that is not a valid report', async () => {
    const connection = createTabConnection(3, async () => ({ ...report, flags: [{ id: 'forged' }] }));
    expect(await connection.getReport()).toBeUndefined();
  });

  it('asks for the report again when analysis is only acknowledged', async () => {
    const sent: string[] = [];
    const connection = createTabConnection(3, async (_tabId, message) => {
      sent.push(message.type);
      return message.type === 'get-report' ? report : { ok: true };
    });
    expect(await connection.analyzePage()).toEqual(report);
    expect(sent).toEqual(['analyze-page', 'get-report']);
  });
});
