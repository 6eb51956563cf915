export { type Currency, currencies, exponentOf, isCurrency } from './currency.ts';
export { formatWireAmount, maxMajorAmount, parseWireAmount } from './wire-amount.ts';
