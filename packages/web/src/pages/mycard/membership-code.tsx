import type { BarcodePayload } from '../../api/mycard-types.ts';
import { Barcode } from '../../components/barcode.tsx';
import { QrCode } from '../../components/qr-code.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The code as printed under the bars: EAN-13 in its usual 1-6-6 groups, anything else as sent. */
function printed(barcode: BarcodePayload): string {
  return barcode.format === 'EAN13'
    ? `${barcode.value.slice(0, 1)} ${barcode.value.slice(1, 7)} ${barcode.value.slice(7)}`
    : barcode.value;
}

/** The membership code for the counter's scanner, in the program's symbology, with the code in text below. */
export function MembershipCode({ barcode, programName }: { barcode: BarcodePayload; programName: string }) {
  const { t } = useI18n();
  const label = t('mycard.barcodeAlt', { name: programName, code: barcode.value });
  const drawing =
    barcode.format === 'QR' ? (
      <div
        className="membership-code__qr"
        data-testid="membership-barcode"
        data-format="QR"
        data-value={barcode.value}
      >
        <QrCode text={barcode.value} label={label} size={208} />
      </div>
    ) : (
      <Barcode
        format={barcode.format}
        value={barcode.value}
        label={label}
        fallback={
          <p className="membership-code__fallback" role="note">
            {t('mycard.barcodeUnavailable')}
          </p>
        }
      />
    );
  return (
    <figure className="membership-code">
      {drawing}
      <figcaption className="membership-code__text" data-testid="membership-code-text">
        {printed(barcode)}
      </figcaption>
    </figure>
  );
}
