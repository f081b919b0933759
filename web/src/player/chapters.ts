export interface Chapter {
  title: string;
  startSeconds: number;
}

/** The chapter playing at `seconds` (chapters in time order), if any. */
export function chapterAt(chapters: readonly Chapter[], seconds: number): Chapter | undefined {
  let current: Chapter | undefined;
  for (const chapter of chapters) {
    if (chapter.startSeconds <= seconds + 0.05) current = chapter;
    else break;
  }
  return current;
}
