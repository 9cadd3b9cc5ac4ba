import { describe, expect, it } from 'vitest';
import { sendStepToActiveTab, type TabsLike } from '../step-flag-command';

function tabs(activeTabId: number | undefined, reachable = true) {
  const sent: Array<{ tabId: number; message: unknown }> = [];
  const api: TabsLike = {
    query: async () => (activeTabId === undefined ? [] : [{ id: activeTabId }]),
    sendMessage: async (tabId, message) => {
      if (!reachable) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push({ tabId, message });
    },
  };
  return { api, sent };
}

describe('keyboard commands', () => {
  it.each([
    ['next-flag', 'next'],
    ['previous-flag', 'previous'],
  ])('sends %s to the active tab as a step %s', async (command, direction) => {
    const { api, sent } = tabs(4);
    expect(await sendStepToActiveTab(command, api)).toBe(4);
    expect(sent).toEqual([{ tabId: 4, message: { type: 'step-flag', direction } }]);
  });

  it('ignores commands it does not know', async () => {
    const { api, sent } = tabs(4);
    expect(await sendStepToActiveTab('open-sesame', api)).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('does not fail on a tab without the content script', async () => {
    const { api } = tabs(4, false);
    await expect(sendStepToActiveTab('next-flag', api)).resolves.toBeUndefined();
  });
});
