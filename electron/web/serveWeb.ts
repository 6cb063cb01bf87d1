// `npm run web`: the lab in a browser. Opens the lab database (--db, default ./rnn-lab.db in
// the current folder, created when new), starts the web host on --host (default 127.0.0.1)
// and --port (default: any free port), and prints the address with its access token. Ctrl-C
// (SIGINT) or SIGTERM stops every run, records it as stopped, and closes the database.

import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openWebLab } from './webLab';

interface ServeOptions {
  db: string;
  host: string;
  port: number;
  token?: string;
  static?: string;
  pool?: number;
}

function wholeNumber(min: number, max: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

/** The renderer `npm run build` made, when it is there. */
function builtRenderer(): string | undefined {
  const dir = join(__dirname, '../../out/renderer');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

async function main(): Promise<void> {
  const program = new Command('web')
    .description('Serve RNN Lab to a browser on this machine.')
    .option('--db <file>', 'the lab database (created when new)', 'rnn-lab.db')
    .option(
      '--host <address>',
      'the address to listen on (0.0.0.0 exposes the lab to the network)',
      '127.0.0.1',
    )
    .option('--port <n>', 'the port; 0 picks a free one', wholeNumber(0, 65535), 0)
    .option('--token <text>', 'the access token (default: 32 random bytes, new each start)')
    .option('--static <dir>', 'the built renderer to serve (default: out/renderer, built by npm run build)')
    .option('--pool <n>', 'runs that train at once (default: cores - 1)', wholeNumber(1, 256))
    .showHelpAfterError();
  program.parse(process.argv);
  const options = program.opts<ServeOptions>();

  const opened = await openWebLab({
    databasePath: resolve(options.db),
    host: options.host,
    port: options.port,
    token: options.token,
    staticDir: options.static === undefined ? builtRenderer() : resolve(options.static),
    poolSize: options.pool,
  });
  if (!opened.ok) {
    process.stderr.write(`rnn-lab web: ${opened.message}\n`);
    process.exitCode = 1;
    return;
  }
  const { lab } = opened;
  process.stdout.write(
    `RNN Lab is served at ${lab.host.url}\n(database ${resolve(options.db)}; Ctrl-C stops it)\n`,
  );

  let signalled = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (signalled) {
      process.stderr.write(`rnn-lab web: ${signal} again, quitting without waiting for the runs\n`);
      process.exit(1);
    }
    signalled = true;
    process.stdout.write('Stopping: every run is stopped and recorded...\n');
    lab.shutdown().then(
      () => {
        process.stdout.write('Stopped.\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`rnn-lab web: the shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
