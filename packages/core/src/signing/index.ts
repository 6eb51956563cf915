export { createKeyring, type Keyring, open, type Sealed, seal } from './aes-gcm.ts';
export {
  type EcKeyPair,
  type EcPublicJwk,
  generateP256KeyPair,
  publicJwkOf,
  signP256,
  verifyP256,
} from './ecdsa-p256.ts';
export { signaturesEqual, signV3, verifyV3 } from './hmac-v3.ts';
