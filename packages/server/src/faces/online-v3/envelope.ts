// The envelope is shared by every LINE Pay-shaped face; it lives in plugins/.
export { failureAnswer, sendEnvelope, type V3Answer, wireDate } from '../../plugins/line-pay-envelope.ts';
