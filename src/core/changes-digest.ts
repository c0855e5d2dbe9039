import { digest } from './digest.js';
import type { Plan } from './plan.js';

/**
 * A digest of what a plan would change, and nothing else: per resource that changes, its action,
 * the definition it writes and what goes into the YAML. Two plans with the same digest carry the
 * same changes, whenever they were made and whatever version tokens they saw: the Action compares
 * the plan a pull request was reviewed with to the plan it is about to apply.
 */
export function changesDigest(plan: Pick<Plan, 'target' | 'resources'>): string {
  const changes = plan.resources
    .filter((resource) => resource.action !== 'none' || resource.toYaml !== undefined)
    .map((resource) => ({
      kind: resource.kind,
      key: resource.key,
      action: resource.action,
      after: resource.action === 'create' || resource.action === 'update' ? resource.after : null,
      toYaml: resource.toYaml ? { action: resource.toYaml.action, after: resource.toYaml.after } : null,
    }));
  return digest({ target: plan.target.name, changes });
}
