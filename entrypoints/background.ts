import { BUILTIN_PACK_FILES } from '../core/builtin-packs';
import { answerBuiltinPacksRequest } from '../utils/builtin-packs-service';
import { clearBadgeOnNavigation, handleFlagCountMessage } from '../utils/flag-count-badge';
import { sendStepToActiveTab } from '../utils/step-flag-command';

export default defineBackground(() => {
  // Serialized once per background start, on the first page that asks.
  let packTexts: string[] | undefined;
  const builtinPackTexts = () => (packTexts ??= Object.values(BUILTIN_PACK_FILES).map((pack) => JSON.stringify(pack)));
  browser.runtime.onMessage.addListener((message, sender) => {
    void handleFlagCountMessage(message, sender);
    // Only `get-builtin-packs` is answered; for anything else no value is returned, so a popup
    // listening too is not cut off.
    return answerBuiltinPacksRequest(message, sender, builtinPackTexts);
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    void clearBadgeOnNavigation(tabId, changeInfo);
  });
  browser.commands.onCommand.addListener((command) => {
    void sendStepToActiveTab(command);
  });
});
