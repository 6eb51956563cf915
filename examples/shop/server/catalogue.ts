// What the shop sells: a static catalogue in code (prices in TWD, which has no minor unit).

/** The pictures the front-end can draw. */
export type ArtKind = 'bag' | 'drip' | 'bottle' | 'mug' | 'dripper';

/** A product on sale. */
export interface Product {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Price in minor units of `currency`. */
  readonly price: bigint;
  /** Drawn by the front-end as the product's picture (inline SVG: no image files, no emoji font). */
  readonly art: { readonly kind: ArtKind; readonly colour: string; readonly background: string };
}

/** A plan bought once with a preapproved payment and charged again every month. */
export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly price: bigint;
}

/** The shop's one currency. */
export const shopCurrency = 'TWD';

/** The shop's name, shown on LINE Pay's payment page. */
export const shopName = 'Jinliu Coffee';

/** Everything on sale, in display order. */
export const products: readonly Product[] = [
  {
    id: 'house-blend',
    name: 'House blend, 250 g',
    description: 'Chocolate and toasted nuts. Our everyday espresso and filter roast.',
    price: 420n,
    art: { kind: 'bag', colour: '#6b3e26', background: '#f3e3cf' },
  },
  {
    id: 'alishan-single-origin',
    name: 'Alishan single origin, 200 g',
    description: 'Washed process from Chiayi: jasmine, honey and a long sweet finish.',
    price: 680n,
    art: { kind: 'bag', colour: '#2f6b4f', background: '#dcebdc' },
  },
  {
    id: 'drip-bags',
    name: 'Drip bags, box of 10',
    description: 'Hang one on a cup, pour hot water, done. Good for the office.',
    price: 290n,
    art: { kind: 'drip', colour: '#c67c3b', background: '#f6e7d8' },
  },
  {
    id: 'cold-brew',
    name: 'Cold brew packs, 6',
    description: 'Steep overnight in the fridge for a smooth, low-acid cold coffee.',
    price: 360n,
    art: { kind: 'bottle', colour: '#2c4a63', background: '#dfeef6' },
  },
  {
    id: 'ceramic-mug',
    name: 'Yingge ceramic mug',
    description: 'Hand-glazed in Yingge, 300 ml, dishwasher safe.',
    price: 550n,
    art: { kind: 'mug', colour: '#7b4f8a', background: '#efe2f0' },
  },
  {
    id: 'pour-over-kit',
    name: 'Pour-over starter kit',
    description: 'Dripper, 40 filters and a scoop: everything for a clean cup at home.',
    price: 1280n,
    art: { kind: 'dripper', colour: '#a0782c', background: '#f5f0da' },
  },
];

/** The monthly subscription. */
export const coffeeClub: Plan = {
  id: 'coffee-club',
  name: 'Coffee club',
  description: 'A fresh 250 g bag of the month’s roast at your door, every month. Cancel any time.',
  price: 299n,
};

/** The product with this id, if it is on sale. */
export function findProduct(id: string): Product | undefined {
  return products.find((p) => p.id === id);
}

/** Limits of one cart, so a typo cannot make a NT$10,000,000 order. */
export const cartLimits = { lines: 20, quantity: 20 } as const;
