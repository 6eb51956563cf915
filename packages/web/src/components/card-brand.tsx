/** A small coloured brand mark for a saved or typed card. */
export function CardBrand({ brand }: { brand: string | undefined }) {
  const names: Record<string, string> = {
    VISA: 'VISA',
    MASTER: 'Mastercard',
    AMEX: 'AMEX',
    JCB: 'JCB',
    DINERS: 'Diners',
  };
  const key = brand && brand in names ? brand : 'UNKNOWN';
  return (
    <span className={`brand brand--${key.toLowerCase()}`} aria-hidden={key === 'UNKNOWN'}>
      {names[key] ?? '••••'}
    </span>
  );
}
