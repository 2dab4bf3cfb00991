/**
 * `npm run lab [-- --port 8787]`: serves the gateway lab on 127.0.0.1 until Ctrl-C or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startLab } from './server';

const DEFAULT_PORT = 8787;

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: String(DEFAULT_PORT) }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    console.log('Usage: npm run lab -- [--port <number>]   (0 takes any free port)');
    return;
  }
  const port = Number(values.port);
  const lab = await startLab({ port });
  console.log(`Gateway lab: ${lab.url('/')}`);
  console.log(
    `  ${lab.scenarios.length} scenarios and ${lab.replays.length} real gateway replays. Ctrl-C to stop.`,
  );
  const stop = (signal: NodeJS.Signals) => {
    console.log(`\n${signal}: stopping the gateway lab.`);
    void lab.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
