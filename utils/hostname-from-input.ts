/**
 * What a reader types to switch a site off ("example.com", "https://www.example.com/news/1")
 * as the host name the content script compares with `location.hostname`.
 */
export function hostnameFromInput(input: string): string | undefined {
  const text = input.trim();
  if (!text || /\s/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  const hostname = url.hostname.toLowerCase();
  // A single word is almost always a typo ("exampl"), except for localhost.
  if (!hostname || (!hostname.includes('.') && hostname !== 'localhost' && !hostname.startsWith('['))) return undefined;
  return hostname;
}
