import { type ReactNode, useMemo } from 'react';
import { barcodeBars, barsPath, type LinearFormat } from '../lib/barcode-bars.ts';

const barHeight = 60;

/**
 * Draws `value` as a 1D barcode (CODE128 or EAN-13) in SVG: black on white with its quiet
 * zones, stretched to the width it is given so each module is as wide as the screen allows.
 * Shows `fallback` instead when the value cannot be encoded in `format`.
 */
export function Barcode({
  format,
  value,
  label,
  fallback,
}: {
  format: LinearFormat;
  value: string;
  label: string;
  fallback: ReactNode;
}) {
  const bars = useMemo(() => barcodeBars(format, value), [format, value]);
  if (!bars) {
    return <>{fallback}</>;
  }
  const width = bars.modules.length + bars.quietZone * 2;
  return (
    <svg
      className="barcode"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${barHeight}`}
      preserveAspectRatio="none"
      shapeRendering="crispEdges"
      data-testid="membership-barcode"
      data-format={format}
      data-value={value}
    >
      <title>{label}</title>
      <rect width={width} height={barHeight} fill="#fff" />
      <path d={barsPath(bars, barHeight)} fill="#000" />
    </svg>
  );
}
