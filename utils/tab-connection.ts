/**
 * The popup's line to the content script of one tab. Replies are parsed with zod: a reply that
 * is not a valid report counts as no report. A tab without our content script (browser pages,
 * the Web Store, a page still loading) rejects the message; that is a normal state, not an error.
 */
import { browser } from '#imports';
import { PageReportSchema, type ContentRequest, type PageReport } from './messages';

export interface TabConnection {
  tabId: number;
  /** The page's report, or undefined when no content script answers in that tab. */
  getReport(): Promise<PageReport | undefined>;
  /** Asks for analysis of a page that was not detected as an article; resolves to the new report. */
  analyzePage(): Promise<PageReport | undefined>;
  /** Scrolls the page to a flag and opens its card; false when the tab did not answer. */
  focusFlag(flagId: string): Promise<boolean>;
}

export type SendToTab = (tabId: number, message: ContentRequest) => Promise<unknown>;

const sendWithBrowser: SendToTab = (tabId, message) => browser.tabs.sendMessage(tabId, message);

function asReport(reply: unknown): PageReport | undefined {
  const parsed = PageReportSchema.safeParse(reply);
  return parsed.success ? parsed.data : undefined;
}

export function createTabConnection(tabId: number, send: SendToTab = sendWithBrowser): TabConnection {
  async function request(message: ContentRequest): Promise<{ delivered: boolean; reply?: unknown }> {
    try {
      return { delivered: true, reply: await send(tabId, message) };
    } catch {
      return { delivered: false };
    }
  }
  async function getReport(): Promise<PageReport | undefined> {
    const { reply } = await request({ type: 'get-report' });
    return asReport(reply);
  }
  return {
    tabId,
    getReport,
    async analyzePage() {
      const { delivered, reply } = await request({ type: 'analyze-page' });
      if (!delivered) return undefined;
      // The content script may answer with the new report or just acknowledge; ask when it did not send one.
      return asReport(reply) ?? getReport();
    },
    async focusFlag(flagId) {
      return (await request({ type: 'focus-flag', flagId })).delivered;
    },
  };
}
