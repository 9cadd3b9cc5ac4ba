import { BUILTIN_PACK_FILES } from '../core/builtin-packs';
import { answerBuiltinPacksRequest, answerImportedPacksRequest } from '../utils/builtin-packs-service';
import { clearBadgeOnNavigation, handleFlagCountMessage } from '../utils/flag-count-badge';
import { validStoredPacks } from '../utils/imported-packs';
import { importedPacksItem } from '../utils/settings';
import { sendStepToActiveTab } from '../utils/step-flag-command';

export default defineBackground(() => {
  // Serialized once per background start, on the first page that asks.
  let packTexts: string[] | undefined;
  const builtinPackTexts = () => (packTexts ??= Object.values(BUILTIN_PACK_FILES).map((pack) => JSON.stringify(pack)));
  const validImportedPacks = async () => validStoredPacks(await importedPacksItem.getValue());
  browser.runtime.onMessage.addListener((message, sender) => {
    void handleFlagCountMessage(message, sender);
    // Only the pack requests are answered; for anything else no value is returned, so a popup
    // listening too is not cut off.
    return answerBuiltinPacksRequest(message, sender, builtinPackTexts) ?? answerImportedPacksRequest(message, sender, validImportedPacks);
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    void clearBadgeOnNavigation(tabId, changeInfo);
  });
  browser.commands.onCommand.addListener((command) => {
    void sendStepToActiveTab(command);
  });
});
