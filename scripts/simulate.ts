/**
 * `npm run simulate`: a command-line Debitura stand-in.
 *   send  generates case lives, signs and posts them to a webhook endpoint, like Debitura.
 *   api   serves a fake Collection Partner API for the same generated cases.
 */
import { parseArgs } from 'node:util';
import { startFakeApi } from '@/lib/simulator/fake-api';
import { DEFAULT_UNTIL, generateEvents } from '@/lib/simulator/generate';
import { formatSummary, sendEvents } from '@/lib/simulator/send';

const USAGE = `usage:
  npm run simulate -- send --url URL --secret S [--cases N] [--seed K] [--shuffle]
                           [--duplicates P] [--concurrency C] [--test] [--until ISO|now]
  npm run simulate -- api --port P [--seed K] [--cases N] [--api-key KEY] [--until ISO|now]

  send  posts N generated case lives (default 20) as signed webhooks to URL. S is the
        subscription's base64 secret (default: the first of DEBITURA_WEBHOOK_SECRETS).
        --shuffle delivers out of order, --duplicates P (0..1) resends that share of the
        events, --concurrency C deliveries at once (default 8), --test marks all as test.
        Exit 1 when any event ends rejected or failed after retries.
  api   serves case detail, chats and payments for the same generation (use the same
        --seed, --cases and --until as send) and records chat posts. Requests need the
        XApiKey header (any value, or exactly KEY with --api-key).

  The same seed gives the same events and ids, so a second send reports duplicates;
  events happen before --until (default ${DEFAULT_UNTIL.toISOString()}).`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'send' && command !== 'api') fail(command ? `Unknown command "${command}".` : 'Missing command.');
  try {
    const { values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        url: { type: 'string' },
        secret: { type: 'string' },
        cases: { type: 'string' },
        seed: { type: 'string' },
        shuffle: { type: 'boolean' },
        duplicates: { type: 'string' },
        concurrency: { type: 'string' },
        test: { type: 'boolean' },
        port: { type: 'string' },
        'api-key': { type: 'string' },
        until: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return { command, values };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function integer(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) fail(`--${name} must be an integer of at least ${min}.`);
  return Number(value);
}

function until(value: string | undefined): Date {
  if (value === undefined) return DEFAULT_UNTIL;
  const date = value === 'now' ? new Date() : new Date(value);
  if (Number.isNaN(date.getTime())) fail('--until must be an ISO date or "now".');
  if (date.getTime() > Date.now()) fail('--until must not be in the future.');
  return date;
}

async function main() {
  const { command, values } = parse();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seed = integer(values.seed, 'seed', 1);
  const cases = integer(values.cases, 'cases', 20, 1);
  const generation = { seed, cases, until: until(values.until), test: values.test ? true : undefined };

  if (command === 'api') {
    if (values.port === undefined) fail('api needs --port.');
    const api = await startFakeApi({ ...generation, port: integer(values.port, 'port', 0), apiKey: values['api-key'] });
    console.log(`Fake Collection Partner API on ${api.url} (seed ${seed}, ${cases} cases). Ctrl-C stops it.`);
    console.log(`Point the app at it: DEBITURA_API_URL=${api.url} DEBITURA_API_KEY=${values['api-key'] ?? '<any>'}`);
    const stop = () => void api.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }

  if (!values.url) fail('send needs --url.');
  try {
    new URL(values.url);
  } catch {
    fail(`--url "${values.url}" is not a URL.`);
  }
  const secret = values.secret ?? process.env.DEBITURA_WEBHOOK_SECRETS?.split(',')[0]?.trim();
  if (!secret) fail('send needs --secret (or DEBITURA_WEBHOOK_SECRETS in the environment).');
  const duplicates = values.duplicates === undefined ? 0 : Number(values.duplicates);
  if (!(duplicates >= 0 && duplicates <= 1)) fail('--duplicates must be a number from 0 to 1.');

  const events = generateEvents(generation);
  console.error(`Sending ${events.length} events for ${cases} cases (seed ${seed}) to ${values.url}`);
  const summary = await sendEvents(events, {
    url: values.url,
    secret,
    seed,
    concurrency: integer(values.concurrency, 'concurrency', 8, 1),
    shuffle: values.shuffle,
    duplicates,
    test: values.test,
  });
  console.log(formatSummary(summary));
  if (summary.rejected || summary.failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
