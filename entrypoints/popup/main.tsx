import { render } from 'preact';
import { PopupApp, type ReportChangeSubscriber } from '../../components/PopupApp';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import { BackgroundRequestSchema } from '../../utils/messages';
import { resolveTargetTabId, tabIdFromSearch } from '../../utils/active-tab';
import { createTabConnection } from '../../utils/tab-connection';
import '../../components/panel.css';

/** The content script announces every new analysis with a flag count; the popup listens too. */
const subscribeToReportChanges: ReportChangeSubscriber = (tabId, onChange) => {
  const listener = (message: unknown, sender: { id?: string; tab?: { id?: number } }) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id !== tabId) return;
    if (BackgroundRequestSchema.safeParse(message).success) onChange();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
};

// Opened as a page (`?tabId=N`) it flows with the window; as a toolbar popup it needs a fixed width.
if (tabIdFromSearch(location.search) === undefined) document.documentElement.classList.add('in-popup');

void resolveTargetTabId().then((tabId) => {
  render(
    <PopupApp
      connection={tabId === undefined ? undefined : createTabConnection(tabId)}
      builtinPacks={BUILTIN_PACKS}
      subscribeToReportChanges={subscribeToReportChanges}
      openOptions={() => void browser.runtime.openOptionsPage()}
    />,
    document.getElementById('app')!,
  );
});
