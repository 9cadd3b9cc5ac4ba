import { BUILTIN_PACKS } from '../core/builtin-packs';
import { clearBadgeOnNavigation, handleFlagCountMessage } from '../utils/flag-count-badge';
import { answerAnalysisRequest, createAnalysisService } from '../utils/analysis-service';
import { importedPacksItem } from '../utils/settings-store';
import { sendStepToActiveTab } from '../utils/step-flag-command';

export default defineBackground(() => {
  const analysis = createAnalysisService({ builtin: BUILTIN_PACKS, storedImports: () => importedPacksItem.getValue() });
  browser.runtime.onMessage.addListener((message, sender) => {
    void handleFlagCountMessage(message, sender);
    // Only the analysis requests are answered; for anything else no value is returned, so a
    // popup listening too is not cut off.
    return answerAnalysisRequest(analysis, message, sender);
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    void clearBadgeOnNavigation(tabId, changeInfo);
  });
  browser.commands.onCommand.addListener((command) => {
    void sendStepToActiveTab(command);
  });
});
