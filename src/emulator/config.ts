/** The emulator's settings once defaults are applied; see EmulatorOptions in index.ts. */
export interface EmulatorConfig {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  strictReferences: boolean;
  maxBodyBytes: number;
  now: () => Date;
}
