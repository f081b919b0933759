export interface FieldProblem {
  field: string;
  message: string;
}

/** A refused API call, carrying the envelope's code, message and per-field details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldProblem[];

  constructor(status: number, code: string, message: string, details: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The message for one form field; `tags.3` and `body.tags` count as `tags`. */
  fieldMessage(field: string): string | undefined {
    const matches = (name: string) => name === field || name.endsWith(`.${field}`) || name.startsWith(`${field}.`);
    return this.details.find((detail) => matches(detail.field))?.message;
  }
}

/** Errors from the network itself (offline, server down) are told apart from refusals. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError;
}
