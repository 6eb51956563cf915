// Which URLs from a merchant may become a link or an image in the wallet.

/** True for an http(s) URL: anything else (javascript:, data:) is never put in the page. */
export function isWebUrl(url: string | null): url is string {
  if (!url || !URL.canParse(url)) {
    return false;
  }
  const protocol = new URL(url).protocol;
  return protocol === 'https:' || protocol === 'http:';
}
