import { OPTIMIZELY_PROFILE } from '../adapters/optimizely/profile.js';
import type { PlatformProfile } from '../adapters/platform-profile.js';
import { STRAPI_PROFILE } from '../adapters/strapi/profile.js';
import { InternalError } from '../core/internal-error.js';
import type { StorableRules } from '../core/platform-profile.js';
import type { Config, ResolvedTarget } from '../io/config/config.js';

/** Every platform a config may name, with its profile. Adding a platform adds a row here and in open-target.ts. */
export const PLATFORM_PROFILES: Readonly<Record<ResolvedTarget['platform'], PlatformProfile>> = {
  optimizely: OPTIMIZELY_PROFILE,
  strapi: STRAPI_PROFILE,
};

/** The profile of a target's platform. */
export function profileOf(target: Pick<ResolvedTarget, 'platform'>): PlatformProfile {
  return PLATFORM_PROFILES[target.platform];
}

/**
 * The profile that shapes the YAML of a project when no target is in play (`validate`, the
 * Catalyst Studio source): its default target's platform, else its first target's.
 */
export function projectProfile(config: Config): PlatformProfile {
  const target = config.targets.find((candidate) => candidate.name === config.defaultTarget) ?? config.targets[0];
  return target ? profileOf(target) : PLATFORM_PROFILES.optimizely;
}

/** What a target's API version can store, from its platform's profile. */
export function storableRules(target: Pick<ResolvedTarget, 'platform' | 'apiVersion'>): StorableRules {
  const rules = profileOf(target).versions[target.apiVersion];
  if (!rules) throw new InternalError(`the ${target.platform} profile has no rules for API version ${target.apiVersion}`);
  return rules;
}
