import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { createVideo, fetchVideo } from '../videos/video-api.ts';
import type { Video } from '../api/types.ts';
import { RequireChannel } from '../auth/RequireChannel.tsx';
import { DropZone } from './DropZone.tsx';
import { ProcessingProgress } from './ProcessingProgress.tsx';
import { UploadProgress } from './UploadProgress.tsx';
import { VideoDetailsForm, type VideoDetails } from './VideoDetailsForm.tsx';
import { findUnfinishedUpload, TUS_ENDPOINT, useTusUpload } from './useTusUpload.ts';

function titleFromFileName(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, '')
      .replace(/[_-]+/g, ' ')
      .trim()
      .slice(0, 100) || 'Untitled'
  );
}

/** The video an unfinished upload of this file belongs to, if it still waits for its file (a reload mid-upload). */
function useUnfinishedVideo(file: File | null): { checked: boolean; video: Video | null } {
  const [found, setFound] = useState<{ file: File; video: Video | null } | null>(null);
  useEffect(() => {
    if (!file) return;
    let current = true;
    findUnfinishedUpload(file)
      .then((previous) => (previous ? fetchVideo(previous.videoId) : null))
      .then(
        (video) => (video?.status === 'uploading' ? video : null),
        () => null,
      )
      .then((video) => {
        if (current) setFound({ file, video });
      });
    return () => {
      current = false;
    };
  }, [file]);
  return found?.file === file ? { checked: true, video: found.video } : { checked: false, video: null };
}

function Uploader() {
  const [file, setFile] = useState<File | null>(null);
  const [video, setVideo] = useState<Video | null>(null);
  const tus = useTusUpload();
  const unfinished = useUnfinishedVideo(video ? null : file);

  const resumeUnfinished = (existing: Video) => {
    setVideo(existing);
    tus.start(file!, { endpoint: TUS_ENDPOINT, videoId: existing.id });
  };

  const create = async (details: VideoDetails) => {
    const created = await createVideo(details, crypto.randomUUID());
    setVideo(created.video);
    tus.start(file!, { endpoint: created.upload.endpoint, videoId: created.upload.metadata.videoId });
  };

  if (!file) return <DropZone onFile={setFile} />;
  return (
    <div className="upload-layout">
      <p className="muted">
        File: <strong>{file.name}</strong> ({(file.size / 1024 / 1024).toFixed(1)} MB)
      </p>
      {!video && unfinished.video && (
        <div className="resume-upload" role="status">
          <p>
            This file was being uploaded as <strong>{unfinished.video.title}</strong> and did not finish.
          </p>
          <button type="button" className="button primary" onClick={() => resumeUnfinished(unfinished.video!)}>
            Resume that upload
          </button>
        </div>
      )}
      {!video ? (
        <VideoDetailsForm
          initial={{
            title: titleFromFileName(file.name),
            description: '',
            tags: [],
            category: 'other',
            visibility: 'public',
          }}
          submitLabel="Upload"
          onSubmit={create}
        />
      ) : (
        <>
          <h2>{video.title}</h2>
          <UploadProgress {...tus} />
          {tus.phase === 'done' && <ProcessingProgress videoId={video.id} />}
          {tus.phase === 'failed' && (
            <p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setFile(null);
                  setVideo(null);
                }}
              >
                Choose another file
              </button>
            </p>
          )}
        </>
      )}
      {!video && (
        <p>
          <button type="button" className="link-button" onClick={() => setFile(null)}>
            Choose a different file
          </button>
        </p>
      )}
      {video && tus.phase !== 'failed' && (
        <p className="muted">
          You can follow it later in the <Link to="/studio">Studio</Link>.
        </p>
      )}
    </div>
  );
}

export default function UploadPage() {
  return (
    <RequireChannel what="the upload page" purpose="to upload">
      <h1 className="page-title">Upload a video</h1>
      <Uploader />
    </RequireChannel>
  );
}
