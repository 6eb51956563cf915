export {
  type Clock,
  type ManualClock,
  manualClock,
  type OffsetClock,
  offsetClock,
  systemClock,
} from './clock.ts';
export { type Random, randomDigits, randomFromAlphabet, secureRandom, seededRandom } from './random.ts';
