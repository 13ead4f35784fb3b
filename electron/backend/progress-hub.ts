import type { ProgressEvent } from '../../shared/contract/api.js';

/** Fans progress events of running jobs out to every listening transport. */
export class ProgressHub {
  private readonly listeners = new Set<(event: ProgressEvent) => void>();

  subscribe(listener: (event: ProgressEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ProgressEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
