// Entry point: load config, build the context, then serve HTTP and/or run the job worker.
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Parley needs Node.js 24 or newer (this is ${process.version}); run it through npm (npm start), which uses the pinned Node from node_modules.`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // Imported after the version check so an old Node fails with the message above, not a syntax error.
  const { startServer } = await import('./server.ts');
  await startServer(config);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
