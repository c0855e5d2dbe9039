/** A state catalyst's own code should never reach: a bug, reported as one. */
export class InternalError extends Error {
  constructor(message: string) {
    super(`Internal error: ${message}. This is a bug in catalyst.`);
    this.name = 'InternalError';
  }
}
