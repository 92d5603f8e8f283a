/** Only web pages over TLS and mail drafts may leave the app; file:, javascript: and the rest never. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || url.protocol === 'mailto:';
}
