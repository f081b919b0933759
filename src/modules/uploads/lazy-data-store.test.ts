import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Store } from '@tus/s3-store';
import { DataStore, Upload } from '@tus/server';
import { LazyDataStore } from './lazy-data-store.ts';
import { S3_TUS_EXTENSIONS } from './tus-storage.ts';

class RecordingStore extends DataStore {
  readonly calls: string[] = [];
  override async getUpload(id: string): Promise<Upload> {
    this.calls.push(`getUpload ${id}`);
    return new Upload({ id, offset: 3, size: 10 });
  }
  override async remove(id: string): Promise<void> {
    this.calls.push(`remove ${id}`);
  }
}

describe('LazyDataStore', () => {
  test('announces what S3Store implements', () => {
    const real = new S3Store({
      s3ClientConfig: { bucket: 'b', region: 'us-east-1', credentials: { accessKeyId: 'k', secretAccessKey: 's' } },
    });
    assert.deepEqual([...S3_TUS_EXTENSIONS].sort(), [...real.extensions].sort());
  });

  test('loads the real store once, on first use, and forwards to it', async () => {
    const real = new RecordingStore();
    let loads = 0;
    const lazy = new LazyDataStore(
      async () => {
        loads += 1;
        return real;
      },
      ['creation', 'termination'],
      60_000,
    );
    assert.equal(loads, 0);
    assert.ok(lazy.hasExtension('termination'));
    assert.equal(lazy.getExpiration(), 60_000);
    assert.equal(loads, 0);
    assert.equal((await lazy.getUpload('u1')).offset, 3);
    await lazy.remove('u1');
    assert.equal(loads, 1);
    assert.deepEqual(real.calls, ['getUpload u1', 'remove u1']);
  });

  test('a failed import fails that call and is tried again on the next', async () => {
    let attempts = 0;
    const lazy = new LazyDataStore(
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("Cannot find package '@tus/s3-store'");
        return new RecordingStore();
      },
      [],
      1000,
    );
    await assert.rejects(lazy.getUpload('u1'), /Cannot find package/);
    assert.equal((await lazy.getUpload('u1')).id, 'u1');
    assert.equal(attempts, 2);
  });
});
