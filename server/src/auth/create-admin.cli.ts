/**
 * Creates (or resets the password of) a program-office account on the configured database:
 *
 *   DATABASE_URL=postgres://... ADMIN_PASSWORD='...' node server/dist/auth/create-admin.cli.js admin@example.com "Ada Admin"
 *
 * The password comes from ADMIN_PASSWORD so it never appears in the shell history or process list.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../database/data-source-options';
import { ensureProgramOfficeAccount } from './accounts-bootstrap';

async function main(): Promise<void> {
  const [email, name = 'Program Office Admin'] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !url || !password || password.length < 12) {
    console.error('Usage: DATABASE_URL=... ADMIN_PASSWORD=<12+ characters> create-admin <email> [name]');
    process.exit(2);
  }
  const dataSource = new DataSource({ ...buildDataSourceOptions(url, 1), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const changed = await ensureProgramOfficeAccount(dataSource, email, name, password, true);
    console.log(changed ? `Program-office account ${email} is ready` : `Nothing changed for ${email}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
