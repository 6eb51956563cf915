import { create } from 'qrcode';
import { useMemo } from 'react';

/** Draws `text` as a QR code in SVG (crisp at any size, no canvas), with a quiet zone. */
export function QrCode({ text, label, size = 196 }: { text: string; label: string; size?: number }) {
  const { path, cells } = useMemo(() => {
    const qr = create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    let d = '';
    for (let row = 0; row < n; row += 1) {
      let col = 0;
      while (col < n) {
        if (!qr.modules.data[row * n + col]) {
          col += 1;
          continue;
        }
        const start = col;
        while (col < n && qr.modules.data[row * n + col]) {
          col += 1;
        }
        // One rectangle per run of dark modules keeps the path short.
        d += `M${start + 4} ${row + 4}h${col - start}v1h${start - col}z`;
      }
    }
    return { path: d, cells: n + 8 };
  }, [text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${cells} ${cells}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      data-qr-text={text}
    >
      <title>{label}</title>
      <rect width={cells} height={cells} fill="#fff" />
      <path d={path} fill="#111" />
    </svg>
  );
}
