import { clearBadgeOnNavigation, handleFlagCountMessage } from '../utils/flag-count-badge';
import { sendStepToActiveTab } from '../utils/step-flag-command';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => {
    // No return value: the background never answers, so a popup listening too is not cut off.
    void handleFlagCountMessage(message, sender);
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    void clearBadgeOnNavigation(tabId, changeInfo);
  });
  browser.commands.onCommand.addListener((command) => {
    void sendStepToActiveTab(command);
  });
});
