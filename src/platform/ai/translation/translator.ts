import type { ModelInfo } from '../ports.ts';

/*
 * The Translator port. Languages are ISO 639-1 codes. A provider says which pairs it can do, so routing
 * can send a pair to the local engine when it has it and to a remote model otherwise.
 */
export interface Translation {
  text: string;
  model: ModelInfo;
}

export interface Translator {
  supports(from: string, to: string): Promise<boolean>;
  translate(text: string, from: string, to: string, signal?: AbortSignal): Promise<Translation>;
}

/** No provider can translate this pair: a clear 4xx/5xx for the caller, never an untranslated text passed off as one. */
export class UnsupportedLanguagePairError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`No translation engine is available for ${from} -> ${to}`);
    this.name = 'UnsupportedLanguagePairError';
  }
}
