import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/api-error.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { formatDuration } from '../../components/format.ts';
import { askStream, type Answer, type Passage } from '../../intelligence/ai-api.ts';
import { usePlayerController } from '../../player/player-controller.ts';
import './watch-ai.css';

type State =
  | { phase: 'idle' }
  | { phase: 'streaming'; passages: Passage[]; text: string }
  | { phase: 'done'; answer: Answer }
  | { phase: 'failed'; message: string; passages: Passage[] };

/** Errors in words: what went wrong and what to do, never a blank. */
function describeFailure(error: unknown): string {
  if (!(error instanceof ApiError))
    return `The question could not be sent (${(error as Error).message}). Check your connection and try again.`;
  switch (error.code) {
    case 'AI_QUOTA_EXCEEDED':
      return `You have used today's AI allowance. ${error.message}`;
    case 'AI_BUDGET_EXHAUSTED':
      return `This site has used today's AI budget. ${error.message}`;
    case 'RATE_LIMITED':
      return `Too many questions in a short time. ${error.message}`;
    case 'NO_TRANSCRIPT':
    case 'NOT_ANALYSED_YET':
      return 'This video has no transcript yet, so there is nothing to answer from. Try again once its analysis is done.';
    default:
      return error.message;
  }
}

/** `[2]` in a generated answer cites passage 2: it becomes a link that seeks there. */
function AnswerText({
  text,
  passages,
  onSeek,
}: {
  text: string;
  passages: Passage[];
  onSeek: (passage: Passage) => void;
}) {
  const parts = text.split(/(\[\d+\])/);
  return (
    <p className="ask-answer-text">
      {parts.map((part, index) => {
        const cited = /^\[(\d+)\]$/.exec(part);
        const passage = cited ? passages[Number(cited[1]) - 1] : undefined;
        if (!passage) return <span key={index}>{part}</span>;
        return (
          <a
            key={index}
            href={passage.link}
            className="citation"
            onClick={(event) => {
              event.preventDefault();
              onSeek(passage);
            }}
          >
            [{formatDuration(passage.startSeconds)}]
          </a>
        );
      })}
    </p>
  );
}

/** "Ask this video": a question, an answer streamed over SSE, and the cited passages as timestamp links. */
export default function AskPanel({ videoId }: { videoId: string }) {
  const { user } = useAuth();
  const controller = usePlayerController();
  const [question, setQuestion] = useState('');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const inputId = useId();
  useEffect(() => () => abort.current?.abort(), []);

  if (!user) {
    return (
      <p className="muted">
        <Link to={`/login?next=${encodeURIComponent(`/watch/${videoId}`)}`}>Sign in</Link> to ask questions about this
        video.
      </p>
    );
  }

  const seek = (passage: Passage) => {
    controller.seek(passage.startSeconds);
    controller.video?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const asked = question.trim();
    if (asked.length < 3)
      return setState({ phase: 'failed', message: 'Ask a question of at least three characters.', passages: [] });
    abort.current?.abort();
    const controllerForRequest = new AbortController();
    abort.current = controllerForRequest;
    let passages: Passage[] = [];
    let text = '';
    setState({ phase: 'streaming', passages, text });
    try {
      const answer = await askStream(
        videoId,
        asked,
        {
          onPassages: (received) => {
            passages = received;
            setState({ phase: 'streaming', passages, text });
          },
          onToken: (token) => {
            text += token;
            setState({ phase: 'streaming', passages, text });
          },
        },
        controllerForRequest.signal,
      );
      setState({ phase: 'done', answer });
    } catch (error) {
      if (controllerForRequest.signal.aborted) return;
      setState({ phase: 'failed', message: describeFailure(error), passages });
    }
  };

  const passages = state.phase === 'done' ? state.answer.passages : state.phase === 'idle' ? [] : state.passages;
  return (
    <div className="ask-panel">
      <form className="ask-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor={inputId}>Ask about this video</label>
        <div className="ask-row">
          <input
            id={inputId}
            type="text"
            maxLength={500}
            placeholder="e.g. How long should the dough rise?"
            value={question}
            onChange={(event) => setQuestion(event.target.value)}
          />
          <button type="submit" className="button primary" disabled={state.phase === 'streaming'}>
            {state.phase === 'streaming' ? 'Answering…' : 'Ask'}
          </button>
        </div>
      </form>
      <div className="ask-result" aria-live="polite" aria-busy={state.phase === 'streaming'}>
        {state.phase === 'streaming' &&
          (state.text ? (
            <AnswerText text={state.text} passages={state.passages} onSeek={seek} />
          ) : (
            <p className="muted">Finding the passages…</p>
          ))}
        {state.phase === 'done' && (
          <>
            <AnswerText text={state.answer.answer} passages={state.answer.passages} onSeek={seek} />
            <p className="muted ask-mode">
              {state.answer.mode === 'generated'
                ? `Written by ${state.answer.model ?? 'the text generator'} from the passages below.`
                : `This answer is the best matching passage itself, not a written answer${state.answer.notice ? `: ${state.answer.notice}` : '.'}`}
            </p>
          </>
        )}
        {state.phase === 'failed' && (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        )}
      </div>
      {passages.length > 0 && (
        <>
          <h3 className="insights-heading">From the video</h3>
          <ol className="ask-passages">
            {passages.map((passage, index) => (
              <li key={index}>
                <a
                  href={passage.link}
                  className="passage-time"
                  onClick={(event) => {
                    event.preventDefault();
                    seek(passage);
                  }}
                  aria-label={`Play from ${formatDuration(passage.startSeconds)}`}
                >
                  {formatDuration(passage.startSeconds)}
                </a>
                <span> {passage.text}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
