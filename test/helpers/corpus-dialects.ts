/** The API dialects the corpus is written in: field names and base type spellings differ between them. */
export type CorpusDialect = 'v1' | 'preview3' | 'preview2';

/**
 * The dialect each file of the corpus (test/fixtures/shared/optimizely/corpus) speaks, and why
 * (see the corpus README). The tests that load the corpus check that every file is listed here.
 */
export const CORPUS_DIALECTS: Readonly<Record<string, CorpusDialect>> = {
  'd-es-ign__optimizely-saas.json': 'preview2', // base types without underscore (page, element), required/localized
  'episerver__cms-saas-vercel-demo.json': 'preview2', // base types without underscore, enum as {values}
  'episerver__cms-saas-vercel-demo__b402a3c-preview3.json': 'preview3', // _page etc. with required/localized
  'hybriden__Optimizely.SaaS.json': 'preview3', // SDK shape but the preview names required/maxLength
  'szymonuryga__Optimizely-CMS-Content-SDK-Next.js-15.json': 'preview3', // uses "localized"
  'episerver__content-js-sdk__samples-fx-integration.json': 'v1',
  'episerver__content-js-sdk__samples-hello-world.json': 'v1',
  'episerver__content-js-sdk__samples-nextjs-template.json': 'v1',
  'episerver__content-js-sdk__templates-alloy.json': 'v1',
  'episerver__content-js-sdk__templates-stride.json': 'v1',
  'joshuaonwezen__optimizely-nextjs-demo.json': 'v1',
};
