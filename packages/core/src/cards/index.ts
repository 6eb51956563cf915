export {
  brandOf,
  type CardBrand,
  cardNetworkOutcome,
  failingTestCards,
  luhnCheckDigit,
  luhnValid,
  normaliseCardNumber,
  successTestCards,
  testCardFor,
} from './test-cards.ts';
