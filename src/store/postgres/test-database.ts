// The PostgreSQL the integration tests use: BULWARK_TEST_POSTGRES, else the loopback server with
// trust authentication (database `test`, user `postgres`) that CI starts.

/** The URL of the test database, without a schema parameter. */
export function testDatabaseUrl(): string {
  return process.env['BULWARK_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';
}
