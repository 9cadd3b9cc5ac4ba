/**
 * Saves text as a file through a Blob URL and an `<a download>`: no `downloads` permission and
 * nothing sent anywhere.
 */
export function downloadFile(
  fileName: string,
  content: string,
  mimeType: string,
  document: Document = globalThis.document,
): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
