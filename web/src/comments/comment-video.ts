import { createContext } from 'react';

/** The length in seconds of the video the comments below are on (null while unknown): timestamps in them link up to it. */
export const CommentedVideoDuration = createContext<number | null>(null);
