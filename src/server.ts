// Starts Parley in the role the configuration asks for, and stops it cleanly on a signal.
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './http/app.ts';
import { announceSetup } from './services/setup/announce-setup.ts';

export async function startServer(config: Config): Promise<void> {
  const ctx = await createContext(config);
  const log = ctx.log;
  const where = config.database.kind === 'sqlite' ? `SQLite at ${config.database.file}` : 'PostgreSQL';
  log.info({ database: where }, `database ready (${where})`);
  if (!ctx.mailer.enabled) log.warn('SMTP is not configured: new accounts are usable at once, without e-mail confirmation');

  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  if (config.role !== 'worker') {
    app = await buildApp(ctx);
    await app.listen({ port: config.port, host: config.host });
    log.info(`Parley is running at ${config.baseUrl} (listening on ${config.host}:${config.port})`);
    await announceSetup(ctx);
  }
  if (config.role !== 'web') await ctx.queue.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`received ${signal}, shutting down`);
    await app?.close();
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
