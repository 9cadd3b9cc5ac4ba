/** The promise the whole extension keeps; shown where readers look for it. */
export function PrivacyNote() {
  return <p class="privacy">Nothing leaves your browser: analysis runs on this device.</p>;
}
