// The Jinliu Coffee Club logo (the shop's cup on a square), served at /membership/logo.svg for
// the wallet's card and drawn inline on the binding page.

/** The logo as an SVG document. */
export const clubLogoSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">' +
  '<rect width="64" height="64" rx="16" fill="#6b3e26"/>' +
  '<path d="M17 25h24v12a10 10 0 0 1-10 10h-4a10 10 0 0 1-10-10z" fill="#fdf6ec"/>' +
  '<path d="M41 29h3a5 5 0 0 1 0 10h-3" stroke="#fdf6ec" stroke-width="3.4" fill="none"/>' +
  '<path d="M24 15c0 3 3 3 3 6M32 15c0 3 3 3 3 6" stroke="#e8b98a" stroke-width="2.6" fill="none" stroke-linecap="round"/>' +
  '<circle cx="29" cy="35" r="4.2" fill="#c67c3b"/>' +
  '</svg>';
