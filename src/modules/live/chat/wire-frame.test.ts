// The ready-framed chat frame is what ws itself would put on the wire: a ws client reads it, for each
// of the three header lengths, in order with the frames ws sends itself on the same socket.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrameOnWire, writeWireFrame } from './wire-frame.ts';

test('a ws client reads ready-framed text frames, short, 16-bit and 64-bit lengths, in order with ws.send', async () => {
  const payloads = [5, 125, 126, 200, 65_535, 65_536, 70_000].map((length) => 'x'.repeat(length - 2) + 'é');
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  server.on('connection', (socket, request) => {
    socket.send('first');
    for (const payload of payloads) {
      writeWireFrame(socket, request.socket, textFrameOnWire(Buffer.from(payload)), () => assert.fail('no fallback'));
    }
    socket.send('last');
  });
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Array<{ text: string; isBinary: boolean }> = [];
  await new Promise<void>((resolve) =>
    client.on('message', (data, isBinary) => {
      received.push({ text: data.toString(), isBinary });
      if (received.length === payloads.length + 2) resolve();
    }),
  );
  assert.deepEqual(
    received.map((frame) => frame.text),
    ['first', ...payloads, 'last'],
  );
  assert.ok(
    received.every((frame) => !frame.isBinary),
    'text frames',
  );
  client.close();
  server.close();
});

test('a socket that is not open gets nothing; one with an extension goes through ws', async () => {
  const sent: string[] = [];
  const closed = { readyState: 3, OPEN: 1, extensions: '' } as unknown as WebSocket;
  writeWireFrame(closed, undefined, Buffer.from('x'), () => sent.push('fallback'));
  const deflating = { readyState: 1, OPEN: 1, extensions: 'permessage-deflate' } as unknown as WebSocket;
  const connection = { destroyed: false, write: () => sent.push('direct') } as never;
  writeWireFrame(deflating, connection, Buffer.from('x'), () => sent.push('fallback'));
  assert.deepEqual(sent, ['fallback']);
});
