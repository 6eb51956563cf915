import { CardPage } from './card-page.tsx';
import { CataloguePage } from './catalogue-page.tsx';
import { MyCardsPage } from './my-cards-page.tsx';
import { ProgramPage } from './program-page.tsx';

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The My Card pages under /wallet/mycard: my cards (and coupons), the catalogue at /add, a
 * program at /programs/{id}, a card at /cards/{bindingId}. Undefined for any other path.
 */
export function myCardPage(path: string) {
  if (path === '/wallet/mycard' || path === '/wallet/mycard/cards') {
    return <MyCardsPage />;
  }
  if (path === '/wallet/mycard/add') {
    return <CataloguePage />;
  }
  const program = /^\/wallet\/mycard\/programs\/([^/]+)$/.exec(path)?.[1];
  if (program) {
    const id = decode(program);
    return <ProgramPage key={id} programId={id} />;
  }
  const card = /^\/wallet\/mycard\/cards\/([^/]+)$/.exec(path)?.[1];
  if (card) {
    const id = decode(card);
    return <CardPage key={id} bindingId={id} />;
  }
  return undefined;
}
