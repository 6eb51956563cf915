export { type AppOptions, buildApp } from './app.ts';
export {
  type Config,
  ConfigError,
  configVariables,
  loadConfig,
  type Mode,
  type Role,
  redactUrl,
} from './config.ts';
export { createServices, type ServiceOverrides, type Services } from './services/container.ts';
export {
  type SeedProgress,
  type SeedResult,
  sandboxPin,
  seededUsers,
  testUserId,
} from './services/sandbox.ts';
export { type RunningServer, startServer } from './start-server.ts';
