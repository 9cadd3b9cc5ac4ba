import { BUILTIN_PACK_FILES, BUILTIN_PACKS } from '../core/builtin-packs';
import { compilePacks } from '../core/compile';
import { snapshotOf } from '../core/snapshot';
import { answerBuiltinPacksRequest, answerBuiltinSnapshotRequest, answerImportedPacksRequest } from '../utils/builtin-packs-service';
import { clearBadgeOnNavigation, handleFlagCountMessage } from '../utils/flag-count-badge';
import { validStoredPacks } from '../utils/imported-packs';
import { importedPacksItem } from '../utils/settings';
import { sendStepToActiveTab } from '../utils/step-flag-command';

export default defineBackground(() => {
  // Serialized once per background start, on the first page that asks.
  let packTexts: string[] | undefined;
  const builtinPackTexts = () => (packTexts ??= Object.values(BUILTIN_PACK_FILES).map((pack) => JSON.stringify(pack)));
  let snapshotText: string | undefined;
  const builtinSnapshotText = () => (snapshotText ??= JSON.stringify(snapshotOf(compilePacks(BUILTIN_PACKS))));
  const validImportedPacks = async () => validStoredPacks(await importedPacksItem.getValue());
  browser.runtime.onMessage.addListener((message, sender) => {
    void handleFlagCountMessage(message, sender);
    // Only the pack requests are answered; for anything else no value is returned, so a popup
    // listening too is not cut off.
    return (
      answerBuiltinPacksRequest(message, sender, builtinPackTexts) ??
      answerBuiltinSnapshotRequest(message, sender, builtinSnapshotText) ??
      answerImportedPacksRequest(message, sender, validImportedPacks)
    );
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    void clearBadgeOnNavigation(tabId, changeInfo);
  });
  browser.commands.onCommand.addListener((command) => {
    void sendStepToActiveTab(command);
  });
});
