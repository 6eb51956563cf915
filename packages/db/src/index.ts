export { dropPostgresSchema } from './driver/postgres.ts';
export {
  type Database,
  isUniqueViolation,
  type Row,
  type Sql,
  sqlState,
  violatedConstraint,
} from './driver/sql.ts';
export { type MigrationProgress, migrate } from './migrate.ts';
export { type DatabaseOptions, openDatabase } from './open-database.ts';
export * from './queries/accounts.ts';
export * from './queries/channels.ts';
export * from './queries/jobs.ts';
export * from './queries/ledger.ts';
export * from './queries/ledger-verify.ts';
export * from './queries/mycard-bindings.ts';
export * from './queries/mycard-campaigns.ts';
export * from './queries/mycard-events.ts';
export * from './queries/mycard-groups.ts';
export * from './queries/mycard-memberships.ts';
export * from './queries/mycard-programs.ts';
export * from './queries/operator.ts';
export * from './queries/payments.ts';
export * from './queries/reg-keys.ts';
export * from './queries/settings.ts';
export * from './queries/transitions.ts';
export * from './queries/users.ts';
