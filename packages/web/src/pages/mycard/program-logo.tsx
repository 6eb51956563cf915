import { useState } from 'react';
import { isWebUrl } from '../../lib/web-url.ts';

/** A program's logo, or its first letter when it has none or the image does not load. */
export function ProgramLogo({
  name,
  logoUrl,
  size = 'm',
}: {
  name: string;
  logoUrl: string | null;
  size?: 's' | 'm' | 'l';
}) {
  const [broken, setBroken] = useState(false);
  const className = `program-logo program-logo--${size}`;
  if (!broken && isWebUrl(logoUrl)) {
    return (
      <img
        className={className}
        src={logoUrl}
        alt=""
        loading="lazy"
        referrerPolicy="no-referrer"
        onError={() => setBroken(true)}
      />
    );
  }
  return (
    <span className={`${className} program-logo--letter`} aria-hidden="true">
      {[...name.trim()][0]?.toUpperCase() ?? '?'}
    </span>
  );
}
