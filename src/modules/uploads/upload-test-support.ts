// Shared by the uploads tests: an app listening on a real port (tus-js-client and raw HTTP need
// one), accounts, videos, and the few tus calls the tests make by hand.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Upload, type DetailedError } from 'tus-js-client';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import type { DatabaseKind } from '../../platform/db/database.ts';
import { videoKeys } from '../videos/storage-keys.ts';

export type Session = Awaited<ReturnType<typeof registerUser>>;

export interface UploadTestApp extends TestApp {
  baseUrl: string;
  /** A scratch folder for fixtures, removed on close. */
  fixtures: string;
}

export async function startUploadTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<UploadTestApp> {
  const t = await startTestApp(kind, env);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const fixtures = await mkdtemp(join(tmpdir(), 'streamhub-upload-fixtures-'));
  return {
    ...t,
    baseUrl: `http://127.0.0.1:${port}`,
    fixtures,
    close: async () => {
      await t.close();
      await rm(fixtures, { recursive: true, force: true });
    },
  };
}

export const newCreator = (t: TestApp) => registerUser(t.app, { role: 'creator' });

export async function createVideo(t: TestApp, session: Session): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/videos',
    headers: bearer(session.accessToken),
    payload: { title: 'Upload test' },
  });
  if (response.statusCode !== 201) throw new Error(`creating a video failed: ${response.statusCode} ${response.body}`);
  return json(response).data.video.id as string;
}

export async function videoStatus(t: TestApp, session: Session, videoId: string): Promise<string> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/videos/${videoId}`,
    headers: bearer(session.accessToken),
  });
  return json(response).data.status as string;
}

/** The stored source of a video, or null when there is none. */
export async function storedSource(t: TestApp, videoId: string): Promise<Buffer | null> {
  const key = videoKeys(videoId).source;
  if (!(await t.platform.storage.statObject(key))) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of (await t.platform.storage.getObject(key)).body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface TusUploadOptions {
  videoId: string;
  filename?: string;
  chunkSize?: number;
  /** Resume this upload URL instead of creating one. */
  uploadUrl?: string;
  onProgress?: (sent: number, total: number) => void;
}

/** Uploads a file with tus-js-client; resolves with the upload URL, rejects with tus's DetailedError. */
export function tusUpload(
  t: UploadTestApp,
  session: Session,
  path: string,
  options: TusUploadOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(createReadStream(path), {
      endpoint: `${t.baseUrl}/api/v1/uploads`,
      headers: bearer(session.accessToken),
      metadata: { videoId: options.videoId, filename: options.filename ?? 'clip.mp4', filetype: 'video/mp4' },
      retryDelays: [],
      // tus-js-client treats a present-but-undefined option as set, so only pass the given ones.
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onError: reject,
      onSuccess: () => resolve(upload.url ?? ''),
    });
    upload.start();
  });
}

/** The HTTP status tus-js-client saw when it failed. */
export function statusOf(error: unknown): number | undefined {
  return (error as DetailedError).originalResponse?.getStatus();
}

export function bodyOf(error: unknown): string {
  return (error as DetailedError).originalResponse?.getBody() ?? '';
}

export const encodeMetadata = (metadata: Record<string, string>) =>
  Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');

/** A raw tus creation request (no bytes). */
export function createTusUpload(
  t: UploadTestApp,
  token: string | undefined,
  sizeBytes: number | undefined,
  metadata?: Record<string, string>,
): Promise<Response> {
  return fetch(`${t.baseUrl}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      'tus-resumable': '1.0.0',
      ...(token ? bearer(token) : {}),
      ...(sizeBytes === undefined ? {} : { 'upload-length': String(sizeBytes) }),
      ...(metadata ? { 'upload-metadata': encodeMetadata(metadata) } : {}),
    },
  });
}

export function tusHead(url: string, token: string): Promise<Response> {
  return fetch(url, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', ...bearer(token) } });
}

export function tusPatch(url: string, token: string, offset: number, body: Uint8Array<ArrayBuffer>): Promise<Response> {
  return fetch(url, {
    method: 'PATCH',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
      ...bearer(token),
    },
    body,
  });
}
