import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * A loopback webhook receiver for the demo: checks each delivery's signature with the standardwebhooks
 * library, prints it, and answers 204 (400 when the signature is wrong), the way an integrator's receiver would.
 * @param print - where each delivery is written @defaultValue console.log
 */
export async function startEchoReceiver(secret: string, print: (line: string) => void = console.log): Promise<{ url: string; close(): Promise<void> }> {
  const hook = new Webhook(secret);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id']);
      try {
        const event = hook.verify(body, req.headers as Record<string, string>) as { type: string; data: unknown };
        const data = JSON.stringify(event.data);
        print(`echo receiver  ${event.type} ${id} (signature ok) ${data.length > 300 ? `${data.slice(0, 300)}…` : data}`);
        res.writeHead(204).end();
      } catch (err) {
        print(`echo receiver  ${id}: refused, ${err instanceof Error ? err.message : String(err)}`);
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
