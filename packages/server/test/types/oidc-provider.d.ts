// oidc-provider ships no type declarations; the tests use this much of it.
declare module 'oidc-provider' {
  import type { Server } from 'node:http';
  /** A development OpenID Connect provider. */
  // biome-ignore lint/style/noDefaultExport: declares the package's own default export
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number): Server;
  }
}
