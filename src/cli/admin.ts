import type { parseArgs as ParseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createLogger } from '../platform/observability/logger.ts';
import { hashPassword, passwordWeakness } from '../platform/security/passwords.ts';
import { DuplicateUserError, userRepo } from '../modules/users/repo.ts';
import { emailSchema, roleSchema, usernameSchema } from '../modules/users/schemas.ts';

/** `streamhub admin create-user`: how an operator makes the first admin of a new instance. */
export async function runAdminCommand(config: Config, args: string[], parseArgs: typeof ParseArgs): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'create-user') {
    process.stderr.write('Usage: streamhub admin create-user --email E --username U --password P [--role admin]\n');
    return 1;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', default: 'admin' },
    },
  });
  const problems: string[] = [];
  const email = emailSchema.safeParse(values.email);
  const username = usernameSchema.safeParse(values.username);
  const role = roleSchema.safeParse(values.role);
  if (!email.success) problems.push('--email must be a valid email address');
  if (!username.success) problems.push(`--username ${username.error?.issues[0]?.message ?? 'is invalid'}`);
  if (!role.success) problems.push('--role must be admin, creator or viewer');
  const weakness = passwordWeakness(values.password ?? '', [values.username ?? '']);
  if (weakness) problems.push(`--password ${weakness}`);
  if (problems.length || !email.success || !username.success || !role.success) {
    process.stderr.write(`Cannot create the user:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
    return 1;
  }

  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase({ url: config.database.url, dataDir: config.dataDir, logger });
  try {
    await migrate(database, logger);
    const user = await userRepo.insert(database.db, {
      email: email.data,
      username: username.data,
      passwordHash: await hashPassword(values.password ?? ''),
      role: role.data,
    });
    process.stdout.write(`Created ${user.role} ${user.username} (${user.id})\n`);
    return 0;
  } catch (error) {
    if (error instanceof DuplicateUserError) {
      process.stderr.write(`Cannot create the user: that ${error.field} is already taken\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
