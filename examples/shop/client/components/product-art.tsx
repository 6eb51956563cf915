import type { ArtKind } from '../types.ts';

/** The drawing of one kind of product, in `c` on a 100×100 canvas centred at 50,50. */
function Shape({ kind, c }: { kind: ArtKind; c: string }) {
  switch (kind) {
    case 'bag':
      return (
        <g>
          <path d="M34 30h32l4 52H30z" fill={c} />
          <path d="M34 30l4-8h24l4 8z" fill={c} opacity="0.75" />
          <circle cx="50" cy="56" r="10" fill="#fff" opacity="0.9" />
          <ellipse cx="50" cy="56" rx="4" ry="6" fill={c} />
          <path d="M50 50.5c-1.5 3-1.5 8 0 11" stroke="#fff" strokeWidth="1.2" fill="none" />
        </g>
      );
    case 'drip':
      return (
        <g>
          <rect x="33" y="32" width="34" height="40" rx="3" fill="#fff" stroke={c} strokeWidth="2.5" />
          <path d="M33 40h-6v8h6M67 40h6v8h-6" stroke={c} strokeWidth="2.5" fill="none" />
          <path d="M40 50h20M40 57h20M40 64h12" stroke={c} strokeWidth="2.5" strokeLinecap="round" />
          <path d="M30 78h40" stroke={c} strokeWidth="3" strokeLinecap="round" opacity="0.5" />
        </g>
      );
    case 'bottle':
      return (
        <g>
          <rect x="43" y="20" width="14" height="8" rx="2" fill={c} />
          <path d="M42 28h16v8l6 8v36a4 4 0 0 1-4 4H40a4 4 0 0 1-4-4V44l6-8z" fill={c} />
          <rect x="38" y="52" width="24" height="16" rx="2" fill="#fff" opacity="0.85" />
          <path d="M42 60h16" stroke={c} strokeWidth="2" />
        </g>
      );
    case 'mug':
      return (
        <g>
          <path d="M30 36h34v30a10 10 0 0 1-10 10H40a10 10 0 0 1-10-10z" fill={c} />
          <path d="M64 42h5a8 8 0 0 1 0 16h-5" stroke={c} strokeWidth="5" fill="none" />
          <path d="M36 44h22" stroke="#fff" strokeWidth="2" opacity="0.6" />
          <path
            d="M40 22c0 4 4 4 4 8M50 22c0 4 4 4 4 8"
            stroke={c}
            strokeWidth="2.5"
            fill="none"
            opacity="0.6"
          />
        </g>
      );
    case 'dripper':
      return (
        <g>
          <path d="M28 30h44l-12 22H40z" fill={c} />
          <rect x="38" y="52" width="24" height="4" rx="2" fill={c} />
          <path d="M34 58h32v16a8 8 0 0 1-8 8H42a8 8 0 0 1-8-8z" fill="#fff" stroke={c} strokeWidth="2.5" />
          <path d="M38 68h24" stroke={c} strokeWidth="6" opacity="0.35" />
        </g>
      );
    case 'box':
      return (
        <g>
          <path d="M26 40l24-12 24 12-24 12z" fill={c} opacity="0.75" />
          <path d="M26 40v28l24 12V52z" fill={c} />
          <path d="M74 40v28L50 80V52z" fill={c} opacity="0.85" />
          <path d="M38 34l24 12v8" stroke="#fff" strokeWidth="3" fill="none" opacity="0.8" />
        </g>
      );
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** A product's picture: a small drawing on a soft tile (no image files needed). */
export function ProductArt(props: {
  kind: ArtKind;
  colour: string;
  background: string;
  size?: 'large' | 'small';
}) {
  return (
    <svg
      className={`art art--${props.size ?? 'large'}`}
      viewBox="0 0 100 100"
      aria-hidden="true"
      focusable="false"
      preserveAspectRatio="xMidYMid slice"
    >
      <rect width="100" height="100" fill={props.background} />
      <circle cx="80" cy="18" r="28" fill="#fff" opacity="0.35" />
      <Shape kind={props.kind} c={props.colour} />
    </svg>
  );
}
