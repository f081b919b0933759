// The chat bench's receive-only WebSocket client against a real `ws` server: every length encoding,
// fragments, frames split anywhere across TCP reads, ping/pong, the closing handshake and a refused
// upgrade. The bench counts deliveries with it, so a frame it mis-read would be a lost message.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { LeanWebSocket } from '../../bench/support/lean-websocket.ts';

interface Received {
  messages: Buffer[];
  closed: Promise<string>;
}

function lean(url: string): { client: LeanWebSocket } & Received {
  const messages: Buffer[] = [];
  let onClose!: (reason: string) => void;
  const closed = new Promise<string>((resolve) => (onClose = resolve));
  const client = new LeanWebSocket(url, { onMessage: (payload) => messages.push(Buffer.from(payload)), onClose });
  return { client, messages, closed };
}

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the chat bench’s lean WebSocket client', () => {
  const server: Server = createServer((_request, response) => response.writeHead(404).end('no such room'));
  const sockets = new WebSocketServer({ noServer: true });
  const connected: WebSocket[] = [];
  server.on('upgrade', (request, socket, head) => {
    if (request.url !== '/room') return socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    sockets.handleUpgrade(request, socket, head, (ws) => connected.push(ws));
  });
  const listening = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  after(() => {
    sockets.close();
    server.close();
  });

  test('reads text and binary messages of every length encoding, and fragmented ones, in order', async () => {
    const base = await listening;
    const { client, messages } = lean(`${base}/room`);
    await until('the upgrade', () => connected.length === 1);
    const server = connected[0]!;
    const sent = [
      Buffer.from('{"type":"ready"}'),
      Buffer.alloc(300, 'a'), // 16-bit length
      Buffer.alloc(70_000, 'b'), // 64-bit length
      Buffer.from([0, 1, 2, 255]),
      Buffer.alloc(0),
    ];
    server.send(sent[0]!.toString());
    server.send(sent[1]!.toString());
    server.send(sent[2]!.toString());
    server.send(sent[3]!, { binary: true });
    server.send('');
    // One message in three fragments.
    server.send('frag', { fin: false });
    server.send('men', { fin: false });
    server.send('ted', { fin: true });
    await until('six messages', () => messages.length === 6);
    assert.deepEqual(messages.slice(0, 5), sent);
    assert.equal(messages[5]!.toString(), 'fragmented');
    client.terminate();
  });

  test('answers a ping with its payload and echoes the close code', async () => {
    const base = await listening;
    const { closed } = lean(`${base}/room`);
    await until('the upgrade', () => connected.length === 2);
    const server = connected[1]!;
    const pong = new Promise<Buffer>((resolve) => server.once('pong', resolve));
    server.ping('are you there');
    assert.equal((await pong).toString(), 'are you there');
    const serverClosed = new Promise<number>((resolve) => server.once('close', resolve));
    server.close(4001, 'bye');
    assert.equal(await serverClosed, 4001, 'the client echoed the code');
    assert.match(await closed, /closed by the server \(4001\)/);
  });

  test('reads frames split at every byte across TCP reads', async () => {
    // A raw server: the handshake by hand, then two frames written one byte per write.
    const { createServer: createTcpServer } = await import('node:net');
    const { createHash } = await import('node:crypto');
    const frames = Buffer.concat([
      Buffer.from([0x81, 5]),
      Buffer.from('hello'),
      Buffer.from([0x81, 126, 0x01, 0x00]),
      Buffer.alloc(256, 'z'),
    ]);
    const raw = createTcpServer((socket) => {
      let head = '';
      socket.on('data', async (chunk) => {
        head += chunk.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        const key = /sec-websocket-key: (.+)\r\n/i.exec(head)![1]!;
        const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`);
        socket.write(`Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
        for (const byte of frames) {
          socket.write(Buffer.from([byte]));
          await new Promise((resolve) => setImmediate(resolve));
        }
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const { client, messages } = lean(`ws://127.0.0.1:${(raw.address() as AddressInfo).port}/`);
    await until('two messages', () => messages.length === 2);
    assert.equal(messages[0]!.toString(), 'hello');
    assert.deepEqual(messages[1], Buffer.alloc(256, 'z'));
    client.terminate();
    raw.close();
  });

  test('a refused upgrade ends the client with the server’s status', async () => {
    const base = await listening;
    const { closed, messages } = lean(`${base}/elsewhere`);
    assert.match(await closed, /upgrade refused: HTTP\/1.1 404/);
    assert.equal(messages.length, 0);
  });
});
