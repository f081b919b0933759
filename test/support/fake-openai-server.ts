import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server speaking the OpenAI API's wire format (the part StreamHub uses), with
 * deterministic answers, for testing the remote providers without a network. `behaviour` switches
 * it to failing (HTTP 500) or hanging past any client timeout.
 */
export interface FakeOpenAiServer {
  /** Base URL to put in AI_BASE_URL, e.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  behaviour: 'ok' | 'error' | 'hang';
  /** Segments the transcription endpoint answers with. */
  transcript: { start: number; end: number; text: string }[];
  /** When set, chat completions answer with this instead of the quoting answer (e.g. the JSON a feature asks for). */
  chatAnswer?: (messages: { role: string; content: string }[]) => string;
  /** Every request received: path, Authorization header and parsed JSON body (or form fields). */
  requests: { path: string; authorization?: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

const USAGE = { prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500 };

/** The deterministic answer: it quotes the question so tests can tell it came from this server. */
export function fakeAnswer(messages: { role: string; content: string }[]): string {
  const question = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  return `Fake model answer about: ${question.slice(0, 200)} [1]`;
}

/** 8 dimensions from a hash of the text: stable, distinct per text. */
function fakeEmbedding(text: string): number[] {
  const digest = createHash('sha256').update(text).digest();
  return Array.from({ length: 8 }, (_unused, index) => digest[index]! / 255 - 0.5);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const fake: Omit<FakeOpenAiServer, 'baseUrl' | 'close'> = { behaviour: 'ok', transcript: [], requests: [] };
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const raw = await readBody(request);
    let body: Record<string, unknown> = {};
    if ((request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      // Parse the multipart body with the platform's own Request, as a real server's framework would.
      const form = await new Request('http://fake/', {
        method: 'POST',
        headers: { 'content-type': request.headers['content-type']! },
        body: new Uint8Array(raw),
      }).formData();
      form.forEach((value, key) => {
        body[key] = typeof value === 'string' ? value : `file:${value.size}`;
      });
    } else if (raw.length > 0) {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    }
    fake.requests.push({ path, authorization: request.headers.authorization, body });
    if (fake.behaviour === 'hang') return; // never answers; the client's timeout must fire
    if (fake.behaviour === 'error')
      return sendJson(response, 500, { error: { message: 'fake upstream failure', type: 'server_error' } });

    if (path === '/v1/chat/completions') {
      const messages = body.messages as { role: string; content: string }[];
      const answer = fake.chatAnswer ? fake.chatAnswer(messages) : fakeAnswer(messages);
      if (!body.stream) {
        return sendJson(response, 200, {
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
          usage: USAGE,
        });
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of answer.match(/\S+\s*/g) ?? []) {
        response.write(
          `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece } }] })}\n\n`,
        );
      }
      response.write(`data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [], usage: USAGE })}\n\n`);
      response.end('data: [DONE]\n\n');
      return;
    }
    if (path === '/v1/embeddings') {
      const input = body.input as string[];
      return sendJson(response, 200, {
        object: 'list',
        model: body.model,
        data: input.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text) })),
        usage: { prompt_tokens: input.length * 10, total_tokens: input.length * 10 },
      });
    }
    if (path === '/v1/audio/transcriptions') {
      const duration = fake.transcript.at(-1)?.end ?? 0;
      return sendJson(response, 200, {
        task: 'transcribe',
        language: 'english',
        duration,
        text: fake.transcript.map((segment) => segment.text).join(' '),
        segments: fake.transcript.map((segment, id) => ({ id, ...segment })),
      });
    }
    sendJson(response, 404, { error: { message: `unknown path ${path}` } });
  };
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendJson(response, 400, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
