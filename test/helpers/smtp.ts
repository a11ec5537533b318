import type { AddressInfo } from 'node:net';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a random loopback port for tests: it requires the login it was made
 * with (so a test proves the password in SMTP_URL is used), keeps every message it accepts,
 * parsed, and refuses recipients named in `refused` with a 550.
 */
export type TestSmtp = {
  /** smtp://user:password@127.0.0.1:port */
  url: string;
  password: string;
  messages: (Email & { recipients: string[] })[];
  refused: Set<string>;
  close: () => Promise<void>;
};

export async function startTestSmtp(login = { user: 'digest', password: 'smtp-pa$$word-7f3a' }): Promise<TestSmtp> {
  const messages: TestSmtp['messages'] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    // No TLS on loopback; login over plain text is what this test server is for.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address)) return callback();
      const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks)).then(
          (email) => {
            messages.push({ ...email, recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${login.user}:${encodeURIComponent(login.password)}@127.0.0.1:${port}`,
    password: login.password,
    messages,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
