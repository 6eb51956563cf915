export { createKeyring, type Keyring, open, type Sealed, seal } from './aes-gcm.ts';
export { signaturesEqual, signV3, verifyV3 } from './hmac-v3.ts';
