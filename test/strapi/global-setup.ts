import type { TestProject } from 'vitest/node';
import { installFixture } from './helpers/install-fixture.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder whose node_modules holds the installed Strapi fixture. */
    strapiInstall: string;
  }
}

/** Installs Strapi once (cached per lockfile) before any Strapi test file runs. */
export default async function setup(project: TestProject): Promise<void> {
  const dir = await installFixture((line) => process.stderr.write(`${line}\n`));
  project.provide('strapiInstall', dir);
}
