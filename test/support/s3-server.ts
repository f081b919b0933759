// A real S3 wire-protocol server for tests (there is no MinIO here): s3rver on a random local port
// with a throwaway data directory.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  close(): Promise<void>;
}

const BUCKET = 'streamhub-test';
// s3rver only accepts its built-in account.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startS3Server(): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'streamhub-s3rver-'));
  const s3rver = new S3rver({ silent: true, directory, configureBuckets: [{ name: BUCKET }] });
  await s3rver.configureBuckets();
  const handleS3 = s3rver.callback();
  const server = createServer((request, response) => {
    answerUploadCallsS3rverLacks(directory, request, response).then(
      (handled) => handled || handleS3(request, response),
      (error: unknown) => response.destroy(error as Error),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: BUCKET,
    region: 'us-east-1',
    ...CREDENTIALS,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // SDK clients keep sockets alive; without this, close() would wait for them to time out.
      server.closeAllConnections();
      await closed;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver 3.7 implements create/upload-part/complete but not ListParts or AbortMultipartUpload, and
 * it accepts parts and completions for upload ids it never issued. This fills exactly those gaps
 * from s3rver's own on-disk upload folders (`<bucket>/._S3rver_uploads/<id>/{key,<n>,<n>.md5}`),
 * answering with S3's documented responses so the adapter is exercised over the real wire format.
 * Signatures are not checked on the two calls answered here (everything else goes to s3rver, which
 * does check them). Returns false for requests s3rver should handle.
 */
async function answerUploadCallsS3rverLacks(
  directory: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://s3');
  const uploadId = url.searchParams.get('uploadId');
  if (uploadId === null) return false;
  const [bucket = '', ...keyParts] = url.pathname.slice(1).split('/');
  const key = keyParts.map((part) => decodeURIComponent(part)).join('/');
  const uploadDir = join(directory, bucket, '._S3rver_uploads', uploadId);

  const recordedKey = /^[0-9a-f]+$/.test(uploadId)
    ? await readFile(join(uploadDir, 'key'), 'utf8').catch(() => null)
    : null;
  if (recordedKey !== key) {
    sendXml(
      response,
      404,
      `<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${escapeXml(uploadId)}</UploadId></Error>`,
    );
    return true;
  }
  if (request.method === 'DELETE') {
    await rm(uploadDir, { recursive: true, force: true });
    response.writeHead(204).end();
    return true;
  }
  if (request.method === 'GET') {
    sendXml(response, 200, await listPartsXml(uploadDir, bucket, key, uploadId));
    return true;
  }
  return false;
}

async function listPartsXml(uploadDir: string, bucket: string, key: string, uploadId: string): Promise<string> {
  const partNumbers = (await readdir(uploadDir))
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
  const parts = await Promise.all(
    partNumbers.map(async (partNumber) => {
      const path = join(uploadDir, String(partNumber));
      const [{ size, mtime }, md5] = await Promise.all([stat(path), readFile(`${path}.md5`, 'utf8')]);
      return `<Part><PartNumber>${partNumber}</PartNumber><LastModified>${mtime.toISOString()}</LastModified><ETag>"${md5}"</ETag><Size>${size}</Size></Part>`;
    }),
  );
  return (
    `<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${escapeXml(bucket)}</Bucket>` +
    `<Key>${escapeXml(key)}</Key><UploadId>${escapeXml(uploadId)}</UploadId><PartNumberMarker>0</PartNumberMarker>` +
    `<NextPartNumberMarker>${partNumbers.at(-1) ?? 0}</NextPartNumberMarker><MaxParts>10000</MaxParts>` +
    `<IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`
  );
}

function sendXml(response: ServerResponse, status: number, body: string): void {
  response
    .writeHead(status, { 'content-type': 'application/xml' })
    .end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
