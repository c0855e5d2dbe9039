import type { Definition, LiveResource } from '../../core/model.js';
import { AdapterError } from '../errors.js';
import type { ResourcePort } from '../port.js';

/**
 * A resource kind Strapi does not have (property groups, display templates): it lists nothing and
 * refuses every write. The platform profile's `unstorableKinds` stops such resources in the plan
 * (V031) before any write reaches this port.
 */
export class AbsentKindPort<T extends Definition> implements ResourcePort<T> {
  constructor(private readonly noun: string) {}

  list(): Promise<Array<LiveResource<T>>> {
    return Promise.resolve([]);
  }

  get(): Promise<LiveResource<T> | null> {
    return Promise.resolve(null);
  }

  create(def: T): Promise<LiveResource<T>> {
    return Promise.reject(this.refusal(def.key));
  }

  update(_previous: T, next: T): Promise<LiveResource<T>> {
    return Promise.reject(this.refusal(next.key));
  }

  delete(key: string): Promise<void> {
    return Promise.reject(this.refusal(key));
  }

  private refusal(key: string): AdapterError {
    return new AdapterError({
      kind: 'validation',
      message: `Strapi has no ${this.noun}s, so ${this.noun} ${key} cannot be written to it. Remove its YAML for this target, or use a target whose platform has ${this.noun}s.`,
    });
  }
}
